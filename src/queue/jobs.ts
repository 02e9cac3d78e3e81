import type { JobsOptions } from 'bullmq';
import type { ArticleInput } from '../ingest/index.js';

/** One queued article: the loose input record as read from its source, and where it came from. */
export interface ArticleJob {
  origin: string;
  input: ArticleInput;
}

/** What a finished job returns (kept on the completed job for a while). */
export interface ArticleJobResult {
  /** The stored article id, or null when the same content was already stored. */
  stored: string | null;
  events: number;
}

/** An article that kept failing, kept with its error so someone can look and requeue it. */
export interface DeadLetter {
  jobId: string;
  origin: string;
  error: string;
  attempts: number;
  failedAt: string;
  input: ArticleInput;
}

export const queueDefaults = Object.freeze({
  /** Tries per article before it goes to the dead-letter list. */
  attempts: 5,
  /** First retry delay; each further retry waits twice as long (1 s, 2 s, 4 s, 8 s). */
  backoffMs: 1000,
  /** Finished jobs are kept a day (at most 50,000) so enqueuing the same article again within that
   * time is a no-op even before the store's hash check. */
  keepCompleted: { age: 24 * 3600, count: 50_000 },
  keepFailed: { age: 7 * 24 * 3600 },
  /** Jobs added per round trip. */
  enqueueChunk: 500,
});

/** The queue that holds dead letters next to a queue. */
export function deadLetterQueueName(name: string): string {
  return `${name}-dead`;
}

/** Job ids come from the content hash, so the same article enqueued twice is one job. */
export function jobIdFor(hash: string): string {
  return `article-${hash}`;
}

export function jobOptions(options: { attempts?: number; backoffMs?: number } = {}): JobsOptions {
  return {
    attempts: options.attempts ?? queueDefaults.attempts,
    backoff: { type: 'exponential', delay: options.backoffMs ?? queueDefaults.backoffMs },
    removeOnComplete: queueDefaults.keepCompleted,
    removeOnFail: queueDefaults.keepFailed,
  };
}
