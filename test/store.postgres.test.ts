import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { makeDocument } from './fixtures.js';
import { sql } from 'kysely';
import pg from 'pg';
import { createEngine } from '../src/engine.js';
import { syntheticArticles } from './queue.synthetic.js';
import { PostgresStore, StatementNames, arrayLiteral, copyValue, type PostgresStoreOptions } from '../src/store/postgres/index.js';
import { SEARCH_RULES, searchQuery, searchVector } from '../src/store/search.js';
import { openStore } from '../src/store/index.js';
import { storeContract } from './store.contract.js';
import { checkEntriesAppended, checkThreadsUpgrade } from './threads.upgrade.js';
import { createTestDatabase, serviceSkip, waitFor } from './services.js';

// Each run gets its own database, dropped at the end, so runs never see each other's rows.
const skip = await serviceSkip('postgres');
const databases: { drop(): Promise<void> }[] = [];
after(async () => { for (const d of databases) await d.drop(); });

storeContract('postgres', async () => {
  const database = await createTestDatabase();
  databases.push(database);
  const store = new PostgresStore({ url: database.url });
  await store.migrate();
  return store;
}, { skip });

// The same contract with the ingest's statements unnamed (PARLEY_POSTGRES_PREPARED=0).
storeContract('postgres without prepared statements', async () => {
  const database = await createTestDatabase();
  databases.push(database);
  const store = new PostgresStore({ url: database.url, preparedStatements: false });
  await store.migrate();
  return store;
}, { skip });

storeContract('postgres via openStore(postgres://…)', async () => {
  const database = await createTestDatabase();
  databases.push(database);
  return openStore(database.url);
}, { skip });

describe('store › postgres races', { skip }, () => {
  let url: string;
  const stores: PostgresStore[] = [];
  before(async () => {
    const database = await createTestDatabase();
    databases.push(database);
    url = database.url;
    for (let i = 0; i < 3; i++) stores.push(new PostgresStore({ url, poolSize: 2 }));
    await stores[0].migrate();
  });
  after(async () => { for (const s of stores) await s.close(); });

  test('store › one new document given twice in a batch is stored once, with its events', async () => {
    const doc = makeDocument('twice', 'The same new article appears twice in one batch.', [{}, {}]);
    const r = await stores[0].ingest([doc, doc]);
    assert.deepEqual([r.stored, r.duplicates, r.events], [['twice'], ['twice'], 2]);
    assert.equal((await stores[0].queryEvents({ articleId: 'twice' })).total, 2);
  });

  const races: [string, () => ReturnType<typeof makeDocument>[], (ids: string[][]) => void][] = [
    ['the same content from three workers at once is stored once',
      () => [0, 1, 2].map((i) => makeDocument(`race-${i}`, 'One wire story delivered to three workers at once.', [{}])),
      (ids) => assert.equal(ids.flat().length, 1)],
    ['different content under one id from three workers is kept, suffixed',
      () => [0, 1, 2].map((i) => makeDocument('clash', `Three different stories that share an id, number ${i}.`, [{}])),
      (ids) => {
        const all = ids.flat().sort();
        assert.equal(all.length, 3);
        assert.equal(all.filter((id) => id === 'clash').length, 1);
        for (const id of all.filter((x) => x !== 'clash')) assert.match(id, /^clash~[0-9a-f]{8}$/);
      }],
  ];
  for (const [name, docs, check] of races) {
    test(`store › ${name}`, async () => {
      const results = await Promise.all(docs().map((doc, i) => stores[i].ingest([doc])));
      check(results.map((r) => r.stored));
      const stored = results.flatMap((r) => r.stored);
      for (const id of stored) assert.equal((await stores[0].queryEvents({ articleId: id })).total, 1);
    });
  }
});

/** A store on a database of its own (not migrated), closed when `run` ends. */
async function withStore(run: (store: PostgresStore, url: string) => Promise<void>, options: Omit<PostgresStoreOptions, 'url'> = {}): Promise<void> {
  const database = await createTestDatabase();
  databases.push(database);
  const store = new PostgresStore({ url: database.url, ...options });
  try {
    await run(store, database.url);
  } finally {
    await store.close();
  }
}

describe('store › postgres COPY text', () => {
  const values: [string | number | null | undefined, string][] = [
    [null, '\\N'],
    [undefined, '\\N'],
    [7, '7'],
    ['plain', 'plain'],
    ['tab\there', 'tab\\there'],
    ['line\nbreak\r\n', 'line\\nbreak\\r\\n'],
    ['back\\slash', 'back\\\\slash'],
    ['\\.', '\\\\.'],
    ['\\N', '\\\\N'],
    ['"quoted" – ünïcode', '"quoted" – ünïcode'],
  ];
  for (const [value, written] of values) {
    test(`store › COPY writes ${JSON.stringify(value)} as ${JSON.stringify(written)}`, () => assert.equal(copyValue(value), written));
  }
  const arrays: [string[], string][] = [
    [[], '{}'],
    [['actor:UKR', 'recipient:USA'], '{"actor:UKR","recipient:USA"}'],
    [['a "b"', 'c\\d', 'e,f', '{g}'], '{"a \\"b\\"","c\\\\d","e,f","{g}"}'],
  ];
  for (const [items, literal] of arrays) {
    test(`store › the text[] literal of ${JSON.stringify(items)} is ${literal}`, () => assert.equal(arrayLiteral(items), literal));
  }
});

describe('store › postgres statement names', () => {
  test('store › a statement text keeps its name, new texts get new names, and past the limit texts run unnamed', () => {
    const names = new StatementNames(2);
    const steps: [string, string | undefined][] = [
      ['INSERT a', 'parley_1'], ['INSERT b', 'parley_2'], ['INSERT a', 'parley_1'], ['INSERT c', undefined], ['INSERT b', 'parley_2'],
    ];
    for (const [text, name] of steps) assert.equal(names.nameOf(text), name, text);
  });
});

describe('store › postgres storage', { skip }, () => {
  test('store › the ingest prepares one statement a shape: articles with and without a title, source or date share it', async () => {
    await withStore(async (store) => {
      await store.migrate();
      // One connection, so the session's prepared statements are all of the store's.
      const pair = (n: number, extra: object) => [0, 1].map((i) => makeDocument(`shape-${n}-${i}`, `Article ${n}.${i} on talks.`, [{}], extra));
      await store.ingest(pair(1, {}));
      await store.ingest(pair(2, { title: undefined, source: undefined }));
      await store.ingest(pair(3, { published: null, url: 'https://example.org/a' }));
      const { rows } = await sql<{ statement: string }>`SELECT statement FROM pg_prepared_statements ORDER BY statement`.execute(store.db);
      // Two articles a group: one INSERT of two articles and one INSERT of two pending folds.
      assert.equal(rows.length, 2, rows.map((r) => r.statement.slice(0, 60)).join('\n'));
      assert.equal((await store.stats()).articles, 6);
      assert.equal((await store.getArticle('shape-2-0'))?.document.article.title, undefined);
    }, { poolSize: 1 });
  });

  test('store › documents, threads, pending threads, search vectors and events are compressed with lz4 where the server has it, and read back whole', async () => {
    await withStore(async (store) => {
      await store.migrate();
      // A server built without lz4 refuses a column that asks for it: then pglz is expected.
      const hasLz4 = await sql`CREATE TEMP TABLE lz4_probe (v text COMPRESSION lz4)`.execute(store.db).then(() => true, () => false);
      const columns = [['articles', 'document'], ['articles', 'search'], ['events', 'json'], ['failed_folds', 'threads'], ['pending_folds', 'threads'], ['threads', 'json']];
      const { rows } = await sql<{ relname: string; attname: string; attcompression: string }>`
        SELECT c.relname, a.attname, a.attcompression FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
        WHERE (c.relname, a.attname) IN (${sql.join(columns.map(([t, c]) => sql`(${t}, ${c})`))}) AND c.relkind = 'r'
        ORDER BY c.relname, a.attname`.execute(store.db);
      assert.deepEqual(rows.map((r) => [r.relname, r.attname, r.attcompression]), columns.map(([t, c]) => [t, c, hasLz4 ? 'l' : '']));
      // A document large enough to be compressed comes back byte for byte.
      const long = makeDocument('long', 'A long article about talks between two governments. '.repeat(400), [{}]);
      await store.ingest([long]);
      assert.deepEqual((await store.getArticle('long'))?.document, long);
    });
  });

  test('store › events whose ids, sources, sentences and parties hold tabs, line breaks, backslashes and quotes are stored as they were', async () => {
    await withStore(async (store) => {
      await store.migrate();
      const text = 'Talks\tresumed.\r\nA line "\\." and C:\\path\\N, then ünïcode – done.';
      const odd = 'X"\\Y';
      const doc = makeDocument('odd\tid\\1', text, [
        { evidence: { sentence: 0, start: 0, end: text.length, trigger: { text: 'Talks', start: 0, end: 5 } } },
        { actor: [{ name: 'Odd', country: odd, sector: 'GOV', ref: null }] },
      ], { source: 'Wire\\\tTwo\nLines' });
      await store.ingest([doc]);
      const { items } = await store.queryEvents({ articleId: 'odd\tid\\1' });
      assert.deepEqual(items.map((e) => [e.key, e.source, e.sentenceText]).sort(), [
        ['odd\tid\\1:ev1', 'Wire\\\tTwo\nLines', text],
        ['odd\tid\\1:ev2', 'Wire\\\tTwo\nLines', text.slice(0, 20)],
      ]);
      assert.deepEqual((await store.queryEvents({ actorCountry: odd })).items.map((e) => e.key), ['odd\tid\\1:ev2']);
      assert.deepEqual((await store.queryEvents({ recipientCountry: 'USA', articleId: 'odd\tid\\1' })).total, 2);
    });
  });

  test('store › an event PostgreSQL refuses fails its article whole, and the store goes on writing', async () => {
    await withStore(async (store) => {
      await store.migrate();
      // PostgreSQL text cannot hold a NUL character: COPY refuses the event row.
      const bad = makeDocument('refused', 'An article whose second event cannot be stored.', [{}, { type: 'RE\u0000QUEST' }]);
      await assert.rejects(store.ingest([bad]), /0x00/);
      assert.deepEqual(await store.stats(), { articles: 0, events: 0, threads: 0, pendingFolds: 0, failedFolds: 0 });
      // Every connection of the pool is still fit to use after the failed COPY.
      const docs = Array.from({ length: 12 }, (_, i) => makeDocument(`after-${i}`, `Article ${i} written after the refused one.`, [{}]));
      await Promise.all(docs.map((d) => store.ingest([d])));
      assert.deepEqual((await store.stats()).articles, 12);
      assert.equal((await store.queryEvents({})).total, 12);
    });
  });

  test('store › every search vector and query made by the writers parses in PostgreSQL, and a query finds its own text', async () => {
    await withStore(async (store) => {
      await store.migrate();
      const { readdirSync, readFileSync } = await import('node:fs');
      const dir = new URL('../examples/', import.meta.url);
      const texts = readdirSync(dir).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(new URL(f, dir), 'utf8'));
      // A text that grows when diacritics are removed (each squared katakana sign becomes several letters).
      const signs = Array.from({ length: 0x58 }, (_, i) => String.fromCharCode(0x3300 + i));
      texts.push(Array.from({ length: 60_000 }, (_, i) => signs[i % 88] + signs[(i * 7) % 88] + signs[(i * 13) % 88] + i.toString(36)).join(' ').slice(0, 300_000));
      texts.push("O'Brien's \\ back\\slash 'quoted' \"double\" — Ærø, Zürich, Київ, 北京, عمان", 'talk '.repeat(20_000), '');
      for (const text of texts) {
        const vector = searchVector('A title', text);
        const { rows } = await sql<{ n: number; hit: boolean }>`
          SELECT length(${vector}::tsvector) AS n, ${vector}::tsvector @@ ${searchQuery('title')}::tsquery AS hit`.execute(store.db);
        assert.equal(rows[0].n, new Set([...vector.matchAll(/'((?:[^']|'')*)':/g)].map((m) => m[1])).size);
        assert.equal(rows[0].hit, true);
        const words = text.split(/\s+/).filter((w) => /\p{L}{4,}/u.test(w)).slice(0, 3).join(' ');
        const query = searchQuery(words);
        if (query) assert.equal((await sql<{ hit: boolean }>`SELECT ${vector}::tsvector @@ ${query}::tsquery AS hit`.execute(store.db)).rows[0].hit, true, words);
      }
      // A query word too long to be a lexeme is left out rather than refused.
      assert.equal((await store.listArticles({ text: `geneva ${'x'.repeat(3000)}` })).total, 0);
    });
  });

  test('store › threads are read in one snapshot: a fold committing between the head and entry reads is not half seen', async () => {
    await withStore(async (store, url) => {
      await store.migrate();
      const engine = createEngine();
      await store.ingest(syntheticArticles(60).map((a) => engine.readInput(a).toOutput()));
      const before = await store.threads();
      const target = before.find((t) => t.history.length > 0)!;
      // Another connection plays a fold: it takes thread_entries first (so the reader, having
      // read the heads, waits there), then changes a head and appends an entry, and commits.
      const fold = new pg.Client({ connectionString: url });
      await fold.connect();
      try {
        await fold.query('BEGIN');
        await fold.query('LOCK TABLE thread_entries IN ACCESS EXCLUSIVE MODE');
        const reading = store.threads();
        await waitFor('the reader to wait on thread_entries', async () => (await fold.query(
          `SELECT 1 FROM pg_locks l JOIN pg_class c ON c.oid = l.relation WHERE c.relname = 'thread_entries' AND NOT l.granted`)).rowCount! > 0, 10_000, 20);
        const head = (await fold.query(`SELECT json FROM threads WHERE id = $1`, [target.id])).rows[0].json as string;
        const changed = JSON.parse(head);
        changed.history[0].corroboration = 99;
        await fold.query(`UPDATE threads SET json = $1 WHERE id = $2`, [JSON.stringify(changed), target.id]);
        await fold.query(`INSERT INTO thread_entries (thread_id, step, body, reports) VALUES ($1, $2, $3, $4)`,
          [target.id, changed.history[0].key, JSON.stringify({ events: [], articles: ['late'], evidence: [] }), JSON.stringify([{ article: 'late', outlet: 'late', signature: '' }])]);
        await fold.query('COMMIT');
        assert.deepEqual(await reading, before, 'the read saw the threads as they were before the fold');
        const after = (await store.threads()).find((t) => t.id === target.id)!;
        assert.equal(after.history[0].corroboration, 99);
        assert.ok(after.articles.includes('late'), 'the next read sees the fold whole');
      } finally {
        await fold.end();
      }
    });
  });

  test('store › a database error while a fold reads earlier reports leaves the articles pending, not set aside', async () => {
    await withStore(async (store, url) => {
      await store.migrate();
      const engine = createEngine();
      const first = syntheticArticles(30);
      await store.ingest(first.map((a) => engine.readInput(a).toOutput()));
      // Copies under another outlet's name join the same steps: the fold must read their earlier reports.
      const copies = first.map((a) => engine.readInput({ ...a, id: `${a.id}-copy`, source: 'Copy Desk', text: `${a.text} Copyright the agency.` }).toOutput());
      const impatient = new PostgresStore({ url: `${url}?options=${encodeURIComponent('-c lock_timeout=300')}`, poolSize: 2 });
      const holder = new pg.Client({ connectionString: url });
      await holder.connect();
      try {
        await holder.query('BEGIN');
        await holder.query('LOCK TABLE thread_entries IN ACCESS EXCLUSIVE MODE');
        const r = await impatient.ingest(copies);
        assert.equal(r.stored.length, copies.length);
        assert.match(r.foldError ?? '', /lock timeout/);
        assert.deepEqual(await impatient.stats().then((s) => [s.pendingFolds, s.failedFolds]), [copies.length, 0]);
        await holder.query('COMMIT');
        assert.equal(await impatient.foldPending(), copies.length);
        const threads = await impatient.threads();
        assert.ok(threads.some((t) => t.articles.some((a) => a.endsWith('-copy'))), 'the next fold took them');
      } finally {
        await holder.end();
        await impatient.close();
      }
    });
  });

  test('store › a fold appends entries and rewrites only heads', async () => {
    await withStore(async (store) => {
      await store.migrate();
      await checkEntriesAppended(store);
    });
  });

  test('store › upgrading to heads and entries (0009) keeps the threads and folds into them', async () => {
    await withStore(async (store) => {
      await store.migrate('0008_fold_time');
      await checkThreadsUpgrade(store, async (t) => {
        await sql`INSERT INTO threads (id, kind, status, participants, updated, json, updated_at)
          VALUES (${t.id}, ${t.kind}, ${t.status}, ${t.participants}::text[], ${t.updated ?? null}, ${JSON.stringify(t)}, '2025-10-14')`.execute(store.db);
      });
    });
  });

  test('store › upgrading moves event parties onto the events (0005) and makes every search vector again by the writers\' rules (0006)', async () => {
    await withStore(async (store) => {
      await store.migrate('0004_failed_folds');
      // Rows as the 0004 schema held them: the vector generated from the stored document.
      const text = 'Ministers from both countries met in Geneva and agreed to resume the talks next month.';
      const old = makeDocument('old', text, [{}, { actor: [{ name: 'Kenya', country: 'KEN', sector: 'GOV', ref: null }], recipient: [] }]);
      await sql`INSERT INTO articles (id, hash, title, ingested_at, event_count, document)
        VALUES ('old', ${old.article.hash}, ${old.article.title}, '2025-10-14', 2, ${JSON.stringify(old)})`.execute(store.db);
      await sql`INSERT INTO events (key, article_id, event_id, type, cameo, quad, factuality, json) VALUES
        ('old:ev1', 'old', 'ev1', 'REQUEST', '020', 1, 'asserted', '{}'), ('old:ev2', 'old', 'ev2', 'REQUEST', '020', 1, 'asserted', '{}')`.execute(store.db);
      await sql`INSERT INTO event_parties (event_key, side, country) VALUES
        ('old:ev1', 'actor', 'UKR'), ('old:ev1', 'recipient', 'USA'), ('old:ev2', 'actor', 'KEN')`.execute(store.db);
      const before = (await sql<{ v: string }>`SELECT search::text AS v FROM articles WHERE id = 'old'`.execute(store.db)).rows[0].v;

      const vectorOf = async (id: string) => (await sql<{ v: string }>`SELECT search::text AS v FROM articles WHERE id = ${id}`.execute(store.db)).rows[0].v;
      await store.migrate('0005_lean_writes');
      const parties = await sql<{ key: string; parties: string[] }>`SELECT key, parties FROM events ORDER BY key`.execute(store.db);
      assert.deepEqual(parties.rows.map((r) => [r.key, [...r.parties].sort()]), [['old:ev1', ['actor:UKR', 'recipient:USA']], ['old:ev2', ['actor:KEN']]]);
      assert.equal(await vectorOf('old'), before);

      await store.migrate();
      // The stored vector is made again by the writers' rules: exactly what a new article with the
      // same title and text gets.
      const remade = await vectorOf('old');
      assert.notEqual(remade, before);
      assert.equal(remade, (await sql<{ v: string }>`SELECT ${searchVector(old.article.title ?? null, text)}::tsvector::text AS v`.execute(store.db)).rows[0].v);
      await store.ingest([makeDocument('new', text, [], { title: old.article.title, hash: 'another-hash' })]);
      assert.equal(await vectorOf('new'), remade);
      assert.deepEqual((await store.queryEvents({ actorCountry: 'ken' })).items.length, 1);
      assert.deepEqual((await store.listArticles({ text: 'resuming the talk' })).items.map((a) => a.id).sort(), ['new', 'old']);
      // The old article's two events (the new article has none), found through its remade vector.
      assert.equal((await store.queryEvents({ text: 'Geneva' })).total, 2);
      assert.equal((await store.listArticles({ text: 'the, and to' })).total, 0, 'a query of function words alone matches nothing');

      // An upgrade stopped half-way resumes at the next start: the rows still under older rules
      // are made again, and only then is the store marked as following the current ones.
      await sql`UPDATE articles SET search = ${before}::tsvector, search_rules = 0 WHERE id = 'old'`.execute(store.db);
      await sql`UPDATE search_state SET rules = 0`.execute(store.db);
      await store.migrate();
      assert.equal(await vectorOf('old'), remade);
      assert.equal((await sql<{ rules: number }>`SELECT rules FROM search_state`.execute(store.db)).rows[0].rules, SEARCH_RULES);

      // A row PostgreSQL refuses the vector of (here, a trigger made for the test) gets an empty
      // one; the others are made and the upgrade finishes.
      await sql`UPDATE articles SET search = ${before}::tsvector, search_rules = 0`.execute(store.db);
      await sql`UPDATE search_state SET rules = 0`.execute(store.db);
      await sql`CREATE FUNCTION refuse_vector() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused'; END $$`.execute(store.db);
      await sql`CREATE TRIGGER refuse_old BEFORE UPDATE ON articles FOR EACH ROW
        WHEN (NEW.id = 'old' AND NEW.search <> ''::tsvector) EXECUTE FUNCTION refuse_vector()`.execute(store.db);
      await store.migrate();
      assert.deepEqual([await vectorOf('old'), await vectorOf('new')], ['', remade]);
      assert.equal((await sql<{ n: string }>`SELECT count(*) AS n FROM articles WHERE search_rules <> ${SEARCH_RULES}`.execute(store.db)).rows[0].n, '0');
    });
  });
});
