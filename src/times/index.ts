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
import { EDGE_PREFIX, EDGE_PREFIX_MOD, RULES, RULE_NEEDS, RULE_WORDS, clockValue, type Normalized, type RuleContext } from './rules.js';
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
/** Word hash → the ids of the lists holding that word. Two words of one hash share their lists: a text then runs a rule it need not, never the reverse. */
const LISTS_OF_WORD = new Map<number, number[]>();
let shortestWord = Infinity, longestWord = 0;
RULES.forEach((rule, r) => (RULE_WORDS[rule.name] ?? []).forEach((words, j) => {
  for (const word of words) {
    const lower = word.toLowerCase();
    shortestWord = Math.min(shortestWord, lower.length);
    longestWord = Math.max(longestWord, lower.length);
    const key = wordHash(lower);
    const lists = LISTS_OF_WORD.get(key) ?? [];
    if (!lists.includes(WORD_LISTS[r][j])) lists.push(WORD_LISTS[r][j]);
    LISTS_OF_WORD.set(key, lists);
  }
}));
/** Per text, which word lists it meets (reused: the stage runs one text at a time). */
const listMet = new Uint8Array(WORD_LISTS.reduce((n, lists) => n + lists.length, 0));

/**
 * One pass over the text: each word as RULE_WORDS counts them (a maximal run of ASCII letters, or
 * one digit) marks the lists it belongs to. Letters are lower-cased by their code (A–Z | 0x20 is
 * a–z, and no other code lands on a–z that way), as the rules' case-insensitive patterns match them.
 */
function markWords(text: string): void {
  listMet.fill(0);
  let h = 0, length = 0;
  let digitsSeen = 0;
  for (let i = 0, n = text.length; i <= n; i++) {
    const code = i < n ? text.charCodeAt(i) : 0;
    const lower = code | 0x20;
    if (lower >= 97 && lower <= 122) { h = (Math.imul(h, 31) + lower) | 0; length++; continue; }
    if (length >= shortestWord && length <= longestWord) markWord(h);
    h = 0; length = 0;
    // A digit is a word of its own; each counts once.
    if (code >= 48 && code <= 57 && (digitsSeen & (1 << (code - 48))) === 0) {
      digitsSeen |= 1 << (code - 48);
      markWord(code);
    }
  }
}

function markWord(hash: number): void {
  const lists = LISTS_OF_WORD.get(hash);
  if (lists !== undefined) for (const id of lists) listMet[id] = 1;
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

function findCandidates(text: string, sentences: readonly Sentence[]): Candidate[] {
  const found: Candidate[] = [];
  markWords(text);
  for (let r = 0; r < RULES.length; r++) {
    if (!meetsWords(r) || !meetsNeeds(text, r)) continue;
    const rule = RULES[r];
    const re = rule.re;
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) {
      if (m[0].length === 0) { re.lastIndex++; continue; }
      const sentence = sentenceContaining(sentences, m.index);
      if (sentence && m.index + m[0].length > sentence.end) {
        // A pattern's \s+ reached over a sentence break ("… in May.\n\n2009 was …"): match again
        // within the sentence, so that the part before the break is still found.
        const sticky = STICKY[r];
        sticky.lastIndex = m.index;
        const inner = sticky.exec(text.slice(0, sentence.end));
        if (!inner || inner[0].length === 0) continue;
        m = inner;
      }
      if (rule.accept && !rule.accept(m, text)) continue;
      let end = m.index + m[0].length;
      while (end > m.index && /[\s,]/.test(text[end - 1])) end--;
      // A full stop belongs to the expression only after an abbreviation ("Oct.", "p.m.").
      if (text[end - 1] === '.' && !ABBREVIATION_END.test(text.slice(Math.max(m.index, end - 6), end))) end--;
      found.push({ start: m.index, end, rule: r, m });
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
