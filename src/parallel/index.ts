import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import type { EngineOptions } from '../engine.js';
import type { BatchItem, BatchOptions } from '../batch.js';
import type { ParleyDocument } from '../document/types.js';
import type { SourceRecord } from '../ingest/sources.js';

export const defaults = Object.freeze({
  /**
   * Records sent to a worker at once: large enough to amortise messaging and to read stage by
   * stage with warm caches, small enough to balance the threads.
   */
  chunk: 25,
  /**
   * Chunks in flight per worker. Two: a thread always has its next chunk queued while the main
   * thread takes its last one, and a thread that finishes before the oldest chunk's thread does
   * not sit idle (results are yielded in input order). With one, two threads on two cores read
   * 5,000 articles in 8.6–9.3 s; with two, 6.1 s, for 17 MB more peak RSS (measured with the
   * machine's other core busy; bench/parallel.ts gives the quiet figures).
   */
  inFlight: 2,
  /**
   * Young-generation cap per reader thread (MB). A read allocates many short-lived objects; V8's
   * default young generation lets each thread's heap swell by tens of MB before a scavenge, which
   * with one thread per core costs peak RSS (about 50 MB on two threads) and no measurable speed.
   */
  youngGenerationMb: 8,
});

/** A batch item as a reader thread sends it: the document as JSON text. */
export interface SentItem {
  origin: string;
  failed: boolean;
  json: string;
}

/** The batch item of a sent one, its document parsed from the JSON on first use. */
function received(sent: SentItem): BatchItem {
  let document: ParleyDocument | undefined;
  return {
    origin: sent.origin, failed: sent.failed, json: sent.json,
    get document(): ParleyDocument { return (document ??= JSON.parse(sent.json) as ParleyDocument); },
  };
}

/** How many worker threads to use for a batch: every core, but none for small inputs. */
export function workerCount(requested?: number): number {
  return Math.max(1, requested ?? availableParallelism());
}

/**
 * Starts one reader thread. Built (dist/), the worker is plain JavaScript. Under tsx (tests,
 * benchmarks) it is TypeScript: Node 20 does not pass `--import tsx` on to a worker's loader, so
 * a small bootstrap registers tsx in the thread before importing the worker.
 */
function startWorker(workerData: unknown): Worker {
  const resourceLimits = { maxYoungGenerationSizeMb: defaults.youngGenerationMb };
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./worker.js', import.meta.url), { workerData, resourceLimits });
  const tsx = import.meta.resolve('tsx/esm/api');
  const main = new URL('./worker.ts', import.meta.url).href;
  const bootstrap = `import(${JSON.stringify(tsx)}).then((t) => { t.register(); return import(${JSON.stringify(main)}); });`;
  return new Worker(bootstrap, { eval: true, workerData, resourceLimits });
}

/**
 * Reads records on worker threads, one engine per thread, and yields the items in input order.
 * A worker that dies fails the batch loudly (a bug, not bad data: bad data is a diagnostic).
 */
export async function* readParallel(
  records: AsyncIterable<SourceRecord> | Iterable<SourceRecord>,
  options: { workers?: number; engine?: EngineOptions; batch?: BatchOptions } = {},
): AsyncGenerator<BatchItem> {
  const n = workerCount(options.workers);
  const workers = Array.from({ length: n }, () => startWorker({ actorFiles: [...(options.engine?.actorFiles ?? [])] }));
  const pending = new Map<number, (items: BatchItem[]) => void>();
  let failure: Error | null = null;
  const load = new Map<Worker, number>(workers.map((w) => [w, 0]));
  for (const w of workers) {
    w.on('message', (m: { id: number; items: SentItem[] }) => { load.set(w, (load.get(w) ?? 1) - 1); pending.get(m.id)?.(m.items.map(received)); pending.delete(m.id); });
    w.on('error', (err) => { failure = err; for (const r of pending.values()) r([]); });
  }
  const results = new Map<number, Promise<BatchItem[]>>();
  let sent = 0, next = 0;
  const send = (chunk: SourceRecord[]) => {
    const id = sent++;
    const w = [...load.entries()].sort((a, b) => a[1] - b[1])[0][0];
    load.set(w, (load.get(w) ?? 0) + 1);
    results.set(id, new Promise((resolve) => pending.set(id, resolve)));
    w.postMessage({ id, records: chunk, options: options.batch ?? {} });
  };
  try {
    let chunk: SourceRecord[] = [];
    for await (const r of records) {
      chunk.push(r);
      if (chunk.length < defaults.chunk) continue;
      send(chunk);
      chunk = [];
      // Back-pressure: wait for the oldest chunk once every worker has enough queued.
      while (sent - next >= n * defaults.inFlight) {
        const items = await results.get(next)!;
        results.delete(next++);
        if (failure) throw failure;
        yield* items;
      }
    }
    if (chunk.length) send(chunk);
    while (next < sent) {
      const items = await results.get(next)!;
      results.delete(next++);
      if (failure) throw failure;
      yield* items;
    }
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
