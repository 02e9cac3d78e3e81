import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { Kysely, Migrator, PostgresDialect, sql, type Compilable, type Generated, type Migration, type MigrationProvider, type Transaction } from 'kysely';
import type { ParleyDocument, Thread } from '../../document/types.js';
import { ParleyError } from '../../document/errors.js';
import { loadThreadModel, threadsJoined, updateThreads, type FoldDocument, type FoldOptions } from '../../threads/index.js';
import { foldStored, joinStored, splitStoredThreads, type EntryRow, type FoldedThread, type ReportRow } from '../threads.js';
import { eventRows, type EventRow, type PartyRow } from '../rows.js';
import { SEARCH_RULES, searchQuery, searchVector } from '../search.js';
import type {
  ActorSummary, EventFilter, IngestOptions, IngestResult, Page, Store, StoreStats, StoredArticle, StoredEvent, ThreadQuery,
} from '../types.js';
import { REBUILD_BATCH, THREAD_PAGE } from '../types.js';

interface ArticleTable {
  pk: Generated<string>;
  id: string;
  hash: string;
  title: string | null;
  url: string | null;
  source: string | null;
  published: string | null;
  ingested_at: string;
  event_count: number;
  /** The document's JSON as Parley wrote it, byte for byte (text since migration 0005). */
  document: string;
  /** Written with the article from its title and text (see migration 0005), by the writer since 0006. */
  search: unknown;
  /** The version of the search rules (`SEARCH_RULES`) the vector was made by. */
  search_rules: number;
}
/** The shared event rows, and the event's parties as `side:country` terms (`actor:UKR`). */
type EventTable = EventRow & { parties: string[] };
interface ThreadTable {
  id: string; kind: string; status: string; participants: string[]; updated: string | null;
  json: string; updated_at: string;
}
interface FoldStateTable { id: number; as_of: string | null; folded_at: Date | null }
/** An article stored but not yet folded into the threads: what the fold needs of it. */
interface PendingFoldTable { seq: Generated<string>; article_id: string; published: string | null; threads: string }
/** What a fold added to a step of a thread (src/store/threads.ts). */
interface EntryTable extends EntryRow { seq: Generated<string> }
/** A pending fold the fold could not take, with its error. */
interface FailedFoldTable { seq: string; article_id: string; published: string | null; threads: string; error: string; failed_at: string }
interface Schema {
  articles: ArticleTable; events: EventTable; threads: ThreadTable; fold_state: FoldStateTable;
  pending_folds: PendingFoldTable; failed_folds: FailedFoldTable; thread_entries: EntryTable;
}

/** The thread fold itself threw (not the database): the same articles would make it throw again. */
class FoldFailure extends Error {
  constructor(reason: unknown) {
    super(`the thread fold failed: ${(reason as Error)?.message ?? String(reason)}`);
    this.name = 'FoldFailure';
  }
}

export const defaults = Object.freeze({
  /** Connections per store; a worker with concurrency N wants about N + 1. */
  poolSize: 10,
  /** Full-text indexing stops after this many characters: a tsvector is capped at 1 MB, and an
   * article over it would otherwise fail to store at all. */
  searchChars: 300_000,
  /** Attempts for a transaction that lost a deadlock or serialization race. */
  transactionAttempts: 4,
  /**
   * Most pending articles folded in one fold transaction: a bound on its memory after a long
   * outage, not a size to aim for. Each transaction loads and rewrites every thread its articles
   * join, once, so a fold split in two rewrites most of those threads twice (1,000 articles of the
   * queue benchmark join about 950 threads). With two workers, a fold that waited for the other's
   * often found more than 1,000 articles pending. Interleaved runs of the benchmark (2026-12-06,
   * 20,000 articles): at 1,000 the two workers' folds were under way 44–51 s in all (lock waits
   * included) and the workers reached 352–414 articles/s (three runs); at 5,000, 31–37 s and
   * 437–529 articles/s (six runs).
   */
  foldBatch: 5000,
});

/**
 * The store-wide advisory lock of the thread fold: one fold transaction at a time, on every
 * process sharing the database. Articles never wait for it (they are committed with a pending
 * fold row); only the folds do, and each fold drains every article pending by then.
 */
export const FOLD_LOCK_KEY: bigint = createHash('sha1').update('parley-thread-fold').digest().readBigInt64BE(0);

/** Takes the fold lock for the rest of the transaction, waiting for another process's fold to commit. */
async function lockFolds(tx: Transaction<Schema>): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(${sql.lit(String(FOLD_LOCK_KEY))}::bigint)`.execute(tx);
}

/** Takes the fold lock for the rest of the transaction if no other process holds it; false if one does. */
async function lockFoldsIfFree(tx: Transaction<Schema>): Promise<boolean> {
  const { rows } = await sql<{ locked: boolean }>`
    SELECT pg_try_advisory_xact_lock(${sql.lit(String(FOLD_LOCK_KEY))}::bigint) AS locked`.execute(tx);
  return rows[0].locked;
}

/** The WHERE clause of the pending folds up to `upTo` (all of them without it). */
const pendingUpTo = (upTo: string | undefined) => (upTo ? sql`WHERE seq <= ${upTo}` : sql``);

/** The migration after which stored vectors follow `SEARCH_RULES` (see `rebuildSearch`). */
const SEARCH_RULES_MIGRATION = '0006_search_terms_from_writers';

/**
 * Migrations are code, applied in name order, each in a transaction; Kysely's migrator takes a
 * PostgreSQL advisory lock, so several workers starting at once migrate exactly once.
 * Text that is compared or sorted uses the "C" collation so order and ranges match SQLite's.
 */
const MIGRATIONS: Record<string, Migration> = {
  '0001_init': {
    async up(db: Kysely<any>) {
      await sql`
        CREATE TABLE articles (
          pk bigserial PRIMARY KEY,
          id text COLLATE "C" NOT NULL UNIQUE,
          hash text COLLATE "C" NOT NULL UNIQUE,
          title text, url text, source text,
          published text COLLATE "C",
          ingested_at text NOT NULL,
          event_count integer NOT NULL DEFAULT 0,
          document json NOT NULL,
          search tsvector GENERATED ALWAYS AS (
            setweight(to_tsvector('english'::regconfig, coalesce(title, '')), 'A') ||
            setweight(to_tsvector('english'::regconfig, left(coalesce(document -> 'article' ->> 'text', ''), ${sql.lit(defaults.searchChars)})), 'B')
          ) STORED
        )`.execute(db);
      await sql`CREATE INDEX articles_published ON articles (published DESC NULLS LAST, pk DESC)`.execute(db);
      await sql`CREATE INDEX articles_search ON articles USING gin (search)`.execute(db);
      await sql`
        CREATE TABLE events (
          key text COLLATE "C" PRIMARY KEY,
          article_id text COLLATE "C" NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
          event_id text NOT NULL,
          type text COLLATE "C" NOT NULL,
          mode text,
          cameo text NOT NULL,
          quad integer NOT NULL,
          factuality text NOT NULL,
          date text COLLATE "C",
          source text,
          json json NOT NULL
        )`.execute(db);
      await sql`CREATE INDEX events_type_date ON events (type, date)`.execute(db);
      await sql`CREATE INDEX events_date ON events (date DESC NULLS LAST, key)`.execute(db);
      await sql`CREATE INDEX events_article ON events (article_id)`.execute(db);
      await sql`
        CREATE TABLE event_parties (
          event_key text COLLATE "C" NOT NULL REFERENCES events (key) ON DELETE CASCADE,
          side text NOT NULL,
          country text COLLATE "C" NOT NULL
        )`.execute(db);
      await sql`CREATE INDEX event_parties_country ON event_parties (country, side, event_key)`.execute(db);
      await sql`CREATE INDEX event_parties_event ON event_parties (event_key)`.execute(db);
      // kind, participants and updated are copied out of the JSON so a fold loads only the threads
      // a new article could join, not the whole table.
      await sql`
        CREATE TABLE threads (
          id text COLLATE "C" PRIMARY KEY,
          kind text NOT NULL,
          status text NOT NULL,
          participants text[] NOT NULL DEFAULT '{}',
          updated text COLLATE "C",
          json json NOT NULL,
          updated_at text NOT NULL
        )`.execute(db);
      await sql`CREATE INDEX threads_kind_updated ON threads (kind, updated)`.execute(db);
      await sql`CREATE INDEX threads_participants ON threads USING gin (participants)`.execute(db);
      // The newest date the folds have seen: "overdue" is judged against it.
      await sql`CREATE TABLE fold_state (id integer PRIMARY KEY CHECK (id = 1), as_of text COLLATE "C")`.execute(db);
      await sql`INSERT INTO fold_state (id, as_of) VALUES (1, NULL)`.execute(db);
    },
  },
  '0002_pending_folds': {
    async up(db: Kysely<any>) {
      // Written in the article's transaction, deleted in the fold's: an article is folded exactly
      // once even if the process that stored it dies before folding.
      await sql`
        CREATE TABLE pending_folds (
          seq bigserial PRIMARY KEY,
          article_id text COLLATE "C" NOT NULL,
          published text COLLATE "C",
          threads json NOT NULL
        )`.execute(db);
    },
  },
  '0003_lz4_documents': {
    async up(db: Kysely<any>) {
      await compressWithLz4(db);
    },
  },
  '0004_failed_folds': {
    async up(db: Kysely<any>) {
      // Pending folds the thread fold itself could not take, set aside with the error so that
      // one bad article never stops the threads of all the others.
      // The columns of pending_folds (without its sequence), and the error.
      await sql`
        CREATE TABLE failed_folds (
          LIKE pending_folds INCLUDING CONSTRAINTS,
          error text NOT NULL,
          failed_at text NOT NULL,
          PRIMARY KEY (seq)
        )`.execute(db);
    },
  },
  '0005_lean_writes': {
    async up(db: Kysely<any>) {
      // Changes that cut the database's work per stored article, found with pg_stat_statements on
      // 5,000 queued articles (server CPU fell from 1.08 to 0.78 ms an article).
      // 1. An event's parties become an array on the event, as `side:country` terms with one GIN
      //    index, instead of a row each in event_parties (whose rows took as long to insert as the
      //    events themselves, each with two index entries and a foreign-key check).
      await sql`ALTER TABLE events ADD COLUMN parties text[] NOT NULL DEFAULT '{}'`.execute(db);
      await sql`
        UPDATE events e SET parties = p.terms
        FROM (SELECT event_key, array_agg(side || ':' || country) AS terms FROM event_parties GROUP BY event_key) p
        WHERE p.event_key = e.key`.execute(db);
      await sql`DROP TABLE event_parties`.execute(db);
      await sql`CREATE INDEX events_parties ON events USING gin (parties)`.execute(db);
      // 2. The search vector is computed from the title and text the insert passes, instead of
      //    being generated from the stored document, which PostgreSQL had to parse again for it.
      //    Stored vectors keep their values.
      await sql`ALTER TABLE articles ALTER COLUMN search DROP EXPRESSION`.execute(db);
      // 3. Documents, events and threads are stored as text, not json: json input runs a JSON
      //    parser over every value (about 7 µs a kB here, some 23 kB an article with its events)
      //    only to check what JSON.stringify wrote. Queries that look inside cast with ::json.
      for (const [table, column] of [['articles', 'document'], ['events', 'json'], ['threads', 'json'], ['pending_folds', 'threads'], ['failed_folds', 'threads']]) {
        await sql`ALTER TABLE ${sql.table(table)} ALTER COLUMN ${sql.ref(column)} TYPE text`.execute(db);
      }
      await compressWithLz4(db);
      // 4. No foreign key from events to articles: events are only ever written in their
      //    article's own transaction, and nothing deletes articles, while the key's check (a
      //    locking lookup of the article for every event row) took a quarter of the events insert.
      await sql`ALTER TABLE events DROP CONSTRAINT events_article_id_fkey`.execute(db);
    },
  },
  [SEARCH_RULES_MIGRATION]: {
    async up(db: Kysely<any>) {
      // Search vectors are made by the writing process (store/search.ts), and queries by the same
      // rules, no longer by PostgreSQL's 'english' configuration. Each article records the
      // version of the rules its vector was made by; the vectors of older articles are made again
      // after the migrations, in batches that each commit (PostgresStore.rebuildSearch), so a
      // large table is not rewritten in one transaction, and an interrupted upgrade resumes.
      await sql`ALTER TABLE articles ADD COLUMN search_rules smallint NOT NULL DEFAULT 0`.execute(db);
      // The rules every stored vector is known to follow, so that a start finds out in one row
      // whether any vector needs making again, not by scanning the articles.
      await sql`CREATE TABLE search_state (id integer PRIMARY KEY CHECK (id = 1), rules smallint NOT NULL)`.execute(db);
      await sql`INSERT INTO search_state (id, rules) VALUES (1, 0)`.execute(db);
    },
  },
  '0007_lz4_more_columns': {
    async up(db: Kysely<any>) {
      // The other values large enough to be compressed: an article's pending threads (written
      // and deleted again for every article), its search vector, and the rare long event. With
      // pglz they still took 2.8% of PostgreSQL's CPU in a one-worker run (perf, 10,000 articles).
      await compressWithLz4(db, [['pending_folds', 'threads'], ['failed_folds', 'threads'], ['articles', 'search'], ['events', 'json']]);
    },
  },
  '0008_fold_time': {
    async up(db: Kysely<any>) {
      // When a fold last committed, by the database's clock (the workers' clocks may differ), so
      // that workers fold about once an interval between them rather than once an interval each
      // (PostgresStore.sinceLastFold, queue/batcher.ts BackgroundFold).
      await sql`ALTER TABLE fold_state ADD COLUMN folded_at timestamptz`.execute(db);
    },
  },
  '0009_thread_entries': {
    async up(db: Kysely<any>) {
      // A thread's row keeps its head; what each fold adds to a step is a row of its own, appended
      // (src/store/threads.ts). Stored threads are split in place, their lists becoming one entry a step.
      await sql`
        CREATE TABLE thread_entries (
          seq bigserial PRIMARY KEY,
          thread_id text COLLATE "C" NOT NULL,
          step integer NOT NULL,
          body text NOT NULL,
          reports text NOT NULL
        )`.execute(db);
      await sql`CREATE INDEX thread_entries_step ON thread_entries (thread_id, step, seq)`.execute(db);
      await compressWithLz4(db, [['thread_entries', 'body'], ['thread_entries', 'reports']]);
      await splitStoredThreads(db);
    },
  },
};

/**
 * Documents (about 12 kB) and threads (several kB) are stored compressed with lz4 where the server
 * has it: PostgreSQL's default, pglz, took 0.13 ms of server CPU per article document to compress
 * (measured here: 2,000 documents in 426 ms with pglz, 169 ms with lz4, 167 ms uncompressed); lz4
 * stores them about 16% larger (4.1 kB against 3.5 kB a document) and compresses far faster, and a
 * worker's articles cost the shared server less. A server built without lz4
 * (feature_not_supported) or older than 14 (syntax_error) keeps pglz; the statements run
 * dynamically so that those errors, and only those, can be caught.
 */
async function compressWithLz4(db: Kysely<any>, columns: readonly (readonly [table: string, column: string])[] = LZ4_COLUMNS): Promise<void> {
  const statements = columns.map(([table, column]) => `EXECUTE 'ALTER TABLE ${table} ALTER COLUMN ${column} SET COMPRESSION lz4';`);
  await sql`
    DO $$ BEGIN
      ${sql.raw(statements.join('\n      '))}
    EXCEPTION WHEN feature_not_supported OR syntax_error OR invalid_parameter_value THEN
      RAISE NOTICE 'parley: lz4 compression unavailable (%), documents stay compressed with pglz', SQLERRM;
    END $$`.execute(db);
}

/** The columns migrations 0003 and 0005 compress with lz4. */
const LZ4_COLUMNS = [['articles', 'document'], ['threads', 'json']] as const;

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

/**
 * How new documents are folded into the stored threads; `updateThreads` unless a test swaps it.
 * It is given stored heads (`forFold`: every step's lists empty) and `FoldOptions.regrown`; a fold
 * of its own must keep each step's `key` and pass `regrown` on, or leave corroboration alone.
 */
export type ThreadFold = (existing: readonly Thread[], documents: readonly FoldDocument[], options?: FoldOptions) => Thread[];

export interface PostgresStoreOptions {
  /** postgres://user@host:port/database */
  url: string;
  poolSize?: number;
  fold?: ThreadFold;
  /** Told, after each fold transaction commits and so in commit order, which documents it folded. */
  onFold?: (documents: readonly FoldDocument[]) => void;
  /**
   * Run the ingest's statements as named prepared statements (see `StatementNames`). On by
   * default; off with `PARLEY_POSTGRES_PREPARED=0`, for a connection pooler that cannot keep
   * prepared statements across transactions (PgBouncer before 1.21 in transaction mode).
   */
  preparedStatements?: boolean;
}

/**
 * An article's full-text vector (title weighted A, text up to `searchChars` weighted B), made by
 * this process (see store/search.ts); PostgreSQL only parses the literal.
 */
function articleVector(title: string | null | undefined, text: string) {
  return sql<string>`${storedVector(title, text)}::tsvector`;
}

/** The vector literal the store keeps for a title and text: the text indexed up to `searchChars`. */
const storedVector = (title: string | null | undefined, text: string) => searchVector(title ?? null, text.slice(0, defaults.searchChars));


/** Whether an article's vector matches a user's query: every term, or nothing for a query without terms. */
function matchesQuery(q: string) {
  const query = searchQuery(q);
  return query === null ? sql<boolean>`false` : sql<boolean>`search @@ ${query}::tsquery`;
}

let model: ReturnType<typeof loadThreadModel> | undefined;
const threadModel = () => (model ??= loadThreadModel());

const ISO_DAY = /^\d{4}-\d{2}-\d{2}/;

function shiftDays(day: string, days: number): string {
  return new Date(Date.parse(day.slice(0, 10)) + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The newest date the store has seen, against which threads are judged overdue: the latest
 * article's, or a later step date of any thread (each row's `updated` is its thread's).
 */
async function newestDate(db: Kysely<Schema>): Promise<string | null> {
  const { rows } = await sql<{ as_of: string | null }>`
    SELECT greatest((SELECT max(published) FROM articles), (SELECT max(updated) FROM threads)) AS as_of`.execute(db);
  return rows[0]?.as_of ?? null;
}

/** A thread is overdue when its expected next step's date lies before the newest date seen. */
function judgeOverdue<T extends Pick<Thread, 'expected' | 'overdue'>>(t: T, asOf: string | null): T {
  if (t.expected !== undefined || t.overdue !== undefined) t.overdue = Boolean(t.expected && asOf && asOf > t.expected);
  return t;
}

/** Each event's parties as `side:country` terms, the form of the events.parties column. */
function partyTerms(parties: readonly PartyRow[]): Map<string, string[]> {
  const terms = new Map<string, string[]>();
  for (const p of parties) {
    const list = terms.get(p.event_key);
    if (list) list.push(`${p.side}:${p.country}`); else terms.set(p.event_key, [`${p.side}:${p.country}`]);
  }
  return terms;
}

/** The columns of an event row, in the order `copyEvents` writes them. */
const EVENT_COLUMNS = ['key', 'article_id', 'event_id', 'type', 'mode', 'cameo', 'quad', 'factuality', 'date', 'source', 'json', 'parties'] as const;
// Every column of the events table is written: a column added to EventTable and not here fails to compile.
const everyEventColumn: Exclude<keyof EventTable, (typeof EVENT_COLUMNS)[number]> extends never ? true : never = true;
void everyEventColumn;

/** What COPY's text format escapes in a value (a lone backslash would start an escape). */
const COPY_SPECIAL = /[\\\n\r\t]/g;
const COPY_ESCAPES: Readonly<Record<string, string>> = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * One value in COPY's text format: `\N` for null (or a field the document left out), backslash,
 * newline, carriage return and tab escaped.
 */
export function copyValue(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '\\N';
  return typeof value === 'number' ? String(value) : value.replace(COPY_SPECIAL, (c) => COPY_ESCAPES[c]);
}

/** A text[] literal: each element in double quotes, with its own quotes and backslashes escaped. */
export function arrayLiteral(items: readonly string[]): string {
  return `{${items.map((x) => `"${x.replace(/["\\]/g, '\\$&')}"`).join(',')}}`;
}

/** Events a COPY statement sends at most (about 1.5 kB each). */
const COPY_CHUNK = 1000;

/**
 * Writes event rows with COPY rather than INSERT. A multi-row INSERT makes PostgreSQL parse and
 * plan a statement with a parameter for every value (twelve an event, seven events an article);
 * COPY streams the rows. Measured on 4,000 articles (29,624 events) in groups of 48 articles a
 * transaction, one connection, 2026-12-06: the server's CPU for the events fell from 0.145–0.188 to
 * 0.095–0.110 ms an article, and in groups of 8 from 0.162–0.180 to 0.125–0.152, for the same
 * JavaScript time in the writer.
 */
async function copyEvents(client: pg.PoolClient, events: readonly EventTable[]): Promise<void> {
  for (let i = 0; i < events.length; i += COPY_CHUNK) {
    let data = '';
    for (const e of events.slice(i, i + COPY_CHUNK)) {
      data += EVENT_COLUMNS.map((c) => copyValue(c === 'parties' ? arrayLiteral(e.parties) : e[c])).join('\t') + '\n';
    }
    await pipeline(Readable.from([data]), client.query(copyFrom(`COPY events (${EVENT_COLUMNS.join(', ')}) FROM STDIN`)));
  }
}

/**
 * Names for the ingest's statements, by their SQL text, so each runs as a named prepared
 * statement: PostgreSQL parses and plans it once a connection rather than in every transaction.
 * A multi-row INSERT has a parameter for every value (eleven an article, up to 48 articles a
 * group), and its parsing and planning were about a quarter of the server's CPU for an ingest:
 * on 4,000 read articles in groups of 48, one connection (2026-12-06), 0.38–0.41 ms an article
 * unnamed against 0.29–0.33 named. It pays when a text comes back often: a queue worker's groups
 * were 47 or 1 articles in 830 of 833 transactions (20,000 articles), while 4,000 articles in
 * groups of random sizes from 1 to 48 (each text used three or four times) gained nothing. The
 * texts are few (Kysely's text depends only on the number of rows, every value being a
 * parameter), and the names are bounded all the same, since each holds a plan in every
 * connection that ran it: past `limit`, statements run unnamed.
 */
export class StatementNames {
  private readonly names = new Map<string, string>();

  constructor(private readonly limit = 256) {}

  nameOf(text: string): string | undefined {
    let name = this.names.get(text);
    if (name === undefined && this.names.size < this.limit) {
      name = `parley_${this.names.size + 1}`;
      this.names.set(text, name);
    }
    return name;
  }
}

/** Runs a query built with Kysely on one client of the pool (a transaction's own connection). */
async function runOn<R>(client: pg.PoolClient, query: Compilable<R>, names: StatementNames | null): Promise<R[]> {
  const { sql: text, parameters } = query.compile();
  const name = names?.nameOf(text);
  return (await client.query(name ? { name, text, values: parameters as unknown[] } : { text, values: parameters as unknown[] })).rows as R[];
}

/** PostgreSQL errors worth running the whole transaction again for. */
const RETRYABLE = new Set(['40001', '40P01']);

/**
 * The shared store for many workers: PostgreSQL through Kysely. Every ingest is one transaction,
 * idempotent by content hash (a unique index decides races between workers), that stores the
 * articles, their events and a pending fold row each; threads are then folded by `foldPending`
 * under one store-wide lock, a batch of pending articles at a time.
 */
export class PostgresStore implements Store {
  readonly kind = 'postgres' as const;
  readonly db: Kysely<Schema>;
  private readonly pool: pg.Pool;
  private readonly fold: ThreadFold;
  private readonly onFold?: (documents: readonly FoldDocument[]) => void;
  /** Null when the ingest's statements run unnamed (see PostgresStoreOptions.preparedStatements). */
  private readonly statements: StatementNames | null;

  constructor(options: PostgresStoreOptions) {
    this.pool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? defaults.poolSize });
    // An idle connection that the server drops must not crash the process.
    this.pool.on('error', () => {});
    this.db = new Kysely<Schema>({ dialect: new PostgresDialect({ pool: this.pool }) });
    this.fold = options.fold ?? updateThreads;
    this.onFold = options.onFold;
    this.statements = (options.preparedStatements ?? process.env.PARLEY_POSTGRES_PREPARED !== '0') ? new StatementNames() : null;
  }

  /** Brings the schema up to date, or (`to`, for testing upgrades) up to the named migration. */
  async migrate(to?: string): Promise<void> {
    let outcome: Awaited<ReturnType<Migrator['migrateToLatest']>>;
    try {
      const migrator = new Migrator({ db: this.db, provider });
      outcome = await (to ? migrator.migrateTo(to) : migrator.migrateToLatest());
    } catch (err) {
      throw new ParleyError('P030', `Cannot reach the PostgreSQL database: ${(err as Error).message}`);
    }
    if (outcome.error) {
      const failed = outcome.results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
      const message = (outcome.error as Error).message ?? String(outcome.error);
      throw new ParleyError('P030', `Migration ${failed} failed: ${message}`);
    }
    if (!to || to >= SEARCH_RULES_MIGRATION) await this.rebuildSearch();
  }

  /**
   * Makes again, by the current search rules, the vectors of articles stored under older ones, 500
   * articles a transaction, each committed. Processes that start together share the work (rows
   * another is rebuilding are skipped, not waited for); one that is stopped leaves the rest for
   * the next start. A vector PostgreSQL still refuses is stored empty rather than stopping the
   * others: the article stays readable, only not found by search.
   */
  private async rebuildSearch(): Promise<void> {
    const state = await sql<{ rules: number }>`SELECT rules FROM search_state WHERE id = 1`.execute(this.db);
    if (state.rows[0]?.rules === SEARCH_RULES) return;
    for (let after: string | null = '0'; after !== null;) {
      const from: string = after;
      after = await this.transaction().execute(async (tx): Promise<string | null> => {
        const { rows } = await sql<{ pk: string; title: string | null; document: string }>`
          SELECT pk, title, document FROM articles WHERE pk > ${from}::bigint AND search_rules <> ${SEARCH_RULES}
          ORDER BY pk LIMIT 500 FOR UPDATE SKIP LOCKED`.execute(tx);
        if (!rows.length) return null;
        const vectors = rows.map((r) => {
          let text = '';
          try { text = (JSON.parse(r.document) as ParleyDocument).article?.text ?? ''; } catch { /* unreadable: an empty vector */ }
          return storedVector(r.title, text);
        });
        const update = (pks: string[], search: string[]) => sql`
          UPDATE articles a SET search = u.search::tsvector, search_rules = ${SEARCH_RULES}
          FROM unnest(${pks}::bigint[], ${search}::text[]) AS u(pk, search) WHERE a.pk = u.pk`.execute(tx);
        try {
          await sql`SAVEPOINT rebuild`.execute(tx);
          await update(rows.map((r) => r.pk), vectors);
        } catch {
          await sql`ROLLBACK TO SAVEPOINT rebuild`.execute(tx);
          for (const [i, r] of rows.entries()) {
            try {
              await sql`SAVEPOINT one`.execute(tx);
              await update([r.pk], [vectors[i]]);
            } catch {
              await sql`ROLLBACK TO SAVEPOINT one`.execute(tx);
              await update([r.pk], ['']);
            }
          }
        }
        return rows[rows.length - 1].pk;
      });
    }
    // Another process may still be rebuilding rows this one skipped: the store is marked as
    // following the rules only once no committed row is left behind.
    await sql`
      UPDATE search_state SET rules = ${SEARCH_RULES}
      WHERE id = 1 AND NOT EXISTS (SELECT 1 FROM articles WHERE search_rules <> ${SEARCH_RULES})`.execute(this.db);
  }

  async hasHash(hash: string): Promise<boolean> {
    return Boolean(await this.db.selectFrom('articles').select('id').where('hash', '=', hash).executeTakeFirst());
  }

  async ingest(documents: readonly ParleyDocument[], options: IngestOptions = {}): Promise<IngestResult> {
    if (!documents.length) return { stored: [], duplicates: [], events: 0 };
    const { result, lastPending } = await this.retrying(() => this.clientTransaction((client) => this.ingestIn(client, documents)));
    if (!options.foldLater && lastPending !== null) {
      // Folds up to this ingest's own articles (with whatever was pending before them), not the
      // backlog other processes add meanwhile. The articles are committed whatever happens here:
      // a failed fold is reported, and its articles stay pending for the next fold.
      try {
        await this.foldPending({ upTo: lastPending });
      } catch (err) {
        result.foldError = String((err as Error)?.message ?? err);
      }
    }
    return result;
  }

  /**
   * A transaction at READ COMMITTED whatever the server's default: the fold relies on each
   * statement seeing what was committed before it, after the fold lock was granted.
   */
  private transaction() {
    return this.db.transaction().setIsolationLevel('read committed');
  }

  /**
   * A transaction at READ COMMITTED on a client of the pool, for writes that use the driver itself
   * (COPY), which Kysely's transactions do not reach. A client whose ROLLBACK fails is dropped by
   * the pool rather than reused.
   */
  private async clientTransaction<T>(run: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN ISOLATION LEVEL READ COMMITTED');
      const result = await run(client);
      await client.query('COMMIT');
      client.release();
      return result;
    } catch (err) {
      try {
        await client.query('ROLLBACK');
        client.release();
      } catch (broken) {
        client.release(broken as Error);
      }
      throw err;
    }
  }

  /** Runs a transaction again when it lost a deadlock or serialization race. */
  private async retrying<T>(run: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await run();
      } catch (err) {
        const code = (err as { code?: string }).code;
        if (!code || !RETRYABLE.has(code) || attempt >= defaults.transactionAttempts) throw err;
      }
    }
  }

  private async ingestIn(client: pg.PoolClient, documents: readonly ParleyDocument[]): Promise<{ result: IngestResult; lastPending: string | null }> {
    const db = this.db;
    const run = <R>(query: Compilable<R>) => runOn(client, query, this.statements);
    const now = new Date().toISOString();
    const withId = (doc: ParleyDocument, id: string) => (id === doc.article.id ? doc : { ...doc, article: { ...doc.article, id } });
    // Null, never undefined: Kysely writes DEFAULT for an undefined value, and a statement's text
    // (its prepared name) would then depend on which articles lack a title.
    const row = (doc: ParleyDocument, id: string) => ({
      id, hash: doc.article.hash ?? '', title: doc.article.title ?? null, url: doc.article.url ?? null, source: doc.article.source ?? null,
      published: doc.article.published ?? null, ingested_at: now, event_count: doc.events.length, document: JSON.stringify(withId(doc, id)),
      search: articleVector(doc.article.title, doc.article.text ?? ''), search_rules: SEARCH_RULES,
    });
    // One plan per distinct content in the batch. Another article may carry the same id (two
    // feeds, one file name): keep both, suffix the later one with its hash.
    const plans: { doc: ParleyDocument; hash: string; id: string; suffixed: string; storedAs: string | null }[] = [];
    /** The plan of each input document, or null for a repeat of earlier content in the batch. */
    const planAt: ((typeof plans)[number] | null)[] = documents.map((doc) => {
      const hash = doc.article.hash ?? '';
      if (plans.some((p) => p.hash === hash)) return null;
      const suffixed = `${doc.article.id}~${hash.slice(0, 8)}`;
      const id = plans.some((p) => p.doc.article.id === doc.article.id) ? suffixed : doc.article.id;
      const plan = { doc, hash, id, suffixed, storedAs: null };
      plans.push(plan);
      return plan;
    });
    // ON CONFLICT waits for a concurrent transaction holding the same hash or id, then skips the
    // row: the unique indexes, not a prior SELECT, decide which worker stores an article.
    for (let i = 0; i < plans.length; i += 200) {
      const chunk = plans.slice(i, i + 200);
      const inserted = await run(db.insertInto('articles').values(chunk.map((p) => row(p.doc, p.id)))
        .onConflict((oc) => oc.doNothing()).returning('hash'));
      const hashes = new Set(inserted.map((r) => r.hash));
      for (const p of chunk) if (hashes.has(p.hash)) p.storedAs = p.id;
    }
    for (const p of plans) {
      // Skipped: the content is stored already (a duplicate), or the id is taken (suffix it).
      while (!p.storedAs) {
        if ((await run(db.selectFrom('articles').select('id').where('hash', '=', p.hash))).length) break;
        if (p.id === p.suffixed) throw new ParleyError('P030', `Article id ${p.suffixed} is taken by other content`);
        p.id = p.suffixed;
        const inserted = await run(db.insertInto('articles').values(row(p.doc, p.id)).onConflict((oc) => oc.doNothing()).returning('id'));
        if (inserted.length) p.storedAs = p.id;
      }
    }
    const result: IngestResult = { stored: [], duplicates: [], events: 0 };
    const fresh: ParleyDocument[] = [];
    const events: EventTable[] = [];
    for (const [i, doc] of documents.entries()) {
      const plan = planAt[i];
      if (!plan?.storedAs) { result.duplicates.push(doc.article.id); continue; }
      const stored = withId(doc, plan.storedAs);
      const rows = eventRows(stored, plan.storedAs);
      const terms = partyTerms(rows.parties);
      for (const e of rows.events) events.push({ ...e, parties: terms.get(e.key) ?? [] });
      result.events += rows.events.length;
      result.stored.push(plan.storedAs);
      fresh.push(stored);
    }
    await copyEvents(client, events);
    // The fold is recorded with the article and done by `foldPending`, in a transaction of its own.
    let lastPending: string | null = null;
    for (let i = 0; i < fresh.length; i += 500) {
      const rows = await run(db.insertInto('pending_folds').values(fresh.slice(i, i + 500).map((d) => ({
        article_id: d.article.id, published: d.article.published ?? null, threads: JSON.stringify(d.threads ?? []),
      }))).returning('seq'));
      for (const r of rows) if (lastPending === null || BigInt(r.seq) > BigInt(lastPending)) lastPending = r.seq;
    }
    return { result, lastPending };
  }

  /**
   * Folds pending articles into the threads, a batch per transaction: all of them, or with `upTo`
   * those up to that pending row. Each fold transaction takes the store-wide fold lock (waiting
   * for another process's fold to commit), deletes the oldest pending rows and writes the threads
   * they change, so an article is folded exactly once: a fold that dies rolls back and leaves its
   * rows pending for the next. Folds run one at a time but each takes everything stored
   * meanwhile, so a fold's cost (loading the joinable threads, writing the changed ones) is shared
   * by all the articles it folds. Articles are never held by it: `ingest` commits them first.
   *
   * When the fold itself throws on a batch, the batch is folded again one article at a time and
   * an article it still throws on is set aside in `failed_folds` with the error, so that one bad
   * article never stops the threads of the others. Database errors are thrown as they are.
   */
  async foldPending(options: { upTo?: string } = {}): Promise<number> {
    return (await this.foldAll(options.upTo, false)) ?? 0;
  }

  async rebuildThreads(options: { batch?: number } = {}): Promise<{ articles: number; threads: number }> {
    const batch = Math.max(1, options.batch ?? REBUILD_BATCH);
    // One transaction under the fold lock: no fold sees the threads emptied but the articles not
    // yet queued. Pending and set-aside folds are queued again with every other article. The
    // pending rows are replaced in one statement, so one snapshot decides both what is deleted and
    // what is queued: an ingest committing meanwhile (its article and its pending row together)
    // is either in both or in neither, and no article is queued twice. The rows' sequence follows
    // the SELECT's order, and folds take the oldest first. (PostgreSQL runs a data-modifying WITH
    // to completion whether or not the query reads it.)
    const articles = await this.retrying(() => this.transaction().execute(async (tx) => {
      await lockFolds(tx);
      await sql`DELETE FROM threads`.execute(tx);
      await sql`DELETE FROM thread_entries`.execute(tx);
      await sql`DELETE FROM failed_folds`.execute(tx);
      const { rows } = await sql<{ n: string }>`
        WITH dropped AS (DELETE FROM pending_folds RETURNING 1),
        queued AS (
          INSERT INTO pending_folds (article_id, published, threads)
          SELECT id, published, coalesce(document::json -> 'threads', '[]'::json)::text FROM articles
          ORDER BY published NULLS FIRST, id
          RETURNING 1)
        SELECT count(*) AS n FROM queued`.execute(tx);
      return Number(rows[0].n);
    }));
    await this.foldAll(undefined, false, batch);
    return { articles, threads: (await this.stats()).threads };
  }

  /**
   * Folds like `foldPending` unless another process's fold holds the fold lock now: then it folds
   * nothing and resolves with null. That fold takes every article pending when it began, so a
   * background fold need not queue behind it only to fold the few committed meanwhile.
   */
  async foldIfIdle(): Promise<number | null> {
    return this.foldAll(undefined, true);
  }

  /** `foldPending`; with `ifIdle`, null when the first transaction finds the fold lock taken. */
  private async foldAll(upTo: string | undefined, ifIdle: boolean, size: number = defaults.foldBatch): Promise<number | null> {
    let folded = 0;
    /** Articles still to fold one at a time after a batch the fold threw on. */
    let singly = 0;
    for (;;) {
      const limit = singly > 0 ? 1 : size;
      let batch: { count: number; docs: FoldDocument[] };
      try {
        const locked = await this.retrying(() => this.transaction().execute((tx) => this.foldBatch(tx, limit, upTo, ifIdle)));
        if (!locked) return null;
        batch = locked;
      } catch (err) {
        if (!(err instanceof FoldFailure)) throw err;
        ifIdle = false;
        if (singly === 0) { singly = size; continue; }
        await this.retrying(() => this.transaction().execute((tx) => this.setAside(tx, err, upTo)));
        singly--;
        continue;
      }
      // This fold is under way: the batches after the first wait for the lock.
      ifIdle = false;
      // Told after the commit, so a fold that rolled back or ran again is never told twice.
      if (batch.count) this.onFold?.(batch.docs);
      folded += batch.count;
      if (batch.count < limit) return folded;
      if (singly > 0) singly--;
    }
  }

  /** Milliseconds since the last committed fold (of any process) folded its articles, by the database's clock; null if none has. */
  async sinceLastFold(): Promise<number | null> {
    const { rows } = await sql<{ ms: number | null }>`
      SELECT (extract(epoch FROM clock_timestamp() - folded_at) * 1000)::float8 AS ms FROM fold_state WHERE id = 1`.execute(this.db);
    return rows[0]?.ms ?? null;
  }

  /** Moves the oldest pending fold (the one the fold just threw on) to `failed_folds`. */
  private async setAside(tx: Transaction<Schema>, failure: FoldFailure, upTo: string | undefined): Promise<void> {
    await lockFolds(tx);
    await sql`
      WITH oldest AS (
        DELETE FROM pending_folds WHERE seq = (SELECT min(seq) FROM pending_folds ${pendingUpTo(upTo)})
        RETURNING seq, article_id, published, threads
      )
      INSERT INTO failed_folds (seq, article_id, published, threads, error, failed_at)
      SELECT seq, article_id, published, threads, ${failure.message}, ${new Date().toISOString()} FROM oldest`.execute(tx);
  }

  /**
   * One fold transaction. Only the metadata of threads a pending article thread could join (same
   * kind, a shared participant, latest step near the joining window) is read, and only the threads
   * it will join are loaded whole, so its cost stays independent of the table's size. Whether a
   * thread is overdue depends on the newest date seen anywhere: it is judged here against the
   * newest date known and again on every read, rather than by rewriting every thread on every fold.
   */
  private async foldBatch(tx: Transaction<Schema>, limit: number, upTo: string | undefined, ifIdle = false): Promise<{ count: number; docs: FoldDocument[] } | null> {
    if (!ifIdle) await lockFolds(tx);
    else if (!(await lockFoldsIfFree(tx))) return null;
    const { rows: pending } = await sql<{ seq: string; article_id: string; published: string | null; threads: string }>`
      DELETE FROM pending_folds WHERE seq IN (
        SELECT seq FROM pending_folds ${pendingUpTo(upTo)} ORDER BY seq LIMIT ${limit})
      RETURNING seq, article_id, published, threads::text`.execute(tx);
    if (!pending.length) return { count: 0, docs: [] };
    pending.sort((a, b) => { const x = BigInt(a.seq), y = BigInt(b.seq); return x < y ? -1 : x > y ? 1 : 0; });
    const docs: FoldDocument[] = pending.map((r) => ({
      article: { id: r.article_id, published: r.published }, threads: JSON.parse(r.threads) as Thread[],
    }));
    const local = docs.flatMap((d) => (d.threads ?? []).map((t) => ({ t, when: t.updated ?? d.article.published })));
    const raw = new Map<string, string>();
    if (local.length) {
      const kinds = [...new Set(local.map((l) => l.t.kind))];
      const participants = [...new Set(local.flatMap((l) => l.t.participants))];
      let q = tx.selectFrom('threads').select(['id', 'kind', 'participants', 'updated'])
        .where('kind', 'in', kinds)
        .where(sql<boolean>`participants && ${sql.val(participants)}::text[]`);
      const dates = local.map((l) => l.when).filter((d): d is string => Boolean(d && ISO_DAY.test(d)));
      if (dates.length === local.length) {
        // Every new thread is dated: store threads outside all their windows cannot be joined.
        const window = threadModel().windowDays;
        const lo = shiftDays(dates.reduce((a, b) => (a < b ? a : b)), -window - 1);
        const hi = shiftDays(dates.reduce((a, b) => (a > b ? a : b)), window + 1);
        q = q.where((eb) => eb.or([eb('updated', 'is', null), eb.and([eb('updated', '>=', lo), eb('updated', '<=', hi)])]));
      }
      const candidates = (await q.execute()).sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
      // Of those, only the threads the fold will join are loaded whole (their JSON is most of a
      // fold's reading and parsing); `threadsJoined` chooses them by the fold's own rule (shared
      // participants, the time window, the latest). Another fold function (a test's) is given
      // every candidate.
      const ids = this.fold === updateThreads
        ? threadsJoined(candidates, docs, threadModel()).map((i) => candidates[i].id)
        : candidates.map((t) => t.id);
      for (let i = 0; i < ids.length; i += 1000) {
        const rows = await tx.selectFrom('threads').select(['id', sql<string>`json::text`.as('raw')])
          .where('id', 'in', ids.slice(i, i + 1000)).execute();
        for (const r of rows) raw.set(r.id, r.raw);
      }
    }
    const newest = await tx.selectFrom('articles').select((eb) => eb.fn.max('published').as('published')).executeTakeFirst();
    // Only the fold function's own throw is a FoldFailure (the articles would make it throw
    // again); the database's errors, reading earlier reports among them, are thrown as they are.
    const fold: ThreadFold = (existing, documents, options) => {
      try {
        return this.fold(existing, documents, options);
      } catch (err) {
        throw new FoldFailure(err);
      }
    };
    // The heads were parsed for this fold alone: the fold changes them in place. A step it grows
    // is counted with its earlier reports, read from its entries.
    const folded: FoldedThread[] = await foldStored(new Map([...raw.keys()].sort().map((id) => [id, raw.get(id)!])), docs, fold, async (steps) => (await sql<ReportRow>`
      SELECT thread_id, step, reports FROM thread_entries
      WHERE (thread_id, step) IN (SELECT * FROM unnest(${steps.map((p) => p.thread)}::text[], ${steps.map((p) => p.step)}::int[]))
      ORDER BY seq`.execute(tx)).rows, (threads) => {
      let asOf: string | null = newest?.published ?? null;
      for (const t of threads) if (t.updated && (!asOf || t.updated > asOf)) asOf = t.updated;
      for (const t of threads) judgeOverdue(t, asOf);
    });
    await sql`UPDATE fold_state SET folded_at = clock_timestamp() WHERE id = 1`.execute(tx);
    if (!folded.length) return { count: pending.length, docs };

    const now = new Date().toISOString();
    const changed: ThreadTable[] = folded.map(({ thread: t, json }) => ({
      id: t.id, kind: t.kind, status: t.status, participants: t.participants ?? [], updated: t.updated ?? null, json, updated_at: now,
    }));
    for (let i = 0; i < changed.length; i += 500) {
      await tx.insertInto('threads').values(changed.slice(i, i + 500)).onConflict((oc) => oc.column('id').doUpdateSet((eb) => ({
        kind: eb.ref('excluded.kind'), status: eb.ref('excluded.status'), participants: eb.ref('excluded.participants'),
        updated: eb.ref('excluded.updated'), json: eb.ref('excluded.json'), updated_at: eb.ref('excluded.updated_at'),
      }))).execute();
    }
    const entries = folded.flatMap((f) => f.entries);
    for (let i = 0; i < entries.length; i += 500) await tx.insertInto('thread_entries').values(entries.slice(i, i + 500)).execute();
    return { count: pending.length, docs };
  }

  async getArticle(id: string): Promise<StoredArticle | null> {
    const r = await this.db.selectFrom('articles')
      .select(['id', 'hash', 'title', 'url', 'source', 'published', 'ingested_at', 'event_count', 'document'])
      .where('id', '=', id).executeTakeFirst();
    if (!r) return null;
    return {
      id: r.id, hash: r.hash, title: r.title, url: r.url, source: r.source, published: r.published,
      ingestedAt: r.ingested_at, eventCount: r.event_count, document: JSON.parse(r.document) as ParleyDocument,
    };
  }

  async listArticles(options: { limit?: number; offset?: number; text?: string } = {}): Promise<Page<Omit<StoredArticle, 'document'>>> {
    const limit = Math.min(options.limit ?? 50, 1000), offset = options.offset ?? 0;
    let q = this.db.selectFrom('articles');
    if (options.text) q = q.where(matchesQuery(options.text));
    const [{ n }] = await q.select((eb) => eb.fn.countAll<string>().as('n')).execute();
    const rows = await q.select(['id', 'hash', 'title', 'url', 'source', 'published', 'ingested_at', 'event_count'])
      .orderBy(sql`published DESC NULLS LAST`).orderBy('pk', 'desc').limit(limit).offset(offset).execute();
    return {
      items: rows.map((r) => ({ id: r.id, hash: r.hash, title: r.title, url: r.url, source: r.source, published: r.published, ingestedAt: r.ingested_at, eventCount: r.event_count })),
      total: Number(n), limit, offset,
    };
  }

  async queryEvents(filter: EventFilter = {}): Promise<Page<StoredEvent>> {
    const limit = Math.min(filter.limit ?? 100, 10_000), offset = filter.offset ?? 0;
    let q = this.db.selectFrom('events');
    const party = (side: 'actor' | 'recipient' | null, country: string) => {
      const c = country.toUpperCase();
      return side
        ? q.where(sql<boolean>`parties @> ${sql.val([`${side}:${c}`])}::text[]`)
        : q.where(sql<boolean>`parties && ${sql.val([`actor:${c}`, `recipient:${c}`])}::text[]`);
    };
    if (filter.actorCountry) q = party('actor', filter.actorCountry);
    if (filter.recipientCountry) q = party('recipient', filter.recipientCountry);
    if (filter.country) q = party(null, filter.country);
    if (filter.type) q = q.where('type', '=', filter.type.toUpperCase());
    if (filter.factuality) q = q.where('factuality', '=', filter.factuality);
    if (filter.from) q = q.where('date', '>=', filter.from);
    if (filter.to) q = q.where('date', '<=', filter.to);
    if (filter.articleId) q = q.where('article_id', '=', filter.articleId);
    if (filter.text) {
      const text = filter.text;
      q = q.where('article_id', 'in', (eb) => eb.selectFrom('articles').select('id').where(matchesQuery(text)));
    }
    const [{ n }] = await q.select((eb) => eb.fn.countAll<string>().as('n')).execute();
    const rows = await q.select('json').orderBy(sql`date DESC NULLS LAST`).orderBy('key').limit(limit).offset(offset).execute();
    return { items: rows.map((r) => JSON.parse(r.json) as StoredEvent), total: Number(n), limit, offset };
  }

  async actors(options: { limit?: number } = {}): Promise<ActorSummary[]> {
    // Participants live inside each event's JSON; the database unnests and counts them.
    const { rows } = await sql<{ country: string | null; sector: string | null; name: string; as_actor: string; as_recipient: string }>`
      SELECT p.value ->> 'country' AS country, p.value ->> 'sector' AS sector, p.value ->> 'name' AS name,
             count(*) FILTER (WHERE p.side = 'actor') AS as_actor,
             count(*) FILTER (WHERE p.side = 'recipient') AS as_recipient
      FROM events e
      CROSS JOIN LATERAL (
        SELECT 'actor' AS side, value FROM json_array_elements(e.json::json -> 'actor')
        UNION ALL
        SELECT 'recipient' AS side, value FROM json_array_elements(e.json::json -> 'recipient')
      ) p
      GROUP BY 1, 2, 3
      ORDER BY count(*) DESC, 3, 1, 2
      LIMIT ${options.limit ?? 500}`.execute(this.db);
    return rows.map((r) => ({
      country: r.country, sector: r.sector, name: r.name, wikidata: null,
      asActor: Number(r.as_actor), asRecipient: Number(r.as_recipient),
    }));
  }

  async listThreads(options: ThreadQuery = {}): Promise<Page<Thread>> {
    const limit = Math.min(options.limit ?? THREAD_PAGE.limit, THREAD_PAGE.max), offset = options.offset ?? 0;
    return this.snapshot(async (tx) => {
      let q = tx.selectFrom('threads');
      if (options.kind) q = q.where('kind', '=', options.kind);
      if (options.country) q = q.where(sql<boolean>`participants @> ${sql.val([options.country])}::text[]`);
      const [{ n }] = await q.select((eb) => eb.fn.countAll<string>().as('n')).execute();
      const rows = await q.select(['id', 'json']).orderBy(sql`updated DESC NULLS LAST`).orderBy('id').limit(limit).offset(offset).execute();
      const entries = rows.length ? await tx.selectFrom('thread_entries').select(['thread_id', 'step', 'body', 'reports'])
        .where('thread_id', '=', sql<string>`ANY(${rows.map((r) => r.id)}::text[])`).orderBy('seq').execute() : [];
      const asOf = await newestDate(tx);
      return { items: joinStored(rows, entries).map((t) => judgeOverdue(t, asOf)), total: Number(n), limit, offset };
    });
  }

  async threads(): Promise<Thread[]> {
    return this.snapshot(async (tx) => {
      const rows = await tx.selectFrom('threads').select(['id', 'json']).orderBy('id').execute();
      const entries = await tx.selectFrom('thread_entries').select(['thread_id', 'step', 'body', 'reports']).orderBy('seq').execute();
      const asOf = await newestDate(tx);
      return joinStored(rows, entries).map((t) => judgeOverdue(t, asOf));
    });
  }

  /**
   * Reads in one snapshot (REPEATABLE READ, read only): a thread's head and its entries are two
   * tables, and a fold committing between the two reads would pair a head with entries it has
   * not seen.
   */
  private snapshot<T>(read: (tx: Transaction<Schema>) => Promise<T>): Promise<T> {
    return this.db.transaction().setIsolationLevel('repeatable read').setAccessMode('read only').execute(read);
  }

  async stats(): Promise<StoreStats> {
    const count = async (t: 'articles' | 'events' | 'threads' | 'pending_folds' | 'failed_folds') =>
      Number((await this.db.selectFrom(t).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
    return {
      articles: await count('articles'), events: await count('events'), threads: await count('threads'),
      pendingFolds: await count('pending_folds'), failedFolds: await count('failed_folds'),
    };
  }

  async close(): Promise<void> {
    await this.db.destroy();
  }
}
