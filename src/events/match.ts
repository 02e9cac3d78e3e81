/**
 * Trigger matching: finds, at each token, the lexicon pattern that fits best (phrasal verbs,
 * light verbs with their object nouns, object classes that set mode and CAMEO code).
 */
import { candidateScore, suffixGuesses, type LexiconEntry, type Lexicon, type ObjectRow, type ObjectRows, type TriggerCandidate } from './lexicon.js';
import { endsWithAny, type SentenceView } from './sentence.js';

export const POSSESSIVE_OR_DET = new Set(['his', 'her', 'its', 'their', 'our', 'my', 'your', 'the', 'a', 'an', 'this', 'that', 'these', 'those']);

export const ADVERBIAL_PREPOSITIONS = new Set(['in', 'at', 'after', 'before', 'during', 'near', 'outside', 'since', 'following', 'amid', 'despite', 'until', 'while', 'inside', 'throughout']);

// Word classes the helpers below test, made once rather than as a literal on every call.
const FIGURATIVE_OBJECT_GAP = new Set(['DET', 'ADJ', 'NUM', 'PRON', 'ADV']);
const OBJECT_GAP_POS = new Set(['DET', 'ADJ', 'NOUN', 'PROPN', 'NUM', 'SYM', 'ADV', 'PRON']);
const NOMINAL_POS = new Set(['NOUN', 'ADJ', 'PROPN']);

/** A lexicon pattern matched at a token. */
export interface Match {
  entry: LexiconEntry;
  /** Trigger head, its last particle and the last matched token (sentence-relative, inclusive). */
  head: number;
  headEnd: number;
  last: number;
  row: ObjectRow | null;
}

/**
 * Finds the entry that best matches at token i, or null. Not re-entrant: it keeps its per-call
 * answers in module state (posAnswers, matched), which is safe because reading is synchronous and
 * nothing it calls calls it again.
 */
export function matchAt(view: SentenceView, i: number, lexicon: Lexicon): Match | null {
  // Only the forms the lexicon indexes can yield candidates or pass the alternative check below
  // (every alternative's lemma is an index key), so the others are never looked at. Most tokens
  // have no such form, and most of the rest have one: neither builds a list of forms.
  const triggers = lexicon.triggers;
  const lemma = view.lemma(i);
  const lower = view.lower(i);
  const lemmaHeld = triggers.has(lemma);
  const lowerHeld = lower !== lemma && triggers.has(lower);
  const guesses = guessable(view, i, lower) ? triggers.guesses(lower) : NO_FORMS;
  if (!lemmaHeld && !lowerHeld && guesses.length === 0) return null;
  // The one form, when every form found is the same word: an inflection the lemmatiser already
  // undid gives its lemma again as a guess ("attacked": lemma "attack", guess "attack").
  const form = lemmaHeld ? lemma : lowerHeld ? lower : guesses[0];
  let single = !(lemmaHeld && lowerHeld);
  for (let g = 0; g < guesses.length && single; g++) single = guesses[g] === form;
  // The one form's candidates were listed and scored at load; several forms' are listed here,
  // in the same order (entry, then alternative) as one form's would be.
  const candidates = single
    ? lexicon.candidatesByLemma.get(form) as readonly TriggerCandidate[]
    : candidatesOfForms(lexicon, lemmaHeld ? lemma : null, lowerHeld ? lower : null, guesses);
  let best: Match | null = null;
  let bestScore = -1;
  posAnswers.fill(-1);
  for (const cand of candidates) {
    const { entry, score } = cand;
    // A lower score can never win; an equal one only from an earlier entry.
    if (score < bestScore || (score === bestScore && best && entry.order >= best.entry.order)) continue;
    if (!matchPattern(view, i, entry, cand.particles)) continue;
    best = { entry, head: i, headEnd: matched.headEnd, last: matched.last, row: null };
    bestScore = score;
  }
  if (best) best.row = objectRow(view, best);
  return best;
}

const NO_FORMS: readonly string[] = Object.freeze([]);

/** The candidates of a token with several indexed forms: each entry once, its alternatives with any of the forms. */
function candidatesOfForms(lexicon: Lexicon, lemma: string | null, lower: string | null, guesses: readonly string[]): TriggerCandidate[] {
  const forms: string[] = [];
  if (lemma !== null) forms.push(lemma);
  if (lower !== null) forms.push(lower);
  for (const g of guesses) forms.push(g);
  const merged: LexiconEntry[] = [];
  for (const f of forms) for (const e of lexicon.byLemma.get(f) as readonly LexiconEntry[]) if (!merged.includes(e)) merged.push(e);
  const out: TriggerCandidate[] = [];
  for (const entry of merged) {
    for (const alt of entry.alternatives) if (forms.includes(alt.lemma)) out.push({ entry, particles: alt.particles, score: candidateScore(entry, alt) });
  }
  return out;
}

/**
 * The lemma wink-nlp gives, the lower-cased form, and regular guesses where the lemmatiser left an
 * inflected form alone ("retaken" → "retake", "shelled" → "shell").
 */
function lemmaForms(view: SentenceView, i: number): string[] {
  const lemma = view.lemma(i);
  const lower = view.lower(i);
  const forms = [lemma];
  if (lower !== lemma) forms.push(lower);
  if (guessable(view, i, lower)) forms.push(...suffixGuesses(lower));
  return forms;
}

/** Only words long enough to carry a suffix, and only content words, get guesses. */
function guessable(view: SentenceView, i: number, lower: string): boolean {
  return lower.length > 4 && view.kind(i) === 'word';
}

/**
 * triggerPosOk's answers for the token matchAt is at, by the three things it reads of an entry
 * (noun, anyPos, multiword; -1: not asked yet): a word with several candidate entries ("hold",
 * "call") asks the same question of the same token once per entry, and the verb test walks the
 * clause. matchAt clears them before it tries a token's candidates; nothing else calls matchPattern.
 */
const posAnswers = new Int8Array(8);

function triggerPosOk(view: SentenceView, i: number, entry: LexiconEntry, multiword: boolean): boolean {
  const key = (entry.noun ? 4 : 0) | (entry.anyPos ? 2 : 0) | (multiword ? 1 : 0);
  let answer = posAnswers[key];
  if (answer < 0) posAnswers[key] = answer = posOk(view, i, entry.noun, entry.anyPos, multiword) ? 1 : 0;
  return answer === 1;
}

function posOk(view: SentenceView, i: number, noun: boolean, anyPos: boolean, multiword: boolean): boolean {
  const p = view.pos(i);
  if (noun) return p === 'NOUN' || p === 'PROPN' || (p === 'VERB' && view.isGerund(i));
  // wink-nlp tags some verbs after a plural subject as nouns ("forces step up attacks"); a
  // phrasal or light-verb pattern is evidence enough when a subject noun phrase precedes it.
  if (p === 'NOUN' && multiword && view.mentionIndex(i) < 0) {
    const prev = view.pos(i - 1);
    if ((prev === 'NOUN' || prev === 'PROPN' || prev === 'PRON') && !POSSESSIVE_OR_DET.has(view.lower(i - 1))) return true;
  }
  if (anyPos) return p !== 'NOUN' || view.pos(i + 1) === 'PART';
  if (p === 'VERB') return !view.isAttributive(i) && !view.isGerund(i) && !view.isReducedRelative(i);
  // wink-nlp sometimes tags a participle after an auxiliary as an adjective or noun ("was shelled").
  if ((p === 'ADJ' || p === 'NOUN') && endsWithAny(view.lower(i), 'ed', 'en') && view.pos(i - 1) === 'AUX') return true;
  return (p === 'ADJ' || p === 'NOUN') && view.mentionIndex(i) < 0 && looksFinite(view, i);
}

/**
 * A word the tagger took for a noun or adjective that stands where the clause's verb must be:
 * after the subject, before its object, with no other verb in the clause ("Qatar mediated
 * between …", "if Armenian troops attack Azerbaijan").
 */
function looksFinite(view: SentenceView, i: number): boolean {
  const prev = view.pos(i - 1);
  const next = view.pos(i + 1);
  if (!(view.mentionIndex(i - 1) >= 0 || prev === 'PRON' || (prev === 'NOUN' && view.lower(i - 1).endsWith('s')))) return false;
  if (POSSESSIVE_OR_DET.has(view.lower(i - 1))) return false;
  // "a Putin–Xi meeting": a determiner before the noun phrase makes it a noun.
  for (let k = i - 1; k >= 0; k--) {
    const p = view.pos(k);
    if (view.lower(k) === 'that') break;
    if (POSSESSIVE_OR_DET.has(view.lower(k)) || p === 'DET') return false;
    if (!(view.mentionIndex(k) >= 0 || p === 'PROPN' || p === 'NOUN' || p === 'ADJ' || p === 'PUNCT' && view.lower(k) !== ',')) break;
  }
  if (!(next === 'DET' || next === 'PROPN' || next === 'ADP' || next === 'PRON' || view.mentionIndex(i + 1) >= 0)) return false;
  for (let k = i - 1; k >= 0 && !view.isHardPunct(k) && !view.isClauseBreaker(k); k--) if (view.pos(k) === 'VERB' || view.pos(k) === 'AUX') return false;
  for (let k = i + 1; k < view.n && !view.isHardPunct(k) && !view.isClauseBreaker(k); k++) if (view.pos(k) === 'VERB' || view.pos(k) === 'AUX') return false;
  return true;
}

/**
 * What the last successful matchPattern found: the last particle of the head and the last matched
 * token. Module state rather than a returned object, read right after the call that set it.
 */
const matched = { headEnd: 0, last: 0 };

/** Matches the pattern at i; when it fits, `matched` holds where. */
function matchPattern(view: SentenceView, i: number, entry: LexiconEntry, particles: readonly string[]): boolean {
  if (!triggerPosOk(view, i, entry, particles.length > 0 || entry.items.length > 0)) return false;
  let cur = i;
  for (const particle of particles) {
    let k = cur + 1;
    while (k < view.n && k <= cur + 2 && (view.pos(k) === 'ADV' || view.pos(k) === 'PRON') && view.lower(k) !== particle) k++;
    if (view.lower(k) !== particle) return false;
    cur = k;
  }
  const headEnd = cur;
  if (entry.needsComplement && !complementFollows(view, cur)) return false;
  if (entry.type === 'ASSAULT' && figurative(view, cur)) return false;
  if (entry.controlOnly) {
    let k = cur + 1;
    while (view.pos(k) === 'ADV') k++;
    if (view.lower(k) !== 'to' || view.pos(k + 1) !== 'VERB') return false;
  }
  for (const item of entry.items) {
    let found = -1;
    if (item.kind === 'word') {
      for (let k = cur + 1; k < view.n && k <= cur + (entry.noun ? 10 : 6); k++) {
        const lower = view.lower(k), lemma = view.lemma(k);
        if (item.words.has(lower) || (lemma !== lower && item.words.has(lemma)) || (entry.noun && lemmaForms(view, k).some((f) => item.words.has(f)))) { found = k; break; }
        // An event noun waits for its verb past auxiliaries and its own modifiers
        // ("riots against the new tax are still spreading").
        if (entry.noun && (view.pos(k) === 'AUX' || view.pos(k) === 'ADV' || view.pos(k) === 'ADP' || view.pos(k) === 'DET' ||
          view.pos(k) === 'ADJ' || view.pos(k) === 'NOUN' || view.pos(k) === 'PROPN' || view.mentionIndex(k) >= 0 || view.pos(k) === 'CCONJ')) continue;
        if (view.isHardPunct(k) || view.isClauseBreaker(k) || view.pos(k) === 'VERB' || view.pos(k) === 'AUX') break;
      }
    } else {
      for (let k = cur + 1; k < view.n && k <= cur + 12; k++) {
        // The lemma is asked only when it is another word: most are their own lemma.
        const lower = view.lower(k), lemma = view.lemma(k);
        if (item.words.has(lower) || (lemma !== lower && item.words.has(lemma))) { found = k; break; }
        if (!objectGap(view, k)) break;
      }
    }
    if (found < 0) return false;
    cur = found;
  }
  matched.headEnd = headEnd;
  matched.last = cur;
  return true;
}

/** A 'to' infinitive or a that-clause follows within the clause ("ordered the army to withdraw"). */
function complementFollows(view: SentenceView, from: number): boolean {
  for (let k = from + 1; k < view.n && k <= from + 10; k++) {
    if (view.lower(k) === 'that' || view.isInfinitiveTo(k)) return true;
    if (view.isHardPunct(k) || view.pos(k) === 'VERB' || view.pos(k) === 'AUX') return false;
  }
  return false;
}

/**
 * A violent verb used figuratively: its object is a thing that cannot be attacked ("the deal had
 * been killed", "fought an illness"), or it means striving ("fighting to save the currency").
 */
function figurative(view: SentenceView, at: number): boolean {
  const g = view.grammar;
  if (view.isInfinitiveTo(at + 1)) return true;
  for (let k = at + 1; k < view.n && k <= at + 5; k++) {
    const p = view.pos(k);
    if (p === 'NOUN' || p === 'PROPN' || view.mentionIndex(k) >= 0) {
      // The object's head: the last noun of the run ("a rare illness", "the bill").
      let h = k;
      while (h + 1 < view.n && view.pos(h + 1) === 'NOUN') h++;
      return g.figurativeObjects.has(view.lemma(h)) || g.figurativeObjects.has(view.lower(h));
    }
    if (!FIGURATIVE_OBJECT_GAP.has(p)) break;
  }
  // In the passive the object is the subject: "the bill had been killed".
  let s = at - 1;
  while (s >= 0 && (view.pos(s) === 'AUX' || view.pos(s) === 'ADV' || view.pos(s) === 'PART')) s--;
  return s < at - 1 && s >= 0 && (g.figurativeObjects.has(view.lemma(s)) || g.figurativeObjects.has(view.lower(s)));
}

/** Tokens that may stand between a verb and the head of its object noun phrase. */
function objectGap(view: SentenceView, k: number): boolean {
  const p = view.pos(k);
  const w = view.lower(k);
  if (OBJECT_GAP_POS.has(p)) return true;
  if (p === 'PART') return w === "'s" || w === '’s' || w === 'to';
  if (p === 'PUNCT') return w === '-' || w === '(' || w === ')' || w === '$';
  if (p === 'ADP') return w === 'of' || w === 'in' || (w === 'to' && view.lower(k - 1) === '-') || (w === 'by' && view.pos(k + 1) === 'NUM');
  if (p === 'VERB') return endsWithAny(w, 'ed', 'en', 'ing') && NOMINAL_POS.has(view.pos(k + 1));
  return false;
}

/** The object-class row named by the words after the trigger (the most specific row wins). */
export function objectRow(view: SentenceView, m: Match): ObjectRow | null {
  const objects = m.entry.objectRows;
  if (!objects) return null;
  let best = -1;
  const end = Math.min(view.n, m.last + 14);
  for (let k = m.head + 1; k < end; k++) {
    if (k > m.last && (view.isHardPunct(k) || (view.isClauseBreaker(k) && view.lower(k) !== 'for') || view.pos(k) === 'AUX' ||
      (ADVERBIAL_PREPOSITIONS.has(view.lower(k)) && view.lower(k) !== 'in'))) break;
    const r = firstRowNaming(objects, view.lower(k), view.lemma(k));
    if (r >= 0 && (best < 0 || r < best)) best = r;
  }
  return best >= 0 ? objects.rows[best] : null;
}

/** The first of the rows that lists the word or its lemma, or -1 (the noun index is built at load). */
export function firstRowNaming(objects: ObjectRows, word: string, lemma: string): number {
  const byWord = objects.firstRow.get(word);
  const byLemma = lemma === word ? byWord : objects.firstRow.get(lemma);
  if (byWord === undefined) return byLemma ?? -1;
  return byLemma === undefined || byWord < byLemma ? byWord : byLemma;
}

/** The match heading the 'to' infinitive that a control trigger governs ("agreed to share"). */
export function complementMatch(view: SentenceView, m: Match, byHead: ReadonlyMap<number, Match>): Match | null {
  return byHead.get(infinitiveAfter(view, m.last)) ?? null;
}

/** The verb of a 'to' infinitive right after token k, adverbs allowed around 'to' ("agreed [not] to [quickly] share"), or -1. */
export function infinitiveAfter(view: SentenceView, k: number): number {
  let j = k + 1;
  while (view.pos(j) === 'ADV') j++;
  if (view.lower(j) !== 'to') return -1;
  j++;
  while (view.pos(j) === 'ADV') j++;
  return j < view.n ? j : -1;
}
