import assert from 'node:assert/strict';
import type { Thread } from '../src/document/types.js';
import { createEngine } from '../src/engine.js';
import type { Store } from '../src/store/types.js';
import { sql, type Kysely } from 'kysely';
import { foldThreads, loadThreadModel } from '../src/threads/index.js';
import { syntheticArticles } from './queue.synthetic.js';

const withoutOverdue = (threads: Thread[]) => threads.map(({ overdue: _o, ...t }) => t).sort((a, b) => a.id.localeCompare(b.id));

/**
 * A store upgraded from whole-thread rows to heads and entries (src/store/threads.ts) reads the
 * threads it held exactly as they were, and folds new articles into them as a whole fold would.
 * `store` is migrated up to the migration before the split; `writeWhole` stores a thread as a
 * row of that schema held it (its JSON whole).
 */
export async function checkThreadsUpgrade(store: Store & { migrate(to?: string): Promise<void> }, writeWhole: (t: Thread) => Promise<void>): Promise<void> {
  const engine = createEngine();
  const model = loadThreadModel();
  const docs = syntheticArticles(160).map((a) => engine.readInput(a).toOutput());
  const old = foldThreads(foldThreads([], docs.slice(0, 60), model), docs.slice(60, 120), model);
  for (const t of old) await writeWhole(t);
  await store.migrate();
  assert.deepEqual(withoutOverdue(await store.threads()), withoutOverdue(old), 'the stored threads read as they were written');
  assert.ok(old.some((t) => t.history.some((s) => (s.reports?.length ?? 0) > 1)), 'some step had several reports');
  // New articles fold into the split threads as into the whole ones.
  await store.ingest(docs.slice(120));
  await store.foldPending();
  const expected = foldThreads(old, docs.slice(120), model);
  assert.deepEqual(withoutOverdue(await store.threads()), withoutOverdue(expected), 'new articles fold into them as into whole threads');
  assert.ok(expected.filter((t) => old.some((o) => o.id === t.id && o.articles.length < t.articles.length)).length > 3, 'the new articles joined upgraded threads');
}

/**
 * A fold appends what it adds to a thread's steps and rewrites only heads: the entry rows of
 * earlier folds stay as they were, and no head holds a list. `store.db` is the store's Kysely.
 */
export async function checkEntriesAppended(store: Store & { db: Kysely<any> }): Promise<void> {
  const engine = createEngine();
  const docs = syntheticArticles(150).map((a) => engine.readInput(a).toOutput());
  const entries = async () => (await sql<{ seq: string | number; body: string; reports: string }>`SELECT seq, body, reports FROM thread_entries ORDER BY seq`.execute(store.db)).rows
    .map((r) => `${r.seq} ${r.body} ${r.reports}`);
  let before: string[] = [];
  for (const batch of [docs.slice(0, 50), docs.slice(50, 100), docs.slice(100)]) {
    await store.ingest(batch);
    await store.foldPending();
    const now = await entries();
    assert.deepEqual(now.slice(0, before.length), before, 'earlier entries are left as they were');
    assert.ok(now.length > before.length);
    before = now;
  }
  const heads = (await sql<{ json: string }>`SELECT json FROM threads`.execute(store.db)).rows;
  assert.ok(heads.length > 10 && heads.every((h) => !/"(reports|evidence|events|articles)"/.test(h.json)), 'heads hold no lists');
}
