import type { ParleyDocument } from './api.js';

export type MarkKind = 'actor' | 'entity' | 'time' | 'place' | 'quote' | 'cue' | 'trigger';

/** One annotated span of the article, from any layer. */
export interface Mark {
  kind: MarkKind;
  start: number;
  end: number;
  /** The id of the annotation (entity, time, quote, event…). */
  ref: string;
  /** What a reader sees on hover. */
  label: string;
}

/** A run of text covered by the same set of marks. */
export interface Segment {
  start: number;
  end: number;
  marks: Mark[];
}

const coded = (country: string | null | undefined, sector: string | null | undefined) => [country, sector].filter(Boolean).join('/');

/** Collects the marks of every layer; a span that does not fit the text is skipped, never drawn wrong. */
export function marksOf(doc: ParleyDocument): Mark[] {
  const n = doc.article.text.length;
  const marks: Mark[] = [];
  const add = (m: Mark) => { if (Number.isInteger(m.start) && Number.isInteger(m.end) && m.start >= 0 && m.end <= n && m.start < m.end) marks.push(m); };
  const actors = new Map(doc.actors.map((a) => [a.id, a]));
  for (const e of doc.entities) {
    const a = e.actor ? actors.get(e.actor) : undefined;
    add({ kind: a ? 'actor' : 'entity', start: e.start, end: e.end, ref: e.id, label: a ? `Actor: ${a.name}${coded(a.country, a.sector) ? ` (${coded(a.country, a.sector)})` : ''}` : `${e.type}: ${e.text}` });
  }
  for (const t of doc.times) add({ kind: 'time', start: t.start, end: t.end, ref: t.id, label: `Time (${t.role}): ${t.value ?? '?'}${t.range ? ` = ${t.range[0]} … ${t.range[1]}` : ''}` });
  for (const p of doc.places) add({ kind: 'place', start: p.start, end: p.end, ref: p.id, label: `Place: ${p.name}${p.country ? `, ${p.country}` : ''} (${p.lat.toFixed(2)}, ${p.lon.toFixed(2)})` });
  for (const q of doc.quotes) {
    add({ kind: 'quote', start: q.start, end: q.end, ref: q.id, label: `${q.kind} quote${q.speaker ? ` — ${q.speaker.name ?? q.speaker.text}` : ''}` });
    if (q.cue) add({ kind: 'cue', start: q.cue.start, end: q.cue.end, ref: q.id, label: `Quote cue of ${q.id}` });
  }
  for (const ev of doc.events) {
    const t = ev.evidence?.trigger;
    if (t) add({ kind: 'trigger', start: t.start, end: t.end, ref: ev.id, label: `${ev.type}${ev.mode ? `/${ev.mode}` : ''} (${ev.factuality}) — click for details` });
  }
  return marks;
}

/** Cuts the text at every mark boundary, so overlapping marks become flat runs. */
export function segmentText(length: number, marks: readonly Mark[]): Segment[] {
  const cuts = new Set<number>([0, length]);
  for (const m of marks) { cuts.add(m.start); cuts.add(m.end); }
  const points = [...cuts].filter((x) => x >= 0 && x <= length).sort((a, b) => a - b);
  const segments: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i], end = points[i + 1];
    segments.push({ start, end, marks: marks.filter((m) => m.start <= start && m.end >= end) });
  }
  return segments;
}
