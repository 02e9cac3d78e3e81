// Gazetteer load time and memory, name look-ups, and the places stage on a written article.
//   node --import tsx bench/places.ts [ARTICLE.txt]
// Run it alone (node --expose-gc gives steadier memory figures). Not a test: it prints figures.
import { readFileSync } from 'node:fs';
import { Document } from '../src/document/document.js';
import { segment } from '../src/nlp/index.js';
import { findPlaces, loadGazetteer } from '../src/places/index.js';

const gc = (globalThis as { gc?: () => void }).gc;
const mb = (n: number): string => `${(n / 1048576).toFixed(1)} MB`;

gc?.();
const before = process.memoryUsage();
const t0 = performance.now();
const gazetteer = loadGazetteer();
const loadMs = performance.now() - t0;
gc?.();
const after = process.memoryUsage();
console.log(`gazetteer: ${gazetteer.size.places} places, ${gazetteer.size.countries} countries`);
console.log(`load: ${loadMs.toFixed(1)} ms; heap +${mb(after.heapUsed - before.heapUsed)}, rss +${mb(after.rss - before.rss)}`);

const names = ['Kyiv', 'Kiev', 'Odesa', 'Springfield', 'United States', 'U.S.', 'Washington', 'Rostov-on-Don', 'Lodz', 'Nowhere Town'];
const rounds = 10000;
let t = performance.now();
for (let i = 0; i < rounds; i++) gazetteer.find(names[i % names.length]);
const findMs = performance.now() - t;
console.log(`find: ${rounds} look-ups in ${findMs.toFixed(1)} ms (${(findMs * 1000 / rounds).toFixed(2)} µs each)`);

// An article written for this benchmark; pass a file to measure another.
const text = process.argv[2] ? readFileSync(process.argv[2], 'utf8') : [
  'KYIV, Oct 14 - Officials in Kyiv, Kharkiv and Odesa said drones struck the region overnight.',
  'Zelensky will travel to Washington next week, and a meeting on U.S. soil is expected.',
  'Russian forces shelled Kramatorsk and advanced toward Pokrovsk, while talks in Geneva stalled.',
  'In March, envoys shuttled between Moscow and Beijing; a statement from Kyiv welcomed the plan.',
].join(' ').repeat(5);
const doc = new Document({ id: 'bench', published: null, title: null, url: null, source: null, text });
Object.assign(doc, segment(text));
doc.entities = [];
doc.actors = [];
findPlaces(doc, gazetteer); // warm up
const runs = 50;
t = performance.now();
let found = 0;
for (let i = 0; i < runs; i++) found = findPlaces(doc, gazetteer).length;
const stageMs = (performance.now() - t) / runs;
console.log(`places stage: ${found} places in ${text.length} characters, ${stageMs.toFixed(2)} ms per article (tokens given)`);
