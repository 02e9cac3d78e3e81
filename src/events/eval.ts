/**
 * Scores event output against gold, for `parley eval GOLD.jsonl`.
 *
 * Two gold forms are understood:
 * - PLOVER: one line per sentence, `{ id, text, events: [{ type, mode, actor: [{country, sector}],
 *   recipient: [...] }], reciprocal }`. Per gold event: type P/R/F1 compares the set of types the
 *   system gives with the gold type; event P/R/F1 counts a hit when a system event has the gold type,
 *   an actor with a gold actor's country and (when the gold names recipients) a recipient with a gold
 *   recipient's country — either way round for reciprocal gold; every other system event in the
 *   sentence is a false alarm. Actor and recipient accuracy are taken over the gold events whose type
 *   the system found.
 * - CAMEO dyads: `{ id, events: [{ source, target, code }] }`. System events become (actor country,
 *   recipient country, CAMEO code) dyads, compared as multisets at root (two digits) and full code.
 *
 * Only events the text reports as happening are scored (factuality asserted, reported or absent).
 */
import { ParleyError } from '../document/errors.js';

export interface PRF { p: number; r: number; f1: number; tp: number; fp: number; fn: number }

export interface TypeRow { gold: number; typeFound: number; eventMatched: number }

export interface Miss { id: string; text: string; gold: unknown; got: string[] }

export interface PloverScore {
  kind: 'plover';
  sentences: number;
  missing: number;
  type: PRF;
  event: PRF;
  actorAccuracy: number;
  recipientAccuracy: number;
  perType: Record<string, TypeRow>;
  misses: Miss[];
}

export interface CameoScore {
  kind: 'cameo';
  sentences: number;
  missing: number;
  rootDyad: PRF;
  fullDyad: PRF;
  misses: Miss[];
}

export type EventScore = PloverScore | CameoScore;

interface Side { country?: unknown }
interface SysEvent { type?: unknown; cameo?: unknown; factuality?: unknown; actor?: unknown; recipient?: unknown }

/** CAMEO-era country codes that differ from ISO 3166-1 alpha-3. */
const OLD_CODES: Readonly<Record<string, string>> = Object.freeze({ JAP: 'JPN', ITL: 'ITA', VTN: 'VNM' });
/** Class codes for actors that are not one state: any class answer (or none) is accepted. */
const CLASS_CODES = new Set(['IGO', 'NGO', 'IMG', 'ISM', 'UIS']);
const SCORED = new Set(['asserted', 'reported']);

const list = <T = unknown>(x: unknown): T[] => (Array.isArray(x) ? (x as T[]) : []);
const countryCode = (c: unknown): string => {
  const k = String(c ?? '').toUpperCase().slice(0, 3);
  return OLD_CODES[k] ?? k;
};

function sameCountry(goldCountry: unknown, systemCountry: unknown): boolean {
  const g = countryCode(goldCountry);
  const s = systemCountry == null ? '' : countryCode(systemCountry);
  if (CLASS_CODES.has(g)) return s === '' || CLASS_CODES.has(s);
  return g !== '' && g === s;
}

const overlaps = (gold: unknown, system: unknown): boolean =>
  list<Side>(gold).some((g) => list<Side>(system).some((s) => sameCountry(g?.country, s?.country)));

function prf(tp: number, fp: number, fn: number): PRF {
  const p = tp + fp ? tp / (tp + fp) : 0;
  const r = tp + fn ? tp / (tp + fn) : 0;
  const f1 = p + r ? (2 * p * r) / (p + r) : 0;
  const round = (x: number) => Math.round(x * 1000) / 1000;
  return { p: round(p), r: round(r), f1: round(f1), tp, fp, fn };
}

/** Events that count: the ones the article reports as happening (or dyad arrays). */
function countedEvents(doc: any): unknown[] {
  return list(doc?.events).filter((e) => {
    if (Array.isArray(e)) return true;
    if (!e || typeof e !== 'object') return false;
    const f = (e as SysEvent).factuality;
    return f === undefined || f === null || SCORED.has(String(f));
  });
}

function parseGold(lines: readonly (string | object)[]): any[] {
  const out: any[] = [];
  lines.forEach((line, k) => {
    if (typeof line !== 'string') { out.push(line); return; }
    if (!line.trim()) return;
    try { out.push(JSON.parse(line)); } catch {
      throw new ParleyError('P070', `gold line ${k + 1} is not JSON: fix or remove it`);
    }
  });
  return out;
}

function describe(e: SysEvent): string {
  const side = (x: unknown) => list<Side>(x).map((a) => a?.country ?? '').join('+');
  return `${String(e.type)}:${side(e.actor)}>${side(e.recipient)}`;
}

function scorePlover(gold: any[], system: Map<string, any>): PloverScore {
  const typeCount = { tp: 0, fp: 0, fn: 0 };
  const eventCount = { tp: 0, fp: 0, fn: 0 };
  const perType: Record<string, TypeRow> = {};
  const misses: Miss[] = [];
  let missing = 0, withType = 0, actorHits = 0, recipientHits = 0;
  for (const g of gold) {
    const doc = system.get(String(g.id));
    if (!doc) missing++;
    const events = countedEvents(doc).filter((e): e is SysEvent => !Array.isArray(e) && typeof (e as SysEvent).type === 'string');
    const systemTypes = new Set(events.map((e) => String(e.type)));
    for (const ge of list<any>(g.events)) {
      const type = String(ge.type);
      const row = (perType[type] ??= { gold: 0, typeFound: 0, eventMatched: 0 });
      row.gold++;
      if (systemTypes.has(type)) { typeCount.tp++; row.typeFound++; } else typeCount.fn++;
      for (const t of systemTypes) if (t !== type) typeCount.fp++;

      const goldActors = list(ge.actor), goldRecipients = list(ge.recipient);
      const actorOk = (side: unknown) => goldActors.length === 0 || overlaps(goldActors, side);
      const recipientOk = (side: unknown) => goldRecipients.length === 0 || overlaps(goldRecipients, side);
      const fits = (e: SysEvent) => (actorOk(e.actor) && recipientOk(e.recipient)) ||
        (Boolean(g.reciprocal) && actorOk(e.recipient) && recipientOk(e.actor));
      const sameType = events.filter((e) => e.type === type);
      const hit = sameType.find(fits);
      if (hit) { eventCount.tp++; row.eventMatched++; } else {
        eventCount.fn++;
        misses.push({ id: String(g.id), text: String(g.text ?? ''), gold: ge, got: events.map(describe) });
      }
      eventCount.fp += events.length - (hit ? 1 : 0);
      if (sameType.length) {
        withType++;
        if (sameType.some((e) => actorOk(e.actor) || (g.reciprocal && overlaps(goldActors, e.recipient)))) actorHits++;
        if (sameType.some((e) => recipientOk(e.recipient) || (g.reciprocal && overlaps(goldRecipients, e.actor)))) recipientHits++;
      }
    }
  }
  const ratio = (a: number) => (withType ? Math.round((a / withType) * 1000) / 1000 : 0);
  return {
    kind: 'plover', sentences: gold.length, missing,
    type: prf(typeCount.tp, typeCount.fp, typeCount.fn), event: prf(eventCount.tp, eventCount.fp, eventCount.fn),
    actorAccuracy: ratio(actorHits), recipientAccuracy: ratio(recipientHits), perType, misses,
  };
}

type Dyad = [string, string, string];

function dyads(doc: any): Dyad[] {
  const out: Dyad[] = [];
  for (const e of countedEvents(doc)) {
    if (Array.isArray(e)) { out.push([countryCode(e[0]), countryCode(e[1]), String(e[2] ?? '')]); continue; }
    const x = e as SysEvent & { source?: unknown; target?: unknown; code?: unknown };
    if ('source' in x && 'code' in x) { out.push([countryCode(x.source), countryCode(x.target), String(x.code ?? '')]); continue; }
    const actors = list<Side>(x.actor).length ? list<Side>(x.actor) : [{ country: '' }];
    const recipients = list<Side>(x.recipient).length ? list<Side>(x.recipient) : [{ country: '' }];
    for (const a of actors) for (const r of recipients) out.push([countryCode(a?.country), countryCode(r?.country), String(x.cameo ?? '')]);
  }
  return out;
}

function scoreCameo(gold: any[], system: Map<string, any>): CameoScore {
  const root = { tp: 0, fp: 0, fn: 0 }, full = { tp: 0, fp: 0, fn: 0 };
  const misses: Miss[] = [];
  let missing = 0;
  for (const g of gold) {
    const doc = system.get(String(g.id));
    if (!doc) missing++;
    const want: Dyad[] = list<any>(g.events).filter((e) => e && e.code).map((e) => [countryCode(e.source), countryCode(e.target), String(e.code)]);
    const got = doc ? dyads(doc) : [];
    const keys: [(d: Dyad) => string, typeof root][] = [
      [(d) => `${d[0]}|${d[1]}|${d[2].slice(0, 2)}`, root],
      [(d) => `${d[0]}|${d[1]}|${d[2]}`, full],
    ];
    for (const [key, acc] of keys) {
      const pool = new Map<string, number>();
      for (const d of got) pool.set(key(d), (pool.get(key(d)) ?? 0) + 1);
      let tp = 0;
      for (const d of want) {
        const n = pool.get(key(d)) ?? 0;
        if (n > 0) { tp++; pool.set(key(d), n - 1); }
      }
      acc.tp += tp; acc.fn += want.length - tp; acc.fp += got.length - tp;
      if (acc === root && tp < want.length) misses.push({ id: String(g.id), text: String(g.text ?? ''), gold: want, got: got.map((d) => d.join('>')) });
    }
  }
  return {
    kind: 'cameo', sentences: gold.length, missing,
    rootDyad: prf(root.tp, root.fp, root.fn), fullDyad: prf(full.tp, full.fp, full.fn), misses,
  };
}

/**
 * Scores system documents (parley.document/1, or `{ id, events }`) against gold lines (JSONL
 * strings or parsed objects). Gold with `{source, target, code}` events is scored as CAMEO dyads,
 * anything else as PLOVER.
 */
export function scoreEvents(goldLines: readonly (string | object)[], documents: Iterable<unknown>): EventScore {
  const gold = parseGold(goldLines);
  const system = new Map<string, any>();
  for (const d of documents) {
    const doc = d as any;
    const id = doc?.article?.id ?? doc?.id;
    if (id !== undefined && id !== null) system.set(String(id), doc);
  }
  const cameoGold = gold.some((g) => list<any>(g.events).some((e) => e && typeof e === 'object' && 'code' in e && 'source' in e));
  return cameoGold ? scoreCameo(gold, system) : scorePlover(gold, system);
}

/** A plain-text report of a score (lines ending in a newline), with the per-type table; `show` misses are listed at the end. */
export function formatEventScore(score: EventScore, show = 0): string {
  const line = (m: PRF) => `P ${m.p.toFixed(3)}  R ${m.r.toFixed(3)}  F1 ${m.f1.toFixed(3)}   (tp ${m.tp}, fp ${m.fp}, fn ${m.fn})`;
  const out = [`${score.sentences} gold sentences, ${score.missing} missing from the output`];
  if (score.kind === 'plover') {
    out.push(`type   ${line(score.type)}`, `event  ${line(score.event)}`,
      `actor accuracy ${score.actorAccuracy}, recipient accuracy ${score.recipientAccuracy} (where the type was found)`,
      'type        gold  found  matched');
    for (const [t, r] of Object.entries(score.perType).sort(([a], [b]) => a.localeCompare(b))) {
      out.push(`${t.padEnd(10)} ${String(r.gold).padStart(5)} ${String(r.typeFound).padStart(6)} ${String(r.eventMatched).padStart(8)}`);
    }
  } else {
    out.push(`root-code dyad  ${line(score.rootDyad)}`, `full-code dyad  ${line(score.fullDyad)}`);
  }
  for (const m of score.misses.slice(0, show)) {
    out.push(`MISS ${m.id}: ${m.text}`, `     gold ${JSON.stringify(m.gold)}`, `     got  ${JSON.stringify(m.got)}`);
  }
  return `${out.join('\n')}\n`;
}
