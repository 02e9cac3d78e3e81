import { existsSync } from 'node:fs';
import { readRecord } from '../../batch.js';
import type { ParleyDocument } from '../../document/types.js';
import { ParleyError } from '../../document/errors.js';
import { createEngine, type Engine } from '../../engine.js';
import { contentHash, normalizeArticle, readSource } from '../../ingest/index.js';
import { openStore, type Store } from '../../store/index.js';
import { examplesFolder, startServer, startDefaults, withHash } from '../../server/index.js';
import { parseCommandArgs, positiveInt } from '../args.js';
import type { Io } from '../io.js';

export const serveHelp = `parley serve [--db PATH|URL] [--port 8080] [--host 127.0.0.1] [--examples]
  Serves the HTTP API (/v1/…, docs at /docs, OpenAPI at /openapi.json) and the web UI.
  --db PATH|URL       the store (default ./parley.db, or PARLEY_DATABASE_URL)
  --port N            port (default 8080; 0 picks a free one)
  --host HOST         address to listen on (default 127.0.0.1; any other needs PARLEY_API_KEY)
  --examples          first ingest the bundled examples/ folder (already stored articles are skipped)
  --allow-private     let URL fetches reach private addresses (or PARLEY_ALLOW_PRIVATE_FETCH=1)
  --quiet             no request log
  Writes (POST) need PARLEY_API_KEY as "Authorization: Bearer …" or "x-api-key" when it is set.`;

/** Ingests a folder, skipping articles already stored before paying for the NLP. */
async function ingestFolder(folder: string, store: Store, engine: () => Engine): Promise<{ read: number; stored: number; skipped: number; failed: number }> {
  const totals = { read: 0, stored: 0, skipped: 0, failed: 0 };
  let batch: ParleyDocument[] = [];
  const flush = async () => {
    if (!batch.length) return;
    const r = await store.ingest(batch);
    totals.stored += r.stored.length; totals.skipped += r.duplicates.length;
    batch = [];
  };
  for await (const record of readSource(folder)) {
    totals.read++;
    if (record.input) {
      const { article } = normalizeArticle(record.input);
      if (article.text && await store.hasHash(article.hash ?? contentHash(article.text))) { totals.skipped++; continue; }
    }
    const item = readRecord(engine(), record);
    if (item.failed) { totals.failed++; continue; }
    batch.push(withHash(item.document));
    if (batch.length >= 50) await flush();
  }
  await flush();
  return totals;
}

export async function serveCommand(argv: string[], io: Io): Promise<number> {
  const { values } = parseCommandArgs('serve', argv, {
    db: { type: 'string' }, port: { type: 'string' }, host: { type: 'string' }, examples: { type: 'boolean' },
    'allow-private': { type: 'boolean' }, quiet: { type: 'boolean' },
  });
  const port = positiveInt('--port', values.port, startDefaults.port);
  if (port > 65535) throw new ParleyError('P003', `--port must be between 0 and 65535, not ${port}`);
  const host = values.host ?? startDefaults.host;
  const store = await openStore(values.db);
  let engine: Engine | undefined;
  const getEngine = () => (engine ??= createEngine());
  try {
    if (values.examples) {
      const folder = examplesFolder();
      if (!existsSync(folder)) throw new ParleyError('P011', `No examples folder at ${folder}`);
      const started = Date.now();
      const t = await ingestFolder(folder, store, getEngine);
      io.err(`examples: ${t.read} article(s) in ${((Date.now() - started) / 1000).toFixed(1)} s — ${t.stored} stored, ${t.skipped} already stored, ${t.failed} failed\n`);
    }
    const running = await startServer({
      store, engine, port, host,
      allowPrivateFetch: values['allow-private'] ? true : undefined,
      logger: values.quiet ? false : { level: 'info' },
    });
    const stats = await store.stats();
    io.out(`Parley is serving ${stats.articles} article(s), ${stats.events} event(s) and ${stats.threads} thread(s) at ${running.url}\n`
      + `  web UI ${running.url}/   API docs ${running.url}/docs   (Ctrl+C to stop)\n`);
    await running.closed;
  } finally {
    await store.close();
  }
  io.err('parley: server stopped\n');
  return 0;
}
