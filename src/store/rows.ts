import type { Event, ParleyDocument } from '../document/types.js';
import type { StoredEvent } from './types.js';
import { contentHash } from '../ingest/normalize.js';
import { codebookVersion } from '../codebook/index.js';

/** The dedupe key of a document: its stored content hash, or the hash of its text. */
export function documentHash(doc: ParleyDocument): string {
  return doc.article.hash || contentHash(doc.article.text);
}

/** The row shape of one event, shared by the SQLite and PostgreSQL stores. */
export interface EventRow {
  key: string;
  article_id: string;
  event_id: string;
  type: string;
  mode: string | null;
  cameo: string;
  quad: number;
  factuality: string;
  date: string | null;
  source: string | null;
  json: string;
}

export interface PartyRow {
  event_key: string;
  side: 'actor' | 'recipient';
  country: string;
}

/** The first day an event is dated to: its time expression's range, else the publication date. */
export function eventDate(doc: ParleyDocument, e: Event): string | null {
  // A deadline ("before winter") bounds the event; it does not date it.
  const t = e.time ? doc.times.find((x) => x.id === e.time && x.role !== 'deadline') : undefined;
  if (t?.range) return t.range[0];
  if (t?.value && /^\d{4}-\d{2}-\d{2}$/.test(t.value)) return t.value;
  return doc.article.published;
}

/** Flattens a document's events into rows; the JSON keeps the whole event plus its context. */
export function eventRows(doc: ParleyDocument, articleId: string): { events: EventRow[]; parties: PartyRow[] } {
  const events: EventRow[] = [];
  const parties: PartyRow[] = [];
  for (const e of doc.events) {
    const key = `${articleId}:${e.id}`;
    const stored: StoredEvent = {
      ...e, key, articleId, date: eventDate(doc, e), source: doc.article.source, url: doc.article.url,
      placeInfo: (e.place && doc.places.find((p) => p.id === e.place)) || null,
      codebook: codebookVersion(),
      sentenceText: doc.article.text.slice(e.evidence.start, e.evidence.end),
    };
    events.push({
      key, article_id: articleId, event_id: e.id, type: e.type, mode: e.mode, cameo: e.cameo, quad: e.quad,
      factuality: e.factuality, date: stored.date, source: doc.article.source, json: JSON.stringify(stored),
    });
    for (const side of ['actor', 'recipient'] as const) {
      const seen = new Set<string>();
      for (const p of e[side]) {
        if (p.country && !seen.has(p.country)) { seen.add(p.country); parties.push({ event_key: key, side, country: p.country }); }
      }
    }
  }
  return { events, parties };
}
