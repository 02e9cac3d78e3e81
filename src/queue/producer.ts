import { Queue } from 'bullmq';
import type { Diagnostic } from '../document/types.js';
import { normalizeArticle, type ArticleInput, type SourceRecord } from '../ingest/index.js';
import { parseQueueUrl, ready, redisOptions, type QueueTarget } from './connection.js';
import { jobIdFor, jobOptions, queueDefaults, type ArticleJob } from './jobs.js';

export interface EnqueueOptions {
  /** Sets or overrides every article's publication date (as `parley ingest --published`). */
  published?: string | null;
  attempts?: number;
  backoffMs?: number;
  /** Called after each chunk with the running totals. */
  onProgress?: (totals: EnqueueResult) => void;
}

export interface EnqueueResult {
  /** New jobs added. */
  enqueued: number;
  /** Articles whose job (same content hash) was already in the queue. */
  alreadyQueued: number;
  /** Records that could not be read at all, with why; they are not enqueued. */
  rejected: { origin: string; diagnostics: Diagnostic[] }[];
}

type Item = SourceRecord | ArticleInput;

const isRecord = (x: Item): x is SourceRecord => 'origin' in x && 'diagnostics' in x;

/**
 * Adds articles to the queue, one job per article with an id derived from its content hash, so
 * enqueuing the same article twice never makes two jobs. Records that cannot be read (empty,
 * binary, bad JSONL line…) are returned as rejected instead of queued.
 */
export async function enqueueArticles(
  queue: string | QueueTarget,
  items: AsyncIterable<Item> | Iterable<Item>,
  options: EnqueueOptions = {},
): Promise<EnqueueResult> {
  const target = parseQueueUrl(queue);
  const q = new Queue<ArticleJob>(target.name, { connection: redisOptions(target, false) });
  q.on('error', () => {}); // surfaced through the awaited calls instead
  const result: EnqueueResult = { enqueued: 0, alreadyQueued: 0, rejected: [] };
  const opts = jobOptions(options);
  try {
    await ready(q, target);
    let chunk: { id: string; job: ArticleJob }[] = [];
    const flush = async () => {
      if (!chunk.length) return;
      // Which ids are queued already is only for the report: BullMQ ignores a duplicate id anyway.
      const client = await q.backend.client;
      const probe = client.pipeline();
      for (const { id } of chunk) probe.runCommand('exists', [q.toKey(id)]);
      const seen = (await probe.exec()) ?? [];
      await q.addBulk(chunk.map(({ id, job }) => ({ name: 'article', data: job, opts: { ...opts, jobId: id } })));
      const already = seen.filter(([, exists]: [Error | null, unknown]) => Number(exists) > 0).length;
      result.alreadyQueued += already;
      result.enqueued += chunk.length - already;
      chunk = [];
      options.onProgress?.(result);
    };
    let n = 0;
    for await (const item of items) {
      n++;
      const record: SourceRecord = isRecord(item) ? item : { origin: String(item.id ?? `article ${n}`), input: item, diagnostics: [] };
      if (!record.input) { result.rejected.push({ origin: record.origin, diagnostics: record.diagnostics }); continue; }
      const input: ArticleInput = options.published !== undefined ? { ...record.input, published: options.published } : record.input;
      const { article, diagnostics } = normalizeArticle(input);
      if (!article.text) { result.rejected.push({ origin: record.origin, diagnostics: [...record.diagnostics, ...diagnostics] }); continue; }
      chunk.push({ id: jobIdFor(article.hash!), job: { origin: record.origin, input } });
      if (chunk.length >= queueDefaults.enqueueChunk) await flush();
    }
    await flush();
  } finally {
    await q.close();
  }
  return result;
}
