import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { ParleyDocument, Thread } from '../src/document/types.js';
import { createEngine } from '../src/engine.js';
import pg from 'pg';
import { PostgresStore, threadLockKey, type ThreadFold } from '../src/store/postgres/index.js';
import { updateThreads } from '../src/threads/index.js';
import { makeDocument } from './fixtures.js';
import { createTestDatabase, serviceSkip } from './services.js';

/**
 * Several workers write articles of the same thread at once. Each "worker" here is its own
 * PostgresStore (its own connection pool), as separate processes would be; the fold runs inside
 * each ingest transaction, and the advisory locks (one per thread kind and participant country)
 * must make folds that could touch the same thread run one after another.
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

/** Holds the thread locks of the given participants from another connection, as a fold in
 * another worker would, until `release`. */
async function holdLocks(url: string, kind: string, countries: string[]) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query('BEGIN');
  for (const c of countries) await client.query('SELECT pg_advisory_xact_lock($1::bigint)', [String(threadLockKey(kind, c))]);
  let released: Promise<void> | undefined;
  // Idempotent, so a failed test can release in `finally` and not leave the database locked.
  return { release: () => (released ??= client.query('COMMIT').then(() => client.end())) };
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

  test('threads › folds on disjoint participants do not wait for each other; folds on shared ones do', async () => {
    const url = await fresh();
    // Another "worker" is folding a France–Germany thread and holds its locks.
    const held = await holdLocks(url, 'negotiation', ['DEU', 'FRA']);
    const a = new PostgresStore({ url, fold: appendStep, poolSize: 2 });
    const b = new PostgresStore({ url, fold: appendStep, poolSize: 2 });
    try {
      // Ukraine–United States shares no participant: it is written while the locks are held.
      assert.equal(await within(a.ingest([withThread(deal(1))]), 5000), 'done');
      // A France–Germany article must wait for the other fold to commit.
      const waiting = b.ingest([withThread(deal(2), ['FRA', 'DEU'])]);
      assert.equal(await within(waiting, 700), 'waiting');
      await held.release();
      assert.equal(await within(waiting, 5000), 'done');
      assert.equal((await a.stats()).articles, 2);
    } finally {
      await held.release();
      await Promise.all([a.close(), b.close()]);
    }
  });

  test('threads › a fold also waits on the participants of a stored thread it joins', async () => {
    const url = await fresh();
    const a = new PostgresStore({ url, fold: appendStep, poolSize: 2 });
    let held: Awaited<ReturnType<typeof holdLocks>> | undefined;
    try {
      // A stored France–Germany–Poland thread; a new France–Germany article would join it.
      await a.ingest([withThread(deal(1), ['FRA', 'DEU', 'POL'])]);
      const before = await a.threads();
      assert.equal(before.length, 1);
      // Another worker holds only Poland's lock: the joining fold must wait for it.
      held = await holdLocks(url, 'negotiation', ['POL']);
      const waiting = a.ingest([withThread(deal(2), ['FRA', 'DEU'])]);
      assert.equal(await within(waiting, 700), 'waiting');
      await held.release();
      assert.equal(await within(waiting, 5000), 'done');
      const after = await a.threads();
      assert.equal(after.length, 1, 'the article joined the stored thread');
      assert.deepEqual([...after[0].articles].sort(), ['deal-1', 'deal-2']);
    } finally {
      await held?.release();
      await a.close();
    }
  });
});
