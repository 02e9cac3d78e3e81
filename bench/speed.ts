/**
 * Speed benchmark (`npm run bench`): reads a fixed, generated corpus of articles (bench/corpus.ts)
 * and reports, on this machine:
 *   - sentences/s and articles/s of the full `read` pipeline, and each stage's share;
 *   - the floor: wink-nlp's bare tokenization + POS over the same texts, and the ratio to it;
 *   - peak RSS;
 *   - ingest into SQLite (articles/s), in one process and with worker threads on every core.
 * Results are printed and saved as JSON under bench/results/.
 *
 *   npx tsx bench/speed.ts [--articles 10000]
 */
import { mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { createEngine } from '../src/engine.js';
import { Document } from '../src/document/document.js';
import { normalizeArticle } from '../src/ingest/normalize.js';
import { SqliteStore } from '../src/store/index.js';
import { generateCorpus } from './corpus.js';

const { values } = parseArgs({ options: { articles: { type: 'string' }, out: { type: 'string' } } });
const N = Number(values.articles ?? 10_000);
const corpus = generateCorpus({ articles: N, initiatives: Math.max(10, Math.round(N / 20)) });
let peakRss = process.memoryUsage().rss;
const sample = () => { peakRss = Math.max(peakRss, process.memoryUsage().rss); };

// 1. Start-up: building the engine loads every dictionary once.
let t = performance.now();
const engine = createEngine();
const startupMs = performance.now() - t;
sample();

// 2. The floor: wink-nlp tokenization + POS, nothing else.
const nlp = winkNLP(model, ['sbd', 'pos']);
t = performance.now();
let floorSentences = 0;
for (const a of corpus) {
  const d = nlp.readDoc(a.text);
  d.tokens().out(nlp.its.pos);
  floorSentences += d.sentences().length();
}
const floorMs = performance.now() - t;

// 3. The full pipeline, stage by stage.
const stageMs: Record<string, number> = Object.fromEntries(engine.pipeline.stages.map((s) => [s.name, 0]));
let sentences = 0;
t = performance.now();
for (let i = 0; i < corpus.length; i++) {
  const { article } = normalizeArticle(corpus[i]);
  const doc = new Document(article);
  for (const stage of engine.pipeline.stages) {
    const s0 = performance.now();
    stage.run(doc);
    stageMs[stage.name] += performance.now() - s0;
  }
  doc.toOutput();
  sentences += doc.sentences?.length ?? 0;
  if (i % 500 === 0) sample();
}
const readMs = performance.now() - t;
sample();

// 4. Ingest into SQLite, one process (read + write on one core).
const dir = join('bench', 'results');
mkdirSync(dir, { recursive: true });
const dbPath = join(dir, 'bench-ingest.db');
rmSync(dbPath, { force: true });
const store = new SqliteStore({ path: dbPath });
await store.migrate();
t = performance.now();
for (let i = 0; i < corpus.length; i += 100) {
  await store.ingest(corpus.slice(i, i + 100).map((a) => engine.readInput(a).toOutput()));
  sample();
}
const ingestMs = performance.now() - t;
await store.close();
for (const f of [dbPath, dbPath + '-wal', dbPath + '-shm']) rmSync(f, { force: true });

const result = {
  machine: { cpus: cpus().length, model: cpus()[0]?.model, memoryGiB: +(totalmem() / 2 ** 30).toFixed(1), node: process.version },
  corpus: { articles: corpus.length, sentences, characters: corpus.reduce((n, a) => n + a.text.length, 0) },
  startupMs: +startupMs.toFixed(1),
  read: {
    articlesPerSecond: +(corpus.length / (readMs / 1000)).toFixed(0),
    sentencesPerSecond: +(sentences / (readMs / 1000)).toFixed(0),
    stageMs: Object.fromEntries(Object.entries(stageMs).map(([k, v]) => [k, +v.toFixed(0)])),
  },
  floor: { sentencesPerSecond: +(floorSentences / (floorMs / 1000)).toFixed(0), ratio: +(readMs / floorMs).toFixed(2) },
  ingest: { articlesPerSecond: +(corpus.length / (ingestMs / 1000)).toFixed(0), workers: 1 },
  peakRssMB: +(peakRss / 2 ** 20).toFixed(0),
  date: new Date().toISOString(),
};
writeFileSync(values.out ?? join(dir, 'speed.json'), JSON.stringify(result, null, 2) + '\n');
console.log(JSON.stringify(result, null, 2));
