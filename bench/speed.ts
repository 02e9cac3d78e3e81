/**
 * Speed benchmark (`npm run bench`): reads a fixed, generated corpus of articles (bench/corpus.ts)
 * and reports, on this machine:
 *   - sentences/s and articles/s of the full `read` pipeline on one core (batches of 25 read stage
 *     by stage, as the worker threads read), and each stage's time;
 *   - the floor: wink-nlp's bare tokenization + POS over the same texts, and the ratio to it;
 *   - the same read on worker threads (src/parallel) with every core, as sentences/s per core;
 *   - ingest into SQLite (articles/s): in one thread, and with every core (reader threads, the
 *     store written by the main thread, as `parley ingest` does);
 *   - peak RSS: of the one-thread read and ingest, and of the run on worker threads, which runs
 *     in a child process of its own (as `parley ingest` would, with no engine in the main thread).
 * Every figure comes with wall time, the CPU time the process spent (process.cpuUsage, all threads)
 * and the load average when it was measured: the machine is shared, and a figure taken under load
 * says so. Results are printed and saved as JSON under bench/results/ (speed.json, the latest,
 * and one file per run).
 *
 *   npx tsx bench/speed.ts [--articles 10000] [--workers N]
 * The worker-thread part is bench/parallel.ts, run in a child process.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { availableParallelism, cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import type { createEngine as CreateEngine, Engine } from '../src/engine.js';
import type { SqliteStore as SqliteStoreClass } from '../src/store/index.js';
import { generateCorpus } from './corpus.js';

// The compiled package when it is built (`npm run bench` builds it first), as the `parley`
// command runs it: under tsx the TypeScript loader's own thread and caches would count in the
// peak RSS, and they are no part of reading.
const distEngine = fileURLToPath(new URL('../dist/src/engine.js', import.meta.url));
const code = existsSync(distEngine) ? 'dist' : 'src (tsx)';
const { createEngine } = (await import(code === 'dist' ? pathToFileURL(distEngine).href : '../src/engine.js')) as { createEngine: typeof CreateEngine };
const { SqliteStore } = (await import(code === 'dist' ? pathToFileURL(fileURLToPath(new URL('../dist/src/store/index.js', import.meta.url))).href : '../src/store/index.js')) as { SqliteStore: typeof SqliteStoreClass };

const { values } = parseArgs({ options: { articles: { type: 'string' }, out: { type: 'string' }, workers: { type: 'string' } } });
const N = Number(values.articles ?? 10_000);
const WORKERS = Number(values.workers ?? availableParallelism());
/** Articles per store transaction, as `parley ingest` writes them. */
const INGEST_BATCH = 100;
/** Articles read together, stage by stage, as a worker thread reads its chunk (src/parallel). */
const READ_BATCH = 25;

const corpus = generateCorpus({ articles: N, initiatives: Math.max(10, Math.round(N / 20)) });
let peakRss = process.memoryUsage().rss;
const sample = () => { peakRss = Math.max(peakRss, process.memoryUsage().rss); };
// Sampled on a timer too, so that no peak between two explicit samples is missed.
const sampler = setInterval(sample, 50);
sample();

const loadAverage = (): number[] => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).map(Number);

interface Timing { wallMs: number; cpuMs: number; load: number[] }
/** Wall and CPU time of one phase, with the 1/5/15-minute load average at its end. */
function timer(): () => Timing {
  const wall = performance.now();
  const cpu = process.cpuUsage();
  return () => {
    const c = process.cpuUsage(cpu);
    return { wallMs: +(performance.now() - wall).toFixed(0), cpuMs: +((c.user + c.system) / 1000).toFixed(0), load: loadAverage() };
  };
}
const perSecond = (count: number, ms: number) => +(count / (ms / 1000)).toFixed(0);

const dir = join('bench', 'results');
mkdirSync(dir, { recursive: true });

/** Ingests the corpus into a fresh SQLite store in this one thread, 100 articles a transaction. */
async function ingest(engine: Engine): Promise<Timing & { articles: number }> {
  const dbPath = join(dir, `bench-ingest-single-${process.pid}.db`);
  const files = [dbPath, dbPath + '-wal', dbPath + '-shm'];
  for (const f of files) rmSync(f, { force: true });
  const store = new SqliteStore({ path: dbPath });
  await store.migrate();
  let stored = 0;
  const t = timer();
  for (let i = 0; i < corpus.length; i += INGEST_BATCH) {
    const batch = engine.readInputs(corpus.slice(i, i + INGEST_BATCH)).map((doc) => {
      if (doc instanceof Error) throw doc;
      return doc.toOutput();
    });
    await store.ingest(batch);
    stored += batch.length;
    sample();
  }
  const timing = t();
  await store.close();
  for (const f of files) rmSync(f, { force: true });
  return { ...timing, articles: stored };
}

// 1. Start-up: building the engine loads every dictionary once.
let stop = timer();
const engine = createEngine();
const startup = stop();
sample();

// 2. The floor: wink-nlp tokenization + POS, nothing else.
const nlp = winkNLP(model, ['sbd', 'pos']);
stop = timer();
let floorSentences = 0;
for (const a of corpus) {
  const d = nlp.readDoc(a.text);
  d.tokens().out(nlp.its.pos);
  floorSentences += d.sentences().length();
}
const floor = stop();

// 3. The full pipeline on one core: batches read stage by stage (engine.readInputs, as the worker
//    threads and the store batches read), each stage timed over the batch.
const stageMs: Record<string, number> = Object.fromEntries(engine.pipeline.stages.map((s) => [s.name, 0]));
const onStage = (stage: string, ms: number) => { stageMs[stage] += ms; };
let sentences = 0;
stop = timer();
for (let i = 0; i < corpus.length; i += READ_BATCH) {
  for (const doc of engine.readInputs(corpus.slice(i, i + READ_BATCH), { onStage })) {
    if (doc instanceof Error) throw doc;
    doc.toOutput();
    sentences += doc.sentences?.length ?? 0;
  }
  if (i % 500 === 0) sample();
}
const read = stop();
sample();
/** Peak RSS of start-up, the floor and the read: the engine reading, before any store is opened. */
const readPeakRssMB = +(peakRss / 2 ** 20).toFixed(0);

// 4. Ingest into SQLite in this one thread: read and write.
const ingestSingle = await ingest(engine);
clearInterval(sampler);
sample();

// 5. Read and ingest on worker threads, every core, in a child process of its own.
const child = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(new URL('./parallel.ts', import.meta.url)), '--articles', String(N), '--workers', String(WORKERS)],
  { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 24 });
if (child.status !== 0) throw new Error(`the worker-thread run exited ${child.status}`);
const parallel = JSON.parse(child.stdout.trim().split('\n').pop() as string) as {
  code: string; read: Timing & { articles: number }; ingest: Timing & { articles: number }; peakRssMB: number;
};
const cores = Math.min(WORKERS, cpus().length);

const result = {
  machine: {
    cpus: cpus().length, model: cpus()[0]?.model, memoryGiB: +(totalmem() / 2 ** 30).toFixed(1), node: process.version,
  },
  corpus: { articles: corpus.length, sentences, characters: corpus.reduce((n, a) => n + a.text.length, 0) },
  /** The code the one-thread figures ran: dist (built) or src through tsx. */
  code,
  startup: { ms: startup.wallMs, cpuMs: startup.cpuMs },
  read: {
    /** One core, wall clock: the headline figure. */
    sentencesPerSecond: perSecond(sentences, read.wallMs),
    articlesPerSecond: perSecond(corpus.length, read.wallMs),
    /** The same by CPU time: what the figure would be on an idle core. */
    sentencesPerCpuSecond: perSecond(sentences, read.cpuMs),
    stageMs: Object.fromEntries(Object.entries(stageMs).map(([k, v]) => [k, +v.toFixed(0)])),
    ...read,
  },
  floor: {
    sentencesPerSecond: perSecond(floorSentences, floor.wallMs),
    sentencesPerCpuSecond: perSecond(floorSentences, floor.cpuMs),
    /** The full read's cost over the floor's, by wall time and by CPU time. */
    ratio: +(read.wallMs / floor.wallMs).toFixed(2),
    cpuRatio: +(read.cpuMs / floor.cpuMs).toFixed(2),
    ...floor,
  },
  parallelRead: {
    workers: WORKERS,
    /** The code the worker threads ran: dist (built) or src through tsx. */
    code: parallel.code,
    articlesPerSecond: perSecond(parallel.read.articles, parallel.read.wallMs),
    sentencesPerSecond: perSecond(sentences, parallel.read.wallMs),
    sentencesPerSecondPerCore: perSecond(sentences / cores, parallel.read.wallMs),
    ...parallel.read,
  },
  ingest: {
    single: { workers: 1, articlesPerSecond: perSecond(ingestSingle.articles, ingestSingle.wallMs), ...ingestSingle },
    parallel: { workers: WORKERS, articlesPerSecond: perSecond(parallel.ingest.articles, parallel.ingest.wallMs), ...parallel.ingest },
  },
  peakRssMB: { read: readPeakRssMB, singleThreadWithIngest: +(peakRss / 2 ** 20).toFixed(0), workerThreads: parallel.peakRssMB },
  date: new Date().toISOString(),
};
const json = JSON.stringify(result, null, 2) + '\n';
writeFileSync(values.out ?? join(dir, 'speed.json'), json);
writeFileSync(join(dir, `speed-${result.date.replace(/[:.]/g, '-')}.json`), json);
console.log(json);
