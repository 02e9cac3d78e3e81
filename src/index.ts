/**
 * Parley as a library: build an engine once, read articles into `parley.document/1`, keep them in
 * a store, follow threads across them.
 *
 * ```ts
 * import { createEngine, openStore } from 'parley';
 * const engine = createEngine();
 * const doc = engine.readText('Ukraine has asked Washington for a meeting this week.', { published: '2025-10-14' });
 * ```
 */
export { createEngine } from './engine.js';
export type { Engine, EngineOptions } from './engine.js';
export * from './document/index.js';
export { readRecord, readRecords, readBatch } from './batch.js';
export type { BatchItem, BatchOptions } from './batch.js';
export { readParallel } from './parallel/index.js';
export { readSource, normalizeArticle, extractHtmlArticle, safeFetch } from './ingest/index.js';
export type { ArticleInput, SourceRecord } from './ingest/index.js';
export { openStore, SqliteStore } from './store/index.js';
export type { Store, StoredEvent, StoredArticle, EventFilter, Page, IngestResult } from './store/index.js';
export { loadActorDictionary, resolveActor } from './actors/index.js';
export { scoreEvents } from './events/index.js';
export { updateThreads } from './threads/index.js';
