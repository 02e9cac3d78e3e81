/**
 * Queue benchmark: ingests N synthetic articles (default 20,000) through the BullMQ queue into a
 * fresh PostgreSQL database, once with one `parley worker` process and once with two, and
 * reports articles per second for each. Figures are printed and saved under bench/results/.
 *
 *   node --import tsx bench/queue.ts [--articles 20000] [--words 120] [--workers 1,2] [--rounds 2] [--concurrency 48] [--fold-ms MS] [--warmup N]
 *
 * `--words` sets the generated articles' length (about 120 words by default, the length of the
 * MEANTIME development documents; the seed report is 370 words). `--fold-ms` is passed on to the
 * workers (`parley worker --fold-ms`; their own default without it). `--warmup N` has the workers
 * take N other articles first, untimed, so the figures are those of workers V8 has optimised (a
 * long backfill's) rather than of their first seconds, when each process compiles its hot code
 * on helper threads that two workers' processes take from each other's cores.
 *
 * Each run also reports the CPU time of the workers and of local PostgreSQL and Redis servers,
 * and from the one-worker runs' split, the most two workers can reach on this machine's cores.
 * Workers are started as `parley worker` is (src/cli/main.ts), so they run in the child process
 * the command starts (cli/relaunch.ts); PARLEY_WORKER_NODE_FLAGS="" compares V8's default GC.
 * PARLEY_BENCH_NODE_FLAGS adds Node.js flags to each worker, PARLEY_BENCH_PROFILE=DIR writes
 * CPU profiles there.
 *
 * Needs Redis (PARLEY_TEST_REDIS_URL, default 127.0.0.1:6379) and PostgreSQL
 * (PARLEY_TEST_POSTGRES_URL, default postgres://postgres@127.0.0.1:5432/postgres).
 * The clock starts when the paused queue is resumed with every worker ready (engine loaded), and
 * stops when the last article is committed and folded into the threads, so start-up time is not
 * counted.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Queue } from 'bullmq';
import pg from 'pg';
import { deadLetterQueueName, enqueueArticles, parseQueueUrl, queueStatus } from '../src/queue/index.js';
import { redisOptions } from '../src/queue/connection.js';
import { syntheticArticles } from '../test/queue.synthetic.js';
import { createTestDatabase, dropQueue, testQueueUrl } from '../test/services.js';

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '20000' }, words: { type: 'string', default: '120' }, workers: { type: 'string', default: '1,2' },
    concurrency: { type: 'string', default: '48' }, rounds: { type: 'string', default: '2' }, 'fold-ms': { type: 'string' },
    warmup: { type: 'string', default: '0' },
  },
});
const articles = Number(values.articles);
const words = Number(values.words);
const workerCounts = values.workers.split(',').map(Number);
const rounds = Math.max(1, Number(values.rounds));
const warmup = Math.max(0, Number(values.warmup));
const root = fileURLToPath(new URL('..', import.meta.url));

interface Run {
  workers: number; articles: number; seconds: number; articlesPerSecond: number; events: number; threads: number;
  /** Seconds from the first poll that found the queue empty (every job finished) to the last
   * article folded: the final fold, which one worker runs while the others have nothing to do. */
  tailSeconds: number;
  /** Each worker's own summary line (with its CPU seconds), printed when it stops. */
  workerSummaries: string[];
  /** The largest peak resident memory of any worker process (MB), read as the run ends. */
  workerPeakRssMB: number;
  /** CPU seconds from the resume to the last article folded: the workers' (all their threads), and
   * the local PostgreSQL and Redis servers' (null when they do not run on this machine). */
  cpu: { workers: number; services: number | null; postgres: number | null; redis: number | null;
    /** The benchmark's own process (polling the queue), which shares the cores. */
    benchmark: number;
    /** The workers' CPU by thread: JavaScript (main) and the helpers (V8's GC and compilers, libuv). */
    workerThreads: { main: number; helpers: number } };
}

const CLK_TCK = (() => {
  try { return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100; } catch { return 100; }
})();

/**
 * CPU seconds spent so far by the PostgreSQL and Redis server processes on this machine, their
 * exited children (PostgreSQL's backends) included, or null unless both are visible here.
 */
function servicesCpuSeconds(): { postgres: number; redis: number } | null {
  const ticks = { postgres: 0, redis: 0 };
  const found = { postgres: false, redis: false };
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    let stat: string;
    try { stat = readFileSync(`/proc/${pid}/stat`, 'utf8'); } catch { continue; }
    const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
    const service = name.startsWith('postgres') ? 'postgres' : name.startsWith('redis-server') ? 'redis' : null;
    if (!service) continue;
    found[service] = true;
    // After the name: state is field 3; utime, stime, cutime and cstime are fields 14 to 17.
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    ticks[service] += Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14]);
  }
  return found.postgres && found.redis ? { postgres: ticks.postgres / CLK_TCK, redis: ticks.redis / CLK_TCK } : null;
}

/** A process and its descendants (`parley worker` runs the worker in a child it starts: cli/relaunch.ts). */
function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    let stat: string;
    try { stat = readFileSync(`/proc/${pid}/stat`, 'utf8'); } catch { continue; }
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    children.set(ppid, [...(children.get(ppid) ?? []), Number(pid)]);
  }
  const tree = [root];
  for (let i = 0; i < tree.length; i++) tree.push(...(children.get(tree[i]) ?? []));
  return tree;
}

/** A process's peak resident memory so far, in MB (0 when it is gone). */
function peakRssMB(pid: number): number {
  try {
    const kB = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kB ? Math.round(Number(kB) / 1024) : 0;
  } catch {
    return 0;
  }
}

/**
 * CPU seconds of the main (JavaScript) threads of a process and its descendants, and of their
 * other threads: V8's helpers (garbage collection, compilation) above all, and libuv's pool.
 * Node 20 names them all "node". Each process is counted from when it was first seen.
 */
function threadCpuSeconds(root: number): Map<number, { main: number; helpers: number }> {
  const out = new Map<number, { main: number; helpers: number }>();
  for (const pid of processTree(root)) {
    const own = { main: 0, helpers: 0 };
    let tasks: string[];
    try { tasks = readdirSync(`/proc/${pid}/task`); } catch { continue; }
    for (const tid of tasks) {
      let stat: string;
      try { stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8'); } catch { continue; }
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      own[tid === String(pid) ? 'main' : 'helpers'] += (Number(f[11]) + Number(f[12])) / CLK_TCK;
    }
    out.set(pid, own);
  }
  return out;
}

async function run(workers: number): Promise<Run> {
  const database = await createTestDatabase('parley_bench');
  const queue = testQueueUrl('parley-bench');
  const target = parseQueueUrl(queue);
  const q = new Queue(target.name, { connection: redisOptions(target, false) });
  const dead = new Queue(deadLetterQueueName(target.name), { connection: redisOptions(target, false) });
  const children: ChildProcess[] = [];
  /** Settles when a worker has exited and its stderr (with its summary line) has been read whole. */
  const closed: Promise<void>[] = [];
  const summaries: string[] = [];
  const db = new pg.Pool({ connectionString: database.url, max: 1 });
  const cpu: Run['cpu'] = { workers: 0, services: null, postgres: null, redis: null, benchmark: 0, workerThreads: { main: 0, helpers: 0 } };
  try {
    await q.pause();
    const enqueue = async (count: number, start: number) => {
      const started = Date.now();
      const r = await enqueueArticles(queue, syntheticArticles(count, start, words));
      process.stderr.write(`  enqueued ${r.enqueued} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
    };
    // The warm-up articles follow the measured ones in the generator, so none shares their content.
    await enqueue(warmup || articles, warmup ? articles : 0);
    await Promise.all(Array.from({ length: workers }, () => new Promise<void>((resolve, reject) => {
      const child = spawn(process.execPath, [...(process.env.PARLEY_BENCH_PROFILE ? ['--cpu-prof', '--cpu-prof-dir', process.env.PARLEY_BENCH_PROFILE] : []), ...(process.env.PARLEY_BENCH_NODE_FLAGS?.split(' ').filter(Boolean) ?? []), '--import', 'tsx', 'src/cli/main.ts', 'worker', '--queue', queue, '--db', database.url, '--concurrency', values.concurrency, ...(values['fold-ms'] ? ['--fold-ms', values['fold-ms']] : [])],
        { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
      children.push(child);
      closed.push(new Promise<void>((done) => child.once('close', () => done())));
      let err = '';
      child.stderr!.on('data', (d) => { err += String(d); if (/worker ready/.test(err)) resolve(); });
      child.once('close', () => { const line = err.split('\n').find((l) => l.startsWith('worker stopped')); if (line) summaries.push(line); });
      child.once('exit', (code) => reject(new Error(`worker exited (${code}): ${err}`)));
    })));
    if (warmup) {
      // Warm-up: the workers take `warmup` other articles first, untimed, so the figures are those
      // of workers whose code V8 has optimised (a long backfill's), not of their first seconds.
      await q.resume();
      await settled(queue, q, dead, db, warmup);
      await q.pause();
      await enqueue(articles, 0);
    }
    // The CPU clock runs over the same window as the wall clock: start-up is not counted.
    const servicesAtStart = servicesCpuSeconds();
    const workersAtStart = children.map((c) => threadCpuSeconds(c.pid!));
    const benchAtStart = process.cpuUsage();
    await q.resume();
    const t0 = Date.now();
    let drainedAt: number | null = null;
    await settled(queue, q, dead, db, warmup + articles, () => { drainedAt ??= Date.now(); });
    const finished = Date.now();
    const seconds = (finished - t0) / 1000;
    const tailSeconds = (finished - (drainedAt ?? finished)) / 1000;
    const workerPeakRssMB = Math.max(0, ...children.flatMap((c) => processTree(c.pid!).map(peakRssMB)));
    const benchCpu = process.cpuUsage(benchAtStart);
    cpu.benchmark = +((benchCpu.user + benchCpu.system) / 1e6).toFixed(1);
    const servicesNow = servicesCpuSeconds();
    children.forEach((c, i) => {
      for (const [pid, now] of threadCpuSeconds(c.pid!)) {
        const before = workersAtStart[i].get(pid) ?? { main: 0, helpers: 0 };
        for (const k of ['main', 'helpers'] as const) cpu.workerThreads[k] = +(cpu.workerThreads[k] + now[k] - before[k]).toFixed(1);
      }
    });
    cpu.workers = +(cpu.workerThreads.main + cpu.workerThreads.helpers).toFixed(1);
    if (servicesAtStart && servicesNow) {
      cpu.postgres = +(servicesNow.postgres - servicesAtStart.postgres).toFixed(1);
      cpu.redis = +(servicesNow.redis - servicesAtStart.redis).toFixed(1);
      cpu.services = +(cpu.postgres + cpu.redis).toFixed(1);
    }
    const events = Number((await db.query('SELECT count(*) AS n FROM events')).rows[0].n);
    const threads = Number((await db.query('SELECT count(*) AS n FROM threads')).rows[0].n);
    return { workers, articles, seconds, tailSeconds, articlesPerSecond: articles / seconds, events, threads, workerSummaries: summaries, workerPeakRssMB, cpu };
  } finally {
    for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
    await Promise.all(closed);
    await q.close();
    await dead.close();
    await db.end();
    await dropQueue(queue);
    await database.drop();
  }
}

/**
 * Resolves once the queue is empty and the database holds `stored` articles, every one folded
 * into the threads; `onDrained` is told each time a poll finds the queue empty.
 */
async function settled(queue: string, q: Queue, dead: Queue, db: pg.Pool, stored: number, onDrained?: () => void): Promise<void> {
  for (;;) {
    await new Promise((r) => setTimeout(r, 250));
    // Polled on the connections the benchmark holds anyway, not with `parley status`'s reading
    // (new connections, the workers' client list and the metrics, four times a second), which
    // took CPU from the cores the workers share.
    const counts = await q.getJobCounts('waiting', 'prioritized', 'active', 'delayed');
    if (await dead.getJobCountByTypes('waiting')) throw new Error(`dead letters: ${JSON.stringify((await queueStatus(queue)).deadLetters.recent)}`);
    // Done when every article is stored and folded into the threads. The database is only
    // asked once the queue is empty, so the polling adds next to nothing to the servers' CPU.
    if (Object.values(counts).some((n) => n > 0)) continue;
    onDrained?.();
    if (Number((await db.query('SELECT count(*) AS n FROM articles')).rows[0].n) !== stored) continue;
    if (Number((await db.query('SELECT count(*) AS n FROM pending_folds')).rows[0].n) === 0) return;
  }
}

/**
 * Milliseconds this machine takes for a fixed piece of integer work. Shared virtual machines
 * change speed from minute to minute (a loop like this one has taken 300 and 400 ms here), so each run
 * is stamped with it: runs far apart in it are not comparable.
 */
function hostSpeedProbe(): number {
  const t0 = performance.now();
  let x = 0;
  for (let i = 0; i < 100_000_000; i++) x = (x + i * 7) % 1_000_003;
  if (x < 0) console.log(x);
  return Math.round(performance.now() - t0);
}

/**
 * Runs in rounds, the order reversed every other round (1, 2, then 2, 1): a machine that speeds
 * up or slows down during the benchmark then favours neither worker count.
 */
const order: number[] = [];
for (let round = 0; round < rounds; round++) order.push(...(round % 2 ? [...workerCounts].reverse() : workerCounts));
const load = loadavg()[0];
const runs: (Run & { round: number; hostProbeMs: number })[] = [];
for (const [i, n] of order.entries()) {
  const round = Math.floor(i / workerCounts.length) + 1;
  const hostProbeMs = hostSpeedProbe();
  process.stderr.write(`round ${round}: ${n} worker(s), ${articles} articles of about ${words} words (host probe ${hostProbeMs} ms)…\n`);
  const r = { ...(await run(n)), round, hostProbeMs };
  runs.push(r);
  console.log(`round ${round}, ${n} worker(s): ${r.articles} articles in ${r.seconds.toFixed(1)} s = ${r.articlesPerSecond.toFixed(1)} articles/s (the last ${r.tailSeconds.toFixed(1)} s after the queue emptied; ${r.events} events, ${r.threads} threads; host probe ${hostProbeMs} ms; worker peak RSS ${r.workerPeakRssMB} MB)`);
  for (const line of r.workerSummaries) console.log(`  ${line}`);
  const perArticle = (seconds: number) => `${(seconds * 1000 / r.articles).toFixed(2)} ms an article`;
  console.log(`  CPU: workers ${r.cpu.workers} s (${perArticle(r.cpu.workers)})` +
    (r.cpu.services === null ? '; PostgreSQL and Redis not on this machine' : `, PostgreSQL + Redis ${r.cpu.services} s (${perArticle(r.cpu.services)}: PostgreSQL ${perArticle(r.cpu.postgres!)}, Redis ${perArticle(r.cpu.redis!)})`));
  const t = r.cpu.workerThreads;
  console.log(`  worker threads: JavaScript ${perArticle(t.main)}, helpers (GC, compilers) ${perArticle(t.helpers)}; the benchmark's own polling ${r.cpu.benchmark} s`);
}
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const ofCount = (n: number) => runs.filter((r) => r.workers === n);
const rate = (n: number) => (ofCount(n).length ? mean(ofCount(n).map((r) => r.articlesPerSecond)) : null);
const one = rate(1), two = rate(2);
const speedup = one && two ? two / one : null;
const roundSpeedups = Array.from({ length: rounds }, (_, k) => {
  const inRound = runs.filter((r) => r.round === k + 1);
  const a = inRound.find((r) => r.workers === 1), b = inRound.find((r) => r.workers === 2);
  return a && b ? +(b.articlesPerSecond / a.articlesPerSecond).toFixed(3) : null;
});
if (one) console.log(`one worker: ${one.toFixed(1)} articles/s (mean of ${ofCount(1).length})`);
if (two) console.log(`two workers: ${two.toFixed(1)} articles/s (mean of ${ofCount(2).length})`);
if (speedup) console.log(`two workers / one worker: ${speedup.toFixed(2)}× (each round: ${roundSpeedups.map((x) => (x === null ? '–' : `${x.toFixed(2)}×`)).join(', ')})`);
/**
 * What the machine allows: with one worker bound by its own CPU (W a article) and the services
 * taking S an article, n workers on c cores reach at most min(n, c / (1 + S/W)) times one worker.
 */
const ones = ofCount(1);
const oneWorkerCpu = ones.reduce((sum, r) => sum + r.cpu.workers, 0);
const oneServicesCpu = ones.every((r) => r.cpu.services !== null) ? ones.reduce((sum, r) => sum + r.cpu.services!, 0) : null;
const bound = ones.length && oneServicesCpu !== null && oneWorkerCpu > 0 && two
  ? Math.min(2, cpus().length / (1 + oneServicesCpu / oneWorkerCpu)) : null;
if (bound) console.log(`two workers can reach at most ${bound.toFixed(2)}× one on ${cpus().length} cores, from the one-worker runs' CPU split`);
/**
 * The same from the other side: one worker seldom keeps its JavaScript thread busy all the time
 * (it waits for commits and for jobs), so it runs below 1 / W. With every core busy at the
 * one-worker runs' CPU an article (workers' and services'), n workers would make c / (W + S)
 * articles a second, this many times what one worker made.
 */
const coresBusy = ones.length && oneServicesCpu !== null && one && two
  ? Math.min(2, cpus().length / ((oneWorkerCpu + oneServicesCpu) / ones.reduce((sum, r) => sum + r.articles, 0)) / one) : null;
if (coresBusy) console.log(`with every core busy at the one-worker runs' CPU an article, two workers would make ${coresBusy.toFixed(2)}× one`);
const result = {
  benchmark: 'queue', date: new Date().toISOString(), cpus: cpus().length, cpu: cpus()[0]?.model, node: process.version,
  loadAverageAtStart: load, concurrency: Number(values.concurrency), foldMs: values['fold-ms'] ? Number(values['fold-ms']) : null, words, rounds, runs,
  articlesPerSecond: { one, two }, speedup, roundSpeedups, bound, coresBusy, warmup,
};
mkdirSync(new URL('results/', import.meta.url), { recursive: true });
const file = new URL(`results/queue-${result.date.replace(/[:.]/g, '-')}.json`, import.meta.url);
writeFileSync(file, JSON.stringify(result, null, 2) + '\n');
console.log(`saved ${fileURLToPath(file)}`);
