import { ParleyError } from '../../document/errors.js';
import type { ParleyDocument } from '../../document/types.js';
import { parseDate } from '../../ingest/normalize.js';
import { readSource } from '../../ingest/sources.js';
import { readBatch } from '../../batch.js';
import { readParallel } from '../../parallel/index.js';
import { openStore } from '../../store/index.js';
import { parseCommandArgs, positiveInt } from '../args.js';
import type { Io } from '../io.js';

export const ingestHelp = `parley ingest PATH... [options]
  Reads files, folders, JSONL and feed files (or URLs) and stores them; the same article twice is stored once.
  --db PATH|URL       SQLite file (default ./parley.db) or postgres://… (or PARLEY_DATABASE_URL)
  --queue redis://…   enqueue the articles for \`parley worker\` instead of reading them here
  --published DATE    set or override the publication date
  --batch N           articles per transaction (default 100)
  --actors FILE       extra actor dictionary entries
  --workers N         reader threads (default 1, in the main thread; 0: one per core)`;

export async function ingestCommand(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs('ingest', argv, {
    db: { type: 'string' }, queue: { type: 'string' }, published: { type: 'string' }, batch: { type: 'string' },
    actors: { type: 'string', multiple: true }, 'allow-private': { type: 'boolean' }, workers: { type: 'string' },
  });
  if (!positionals.length) throw new ParleyError('P002', 'parley ingest needs at least one PATH (file, folder, JSONL, feed or URL)');
  let published: string | null | undefined;
  if (values.published !== undefined) {
    published = parseDate(values.published);
    if (!published) throw new ParleyError('P020', `--published "${values.published}" is not a date: use YYYY-MM-DD`);
  }
  if (values.queue) {
    const { enqueueCommand } = await import('./queue.js');
    return enqueueCommand(positionals, { queue: values.queue, published }, io);
  }
  const batchSize = Math.max(1, positiveInt('--batch', values.batch, 100));
  // One thread by default: measured on two cores, the SQLite writer is the limit, and reader
  // threads cost memory (10,000 articles: 962/s at 371 MB in one thread, 909/s at 449 MB on two).
  const workers = positiveInt('--workers', values.workers, 1);
  const engineOptions = { actorFiles: values.actors ?? [] };
  const store = await openStore(values.db);
  const started = Date.now();
  const totals = { read: 0, stored: 0, duplicates: 0, failed: 0, events: 0 };
  let batch: ParleyDocument[] = [];
  const progress = (final = false) => {
    if (!io.isTTY) return;
    const secs = (Date.now() - started) / 1000;
    io.err(`\r${io.colors.cyan('ingest')} ${totals.read} read · ${totals.stored} stored · ${totals.duplicates} duplicate · ${totals.failed} failed · ${(totals.read / Math.max(secs, 0.001)).toFixed(0)}/s${final ? '\n' : ''}`);
  };
  const flush = async () => {
    if (!batch.length) return;
    const r = await store.ingest(batch);
    totals.stored += r.stored.length; totals.duplicates += r.duplicates.length; totals.events += r.events;
    if (r.foldError) io.err(`${io.isTTY ? '\n' : ''}parley: articles stored, but their threads are not folded yet (they stay pending for the next fold): ${r.foldError}\n`);
    batch = [];
    progress();
  };
  try {
    async function* records() {
      for (const spec of positionals) yield* readSource(spec, { fetch: { allowPrivate: Boolean(values['allow-private']) } });
    }
    // With --workers, worker threads read (one engine each) while this thread writes; it then
    // never loads the engine's modules (some 30 MB of a peak that has a budget).
    const items = workers === 1
      ? readBatch((await import('../../engine.js')).createEngine(engineOptions), records(), { published }, { chunk: 25 })
      : readParallel(records(), { workers: workers || undefined, engine: engineOptions, batch: { published } });
    {
      for await (const item of items) {
        totals.read++;
        if (item.failed) {
          totals.failed++;
          for (const d of item.document.diagnostics) io.err(`${io.isTTY ? '\n' : ''}parley: ${item.origin}: ${d.code} ${d.message}\n`);
          continue;
        }
        batch.push(item.document);
        if (batch.length >= batchSize) await flush();
      }
    }
    await flush();
  } finally {
    await store.close();
  }
  progress(true);
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  io.err(`ingested ${totals.read} article(s) in ${secs} s: ${totals.stored} stored, ${totals.duplicates} already stored, ${totals.failed} failed, ${totals.events} events\n`);
  return totals.failed ? 1 : 0;
}
