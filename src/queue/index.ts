/**
 * Parley at scale: articles go onto a BullMQ queue on Redis (`enqueueArticles`) and any number of
 * workers (`startWorker`) read them and write to a shared store, normally PostgreSQL. Writes are
 * idempotent by content hash and transactional, so a job retried after its worker died leaves
 * one copy and no partial rows.
 */
export { parseQueueUrl, connectionDefaults, type QueueTarget } from './connection.js';
export {
  queueDefaults, jobIdFor, deadLetterQueueName,
  type ArticleJob, type ArticleJobResult, type DeadLetter,
} from './jobs.js';
export { enqueueArticles, type EnqueueOptions, type EnqueueResult } from './producer.js';
export { startWorker, workerDefaults, type WorkerOptions, type WorkerEvent, type WorkerTotals, type RunningWorker } from './worker.js';
export { queueStatus, listDeadLetters, requeueDeadLetters, type QueueStatus } from './status.js';
