import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { ParleyDocument, Thread } from '../src/document/types.js';
import { createEngine } from '../src/engine.js';
import pg from 'pg';
import { sql } from 'kysely';
import { FOLD_LOCK_KEY, PostgresStore, type ThreadFold } from '../src/store/postgres/index.js';
import { updateThreads } from '../src/threads/index.js';
import { makeDocument } from './fixtures.js';
import { createTestDatabase, serviceSkip, waitFor } from './services.js';
import { BackgroundFold } from '../src/queue/batcher.js';

/**
 * Several workers write articles of the same thread at once. Each "worker" here is its own
 * PostgresStore (its own connection pool), as separate processes would be. Articles are committed
 * with a pending fold row; folds run under one store-wide advisory lock, each draining every
 * pending article, so no step is lost or folded twice however the workers interleave.
 */
const skip = await serviceSkip('postgres');
const WORKERS = 4;

/** Runs `perWorker` lists of documents through `WORKERS` stores at once, one ingest per document. */
async function ingestConcurrently(url: string, fold: ThreadFold, perWorker: ParleyDocument[][], onFold?: (docs: readonly ParleyDocument[]) => void): Promise<void> {
  const stores = perWorker.map(() => new PostgresStore({ url, fold, poolSize: 2, onFold }));
  try {
    await Promise.all(stores.map(async (store, w) => {
      for (const doc of perWorker[w]) await store.ingest([doc]);
    }));
  } finally {
    await Promise.all(stores.map((s) => s.close()));
  }
}

const deal = (n: number) => makeDocument(`deal-${n}`, `Report ${n}: Ukraine and the United States continued their negotiations.`, [{}], {
  published: `2025-10-${String(1 + (n % 28)).padStart(2, '0')}`,
});

/** A read-modify-write fold made for this test: every article appends one step to one thread. */
const appendStep: ThreadFold = (existing, documents) => {
  const threads = existing.map((t) => structuredClone(t));
  for (const doc of documents) {
    for (const local of doc.threads) {
      let t = threads.find((x) => x.kind === local.kind);
      if (!t) threads.push(t = { id: `th-${local.kind}`, kind: local.kind, title: 'Ukraine–United States talks', participants: local.participants, status: 'open', history: [], articles: [] });
      t.history.push({ status: 'talks', date: doc.article.published, events: [], articles: [doc.article.id] });
      t.articles.push(doc.article.id);
    }
  }
  return threads;
};

const withThread = (doc: ParleyDocument, participants = ['UKR', 'USA']): ParleyDocument => ({
  ...doc,
  threads: [{ id: 't1', kind: 'negotiation', title: 'talks', participants, status: 'open', history: [], articles: [doc.article.id] } as Thread],
});

/** Holds the store-wide fold lock from another connection, as another worker's fold would, until `release`. */
async function holdFoldLock(url: string) {
  return holdInTransaction(url, 'SELECT pg_advisory_xact_lock($1::bigint)', [String(FOLD_LOCK_KEY)]);
}

/**
 * Runs a statement (one that takes a lock) in a transaction left open until `release`;
 * `releaseAsFold` first records a fold's commit time, as a fold transaction does.
 */
async function holdInTransaction(url: string, statement: string, params: unknown[] = []) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query('BEGIN');
  await client.query(statement, params);
  let released: Promise<void> | undefined;
  // Idempotent, so a failed test can release in `finally` and not leave the database locked.
  const release = () => (released ??= client.query('COMMIT').then(() => client.end()));
  const releaseAsFold = () => (released ??= client.query('UPDATE fold_state SET folded_at = clock_timestamp()')
    .then(() => client.query('COMMIT')).then(() => client.end()));
  return { release, releaseAsFold };
}

/** 'done' if the promise settles within `ms`, else 'waiting'. */
const within = (p: Promise<unknown>, ms: number) =>
  Promise.race([p.then(() => 'done' as const), new Promise<'waiting'>((r) => setTimeout(() => r('waiting'), ms))]);

describe('threads › concurrent workers', { skip }, () => {
  const databases: { drop(): Promise<void> }[] = [];
  after(async () => { for (const d of databases) await d.drop(); });
  const fresh = async () => {
    const database = await createTestDatabase();
    databases.push(database);
    const store = new PostgresStore({ url: database.url });
    await store.migrate();
    await store.close();
    return database.url;
  };

  test('threads › no step is lost when four workers fold into one thread at once', async () => {
    const url = await fresh();
    const docs = Array.from({ length: 60 }, (_, i) => withThread(deal(i)));
    await ingestConcurrently(url, appendStep, Array.from({ length: WORKERS }, (_, w) => docs.filter((_, i) => i % WORKERS === w)));
    const store = new PostgresStore({ url });
    try {
      const threads = await store.threads();
      assert.equal(threads.length, 1);
      assert.equal(threads[0].history.length, 60, 'every article added its step');
      assert.deepEqual([...threads[0].articles].sort(), docs.map((d) => d.article.id).sort());
      assert.equal((await store.stats()).articles, 60);
    } finally {
      await store.close();
    }
  });

  test('threads › concurrent folds equal the same folds run one by one (real updateThreads)', async () => {
    const url = await fresh();
    const engine = createEngine();
    const texts = [
      'France and Germany agreed on Monday to open talks on a joint defence fund, officials said.',
      'French and German negotiators met in Paris on Tuesday for a first round of talks on the defence fund.',
      'Talks between France and Germany on the defence fund continued in Berlin on Wednesday.',
      'Germany accused France of stalling the talks on the defence fund on Thursday.',
      'France and Germany signed an agreement on the joint defence fund in Brussels on Friday.',
      'Egypt hosted ceasefire talks between Israel and Hamas in Cairo on Monday.',
      'Qatar said on Tuesday that the ceasefire talks between Israel and Hamas would resume in Doha.',
      'Israel and Hamas agreed to a ceasefire on Wednesday after talks mediated by Egypt and Qatar.',
    ];
    const docs = texts.flatMap((text, i) => [0, 1, 2].map((copy) =>
      engine.readInput({ id: `a${i}-${copy}`, text: `${text} (${['Wire', 'Herald', 'Post'][copy]} report)`, published: `2025-10-${String(6 + i).padStart(2, '0')}`, source: ['Wire', 'Herald', 'Post'][copy] }).toOutput()));
    // The commit order is whatever the lock allowed; record it to replay the folds one by one.
    const order: ParleyDocument[][] = [];
    await ingestConcurrently(url, updateThreads, Array.from({ length: WORKERS }, (_, w) => docs.filter((_, i) => i % WORKERS === w)), (d) => order.push([...d]));
    const expected = order.reduce<Thread[]>((threads, batch) => updateThreads(threads, batch), []);
    const store = new PostgresStore({ url });
    try {
      const stored = await store.threads();
      const strip = (ts: Thread[]) => ts.map(({ overdue: _o, ...t }) => t).sort((a, b) => a.id.localeCompare(b.id));
      assert.deepEqual(strip(stored), strip(expected));
      assert.equal(order.flat().length, docs.length, 'each article was folded exactly once');
      assert.ok(stored.length > 0 && stored.some((t) => t.articles.length > 1), 'the articles formed shared threads');
    } finally {
      await store.close();
    }
  });

  test('threads › articles are stored while another fold runs, and folded when it ends', async () => {
    const url = await fresh();
    const held = await holdFoldLock(url);
    const a = new PostgresStore({ url, fold: appendStep, poolSize: 2 });
    const b = new PostgresStore({ url, fold: appendStep, poolSize: 2 });
    try {
      // A worker's ingest (fold later) commits at once, whatever fold another process is running.
      assert.equal(await within(a.ingest([withThread(deal(1))], { foldLater: true }), 5000), 'done');
      assert.deepEqual(await a.stats(), { articles: 1, events: 1, threads: 0, pendingFolds: 1, failedFolds: 0 });
      // An ingest that folds before it resolves waits for the fold lock; its article is stored.
      const waiting = b.ingest([withThread(deal(2))]);
      assert.equal(await within(waiting, 700), 'waiting');
      assert.equal((await a.stats()).articles, 2);
      await held.release();
      assert.equal(await within(waiting, 5000), 'done');
      // That fold drained both pending articles, the other worker's too.
      const threads = await a.threads();
      assert.equal(threads.length, 1);
      assert.deepEqual([...threads[0].articles].sort(), ['deal-1', 'deal-2']);
      assert.equal((await a.stats()).pendingFolds, 0);
    } finally {
      await held.release();
      await Promise.all([a.close(), b.close()]);
    }
  });

  test('threads › an article the fold throws on is set aside with its error; the others are folded', async () => {
    const url = await fresh();
    // A fold that cannot take one particular article, whatever else comes with it.
    const poisoned: ThreadFold = (existing, documents) => {
      if (documents.some((d) => d.article.id === 'deal-2')) throw new Error('cannot fold deal-2');
      return appendStep(existing, documents);
    };
    const store = new PostgresStore({ url, fold: poisoned, poolSize: 2 });
    try {
      const r = await store.ingest([withThread(deal(1)), withThread(deal(2)), withThread(deal(3))]);
      assert.deepEqual(r.stored, ['deal-1', 'deal-2', 'deal-3']);
      assert.equal(r.foldError, undefined);
      assert.deepEqual(await store.stats(), { articles: 3, events: 3, threads: 1, pendingFolds: 0, failedFolds: 1 });
      const threads = await store.threads();
      assert.deepEqual([...threads[0].articles].sort(), ['deal-1', 'deal-3']);
      const failed = await sql<{ article_id: string; error: string }>`SELECT article_id, error FROM failed_folds`.execute(store.db);
      assert.deepEqual(failed.rows.map((f) => f.article_id), ['deal-2']);
      assert.match(failed.rows[0].error, /cannot fold deal-2/);
    } finally {
      await store.close();
    }
  });

  test('threads › a fold the database fails leaves its articles pending; ingest says so; the next fold takes them once', async () => {
    const url = await fresh();
    const held = await holdFoldLock(url);
    // This store gives up waiting for a lock after 300 ms: its fold fails on the database.
    const impatient = new PostgresStore({ url: `${url}?options=${encodeURIComponent('-c lock_timeout=300')}`, fold: appendStep, poolSize: 2 });
    const good = new PostgresStore({ url, fold: appendStep, poolSize: 2 });
    try {
      const r = await impatient.ingest([withThread(deal(1)), withThread(deal(2))]);
      assert.deepEqual(r.stored, ['deal-1', 'deal-2']);
      assert.match(r.foldError ?? '', /lock timeout/);
      await held.release();
      assert.deepEqual(await good.stats(), { articles: 2, events: 2, threads: 0, pendingFolds: 2, failedFolds: 0 });
      assert.equal(await good.foldPending(), 2);
      assert.equal(await good.foldPending(), 0, 'folded exactly once');
      const threads = await good.threads();
      assert.equal(threads.length, 1);
      assert.equal(threads[0].history.length, 2);
    } finally {
      await held.release();
      await Promise.all([impatient.close(), good.close()]);
    }
  });

  test("threads › a background fold waits out the interval after another worker's fold, unless the queue is empty", async () => {
    const url = await fresh();
    const intervalMs = 1500;
    /** When each of this worker's folds committed. */
    const myFolds: number[] = [];
    const mine = new PostgresStore({ url, fold: appendStep, poolSize: 2, onFold: () => myFolds.push(Date.now()) });
    const other = new PostgresStore({ url, fold: appendStep, poolSize: 2 });
    const folder = new BackgroundFold(mine, intervalMs, () => {});
    const patient = new BackgroundFold(mine, 60_000, () => {});
    try {
      await mine.ingest([withThread(deal(1))], { foldLater: true });
      folder.request();
      // Within this worker's interval, the other worker folds (taking this worker's article too)...
      await new Promise((resolve) => setTimeout(resolve, intervalMs / 3));
      await other.ingest([withThread(deal(2))], { foldLater: true });
      const otherFoldStarted = Date.now();
      assert.equal(await other.foldPending(), 2);
      // ...and this worker stores another article before its own interval ends.
      await mine.ingest([withThread(deal(3))], { foldLater: true });
      folder.request();
      await waitFor('the article to be folded', async () => (await mine.stats()).pendingFolds === 0, 20_000, 50);
      assert.equal(myFolds.length, 1);
      // Timers never fire early: a fold that ignored the other's would have come about intervalMs / 3 sooner.
      assert.ok(myFolds[0] - otherFoldStarted >= intervalMs - 50, `folded ${myFolds[0] - otherFoldStarted} ms after the other worker's fold`);
      assert.equal((await mine.threads())[0].history.length, 3);

      // With the queue empty, no later article would share the fold: it does not wait.
      await other.ingest([withThread(deal(4))], { foldLater: true });
      assert.equal(await other.foldPending(), 1);
      await mine.ingest([withThread(deal(5))], { foldLater: true });
      patient.request();
      patient.expedite();
      await waitFor('the expedited fold', async () => (await mine.stats()).pendingFolds === 0, 10_000, 50);
      assert.equal(myFolds.length, 2);

      // A last fold dated an hour ahead (the database's clock was set back) holds no fold for an hour.
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(`UPDATE fold_state SET folded_at = clock_timestamp() + interval '1 hour'`);
      await admin.end();
      await mine.ingest([withThread(deal(6))], { foldLater: true });
      folder.request();
      await waitFor('the fold after the interval', async () => (await mine.stats()).pendingFolds === 0, 10_000, 50);
      assert.equal(myFolds.length, 3);
    } finally {
      await Promise.all([folder.settle(1000), patient.settle(1000)]);
      await Promise.all([mine.close(), other.close()]);
    }
  });

  test('threads › a background fold comes sooner than its interval when the backlog is about to run out, and waits it out while the backlog holds', async () => {
    const url = await fresh();
    const intervalMs = 3000;
    const myFolds: number[] = [];
    const mine = new PostgresStore({ url, fold: appendStep, poolSize: 2, onFold: () => myFolds.push(Date.now()) });
    /** The jobs waiting in the queue, as the worker would read them. */
    let waiting = 1000;
    const folder = new BackgroundFold(mine, intervalMs, () => {}, async () => waiting);
    try {
      // The first reading of the backlog says nothing about when it runs out: the whole interval.
      await mine.ingest([withThread(deal(1))], { foldLater: true });
      const first = Date.now();
      folder.request();
      await waitFor('the first fold', async () => myFolds.length === 1, 20_000, 20);
      assert.ok(myFolds[0] - first >= intervalMs - 50, `folded ${myFolds[0] - first} ms after the request`);
      // 990 jobs taken in about an interval and 10 left: the queue empties within milliseconds.
      waiting = 10;
      await mine.ingest([withThread(deal(2))], { foldLater: true });
      const second = Date.now();
      folder.request();
      await waitFor('the second fold', async () => myFolds.length === 2, 20_000, 20);
      assert.ok(myFolds[1] - second < intervalMs / 2, `folded ${myFolds[1] - second} ms after the request`);
      // A backlog that holds level (a live feed) is never about to run out: the whole interval again.
      await mine.ingest([withThread(deal(3))], { foldLater: true });
      folder.request();
      await waitFor('the third fold', async () => myFolds.length === 3, 20_000, 20);
      assert.ok(myFolds[2] - myFolds[1] >= intervalMs - 50, `folded ${myFolds[2] - myFolds[1]} ms after the fold before`);
      assert.equal((await mine.threads())[0].history.length, 3);
    } finally {
      await folder.settle(1000);
      await mine.close();
    }
  });

  test("threads › foldIfIdle folds nothing while another process's fold holds the lock, and everything pending once it is free", async () => {
    const url = await fresh();
    const store = new PostgresStore({ url, fold: appendStep, poolSize: 2 });
    const held = await holdFoldLock(url);
    try {
      await store.ingest([withThread(deal(1)), withThread(deal(2))], { foldLater: true });
      assert.equal(await within(store.foldIfIdle(), 2000), 'done', 'it does not wait for the lock');
      assert.equal(await store.foldIfIdle(), null);
      assert.equal((await store.stats()).pendingFolds, 2);
      await held.release();
      assert.equal(await store.foldIfIdle(), 2);
      assert.equal(await store.foldIfIdle(), 0);
      assert.equal((await store.threads())[0].history.length, 2);
    } finally {
      await held.release();
      await store.close();
    }
  });

  test("threads › a background fold whose interval ends during another worker's fold waits out an interval after that fold", async () => {
    const url = await fresh();
    const intervalMs = 1500;
    const myFolds: number[] = [];
    const mine = new PostgresStore({ url, fold: appendStep, poolSize: 2, onFold: () => myFolds.push(Date.now()) });
    const folder = new BackgroundFold(mine, intervalMs, () => {});
    // Another worker's fold, under way from before this worker's interval began until after it ended.
    const held = await holdFoldLock(url);
    try {
      await mine.ingest([withThread(deal(1))], { foldLater: true });
      folder.request();
      await new Promise((resolve) => setTimeout(resolve, intervalMs + 500));
      assert.equal(myFolds.length, 0);
      await held.releaseAsFold();
      const otherFoldEnded = Date.now();
      await waitFor('the article to be folded', async () => (await mine.stats()).pendingFolds === 0, 20_000, 50);
      assert.equal(myFolds.length, 1);
      // Had it gone on to wait for the lock, it would have folded as soon as the lock was let go.
      assert.ok(myFolds[0] - otherFoldEnded >= intervalMs - 50, `folded ${myFolds[0] - otherFoldEnded} ms after the other worker's fold ended`);
    } finally {
      await held.release();
      await folder.settle(1000);
      await mine.close();
    }
  });

  test('threads › a background fold that failed tries again by itself, and settles at shutdown', async () => {
    const url = await fresh();
    const impatient = new PostgresStore({ url: `${url}?options=${encodeURIComponent('-c lock_timeout=200')}`, fold: appendStep, poolSize: 2 });
    const errors: string[] = [];
    const folder = new BackgroundFold(impatient, 20, (err) => errors.push(String((err as Error).message)));
    // The threads table locked (not the fold lock, which a worker waits out before it tries).
    let held: Awaited<ReturnType<typeof holdInTransaction>> | undefined;
    try {
      await impatient.ingest([withThread(deal(1))], { foldLater: true });
      held = await holdInTransaction(url, 'LOCK TABLE threads IN ACCESS EXCLUSIVE MODE');
      folder.request();
      await waitFor('a failed fold', async () => errors.length > 0, 5000, 20);
      assert.match(errors[0], /lock timeout/);
      // No new article arrives: the retry alone folds what is pending once the lock is free.
      await held.release();
      await waitFor('the retry to fold the article', async () => (await impatient.stats()).pendingFolds === 0, 5000, 50);
      assert.equal((await impatient.threads()).length, 1);
      // A request just before shutdown is folded before settle resolves.
      await impatient.ingest([withThread(deal(2))], { foldLater: true });
      folder.request();
      assert.equal(await folder.settle(5000), true);
      assert.equal((await impatient.stats()).pendingFolds, 0);
    } finally {
      await held?.release();
      await folder.settle(1000);
      await impatient.close();
    }
  });
});
