/**
 * Fold growth benchmark: does storing an article cost more as the store grows? It reads the queue
 * benchmark's synthetic articles (test/queue.synthetic.ts) once, then stores them in batches into
 * a fresh SQLite store and a fresh PostgreSQL database (when one runs here), timing each batch's
 * `ingest` (which folds the batch into the threads) and reporting milliseconds an article by how
 * many articles the store held, with the bytes the threads take at the end.
 *
 *   node --import tsx bench/fold-growth.ts [--articles 20000] [--batch 1000] [--stores sqlite,postgres]
 *
 * A store whose cost an article stays flat folds in proportion to what a batch touches; one whose
 * cost climbs rewrites more of what it already holds with every batch.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { readRecord } from '../src/batch.js';
import type { ParleyDocument } from '../src/document/types.js';
import { createEngine } from '../src/engine.js';
import { PostgresStore } from '../src/store/postgres/index.js';
import { SqliteStore } from '../src/store/sqlite/index.js';
import type { Store } from '../src/store/types.js';
import { syntheticArticles } from '../test/queue.synthetic.js';
import { createTestDatabase, serviceSkip } from '../test/services.js';

const { values } = parseArgs({ options: {
  articles: { type: 'string', default: '20000' }, batch: { type: 'string', default: '1000' }, stores: { type: 'string', default: 'sqlite,postgres' },
  corpus: { type: 'string', default: 'synthetic' },
} });
const count = Number(values.articles), batch = Number(values.batch);

/**
 * One long-running initiative, as a feed covers it: every article about the same two countries,
 * twenty a day in date order, so its threads never leave the joining window and grow with every
 * batch (the queue's synthetic articles spread over 18 countries and a year, and their largest
 * thread holds about a thousand articles at 12,000).
 */
function initiativeArticles(n: number) {
  const acts = [
    'Norway and Qatar resumed talks on a ceasefire in the border region on {day}.',
    'The foreign minister of Norway met her Qatari counterpart on {day} to discuss the ceasefire.',
    'Qatar offered humanitarian aid to Norway for the displaced families, the ministry said on {day}.',
    'Norway accused Qatar of stalling the negotiations on {day}.',
    'Norway and Qatar agreed on {day} to hold a summit on the ceasefire next week.',
    'Qatar called on Norway to release the detained fishermen, officials said on {day}.',
  ];
  const filler = [
    'Officials declined to say when the next round would begin.',
    'Diplomats described the mood as cautious.',
    'The statement gave no timetable for the talks.',
    'Analysts said both governments faced pressure at home.',
  ];
  const days = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
  return Array.from({ length: n }, (_, i) => {
    const day = Math.floor(i / 20);
    const date = new Date(Date.UTC(2025, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);
    const text = [acts[i % acts.length], filler[i % filler.length], acts[(i * 7 + 3) % acts.length], filler[(i * 3 + 1) % filler.length],
      `The talks involved ${i + 2} delegates, according to a statement.`].join(' ').replaceAll('{day}', days[day % 7]);
    return { id: `initiative-${i}`, title: `Norway and Qatar, day ${day + 1}`, text, published: date, source: ['Test Wire', 'Example News', 'Sample Herald'][i % 3] };
  });
}

const engine = createEngine();
const started = performance.now();
const inputs = values.corpus === 'initiative' ? initiativeArticles(count) : syntheticArticles(count, 0);
const documents: ParleyDocument[] = inputs.map((input, i) => readRecord(engine, { origin: `${values.corpus} ${i}`, input, diagnostics: [] }).document);
console.log(`${count} ${values.corpus} articles read in ${((performance.now() - started) / 1000).toFixed(1)} s; stored ${batch} a batch`);

/**
 * Milliseconds an article of each batch's ingest, in order, and with `written` (PostgreSQL: the
 * bytes of write-ahead log so far) the bytes each batch wrote an article.
 */
async function fill(store: Store, written?: () => Promise<number>): Promise<{ ms: number[]; bytes: number[] }> {
  const ms: number[] = [], bytes: number[] = [];
  for (let i = 0; i < documents.length; i += batch) {
    const slice = documents.slice(i, i + batch);
    const before = await written?.();
    const t = performance.now();
    await store.ingest(slice);
    ms.push((performance.now() - t) / slice.length);
    if (written) bytes.push(((await written()) - before!) / slice.length);
  }
  return { ms, bytes };
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
/** The first and last quarter's means of a series. */
const quarters = (xs: number[]) => {
  const q = Math.max(1, Math.floor(xs.length / 4));
  return [mean(xs.slice(0, q)), mean(xs.slice(-q))];
};

function report(name: string, { ms, bytes }: { ms: number[]; bytes: number[] }, stored: number, threads: number): void {
  const [early, late] = quarters(ms);
  console.log(`${name}: ${early.toFixed(3)} ms an article in the first quarter of batches, ${late.toFixed(3)} ms in the last; ${threads} threads in ${(stored / 1e6).toFixed(1)} MB`);
  if (bytes.length) {
    const [a, b] = quarters(bytes);
    console.log(`  write-ahead log: ${(a / 1024).toFixed(1)} kB an article in the first quarter, ${(b / 1024).toFixed(1)} kB in the last`);
  }
  console.log(`  by batch (ms an article): ${ms.map((x) => x.toFixed(2)).join(' ')}`);
}

const stores = values.stores.split(',');
if (stores.includes('sqlite')) {
  const dir = mkdtempSync(join(tmpdir(), 'parley-fold-growth-'));
  const store = new SqliteStore({ path: join(dir, 'store.db') });
  try {
    await store.migrate();
    const perArticle = await fill(store);
    // The fallbacks read a store from before thread_entries (this file copied into an older
    // checkout measured the README's "before" figures).
    const size = await sql<{ bytes: number }>`SELECT coalesce(sum(length(json)), 0) + coalesce((SELECT sum(length(body) + length(reports)) FROM thread_entries), 0) AS bytes FROM threads`.execute(store.db).catch(() =>
      sql<{ bytes: number }>`SELECT coalesce(sum(length(json)), 0) AS bytes FROM threads`.execute(store.db));
    report('SQLite', perArticle, Number(size.rows[0].bytes), (await store.stats()).threads);
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
if (stores.includes('postgres')) {
  const skip = await serviceSkip('postgres');
  if (skip) console.log(`PostgreSQL: skipped (${skip})`);
  else {
    const database = await createTestDatabase();
    const store = new PostgresStore({ url: database.url });
    try {
      await store.migrate();
      const lsn = async () => Number((await sql<{ b: string }>`SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::text AS b`.execute(store.db)).rows[0].b);
      const perArticle = await fill(store, lsn);
      const size = await sql<{ bytes: string }>`SELECT (SELECT coalesce(sum(pg_column_size(json)), 0) FROM threads) + coalesce((SELECT sum(pg_column_size(body) + pg_column_size(reports)) FROM thread_entries), 0) AS bytes`.execute(store.db).catch(() =>
        sql<{ bytes: string }>`SELECT coalesce(sum(pg_column_size(json)), 0) AS bytes FROM threads`.execute(store.db));
      report('PostgreSQL', perArticle, Number(size.rows[0].bytes), (await store.stats()).threads);
    } finally {
      await store.close();
      await database.drop();
    }
  }
}
