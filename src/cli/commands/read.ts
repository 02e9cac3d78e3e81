import { ParleyError } from '../../document/errors.js';
import { parseDate } from '../../ingest/normalize.js';
import { readSource } from '../../ingest/sources.js';
import { readBatch } from '../../batch.js';
import { readParallel } from '../../parallel/index.js';
import { createEngine } from '../../engine.js';
import { choice, parseCommandArgs, positiveInt } from '../args.js';
import { formatDocumentText } from '../format.js';
import type { Io } from '../io.js';

const FORMATS = ['json', 'jsonl', 'text'] as const;

export const readHelp = `parley read [FILE|URL|-] [options]
  Reads articles (plain text, HTML, RSS/Atom, JSONL) into parley.document/1.
  --jsonl FILE        one {id, text, published?, title?, url?, source?} per line; one document per line out
  --published DATE    set or override the publication date (YYYY-MM-DD)
  --format F          json (default), jsonl or text
  --actors FILE       extra actor dictionary entries (data/actors format)
  --allow-private     allow fetching URLs on loopback or private addresses
  --workers N         read on N worker threads (0: one per core; default 1), output order kept`;

export async function readCommand(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs('read', argv, {
    jsonl: { type: 'string' }, published: { type: 'string' }, format: { type: 'string' },
    actors: { type: 'string', multiple: true }, 'allow-private': { type: 'boolean' }, workers: { type: 'string' },
  });
  const workers = positiveInt('--workers', values.workers, 1);
  const format = choice('format', values.format, FORMATS, values.jsonl ? 'jsonl' : 'json');
  let published: string | null | undefined;
  if (values.published !== undefined) {
    published = parseDate(values.published);
    if (!published) throw new ParleyError('P020', `--published "${values.published}" is not a date: use YYYY-MM-DD`);
  }
  if (positionals.length > 1) throw new ParleyError('P003', `parley read takes one FILE, URL or -, not ${positionals.length}: use "parley ingest" for many`);
  const spec = values.jsonl ?? positionals[0] ?? '-';
  const engineOptions = { actorFiles: values.actors ?? [] };
  const records = readSource(spec, { format: values.jsonl ? 'jsonl' : 'auto', fetch: { allowPrivate: Boolean(values['allow-private']) } });
  const items = workers === 1
    ? readBatch(createEngine(engineOptions), records, { published }, { chunk: 25 })
    : readParallel(records, { workers: workers || undefined, engine: engineOptions, batch: { published } });
  let failures = 0;
  const docs = [];
  for await (const item of items) {
    if (item.failed) {
      failures++;
      for (const d of item.document.diagnostics) io.err(`parley: ${item.origin}: ${d.code} ${d.message}\n`);
    }
    if (format === 'jsonl') io.out((item.json ?? JSON.stringify(item.document)) + '\n');
    else if (format === 'text') io.out(formatDocumentText(item.document, io));
    else docs.push(item.document);
  }
  if (format === 'json') io.out(JSON.stringify(docs.length === 1 ? docs[0] : docs, null, 2) + '\n');
  return failures ? 1 : 0;
}
