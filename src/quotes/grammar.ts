/**
 * Small token-level grammar for reported speech: noun phrases around a cue, the cue itself and
 * the clause it reports. Everything scans a bounded window of tokens, left or right, once, so the
 * cost is linear in the sentence (no backtracking).
 */
import type { Token } from '../document/types.js';
import type { CueVerb, QuoteLexicon } from './lexicon.js';

/** Words that attach a post-modifier to a noun phrase ("officials in Washington", "advisers to X"). */
const LINKERS = new Set(['of', 'to', 'in', 'at', 'from', 'for', 'with', 'within', 'inside', 'on']);
/** Adjectives that head a post-modifier before a linker ("a person familiar with the talks"). */
const POSTNOMINAL_ADJECTIVES = new Set([
  'familiar', 'close', 'loyal', 'opposed', 'allied', 'linked', 'affiliated', 'connected', 'related', 'friendly',
  'hostile', 'sympathetic', 'responsible', 'based',
]);
/**
 * Time words end a noun phrase: "officials said today", "a top official today said", "Nigeria on
 * Monday announced" — the date is an adjunct, never part of the speaker. ("may" is left out: it is
 * mostly the modal.)
 */
const TIME_WORDS = new Set([
  'today', 'yesterday', 'tomorrow', 'tonight', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday',
  'sunday', 'january', 'february', 'march', 'april', 'june', 'july', 'august', 'september', 'october',
  'november', 'december', 'week', 'weekend', 'month', 'year', 'morning', 'afternoon', 'evening', 'night',
]);

const POSSESSIVES = new Set(['his', 'her', 'its', 'their', 'our', 'my', 'your']);
/** Hearers of a cue ("told him that"); never speakers. */
const OBJECT_PRONOUNS = new Set(['him', 'her', 'them', 'us', 'me', 'you']);
const BE_FORMS = new Set(['is', 'was', 'were', 'are', 'be', 'been', 'being', "'s", '’s', 'am']);
const NEGATIONS = new Set(['not', "n't", 'n’t', 'never']);
const RELATIVES = new Set(['who', 'which', 'whose']);
/** Auxiliaries and adverbs that may stand between a subject and its cue ("has repeatedly stressed"). */
const CUE_AUX_POS = new Set(['AUX', 'ADV']);
const SENTENCE_END = new Set(['.', '!', '?', ';']);
export const QUOTE_MARKS = new Set(['"', '“', '”', '„', '«', '»', '‘', '’']);

export function isTimeWord(t: Token | undefined): boolean {
  return t !== undefined && TIME_WORDS.has(t.lower);
}

function isParticiple(t: Token): boolean {
  return t.pos === 'VERB' && /(?:ing|ed)$/.test(t.lower);
}

/** A word that opens a post-modifier after a noun ("close to", "operating in", "based in"). */
function isPostnominal(t: Token): boolean {
  return POSTNOMINAL_ADJECTIVES.has(t.lower) || isParticiple(t);
}

export function isNounish(t: Token | undefined, prev?: Token): boolean {
  if (t === undefined) return false;
  if (t.pos === 'NOUN' || t.pos === 'PROPN') return true;
  // wink-nlp sometimes tags a word of a name as a verb ("Red/PROPN Cross/VERB").
  return t.pos === 'VERB' && prev?.pos === 'PROPN' && t.text[0] !== t.lower[0];
}

/** A word that may sit inside a noun phrase before its head. */
function isModifier(t: Token, prev: Token | undefined, next: Token | undefined): boolean {
  switch (t.pos) {
    case 'NOUN': case 'PROPN': case 'ADJ': case 'NUM': return true;
    case 'PART': return t.lower === "'s" || t.lower === '’s' || t.lower === "'" || t.lower === '’';
    case 'PUNCT':
      // A hyphen glued on both sides joins one word ("pro-Russian", "long-range").
      return t.text === '-' && prev !== undefined && next !== undefined && prev.end === t.start && next.start === t.end;
    case 'VERB':
      // A mis-tagged name word, or a participle used as an adjective ("an unnamed official").
      return isNounish(t, prev) ||
        (prev !== undefined && (prev.pos === 'DET' || prev.pos === 'ADJ') && isNounish(next) && /(?:ed|ing)$/.test(t.lower));
    default: return false;
  }
}

function isDeterminer(t: Token): boolean {
  return t.pos === 'DET' || POSSESSIVES.has(t.lower);
}

/** A role or institution noun, whatever wink-nlp tagged it ("The alliance chief/ADJ warned"). */
export function isRoleWord(t: Token | undefined, lex: QuoteLexicon): boolean {
  return t !== undefined && (lex.roles.has(t.lower) || lex.institutions.has(t.lower));
}

export function isPersonalPronoun(t: Token | undefined, lex: QuoteLexicon): boolean {
  return t !== undefined && t.pos === 'PRON' && lex.pronouns.has(t.lower);
}

/**
 * The first token of the noun phrase ending at `last`, scanning left no further than `lo`, or -1
 * when `last` cannot end a noun phrase. Post-modifiers are kept ("Advisers to the Ukrainian President").
 */
export function nounPhraseStartLeft(toks: readonly Token[], last: number, lo: number, lex: QuoteLexicon): number {
  const head = toks[last];
  if (!head) return -1;
  if (head.pos === 'PRON') return lex.pronouns.has(head.lower) ? last : -1;
  if (isTimeWord(head)) return -1;
  if (!isNounish(head) && !isRoleWord(head, lex) && !(head.pos === 'NUM' && last > lo && isDeterminer(toks[last - 1]))) return -1;
  let start = last;
  let i = last - 1;
  // Where a post-modifier attaches: the noun before the linker, or the noun before "close"/"operating".
  // Any preposition may follow a participle ("a statement issued after the meeting"); after a
  // noun only the linkers attach ("officials in Washington", not "talks after Monday").
  const anchor = (j: number, linker: boolean): number => {
    if (j < lo) return -1;
    if (linker && isNounish(toks[j]) && !isTimeWord(toks[j])) return j;
    if ((linker ? isPostnominal(toks[j]) : isParticiple(toks[j])) && j - 1 >= lo && isNounish(toks[j - 1], toks[j - 2])) return j - 1;
    return -1;
  };
  while (i >= lo) {
    const u = toks[i];
    if (isTimeWord(u)) break;
    if (isModifier(u, toks[i - 1], toks[i + 1])) { start = i; i--; continue; }
    if (isDeterminer(u)) {
      start = i; i--;
      const a = i >= lo && toks[i].pos === 'ADP' ? anchor(i - 1, LINKERS.has(toks[i].lower)) : -1;
      if (a >= 0) { i = a; continue; }
      break;
    }
    if (u.pos === 'ADP') {
      const a = anchor(i - 1, LINKERS.has(u.lower));
      if (a >= 0) { i = a; continue; }
      break;
    }
    // A parenthesis inside a name: "the Umma (Nation) party".
    if (u.text === ')') {
      let k = i - 1;
      while (k >= lo && i - k < 6 && toks[k].text !== '(') k--;
      if (k >= lo && toks[k].text === '(' && k - 1 >= lo && isNounish(toks[k - 1])) { i = k - 1; continue; }
      break;
    }
    // Coordinated names or modifiers ("Hungarian and Romanian officials", "Macron and Scholz").
    if (u.pos === 'CCONJ' && (u.lower === 'and' || u.lower === '&') && i - 1 >= lo &&
        toks[i - 1].pos === 'PROPN' && toks[i + 1]?.pos === 'PROPN') { i--; continue; }
    break;
  }
  return start;
}

/** The exclusive end of the noun phrase starting at `first` (scanning right below `hi`), or -1. */
export function nounPhraseEndRight(toks: readonly Token[], first: number, hi: number, lex: QuoteLexicon, postModifiers = true): number {
  const t = toks[first];
  if (!t || first >= hi) return -1;
  if (t.pos === 'PRON' && !POSSESSIVES.has(t.lower)) return lex.pronouns.has(t.lower) || OBJECT_PRONOUNS.has(t.lower) ? first + 1 : -1;
  // "told her that …": "her" with no noun after it is the hearer, not a possessive.
  if (t.lower === 'her' && first + 1 < hi && !isNounish(toks[first + 1]) && toks[first + 1].pos !== 'ADJ') return first + 1;
  let i = first;
  let end = -1;
  let afterLinker = true;
  while (i < hi) {
    const u = toks[i];
    if (isDeterminer(u) && afterLinker) { i++; afterLinker = false; continue; }
    afterLinker = false;
    if (isTimeWord(u)) break;
    if (isModifier(u, toks[i - 1], toks[i + 1]) && !(u.pos === 'NUM' && end === i)) {
      i++;
      if (isNounish(u) || isRoleWord(u, lex)) end = i;
      continue;
    }
    if (!postModifiers) break;
    if (u.pos === 'ADP' && LINKERS.has(u.lower) && end === i && i + 1 < hi) { i++; afterLinker = true; continue; }
    if (isPostnominal(u) && end === i && toks[i + 1]?.pos === 'ADP' && LINKERS.has(toks[i + 1].lower)) { i += 2; afterLinker = true; continue; }
    if (u.pos === 'CCONJ' && u.lower === 'and' && end === i && toks[i - 1]?.pos === 'PROPN' && toks[i + 1]?.pos === 'PROPN') { i++; continue; }
    break;
  }
  return end;
}

/** The head of a noun phrase: the last noun before its first post-modifier. */
export function nounPhraseHead(toks: readonly Token[], start: number, end: number, lex: QuoteLexicon): number {
  let head = -1;
  for (let i = start; i < end; i++) {
    const t = toks[i];
    if (head >= 0 && ((t.pos === 'ADP' && LINKERS.has(t.lower)) || RELATIVES.has(t.lower) || isPostnominal(t) || t.text === '(')) break;
    if (isNounish(t, toks[i - 1]) || isRoleWord(t, lex) || t.pos === 'PRON') head = i;
  }
  return head < 0 ? end - 1 : head;
}

export function isNegation(t: Token): boolean {
  return NEGATIONS.has(t.lower);
}

export function isBe(t: Token): boolean {
  return BE_FORMS.has(t.lower) && (t.pos === 'AUX' || t.pos === 'VERB');
}

export function isSentenceEnd(t: Token): boolean {
  return SENTENCE_END.has(t.text);
}

export function isRelative(t: Token | undefined): boolean {
  return t !== undefined && RELATIVES.has(t.lower);
}

export function isCueAux(t: Token): boolean {
  return CUE_AUX_POS.has(t.pos) && !NEGATIONS.has(t.lower);
}

/**
 * The cue verb at token `i`, or undefined when the word is not used as a verb there. wink-nlp
 * often tags a plural-subject cue as a noun ("Analysts note/NOUN that"), so a noun-tagged form
 * counts when no determiner or adjective claims it and a that-clause or clause follows.
 */
export function cueVerbAt(toks: readonly Token[], i: number, lo: number, hi: number, lex: QuoteLexicon): CueVerb | undefined {
  const t = toks[i];
  if (!t) return undefined;
  const verb = lex.cueForms.get(t.lower);
  if (!verb) return undefined;
  if (t.pos === 'VERB' || t.pos === 'AUX') return verb;
  if (t.pos !== 'NOUN' && t.pos !== 'PROPN' && t.pos !== 'ADJ') return undefined;
  // A capitalised form inside a sentence is part of a name ("West Darfur State that …").
  if (i > lo && t.text[0] !== t.lower[0]) return undefined;
  const prev = i > lo ? toks[i - 1] : undefined;
  if (!prev || prev.pos === 'DET' || prev.pos === 'ADJ' || POSSESSIVES.has(prev.lower) || prev.pos === 'ADP') return undefined;
  if (!(isNounish(prev) || prev.pos === 'PRON' || prev.pos === 'ADV' || prev.pos === 'AUX' || prev.text === ',')) return undefined;
  const next = i + 1 < hi ? toks[i + 1] : undefined;
  if (!next) return undefined;
  if (next.lower === 'that' || next.text === ':' || next.text === ',') return verb;
  return startsClause(toks, i + 1, hi) ? verb : undefined;
}

/**
 * Whether a finite clause starts at `i`: a short subject (pronoun or noun phrase) followed by a
 * verb or auxiliary, with no punctuation in between ("the meeting is", "he will", "discussions are").
 */
export function startsClause(toks: readonly Token[], i: number, hi: number): boolean {
  const first = toks[i];
  if (!first || i >= hi) return false;
  if (first.pos === 'PRON' && !POSSESSIVES.has(first.lower)) {
    if (RELATIVES.has(first.lower) || first.lower === 'what') return false;
    const next = toks[i + 1];
    return next !== undefined && (next.pos === 'AUX' || next.pos === 'VERB' || (next.pos === 'ADV' && (toks[i + 2]?.pos === 'AUX' || toks[i + 2]?.pos === 'VERB')));
  }
  let sawNoun = false;
  for (let j = i; j < hi && j < i + 10; j++) {
    const u = toks[j];
    if (u.pos === 'AUX' || (u.pos === 'VERB' && sawNoun)) return sawNoun;
    if (isNounish(u) || u.pos === 'NUM') { sawNoun = true; continue; }
    if (u.pos === 'DET' || u.pos === 'ADJ' || u.pos === 'PART' || POSSESSIVES.has(u.lower)) continue;
    if (u.pos === 'ADP' && sawNoun && LINKERS.has(u.lower)) continue;
    if (u.pos === 'CCONJ' && sawNoun) continue;
    if (u.text === '-') continue;
    return false;
  }
  return false;
}
