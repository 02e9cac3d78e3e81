/**
 * The times stage: finds time expressions, normalises them against the publication date into
 * TimeML TIMEX3 values (DATE, TIME, DURATION, SET) with the range of days a concrete value
 * covers, and marks each as an event time, a report time ("said on Monday"), a deadline
 * ("by Friday") or other.
 *
 * Recognition is rule based: each rule in rules.ts is one precompiled pattern run once over the
 * text; overlapping matches keep the longest. The clause tense (tense.ts) decides which Monday
 * "on Monday" is. With no publication date, relative expressions keep X placeholders and no
 * range, so nothing is dated by the clock of the machine that reads the article.
 */
import { sentenceContaining, type Document } from '../document/document.js';
import { defineStage, type Stage } from '../document/pipeline.js';
import type { Sentence, TimeExpression, TimeRole, TimeType, Token } from '../document/types.js';
import { segment } from '../nlp/index.js';
import { ScratchBytes } from '../document/scratch.js';
import { sortShort } from '../document/sort.js';
import { dayNumber, isValidDate, rangeOfValue } from './calendar.js';
import { REPORT_VERBS } from './lexicon.js';
import { EDGE_PREFIX, EDGE_PREFIX_MOD, RULES, RULE_FIRST, RULE_NEEDS, RULE_WORDS, clockValue, type Normalized, type RuleContext } from './rules.js';
import { clauseTense, type Tense } from './tense.js';

export type { Tense } from './tense.js';
export { rangeOfValue } from './calendar.js';

export const defaults = Object.freeze({
  /** Tokens either side of an expression searched for a reporting verb ("said on Monday"). */
  reportVerbWindow: 3,
});

/** Words before an expression that make it a deadline: "by Friday", "ahead of the June 1 …". */
const DEADLINE_BEFORE = /\b(?:by|until|till|til|before|ahead of|prior to|no later than|not later than|in time for|due(?:\s+(?:by|on|in|at))?|deadline(?:\s+(?:of|on|for|at))?)\s+(?:the\s+)?(?:(?:end|close|start|beginning|middle)\s+of\s+(?:the\s+)?)?$/i;
const DEADLINE_AFTER = /^\s*(?:['’]s\s+)?(?:\w+\s+)?deadlines?\b/i;
const ACCORDING_TO = /\baccording to\b[^,;:]*$/i;
const ABBREVIATION_END = /(?:\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)|[ap]\.m)\.$/i;
const VAGUE_VALUE = /^(?:PRESENT_REF|PAST_REF|FUTURE_REF)$/;
const RELATIVE_VALUE = /X/;

interface Candidate { start: number; end: number; rule: number; m: RegExpExecArray }

/** Parses the article's publication date (a day or an ISO timestamp) into a day number. */
export function publicationDay(published: string | null | undefined): number | null {
  if (!published) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(published);
  return !m || !isValidDate(+m[1], +m[2], +m[3]) ? null : dayNumber(+m[1], +m[2], +m[3]);
}

/** Sticky copies of the rule patterns, to re-match inside one sentence. */
const STICKY = RULES.map((rule) => new RegExp(rule.re.source, rule.re.flags.replace('g', '') + 'y'));

// ---- patterns a rule needs (rules.ts, RULE_NEEDS) ---------------------------------------------

/** Per rule, the patterns the text must contain for it to match (each belongs to one rule). */
const NEEDS: readonly (readonly RegExp[])[] = RULES.map((rule) => RULE_NEEDS[rule.name] ?? []);

/** Whether the text meets every necessary condition of rule r. */
function meetsNeeds(text: string, r: number): boolean {
  return NEEDS[r].every((need) => need.test(text));
}

// ---- whole words a rule needs (rules.ts, RULE_WORDS) ------------------------------------------

/** Hash of a lower-case word, the same function markWords computes letter by letter. */
function wordHash(word: string): number {
  let h = 0;
  for (let i = 0; i < word.length; i++) h = (Math.imul(h, 31) + word.charCodeAt(i)) | 0;
  return h;
}

/** Per rule, the ids of its word lists; the lists of all rules are numbered together. */
const WORD_LISTS: readonly (readonly number[])[] = (() => {
  let next = 0;
  return RULES.map((rule) => (RULE_WORDS[rule.name] ?? []).map(() => next++));
})();

/**
 * Per rule with a RULE_FIRST entry, its bit in the masks of where matches can begin; 0 for a rule
 * searched the usual way. A mask is a 31-bit integer, so only the first 31 rules can have one.
 */
const FIRST_BIT: readonly number[] = RULES.map((rule, r) => {
  if (!RULE_FIRST[rule.name]) return 0;
  if (r > 30) throw new Error(`times: RULE_FIRST for rule ${rule.name} (number ${r}): only the first 31 rules can have one`);
  return 1 << r;
});
/** The rules whose matches can begin at a digit that no digit precedes. */
const DIGIT_FIRST = RULES.reduce((mask, rule, r) => (RULE_FIRST[rule.name]?.digits ? mask | FIRST_BIT[r] : mask), 0);

/** What markWords does with a word: the lists it belongs to, and the rules whose matches may begin with it. */
interface WordUse { lists: number[]; first: number }
/**
 * Word hash → its use. Two words of one hash share it: a text then runs a rule it need not, or
 * tries a pattern where it cannot match, never the reverse.
 */
const WORD_USE = new Map<number, WordUse>();
let shortestWord = Infinity, longestWord = 0;
function useOf(word: string): WordUse {
  const lower = word.toLowerCase();
  shortestWord = Math.min(shortestWord, lower.length);
  longestWord = Math.max(longestWord, lower.length);
  const key = wordHash(lower);
  let use = WORD_USE.get(key);
  if (!use) WORD_USE.set(key, (use = { lists: [], first: 0 }));
  return use;
}
RULES.forEach((rule, r) => {
  (RULE_WORDS[rule.name] ?? []).forEach((words, j) => {
    for (const word of words) {
      const use = useOf(word);
      if (!use.lists.includes(WORD_LISTS[r][j])) use.lists.push(WORD_LISTS[r][j]);
    }
  });
  for (const word of RULE_FIRST[rule.name]?.words ?? []) useOf(word).first |= FIRST_BIT[r];
});
/** Per text, which word lists it meets (reused: the stage runs one text at a time). */
const listMet = new Uint8Array(WORD_LISTS.reduce((n, lists) => n + lists.length, 0));
/**
 * Per text, where matches can begin: offsets in text order, and for each the mask of the rules
 * (FIRST_BIT) whose matches may begin there. Reused between texts; `startCount` are in use.
 */
let starts = new Int32Array(256);
let startRules = new Int32Array(256);
let startCount = 0;

function addStart(at: number, rules: number): void {
  if (startCount === starts.length) {
    const grownStarts = new Int32Array(starts.length * 2), grownRules = new Int32Array(starts.length * 2);
    grownStarts.set(starts); grownRules.set(startRules);
    starts = grownStarts; startRules = grownRules;
  }
  starts[startCount] = at;
  startRules[startCount++] = rules;
}

/**
 * One pass over the text: each word as RULE_WORDS counts them (a maximal run of ASCII letters, or
 * one digit) marks the lists it belongs to, and each place where RULE_FIRST says a match can begin
 * is noted. Letters are lower-cased by their code (A–Z | 0x20 is a–z, and no other code lands on
 * a–z that way), as the rules' case-insensitive patterns match them.
 */
function markWords(text: string): void {
  listMet.fill(0);
  startCount = 0;
  let h = 0, length = 0;
  let digitsSeen = 0;
  let afterDigit = false;
  for (let i = 0, n = text.length; i <= n; i++) {
    const code = i < n ? text.charCodeAt(i) : 0;
    const lower = code | 0x20;
    if (lower >= 97 && lower <= 122) { h = (Math.imul(h, 31) + lower) | 0; length++; afterDigit = false; continue; }
    if (length >= shortestWord && length <= longestWord) {
      const use = WORD_USE.get(h);
      if (use !== undefined) {
        for (const id of use.lists) listMet[id] = 1;
        if (use.first !== 0) addStart(i - length, use.first);
      }
    }
    h = 0; length = 0;
    const digit = code >= 48 && code <= 57;
    if (digit) {
      if (!afterDigit && DIGIT_FIRST !== 0) addStart(i, DIGIT_FIRST);
      // A digit is a word of its own; each counts once.
      if ((digitsSeen & (1 << (code - 48))) === 0) {
        digitsSeen |= 1 << (code - 48);
        const use = WORD_USE.get(code);
        if (use !== undefined) for (const id of use.lists) listMet[id] = 1;
      }
    }
    afterDigit = digit;
  }
}

/** Whether the text holds a word of each of rule r's word lists (after markWords). */
function meetsWords(r: number): boolean {
  for (const id of WORD_LISTS[r]) if (listMet[id] === 0) return false;
  return true;
}

/**
 * Characters claimed by a kept expression, indexed by offset; all 0 between texts (each text
 * clears only what it claimed, not the whole buffer).
 */
const claimed = new ScratchBytes(1024);

/**
 * Takes one match of rule r: cut at the end of its sentence, accepted by the rule, trimmed. Returns
 * where the search for the rule's next match resumes (the end of the match as found, as a global
 * search resumes after it).
 */
function takeMatch(text: string, sentences: readonly Sentence[], r: number, m: RegExpExecArray, found: Candidate[]): number {
  const resume = m.index + m[0].length;
  if (m[0].length === 0) return resume + 1;
  const sentence = sentenceContaining(sentences, m.index);
  if (sentence && resume > sentence.end) {
    // A pattern's \s+ reached over a sentence break ("… in May.\n\n2009 was …"): match again
    // within the sentence, so that the part before the break is still found.
    const sticky = STICKY[r];
    sticky.lastIndex = m.index;
    const inner = sticky.exec(text.slice(0, sentence.end));
    if (!inner || inner[0].length === 0) return resume;
    m = inner;
  }
  const rule = RULES[r];
  if (rule.accept && !rule.accept(m, text)) return resume;
  let end = m.index + m[0].length;
  while (end > m.index && /[\s,]/.test(text[end - 1])) end--;
  // A full stop belongs to the expression only after an abbreviation ("Oct.", "p.m.").
  if (text[end - 1] === '.' && !ABBREVIATION_END.test(text.slice(Math.max(m.index, end - 6), end))) end--;
  found.push({ start: m.index, end, rule: r, m });
  return resume;
}

function findCandidates(text: string, sentences: readonly Sentence[]): Candidate[] {
  const found: Candidate[] = [];
  markWords(text);
  for (let r = 0; r < RULES.length; r++) {
    if (!meetsWords(r) || !meetsNeeds(text, r)) continue;
    const bit = FIRST_BIT[r];
    if (bit === 0) {
      const re = RULES[r].re;
      re.lastIndex = 0;
      for (let m = re.exec(text); m !== null; m = re.exec(text)) re.lastIndex = takeMatch(text, sentences, r, m, found);
      continue;
    }
    // Only where a match can begin (RULE_FIRST), in text order: the sticky pattern finds there
    // what a search reaching that offset would, and the places skipped hold no match.
    const sticky = STICKY[r];
    let from = 0;
    for (let j = 0; j < startCount; j++) {
      const at = starts[j];
      if ((startRules[j] & bit) === 0 || at < from) continue;
      sticky.lastIndex = at;
      const m = sticky.exec(text);
      if (m !== null) from = takeMatch(text, sentences, r, m, found);
    }
  }
  // Longest first, then the earlier rule: a date beats the year inside it.
  sortShort(found, (a, b) => (b.end - b.start) - (a.end - a.start) || a.rule - b.rule || a.start - b.start);
  // Characters already claimed by a longer expression (linear in the text, whatever the count).
  const taken = claimed.atLeast(text.length);
  const kept: Candidate[] = [];
  for (const c of found) {
    let free = true;
    for (let i = c.start; i < c.end; i++) if (taken[i]) { free = false; break; }
    if (!free) continue;
    taken.fill(1, c.start, c.end);
    kept.push(c);
  }
  for (const c of kept) taken.fill(0, c.start, c.end);
  return sortShort(kept, (a, b) => a.start - b.start);
}

function firstTokenAt(tokens: readonly Token[], offset: number): number {
  let lo = 0, hi = tokens.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (tokens[mid].end <= offset) lo = mid + 1; else hi = mid; }
  return lo;
}


/** Parts of speech that may stand before an expression that opens its clause ("On Monday, …"). */
const CLAUSE_OPENING_POS: ReadonlySet<string> = new Set(['ADP', 'DET', 'ADV', 'PUNCT', 'CCONJ', 'SPACE']);

function roleOf(type: TimeType, value: string | null, before: string, after: string,
  tokens: readonly Token[], first: number, last: number, lo: number, hi: number): TimeRole {
  if (type === 'DURATION' || type === 'SET' || value === null || VAGUE_VALUE.test(value)) return 'other';
  if (DEADLINE_BEFORE.test(before) || DEADLINE_AFTER.test(after)) return 'deadline';
  if (ACCORDING_TO.test(before)) return 'report';
  // The verb the expression hangs on decides between the date of a statement and of an event:
  // "confirmed on Monday", "Apple today announced", "On Monday, officials said".
  for (let i = first - 1, d = 1; i >= lo && d <= defaults.reportVerbWindow; i--, d++) {
    const t = tokens[i];
    if (t.pos === 'PUNCT') break;
    if (t.pos === 'VERB') return REPORT_VERBS.has(t.lemma) ? 'report' : 'event';
  }
  let opensClause = true;
  for (let i = lo; i < first; i++) {
    if (!CLAUSE_OPENING_POS.has(tokens[i].pos)) { opensClause = false; break; }
  }
  const reach = opensClause ? defaults.reportVerbWindow + 3 : 2;
  for (let i = last + 1, d = 1; i < hi && d <= reach; i++, d++) {
    const t = tokens[i];
    if (t.pos === 'PUNCT' && !opensClause) break;
    if (t.pos === 'VERB') return REPORT_VERBS.has(t.lemma) ? 'report' : 'event';
  }
  return 'event';
}

export interface RecognizeOptions {
  /** Forces the clause tense (for normalising a bare phrase). */
  tense?: Tense | null;
}

/**
 * Recognises and normalises the time expressions of a text whose tokens and sentences are known.
 * Exported for the stage and for tests; the stage is the usual entry point.
 */
export function recognizeTimes(text: string, tokens: readonly Token[], sentences: readonly Sentence[],
  published: string | null | undefined, options: RecognizeOptions = {}): TimeExpression[] {
  const p = publicationDay(published);
  const candidates = findCandidates(text, sentences);
  const whole: Sentence = { index: 0, start: 0, end: text.length, tokenStart: 0, tokenEnd: tokens.length };
  type Item = { start: number; end: number; norm: Normalized; sentence: Sentence; first: number; last: number; before: string; after: string };
  const items: Item[] = [];
  let lastDay: number | null = null;
  let lastValue: string | null = null;
  for (const c of candidates) {
    const sentence = sentenceContaining(sentences, c.start) ?? whole;
    // A pattern's \s+ may reach over a sentence break ("… 2009. Monday"): not one expression.
    if (c.end > sentence.end) continue;
    const first = Math.max(sentence.tokenStart, firstTokenAt(tokens, c.start));
    const last = Math.max(first, Math.min(sentence.tokenEnd - 1, firstTokenAt(tokens, c.end - 1)));
    let tenseMemo: Tense | null | undefined = options.tense;
    // The sentence's text before and after the match: read by the rules, the tense and the role.
    const before = text.slice(sentence.start, c.start);
    const after = text.slice(c.end, sentence.end);
    const ctx: RuleContext = {
      published: p,
      tense: () => {
        if (tenseMemo !== undefined) return tenseMemo;
        // "according to a media report Sunday": the date of a report, which lies behind us.
        if (ACCORDING_TO.test(before)) return (tenseMemo = 'past');
        tenseMemo = clauseTense(tokens, first, last, sentence.tokenStart, sentence.tokenEnd);
        // A deadline in a present or tenseless clause lies ahead: "a June 1 deadline", "closed until Friday".
        if (tenseMemo !== 'past' && (DEADLINE_BEFORE.test(before) || DEADLINE_AFTER.test(after))) tenseMemo = 'future';
        return tenseMemo;
      },
      before,
      after,
      lastDay,
      lastValue,
    };
    const norm = RULES[c.rule].normalize(c.m, ctx);
    if (!norm) continue;
    let start = c.start;
    // "the end of last year": the edge words join the expression and set its mod.
    if (norm.type === 'DATE' && norm.value && /^(?:\d{3,4}|XXXX)(?:-(?:\d{2}|Q\d|H\d|W\d{2}|XX|WXX|QX))?$/.test(norm.value)) {
      const edge = EDGE_PREFIX.exec(before);
      if (edge) {
        start = sentence.start + edge.index;
        norm.mod ??= EDGE_PREFIX_MOD[edge[1].toLowerCase()];
      }
    }
    if (norm.day !== undefined) lastDay = norm.day;
    if (norm.type === 'DATE' && norm.value && /^\d{4}(?:-|$)/.test(norm.value)) lastValue = norm.value;
    items.push({ start, end: c.end, norm, sentence, first, last, before: start === c.start ? before : text.slice(sentence.start, start), after });
  }

  // Clock times take their day from their own words, else from a day named in the same sentence.
  for (const it of items) {
    const clock = it.norm.clock;
    if (!clock) continue;
    let day = it.norm.day ?? null;
    if (!clock.ownDay || day === null) {
      let best: Item | null = null;
      for (const other of items) {
        if (other === it || other.sentence !== it.sentence || other.norm.day === undefined || other.norm.clock) continue;
        if (!best || Math.abs(other.start - it.start) < Math.abs(best.start - it.start)) best = other;
      }
      day = best?.norm.day ?? day ?? p;
    }
    it.norm.value = clockValue(day, clock);
  }

  const out: TimeExpression[] = [];
  for (const it of items) {
    const { norm, before, after } = it;
    const value = norm.value;
    const expr: TimeExpression = {
      id: `t${out.length + 1}`,
      text: text.slice(it.start, it.end),
      start: it.start,
      end: it.end,
      type: norm.type,
      value,
      range: norm.type === 'DATE' || norm.type === 'TIME' ? rangeOfValue(value) : null,
      role: roleOf(norm.type, value, before, after, tokens, it.first, it.last, it.sentence.tokenStart, it.sentence.tokenEnd),
    };
    if (norm.mod) expr.mod = norm.mod;
    out.push(expr);
  }
  return out;
}

/** The pipeline stage: requires tokens and sentences, assigns `doc.times`. */
export function timesStage(): Stage {
  return defineStage({
    name: 'times',
    requires: ['tokens', 'sentences'],
    assigns: ['times'],
    run(doc: Document) {
      const published = doc.article.published;
      const undated = publicationDay(published) === null;
      if (published && undated) doc.diagnose('P107', published);
      const times = recognizeTimes(doc.text, doc.tokens ?? [], doc.sentences ?? [], published);
      const unanchored = times.find((t) => t.value !== null && RELATIVE_VALUE.test(t.value) && !t.value.startsWith('P'));
      if (unanchored && undated) doc.diagnose('P301', unanchored.text, unanchored);
      doc.times = times;
    },
  });
}

/** Segments a text and returns its time expressions (convenience for tests and one-off use). */
export function findTimes(text: string, published: string | null): TimeExpression[] {
  const { tokens, sentences } = segment(text);
  return recognizeTimes(text, tokens, sentences, published);
}

export interface NormalizedTime { text: string; type: TimeType; value: string | null; range: [string, string] | null; mod?: string }

/**
 * Normalises one time phrase against a publication date: `normalizeTime('this week', '2025-10-14')`
 * → `{ type: 'DATE', value: '2025-W42', range: ['2025-10-13', '2025-10-19'] }`. The clause tense,
 * which decides weekdays and bare months, can be given in `context`; otherwise it is read from
 * the phrase itself. Returns the longest expression found, or null.
 */
export function normalizeTime(text: string, published: string | null, context: { tense?: Tense | null } = {}): NormalizedTime | null {
  const { tokens, sentences } = segment(text);
  const found = recognizeTimes(text, tokens, sentences, published, context.tense !== undefined ? { tense: context.tense } : {});
  if (found.length === 0) return null;
  const best = found.reduce((a, b) => (b.end - b.start > a.end - a.start ? b : a));
  const out: NormalizedTime = { text: best.text, type: best.type, value: best.value, range: best.range };
  if (best.mod) out.mod = best.mod;
  return out;
}
