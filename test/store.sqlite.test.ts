import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { checkEntriesAppended, checkThreadsUpgrade } from './threads.upgrade.js';
import { SqliteStore } from '../src/store/index.js';
import { storeContract } from './store.contract.js';

storeContract('sqlite', async () => {
  const store = new SqliteStore({ path: ':memory:' });
  await store.migrate();
  return store;
});

test('store › sqlite › upgrading to heads and entries (0004) keeps the threads and folds into them', async () => {
  const store = new SqliteStore({ path: ':memory:' });
  try {
    await store.migrate('0003_thread_participants');
    await checkThreadsUpgrade(store, async (t) => {
      await sql`INSERT INTO threads (id, kind, status, json, updated_at, participants, updated)
        VALUES (${t.id}, ${t.kind}, ${t.status}, ${JSON.stringify(t)}, '2025-10-14', ${` ${t.participants.join(' ')} `}, ${t.updated ?? null})`.execute(store.db);
    });
  } finally {
    await store.close();
  }
});

test('store › sqlite › a fold appends entries and rewrites only heads', async () => {
  const store = new SqliteStore({ path: ':memory:' });
  try {
    await store.migrate();
    await checkEntriesAppended(store);
  } finally {
    await store.close();
  }
});

test('store › sqlite › an upgrade to heads and entries that fails part-way leaves the threads whole, and runs again', async () => {
  const store = new SqliteStore({ path: ':memory:' });
  try {
    await store.migrate('0003_thread_participants');
    const whole = { id: 'th-a', kind: 'meeting', title: 't', participants: ['UKR', 'USA'], status: 'requested', articles: ['a1'],
      history: [{ status: 'requested', date: '2025-10-13', events: ['a1:ev1'], articles: ['a1'], evidence: [], reports: [], corroboration: 0 }] };
    const insert = (id: string, json: string) => sql`INSERT INTO threads (id, kind, status, json, updated_at, participants, updated)
      VALUES (${id}, 'meeting', 'requested', ${json}, '2025-10-14', ' UKR USA ', '2025-10-13')`.execute(store.db);
    await insert('th-a', JSON.stringify(whole));
    await insert('th-b', '{not json');
    await assert.rejects(store.migrate(), /0004_thread_entries/);
    const rows = (await sql<{ json: string }>`SELECT json FROM threads WHERE id = 'th-a'`.execute(store.db)).rows;
    assert.deepEqual(JSON.parse(rows[0].json), whole, 'the thread split before the failure is whole again');
    assert.equal((await sql<{ n: number }>`SELECT count(*) AS n FROM sqlite_master WHERE name = 'thread_entries'`.execute(store.db)).rows[0].n, 0);
    await sql`UPDATE threads SET json = ${JSON.stringify({ ...whole, id: 'th-b' })} WHERE id = 'th-b'`.execute(store.db);
    await store.migrate();
    assert.deepEqual((await store.threads()).map((t) => t.articles), [['a1'], ['a1']]);
  } finally {
    await store.close();
  }
});
