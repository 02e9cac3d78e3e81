/**
 * Argument assignment: the actor is the subject noun phrase of the trigger's clause (through
 * appositions, relative pronouns and pronouns), the recipient comes from the entry's slots
 * (object, prepositional phrase, "between X and Y"), the passive swaps them.
 */
import type { Actor, PloverType, Quote } from '../document/types.js';
import type { Lexicon } from './lexicon.js';
import { ADVERBIAL_PREPOSITIONS, type Match } from './match.js';
import type { Mention, SentenceView } from './sentence.js';

/** Types whose target may be a place standing for its country ("shelled Kharkiv"). */
export const PLACE_TARGETS = new Set<PloverType>(['ASSAULT', 'COERCE', 'MOBILIZE', 'AID']);
const FIRST_PERSON = new Set(['i', 'we']);

/** Everything the coder keeps about one document while it reads it. */
export interface DocContext {
  lexicon: Lexicon;
  actorsById: Map<string, Actor>;
  quotes: Quote[];
  /** Subject of the previous sentence, for pronouns that open a sentence. */
  topic: Mention[];
  requirePlaced: boolean;
}

/** Two mentions of one participant: the same resolved actor, or the same words. */
export function same(a: Mention, b: Mention): boolean {
  return (a.participant.ref !== null && a.participant.ref === b.participant.ref) || (a.t0 === b.t0 && a.t1 === b.t1);
}

/** The list without repeated participants, first mention kept. */
export function dedupe(list: Mention[]): Mention[] {
  const out: Mention[] = [];
  for (const m of list) if (!out.some((o) => same(o, m))) out.push(m);
  return out;
}

/**
 * The actor of a trigger: the subject noun phrase left of its verb chain, through appositions
 * ("Nepal, a neighbour of India, has refused"), relative pronouns ("forces that attacked") and
 * pronouns ("Chile said it will").
 */
export function subjectOf(view: SentenceView, ctx: DocContext, start: number, i: number, speech: number[]): Mention[] {
  const g = ctx.lexicon.grammar;
  let j = start - 1;
  const skippable = (k: number) => view.inTime[k] === 1 || view.pos(k) === 'ADV' ||
    (view.pos(k) === 'ADP' && view.inTime[k + 1] === 1) || (g.timeWords.has(view.lower(k)) && view.mentionIndex(k) < 0 && view.pos(k) !== 'VERB');
  while (j >= 0 && skippable(j)) j--;
  // A participle clause after a comma or conjunction ("…, saying", "… and urged") shares the main subject.
  if (j < 0 || view.pos(j) === 'CCONJ' || view.pos(j) === 'VERB' || view.pos(j) === 'AUX' || view.isQuoteMark(j) ||
      (view.isComma(j) && view.lower(i).endsWith('ing'))) {
    return mainSubject(view, ctx, i);
  }
  if (view.isComma(j)) {
    let k = j - 1;
    while (k >= 0 && !view.isComma(k) && !(view.isHardPunct(k))) k--;
    if (k >= 0 && view.isComma(k)) {
      const [a, b] = view.npEndingAt(k - 1);
      const before = a <= b ? view.heads(a, b) : [];
      if (before.length) return before;
      const [c, d] = view.npStartingAt(k + 1, j);
      const inside = c <= d ? view.heads(c, d) : [];
      if (inside.length) return inside;
    }
    return mainSubject(view, ctx, i);
  }
  if (g.relativePronouns.has(view.lower(j)) && view.pos(j) !== 'SCONJ') {
    let k = j - 1;
    if (view.isComma(k)) k--;
    const [a, b] = view.npEndingAt(k);
    return a <= b ? view.heads(a, b) : [];
  }
  const [a, b] = view.npEndingAt(j);
  if (a > b) return mainSubject(view, ctx, i);
  if (a === b && view.pos(a) === 'PRON' && view.mentionIndex(a) < 0) return resolvePronoun(view, ctx, a, speech);
  return view.heads(a, b);
}

/** A personal pronoun's antecedent: the speaker it reports ("Chile said it …"), or the sentence's subject. */
export function resolvePronoun(view: SentenceView, ctx: DocContext, p: number, speech: number[]): Mention[] {
  // "We will not negotiate," the minister said: a first person inside a quote is its speaker.
  if (FIRST_PERSON.has(view.lower(p))) {
    const t = view.token(p);
    const q = ctx.quotes.find((x) => x.start <= t.start && t.end <= x.end && x.speaker?.actor);
    const actor = q?.speaker?.actor ? ctx.actorsById.get(q.speaker.actor) : undefined;
    if (actor) {
      // Fields in the order SentenceView makes mentions in: one object shape for every mention
      // keeps the property reads that take them monomorphic (two shapes deoptimised them).
      return [{ t0: p, t1: p + 1, start: t.start, end: t.end,
        participant: { name: actor.name, country: actor.country, sector: actor.sector, ref: actor.id }, resolved: Boolean(actor.country) }];
    }
  }
  const s = [...speech].reverse().find((k) => k < p);
  if (s !== undefined) {
    const sc = view.chain(s);
    const subj = subjectOf(view, ctx, sc.start, s, speech.filter((k) => k < s));
    if (subj.length) return subj;
  }
  const main = mainSubject(view, ctx, p);
  return main.length ? main : ctx.topic;
}

/** The subject of the sentence's main verb: the noun phrase before its first finite verb. */
export function mainSubject(view: SentenceView, ctx: DocContext, before: number): Mention[] {
  for (let v = 0; v < before; v++) {
    if (!(view.pos(v) === 'VERB' || view.pos(v) === 'AUX') || view.isAttributive(v) || view.isGerund(v)) continue;
    let j = view.chain(v).start - 1;
    while (j >= 0 && (view.inTime[j] === 1 || view.pos(j) === 'ADV')) j--;
    if (j < 0) return ctx.topic;
    if (view.pos(j) === 'PRON' && view.mentionIndex(j) < 0) return ctx.topic;
    const [a, b] = view.npEndingAt(j);
    return a <= b ? view.heads(a, b) : [];
  }
  return [];
}

/** The recipient by the entry's slots, in order of preference. */
export function recipientOf(view: SentenceView, slots: readonly string[], from: number, end: number): { mentions: Mention[]; viaWith: boolean } {
  for (const slot of slots) {
    if (slot === 'none') return { mentions: [], viaWith: false };
    if (slot === 'obj') {
      let adverbial = false;
      for (let k = from; k < end; k++) {
        // A place or time phrase ("in Hanoi", "after talks in Geneva") is not the object.
        if (view.pos(k) === 'ADP' || view.pos(k) === 'SCONJ') adverbial = ADVERBIAL_PREPOSITIONS.has(view.lower(k));
        const mi = view.mentionIndex(k);
        if (mi < 0 || adverbial) continue;
        const m = view.mentions[mi];
        const [, b] = view.npStartingAt(m.t0, end);
        return { mentions: view.heads(m.t0, Math.max(b, m.t1 - 1)), viaWith: false };
      }
      continue;
    }
    for (let k = from; k < end; k++) {
      if (view.lower(k) !== slot) continue;
      if (slot === 'to' && view.isInfinitiveTo(k)) continue;
      if (view.pos(k + 1) === 'CCONJ') {
        // A shared object: "established ties with and opened an embassy in Lima".
        for (let t = k + 2; t < view.n && !(view.isHardPunct(t) && !view.isComma(t)); t++) {
          const mi = view.mentionIndex(t);
          if (mi >= 0) return { mentions: [view.mentions[mi]], viaWith: slot === 'with' };
        }
        continue;
      }
      const [a, b] = view.npStartingAt(k + 1, end);
      const heads = a <= b ? view.heads(a, b) : [];
      if (heads.length) return { mentions: heads, viaWith: slot === 'with' };
    }
  }
  return { mentions: [], viaWith: false };
}

/**
 * A recipient found beyond the trigger's clause: the one a demand is addressed to ("demanded
 * that Peru free …"), or the recipient of the infinitive it governs ("threatened to cut
 * ties with Chile", "opened the port to allow shipments to Bolivia").
 */
export function borrowedRecipient(view: SentenceView, m: Match, end: number, byHead: ReadonlyMap<number, Match>): Mention[] {
  let k = m.last + 1;
  while (k < view.n && (view.pos(k) === 'ADV' || view.inTime[k])) k++;
  if ((m.entry.control === 'request' || m.entry.type === 'REQUEST') && view.lower(k) === 'that') {
    const [a, b] = view.npStartingAt(k + 1);
    return a <= b ? view.heads(a, b) : [];
  }
  let to = end;
  if (view.lower(to) !== 'to') to = k;
  if (view.lower(to) !== 'to') return [];
  let v = to + 1;
  while (view.pos(v) === 'ADV') v++;
  if (view.pos(v) !== 'VERB') return [];
  const inner = byHead.get(v);
  const start = (inner ? inner.headEnd : v) + 1;
  const innerEnd = view.clauseEnd(Math.max(start, inner ? inner.last + 1 : start));
  return recipientOf(view, inner ? inner.entry.recipient : ['obj'], start, innerEnd).mentions;
}

/** The subject of the if/unless clause that follows, if any. */
export function conditionSubject(view: SentenceView, from: number): Mention[] {
  const g = view.grammar;
  for (let k = from; k < view.n; k++) {
    if (view.isHardPunct(k) && !view.isComma(k)) return [];
    if (g.conditional.has(view.lower(k)) && view.lower(k) !== 'otherwise') {
      const [a, b] = view.npStartingAt(k + 1);
      return a <= b ? view.heads(a, b) : [];
    }
  }
  return [];
}

/** The first resolved mention after a token, up to the next comma or clause-final punctuation. */
export function firstResolvedAfter(view: SentenceView, from: number): Mention[] {
  for (let k = from; k < view.n; k++) {
    if (view.isHardPunct(k) || view.isClauseBreaker(k)) break;
    const mi = view.mentionIndex(k);
    if (mi >= 0 && view.mentions[mi].resolved) return [view.mentions[mi]];
  }
  return [];
}

/** The first place with a country after a token in the clause, as a participant. */
export function placeAfter(view: SentenceView, from: number, end: number): Mention[] {
  for (const p of view.places) {
    if (!p.country || p.start < view.token(Math.min(from, view.n - 1)).start) continue;
    if (end < view.n && p.start >= view.token(end).start) continue;
    if (p.end > view.sentence.end) continue;
    const [t0, t1] = view.tokenRange(p.start, p.end);
    // (Fields in SentenceView's order, as in resolvePronoun.)
    return [{ t0, t1, start: p.start, end: p.end, participant: { name: p.name, country: p.country, sector: null, ref: null }, resolved: true }];
  }
  return [];
}

/** The resolved mention nearest the trigger whose country is not the actor's, outside attributions. */
export function nearestOtherParty(view: SentenceView, i: number, actor: Mention[], speech: number[]): Mention[] {
  const countries = new Set(actor.map((a) => a.participant.country));
  const lastSpeech = speech.length ? speech[speech.length - 1] : -1;
  let best: Mention | null = null;
  let bestD = Infinity;
  for (const m of view.mentions) {
    if (!m.resolved || countries.has(m.participant.country)) continue;
    // Skip the speaker of a trailing attribution ("…, the police said").
    if (lastSpeech > i && m.t0 > i && m.t0 < lastSpeech && speech.every((s) => s > m.t1)) {
      let comma = false;
      for (let k = i; k < m.t0; k++) if (view.isComma(k)) comma = true;
      if (comma) continue;
    }
    const d = m.t0 > i ? m.t0 - i : i - m.t1;
    if (d < bestD) { best = m; bestD = d; }
  }
  return best ? [best] : [];
}
