/**
 * Finds direct, indirect and mixed quotes in a segmented document.
 *
 * Direct quotes come from paired quotation marks (marks.ts); their attribution is read right after
 * the closing mark ("…,” one senior Ukrainian official said", "…,” said X") or before the opening
 * one ("X told reporters: “…”"); an unattributed quote that follows an attributed one with only
 * punctuation between continues it ("“…,” she said. “Never.”").
 *
 * Indirect speech is read per sentence from cue verbs (lexicon.ts): subject + cue + (that) +
 * clause, the post-posed "…, X said", the inverted "…, said X", the parenthetical
 * "A delay, officials warn, risks …", the participle "…, saying …" and "according to X".
 * A short quoted fragment inside the reported clause makes the quote 'mixed'.
 */
import type { Document } from '../document/document.js';
import { ScratchBytes } from '../document/scratch.js';
import { sortShort } from '../document/sort.js';
import type { Quote, Speaker, TextSpan, Token } from '../document/types.js';
import type { ActorDictionary } from '../actors/index.js';
import type { CueVerb, QuoteLexicon } from './lexicon.js';
import { scanQuotations, type Quotation } from './marks.js';
import {
  cueVerbAt, isBe, isCueAux, isRoleWord, isTimeWord, isNegation, isNounish, isPersonalPronoun, isRelative, isSentenceEnd,
  nounPhraseEndRight, nounPhraseStartLeft, QUOTE_MARKS, startsClause,
} from './grammar.js';
import { containsAnonymityMarker, createSpeakerContext, describeSpeaker, type SpeakerContext, type SpeakerMention, type SpeakerSpan } from './speaker.js';

const defaults = Object.freeze({
  /** Tokens allowed between a cue and its "that" ("said on Monday that"). */
  thatWindow: 7,
  /** Longest speaker phrase, in tokens. */
  maxSpeakerTokens: 16,
  /** Shortest unattributed direct quote kept, in words (shorter ones are usually titles or labels). */
  minUnattributedWords: 4,
  /** A quote of at most this many words inside a sentence is a fragment, not a direct quote. */
  fragmentWords: 5,
  /** How far back a coordinated cue ("… and said") looks for its subject, in tokens. */
  maxCoordinationTokens: 40,
});

/** Marks on tokens, so that one token serves one role. */
const INSIDE_QUOTATION = 1;
const USED_BY_ATTRIBUTION = 2;

interface Attribution {
  speaker: SpeakerSpan | null;
  /** Cue token range [start, end). */
  cueStart: number;
  cueEnd: number;
}

interface DraftQuote {
  kind: Quote['kind'];
  start: number;
  end: number;
  cue: TextSpan | null;
  speaker: Speaker | null;
}

interface Extraction {
  doc: Document;
  toks: readonly Token[];
  text: string;
  lex: QuoteLexicon;
  ctx: SpeakerContext;
  mask: Uint8Array;
  history: SpeakerMention[];
  quotes: DraftQuote[];
  /** The speaker phrase of each sentence that has one, for participle cues ("…, adding that …"). */
  sentenceSpeakers: Map<number, SpeakerSpan>;
  /** Quoted fragments (character spans of their content) that may turn an indirect quote mixed. */
  fragments: { start: number; end: number }[];
}

/** First token index whose start is ≥ offset. */
function tokenAtOrAfter(toks: readonly Token[], offset: number): number {
  let lo = 0, hi = toks.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (toks[mid].start < offset) lo = mid + 1; else hi = mid; }
  return lo;
}

function span(x: Extraction, startTok: number, endTok: number): TextSpan {
  const start = x.toks[startTok].start, end = x.toks[endTok - 1].end;
  return { text: x.text.slice(start, end), start, end };
}

function isPunct(t: Token | undefined, chars: string): boolean {
  return t !== undefined && t.pos === 'PUNCT' && chars.includes(t.text);
}

function isPossessive(t: Token): boolean {
  return t.lower === 'his' || t.lower === 'her' || t.lower === 'its' || t.lower === 'their' || t.lower === 'our' || t.lower === 'my';
}

function isSpaceToken(t: Token | undefined): boolean {
  return t !== undefined && t.pos === 'SPACE';
}

function isParagraphBreak(t: Token | undefined): boolean {
  return t !== undefined && t.pos === 'SPACE' && t.text.includes('\n');
}

/** Extends a cue over its addressee ("told reporters", "told Reuters", "assured allies"). */
function cueEndWithAddressee(x: Extraction, cue: number, verb: CueVerb, hi: number): number {
  if (!verb.addressee) return cue + 1;
  // The hearer is a bare noun phrase; "in Brussels" after it is an adjunct, not part of the cue.
  const end = nounPhraseEndRight(x.toks, cue + 1, Math.min(hi, cue + 6), x.lex, false);
  return end > 0 ? end : cue + 1;
}

/** A cue at token i: a single verb or a listed phrase ("pointed out"). Returns its token end. */
function cueAt(x: Extraction, i: number, lo: number, hi: number): { verb: CueVerb; end: number } | undefined {
  const t = x.toks[i];
  if (!t || x.mask[i]) return undefined;
  const phrases = x.lex.phrases.get(t.lower);
  if (phrases) {
    for (const p of phrases) {
      if (p.kind === 'verb' && p.words.every((w, k) => i + k < hi && x.toks[i + k].lower === w)) return { verb: p.verb, end: i + p.words.length };
    }
  }
  const verb = cueVerbAt(x.toks, i, lo, hi, x.lex);
  return verb ? { verb, end: i + 1 } : undefined;
}

/**
 * The speaker phrase ending just left of token `i` (the cue, or the first auxiliary before it),
 * scanning no further left than `lo`. Handles a relative clause or apposition between subject and
 * cue ("Zelensky, who is expected to travel, has said", "officials who spoke on condition of
 * anonymity said") and a coordinated verb phrase ("officials acknowledged X and said").
 */
function speakerLeftOf(x: Extraction, i: number, lo: number): SpeakerSpan | null {
  const toks = x.toks;
  let j = i - 1;
  while (j >= lo && isCueAux(toks[j]) && i - j < 5) j--;
  // A date between subject and cue: "Nigeria today announced", "officials on Monday said".
  if (j > lo && isTimeWord(toks[j])) {
    let k = j - 1;
    while (k > lo && (toks[k].pos === 'DET' || toks[k].pos === 'ADJ')) k--;
    if (toks[k].pos === 'ADP' && (toks[k].lower === 'on' || toks[k].lower === 'in' || toks[k].lower === 'at')) k--;
    if (k >= lo && k < j) j = k;
  }
  if (j < lo) return null;
  for (let k = j + 1; k < i; k++) if (isNegation(toks[k])) return null;
  const limit = Math.max(lo, j - defaults.maxSpeakerTokens);

  // Restrictive relative clause: "officials who spoke on condition of anonymity said".
  for (let k = j; k > limit; k--) {
    const t = toks[k];
    if (t.pos === 'PUNCT' || x.mask[k]) break;
    if (isRelative(t) && k > lo) {
      const start = nounPhraseStartLeft(toks, k - 1, lo, x.lex);
      if (start >= 0) return { start, end: j + 1, anonymityHint: hasAnonymityMarker(x, t.start, toks[j].end) };
      break;
    }
  }
  const t = toks[j];
  if (isNounish(t) || isRoleWord(t, x.lex) || t.pos === 'PRON' || t.pos === 'NUM') {
    if (t.pos === 'PRON' && !x.lex.pronouns.has(t.lower)) return null;
    const start = nounPhraseStartLeft(toks, j, lo, x.lex);
    return start >= 0 ? { start, end: j + 1 } : null;
  }
  if (t.text === ',') {
    // Non-restrictive relative clause or apposition between commas.
    let k = j - 1;
    while (k > limit && toks[k].text !== ',' && !x.mask[k]) k--;
    if (k <= lo || toks[k].text !== ',') return null;
    const inner = toks[k + 1];
    // A participle aside ("Zelensky, speaking in Kyiv, said") stands like a relative clause.
    const innerIsParticiple = inner.pos === 'VERB' && /(?:ing|ed)$/.test(inner.lower);
    const innerIsApposition = (() => {
      for (let m = k + 1; m < j; m++) {
        const u = toks[m];
        if (!(isNounish(u) || u.pos === 'DET' || u.pos === 'ADJ' || u.pos === 'PART' || u.pos === 'NUM' || (u.pos === 'ADP' && u.lower === 'of'))) return false;
      }
      return true;
    })();
    // An adjunct or adverb aside: "Zelensky, in his nightly address, said", "X, however, said".
    const innerIsAdjunct = inner.pos === 'ADP' || (inner.pos === 'ADV' && k + 2 === j);
    if (!isRelative(inner) && !innerIsParticiple && !innerIsApposition && !innerIsAdjunct) return null;
    const start = nounPhraseStartLeft(toks, k - 1, lo, x.lex);
    if (start < 0) return null;
    // "The spokesperson, Maria Zakharova, said": the name in the apposition is the speaker's.
    if (innerIsApposition && toks[j - 1].pos === 'PROPN' && toks[k - 1].pos !== 'PROPN') return { start, end: j };
    return { start, end: k, anonymityHint: hasAnonymityMarker(x, inner.start, toks[j - 1].end) };
  }
  if (t.pos === 'CCONJ' && t.lower === 'and') {
    // Coordinated predicates share the subject of the first conjunct: the verb farthest left in
    // the clause that has a subject ("officials in Washington acknowledged receiving the request
    // and said …", "the ministry insisted the talks would resume and added …").
    let found: SpeakerSpan | null = null;
    for (let k = j - 1; k >= lo && j - k < defaults.maxCoordinationTokens; k--) {
      const u = toks[k];
      if (u.pos === 'PUNCT' && u.text !== '-') break;
      if (u.pos !== 'VERB' && u.pos !== 'AUX') continue;
      let m = k - 1;
      while (m >= lo && isCueAux(toks[m])) m--;
      if (m >= lo && (isNounish(toks[m]) || isPersonalPronoun(toks[m], x.lex))) {
        const start = nounPhraseStartLeft(toks, m, lo, x.lex);
        if (start >= 0) found = { start, end: m + 1 };
      }
    }
    return found;
  }
  return null;
}

/** The subject of a sentence's main clause, for a participle cue ("Ukraine …, saying …"). */
function mainSubject(x: Extraction, lo: number, cue: number): SpeakerSpan | null {
  const toks = x.toks;
  for (let k = lo + 1; k < cue; k++) {
    const t = toks[k];
    if (x.mask[k] || (t.pos !== 'VERB' && t.pos !== 'AUX')) continue;
    let m = k - 1;
    while (m >= lo && isCueAux(toks[m])) m--;
    if (m < lo) return null;
    if (!isNounish(toks[m]) && !isPersonalPronoun(toks[m], x.lex)) return null;
    const start = nounPhraseStartLeft(toks, m, lo, x.lex);
    return start >= 0 ? { start, end: m + 1 } : null;
  }
  return null;
}

/** Whether the text between two offsets says the source is unnamed on purpose ("on condition of anonymity"). */
function hasAnonymityMarker(x: Extraction, start: number, end: number): boolean {
  return containsAnonymityMarker(x.lex, x.text.slice(start, end).toLowerCase());
}

/** Trims trailing punctuation (and a dangling quote mark's comma) off a content range. */
function trimContent(x: Extraction, start: number, end: number): [number, number] {
  while (start < end && (isSpaceToken(x.toks[start]) || isPunct(x.toks[start], ',:—–-'))) start++;
  while (end > start && (isSpaceToken(x.toks[end - 1]) || isPunct(x.toks[end - 1], '.!?;,:—–'))) end--;
  return [start, end];
}

/**
 * Content stops before a second, coordinated cue ("… and added that …"), before a participle
 * adjunct ("…, citing security concerns", "…, adding that …") and before a contrast the reporter
 * adds ("…, but this could not be verified").
 */
function cutAtNextCue(x: Extraction, start: number, end: number, lo: number): number {
  for (let k = start + 1; k < end - 1; k++) {
    const t = x.toks[k];
    if (t.text === ';' && !x.mask[k]) return k;
    if (t.text === ',' && !x.mask[k]) {
      const next = x.toks[k + 1];
      if (next.pos === 'VERB' && next.lower.endsWith('ing') && !x.mask[k + 1]) return k;
      if (next.lower === 'but' || next.lower === 'though' || next.lower === 'although') return k;
    }
    if (t.pos !== 'CCONJ') continue;
    let m = k + 1;
    while (m < end && isCueAux(x.toks[m])) m++;
    const verb = m < end && x.toks[m].pos === 'VERB' ? cueVerbAt(x.toks, m, lo, end, x.lex) : undefined;
    // Only a second speech act with its own content ends the first ("and added that …"), not
    // "and would deny entry to …".
    if (verb && contentAfterCue(x, m, { verb, end: m + 1 }, end)) return k > start && x.toks[k - 1].text === ',' ? k - 1 : k;
  }
  return end;
}

// ---- direct quotes -----------------------------------------------------------------------

/** Attribution right after a closing mark: "…,” she said", "…,” said X", "…,” X told Reuters". */
function attributionAfter(x: Extraction, closeTok: number): Attribution | null {
  const t = x.toks;
  let k = closeTok + 1;
  if (isPunct(t[k], ',')) k++;
  if (k >= t.length || isSpaceToken(t[k])) return null;
  const sentence = x.doc.sentences![t[closeTok].sentence];
  const hi = Math.max(sentence.tokenEnd, Math.min(t.length, k + defaults.maxSpeakerTokens + 4));
  // Inverted: "…,” said Foreign Minister X", "…,” asked one diplomat".
  const cue = cueAt(x, k, k - 1, hi);
  if (cue) {
    const end = nounPhraseEndRight(t, cue.end, hi, x.lex);
    if (end > 0) return { speaker: { start: cue.end, end }, cueStart: k, cueEnd: cue.end };
  }
  const npEnd = nounPhraseEndRight(t, k, hi, x.lex);
  if (npEnd < 0) return null;
  let m = npEnd;
  let hint = false;
  if (isPunct(t[m], ',') && isRelative(t[m + 1])) {
    // "…,” the official, who asked not to be named, said."
    let n = m + 1;
    while (n < hi && !isPunct(t[n], ',') && !isSentenceEnd(t[n])) n++;
    if (!isPunct(t[n], ',')) return null;
    hint = hasAnonymityMarker(x, t[m + 1].start, t[n].start);
    m = n + 1;
  }
  while (m < hi && isCueAux(t[m]) && m - npEnd < 4) m++;
  const verb = cueAt(x, m, m - 1, hi);
  if (!verb) return null;
  const cueEnd = verb.end === m + 1 ? cueEndWithAddressee(x, m, verb.verb, hi) : verb.end;
  return { speaker: { start: k, end: npEnd, anonymityHint: hint }, cueStart: m, cueEnd };
}

/** Attribution before an opening mark: "X told reporters: “…”", "she said, “…”". */
function attributionBefore(x: Extraction, openTok: number): Attribution | null {
  const t = x.toks;
  let p = openTok - 1;
  if (p < 0) return null;
  // A cue hands over to its quote with punctuation ("said: “…”", "said, “…”"); a mark right
  // after a verb is a fragment inside the sentence ("would respond “symmetrically”").
  if (!isPunct(t[p], ':,—')) return null;
  p--;
  const lo = x.doc.sentences![t[Math.max(0, p)].sentence].tokenStart;
  for (let j = p; j >= lo && p - j < 12; j--) {
    if (x.mask[j] || isSentenceEnd(t[j]) || QUOTE_MARKS.has(t[j].text)) break;
    // Only the cue's hearer and adjuncts may stand between cue and quote ("told reporters in
    // Kyiv: “…”"); a verb means the quote sits inside reported speech ("said he is ready to host “…”").
    let cue = cueAt(x, j, lo, openTok);
    // The last word of a phrase cue ("put it: “…”"): move to the phrase's start.
    for (let d = 1; !cue && d <= 2 && j - d >= lo; d++) {
      const phrase = cueAt(x, j - d, lo, openTok);
      if (phrase && phrase.end > j) { j -= d; cue = phrase; }
    }
    if (!cue && (t[j].pos === 'VERB' || t[j].pos === 'AUX' || t[j].pos === 'SCONJ' || (t[j].pos === 'PRON' && !isPossessive(t[j])))) return null;
    if (!cue) continue;
    if (j > lo && isBe(t[j - 1]) && !t[j].lower.endsWith('ing')) break;
    const speaker = speakerLeftOf(x, j, lo);
    const cueEnd = cue.end === j + 1 ? cueEndWithAddressee(x, j, cue.verb, openTok) : cue.end;
    if (speaker) return { speaker, cueStart: j, cueEnd };
    // Inverted: "said the minister: “…”".
    const end = nounPhraseEndRight(t, cue.end, openTok, x.lex);
    if (end > 0) return { speaker: { start: cue.end, end }, cueStart: j, cueEnd: cue.end };
    return null;
  }
  return null;
}

/** Whether a quotation opens where a quoted utterance can start (not mid-phrase). */
function opensUtterance(x: Extraction, openTok: number): boolean {
  let p = openTok - 1;
  while (p >= 0 && isSpaceToken(x.toks[p]) && !isParagraphBreak(x.toks[p])) p--;
  if (p < 0 || isParagraphBreak(x.toks[p])) return true;
  const prev = x.toks[p];
  if (isPunct(prev, ':.!?;(') || QUOTE_MARKS.has(prev.text)) return true;
  return x.toks[openTok].sentence !== prev.sentence;
}

function wordCount(text: string): number {
  let n = 0, inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const word = c > 47 && c !== 0x2019 && c !== 0x201c && c !== 0x201d && c !== 0x2014 && !(c >= 58 && c <= 64) && c !== 96 && !(c >= 91 && c <= 94) && !(c >= 123 && c <= 127);
    if (word && !inWord) n++;
    inWord = word;
  }
  return n;
}

/** The text span inside the marks, without padding and without the comma that hands over to the attribution. */
function quotationContent(text: string, q: Quotation): { start: number; end: number } {
  let start = q.open + 1, end = q.close;
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && (/\s/.test(text[end - 1]) || text[end - 1] === ',')) end--;
  return { start, end };
}

/**
 * Whether only the previous quote's attribution, adjuncts and punctuation lie between two
 * quotations ("“…,” a spokesman said on Tuesday. “…”"): then the second continues the first.
 */
function onlyAttributionBetween(x: Extraction, previousClose: number, open: number, strict = false): boolean {
  for (let k = previousClose + 1; k < open; k++) {
    const t = x.toks[k];
    if (x.mask[k] || t.pos === 'PUNCT' || t.pos === 'SPACE') continue;
    if (strict || t.pos === 'VERB' || t.pos === 'AUX' || t.pos === 'SCONJ' || t.pos === 'PRON' || t.pos === 'CCONJ') return false;
  }
  return true;
}

function extractDirect(x: Extraction): void {
  const { quotations, unbalanced } = scanQuotations(x.text);
  for (const at of unbalanced) x.doc.diagnose('P400', 'unbalanced quotation mark', { start: at, end: at + 1 });
  type Previous = { closeTok: number; cue: TextSpan | null; speaker: Speaker | null };
  let previous = null as Previous | null;
  for (const q of quotations) {
    const openTok = tokenAtOrAfter(x.toks, q.open);
    const closeTok = tokenAtOrAfter(x.toks, q.close);
    if (openTok >= x.toks.length || closeTok >= x.toks.length) continue;
    for (let i = openTok; i <= closeTok; i++) x.mask[i] |= INSIDE_QUOTATION;
    const content = quotationContent(x.text, q);
    if (content.end <= content.start) continue;
    const words = wordCount(x.text.slice(content.start, content.end));
    // "“We are ready,” the president said, “but not under fire.”": the second part continues the first.
    const resumes = previous !== null && onlyAttributionBetween(x, previous.closeTok, openTok, true);
    const before = resumes || opensUtterance(x, openTok) ? null : attributionBefore(x, openTok);
    // "Sybiha said, “…”": a quote introduced by its cue opens an utterance even after a comma.
    const opens = resumes || before !== null || opensUtterance(x, openTok);

    if (!opens && words <= defaults.fragmentWords) {
      x.fragments.push(content);
      continue;
    }
    const attribution = before ?? attributionAfter(x, closeTok) ?? attributionBefore(x, openTok);
    let cue: TextSpan | null = null;
    let speaker: Speaker | null = null;
    if (attribution) {
      for (let i = attribution.cueStart; i < attribution.cueEnd; i++) x.mask[i] |= USED_BY_ATTRIBUTION;
      if (attribution.speaker) for (let i = attribution.speaker.start; i < attribution.speaker.end; i++) x.mask[i] |= USED_BY_ATTRIBUTION;
      cue = span(x, attribution.cueStart, attribution.cueEnd);
      if (attribution.speaker) {
        const sentence = x.toks[attribution.speaker.start].sentence;
        if (!x.sentenceSpeakers.has(sentence)) x.sentenceSpeakers.set(sentence, attribution.speaker);
        const mention = describeSpeaker(x.ctx, attribution.speaker, x.history);
        x.history.push(mention);
        speaker = mention.speaker;
      }
    } else if (previous && onlyAttributionBetween(x, previous.closeTok, openTok)) {
      // A quote split by its attribution, or continued in the next paragraph, keeps its speaker.
      cue = previous.cue;
      const inherited: Speaker | null = previous.speaker;
      speaker = inherited ? { ...inherited } : null;
    } else if (!opens || words < defaults.minUnattributedWords) {
      x.fragments.push(content);
      continue;
    }
    if (!opens) {
      // A fragment with its own attribution ("He called the plan “a betrayal of Ukraine,” an aide said"):
      // the whole clause is a mixed quote.
      const sentence = x.doc.sentences![x.toks[openTok].sentence];
      const [s] = trimContent(x, sentence.tokenStart, openTok);
      x.quotes.push({ kind: 'mixed', start: x.toks[s].start, end: q.close + 1, cue, speaker });
    } else {
      x.quotes.push({ kind: 'direct', start: content.start, end: content.end, cue, speaker });
    }
    if (!speaker) x.doc.diagnose('P400', undefined, content);
    previous = { closeTok, cue, speaker };
  }
}

// ---- indirect speech ---------------------------------------------------------------------

/**
 * The token after "that" when the cue's that-clause starts at `from`, directly or after adjuncts
 * ("said on Monday that", "said in a statement that"); -1 otherwise. Only an adjunct may stand
 * between cue and "that": in "said the plan that Kyiv proposed", "that" opens a relative clause.
 */
function afterThat(x: Extraction, from: number, hi: number): number {
  const first = x.toks[from];
  if (!first || from >= hi) return -1;
  if (first.lower === 'that') return from + 1;
  if (first.pos !== 'ADP' && first.pos !== 'ADV' && !isTimeWord(first) && first.text !== ',') return -1;
  for (let k = from + 1; k < hi && k - from <= defaults.thatWindow; k++) {
    const t = x.toks[k];
    if (t.lower === 'that') return k + 1;
    if (t.pos === 'VERB' || t.pos === 'AUX' || t.pos === 'SCONJ' || isSentenceEnd(t) || x.mask[k]) return -1;
  }
  return -1;
}

/** The token after a short prepositional or time adjunct starting at `from` ("on Thursday", "in a statement"), or `from`. */
function skipAdjunct(x: Extraction, from: number, hi: number): number {
  const t = x.toks;
  let k = from;
  if (isTimeWord(t[k])) return k + 1;
  if (t[k]?.pos !== 'ADP' || t[k].lower === 'that') return from;
  k++;
  let sawNoun = false;
  while (k < hi && k - from <= 6) {
    const u = t[k];
    if (u.pos === 'DET' || u.pos === 'ADJ' || u.pos === 'NUM') { if (sawNoun) break; k++; continue; }
    if (isNounish(u)) { sawNoun = true; k++; if (isTimeWord(u)) break; continue; }
    break;
  }
  return sawNoun ? k : from;
}

/**
 * Where the reported content starts after a cue: after a colon, after "that", or at a bare
 * clause. A cue that may take a hearer is tried with it first ("warned allies that …"), then
 * without ("warned Russia would …").
 */
function contentAfterCue(x: Extraction, i: number, cue: { verb: CueVerb; end: number }, hi: number): { start: number; cueEnd: number } | null {
  const t = x.toks;
  const withHearer = cue.end === i + 1 ? cueEndWithAddressee(x, i, cue.verb, hi) : cue.end;
  for (const cueEnd of withHearer === cue.end ? [cue.end] : [withHearer, cue.end]) {
    if (isPunct(t[cueEnd], ':')) return { start: cueEnd + 1, cueEnd };
    const from = afterThat(x, cueEnd, hi);
    if (from > 0) return { start: from, cueEnd };
    if (cue.verb.complement !== 'clause') continue;
    if (startsClause(t, cueEnd, hi)) return { start: cueEnd, cueEnd };
    // A short adjunct before a bare clause: "said on Thursday it would …", "said in Kyiv the talks …".
    const after = skipAdjunct(x, cueEnd, hi);
    if (after > cueEnd && startsClause(t, after, hi)) return { start: after, cueEnd };
  }
  return null;
}

function pushIndirect(x: Extraction, contentStart: number, contentEnd: number, cue: TextSpan, speakerSpan: SpeakerSpan, lo: number): void {
  const end = cutAtNextCue(x, contentStart, contentEnd, lo);
  let [s, e] = trimContent(x, contentStart, end);
  // Content that is itself an attributed direct quote ("“We are ready,” Peskov said, according
  // to TASS") is that quote, not a second one.
  if (s < e && x.mask[s] & INSIDE_QUOTATION) {
    for (let k = s; k < e; k++) if (x.mask[k] & USED_BY_ATTRIBUTION) return;
  }
  // An opening mark never closed ("“We will never accept this, the minister said."): the words
  // are still the speaker's own.
  const unclosed = s < e && QUOTE_MARKS.has(x.toks[s].text) && !x.mask[s];
  if (unclosed) s++;
  if (e - s < 2) return;
  for (let i = speakerSpan.start; i < speakerSpan.end; i++) x.mask[i] |= USED_BY_ATTRIBUTION;
  const sentence = x.toks[speakerSpan.start].sentence;
  if (!x.sentenceSpeakers.has(sentence)) x.sentenceSpeakers.set(sentence, speakerSpan);
  const mention = describeSpeaker(x.ctx, speakerSpan, x.history);
  x.history.push(mention);
  const start = x.toks[s].start, stop = x.toks[e - 1].end;
  const mixed = x.fragments.some((f) => f.start >= start && f.end <= stop);
  x.quotes.push({ kind: unclosed ? 'direct' : mixed ? 'mixed' : 'indirect', start, end: stop, cue, speaker: mention.speaker });
}

/** "According to X, …", "…, according to X", "The meeting, according to X, will …". */
function readAccordingTo(x: Extraction, i: number, lo: number, hi: number): boolean {
  const t = x.toks;
  const phrase = x.lex.phrases.get(t[i].lower)?.find((p) => p.kind === 'source' && p.words.every((w, k) => i + k < hi && t[i + k].lower === w));
  if (!phrase) return false;
  const after = i + phrase.words.length;
  const npEnd = nounPhraseEndRight(t, after, hi, x.lex);
  if (npEnd < 0) return false;
  const cue = span(x, i, after);
  const speaker: SpeakerSpan = { start: after, end: npEnd };
  const before = i > lo && isPunct(t[i - 1], ',—');
  const atEnd = onlyAdjunctsUntil(x, npEnd, hi);
  for (let k = i; k < after; k++) x.mask[k] |= USED_BY_ATTRIBUTION;
  if (atEnd && i > lo) pushIndirect(x, lo, before ? i - 1 : i, cue, speaker, lo);
  else if (i === lo || (before && i - 1 === lo)) pushIndirect(x, npEnd, hi, cue, speaker, lo);
  else pushIndirect(x, lo, hi, cue, speaker, lo);
  return true;
}

/** The first token of a sentence that is a word (not a quote mark or a space). */
function firstWord(x: Extraction, lo: number, hi: number): number {
  let k = lo;
  while (k < hi && (x.toks[k].pos === 'PUNCT' || isSpaceToken(x.toks[k]))) k++;
  return k;
}

/** The next unmasked comma at or after `from`, or -1. */
function nextComma(x: Extraction, from: number, hi: number): number {
  for (let k = from; k < hi; k++) if (x.toks[k].text === ',' && !x.mask[k]) return k;
  return -1;
}

/** Only adjuncts ("in a statement", "on Monday") stand between `from` and the end of the sentence. */
function onlyAdjunctsUntil(x: Extraction, from: number, hi: number): boolean {
  for (let k = from; k < hi; k++) {
    const t = x.toks[k];
    if (isSentenceEnd(t) || isSpaceToken(t)) continue;
    if (t.pos === 'ADP' || t.pos === 'DET' || t.pos === 'NOUN' || t.pos === 'PROPN' || t.pos === 'NUM' || t.pos === 'ADJ' || t.pos === 'ADV') continue;
    return false;
  }
  return true;
}

function readIndirectSentence(x: Extraction, lo: number, hi: number): void {
  const t = x.toks;
  const starts = x.lex.cueStarts;
  for (let i = lo; i < hi; i++) {
    if (x.mask[i]) continue;
    // Most words start no phrase and are no cue form: readAccordingTo and cueAt would find nothing.
    if (!starts.has(t[i].lower)) continue;
    if (readAccordingTo(x, i, lo, hi)) continue;
    const cue = cueAt(x, i, lo, hi);
    if (!cue) continue;
    const word = t[i];
    // Passive "was told", "is said to": the subject is the hearer or the topic, not the speaker.
    if (i > lo && isBe(t[i - 1]) && !word.lower.endsWith('ing')) continue;
    if (word.negated && i > lo && isNegation(t[i - 1])) continue;
    const content = contentAfterCue(x, i, cue, hi);
    const cueEnd = content?.cueEnd ?? (cue.end === i + 1 ? cueEndWithAddressee(x, i, cue.verb, hi) : cue.end);

    // Participle after a comma: "Ukraine has called for talks, saying direct talks are essential";
    // "“…,” Kuleba said, adding that …". The speaker is the sentence's speaker or main subject.
    if (word.lower.endsWith('ing') && i > lo && isPunct(t[i - 1], ',—')) {
      const subject = x.sentenceSpeakers.get(word.sentence) ?? mainSubject(x, lo, i);
      if (subject && content) pushIndirect(x, content.start, hi, span(x, i, cueEnd), subject, lo);
      continue;
    }
    // Inverted: "…, said Foreign Minister X." / "…, said X, the foreign minister."
    if (i > lo && isPunct(t[i - 1], ',') && !isPersonalPronoun(t[cue.end], x.lex)) {
      const npEnd = nounPhraseEndRight(t, cue.end, hi, x.lex);
      if (npEnd > 0 && (npEnd >= hi || isPunct(t[npEnd], ',.;') || onlyAdjunctsUntil(x, npEnd, hi))) {
        pushIndirect(x, lo, i - 1, span(x, i, cue.end), { start: cue.end, end: npEnd }, lo);
        continue;
      }
    }
    // "X was quoted as saying …": the speaker is the subject of "was quoted".
    const quotedAs = word.lower.endsWith('ing') && i - 2 >= lo && t[i - 1].lower === 'as' && t[i - 2].lower === 'quoted';
    const speaker = speakerLeftOf(x, quotedAs ? i - 2 : i, lo);
    if (!speaker) continue;
    // An inverted question asks about speech, it does not report it: "Did Trump say he would come?"
    if (speaker.start > lo && t[speaker.start - 1].pos === 'AUX' && speaker.start - 1 === firstWord(x, lo, hi)) continue;
    const cueSpan = span(x, quotedAs ? i - 2 : i, cueEnd);
    const comesAfterComma = speaker.start > lo && isPunct(t[speaker.start - 1], ',—');
    // Post-posed: "Russia will not attend, a Kremlin spokesman said (on Monday)."
    if (comesAfterComma && onlyAdjunctsUntil(x, cueEnd, hi)) {
      pushIndirect(x, lo, speaker.start - 1, cueSpan, speaker, lo);
      continue;
    }
    // Parenthetical: "A delay, Ukrainian officials warn, risks …": the reported clause wraps the aside.
    if (comesAfterComma && isPunct(t[cueEnd], ',—')) {
      pushIndirect(x, lo, hi, cueSpan, speaker, lo);
      continue;
    }
    // "As Zelensky said last week, the war will end with diplomacy."
    if (speaker.start > lo && t[speaker.start - 1].lower === 'as' && speaker.start - 1 === firstWord(x, lo, hi)) {
      const comma = nextComma(x, cueEnd, hi);
      if (comma > 0 && onlyAdjunctsUntil(x, cueEnd, comma)) { pushIndirect(x, comma + 1, hi, cueSpan, speaker, lo); continue; }
    }
    if (!content) continue;
    // A cue inside a relative clause reports only that clause: "The agreement, which Russia said
    // it would honour, expires in May."
    const relative = speaker.start > lo && isRelative(t[speaker.start - 1]);
    const comma = relative ? nextComma(x, content.start, hi) : -1;
    pushIndirect(x, content.start, comma > content.start ? comma : hi, cueSpan, speaker, lo);
  }
}

/** The token marks of the document being read: one per token. */
const marks = new ScratchBytes(1024);

/** Finds every quote in the document, in text order, with ids q1, q2, …. */
export function extractQuotes(doc: Document, lex: QuoteLexicon, dict: ActorDictionary): Quote[] {
  const toks = doc.tokens ?? [];
  if (toks.length === 0) return [];
  const mask = marks.zeroed(toks.length);
  const x: Extraction = {
    doc, toks, text: doc.text, lex, ctx: createSpeakerContext(doc, lex, dict),
    mask, history: [], quotes: [], fragments: [], sentenceSpeakers: new Map(),
  };
  extractDirect(x);
  for (const s of doc.sentences ?? []) readIndirectSentence(x, s.tokenStart, s.tokenEnd);
  sortShort(x.quotes, (a, b) => a.start - b.start || a.end - b.end);
  return x.quotes.map((q, k) => ({
    id: `q${k + 1}`, kind: q.kind, text: doc.text.slice(q.start, q.end), start: q.start, end: q.end, cue: q.cue, speaker: q.speaker,
  }));
}
