import { readSource } from '../../ingest/index.js';
import { enqueueArticles } from '../../queue/index.js';
import type { Io } from '../io.js';

/**
 * `parley ingest --queue redis://…`: reads the sources (files, folders, JSONL, feeds, URLs) and
 * puts one job per article on the queue for `parley worker`, instead of reading them here.
 */
export async function enqueueCommand(paths: string[], options: { queue: string; published?: string | null }, io: Io): Promise<number> {
  const started = Date.now();
  async function* records() {
    for (const spec of paths) yield* readSource(spec);
  }
  const result = await enqueueArticles(options.queue, records(), {
    published: options.published,
    onProgress: (t) => {
      if (io.isTTY) io.err(`\r${io.colors.cyan('enqueue')} ${t.enqueued} queued · ${t.alreadyQueued} already queued · ${t.rejected.length} unreadable`);
    },
  });
  if (io.isTTY) io.err('\n');
  for (const r of result.rejected) {
    for (const d of r.diagnostics) io.err(`parley: ${r.origin}: ${d.code} ${d.message}\n`);
  }
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  io.err(`enqueued ${result.enqueued} article(s) in ${secs} s: ${result.alreadyQueued} already queued, ${result.rejected.length} unreadable\n`);
  return result.rejected.length ? 1 : 0;
}
