/**
 * A light chunker over one sentence's tokens: noun phrases, verb chains (auxiliaries, negation,
 * control verbs), clause edges and the actor mentions that fall in them. Everything works on
 * token positions relative to the sentence, in one left-to-right pass per question.
 */
import type { Document } from '../document/document.js';
import type { Actor, Entity, EventParticipant, Place, Sentence, TimeExpression, Token } from '../document/types.js';
import type { ControlClass, Grammar } from './lexicon.js';
import { sortShort } from '../document/sort.js';

/** An actor mention in the sentence: an entity, with the participant it stands for. */
export interface Mention {
  /** First and one-past-last token (sentence-relative). */
  t0: number;
  t1: number;
  start: number;
  end: number;
  participant: EventParticipant;
  resolved: boolean;
}

export interface ChainControl {
  index: number;
  cls: ControlClass;
  lemma: string;
  /** First token of the object noun phrase of an object-control verb ("urged Iraq to …"). */
  object?: number;
}

/** The verb group in front of a trigger: "has not been", "will", "is willing to", "could help". */
export interface VerbChain {
  /** First token of the chain (the trigger itself when nothing precedes it). */
  start: number;
  aux: string[];
  negated: boolean;
  passive: boolean;
  controls: ChainControl[];
  /** The trigger heads a purpose infinitive ("… to allow the shipments"). */
  purpose: boolean;
}

const BE = new Set(['is', 'was', 'were', 'are', 'am', 'be', 'been', 'being', "'s", 'get', 'got', 'gets', 'getting', 'gotten']);
const NP_POS = new Set(['NOUN', 'PROPN', 'ADJ', 'DET', 'NUM', 'SYM', 'PART']);
const PERFECT = new Set(['have', 'has', 'had', 'having']);
const POSSESSIVE = new Set(['his', 'her', 'its', 'their', 'our', 'my', 'your']);
/** Punctuation that does not close a clause. */
const SOFT_PUNCT = new Set(['-', "'", '’', '"', '“', '”', '`', '``', "''", '(', ')']);
const QUOTE_MARKS = new Set(['"', '“', '”', '``', "''", '`']);
const NOUN_POS = new Set(['NOUN', 'PROPN']);
const NO_TIMES: readonly number[] = Object.freeze([]);
/** What may govern a 'to' infinitive as a control word, and what may be the one asked to act. */
const CONTROL_POS = new Set(['VERB', 'ADJ', 'AUX', 'NOUN', 'ADV']);
const ASKED_POS = new Set(['NOUN', 'PROPN', 'PRON', 'NUM']);
const ASKED_NP_POS = new Set(['NOUN', 'PROPN', 'ADJ', 'DET', 'NUM']);

/** The word ends with one of the suffixes (the test a regex like /(ed|en)$/ makes, without one). */
export function endsWithAny(word: string, a: string, b: string, c?: string): boolean {
  return word.endsWith(a) || word.endsWith(b) || (c !== undefined && word.endsWith(c));
}

/** Mentions in token order, the longer first where two start together. */
const byStartThenLonger = (a: Mention, b: Mention): number => a.t0 - b.t0 || b.t1 - a.t1;

export class SentenceView {
  /**
   * The document's tokens and where the sentence starts in them: token i of the sentence is
   * all[base + i]. Reading through an offset rather than a slice saves an array per sentence.
   */
  private readonly all: readonly Token[];
  private readonly base: number;
  readonly n: number;
  private readonly lemmas: string[];
  readonly mentions: Mention[];
  /**
   * Token → index of the mention covering it, or -1; read through mentionIndex. Plain arrays, not
   * typed ones: a typed array per sentence costs more to make than the reads gain.
   */
  private readonly mentionAt: readonly number[];
  /**
   * Token lies inside a time expression: 1, else 0 or undefined (read as a flag either way). Most
   * sentences name no time and share one empty list, which nothing writes to.
   */
  readonly inTime: readonly number[];

  /** The sentence's own time expressions and places (all of them when not given). */
  readonly times: readonly TimeExpression[];
  readonly places: readonly Place[];

  constructor(
    readonly doc: Document,
    readonly sentence: Sentence,
    readonly grammar: Grammar,
    actorsById: ReadonlyMap<string, Actor>,
    layers: { entities?: readonly Entity[]; times?: readonly TimeExpression[]; places?: readonly Place[] } = {},
  ) {
    this.times = layers.times ?? doc.times ?? [];
    this.places = layers.places ?? doc.places ?? [];
    const all = (this.all = doc.tokens ?? []);
    const base = (this.base = sentence.tokenStart);
    // As many tokens as slice(tokenStart, tokenEnd) would give.
    const n = (this.n = Math.max(0, Math.min(sentence.tokenEnd, all.length) - base));
    const lemmas: string[] = new Array(n);
    const mentionAt: number[] = new Array(n);
    for (let i = 0; i < n; i++) {
      lemmas[i] = all[base + i].lemma.toLowerCase();
      mentionAt[i] = -1;
    }
    this.lemmas = lemmas;
    this.mentionAt = mentionAt;
    const entities = layers.entities ?? doc.entities ?? [];
    const mentions: Mention[] = [];
    for (let k = 0; k < entities.length; k++) {
      const e = entities[k];
      if (e.end <= sentence.start || e.start >= sentence.end) continue;
      const t0 = this.firstTokenEndingAfter(e.start);
      const t1 = this.firstTokenFrom(t0, e.end);
      if (t0 >= t1) continue;
      const actor = e.actor ? actorsById.get(e.actor) : undefined;
      const participant: EventParticipant = actor
        ? { name: actor.name, country: actor.country, sector: actor.sector, ref: actor.id }
        : { name: e.text, country: null, sector: null, ref: null };
      mentions.push({ t0, t1, start: e.start, end: e.end, participant, resolved: Boolean(actor && actor.country) });
    }
    if (mentions.length > 1) {
      sortShort(mentions, byStartThenLonger);
      // Nested entities ("Russian" inside "Russian forces"): the outer one owns the tokens. The
      // list is compacted in place: a mention covered by an earlier one that was itself dropped
      // is covered by the kept one that covered that (covering is transitive), so testing the
      // kept ones finds every cover.
      let kept = 0;
      for (let k = 0; k < mentions.length; k++) {
        const m = mentions[k];
        let nested = false;
        for (let o = 0; o < kept && !nested; o++) nested = mentions[o].t0 <= m.t0 && mentions[o].t1 >= m.t1;
        if (!nested) mentions[kept++] = m;
      }
      mentions.length = kept;
    }
    for (let k = 0; k < mentions.length; k++) for (let i = mentions[k].t0; i < mentions[k].t1; i++) mentionAt[i] = k;
    this.mentions = mentions;
    let inTime: number[] | null = null;
    for (const t of this.times) {
      if (t.end <= sentence.start || t.start >= sentence.end) continue;
      const t0 = this.firstTokenEndingAfter(t.start);
      const t1 = this.firstTokenFrom(t0, t.end);
      if (t0 < t1 && !inTime) inTime = new Array<number>(n).fill(0);
      for (let i = t0; i < t1; i++) (inTime as number[])[i] = 1;
    }
    this.inTime = inTime ?? NO_TIMES;
  }

  /** Token i of the sentence (undefined outside it). */
  private at(i: number): Token | undefined {
    return i >= 0 && i < this.n ? this.all[this.base + i] : undefined;
  }

  /** Token i of the sentence; i must lie inside it. */
  token(i: number): Token {
    return this.at(i) as Token;
  }

  /** Sentence-relative token range [t0, t1) overlapping a character span. */
  tokenRange(start: number, end: number): [number, number] {
    const t0 = this.firstTokenEndingAfter(start);
    return [t0, this.firstTokenFrom(t0, end)];
  }

  /**
   * The first token that ends after a character offset (n when none does). Tokens are in text
   * order, so their ends rise: a binary search finds what a scan from the first token would, with
   * a few token reads instead of one per token before the span.
   */
  private firstTokenEndingAfter(start: number): number {
    let lo = 0, hi = this.n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.all[this.base + mid].end <= start) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** From t, the first token that starts at or after a character offset (n when none does). */
  private firstTokenFrom(t: number, end: number): number {
    while (t < this.n && this.all[this.base + t].start < end) t++;
    return t;
  }

  /**
   * The index of the mention covering token i, -1 for none, and undefined outside the sentence
   * (every caller compares it, and a comparison with undefined is false, as the array read gave).
   * Bounds checked: callers ask for i - 1 at the first token, and an array read at a negative index
   * is a named-property lookup ("-1") that costs far more than an element read.
   */
  mentionIndex(i: number): number {
    return i >= 0 && i < this.n ? this.mentionAt[i] : (undefined as unknown as number);
  }

  lower(i: number): string { return this.at(i)?.lower ?? ''; }
  // Bounds checked, as mentionIndex is.
  lemma(i: number): string { return i >= 0 && i < this.n ? this.lemmas[i] : ''; }
  kind(i: number): string { return this.at(i)?.kind ?? ''; }
  pos(i: number): string { return this.at(i)?.pos ?? ''; }

  isComma(i: number): boolean { return this.lower(i) === ','; }

  /** Punctuation that closes a clause (a hyphen or apostrophe does not). */
  isHardPunct(i: number): boolean {
    const t = this.at(i);
    if (!t || t.pos !== 'PUNCT') return false;
    // A dash between two words with no space joins them ("Putin–Xi meeting").
    if ((t.lower === '–' || t.lower === '—' || t.lower === '/') && this.at(i - 1)?.end === t.start && this.at(i + 1)?.start === t.end) return false;
    return !SOFT_PUNCT.has(t.lower);
  }

  isQuoteMark(i: number): boolean { return QUOTE_MARKS.has(this.lower(i)); }

  isVerb(i: number): boolean { return this.pos(i) === 'VERB'; }

  /** A word that starts a subordinate or relative clause. */
  isClauseBreaker(i: number): boolean {
    const p = this.pos(i);
    const w = this.lower(i);
    if (p === 'SCONJ') return true;
    // The tag first: it is a pointer comparison, the word lists are hash lookups.
    if ((p === 'PRON' || p === 'DET' || p === 'ADV') && this.grammar.relativePronouns.has(w)) return true;
    return p !== 'ADP' && p !== 'ADV' && p !== 'DET' && p !== 'PRON' && this.grammar.clauseBreakers.has(w);
  }

  /** A participle used as an adjective: "the proposed talks", "a state-owned newspaper". */
  isAttributive(i: number): boolean {
    const prev = this.pos(i - 1);
    const next = this.pos(i + 1);
    const w = this.lower(i);
    if (this.lower(i - 1) === '-') return true;
    if ((prev === 'DET' || prev === 'ADJ' || POSSESSIVE.has(this.lower(i - 1))) && (next === 'NOUN' || next === 'ADJ' || next === 'PROPN')) return true;
    if ((prev === 'VERB' || prev === 'ADP') && !PERFECT.has(this.lower(i - 1)) && w.endsWith('ed') && (next === 'NOUN' || next === 'ADJ' || next === 'PROPN')) return true;
    return (prev === 'DET') && endsWithAny(w, 'ed', 'en');
  }

  /** A gerund used as a noun: after a preposition ("accused X of violating") or opening a clause. */
  isGerund(i: number): boolean {
    if (!this.lower(i).endsWith('ing')) return false;
    const prev = this.pos(i - 1);
    return i === 0 || prev === 'ADP' || prev === 'SCONJ' || prev === 'DET' || this.lower(i - 1) === 'that' ||
      (prev === 'PRON' && POSSESSIVE.has(this.lower(i - 1)));
  }

  /**
   * A participle that modifies the noun before it rather than heading the clause: "migrants
   * ordered out of the country", "land seized by the army". The noun phrase it follows
   * is itself an object (after a verb or preposition), so the clause's verb is elsewhere.
   */
  isReducedRelative(i: number): boolean {
    if (!endsWithAny(this.lower(i), 'ed', 'en', 'wn')) return false;
    if (!NOUN_POS.has(this.pos(i - 1)) && this.mentionIndex(i - 1) < 0) return false;
    const [a] = this.npEndingAt(i - 1);
    let k = a - 1;
    while (k >= 0 && this.pos(k) === 'ADV') k--;
    if (k < 0 || this.grammar.clauseBreakers.has(this.lower(k))) return false;
    if (this.pos(k) === 'ADP' || this.lower(k) === 'to') {
      // "… to migrants ordered out", but not a fronted phrase ("In Kharkiv, troops attacked").
      for (let v = k - 1; v >= 0; v--) {
        if (this.isHardPunct(v) || this.isClauseBreaker(v)) return false;
        if ((this.pos(v) === 'VERB' || this.pos(v) === 'AUX') && !this.isAttributive(v)) return true;
      }
      return false;
    }
    // After a verb the noun phrase is its object, unless the verb reports or opens a clause
    // ("officials said Russian forces shelled …").
    return this.pos(k) === 'VERB' && !this.grammar.speechVerbs.has(this.lemma(k)) && !this.grammar.unconfirmedVerbs.has(this.lemma(k));
  }

  /** Reads the verb group leftwards from a trigger. */
  chain(i: number): VerbChain {
    const g = this.grammar;
    const chain: VerbChain = { start: i, aux: [], negated: false, passive: false, controls: [], purpose: false };
    let j = i - 1;
    // Passive: a form of be/get right before a participle ("was shelled", "has been arrested").
    let k = j;
    while (k >= 0 && this.pos(k) === 'ADV' && !g.negation.has(this.lower(k))) k--;
    const w = this.lower(i);
    if (k >= 0 && BE.has(this.lower(k)) && !w.endsWith('ing') && this.pos(i) !== 'NOUN' &&
        (w !== this.lemma(i) || this.lower(k) === 'been' || this.lower(k) === 'being')) chain.passive = true;
    // A reduced passive: "a dinner given by the ambassador".
    if (w.endsWith('ed') && this.lower(i + 1) === 'by' && k >= 0 && (this.pos(k) === 'NOUN' || this.pos(k) === 'PROPN') &&
        (this.mentionIndex(i + 2) >= 0 || (this.pos(i + 2) === 'DET' && this.mentionIndex(i + 3) >= 0))) chain.passive = true;
    while (j >= 0) {
      const t = this.lower(j);
      const p = this.pos(j);
      if (g.negation.has(t) && (p === 'PART' || p === 'ADV' || p === 'DET' || t === "n't")) { chain.negated = true; j--; continue; }
      if (p === 'ADV' || this.isQuoteMark(j)) { j--; continue; }
      if (p === 'AUX' || g.modalFuture.has(t) || g.modalWould.has(t) || g.modalHypothetical.has(t) || (PERFECT.has(t) && j === i - 1)) { chain.aux.push(t); j--; continue; }
      // "denied attacking", "began shelling": a gerund complement of a governing verb.
      if (p === 'VERB' && j === i - 1 && this.lower(i).endsWith('ing')) {
        const cls = g.control.get(this.lower(j)) ?? g.control.get(this.lemma(j));
        if (cls) { chain.controls.push({ index: j, cls, lemma: this.lemma(j) }); j--; continue; }
      }
      if (t === 'to' && (p === 'PART' || p === 'ADP')) {
        let c = j - 1;
        while (c >= 0 && this.pos(c) === 'ADV') c--;
        const cls = g.control.get(this.lower(c)) ?? g.control.get(this.lemma(c));
        if (c >= 0 && cls && CONTROL_POS.has(this.pos(c))) {
          chain.controls.push({ index: c, cls, lemma: this.lemma(c) });
          j = c - 1;
          continue;
        }
        if (c >= 0 && (ASKED_POS.has(this.pos(c)) || this.mentionIndex(c) >= 0)) {
          // "urged Iraq to expel", "called on Arabs to unite": the one asked is the one to act.
          let a = this.mentionIndex(c) >= 0 ? this.mentions[this.mentionIndex(c)].t0 : c;
          while (a > 0 && ASKED_NP_POS.has(this.pos(a - 1)) && this.mentionIndex(a - 1) < 0) a--;
          let v = a - 1;
          if (this.lower(v) === 'on' || this.lower(v) === 'upon') v--;
          while (v >= 0 && (this.pos(v) === 'ADV' || this.inTime[v])) v--;
          const vcls = v >= 0 ? (g.control.get(this.lower(v)) ?? g.control.get(this.lemma(v))) : undefined;
          if ((vcls === 'request' || vcls === 'planned') && this.pos(v) === 'VERB') {
            chain.controls.push({ index: v, cls: vcls, lemma: this.lemma(v), object: a });
            j = v - 1;
            continue;
          }
          chain.purpose = true;
        }
        if (c >= 0 && this.isVerb(c)) chain.purpose = true;
        break;
      }
      // Bare-infinitive complements: "could help unlock", "let them leave".
      if (p === 'VERB' && j === i - 1 && (this.lemma(j) === 'help' || this.lemma(j) === 'let' || this.lemma(j) === 'make')) {
        chain.controls.push({ index: j, cls: 'transparent', lemma: this.lemma(j) });
        j--;
        continue;
      }
      break;
    }
    chain.start = j + 1;
    // "plans to tighten controls and impose a curfew", "would halt aid and close the border": a
    // coordinated verb shares the first conjunct's auxiliaries and governing verbs.
    while (j >= 0 && this.isQuoteMark(j)) j--;
    if (j >= 0 && this.pos(j) === 'CCONJ' && chain.aux.length === 0 && chain.controls.length === 0) {
      for (let k = j - 1; k >= 0; k--) {
        if (this.isHardPunct(k) || this.isClauseBreaker(k)) break;
        if (this.pos(k) === 'VERB' && !this.isAttributive(k)) {
          const first = this.chain(k);
          chain.aux.push(...first.aux);
          chain.controls.push(...first.controls);
          chain.negated ||= first.negated;
          chain.purpose ||= first.purpose;
          break;
        }
      }
    }
    return chain;
  }

  /** Can token i be part of a noun phrase that is read leftwards? */
  npToken(i: number): boolean {
    const p = this.pos(i);
    const w = this.lower(i);
    if (this.mentionIndex(i) >= 0) return true;
    if (NP_POS.has(p)) return p !== 'PART' || w === "'s" || w === "'" || w === '’s';
    if (p === 'PRON') return POSSESSIVE.has(w);
    if (p === 'PUNCT') return w === '-' || w === '(' || w === ')';
    if (p === 'VERB') return this.isAttributive(i) || (this.pos(i + 1) === 'NOUN' && endsWithAny(w, 'ed', 'en'));
    return false;
  }

  /** The noun phrase that ends at token j, read leftwards: [a, j]; a > j when there is none. */
  npEndingAt(j: number, floor = 0): [number, number] {
    const g = this.grammar;
    let a = j + 1;
    let i = j;
    if (i >= floor && this.pos(i) === 'PRON' && g.personalPronouns.has(this.lower(i))) return [i, i];
    while (i >= floor) {
      if (this.npToken(i)) { a = i; i--; continue; }
      const w = this.lower(i);
      const p = this.pos(i);
      // "X and Y", "X of Y", "Rebels in the north": keep going when an NP continues on the left.
      if ((p === 'CCONJ' && g.coordinators.has(w)) || (p === 'ADP' && g.npPrepositions.has(w)) || (w === ',' && this.listComma(i))) {
        if (i - 1 >= floor && this.npToken(i - 1)) { a = i; i--; continue; }
        // "Chile along with its neighbours", "X together with Y".
        if (w === 'with' && i - 2 >= floor && (this.lower(i - 1) === 'along' || this.lower(i - 1) === 'together') && this.npToken(i - 2)) { a = i - 1; i -= 2; continue; }
        // A participle modifier: "an agency working in Chad", "a paper based in Lima".
        if (p === 'ADP' && i - 2 >= floor && this.pos(i - 1) === 'VERB' && endsWithAny(this.lower(i - 1), 'ing', 'ed') &&
            (this.pos(i - 2) === 'NOUN' || this.pos(i - 2) === 'PROPN' || this.mentionIndex(i - 2) >= 0)) { a = i - 1; i -= 2; continue; }
      }
      break;
    }
    return [a, j];
  }

  /** A comma inside a list of names: "Chile, Peru and Bolivia". */
  private listComma(i: number): boolean {
    if (this.mentionIndex(i - 1) < 0 || this.mentionIndex(i + 1) < 0) return false;
    for (let k = i + 1; k < this.n && k < i + 12; k++) {
      if (this.grammar.coordinators.has(this.lower(k))) return true;
      if (this.isHardPunct(k) && !this.isComma(k)) return false;
    }
    return false;
  }

  /** The noun phrase that starts at token i, read rightwards: [i, b]. */
  npStartingAt(i: number, limit = this.n): [number, number] {
    const g = this.grammar;
    let b = i - 1;
    let k = i;
    while (k < limit) {
      if (this.npToken(k) || (this.pos(k) === 'PRON' && k === i)) { b = k; k++; continue; }
      const w = this.lower(k);
      const p = this.pos(k);
      if ((p === 'CCONJ' && g.coordinators.has(w)) || (p === 'ADP' && g.npPrepositions.has(w)) || (w === ',' && this.listComma(k))) {
        if (k + 1 < limit && (this.npToken(k + 1) || this.pos(k + 1) === 'DET')) { k++; continue; }
      }
      break;
    }
    return [i, b];
  }

  /** Mention indices inside [a, b]. */
  mentionsIn(a: number, b: number): number[] {
    const out: number[] = [];
    for (let i = a; i <= b; i++) {
      const m = this.mentionIndex(i);
      if (m >= 0 && out[out.length - 1] !== m) out.push(m);
    }
    return out;
  }

  /**
   * The heads of a noun phrase: mentions not inside a modifying prepositional phrase, with
   * coordination kept ("Hungarian and Romanian officials" → both) and possessors dropped when
   * the possessed noun is itself an actor ("Peru's deputy foreign minister").
   */
  heads(a: number, b: number): Mention[] {
    // Most noun phrases hold no mention or one, and one mention is its own head.
    const idx = this.mentionsIn(a, b);
    if (idx.length < 2) return idx.map((k) => this.mentions[k]);
    const inPP = (m: Mention) => {
      for (let k = m.t0 - 1; k >= a; k--) {
        const p = this.pos(k);
        if (p === 'ADP') return true;
        if (p === 'CCONJ' || this.isComma(k) || this.mentionIndex(k) >= 0) return false;
      }
      return false;
    };
    let cand = idx.map((k) => this.mentions[k]);
    // A possessive pronoun ("his promise to the Chilean people") is never the head.
    const notPossessive = cand.filter((m) => !(m.t1 - m.t0 === 1 && POSSESSIVE.has(this.lower(m.t0))));
    if (notPossessive.length) cand = notPossessive;
    const outside = cand.filter((m) => !inPP(m));
    // A head the dictionary could not place ("families in Chad") yields to a placed modifier.
    if (outside.some((m) => m.resolved) || !cand.some((m) => m.resolved)) cand = outside.length ? outside : cand;
    const group: Mention[] = [cand[0]];
    for (let k = 1; k < cand.length; k++) {
      const prev = group[group.length - 1];
      const m = cand[k];
      let coordinated = false;
      for (let t = prev.t1; t < m.t0; t++) {
        if (this.grammar.coordinators.has(this.lower(t)) || this.isComma(t)) coordinated = true;
      }
      if (coordinated) group.push(m);
      else if (m.resolved || !prev.resolved) group[group.length - 1] = m;
    }
    return group.some((m) => m.resolved) ? group.filter((m) => m.resolved) : group;
  }

  /** 'to' opening an infinitive ("to allow"), not a preposition ("to war-torn Yemen"). */
  isInfinitiveTo(k: number): boolean {
    return this.lower(k) === 'to' && this.pos(k + 1) === 'VERB' && this.lower(k + 2) !== '-';
  }

  /** Token index of the next clause edge at or after i, or n. */
  clauseEnd(i: number): number {
    for (let k = i; k < this.n; k++) {
      if (this.isClauseBreaker(k)) return k;
      if (this.isHardPunct(k) && !this.isComma(k)) return k;
      if (this.isComma(k) && !this.listComma(k)) return k;
      if (this.isQuoteMark(k)) return k;
      // "… and said", "but was refusing": a coordinated verb phrase starts a new clause.
      if (this.pos(k) === 'CCONJ' && (this.pos(k + 1) === 'VERB' || this.pos(k + 1) === 'AUX')) return k;
      if (this.isInfinitiveTo(k)) return k;
    }
    return this.n;
  }
}
