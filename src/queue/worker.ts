import { Queue, UnrecoverableError, WaitingError, Worker, MetricsTime, type Job } from 'bullmq';
import { readRecord } from '../batch.js';
import { createEngine, type Engine } from '../engine.js';
import { openStore, type Store } from '../store/index.js';
import { parseQueueUrl, ready, redisOptions, type QueueTarget } from './connection.js';
import { BackgroundFold, HandBack, IngestBatcher, ReturnedError } from './batcher.js';
import { deadLetterQueueName, type ArticleJob, type ArticleJobResult, type DeadLetter } from './jobs.js';

export interface WorkerOptions {
  /** redis://host:port[/db][?queue=NAME] */
  queue: string | QueueTarget;
  /** postgres://… (or a SQLite path for a single worker); default PARLEY_DATABASE_URL. */
  db?: string;
  /** Jobs held at once; their documents are written together (group commit), with PostgreSQL half of them a transaction. */
  concurrency?: number;
  /** How long a job stays owned by a worker that stops answering, before another worker takes it. */
  lockDurationMs?: number;
  /** How long `close()` waits for in-flight jobs before returning them to the queue. */
  shutdownTimeoutMs?: number;
  /** Extra actor dictionary files for the engine. */
  actorFiles?: readonly string[];
  /** An engine or store to use instead of building them (tests, embedding). */
  engine?: Engine;
  store?: Store;
  /** Told about every job that finishes or fails (the CLI prints progress from it). */
  onJob?: (event: WorkerEvent) => void;
  /** Told when a background thread fold fails (its articles stay pending for the next fold). */
  onFold?: (event: { error: string }) => void;
  /** How long a background fold waits to gather articles while jobs keep coming (PostgreSQL). */
  foldIntervalMs?: number;
}

export type WorkerEvent =
  | { kind: 'completed'; jobId: string; result: ArticleJobResult }
  | { kind: 'failed'; jobId: string; error: string; attempt: number; final: boolean };

export interface WorkerTotals { completed: number; stored: number; duplicates: number; failed: number; deadLettered: number; events: number }

export interface RunningWorker {
  readonly target: QueueTarget;
  readonly totals: WorkerTotals;
  /** Stops taking jobs, finishes in-flight ones (or returns them to the queue after the timeout).
   * Resolves true when every job finished, false when some were returned. */
  close(): Promise<boolean>;
}

export const workerDefaults = Object.freeze({
  /**
   * Jobs held at once (48 measured faster than 8 and 16). With PostgreSQL a transaction takes half
   * of them (24) while the other half is read; 96 (transactions of 48) was no faster over 10,000
   * articles in two interleaved pairs (2026-12-06, 23:25 UTC).
   */
  concurrency: 48,
  lockDurationMs: 30_000,
  shutdownTimeoutMs: 20_000,
  /** Most documents in one store transaction (with PostgreSQL, also at most half the jobs held). */
  maxGroup: 64,
  /** A job that stalls (its worker died) this often is given up as failed. */
  maxStalledCount: 2,
  /**
   * How long a background thread fold waits to gather articles (PostgreSQL), and how long after
   * another worker's fold a worker waits before its own (BackgroundFold). A fold rewrites each
   * thread it joins once, however many of its articles it takes, so larger folds cost less an
   * article. Over 4,000 queued articles, folding every 2 s instead of every 0.5 s cut the
   * database's time on threads and pending folds from 1.33 to 0.71 s. Every 5 s instead of 2 s,
   * in three interleaved pairs of bench/queue.ts runs (20,000 articles, 2026-12-06): two workers
   * 531.2, 542.9, 493.3 against 481.5, 445.3, 417.2 articles/s, one worker 380.4, 361.6, 376.0
   * against 358.4, 340.6, 398.9. The cost is memory (a worker's peak RSS 905–1,152 MB against
   * 805–923 MB) and threads up to 5 s staler while a backlog is worked off: when the queue
   * empties, the fold runs at once, so the threads are current as soon as the last article is stored.
   * Every 30 s was no faster than every 5 s in four interleaved pairs (one worker 371.4 against
   * 374.4, two 477.6 against 474.1 articles/s on the mean); its fewer, larger folds split the
   * articles into fewer threads (`parley worker --fold-ms` chooses; see the README).
   */
  foldIntervalMs: 5_000,
});

/**
 * Starts a worker: it takes article jobs from the queue, reads each with the engine and writes
 * the documents to the store. A job that fails is retried with exponential backoff; one that
 * keeps failing (or can never succeed) lands in the dead-letter queue with its error.
 */
export async function startWorker(options: WorkerOptions): Promise<RunningWorker> {
  const target = parseQueueUrl(options.queue);
  const concurrency = Math.max(1, options.concurrency ?? workerDefaults.concurrency);
  const lockDuration = options.lockDurationMs ?? workerDefaults.lockDurationMs;
  const engine = options.engine ?? createEngine({ actorFiles: options.actorFiles ?? [] });
  const store = options.store ?? await openWorkerStore(options.db, concurrency);
  const ownsStore = !options.store;
  const dead = new Queue<DeadLetter>(deadLetterQueueName(target.name), { connection: redisOptions(target, true) });
  dead.on('error', () => {});
  try {
    await ready(dead, target);
  } catch (err) {
    await dead.close();
    if (ownsStore) await store.close();
    throw err;
  }
  // With PostgreSQL, articles are committed without waiting for the thread fold, which runs in
  // the background under the store-wide fold lock (PostgresStore.foldPending): articles never wait
  // for a fold, each fold takes every article stored meanwhile, and the workers fold about once
  // an interval between them (BackgroundFold).
  const shared = store.kind === 'postgres';
  // The folds come closer together as the queue's backlog runs out (foldPause): the jobs waiting
  // are read on a connection of their own, never the worker's blocking one.
  const counter = shared ? new Queue<ArticleJob>(target.name, { connection: redisOptions(target, true) }) : null;
  counter?.on('error', () => {});
  const folder = new BackgroundFold(store, options.foldIntervalMs ?? workerDefaults.foldIntervalMs, (err) => options.onFold?.({ error: messageOf(err) }),
    counter ? () => counter.getWaitingCount() : undefined);
  // Once the queue is empty no more articles will share a fold: what is stored is folded at once,
  // so the threads are current as soon as the last article is.
  const emptiness = new QueueEmptiness();
  const batcher = new IngestBatcher(store, {
    // With PostgreSQL a group is at most half the jobs held, so the other half is read while it
    // commits (SQLite reads nothing while it commits).
    maxGroup: shared ? Math.min(workerDefaults.maxGroup, Math.ceil(concurrency / 2)) : workerDefaults.maxGroup,
    gateTransactions: !shared, foldLater: shared,
    onStored: shared ? () => { folder.request(); if (emptiness.empty) folder.expedite(); } : undefined,
  });
  // When a shutdown runs out of time, every job still waiting (to read, or for its write) is
  // handed back, even one whose transaction is stuck: if that transaction commits after all, the
  // job's next run finds the content hash stored and writes nothing.
  const handBack = new HandBack();
  const totals: WorkerTotals = { completed: 0, stored: 0, duplicates: 0, failed: 0, deadLettered: 0, events: 0 };

  const bury = async (job: Job<ArticleJob>, error: string, attempts: number) => {
    // The job id is the dead letter's id, so burying the same job twice keeps one entry.
    await dead.add('dead', {
      jobId: job.id!, origin: job.data.origin, error, attempts, failedAt: new Date().toISOString(), input: job.data.input,
    }, { jobId: job.id!, removeOnComplete: true });
    totals.deadLettered++;
  };

  const processJob = async (job: Job<ArticleJob, ArticleJobResult>, token?: string): Promise<ArticleJobResult> => {
    const attempts = job.opts.attempts ?? 1;
    const finalAttempt = job.attemptsMade + 1 >= attempts;
    try {
      await handBack.unless(batcher.idle());
      const item = readRecord(engine, { origin: job.data.origin, input: job.data.input, diagnostics: [] });
      if (item.failed) {
        const why = item.document.diagnostics.map((d) => `${d.code} ${d.message}`).join('; ') || 'unreadable article';
        throw new UnrecoverableError(why);
      }
      return await handBack.unless(batcher.write(item.document));
    } catch (err) {
      if (err instanceof ReturnedError) {
        // Shutdown before this job's document was written: hand the job back untouched.
        await job.moveToWait(token);
        throw new WaitingError();
      }
      if (finalAttempt || err instanceof UnrecoverableError) await bury(job, messageOf(err), job.attemptsMade + 1);
      throw err;
    }
  };

  const worker = new Worker<ArticleJob, ArticleJobResult>(target.name, processJob, {
    connection: redisOptions(target, true),
    concurrency,
    lockDuration,
    stalledInterval: Math.min(30_000, lockDuration),
    maxStalledCount: workerDefaults.maxStalledCount,
    metrics: { maxDataPoints: MetricsTime.ONE_WEEK },
    autorun: false,
  });
  worker.on('error', () => {}); // connection errors: ioredis reconnects; jobs fail and retry on their own
  worker.on('drained', () => { emptiness.drained(Date.now()); folder.expedite(); });
  worker.on('active', (job) => emptiness.started(job));
  worker.on('completed', (job, result) => {
    totals.completed++;
    if (result.stored) totals.stored++; else totals.duplicates++;
    totals.events += result.events;
    options.onJob?.({ kind: 'completed', jobId: job.id!, result });
  });
  worker.on('failed', (job, err) => {
    if (!job || err instanceof WaitingError || err?.name === 'WaitingError') return;
    totals.failed++;
    const attempt = job.attemptsMade;
    const final = attempt >= (job.opts.attempts ?? 1) || err?.name === 'UnrecoverableError';
    // Jobs that stalled too often fail without running the processor; bury them here.
    if (final && /stalled/i.test(err?.message ?? '')) bury(job, err.message, attempt).catch(() => {});
    options.onJob?.({ kind: 'failed', jobId: job.id!, error: messageOf(err), attempt, final });
  });
  try {
    await ready(worker, target);
  } catch (err) {
    await Promise.allSettled([worker.close(true), dead.close(), counter?.close()]);
    if (ownsStore) await store.close();
    throw err;
  }
  const running = worker.run();
  running.catch(() => {});
  // Articles a worker that died had stored but not folded are folded now.
  if (shared) folder.request();

  let closing: Promise<boolean> | null = null;
  const close = () => closing ??= (async () => {
    const timeoutMs = options.shutdownTimeoutMs ?? workerDefaults.shutdownTimeoutMs;
    const closeStarted = Date.now();
    const closed = worker.close();
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((resolve) => { timer = setTimeout(() => resolve('late'), timeoutMs); });
    if (await Promise.race([closed.then(() => 'closed' as const), late]) === 'late') {
      // Every job still in flight goes back to the queue now, even one whose transaction is still
      // running: if that transaction commits after all, the job's next run finds the content hash
      // stored and writes nothing; if it does not, the next run writes the article.
      batcher.returnPending();
      handBack.now();
      await Promise.race([closed, new Promise((r) => setTimeout(r, 2000))]);
      await worker.close(true);
      clearTimeout(timer);
      await dead.close();
      // A fold still running may finish; if not, its articles stay pending for the next worker.
      await folder.settle(1000);
      await counter?.close();
      // A transaction stuck in the database must not hold the shutdown: leave its connection to
      // end with the process (PostgreSQL then rolls it back).
      if (ownsStore) await Promise.race([store.close(), new Promise((r) => setTimeout(r, 1000))]);
      return false;
    }
    clearTimeout(timer);
    await dead.close();
    // The articles this worker stored are folded before it stops, in the time the shutdown has
    // left; what is not folded by then stays pending for the next fold (any worker's).
    await folder.settle(Math.max(1000, timeoutMs - (Date.now() - closeStarted)));
    await counter?.close();
    if (ownsStore) await store.close();
    return true;
  })();
  return { target, totals, close };
}

/**
 * Whether the queue is empty, as a worker sees it: from BullMQ's `drained` (a fetch found no job)
 * until a job fetched after that starts. The last jobs fetched before the queue emptied may start
 * only after `drained`, and are not new work. A job's `processedOn` is the fetching worker's clock
 * when it sent the fetch. A job fetched in the very millisecond of the drain counts as old: the
 * worker then folds early once more, where counting an old job as new would hold the last
 * commit's fold for a whole interval. The job's creation time would not do: a backlog enqueued
 * into a paused queue (which a worker sees as empty) is older than the drain, and the queue would
 * stay "empty" while the worker works through it, folding after every commit (about four folds a
 * second).
 */
export class QueueEmptiness {
  private emptiedAt = 0;
  empty = false;

  drained(now: number): void {
    this.empty = true;
    this.emptiedAt = now;
  }

  started(job: { processedOn?: number; timestamp: number }): void {
    if ((job.processedOn ?? job.timestamp) > this.emptiedAt) this.empty = false;
  }
}

async function openWorkerStore(db: string | undefined, concurrency: number): Promise<Store> {
  const spec = db ?? process.env.PARLEY_DATABASE_URL;
  if (!spec || !/^postgres(ql)?:\/\//i.test(spec)) return openStore(spec);
  const { PostgresStore } = await import('../store/postgres/index.js');
  const store = new PostgresStore({ url: spec, poolSize: concurrency + 2 });
  try {
    await store.migrate();
  } catch (err) {
    await store.close();
    throw err;
  }
  return store;
}

function messageOf(err: unknown): string {
  return String((err as Error)?.message ?? err);
}
