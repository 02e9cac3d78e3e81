import type { ParleyDocument } from '../document/types.js';
import type { Io } from './io.js';

const party = (list: { name: string; country: string | null; sector: string | null }[]) =>
  list.length ? list.map((a) => `${a.name} [${a.country ?? '?'}${a.sector ? '/' + a.sector : ''}]`).join(' + ') : '—';

/** A readable summary of one document for a person at a terminal. */
export function formatDocumentText(doc: ParleyDocument, io: Io): string {
  const c = io.colors;
  const a = doc.article;
  const lines: string[] = [];
  lines.push(c.bold(a.title ?? a.id) + c.dim(`  (${a.published ?? 'no date'}${a.source ? ', ' + a.source : ''})`));
  if (doc.events.length) {
    lines.push(c.underline('Events'));
    for (const e of doc.events) {
      const when = e.time ? doc.times.find((t) => t.id === e.time) : null;
      lines.push(`  ${c.cyan(e.type.padEnd(9))}${e.mode ? c.dim('/' + e.mode) : ''} ${party(e.actor)} → ${party(e.recipient)}  ${c.yellow(e.factuality)}`
        + `${when ? c.dim(`  ${when.text} = ${when.value ?? '?'}`) : ''}  ${c.dim(`CAMEO ${e.cameo}`)}`);
      lines.push(c.dim(`      “${e.evidence.trigger.text}” — ${e.rule}`));
    }
  }
  if (doc.actors.length) {
    lines.push(c.underline('Actors'));
    for (const x of doc.actors) lines.push(`  ${x.name} [${x.country ?? '?'}/${x.sector ?? '?'}]${x.wikidata ? c.dim(' ' + x.wikidata) : ''} ×${x.mentions.length}`);
  }
  if (doc.times.length) {
    lines.push(c.underline('Times'));
    for (const t of doc.times) lines.push(`  “${t.text}” ${t.type} ${t.value ?? '—'}${t.range ? c.dim(` ${t.range[0]}…${t.range[1]}`) : ''} ${c.dim(t.role)}`);
  }
  if (doc.quotes.length) {
    lines.push(c.underline('Quotes'));
    for (const q of doc.quotes) {
      const who = q.speaker ? `${q.speaker.text}${q.speaker.anonymous ? c.dim(' (anonymous)') : ''}` : '?';
      lines.push(`  ${c.magenta(q.kind)} ${who}: “${q.text.length > 90 ? q.text.slice(0, 87) + '…' : q.text}”`);
    }
  }
  if (doc.places.length) {
    lines.push(c.underline('Places'));
    for (const p of doc.places) lines.push(`  ${p.name} [${p.country ?? '?'}] ${p.lat.toFixed(2)}, ${p.lon.toFixed(2)}`);
  }
  if (doc.threads.length) {
    lines.push(c.underline('Threads'));
    for (const t of doc.threads) lines.push(`  ${t.kind}: ${t.title} — ${c.green(t.status)} (${t.history.map((h) => h.status).join(' → ')})`);
  }
  for (const d of doc.diagnostics) lines.push(c.red(`  ${d.code} ${d.message}`));
  return lines.join('\n') + '\n';
}
