/**
 * Actor dictionary benchmark: start-up (load and compile every data/actors file), memory it adds,
 * and resolution speed of 1,000 mentions through resolveActor and of the whole actors stage.
 *
 *   node --import tsx bench/actors.ts           (TypeScript source)
 *   npm run build && node --import tsx bench/actors.ts --dist   (the compiled package)
 *
 * Prints figures; it never fails. Run it on a quiet machine: timings are wall-clock.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

// --dist measures the compiled JavaScript (what `parley` runs); by default the TypeScript source
// runs through tsx, whose transform adds some overhead of its own.
const useDist = process.argv.includes('--dist');
type ActorsModule = typeof import('../src/actors/index.js');
/** CPU time of this process in ms: on a shared machine it varies far less than wall-clock time. */
const cpuMs = (): number => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const heapBefore = process.memoryUsage();
const c0 = cpuMs();
const t0 = performance.now();
const { loadActorDictionary, resolveActor, actorsStage } = (await import(useDist ? '../dist/src/actors/index.js' : '../src/actors/index.js')) as ActorsModule;
const tImport = performance.now();
const dict = loadActorDictionary();
const tLoad = performance.now();
const cLoad = cpuMs();
const heapAfter = process.memoryUsage();

// 1,000 distinct mentions: names, demonym + sector noun, titles, capitals, seats, organisations.
const demonyms = ['Ukrainian', 'Russian', 'American', 'British', 'French', 'German', 'Chinese', 'Iranian', 'Israeli', 'Turkish', 'Polish', 'Sudanese', 'Syrian', 'Indian', 'Japanese', 'Qatari', 'Saudi', 'Egyptian', 'Nigerian', 'Brazilian'];
const nouns = ['officials', 'forces', 'troops', 'police', 'rebels', 'lawmakers', 'diplomats', 'protesters', 'prosecutors', 'soldiers'];
const others = ['Zelensky', 'Trump', 'Putin', 'Lavrov', 'Kyiv', 'Washington', 'the White House', 'the Kremlin', 'NATO', 'the European Union',
  'U.S.', 'the United States', 'Beijing', 'Tehran', 'the Trump administration', 'the Ukrainian President', 'the Russian Foreign Minister',
  'British Defence Secretary Tom Quarrie', 'one senior Ukrainian official', 'Halvorsen Quillfeather'];
const mentions: string[] = [];
for (const d of demonyms) for (const n of nouns) mentions.push(`${d} ${n}`, `senior ${d} ${n}`);
for (const d of demonyms) for (const o of others) mentions.push(o.length % 2 ? `${o}` : `the ${d} and ${o}`);
for (const o of others) for (let k = 0; mentions.length < 1000 && k < 30; k++) mentions.push(o);
mentions.length = 1000;

const dates = ['2025-10-14', '2022-06-01', null];
// One warm-up pass (JIT), then five timed passes; the median is reported, as the machine is shared.
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
let resolved = 0;
const passes: number[] = [];
const cpuPasses: number[] = [];
for (let pass = 0; pass < 6; pass++) {
  const r0 = performance.now();
  const rc = cpuMs();
  resolved = 0;
  for (let i = 0; i < mentions.length; i++) if (resolveActor(dict, mentions[i], dates[i % 3])) resolved++;
  if (pass > 0) { passes.push(performance.now() - r0); cpuPasses.push(cpuMs() - rc); }
}
const resolveMs = median(passes);
const resolveCpu = median(cpuPasses);

// The whole stage on the reference article (wink-nlp segmentation measured apart).
const { Document } = (await import(useDist ? '../dist/src/document/document.js' : '../src/document/document.js')) as typeof import('../src/document/document.js');
const { segmentStage } = (await import(useDist ? '../dist/src/nlp/index.js' : '../src/nlp/index.js')) as typeof import('../src/nlp/index.js');
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
let text = '';
try { text = readFileSync(join(root, '..', 'shared', 'seed', 'article.txt'), 'utf8'); } catch { text = 'Ukraine asked the United States for a meeting. Russian forces attacked. Kyiv insists.'; }
const stage = actorsStage(dict);
const docs = Array.from({ length: 50 }, () => {
  const d = new Document({ id: 'b', published: '2025-10-14', title: null, url: null, source: null, text });
  segmentStage().run(d);
  return d;
});
for (const d of docs.slice(0, 10)) stage.run(d);
const stagePasses: number[] = [];
for (let pass = 0; pass < 5; pass++) {
  const s0 = performance.now();
  for (const d of docs) stage.run(d);
  stagePasses.push(performance.now() - s0);
}
const stageMs = median(stagePasses);

const mb = (n: number): string => (n / 1048576).toFixed(1);
const f = (n: number): string => n.toFixed(1);
console.log(`${useDist ? 'compiled dist/' : 'TypeScript source via tsx'}; load average ${(await import('node:os')).loadavg()[0].toFixed(1)} on ${(await import('node:os')).cpus().length} cores`);
console.log(`actor dictionary: ${dict.files.length} files, ${dict.phrases.size} aliases, ${dict.people.length} people, ${dict.units.length} organisations/groups/seats, ${dict.countries.size} countries`);
console.log(`start-up: import ${f(tImport - t0)} ms + load and compile ${f(tLoad - tImport)} ms = ${f(tLoad - t0)} ms wall, ${f(cLoad - c0)} ms CPU`);
console.log(`memory added: heap ${mb(heapAfter.heapUsed - heapBefore.heapUsed)} MB, rss ${mb(heapAfter.rss - heapBefore.rss)} MB`);
console.log(`resolveActor: 1,000 mentions in ${f(resolveMs)} ms wall, ${f(resolveCpu)} ms CPU, medians of 5 (${resolved} resolved; wall passes ${passes.map(f).join(', ')} ms)`);
console.log(`actors stage: ${docs.length} × reference article (${docs[0].tokens!.length} tokens, ${docs[0].entities!.length} entities) in ${f(stageMs)} ms, ${f(stageMs / docs.length)} ms per article (median of 5)`);
