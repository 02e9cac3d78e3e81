import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import { Queue } from 'bullmq';
import { createEngine } from '../src/engine.js';
import { contentHash } from '../src/ingest/index.js';
import { PostgresStore } from '../src/store/postgres/index.js';
import {
  enqueueArticles, jobIdFor, listDeadLetters, parseQueueUrl, queueStatus, startWorker, type RunningWorker, type WorkerEvent,
} from '../src/queue/index.js';
import { syntheticArticles } from './queue.synthetic.js';
import { createTestDatabase, dropQueue, serviceSkip, testQueueUrl, waitFor } from './services.js';
import { once } from 'node:events';
import { createServer, connect, type AddressInfo } from 'node:net';
import { DrainEstimate, HandBack, MIN_FOLD_PAUSE_MS, ReadTurns, ReturnedError, foldPause } from '../src/queue/batcher.js';
import { QueueEmptiness } from '../src/queue/worker.js';

const skip = (await serviceSkip('redis')) || (await serviceSkip('postgres'));
const engine = skip ? undefined : createEngine();

/** A fresh database and queue per test; everything is removed afterwards. */
async function setup() {
  const database = await createTestDatabase();
  const queue = testQueueUrl();
  const store = new PostgresStore({ url: database.url });
  await store.migrate();
  const workers: RunningWorker[] = [];
  const events: WorkerEvent[] = [];
  return {
    database, queue, store, events,
    async closeWorkers() { await Promise.all(workers.splice(0).map((w) => w.close())); },
    async ensureWorker() { if (!workers.length) await this.worker(); },
    async worker(options: Partial<Parameters<typeof startWorker>[0]> = {}) {
      const w = await startWorker({ queue, db: database.url, engine, concurrency: 4, onJob: (e) => events.push(e), ...options });
      workers.push(w);
      return w;
    },
    async done() {
      await Promise.all(workers.map((w) => w.close()));
      await store.close();
      await dropQueue(queue);
      await database.drop();
    },
  };
}

type Env = Awaited<ReturnType<typeof setup>>;
const counts = async (queue: string) => (await queueStatus(queue)).counts;
const drained = (env: Env, articles: number) => waitFor(`${articles} articles stored and an empty queue`, async () => {
  const [s, c] = await Promise.all([env.store.stats(), counts(env.queue)]);
  return s.articles === articles && c.waiting + c.active + c.delayed === 0;
});

/** Runs SQL on the test database from a separate connection (to break or lock the store). */
async function onDatabase(url: string, statement: string): Promise<void> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try { await c.query(statement); } finally { await c.end(); }
}

// A worker's jobs wait on their read and their write through HandBack, so that a shutdown that
// runs out of time can hand them back. No services needed.
describe('queue › hand-back', () => {
  test('a wait settles as its promise does and leaves nothing registered (10,000 jobs)', async () => {
    const handBack = new HandBack();
    for (let i = 0; i < 10_000; i++) assert.equal(await handBack.unless(Promise.resolve(i)), i);
    assert.equal(handBack.pending, 0);
  });
  test('a wait whose promise fails fails with its error and leaves nothing registered', async () => {
    const handBack = new HandBack();
    await assert.rejects(handBack.unless(Promise.reject(new Error('write failed'))), /write failed/);
    assert.equal(handBack.pending, 0);
  });
  test('a pending wait is handed back at once, and so is every later one', async () => {
    const handBack = new HandBack();
    const stuck = handBack.unless(new Promise(() => {}));
    assert.equal(handBack.pending, 1);
    handBack.now();
    await assert.rejects(stuck, ReturnedError);
    await assert.rejects(handBack.unless(Promise.resolve(1)), ReturnedError);
    assert.equal(handBack.pending, 0);
  });
});

// Reading is synchronous: without a turn each, the jobs that arrive together read one after
// another while the replies of the transaction under way wait behind them. No services needed:
// the reply is a real TCP round trip on loopback.
describe('queue › read turns', () => {
  test('each read has a turn of its own, so a reply that arrives meanwhile is handled before the next read', async () => {
    const server = createServer((socket) => socket.on('data', (d) => socket.write(d)));
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const socket = connect((server.address() as AddressInfo).port, '127.0.0.1');
    try {
      await once(socket, 'connect');
      const log: string[] = [];
      const turns = new ReadTurns(() => log.push('drained'));
      const replied = once(socket, 'data').then(() => log.push('reply'));
      const busy = (ms: number) => { const end = performance.now() + ms; while (performance.now() < end); };
      await Promise.all(Array.from({ length: 10 }, (_, i) => turns.take().then(() => {
        if (i === 0) socket.write('commit');
        busy(5);
        log.push(`read ${i}`);
      })));
      await replied;
      await new Promise((resolve) => setImmediate(resolve));
      // The reply comes back well within a read's 5 ms; in one turn for all, it would come after read 9.
      assert.ok(log.indexOf('reply') < log.indexOf('read 3'), log.join(', '));
      assert.equal(turns.waiting, 0);
      assert.equal(log.at(-1), 'drained', 'told once every read is done');
    } finally {
      socket.destroy();
      server.close();
    }
  });
});

// When the queue is empty a worker folds what it stored at once; while jobs keep coming it lets
// a fold gather several commits. No services needed.
describe('queue › empty queue', () => {
  const drainedAt = 1_000_000;
  const cases: [string, { processedOn?: number; timestamp: number }, boolean][] = [
    ['a job fetched before the drain, starting after it, is not new work', { processedOn: drainedAt - 5, timestamp: drainedAt - 50 }, true],
    ['a job created and fetched after the drain is new work', { processedOn: drainedAt + 20, timestamp: drainedAt + 10 }, false],
    ['a backlog job of a paused queue, created before the drain and fetched after it, is new work', { processedOn: drainedAt + 20, timestamp: drainedAt - 60_000 }, false],
    ['without a fetch time, the creation time decides', { timestamp: drainedAt + 1 }, false],
    ['a job fetched in the very millisecond of the drain counts as old (at worst one early fold more)', { processedOn: drainedAt, timestamp: drainedAt - 50 }, true],
  ];
  for (const [name, job, empty] of cases) {
    test(`queue › ${name}`, () => {
      const emptiness = new QueueEmptiness();
      assert.equal(emptiness.empty, false);
      emptiness.drained(drainedAt);
      assert.equal(emptiness.empty, true);
      emptiness.started(job);
      assert.equal(emptiness.empty, empty);
    });
  }
});

describe('queue › the pause before a fold as the backlog runs out', () => {
  const interval = 5000;
  const cases: [string, number | null, number][] = [
    ['nobody knows when the queue empties: the whole interval', null, interval],
    ['the backlog outlasts two intervals: the whole interval', 2 * interval, interval],
    ['it empties within two intervals: half the time left', 6000, 3000],
    ['it empties within one: half the time left', 1200, 600],
    ['it is about to empty: the shortest pause', 100, MIN_FOLD_PAUSE_MS],
    ['it is empty: the shortest pause', 0, MIN_FOLD_PAUSE_MS],
  ];
  for (const [name, drainMs, pause] of cases) {
    test(`queue › ${name}`, () => assert.equal(foldPause(interval, drainMs), pause));
  }
  test('queue › a pause never outlasts a short interval', () => assert.equal(foldPause(100, 50), 100));

  const readings: [string, [number, number][], (number | null)[]][] = [
    ['the first reading tells nothing', [[0, 1000]], [null]],
    ['a backlog shrinking by 300 a second, with 600 left, empties in 2 s', [[0, 900], [1000, 600]], [null, 2000]],
    ['each reading is compared with the one before it', [[0, 900], [1000, 600], [1500, 100]], [null, 2000, 100]],
    ['a backlog that holds level (a live feed) never empties', [[0, 50], [5000, 50]], [null, null]],
    ['a backlog that grows never empties', [[0, 50], [5000, 800]], [null, null]],
    ['an empty queue is empty now', [[0, 400], [1000, 0]], [null, 0]],
    ['a reading no later than the last tells nothing', [[1000, 900], [1000, 600]], [null, null]],
  ];
  for (const [name, series, expected] of readings) {
    test(`queue › ${name}`, () => {
      const drain = new DrainEstimate();
      assert.deepEqual(series.map(([at, waiting]) => drain.observe(at, waiting)), expected);
    });
  }
});

describe('queue › jobs', { skip }, () => {
  let env: Env;
  before(async () => { env = await setup(); });
  after(async () => { await env?.done(); });

  test('queue › job ids come from the content hash, so enqueuing twice makes one job each', async () => {
    const articles = syntheticArticles(20);
    const first = await enqueueArticles(env.queue, articles);
    const again = await enqueueArticles(env.queue, articles.slice(0, 5).map((a) => ({ ...a, id: `${a.id}-renamed` })));
    assert.deepEqual([first.enqueued, first.alreadyQueued], [20, 0]);
    assert.deepEqual([again.enqueued, again.alreadyQueued], [0, 5]);
    assert.equal((await counts(env.queue)).waiting, 20);
    const q = new Queue(parseQueueUrl(env.queue).name, { connection: { host: '127.0.0.1', port: parseQueueUrl(env.queue).port } });
    try {
      assert.ok(await q.getJob(jobIdFor(contentHash(articles[3].text))));
    } finally { await q.close(); }
  });

  test('queue › unreadable records are reported, not enqueued', async () => {
    const r = await enqueueArticles(env.queue, [{ origin: 'empty.txt', input: { text: '   ' }, diagnostics: [] }, { id: 'no-text' }]);
    assert.equal(r.enqueued, 0);
    assert.deepEqual(r.rejected.map((x) => [x.origin, x.diagnostics[0]?.code]), [['empty.txt', 'P100'], ['no-text', 'P108']]);
  });

  test('queue › a worker stores every queued article once', async () => {
    await env.worker();
    await drained(env, 20);
    const s = await env.store.stats();
    assert.equal(s.articles, 20);
    const again = await enqueueArticles(env.queue, syntheticArticles(20));
    assert.equal(again.enqueued, 0, 'finished jobs are remembered, so re-enqueuing adds nothing');
    const status = await queueStatus(env.queue);
    assert.equal(status.counts.completed, 20);
    assert.equal(status.workers, 1);
    assert.equal(status.deadLetters.count, 0);
  });

  test('queue › a worker writes half the jobs it holds in a transaction, so it reads the other half meanwhile', async () => {
    const own = await setup();
    /** The real store, telling how many documents each transaction wrote. */
    class Counting extends PostgresStore {
      readonly groups: number[] = [];
      override ingest(...args: Parameters<PostgresStore['ingest']>) {
        this.groups.push(args[0].length);
        return super.ingest(...args);
      }
    }
    const store = new Counting({ url: own.database.url });
    try {
      await own.worker({ store, concurrency: 8 });
      await enqueueArticles(own.queue, syntheticArticles(80, 700));
      await drained(own, 80);
      assert.equal(store.groups.reduce((a, b) => a + b, 0), 80);
      assert.ok(Math.max(...store.groups) === 4, `groups ${store.groups.join(' ')}`);
    } finally {
      await own.done();
      await store.close();
    }
  });

  test('queue › the threads are folded as soon as the queue is empty, not an interval later', async () => {
    const own = await setup();
    try {
      // A fold interval far longer than the test may take: only the empty queue can start it.
      await own.worker({ foldIntervalMs: 120_000 });
      await enqueueArticles(own.queue, syntheticArticles(12, 500));
      await drained(own, 12);
      await waitFor('every stored article folded', async () => (await own.store.stats()).pendingFolds === 0, 15_000);
      assert.ok((await own.store.threads()).length > 0);
    } finally {
      await own.done();
    }
  });


  test('queue › the same content under another id is one article (idempotent write)', async () => {
    // A new job id can still carry stored content (the queue forgot the job): the store skips it.
    const [a] = syntheticArticles(1);
    const q = new Queue(parseQueueUrl(env.queue).name, { connection: { host: '127.0.0.1', port: parseQueueUrl(env.queue).port } });
    try {
      await q.add('article', { origin: 'replay', input: { ...a, id: 'replayed' } }, { jobId: 'replay-1' });
    } finally { await q.close(); }
    await env.ensureWorker();
    await waitFor('the replayed job', () => env.events.some((e) => e.jobId === 'replay-1'));
    const done = env.events.find((e) => e.jobId === 'replay-1');
    assert.deepEqual(done, { kind: 'completed', jobId: 'replay-1', result: { stored: null, events: 0 } });
    assert.equal((await env.store.stats()).articles, 20);
  });
});

describe('queue › failures', { skip }, () => {
  let env: Env;
  before(async () => { env = await setup(); });
  after(async () => { await env?.done(); });

  test('queue › a failing write is retried with backoff, then succeeds', async () => {
    await onDatabase(env.database.url, 'ALTER TABLE events RENAME TO events_away');
    await env.worker();
    await enqueueArticles(env.queue, syntheticArticles(5, 100), { attempts: 6, backoffMs: 200 });
    await waitFor('failed attempts', () => env.events.filter((e) => e.kind === 'failed').length >= 5);
    assert.ok((await counts(env.queue)).delayed > 0, 'failed jobs wait out their backoff');
    await onDatabase(env.database.url, 'ALTER TABLE events_away RENAME TO events');
    await drained(env, 5);
    const failed = env.events.filter((e) => e.kind === 'failed');
    assert.ok(failed.every((e) => e.kind === 'failed' && !e.final && /events/.test(e.error)));
    assert.equal((await queueStatus(env.queue)).deadLetters.count, 0);
  });

  test('queue › an article that keeps failing lands in the dead-letter list with its error', async () => {
    await onDatabase(env.database.url, 'ALTER TABLE events RENAME TO events_away');
    try {
      await env.ensureWorker();
      await enqueueArticles(env.queue, syntheticArticles(2, 200), { attempts: 3, backoffMs: 50 });
      const dead = await waitFor('two dead letters', async () => {
        const list = await listDeadLetters(env.queue);
        return list.length === 2 && list;
      });
      for (const d of dead) {
        assert.equal(d.attempts, 3);
        assert.match(d.error, /relation "events" does not exist/);
        assert.match(String(d.input.text), /delegates/);
      }
      const status = await queueStatus(env.queue);
      assert.equal(status.deadLetters.count, 2);
      assert.equal(status.counts.failed, 2);
      assert.equal(status.throughput.totalFailed, 2, "jobs failed for good");
    } finally {
      await onDatabase(env.database.url, 'ALTER TABLE events_away RENAME TO events');
    }
  });

  test('queue › an unreadable job goes to the dead-letter list without retries', async () => {
    await env.ensureWorker();
    const target = parseQueueUrl(env.queue);
    const q = new Queue(target.name, { connection: { host: target.host, port: target.port } });
    try {
      await q.add('article', { origin: 'bad.jsonl:3', input: { text: 42 } }, { jobId: 'bad-1', attempts: 5 });
    } finally { await q.close(); }
    const letter = await waitFor('the dead letter', async () => (await listDeadLetters(env.queue)).find((d) => d.jobId === 'bad-1'));
    assert.equal(letter.attempts, 1);
    assert.match(letter.error, /P108/);
  });
});

describe('queue › shutdown', { skip }, () => {
  let env: Env;
  before(async () => { env = await setup(); });
  after(async () => { await env?.done(); });

  test('queue › a graceful shutdown finishes in-flight jobs and leaves the rest queued', async () => {
    await enqueueArticles(env.queue, syntheticArticles(300, 1000));
    const w = await env.worker();
    await waitFor('some progress', () => w.totals.completed >= 20, 20_000, 10);
    await w.close();
    const c = await counts(env.queue);
    const s = await env.store.stats();
    assert.equal(c.active, 0, 'nothing is left half-done');
    assert.equal(s.articles, c.completed, 'every finished job is stored, nothing else');
    assert.ok(c.waiting > 0, 'the rest stays queued');
    await env.worker();
    await drained(env, 300);
  });

  test('queue › jobs stuck behind a blocked database are returned to the queue at shutdown', async () => {
    await env.closeWorkers();
    const stored = (await env.store.stats()).articles;
    const locker = new pg.Client({ connectionString: env.database.url });
    await locker.connect();
    try {
      await locker.query('BEGIN; LOCK TABLE articles IN ACCESS EXCLUSIVE MODE');
      await enqueueArticles(env.queue, syntheticArticles(40, 2000));
      const w = await env.worker({ concurrency: 8, shutdownTimeoutMs: 500, lockDurationMs: 1000 });
      await waitFor('jobs held by the worker', async () => (await counts(env.queue)).active === 8);
      // The worker's transaction is stuck behind the lock; after the shutdown timeout its jobs go back.
      assert.equal(await w.close(), false);
      const c = await counts(env.queue);
      assert.deepEqual([c.active, c.waiting], [0, 40]);
      await locker.query('ROLLBACK');
    } finally {
      await locker.end();
    }
    await env.worker({ lockDurationMs: 1000 });
    await drained(env, stored + 40);
  });
});
