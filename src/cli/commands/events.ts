import { openStore } from '../../store/index.js';
import { EXPORT_FORMATS, exportEvent, exportHeader, type ExportFormat } from '../../store/export.js';
import type { StoredEvent } from '../../store/types.js';
import { ParleyError } from '../../document/errors.js';
import { choice, parseCommandArgs } from '../args.js';
import { FILTER_HELP, FILTER_OPTIONS, filterFromFlags } from '../filters.js';
import type { Io } from '../io.js';
import { createWriteStream } from 'node:fs';

export const eventsHelp = `parley events [filters] [--format text|json|jsonl]
  Lists stored events, newest first.
${FILTER_HELP}`;

export const exportHelp = `parley export --format jsonl|csv|gdelt|plover [filters] [--out FILE]
  Exports stored events: jsonl (Parley events), csv, gdelt (GDELT 2.0 event-table columns, tab-separated,
  blanks where Parley has nothing), plover (PLOVER-style JSON records, one per line).
${FILTER_HELP}`;

function eventLine(e: StoredEvent, io: Io): string {
  const c = io.colors;
  const side = (l: StoredEvent['actor']) => l.map((p) => `${p.name} [${p.country ?? '?'}${p.sector ? '/' + p.sector : ''}]`).join(' + ') || '—';
  return `${c.dim(e.date ?? '????-??-??')} ${c.cyan(e.type.padEnd(9))}${e.mode ? c.dim('/' + e.mode) : ''} ${side(e.actor)} → ${side(e.recipient)} ${c.yellow(e.factuality)} ${c.dim(`“${e.evidence.trigger.text}” ${e.articleId}`)}\n`;
}

export async function eventsCommand(argv: string[], io: Io): Promise<number> {
  const { values } = parseCommandArgs('events', argv, { ...FILTER_OPTIONS, format: { type: 'string' } });
  const format = choice('format', values.format, ['text', 'json', 'jsonl'] as const, 'text');
  const store = await openStore(values.db);
  try {
    const page = await store.queryEvents(filterFromFlags(values, 50));
    if (format === 'json') io.out(JSON.stringify(page, null, 2) + '\n');
    else if (format === 'jsonl') for (const e of page.items) io.out(JSON.stringify(e) + '\n');
    else {
      for (const e of page.items) io.out(eventLine(e, io));
      io.err(`${page.items.length} of ${page.total} event(s)${page.total > page.items.length ? ' (use --limit/--offset for more)' : ''}\n`);
    }
  } finally {
    await store.close();
  }
  return 0;
}

export async function exportCommand(argv: string[], io: Io): Promise<number> {
  const { values } = parseCommandArgs('export', argv, { ...FILTER_OPTIONS, format: { type: 'string' }, out: { type: 'string' } });
  if (!values.format) throw new ParleyError('P002', `parley export needs --format: use ${EXPORT_FORMATS.join(', ')}`);
  const format: ExportFormat = choice('format', values.format, EXPORT_FORMATS, 'jsonl');
  const store = await openStore(values.db);
  const file = values.out ? createWriteStream(values.out) : null;
  const write = (s: string) => (file ? file.write(s) : io.out(s));
  let n = 0;
  try {
    const filter = filterFromFlags(values, Number.MAX_SAFE_INTEGER);
    const header = exportHeader(format);
    if (header) write(header + '\n');
    // Page through the store so an export of millions of events never holds them all.
    const pageSize = 5000;
    const limit = values.limit !== undefined ? filter.limit! : Infinity;
    for (let offset = filter.offset ?? 0; n < limit;) {
      const page = await store.queryEvents({ ...filter, limit: Math.min(pageSize, limit - n), offset });
      for (const e of page.items) write(exportEvent(e, format, n++) + '\n');
      if (page.items.length < pageSize) break;
      offset += page.items.length;
    }
  } finally {
    await store.close();
    if (file) await new Promise((r) => file.end(r));
  }
  if (values.out) io.err(`exported ${n} event(s) to ${values.out}\n`);
  return 0;
}
