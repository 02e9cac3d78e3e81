import { cameoCode } from '../codebook/index.js';
import type { EventParticipant } from '../document/types.js';
import type { StoredEvent } from './types.js';

export const EXPORT_FORMATS = ['jsonl', 'csv', 'gdelt', 'plover'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const CSV_COLUMNS = [
  'key', 'article_id', 'date', 'type', 'mode', 'cameo', 'quad', 'goldstein', 'factuality',
  'actor_names', 'actor_countries', 'actor_sectors', 'recipient_names', 'recipient_countries', 'recipient_sectors',
  'trigger', 'sentence', 'source', 'rule',
  // Last, so that readers of the columns before keep their positions: 'sentence' for each party
  // whose country is its sentence's one state rather than said of it (EventParticipant.countryFrom).
  'actor_countries_from', 'recipient_countries_from',
] as const;

const csvCell = (v: unknown): string => {
  const s = v == null ? '' : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};
const join = (list: EventParticipant[], k: 'name' | 'country' | 'sector' | 'countryFrom') => list.map((p) => p[k] ?? '').join('|');
const goldstein = (code: string) => cameoCode(code)?.goldstein ?? '';

/** The header line of a format, if it has one. */
export function exportHeader(format: ExportFormat): string | null {
  // Only CSV has one: GDELT's own files carry no header, and JSONL needs none.
  return format === 'csv' ? CSV_COLUMNS.join(',') : null;
}

/** One event as a line of the chosen format. */
export function exportEvent(e: StoredEvent, format: ExportFormat, index = 0): string {
  switch (format) {
    case 'jsonl': return JSON.stringify(e);
    case 'csv': {
      const row: Record<(typeof CSV_COLUMNS)[number], unknown> = {
        key: e.key, article_id: e.articleId, date: e.date, type: e.type, mode: e.mode, cameo: e.cameo, quad: e.quad,
        goldstein: goldstein(e.cameo), factuality: e.factuality,
        actor_names: join(e.actor, 'name'), actor_countries: join(e.actor, 'country'), actor_sectors: join(e.actor, 'sector'),
        recipient_names: join(e.recipient, 'name'), recipient_countries: join(e.recipient, 'country'), recipient_sectors: join(e.recipient, 'sector'),
        trigger: e.evidence.trigger.text, sentence: e.sentenceText, source: e.source, rule: e.rule,
        actor_countries_from: join(e.actor, 'countryFrom'), recipient_countries_from: join(e.recipient, 'countryFrom'),
      };
      return CSV_COLUMNS.map((c) => csvCell(row[c])).join(',');
    }
    case 'gdelt': return gdeltRow(e, index).join('\t');
    case 'plover': return JSON.stringify(ploverRecord(e));
  }
}

/**
 * The 61 columns of the GDELT 2.0 event table. Parley fills what it knows — date, actor codes,
 * names, countries and agent types, the CAMEO code and its root, QuadClass, Goldstein weight,
 * the action place, the URL — and leaves the rest blank (tone, mention counts, ADM codes).
 */
export function gdeltRow(e: StoredEvent, index: number): string[] {
  const day = e.date ? e.date.replace(/-/g, '') : '';
  const actorCols = (p: EventParticipant | undefined) => {
    const code = p ? `${p.country ?? ''}${p.sector ?? ''}` : '';
    // Actor code, name, country, known group, ethnic, religion 1 and 2, type 1–3.
    return [code, p?.name?.toUpperCase() ?? '', p?.country && p.country.length === 3 && !['IGO', 'NGO', 'IMG'].includes(p.country) ? p.country : '',
      p?.country && ['IGO', 'NGO', 'IMG'].includes(p.country) ? p.country : '', '', '', '', p?.sector ?? '', '', ''];
  };
  const geoBlank = ['', '', '', '', '', '', '', ''];
  const place = e.placeInfo;
  const actionGeo = place
    ? ['1', place.name, place.country ?? '', '', '', String(place.lat), String(place.lon), place.geonameid ? String(place.geonameid) : '']
    : geoBlank;
  return [
    String(index + 1), day, day.slice(0, 6), day.slice(0, 4), day ? fractionDate(e.date as string) : '',
    ...actorCols(e.actor[0]), ...actorCols(e.recipient[0]),
    '1', e.cameo, e.cameo.slice(0, 3), e.cameo.slice(0, 2), String(e.quad), String(goldstein(e.cameo)),
    '1', '1', '1', '',
    ...geoBlank, ...geoBlank, ...actionGeo,
    new Date().toISOString().replace(/\D/g, '').slice(0, 14), e.url ?? '',
  ];
}

function fractionDate(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  const start = Date.UTC(d.getUTCFullYear(), 0, 1);
  const days = (d.getTime() - start) / 86_400_000;
  return (d.getUTCFullYear() + days / 365).toFixed(4);
}

/** A PLOVER-style record: event type, mode, actors and recipients with their agents, and the evidence. */
export function ploverRecord(e: StoredEvent) {
  const party = (p: EventParticipant) => ({ name: p.name, country: p.country, agent: p.sector, ...(p.countryFrom ? { country_from: p.countryFrom } : {}) });
  return {
    id: e.key, date: e.date, event: e.type, mode: e.mode, context: [] as string[],
    actor: e.actor.map(party), recipient: e.recipient.map(party),
    cameo: e.cameo, quad: e.quad, factuality: e.factuality,
    eventtext: e.evidence.trigger.text, text: e.sentenceText, article: e.articleId, source: e.source,
  };
}
