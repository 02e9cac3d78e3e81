import Database from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect, sql, type Generated, type Migration, type MigrationProvider, type SelectQueryBuilder } from 'kysely';
import type { ParleyDocument, Thread } from '../../document/types.js';
import { ParleyError } from '../../document/errors.js';
import { loadThreadModel, threadsJoined, updateThreads, type FoldDocument } from '../../threads/index.js';
import { foldStored, joinStored, splitStoredThreads, type EntryRow, type ReportRow } from '../threads.js';
import { documentHash, eventRows, type EventRow } from '../rows.js';
import type {
  ActorSummary, EventFilter, IngestResult, Page, Store, StoreStats, StoredArticle, StoredEvent, ThreadQuery,
} from '../types.js';
import { REBUILD_BATCH, THREAD_PAGE } from '../types.js';

interface ArticleTable {
  pk: number | null;
  id: string;
  hash: string;
  title: string | null;
  url: string | null;
  source: string | null;
  published: string | null;
  ingested_at: string;
  event_count: number;
  document: string;
}
/** The events table holds exactly the shared event rows. */
type EventTable = EventRow;
interface PartyTable {
  event_key: string; side: string; country: string;
  /** Copied from the event (migration 0002) so a party filter can page and count without a join. */
  date: string | null; type: string | null; factuality: string | null;
  /** 0 when the same country is also on the event's actor side: "either side" counts the event once. */
  first: number;
}
interface ThreadTable { id: string; kind: string; status: string; json: string; updated_at: string; participants: string; updated: string | null }
interface EntryTable extends EntryRow { seq: Generated<number> }
interface Schema { articles: ArticleTable; events: EventTable; event_parties: PartyTable; threads: ThreadTable; thread_entries: EntryTable }

/**
 * The newest date the store has seen, against which threads are judged overdue: the latest
 * article's, or a later step date of any thread (each row's `updated` is its thread's).
 */
async function newestDate(db: Kysely<Schema>): Promise<string | null> {
  const newest = await db.selectFrom('articles').select((eb) => eb.fn.max('published').as('d')).executeTakeFirst();
  const latest = await db.selectFrom('threads').select((eb) => eb.fn.max('updated').as('d')).executeTakeFirst();
  const dates = [newest?.d, latest?.d].filter((d): d is string => Boolean(d));
  return dates.length ? dates.reduce((a, b) => (a > b ? a : b)) : null;
}

/** Migrations are code, applied in name order (Kysely runs SQLite's outside a transaction: a migration that must be atomic takes its own). */
const MIGRATIONS: Record<string, Migration> = {
  '0001_init': {
    async up(db: Kysely<any>) {
      await db.schema.createTable('articles')
        .addColumn('pk', 'integer', (c) => c.primaryKey().autoIncrement())
        .addColumn('id', 'text', (c) => c.notNull().unique())
        .addColumn('hash', 'text', (c) => c.notNull().unique())
        .addColumn('title', 'text').addColumn('url', 'text').addColumn('source', 'text')
        .addColumn('published', 'text')
        .addColumn('ingested_at', 'text', (c) => c.notNull())
        .addColumn('event_count', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('document', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('articles_published').on('articles').column('published').execute();
      await db.schema.createTable('events')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('article_id', 'text', (c) => c.notNull().references('articles.id').onDelete('cascade'))
        .addColumn('event_id', 'text', (c) => c.notNull())
        .addColumn('type', 'text', (c) => c.notNull()).addColumn('mode', 'text')
        .addColumn('cameo', 'text', (c) => c.notNull()).addColumn('quad', 'integer', (c) => c.notNull())
        .addColumn('factuality', 'text', (c) => c.notNull())
        .addColumn('date', 'text').addColumn('source', 'text')
        .addColumn('json', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('events_type_date').on('events').columns(['type', 'date']).execute();
      await db.schema.createIndex('events_date').on('events').column('date').execute();
      await db.schema.createIndex('events_article').on('events').column('article_id').execute();
      await db.schema.createTable('event_parties')
        .addColumn('event_key', 'text', (c) => c.notNull().references('events.key').onDelete('cascade'))
        .addColumn('side', 'text', (c) => c.notNull())
        .addColumn('country', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('event_parties_country').on('event_parties').columns(['country', 'side', 'event_key']).execute();
      await db.schema.createIndex('event_parties_event').on('event_parties').column('event_key').execute();
      await db.schema.createTable('threads')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('kind', 'text', (c) => c.notNull()).addColumn('status', 'text', (c) => c.notNull())
        .addColumn('json', 'text', (c) => c.notNull()).addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      // Contentless full-text index over article text: rowid = articles.pk.
      await sql`CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='', tokenize='porter unicode61')`.execute(db);
    },
  },
  // Query speed on large stores: pages come in date order straight from an index, and filters on
  // a country page and count from event_parties alone (it carries each event's date, type and
  // factuality), joining events only for the page's rows.
  '0002_query_indexes': {
    async up(db: Kysely<any>) {
      for (const col of ['date', 'type', 'factuality']) await db.schema.alterTable('event_parties').addColumn(col, 'text').execute();
      await db.schema.alterTable('event_parties').addColumn('first', 'integer', (c) => c.notNull().defaultTo(1)).execute();
      await sql`UPDATE event_parties SET
        date = (SELECT e.date FROM events e WHERE e.key = event_parties.event_key),
        type = (SELECT e.type FROM events e WHERE e.key = event_parties.event_key),
        factuality = (SELECT e.factuality FROM events e WHERE e.key = event_parties.event_key)`.execute(db);
      await sql`UPDATE event_parties SET first = 0 WHERE side = 'recipient' AND EXISTS (
        SELECT 1 FROM event_parties a WHERE a.event_key = event_parties.event_key AND a.side = 'actor' AND a.country = event_parties.country)`.execute(db);
      await sql`CREATE INDEX events_order ON events(date DESC, key)`.execute(db);
      await sql`CREATE INDEX events_type_order ON events(type, date DESC, key)`.execute(db);
      await sql`CREATE INDEX events_factuality_order ON events(factuality, date DESC, key)`.execute(db);
      // Type and factuality ride along at the end so counts and filtered pages read the index only.
      await sql`CREATE INDEX event_parties_side_order ON event_parties(country, side, date DESC, event_key, type, factuality)`.execute(db);
      await sql`CREATE INDEX event_parties_any_order ON event_parties(country, first, date DESC, event_key, type, factuality)`.execute(db);
      await sql`CREATE INDEX event_parties_lookup ON event_parties(event_key, country, side)`.execute(db);
      for (const old of ['events_date', 'events_type_date', 'event_parties_country', 'event_parties_event']) await db.schema.dropIndex(old).execute();
    },
  },
};

MIGRATIONS['0003_thread_participants'] = {
  async up(db: Kysely<any>) {
    // Participants as ' UKR USA ' and the newest step's date, so a fold loads only the threads a
    // batch could join instead of every thread the store ever kept.
    await db.schema.alterTable('threads').addColumn('participants', 'text', (c) => c.notNull().defaultTo('')).execute();
    await db.schema.alterTable('threads').addColumn('updated', 'text').execute();
    await sql`UPDATE threads SET
      participants = ' ' || COALESCE((SELECT group_concat(value, ' ') FROM json_each(threads.json, '$.participants')), '') || ' ',
      updated = json_extract(threads.json, '$.updated')`.execute(db);
    await sql`CREATE INDEX threads_kind ON threads(kind)`.execute(db);
  },
};

MIGRATIONS['0004_thread_entries'] = {
  async up(db: Kysely<any>) {
    // A thread's row keeps its head; what each fold adds to a step is a row of its own, appended
    // (src/store/threads.ts). Stored threads are split in place, their lists becoming one entry a step.
    // Kysely runs SQLite's migrations outside a transaction: this one takes its own, so a crash
    // part-way leaves the threads whole, and the next start runs it again from the beginning
    // (and, should it die after the commit but before Kysely records it, again harmlessly: a
    // head splits into itself).
    await sql`BEGIN IMMEDIATE`.execute(db);
    try {
      await sql`CREATE TABLE IF NOT EXISTS thread_entries (
        seq integer PRIMARY KEY AUTOINCREMENT, thread_id text NOT NULL, step integer NOT NULL, body text NOT NULL, reports text NOT NULL)`.execute(db);
      await sql`CREATE INDEX IF NOT EXISTS thread_entries_step ON thread_entries(thread_id, step)`.execute(db);
      await splitStoredThreads(db);
      await sql`COMMIT`.execute(db);
    } catch (err) {
      await sql`ROLLBACK`.execute(db);
      throw err;
    }
  },
};

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

export interface SqliteStoreOptions {
  /** File path, or ':memory:'. */
  path: string;
}

/** Turns a user query into an FTS5 query of quoted terms, so punctuation can never be a syntax error. */
function ftsQuery(q: string): string {
  const terms = q.match(/[\p{L}\p{N}]+/gu) ?? [];
  return terms.map((t) => `"${t}"`).join(' ');
}

/** A filter's prepared SQL: the page (LIMIT/OFFSET appended per call) and its total. */
interface QueryPlan {
  key: string;
  params: readonly unknown[];
  page: Database.Statement;
  count: Database.Statement;
  countParams: readonly unknown[];
}

/** The embedded store: one SQLite file through Kysely, WAL mode, every ingest one transaction. */
export class SqliteStore implements Store {
  readonly kind = 'sqlite' as const;
  readonly db: Kysely<Schema>;
  private readonly raw: Database.Database;

  constructor(options: SqliteStoreOptions) {
    try {
      this.raw = new Database(options.path);
    } catch (err) {
      throw new ParleyError('P030', `Cannot open the SQLite database ${options.path}: ${(err as Error).message}`);
    }
    this.raw.pragma('journal_mode = WAL');
    this.raw.pragma('foreign_keys = ON');
    this.raw.pragma('synchronous = NORMAL');
    this.raw.pragma('busy_timeout = 5000');
    this.db = new Kysely<Schema>({ dialect: new SqliteDialect({ database: this.raw }) });
  }

  /** Migrates to the latest schema, or (tests of an upgrade) to the migration named `to`. */
  async migrate(to?: string): Promise<void> {
    const migrator = new Migrator({ db: this.db, provider });
    const { error, results } = await (to ? migrator.migrateTo(to) : migrator.migrateToLatest());
    if (error) {
      const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
      throw new ParleyError('P030', `Migration ${failed} failed: ${(error as Error).message ?? error}`);
    }
  }

  async hasHash(hash: string): Promise<boolean> {
    return Boolean(await this.db.selectFrom('articles').select('pk').where('hash', '=', hash).executeTakeFirst());
  }

  /** The single writer folds inside each ingest transaction: nothing is ever pending. */
  async foldPending(): Promise<number> {
    return 0;
  }

  async rebuildThreads(options: { batch?: number } = {}): Promise<{ articles: number; threads: number }> {
    const batch = Math.max(1, options.batch ?? REBUILD_BATCH);
    const now = new Date().toISOString();
    let articles = 0;
    await this.db.transaction().execute(async (tx) => {
      await tx.deleteFrom('threads').execute();
      await tx.deleteFrom('thread_entries').execute();
      // The order first (small rows), then the documents a batch at a time.
      const order = await tx.selectFrom('articles').select('pk').orderBy('published').orderBy('id').execute();
      for (let i = 0; i < order.length; i += batch) {
        const pks = order.slice(i, i + batch).map((r) => r.pk);
        const rows = await tx.selectFrom('articles').select(['pk', 'id', 'published', 'document']).where('pk', 'in', pks).execute();
        const byPk = new Map(rows.map((r) => [r.pk, r]));
        const docs: FoldDocument[] = pks.map((pk) => {
          const r = byPk.get(pk)!;
          return { article: { id: r.id, published: r.published }, threads: (JSON.parse(r.document) as ParleyDocument).threads ?? [] };
        });
        await this.foldThreads(tx, docs, now);
        articles += docs.length;
      }
    });
    return { articles, threads: (await this.stats()).threads };
  }

  async ingest(documents: readonly ParleyDocument[]): Promise<IngestResult> {
    const result: IngestResult = { stored: [], duplicates: [], events: 0 };
    if (!documents.length) return result;
    this.counts.clear();
    const now = new Date().toISOString();
    await this.db.transaction().execute(async (tx) => {
      const fresh: ParleyDocument[] = [];
      for (const doc of documents) {
        const hash = documentHash(doc);
        const exists = await tx.selectFrom('articles').select('pk').where('hash', '=', hash).executeTakeFirst();
        if (exists || fresh.some((d) => documentHash(d) === hash)) { result.duplicates.push(doc.article.id); continue; }
        // Another article may carry the same id (two feeds, one file name): keep both, suffix this one.
        const taken = await tx.selectFrom('articles').select('pk').where('id', '=', doc.article.id).executeTakeFirst();
        const id = taken || fresh.some((d) => d.article.id === doc.article.id) ? `${doc.article.id}~${hash.slice(0, 8)}` : doc.article.id;
        const stored = { ...doc, article: { ...doc.article, id, hash } };
        const inserted = await tx.insertInto('articles').values({
          pk: null, id, hash, title: doc.article.title, url: doc.article.url, source: doc.article.source,
          published: doc.article.published, ingested_at: now, event_count: doc.events.length, document: JSON.stringify(stored),
        }).returning('pk').executeTakeFirstOrThrow();
        await sql`INSERT INTO articles_fts(rowid, title, text) VALUES (${inserted.pk}, ${doc.article.title ?? ''}, ${doc.article.text})`.execute(tx);
        const { events, parties: bare } = eventRows(stored, id);
        const byKey = new Map(events.map((e) => [e.key, e]));
        const parties = bare.map((p) => {
          const e = byKey.get(p.event_key);
          const alsoActor = p.side === 'recipient' && bare.some((a) => a.event_key === p.event_key && a.side === 'actor' && a.country === p.country);
          return { ...p, date: e?.date ?? null, type: e?.type ?? null, factuality: e?.factuality ?? null, first: alsoActor ? 0 : 1 };
        });
        for (let i = 0; i < events.length; i += 200) await tx.insertInto('events').values(events.slice(i, i + 200)).execute();
        for (let i = 0; i < parties.length; i += 150) await tx.insertInto('event_parties').values(parties.slice(i, i + 150)).execute();
        result.events += events.length;
        result.stored.push(id);
        fresh.push(stored);
      }
      if (fresh.length) await this.foldThreads(tx, fresh, now);
    }).finally(() => this.counts.clear()); // reads between this transaction's statements must not leave totals behind
    return result;
  }

  /**
   * Folds new documents into the stored threads inside the ingest transaction. Only the threads a
   * batch could join are loaded — same kind, a shared participant (joining needs one at least) —
   * so a fold costs what the batch touches, not what the store holds. Overdue flags depend on
   * the newest date anywhere and are judged when threads are read.
   */
  private async foldThreads(tx: Kysely<Schema>, docs: readonly FoldDocument[], now: string): Promise<void> {
    const local = docs.flatMap((d) => d.threads ?? []);
    if (!local.length) return;
    const kinds = [...new Set(local.map((t) => t.kind))];
    const countries = [...new Set(local.flatMap((t) => t.participants))];
    const candidates = (await tx.selectFrom('threads').select(['id', 'kind', 'participants', 'updated']).where('kind', 'in', kinds)
      .where((eb) => eb.or(countries.map((c) => eb('participants', 'like', `% ${c} %`)))).orderBy('id').execute())
      .map((r) => ({ ...r, participants: r.participants.trim().split(' ').filter(Boolean) }));
    // Only the threads the fold will join are loaded and parsed, in id order (which decides ties,
    // as in the PostgreSQL store); the others would come back unchanged but for the overdue flag,
    // which is judged on reading.
    const ids = threadsJoined(candidates, docs, loadThreadModel()).map((i) => candidates[i].id);
    const raw = new Map<string, string>();
    for (let i = 0; i < ids.length; i += 500) {
      for (const r of await tx.selectFrom('threads').select(['id', 'json']).where('id', 'in', ids.slice(i, i + 500)).execute()) raw.set(r.id, r.json);
    }
    // Parsed for this fold alone, the heads are changed in place; a step the fold grows is counted
    // with its earlier reports, read from its entries.
    const folded = await foldStored(new Map(ids.map((id) => [id, raw.get(id)!])), docs, updateThreads, async (steps) => {
      const rows: ReportRow[] = [];
      for (let i = 0; i < steps.length; i += 400) {
        const pairs = steps.slice(i, i + 400).map((p) => sql`(${p.thread}, ${p.step})`);
        rows.push(...(await sql<ReportRow>`
          SELECT thread_id, step, reports FROM thread_entries WHERE (thread_id, step) IN (VALUES ${sql.join(pairs)}) ORDER BY seq`.execute(tx)).rows);
      }
      return rows;
    });
    for (const { thread: t, json, entries } of folded) {
      const row = { kind: t.kind, status: t.status, json, updated_at: now, participants: ` ${t.participants.join(' ')} `, updated: t.updated ?? null };
      await tx.insertInto('threads').values({ id: t.id, ...row }).onConflict((oc) => oc.column('id').doUpdateSet(row)).execute();
      for (let i = 0; i < entries.length; i += 200) await tx.insertInto('thread_entries').values(entries.slice(i, i + 200)).execute();
    }
  }

  async getArticle(id: string): Promise<StoredArticle | null> {
    const r = await this.db.selectFrom('articles').selectAll().where('id', '=', id).executeTakeFirst();
    if (!r) return null;
    return {
      id: r.id, hash: r.hash, title: r.title, url: r.url, source: r.source, published: r.published,
      ingestedAt: r.ingested_at, eventCount: r.event_count, document: JSON.parse(r.document) as ParleyDocument,
    };
  }

  async listArticles(options: { limit?: number; offset?: number; text?: string } = {}): Promise<Page<Omit<StoredArticle, 'document'>>> {
    const limit = Math.min(options.limit ?? 50, 1000), offset = options.offset ?? 0;
    let q = this.db.selectFrom('articles');
    if (options.text) q = q.where('pk', 'in', sql<number>`(SELECT rowid FROM articles_fts WHERE articles_fts MATCH ${ftsQuery(options.text)})`);
    const [{ n }] = await q.select((eb) => eb.fn.countAll<number>().as('n')).execute();
    const rows = await q.select(['id', 'hash', 'title', 'url', 'source', 'published', 'ingested_at', 'event_count'])
      .orderBy('published', 'desc').orderBy('pk', 'desc').limit(limit).offset(offset).execute();
    return {
      items: rows.map((r) => ({ id: r.id, hash: r.hash, title: r.title, url: r.url, source: r.source, published: r.published, ingestedAt: r.ingested_at, eventCount: r.event_count })),
      total: Number(n), limit, offset,
    };
  }

  async queryEvents(filter: EventFilter = {}): Promise<Page<StoredEvent>> {
    const page = await this.queryEventsJson(filter);
    return { items: page.items.map((j) => JSON.parse(j) as StoredEvent), total: page.total, limit: page.limit, offset: page.offset };
  }

  /**
   * `queryEvents` with each event still as its stored JSON text: an HTTP server can write the
   * page without parsing and re-serialising every event (the hot path of GET /v1/events).
   */
  async queryEventsJson(filter: EventFilter = {}): Promise<Page<string>> {
    const limit = Math.min(filter.limit ?? 100, 10_000), offset = filter.offset ?? 0;
    const plan = this.planFor(filter);
    const items = plan.page.all(...plan.params, limit, offset) as string[];
    return { items, total: this.countFor(plan), limit, offset };
  }

  /**
   * The SQL of a filter (paging aside), built with Kysely once and then reused: on a busy API the
   * same few filters come back all the time, and building the query costs more than running it.
   */
  private planFor(filter: EventFilter): QueryPlan {
    const key = JSON.stringify([filter.actorCountry, filter.recipientCountry, filter.country, filter.type, filter.factuality, filter.from, filter.to, filter.articleId, filter.text]);
    let plan = this.plans.get(key);
    if (plan) return plan;
    const parties = ([['actor', filter.actorCountry], ['recipient', filter.recipientCountry], [null, filter.country]] as const)
      .filter(([, c]) => c).map(([side, c]) => ({ side, country: (c as string).toUpperCase() }));
    const fts = filter.text ? ftsQuery(filter.text) : null;
    type AnyQuery = SelectQueryBuilder<any, any, any>;
    const { count, page }: { count: AnyQuery; page: AnyQuery } = parties.length ? this.partyQueries(filter, parties, fts) : this.eventQueries(filter, fts);
    const countSql = count.select((eb: any) => eb.fn.countAll().as('n')).compile();
    // Kysely binds LIMIT and OFFSET as the last two parameters; they are supplied per call.
    const pageSql = page.limit(1).offset(0).compile();
    if (!/ limit \? offset \?$/.test(pageSql.sql)) throw new ParleyError('P030', `Unexpected paging SQL: ${pageSql.sql}`);
    plan = {
      key,
      params: pageSql.parameters.slice(0, -2),
      page: this.raw.prepare(pageSql.sql).pluck(),
      count: this.raw.prepare(countSql.sql).pluck(),
      countParams: countSql.parameters,
    };
    if (this.plans.size >= 1000) this.plans.clear();
    this.plans.set(key, plan);
    return plan;
  }

  /** Filters on the events table alone; pages come in date order from events_order / events_type_order. */
  private eventQueries(filter: EventFilter, fts: string | null) {
    let q = this.db.selectFrom('events');
    if (filter.type) q = q.where('type', '=', filter.type.toUpperCase());
    if (filter.factuality) q = q.where('factuality', '=', filter.factuality);
    if (filter.from) q = q.where('date', '>=', filter.from);
    if (filter.to) q = q.where('date', '<=', filter.to);
    if (filter.articleId) q = q.where('article_id', '=', filter.articleId);
    if (fts !== null) {
      q = q.where('article_id', 'in', sql<string>`(SELECT id FROM articles WHERE pk IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ${fts}))`);
    }
    return { count: q, page: q.select('json').orderBy('date', 'desc').orderBy('key') };
  }

  /**
   * Filters on a country: the first party condition drives from its event_parties index in date
   * order (type, factuality and date are on the party row too), further party conditions are
   * EXISTS probes, and events is joined only for the rows of the page.
   */
  private partyQueries(filter: EventFilter, parties: { side: string | null; country: string }[], fts: string | null) {
    const [lead, ...rest] = parties;
    let q = this.db.selectFrom('event_parties as p0').where('p0.country', '=', lead.country);
    q = lead.side ? q.where('p0.side', '=', lead.side) : q.where('p0.first', '=', 1);
    if (filter.type) q = q.where('p0.type', '=', filter.type.toUpperCase());
    if (filter.factuality) q = q.where('p0.factuality', '=', filter.factuality);
    if (filter.from) q = q.where('p0.date', '>=', filter.from);
    if (filter.to) q = q.where('p0.date', '<=', filter.to);
    for (const p of rest) {
      q = q.where((eb) => eb.exists(eb.selectFrom('event_parties as px').select(sql`1`.as('one'))
        .whereRef('px.event_key', '=', 'p0.event_key').where('px.country', '=', p.country)
        .$if(Boolean(p.side), (s) => s.where('px.side', '=', p.side as string))));
    }
    if (filter.articleId || fts !== null) {
      q = q.where((eb) => eb.exists(eb.selectFrom('events as ef').select(sql`1`.as('one')).whereRef('ef.key', '=', 'p0.event_key')
        .$if(Boolean(filter.articleId), (s) => s.where('ef.article_id', '=', filter.articleId as string))
        .$if(fts !== null, (s) => s.where('ef.article_id', 'in', sql<string>`(SELECT id FROM articles WHERE pk IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ${fts}))`))));
    }
    return { count: q, page: q.innerJoin('events as e', 'e.key', 'p0.event_key').select('e.json').orderBy('p0.date', 'desc').orderBy('p0.event_key') };
  }

  private readonly plans = new Map<string, QueryPlan>();
  private readonly counts = new Map<string, number>();
  private countsVersion = -1;
  private dataVersion?: Database.Statement;

  /**
   * Totals of a filter only change when the store is written, and paging through one filter asks
   * for the same total again and again: cache them until this connection writes or
   * `PRAGMA data_version` says another connection (a CLI ingest, a worker) has.
   */
  private countFor(plan: QueryPlan): number {
    const version = (this.dataVersion ??= this.raw.prepare('PRAGMA data_version').pluck()).get() as number;
    if (version !== this.countsVersion || this.counts.size > 10_000) { this.counts.clear(); this.countsVersion = version; }
    let n = this.counts.get(plan.key);
    if (n === undefined) {
      n = Number(plan.count.get(...plan.countParams));
      this.counts.set(plan.key, n);
    }
    return n;
  }

  async actors(options: { limit?: number } = {}): Promise<ActorSummary[]> {
    const byKey = new Map<string, ActorSummary>();
    // Participants live inside each event's JSON; aggregate in one pass over the events table.
    for (const { json } of await this.db.selectFrom('events').select('json').execute()) {
      const e = JSON.parse(json) as StoredEvent;
      for (const side of ['actor', 'recipient'] as const) {
        for (const p of e[side]) {
          const k = `${p.country}|${p.sector}|${p.name}`;
          let s = byKey.get(k);
          if (!s) byKey.set(k, s = { country: p.country, sector: p.sector, name: p.name, wikidata: null, asActor: 0, asRecipient: 0 });
          if (side === 'actor') s.asActor++; else s.asRecipient++;
        }
      }
    }
    return [...byKey.values()].sort((a, b) => b.asActor + b.asRecipient - (a.asActor + a.asRecipient)).slice(0, options.limit ?? 500);
  }

  async threads(): Promise<Thread[]> {
    // One read transaction: a thread's head and its entries are two tables, and another process's
    // ingest committing between the two reads would pair a head with entries it has not seen.
    return this.db.transaction().execute(async (tx) => {
      const rows = await tx.selectFrom('threads').select(['id', 'json']).orderBy('id').execute();
      const entries = await tx.selectFrom('thread_entries').select(['thread_id', 'step', 'body', 'reports']).orderBy('seq').execute();
      const asOf = await newestDate(tx);
      return joinStored(rows, entries).map((t) => judgeOverdue(t, asOf));
    });
  }

  async listThreads(options: ThreadQuery = {}): Promise<Page<Thread>> {
    const limit = Math.min(options.limit ?? THREAD_PAGE.limit, THREAD_PAGE.max), offset = options.offset ?? 0;
    // One read transaction, as in `threads`.
    return this.db.transaction().execute(async (tx) => {
      let q = tx.selectFrom('threads');
      if (options.kind) q = q.where('kind', '=', options.kind);
      if (options.country) q = q.where('participants', 'like', `% ${options.country} %`);
      const [{ n }] = await q.select((eb) => eb.fn.countAll<number>().as('n')).execute();
      // SQLite puts nulls first in ascending order, so last in descending.
      const rows = await q.select(['id', 'json']).orderBy('updated', 'desc').orderBy('id').limit(limit).offset(offset).execute();
      const entries = rows.length ? await tx.selectFrom('thread_entries').select(['thread_id', 'step', 'body', 'reports'])
        .where('thread_id', 'in', rows.map((r) => r.id)).orderBy('seq').execute() : [];
      const asOf = await newestDate(tx);
      return { items: joinStored(rows, entries).map((t) => judgeOverdue(t, asOf)), total: Number(n), limit, offset };
    });
  }

  async stats(): Promise<StoreStats> {
    const count = async (t: 'articles' | 'events' | 'threads') =>
      Number((await this.db.selectFrom(t).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    return { articles: await count('articles'), events: await count('events'), threads: await count('threads') };
  }

  async close(): Promise<void> {
    await this.db.destroy();
  }
}

/** A thread is overdue when the newest date the store has seen is past its expected date. */
function judgeOverdue(t: Thread, asOf: string | null): Thread {
  t.overdue = Boolean(t.expected && asOf && asOf > t.expected);
  return t;
}
