import type { Diagnostic, Event, ParleyDocument, Place, Thread } from '../document/types.js';

/** An article as kept in the store, with its full document. */
export interface StoredArticle {
  /** The article's id (`article.id`), unique in the store. */
  id: string;
  hash: string;
  title: string | null;
  url: string | null;
  source: string | null;
  published: string | null;
  ingestedAt: string;
  eventCount: number;
  document: ParleyDocument;
}

/** One event row: the contract event plus the article it came from and its resolved day. */
export interface StoredEvent extends Event {
  /** `articleId:eventId`, unique in the store. */
  key: string;
  articleId: string;
  /** The first day of the event's time expression, else the publication date, else null. */
  date: string | null;
  /** The sentence the event rests on (from the evidence span). */
  sentenceText: string;
  source: string | null;
  url: string | null;
  /** The place the event's `place` id points at, copied so an event row stands alone. */
  placeInfo: Place | null;
  /** The event codebook it was coded with (`events@<fingerprint>` of data/events). */
  codebook?: string;
}

export interface EventFilter {
  /** ISO-3 or class code the actor side must include. */
  actorCountry?: string;
  /** ISO-3 or class code the recipient side must include. */
  recipientCountry?: string;
  /** Either side. */
  country?: string;
  type?: string;
  factuality?: string;
  /** Inclusive ISO dates. */
  from?: string;
  to?: string;
  /** Full-text search in the article text. */
  text?: string;
  articleId?: string;
  limit?: number;
  offset?: number;
}

export interface ThreadQuery {
  kind?: string;
  /** ISO-3 or class code among the participants. */
  country?: string;
  /** At most 1,000; 100 by default. */
  limit?: number;
  offset?: number;
}

/** How many threads a page holds when not told, and at most. */
export const THREAD_PAGE = Object.freeze({ limit: 100, max: 1000 });

/** Articles a fold of `Store.rebuildThreads` takes when not told. */
export const REBUILD_BATCH = 1000;

export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

export interface IngestResult {
  /** Article ids stored by this call. */
  stored: string[];
  /** Article ids skipped because an article with the same content hash is already stored. */
  duplicates: string[];
  events: number;
  /** PostgreSQL: the articles are stored, but folding their threads failed with this error; they
   * stay pending for the next fold. */
  foldError?: string;
}

export interface IngestOptions {
  /** Commit the articles and events and leave the thread fold to a later `foldPending()`, so that
   * a queue worker never waits for another worker's fold. The pending fold is recorded in the
   * same transaction, so an article is never stored without it. Ignored by SQLite (one writer). */
  foldLater?: boolean;
}

export interface ActorSummary {
  country: string | null;
  sector: string | null;
  name: string;
  wikidata: string | null;
  /** Events in which the actor is on the actor side, and on the recipient side. */
  asActor: number;
  asRecipient: number;
}

export interface StoreStats {
  articles: number;
  events: number;
  threads: number;
  /** PostgreSQL: articles stored but not yet folded into the threads (a background fold's backlog). */
  pendingFolds?: number;
  /** PostgreSQL: articles the thread fold threw on, set aside with the error (table failed_folds). */
  failedFolds?: number;
}

/**
 * The storage contract. SQLite (embedded) and PostgreSQL implement it; `test/store.contract.ts`
 * runs the same suite against both. Every write is one transaction, idempotent by content hash.
 */
export interface Store {
  readonly kind: 'sqlite' | 'postgres';
  migrate(): Promise<void>;
  /**
   * Stores documents in one transaction, skipping any whose content hash is already stored, and
   * folds their threads into the store's threads. SQLite folds in the same transaction.
   * PostgreSQL records a pending fold per article in that transaction, then, unless `foldLater`,
   * folds the pending articles up to its own before it resolves (see `foldPending`); if that fold
   * fails the articles stay stored and pending, and the result says so in `foldError`.
   */
  ingest(documents: readonly ParleyDocument[], options?: IngestOptions): Promise<IngestResult>;
  /**
   * Folds every pending article — stored with `foldLater` or left by a failed fold, by this or any
   * other process — into the threads, and resolves with how many it folded. On a busy database
   * this drains what other workers store meanwhile too. SQLite never has any pending.
   */
  foldPending(): Promise<number>;
  /**
   * Milliseconds since a fold of any process last committed articles, by the store's own clock, or
   * null if none has. Only stores that fold apart from `ingest` have it (PostgreSQL).
   */
  sinceLastFold?(): Promise<number | null>;
  /**
   * `foldPending`, unless another process's fold is under way: then null, and nothing folded (that
   * fold takes every article pending when it began). Only stores that fold apart from `ingest` have it.
   */
  foldIfIdle?(): Promise<number | null>;
  /**
   * Empties the threads and folds every stored article into them again, in order of publication
   * (then id), `batch` articles a fold (default 1,000), and resolves with how many articles it
   * folded and how many threads they made. Threads depend on the order articles are folded in: a
   * backfill read in any other order, or folded in the batches several workers make, groups a
   * long-running initiative differently (bench/thread-order.ts); this gives every store of the
   * same articles the threads of one reader taking them as they were published. Thread ids follow
   * from each thread's first article, so they may change. SQLite does it in one transaction.
   * PostgreSQL re-queues every article as a pending fold in one transaction under the fold lock,
   * then folds a batch a transaction (readers see the threads fill up again meanwhile); a worker
   * running meanwhile may fold some of those batches itself, up to its own batch size.
   */
  rebuildThreads(options?: { batch?: number }): Promise<{ articles: number; threads: number }>;
  hasHash(hash: string): Promise<boolean>;
  getArticle(id: string): Promise<StoredArticle | null>;
  listArticles(options?: { limit?: number; offset?: number; text?: string }): Promise<Page<Omit<StoredArticle, 'document'>>>;
  queryEvents(filter?: EventFilter): Promise<Page<StoredEvent>>;
  actors(options?: { limit?: number }): Promise<ActorSummary[]>;
  /** Every thread, by id (a small store's whole board; see `listThreads` for a page). */
  threads(): Promise<Thread[]>;
  /**
   * A page of threads, the most recently updated first (then by id), of one kind or with one
   * participant if asked: a store of a million articles holds thousands of threads, some of
   * hundreds of kilobytes, too many to send whole.
   */
  listThreads(options?: ThreadQuery): Promise<Page<Thread>>;
  stats(): Promise<StoreStats>;
  close(): Promise<void>;
}

export type { Diagnostic };
