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
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { ParleyDocument } from '../src/document/types.js';
import type { SourceRecord } from '../src/ingest/sources.js';
import type { readParallel as ReadParallel } from '../src/parallel/index.js';
import type { createEngine as CreateEngine } from '../src/engine.js';
import type { readRecords as ReadRecords, BatchItem } from '../src/batch.js';
import type { SqliteStore as SqliteStoreClass } from '../src/store/index.js';
import { generateCorpus } from './corpus.js';

const { values } = parseArgs({ options: { articles: { type: 'string' }, workers: { type: 'string' } } });
const N = Number(values.articles ?? 10_000);
const WORKERS = Number(values.workers ?? availableParallelism());
/** Articles per store transaction, as `parley ingest` writes them. */
const INGEST_BATCH = 100;

const built = fileURLToPath(new URL('../dist/src/parallel/index.js', import.meta.url));
const code = existsSync(built) ? 'dist' : 'src (tsx)';
const { readParallel } = (await import(existsSync(built) ? pathToFileURL(built).href : '../src/parallel/index.js')) as { readParallel: typeof ReadParallel };
const { createEngine } = (await import(existsSync(built) ? pathToFileURL(fileURLToPath(new URL('../dist/src/engine.js', import.meta.url))).href : '../src/engine.js')) as { createEngine: typeof CreateEngine };
const { readRecords } = (await import(existsSync(built) ? pathToFileURL(fileURLToPath(new URL('../dist/src/batch.js', import.meta.url))).href : '../src/batch.js')) as { readRecords: typeof ReadRecords };
const { SqliteStore } = (await import(existsSync(built) ? pathToFileURL(fileURLToPath(new URL('../dist/src/store/index.js', import.meta.url))).href : '../src/store/index.js')) as { SqliteStore: typeof SqliteStoreClass };

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

/** Reads every record: on WORKERS threads, or with 0 in this thread in chunks of INGEST_BATCH. */
async function* items(): AsyncGenerator<BatchItem> {
  if (WORKERS > 0) { yield* readParallel(records(), { workers: WORKERS }); return; }
  const engine = createEngine();
  const all = records();
  for (let i = 0; i < all.length; i += INGEST_BATCH) yield* readRecords(engine, all.slice(i, i + INGEST_BATCH));
}

// 1. Read only (on threads).
let stop = timer();
let read: (ReturnType<typeof stop> & { articles: number }) | null = null;
if (WORKERS > 0) {
  let articles = 0;
  for await (const item of items()) if (!item.failed) articles++;
  read = { articles, ...stop() };
}

// 2. Ingest: the threads read, the main thread writes.
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
