import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import type { ParleyDocument } from '../src/document/types.js';
import { PostgresStore } from '../src/store/postgres/index.js';
import { enqueueArticles, queueStatus } from '../src/queue/index.js';
import { eventRows } from '../src/store/index.js';
import { syntheticArticles } from './queue.synthetic.js';
import { createTestDatabase, dropQueue, serviceSkip, testQueueUrl, waitFor } from './services.js';

/**
 * The exactly-once test: a real `parley worker` process is killed with SIGKILL in the middle of
 * a batch of 1,000 articles; a second worker takes over (including the jobs the dead one held).
 * The store must end with exactly 1,000 articles, and every article's event rows must be exactly
 * its document's events: nothing doubled, nothing half-written.
 */
const skip = (await serviceSkip('redis')) || (await serviceSkip('postgres'));
const ARTICLES = 1000;
const root = fileURLToPath(new URL('..', import.meta.url));

function startWorkerProcess(queue: string, db: string): ChildProcess & { output: string[] } {
  const child = spawn(process.execPath, [
    '--import', 'tsx', 'src/cli/commands/worker.ts', '--queue', queue, '--db', db, '--concurrency', '8', '--lock-ms', '2000',
  ], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] }) as ChildProcess & { output: string[] };
  child.output = [];
  child.stdout!.on('data', (d) => child.output.push(String(d)));
  child.stderr!.on('data', (d) => child.output.push(String(d)));
  return child;
}

const exited = (child: ChildProcess) => new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
  if (child.exitCode !== null || child.signalCode !== null) resolve({ code: child.exitCode, signal: child.signalCode });
  else child.once('exit', (code, signal) => resolve({ code, signal }));
});

describe('queue › worker killed mid-batch', { skip }, () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let db: pg.Pool;
  const queue = testQueueUrl('parley-sigkill');
  const children: ChildProcess[] = [];
  before(async () => {
    database = await createTestDatabase();
    db = new pg.Pool({ connectionString: database.url, max: 2 });
  });
  after(async () => {
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
    await db?.end();
    await dropQueue(queue);
    await database?.drop();
  });
  const count = async (sql: string) => Number((await db.query(sql)).rows[0].n);
  const storedArticles = () => count('SELECT count(*) AS n FROM articles').catch(() => 0);

  test('queue › after SIGKILL mid-batch and a second worker, the store holds each article once, whole', { timeout: 90_000 }, async (t) => {
    const enqueued = await enqueueArticles(queue, syntheticArticles(ARTICLES, 50_000));
    assert.equal(enqueued.enqueued, ARTICLES);

    const first = startWorkerProcess(queue, database.url);
    children.push(first);
    await waitFor('the first worker to store some articles', async () => (await storedArticles()) >= 200, 40_000, 20);
    const activeAtKill = (await queueStatus(queue)).counts.active;
    first.kill('SIGKILL');
    const end = await exited(first);
    assert.equal(end.signal, 'SIGKILL');
    const atKill = await storedArticles();
    assert.ok(atKill > 0 && atKill < ARTICLES, `killed mid-batch (${atKill} stored at the kill)`);
    assert.ok(activeAtKill > 0, 'the killed worker held jobs');

    t.diagnostic(`SIGKILL with ${atKill} of ${ARTICLES} articles stored and ${activeAtKill} jobs in flight`);
    const second = startWorkerProcess(queue, database.url);
    children.push(second);
    await waitFor('the second worker to finish the batch', async () => {
      const s = await queueStatus(queue);
      return s.depth === 0 && (await storedArticles()) === ARTICLES;
    }, 60_000, 100);
    second.kill('SIGTERM');
    assert.equal((await exited(second)).code, 0, second.output.join(''));
    t.diagnostic(second.output.join('').trim().split('\n').at(-1) ?? '');

    // Exactly 1,000 articles, each under its own id (no suffixed second copy).
    assert.equal(await storedArticles(), ARTICLES);
    assert.equal(await count(`SELECT count(*) AS n FROM articles WHERE id !~ '^synthetic-[0-9]+$'`), 0);
    assert.equal(await count('SELECT count(DISTINCT hash) AS n FROM articles'), ARTICLES);
    // No duplicate event keys; each article's event rows are exactly its document's events.
    assert.equal(await count('SELECT count(*) - count(DISTINCT key) AS n FROM events'), 0);
    const { rows } = await db.query<{ id: string; document: ParleyDocument; event_count: number; keys: string[] | null; parties: string[] | null }>(`
      SELECT a.id, a.document::json AS document, a.event_count,
             (SELECT array_agg(e.key ORDER BY e.key) FROM events e WHERE e.article_id = a.id) AS keys,
             (SELECT array_agg(e.key || '|' || replace(t.term, ':', '|'))
                FROM events e CROSS JOIN LATERAL unnest(e.parties) AS t(term) WHERE e.article_id = a.id) AS parties
      FROM articles a`);
    let events = 0;
    for (const r of rows) {
      const expected = eventRows(r.document, r.id);
      assert.equal(r.event_count, r.document.events.length, r.id);
      assert.deepEqual((r.keys ?? []).sort(), expected.events.map((e) => e.key).sort(), `${r.id}: event rows`);
      assert.deepEqual((r.parties ?? []).sort(), expected.parties.map((p) => `${p.event_key}|${p.side}|${p.country}`).sort(), `${r.id}: party rows`);
      events += r.document.events.length;
    }
    assert.equal(await count('SELECT count(*) AS n FROM events'), events);
    // Every article was folded into the threads, including those the killed worker stored but
    // had not folded: the articles the threads name are exactly those that reported a thread.
    assert.equal(await count('SELECT count(*) AS n FROM pending_folds'), 0);
    const threaded = rows.filter((r) => r.document.threads.length).map((r) => r.id).sort();
    const store = new PostgresStore({ url: database.url, poolSize: 1 });
    const threads = await store.threads().finally(() => store.close());
    assert.ok(threaded.length > 0);
    assert.deepEqual([...new Set(threads.flatMap((t) => t.articles))].sort(), threaded);
    const status = await queueStatus(queue);
    assert.equal(status.deadLetters.count, 0);
    assert.equal(status.counts.failed, 0);
  });
});
