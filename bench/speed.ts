/**
 * Speed benchmark (`npm run bench`): reads a fixed, generated corpus of articles (bench/corpus.ts)
 * and reports, on this machine:
 *   - sentences/s and articles/s of the full `read` pipeline on one core (batches of 25 read stage
 *     by stage, as the worker threads read), and each stage's time;
 *   - the floor: wink-nlp's bare tokenization + POS over the same texts, and the ratio to it —
 *     passes over the corpus (5 by default) in which floor and pipeline alternate every 500
 *     articles, so that both see the same moments of a machine whose speed drifts: the first pass
 *     is the cold figure, the others the steady ones, and the ratio is the median of the steady
 *     passes' ratios; then other articles from the same generator (the same word lists), once
 *     with the code warm, to show that re-reading the very same articles is not what makes the
 *     steady passes fast (it does not show what a new vocabulary costs);
 *   - the same read on worker threads (src/parallel) with every core, as sentences/s per core;
 *   - ingest into SQLite (articles/s): reading in the main thread (as `parley ingest` does by
 *     default), and on worker threads with every core, the main thread only writing;
 *   - peak RSS: of the reads here, and of each ingest, which runs in a child process of its own
 *     (bench/parallel.ts) so that its peak is that of an ingest alone;
 *   - `parley read` of one article (plain text and an HTML page), start-up included;
 *   - the `parley ingest` command itself on the corpus as a JSONL file, reading in its main
 *     thread and on reader threads: wall time, articles/s and peak RSS (the kernel's high-water
 *     mark), as a user running it sees them. The in-process ingests above hold the whole corpus
 *     in memory; the command streams its input.
 * Every in-process figure comes with wall time, the CPU time the process spent (process.cpuUsage,
 * all threads) and the load average when it was measured: the machine is shared, and a figure
 * taken under load says so (the command's figures have wall time only). Results are printed and saved as JSON under bench/results/ (speed.json, the latest,
 * and one file per run).
 *
 *   npx tsx bench/speed.ts [--articles 10000] [--workers N] [--passes 5]
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import type { createEngine as CreateEngine } from '../src/engine.js';
import { generateCorpus } from './corpus.js';

// The compiled package when it is built (`npm run bench` builds it first), as the `parley`
// command runs it: under tsx the TypeScript loader's own thread and caches would count in the
// peak RSS, and they are no part of reading.
const distEngine = fileURLToPath(new URL('../dist/src/engine.js', import.meta.url));
const code = existsSync(distEngine) ? 'dist' : 'src (tsx)';
const { createEngine } = (await import(code === 'dist' ? pathToFileURL(distEngine).href : '../src/engine.js')) as { createEngine: typeof CreateEngine };

const { values } = parseArgs({ options: { articles: { type: 'string' }, out: { type: 'string' }, workers: { type: 'string' }, passes: { type: 'string' } } });
const N = Number(values.articles ?? 10_000);
const WORKERS = Number(values.workers ?? availableParallelism());
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

/** Runs bench/parallel.ts in a child process of its own (its peak RSS is its own) and returns its JSON line. */
function child(workers: number): { code: string; read: (Timing & { articles: number }) | null; ingest: Timing & { articles: number }; peakRssMB: number } {
  const run = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(new URL('./parallel.ts', import.meta.url)), '--articles', String(N), '--workers', String(workers)],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 24 });
  if (run.status !== 0) throw new Error(`the ${workers ? 'worker-thread' : 'one-thread'} ingest run exited ${run.status}`);
  return JSON.parse(run.stdout.trim().split('\n').pop() as string);
}

// 1. Start-up: building the engine loads every dictionary once.
let stop = timer();
const engine = createEngine();
const startup = stop();
sample();

// 2. The floor (wink-nlp tokenization + POS, nothing else) and the full pipeline on one core
//    (batches read stage by stage, as the worker threads and the store batches read, each stage
//    timed), over the whole corpus in passes. Within a pass the two alternate every
//    INTERLEAVE articles (about a tenth of a second of work): this machine's speed drifts by a
//    quarter from one second to the next, and whole passes of each, seconds apart, gave ratios
//    from 2.6 to 4.6 within one run; interleaved, both halves of the ratio see the same moments.
//    The first pass is the cold figure (the JIT's warm-up); the others are the steady ones (a long
//    ingest's), and a figure is their median.
const nlp = winkNLP(model, ['sbd', 'pos']);
const PASSES = Math.max(2, Number(values.passes ?? 5));
const INTERLEAVE = 500;
interface Pass extends Timing { stageMs: Record<string, number> }
const floorPasses: Timing[] = [];
const readPasses: Pass[] = [];
let floorSentences = 0, sentences = 0;
/** Accumulates the wall and CPU time of many short spans. */
function span() {
  let wallMs = 0, cpuMs = 0;
  return {
    time<T>(work: () => T): T {
      const wall = performance.now(), cpu = process.cpuUsage();
      try { return work(); } finally {
        const c = process.cpuUsage(cpu);
        wallMs += performance.now() - wall;
        cpuMs += (c.user + c.system) / 1000;
      }
    },
    total: (): Timing => ({ wallMs: +wallMs.toFixed(0), cpuMs: +cpuMs.toFixed(0), load: loadAverage() }),
  };
}
for (let pass = 0; pass < PASSES; pass++) {
  const floorSpan = span(), readSpan = span();
  const stageMs: Record<string, number> = Object.fromEntries(engine.pipeline.stages.map((st) => [st.name, 0]));
  const onStage = (stage: string, ms: number) => { stageMs[stage] += ms; };
  floorSentences = 0;
  sentences = 0;
  for (let c = 0; c < corpus.length; c += INTERLEAVE) {
    const part = corpus.slice(c, c + INTERLEAVE);
    floorSpan.time(() => {
      for (const a of part) {
        const d = nlp.readDoc(a.text);
        d.tokens().out(nlp.its.pos);
        floorSentences += d.sentences().length();
      }
    });
    readSpan.time(() => {
      for (let i = 0; i < part.length; i += READ_BATCH) {
        for (const doc of engine.readInputs(part.slice(i, i + READ_BATCH), { onStage })) {
          if (doc instanceof Error) throw doc;
          doc.toOutput();
          sentences += doc.sentences?.length ?? 0;
        }
      }
    });
    sample();
  }
  floorPasses.push(floorSpan.total());
  readPasses.push({ ...readSpan.total(), stageMs: Object.fromEntries(Object.entries(stageMs).map(([k, v]) => [k, +v.toFixed(0)])) });
}
// The steady passes re-read the very articles already read. Other articles of the same generator
// (another seed: the same word lists, so the per-word memos still hold most words), read once
// with the code warm, show that this is not what makes them fast.
const unseen = generateCorpus({ articles: N, initiatives: Math.max(10, Math.round(N / 20)), seed: 7 });
let unseenSentences = 0;
// Interleaved with floor passes over as many articles of the first corpus, as above.
const unseenFloorSpan = span(), unseenSpan = span();
let unseenFloorSentences = 0;
for (let c = 0; c < unseen.length; c += INTERLEAVE) {
  unseenFloorSpan.time(() => {
    for (const a of corpus.slice(c, c + INTERLEAVE)) {
      const d = nlp.readDoc(a.text);
      d.tokens().out(nlp.its.pos);
      unseenFloorSentences += d.sentences().length();
    }
  });
  unseenSpan.time(() => {
    const part = unseen.slice(c, c + INTERLEAVE);
    for (let i = 0; i < part.length; i += READ_BATCH) {
      for (const doc of engine.readInputs(part.slice(i, i + READ_BATCH))) {
        if (doc instanceof Error) throw doc;
        doc.toOutput();
        unseenSentences += doc.sentences?.length ?? 0;
      }
    }
  });
}
const unseenRead = unseenSpan.total(), floorBeforeUnseen = unseenFloorSpan.total();
clearInterval(sampler);
sample();
/** Peak RSS of start-up, the floor and the reads: the engine reading, no store open. */
const readPeakRssMB = +(peakRss / 2 ** 20).toFixed(0);
/** The pass of median wall time. */
const median = <T extends Timing>(passes: T[]): T => [...passes].sort((a, b) => a.wallMs - b.wallMs)[Math.floor(passes.length / 2)];
/** The steady passes: every pass after the first (cold) one. */
const read = median(readPasses.slice(1)), floor = median(floorPasses.slice(1));
const medianOf = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
/** Each pass's pipeline time over its floor time (read interleaved with it). */
const passRatios = readPasses.map((r, i) => r.wallMs / floorPasses[i].wallMs);
const passCpuRatios = readPasses.map((r, i) => r.cpuMs / floorPasses[i].cpuMs);

// 3. Ingest into SQLite, each in a child process of its own: reading in the main thread, as
//    `parley ingest` does by default; and on worker threads with every core, the main thread
//    only writing (`parley ingest --workers N`).
const single = child(0);
const parallel = child(WORKERS);
const cores = Math.min(WORKERS, cpus().length);

// 4. The `parley ingest` command itself, on the corpus as a JSONL file.
const corpusFile = join(dir, `bench-corpus-${process.pid}.jsonl`);
writeFileSync(corpusFile, corpus.map((a) => JSON.stringify(a)).join('\n') + '\n');
interface CliRun { workers: number; wallMs: number; articles: number; articlesPerSecond: number; peakRssMB: number | null }
/**
 * Runs a `parley` command over the corpus file with its output thrown away, and reports its wall
 * time, the articles its summary line names and its peak RSS (VmHWM, Linux), sampled every 20 ms.
 */
function cliRun(args: string[], workers: number, summary: RegExp | 'output lines'): Promise<CliRun> {
  const cli = code === 'dist' ? [fileURLToPath(new URL('../dist/src/cli/main.js', import.meta.url))] : ['--import', 'tsx', fileURLToPath(new URL('../src/cli/main.ts', import.meta.url))];
  const started = performance.now();
  const countLines = summary === 'output lines';
  const child = spawn(process.execPath, [...cli, ...args, '--workers', String(workers)], { stdio: ['ignore', countLines ? 'pipe' : 'ignore', 'pipe'] });
  let stderr = '', highWaterKb: number | null = null, lines = 0;
  child.stderr!.on('data', (d) => { stderr += String(d); });
  child.stdout?.on('data', (d: Buffer) => { for (let i = d.indexOf(10); i >= 0; i = d.indexOf(10, i + 1)) lines++; });
  const poll = setInterval(() => {
    try {
      const kb = Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1]);
      if (kb) highWaterKb = Math.max(highWaterKb ?? 0, kb);
    } catch { /* not Linux, or the process has just exited */ }
  }, 20);
  // 'close', not 'exit': the output is read to its end before the lines are counted.
  return new Promise((resolve, reject) => child.once('close', (status) => {
    clearInterval(poll);
    const wallMs = Math.round(performance.now() - started);
    const articles = countLines ? lines : Number((summary as RegExp).exec(stderr)?.[1]);
    if (status !== 0 || !articles) return reject(new Error(`parley ${args[0]} --workers ${workers} exited ${status}: ${stderr}`));
    resolve({ workers, wallMs, articles, articlesPerSecond: perSecond(articles, wallMs), peakRssMB: highWaterKb === null ? null : Math.round(highWaterKb / 1024) });
  }));
}
/** `parley ingest` of the corpus into a new SQLite file. */
async function cliIngest(workers: number): Promise<CliRun> {
  const db = join(dir, `bench-cli-ingest-${process.pid}-${workers}.db`);
  try {
    // "ingested N article(s) in …": every article read, stored or found already stored.
    return await cliRun(['ingest', corpusFile, '--db', db], workers, /ingested (\d+) article/);
  } finally {
    for (const f of [db, `${db}-wal`, `${db}-shm`]) rmSync(f, { force: true });
  }
}
/** `parley read --jsonl` of the corpus, one document per line (counted, then dropped): the product's own read, streaming. */
const cliRead = (workers: number) => cliRun(['read', '--jsonl', corpusFile, '--format', 'jsonl'], workers, 'output lines');
const cliOneThread = await cliIngest(1);
const cliWorkerThreads = await cliIngest(WORKERS);
const cliReadOneThread = await cliRead(1);
const cliReadWorkerThreads = await cliRead(WORKERS);
rmSync(corpusFile, { force: true });

// 5. `parley read` of one article, start-up included, as a user runs it: the example article as
//    plain text and as the HTML page (which loads the HTML reader too), five times each.
const oneArticleRuns = 5;
function readOneArticle(file: string): { file: string; runs: number; medianMs: number; minMs: number; maxMs: number } {
  const cli = code === 'dist' ? [fileURLToPath(new URL('../bin/parley.js', import.meta.url))] : ['--import', 'tsx', fileURLToPath(new URL('../src/cli/main.ts', import.meta.url))];
  const times: number[] = [];
  for (let i = 0; i < oneArticleRuns; i++) {
    const started = performance.now();
    const run = spawnSync(process.execPath, [...cli, 'read', file], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`parley read ${file} exited ${run.status}: ${run.stderr}`);
    times.push(Math.round(performance.now() - started));
  }
  const sorted = [...times].sort((a, b) => a - b);
  return { file, runs: oneArticleRuns, medianMs: sorted[Math.floor(sorted.length / 2)], minMs: sorted[0], maxMs: sorted[sorted.length - 1] };
}
const examples = fileURLToPath(new URL('../examples/', import.meta.url));
const oneArticle = {
  text: readOneArticle(join(examples, 'prisoner-exchange.txt')),
  html: readOneArticle(join(examples, '2025-10-14-kyiv-asks-for-meeting.html')),
};

const result = {
  machine: {
    cpus: cpus().length, model: cpus()[0]?.model, memoryGiB: +(totalmem() / 2 ** 30).toFixed(1), node: process.version,
  },
  corpus: { articles: corpus.length, sentences, characters: corpus.reduce((n, a) => n + a.text.length, 0) },
  /** The code the one-thread figures ran: dist (built) or src through tsx. */
  code,
  startup: { ms: startup.wallMs, cpuMs: startup.cpuMs },
  read: {
    /** One core, wall clock, the median steady pass: the headline figure. */
    sentencesPerSecond: perSecond(sentences, read.wallMs),
    articlesPerSecond: perSecond(corpus.length, read.wallMs),
    /** The same by CPU time (all the process's threads, the JIT's and GC's included). */
    sentencesPerCpuSecond: perSecond(sentences, read.cpuMs),
    /** The first pass: code not yet optimised by the JIT. */
    cold: { sentencesPerSecond: perSecond(sentences, readPasses[0].wallMs), ...readPasses[0] },
    /** As many other articles of the same generator (same word lists), read once after the passes. */
    otherArticles: { sentences: unseenSentences, sentencesPerSecond: perSecond(unseenSentences, unseenRead.wallMs), ...unseenRead },
    passes: readPasses.map((p) => p.wallMs),
    ...read,
  },
  floor: {
    sentencesPerSecond: perSecond(floorSentences, floor.wallMs),
    sentencesPerCpuSecond: perSecond(floorSentences, floor.cpuMs),
    /** The full read's cost over the floor's: the median of the steady passes' ratios, by wall and by CPU time. */
    ratio: +medianOf(passRatios.slice(1)).toFixed(2),
    cpuRatio: +medianOf(passCpuRatios.slice(1)).toFixed(2),
    /** Every pass's ratio, the cold one first. */
    passRatios: passRatios.map((r) => +r.toFixed(2)),
    /** The median steady pipeline pass over the median steady floor pass. */
    ratioOfMedians: +(read.wallMs / floor.wallMs).toFixed(2),
    /** The same over the first (cold) passes. */
    coldRatio: +(readPasses[0].wallMs / floorPasses[0].wallMs).toFixed(2),
    /** The other articles (warm code) against the floor read interleaved with them, per sentence. */
    otherArticlesRatio: +((unseenRead.wallMs / unseenSentences) / (floorBeforeUnseen.wallMs / unseenFloorSentences)).toFixed(2),
    passes: floorPasses.map((p) => p.wallMs),
    ...floor,
  },
  parallelRead: {
    workers: WORKERS,
    /** The code the worker threads ran: dist (built) or src through tsx. */
    code: parallel.code,
    articlesPerSecond: perSecond(parallel.read!.articles, parallel.read!.wallMs),
    sentencesPerSecond: perSecond(sentences, parallel.read!.wallMs),
    sentencesPerSecondPerCore: perSecond(sentences / cores, parallel.read!.wallMs),
    ...parallel.read!,
  },
  ingest: {
    single: { workers: 1, articlesPerSecond: perSecond(single.ingest.articles, single.ingest.wallMs), ...single.ingest },
    parallel: { workers: WORKERS, articlesPerSecond: perSecond(parallel.ingest.articles, parallel.ingest.wallMs), ...parallel.ingest },
  },
  /** `parley ingest` itself (start-up included): reading in its main thread, and on reader threads. */
  cliIngest: { oneThread: cliOneThread, workerThreads: cliWorkerThreads },
  /** The `parley read --jsonl` command on the same file, output discarded. */
  cliRead: { oneThread: cliReadOneThread, workerThreads: cliReadWorkerThreads },
  /** `parley read FILE` of one article, start-up included (wall time of the whole command). */
  oneArticleRead: oneArticle,
  /** Peak RSS of this process's reads (the benchmark's own process: the corpus and every result
   * held, tsx loaded), of each in-process ingest (corpus held, engine, store), and of the
   * `parley ingest` and `parley read` commands (streaming their input). */
  peakRssMB: {
    read: readPeakRssMB, ingestOneThread: single.peakRssMB, ingestWorkerThreads: parallel.peakRssMB,
    cliIngestOneThread: cliOneThread.peakRssMB, cliIngestWorkerThreads: cliWorkerThreads.peakRssMB,
    cliReadOneThread: cliReadOneThread.peakRssMB, cliReadWorkerThreads: cliReadWorkerThreads.peakRssMB,
  },
  date: new Date().toISOString(),
};
const json = JSON.stringify(result, null, 2) + '\n';
writeFileSync(values.out ?? join(dir, 'speed.json'), json);
writeFileSync(join(dir, `speed-${result.date.replace(/[:.]/g, '-')}.json`), json);
console.log(json);
