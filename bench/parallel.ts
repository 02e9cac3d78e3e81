/**
 * The worker-thread half of the speed benchmark (bench/speed.ts runs it in a child process, so
 * that its peak RSS is its own): reads the generated corpus on worker threads with every core,
 * then ingests it into a fresh SQLite store with the reader threads feeding the main thread,
 * which only writes, as `parley ingest` does. Prints one JSON line.
 *
 * The threads run the compiled package when it is built (`npm run bench` builds it first), as
 * the `parley` command does: under tsx every thread would compile the TypeScript sources again,
 * which is no part of reading. Worker start-up is included in every figure.
 *
 * With `--workers 0` it ingests reading in the main thread (the default of `parley ingest`) and
 * reports no threaded read.
 *
 *   npx tsx bench/parallel.ts [--articles 10000] [--workers N]
 */
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { ParleyDocument } from '../src/document/types.js';
import type { SourceRecord } from '../src/ingest/sources.js';
import type { readParallel as ReadParallel } from '../src/parallel/index.js';
import type { createEngine as CreateEngine } from '../src/engine.js';
import type { readBatch as ReadBatch, BatchItem } from '../src/batch.js';
import type { SqliteStore as SqliteStoreClass } from '../src/store/index.js';
import { generateCorpus } from './corpus.js';

const { values } = parseArgs({ options: { articles: { type: 'string' }, workers: { type: 'string' } } });
const N = Number(values.articles ?? 10_000);
const WORKERS = Number(values.workers ?? availableParallelism());
/** Articles per store transaction, as `parley ingest` writes them. */
const INGEST_BATCH = 100;

const code = existsSync(fileURLToPath(new URL('../dist/src/parallel/index.js', import.meta.url))) ? 'dist' : 'src (tsx)';
/** A module of the package: the built one when there is one, else the TypeScript source. */
const load = (path: string): Promise<unknown> => import(new URL(code === 'dist' ? `../dist/src/${path}.js` : `../src/${path}.js`, import.meta.url).href);
const { readParallel } = (await load('parallel/index')) as { readParallel: typeof ReadParallel };
const { SqliteStore } = (await load('store/index')) as { SqliteStore: typeof SqliteStoreClass };

const corpus = generateCorpus({ articles: N, initiatives: Math.max(10, Math.round(N / 20)) });
const records = (): SourceRecord[] => corpus.map((a) => ({ origin: a.id, input: a, diagnostics: [] }));
let peakRss = process.memoryUsage().rss;
const sample = () => { peakRss = Math.max(peakRss, process.memoryUsage().rss); };
// The threads allocate while the main thread waits: sample on a timer.
const sampler = setInterval(sample, 25);

const loadAverage = (): number[] => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).map(Number);
function timer() {
  const wall = performance.now();
  const cpu = process.cpuUsage();
  return () => {
    const c = process.cpuUsage(cpu);
    return { wallMs: +(performance.now() - wall).toFixed(0), cpuMs: +((c.user + c.system) / 1000).toFixed(0), load: loadAverage() };
  };
}

/**
 * Reads every record as `parley ingest` does: on WORKERS threads, or with 0 in this thread in
 * chunks of 25; the engine's modules are loaded only then, as the command loads them.
 */
async function* items(): AsyncGenerator<BatchItem> {
  if (WORKERS > 0) { yield* readParallel(records(), { workers: WORKERS }); return; }
  const { createEngine } = (await load('engine')) as { createEngine: typeof CreateEngine };
  const { readBatch } = (await load('batch')) as { readBatch: typeof ReadBatch };
  yield* readBatch(createEngine(), records(), {}, { chunk: 25 });
}

// 1. Read only (on threads).
let stop = timer();
let read: (ReturnType<typeof stop> & { articles: number }) | null = null;
if (WORKERS > 0) {
  let articles = 0;
  for await (const item of items()) if (!item.failed) articles++;
  read = { articles, ...stop() };
}

// 2. Ingest: the main thread writes what the threads (or, with 0, the main thread itself) read.
const dir = join('bench', 'results');
mkdirSync(dir, { recursive: true });
const dbPath = join(dir, `bench-ingest-parallel-${process.pid}.db`);
const files = [dbPath, dbPath + '-wal', dbPath + '-shm'];
for (const f of files) rmSync(f, { force: true });
const store = new SqliteStore({ path: dbPath });
await store.migrate();
let stored = 0;
stop = timer();
let batch: ParleyDocument[] = [];
for await (const item of items()) {
  batch.push(item.document);
  if (batch.length >= INGEST_BATCH) { await store.ingest(batch); stored += batch.length; batch = []; }
}
if (batch.length) { await store.ingest(batch); stored += batch.length; }
const ingest = { articles: stored, ...stop() };
await store.close();
for (const f of files) rmSync(f, { force: true });
clearInterval(sampler);
sample();

process.stdout.write(JSON.stringify({ code, workers: WORKERS, read, ingest, peakRssMB: +(peakRss / 2 ** 20).toFixed(0) }) + '\n');
