import { test } from 'node:test';
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
