/**
 * The recognition rules: one precompiled pattern per kind of time expression, each with a
 * normaliser that turns the match into a TIMEX3 type and value against an anchor (the
 * publication date, the clause tense, the last day the text talked about).
 *
 * Conventions (TimeML TIMEX3 as annotated in TempEval-3 and MEANTIME):
 * - extents include determiners and modifiers ("the past decade", "earlier today") but not the
 *   preposition ("on Monday" → "Monday");
 * - a weekday in a past clause is the latest such day on or before the publication date, in a
 *   future clause the next one after it, otherwise the nearest;
 * - with no publication date, anything relative keeps X placeholders (XXXX-WXX, XXXX-10).
 */
import type { TimeType } from '../document/types.js';
import {
  addMonths, dayNumber, daysInMonth, formatDay, formatMonth, formatWeek, formatYear, fromDayNumber,
  isoWeekday, isValidDate, pad2, seasonFromIndex, seasonIndex, seasonOf,
  type SeasonCode,
} from './calendar.js';
import { MONTHS, NUMBER, NUMBER_FIRST_WORDS, WEEKDAYS, durationValue, parseNumber, unitOf, type Unit } from './lexicon.js';
import type { Tense } from './tense.js';

export interface Normalized {
  type: TimeType;
  value: string | null;
  mod?: string;
  /** The expression names one day (it becomes the anchor for "the same day", clock times). */
  day?: number;
  /** A clock time whose day is taken from the sentence when it has none of its own. */
  clock?: { hh: number; mm: number; zone: string; ownDay: boolean };
}

export interface RuleContext {
  /** Publication day number, or null when the article carries no date. */
  published: number | null;
  /** Tense of the clause around the match (computed lazily). */
  tense(): Tense | null;
  /** Text of the sentence before the match, and after it. */
  before: string;
  after: string;
  /** The last concrete day named earlier in the article (for "the same day"). */
  lastDay: number | null;
  /** The last concrete calendar value named earlier in the article (for "the previous year"). */
  lastValue: string | null;
}

export interface Rule {
  name: string;
  re: RegExp;
  /** Extra checks a regular expression cannot express cheaply (capitalisation, context). */
  accept?(m: RegExpExecArray, text: string): boolean;
  normalize(m: RegExpExecArray, ctx: RuleContext): Normalized | null;
}

// ---- what a text must contain for a rule to match ----------------------------------------------
//
// Two quick pre-tests, run once per text, let a rule skip a text it cannot match.
//
// RULE_WORDS: for each list of a rule, every match of the rule's pattern contains one of the
// list's words as a whole word. A word is a maximal run of ASCII letters, compared without case
// (the pattern puts \b, \s, "-", "'", a digit or the end of the match on both sides of it), or
// a single digit, which is a word of its own wherever it stands. One pass over the text finds its
// words, so these cost a few Map look-ups per text, whatever the number of rules.
//
// RULE_NEEDS: patterns that every match contains ("/", "Q1", "0s"), for what words cannot tell,
// tested with the rule's own case flag once the words are met.
const DIGITS = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];
const MONTH_WORDS = Object.keys(MONTHS);
const WEEKDAY_WORDS = Object.keys(WEEKDAYS);
const UNIT_WORDS = [
  'second', 'seconds', 'minute', 'minutes', 'hour', 'hours', 'day', 'days', 'week', 'weeks', 'fortnight', 'fortnights',
  'month', 'months', 'quarter', 'quarters', 'year', 'years', 'decade', 'decades', 'century', 'centuries',
];
const PERIOD_WORDS = ['year', 'month', 'week', 'quarter', 'decade', 'century'];

/** Rule name → lists of words; a text must contain a word of each list before the rule is run on it. */
export const RULE_WORDS: Readonly<Record<string, readonly (readonly string[])[]>> = {
  'iso-date': [DIGITS],
  'numeric-date': [DIGITS],
  'month-day': [DIGITS, MONTH_WORDS],
  'day-month': [DIGITS, MONTH_WORDS],
  'nth-week-of-month': [['week'], MONTH_WORDS],
  month: [MONTH_WORDS],
  quarter: [['quarter']],
  'half-year': [['half']],
  year: [DIGITS],
  century: [DIGITS, ['century']],
  // "1990s", "’90s": the "s" after a digit is a word of its own.
  decade: [['0'], ['s']],
  'apostrophe-year': [DIGITS],
  'quarter-code': [['q'], ['1', '2', '3', '4']],
  weekday: [WEEKDAY_WORDS],
  'relative-day': [['today', 'yesterday', 'tomorrow', 'tonight', 'overnight', 'morning', 'afternoon', 'evening', 'night']],
  'anaphoric-year': [['year'], ['same', 'previous', 'prior', 'preceding', 'before', 'earlier', 'entire', 'whole', 'full']],
  'relative-period': [['this', 'last', 'next', 'coming', 'current', 'past'], [...PERIOD_WORDS, 'weekend']],
  'the-weekend': [['weekend']],
  'period-of-the': [
    ['start', 'beginning', 'end', 'middle', 'rest', 'remainder', 'close', 'turn', 'half', 'early', 'late', 'earlier', 'later'],
    PERIOD_WORDS,
  ],
  season: [['winter', 'spring', 'summer', 'autumn', 'fall']],
  ago: [['ago', 'now', 'hence'], UNIT_WORDS],
  set: [['every', 'each', 'daily', 'weekly', 'monthly', 'annually', 'yearly', 'annual', 'quarterly', 'hourly', 'nightly', 'fortnightly',
    'day', 'week', 'month', 'year', 'quarter', 'hour']],
  duration: [UNIT_WORDS],
  'vague-span': [['minutes', 'hours', 'days', 'weeks', 'months', 'years', 'decades', 'long']],
  'vague-reference': [['now', 'recently', 'lately', 'currently', 'presently', 'nowadays', 'present', 'these', 'being', 'recent', 'past',
    'future', 'soon', 'term', 'coming', 'ahead', 'current', 'moment']],
  'relative-to-story': [
    ['following', 'previous', 'preceding', 'next', 'after', 'before', 'later', 'earlier'],
    ['day', 'days', 'week', 'weeks', 'weekend', 'month', 'months', 'year', 'years'],
  ],
  'that-period': [['week', 'month', 'year', 'time']],
  'same-day': [['day']],
  clock: [[...DIGITS, 'noon', 'midday', 'midnight']],
  'part-of-day': [['morning', 'afternoon', 'evening']],
  holiday: [['christmas', 'year']],
};

/** Rule name → the patterns a text must contain before the rule is run on it. */
export const RULE_NEEDS: Readonly<Record<string, readonly RegExp[]>> = {
  'numeric-date': [/\//],
  'quarter-code': [/Q[1-4]/],
  decade: [/0s/i],
};

// ---- where a match of a rule can begin ---------------------------------------------------------
//
// RULE_FIRST: every match of the rule's pattern begins with one of `words` as a whole word (the
// pattern puts \b before it and a space, "-", "." or \b after it, so the match starts where a run
// of ASCII letters starts, and that run is the word), or, with `digits`, at a digit that no digit
// precedes. The stage tries such a rule's pattern only at those places, not at every offset of
// the text. A rule without an entry is searched the usual way.
const SHIFT_WORDS = ['last', 'next', 'this', 'coming', 'past'];
export const RULE_FIRST: Readonly<Record<string, { words: readonly string[]; digits?: boolean }>> = {
  'iso-date': { words: [], digits: true },
  'numeric-date': { words: [], digits: true },
  'month-day': { words: [...WEEKDAY_WORDS, ...MONTH_WORDS] },
  'day-month': { words: [...WEEKDAY_WORDS, 'the'], digits: true },
  month: { words: ['early', 'late', 'mid', 'last', 'next', 'this', ...MONTH_WORDS] },
  year: { words: ['early', 'late', 'mid'], digits: true },
  weekday: { words: [...SHIFT_WORDS, ...WEEKDAY_WORDS] },
  'relative-day': { words: ['earlier', 'later', 'early', 'late', 'the', 'today', 'yesterday', 'tomorrow', 'tonight', 'this', 'last', 'overnight'] },
  'relative-period': { words: ['earlier', 'later', 'early', 'late', 'the', 'current', ...SHIFT_WORDS] },
  ago: { words: NUMBER_FIRST_WORDS, digits: true },
  set: { words: ['every', 'each', 'daily', 'weekly', 'monthly', 'annually', 'yearly', 'annual', 'quarterly', 'hourly', 'nightly', 'fortnightly', 'a', 'per'] },
  duration: {
    words: [
      'the', 'past', 'last', 'next', 'coming', 'first', 'final', 'previous', 'following', 'remaining', 'latest',
      'almost', 'nearly', 'about', 'around', 'approximately', 'roughly', 'some', 'more', 'less', 'fewer', 'at', 'over', 'under', 'up',
      'just', 'only', 'another', 'an', 'a', ...NUMBER_FIRST_WORDS,
    ],
    digits: true,
  },
  'vague-span': { words: ['the', 'minutes', 'hours', 'days', 'weeks', 'months', 'years', 'decades', 'year', 'decade', 'month', 'week', 'day'] },
  'relative-to-story': { words: ['the', ...NUMBER_FIRST_WORDS], digits: true },
  'that-period': { words: ['that', 'the'] },
  clock: { words: ['noon', 'midday', 'midnight'], digits: true },
  holiday: { words: ['christmas', 'new'] },
};

// ---- pattern fragments ------------------------------------------------------------------------

const MONTH = '(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)';
const WEEKDAY = '(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)';
const UNIT = '(seconds?|minutes?|hours?|days?|weeks?|fortnights?|months?|quarters?|years?|decades?|century|centuries)';
const ZONE = '(UTC|GMT|Z|local time|[ECMP][SD]T|CES?T|BST|MSK|EES?T|EDT)';
const RELATIVE_DAY = '(today|yesterday|tomorrow)';

const re = (source: string, flags = 'gi'): RegExp => new RegExp(source, flags);

/** Whether the text just before `index` matches `pattern` (anchored with $). Cheaper than a lookbehind run at every position. */
const precededBy = (text: string, index: number, pattern: RegExp): boolean => pattern.test(text.slice(Math.max(0, index - 40), index));
const isCapitalised = (s: string): boolean => s.length > 0 && s[0] >= 'A' && s[0] <= 'Z';
/** Modifiers that turn a weekday into the name of something else ("Black Monday", "Good Friday"). */
const WEEKDAY_NAMES = /\b(?:Black|Cyber|Super|Good|Bloody|Ash|Palm|Holy|Maundy|Easter|Shrove|Blue|Manic|Cyber)\s+$/;
/** Nouns that show a four-digit number is a count, not a year. */
const COUNT_NOUN = /^\s*(?:%|percent|per\s?cent|people|persons|units|jobs|points|employees|workers|cars|vehicles|aircraft|planes|jets|troops|soldiers|civilians|dollars|euros|pounds|tons|tonnes|km|kilometres|kilometers|miles|metres|meters|feet|barrels|shares|homes|houses|refugees|casualties|deaths|votes|seats|members|delegates|prisoners|hostages|missiles|rockets|drones|shells|times|more|other|of\b)/i;
/** Prepositions that make a bare month or season a date ("in May", "before winter"). */
const DATE_PREPOSITION = /\b(?:in|since|until|till|by|of|from|through|during|before|after|early|late|mid|last|next|this|that|between|and|to|for|around|about|until|throughout)\s+(?:the\s+)?$/i;

// ---- anchor arithmetic ------------------------------------------------------------------------

type Direction = 'past' | 'future' | 'nearest';

function directionOf(tense: Tense | null): Direction {
  if (tense === 'past') return 'past';
  if (tense === 'future') return 'future';
  return 'nearest';
}

/** The weekday `wd` (1 = Monday) relative to day `p`. Past and future include `p` itself (MEANTIME). */
export function resolveWeekday(wd: number, p: number, direction: Direction | 'last' | 'next'): number {
  const today = isoWeekday(p);
  const back = (today - wd + 7) % 7; // 0..6 days back to the latest such day on or before p
  switch (direction) {
    case 'past': return p - back;
    case 'last': return p - (back === 0 ? 7 : back);
    case 'future': return p + ((wd - today + 7) % 7); // "lands on Monday", written on a Monday: today
    case 'next': return p + ((wd - today + 7) % 7 || 7);
    case 'nearest': return back <= 3 ? p - back : p + (7 - back);
  }
}

/** The year to give a month (and optional day) without a year. */
function yearFor(month: number, day: number | null, p: number, direction: Direction): number {
  const { y } = fromDayNumber(p);
  const at = (yy: number): number => dayNumber(yy, month, day ?? (direction === 'future' ? daysInMonth(yy, month) : 1));
  if (direction === 'past') {
    // The month itself (or a day up to today) counts as past: "in October", published 14 October.
    return day === null ? (at(y) <= p ? y : y - 1) : (dayNumber(y, month, day) <= p ? y : y - 1);
  }
  if (direction === 'future') return at(y) >= p ? y : y + 1;
  // Nearest: compare the middle of the month (or the day) with the anchor; ties go to the past.
  let best = y, bestDist = Infinity;
  for (const yy of [y - 1, y, y + 1]) {
    const mid = day === null ? dayNumber(yy, month, 15) : dayNumber(yy, month, Math.min(day, daysInMonth(yy, month)));
    const dist = Math.abs(mid - p) + (mid > p ? 0.5 : 0);
    if (dist < bestDist) { best = yy; bestDist = dist; }
  }
  return best;
}

function addUnits(p: number, n: number, unit: Unit): { value: string; day?: number } {
  const { y, m } = fromDayNumber(p);
  switch (unit) {
    case 'day': return { value: formatDay(p + n), day: p + n };
    case 'week': return { value: formatDay(p + 7 * n), day: p + 7 * n };
    case 'fortnight': return { value: formatDay(p + 14 * n), day: p + 14 * n };
    case 'month': { const t = addMonths(y, m, n); return { value: formatMonth(t.y, t.m) }; }
    case 'quarter': { const t = addMonths(y, m, 3 * n); return { value: `${formatYear(t.y)}-Q${Math.ceil(t.m / 3)}` }; }
    case 'year': return { value: formatYear(y + n) };
    case 'decade': return { value: String(Math.floor((y + 10 * n) / 10)) };
    case 'century': return { value: String(Math.floor((y + 100 * n) / 100)) };
    default: return { value: formatDay(p), day: p };
  }
}

const dayNorm = (n: number): Normalized => ({ type: 'DATE', value: formatDay(n), day: n });
const PART_OF_DAY: Readonly<Record<string, string>> = { morning: 'MO', afternoon: 'AF', evening: 'EV', night: 'NI', tonight: 'NI' };
// "earlier this month" is still this month: only early/mid/late narrow the period.
const EDGE_MOD: Readonly<Record<string, string>> = { early: 'START', mid: 'MID', late: 'END' };
const QUARTER_WORD: Readonly<Record<string, number>> = { first: 1, '1st': 1, second: 2, '2nd': 2, third: 3, '3rd': 3, fourth: 4, '4th': 4, final: 4 };

/** Period named by "this/last/next/the coming … week|month|year|quarter|decade|century". */
function relativePeriod(unit: string, shift: number, p: number | null): Normalized {
  if (p === null) {
    const unknown: Record<string, string> = { week: 'XXXX-WXX', weekend: 'XXXX-WXX-WE', month: 'XXXX-XX', year: 'XXXX', quarter: 'XXXX-QX', decade: 'XXX', century: 'XX' };
    return { type: 'DATE', value: unknown[unit] ?? null };
  }
  const { y, m } = fromDayNumber(p);
  switch (unit) {
    case 'week': return { type: 'DATE', value: formatWeek(p + 7 * shift) };
    case 'month': { const t = addMonths(y, m, shift); return { type: 'DATE', value: formatMonth(t.y, t.m) }; }
    case 'year': return { type: 'DATE', value: formatYear(y + shift) };
    case 'quarter': { const t = addMonths(y, m, 3 * shift); return { type: 'DATE', value: `${formatYear(t.y)}-Q${Math.ceil(t.m / 3)}` }; }
    case 'decade': return { type: 'DATE', value: String(Math.floor(y / 10) + shift) };
    case 'century': return { type: 'DATE', value: String(Math.floor(y / 100) + shift) };
    default: return { type: 'DATE', value: null };
  }
}

/** The weekend (Saturday–Sunday) relative to p, named by the ISO week of its Saturday. */
function weekend(p: number | null, direction: Direction | 'last' | 'next'): Normalized {
  if (p === null) return { type: 'DATE', value: 'XXXX-WXX-WE' };
  const wd = isoWeekday(p);
  let saturday: number;
  if (wd >= 6) saturday = p - (wd - 6); // it is the weekend now
  else saturday = direction === 'past' || direction === 'last' ? p - wd - 1 : p + (6 - wd);
  if (direction === 'last' && wd >= 6) saturday -= 7;
  if (direction === 'next' && wd >= 6) saturday += 7;
  return { type: 'DATE', value: `${formatWeek(saturday)}-WE` };
}

function seasonCode(word: string): SeasonCode {
  const w = word.toLowerCase();
  return w === 'winter' ? 'WI' : w === 'spring' ? 'SP' : w === 'summer' ? 'SU' : 'FA';
}

function resolveSeason(code: SeasonCode, p: number, shift: 'this' | 'last' | 'next' | null, direction: Direction): string {
  const { y, m } = fromDayNumber(p);
  const now = seasonOf(y, m);
  const current = seasonIndex(now.y, now.code);
  // Candidates: the occurrence of this season from a year back to a year ahead.
  const options = [-4, -3, -2, -1, 0, 1, 2, 3, 4].map((k) => current + k).filter((k) => seasonFromIndex(k).code === code);
  let pick: number;
  if (shift === 'last') pick = Math.max(...options.filter((k) => k < current));
  else if (shift === 'next') pick = Math.min(...options.filter((k) => k > current));
  else if (options.includes(current)) pick = current;
  else if (direction === 'past') pick = Math.max(...options.filter((k) => k < current));
  else if (direction === 'future' || shift === 'this') pick = Math.min(...options.filter((k) => k > current));
  else pick = options.reduce((a, b) => (Math.abs(b - current) < Math.abs(a - current) ? b : a));
  const s = seasonFromIndex(pick);
  return `${formatYear(s.y)}-${s.code}`;
}

function yearFromRelative(word: string, p: number | null): number | null {
  if (p === null) return null;
  const { y } = fromDayNumber(p);
  const w = word.toLowerCase();
  if (/^(last|the previous|the last|the past)/.test(w)) return y - 1;
  if (/^(next|the following|the coming|the next)/.test(w)) return y + 1;
  return y;
}

function twoDigitYear(yy: number, p: number | null): number {
  const pivot = p === null ? 2030 : fromDayNumber(p).y + 10;
  return 2000 + yy > pivot ? 1900 + yy : 2000 + yy;
}

// ---- the rules --------------------------------------------------------------------------------

/** A day of a month with the year written, or the year the clause's tense points to from publication. */
function monthDayNorm(mo: number, d: number, year: string | undefined, ctx: RuleContext): Normalized | null {
  let y: number;
  if (year) y = +year;
  else if (ctx.published === null) return { type: 'DATE', value: `XXXX-${pad2(mo)}-${pad2(d)}` };
  else y = yearFor(mo, d, ctx.published, directionOf(ctx.tense()));
  if (!isValidDate(y, mo, d)) return null;
  return dayNorm(dayNumber(y, mo, d));
}

export const RULES: readonly Rule[] = [
  {
    name: 'iso-date',
    re: re(String.raw`\b(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?(?![\d-])`, 'g'),
    accept: (m) => isValidDate(+m[1], +m[2], +m[3]),
    normalize(m) {
      const n = dayNumber(+m[1], +m[2], +m[3]);
      if (m[4]) return { type: 'TIME', value: `${formatDay(n)}T${m[4]}:${m[5]}`, day: n };
      return dayNorm(n);
    },
  },
  {
    name: 'numeric-date',
    // US order (7/8/07 is 8 July) unless the first number cannot be a month.
    re: re(String.raw`(?<![\d/.])(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})(?![\d/])`, 'g'),
    accept: (m) => {
      const a = +m[1], b = +m[2];
      return (a <= 12 && b <= 31) || (b <= 12 && a <= 31);
    },
    normalize(m, ctx) {
      let mo = +m[1], d = +m[2];
      if (mo > 12) [mo, d] = [d, mo];
      const y = m[3].length === 2 ? twoDigitYear(+m[3], ctx.published) : +m[3];
      if (!isValidDate(y, mo, d)) return null;
      return dayNorm(dayNumber(y, mo, d));
    },
  },
  {
    name: 'month-day',
    re: re(String.raw`\b(?:${WEEKDAY},?\s+)?${MONTH}\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?![\d:]|[.,]\d)(?:,?\s+(\d{4})(?!\d|,\d))?`),
    accept: (m) => isCapitalised(m[2]) && +m[3] >= 1 && +m[3] <= 31,
    normalize: (m, ctx) => monthDayNorm(MONTHS[m[2].toLowerCase()], +m[3], m[4], ctx),
  },
  {
    name: 'day-month',
    re: re(String.raw`\b(?:${WEEKDAY},?\s+)?(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?${MONTH}\b\.?(?:,?\s+(\d{4})(?!\d|,\d))?`),
    accept: (m, text) => {
      if (!isCapitalised(m[3]) || +m[2] < 1 || +m[2] > 31) return false;
      const prev = text[m.index - 1];
      return prev === undefined || !/[\d,.$€£]/.test(prev);
    },
    normalize: (m, ctx) => monthDayNorm(MONTHS[m[3].toLowerCase()], +m[2], m[4], ctx),
  },
  {
    name: 'nth-week-of-month',
    re: re(String.raw`\b(?:the\s+)?(first|second|third|fourth|last|final)\s+week\s+of\s+${MONTH}(?:,?\s+(\d{4}))?\b`),
    accept: (m) => isCapitalised(m[2]),
    normalize(m, ctx) {
      const mo = MONTHS[m[2].toLowerCase()];
      let y: number;
      if (m[3]) y = +m[3];
      else if (ctx.published === null) return { type: 'DATE', value: 'XXXX-WXX' };
      else y = yearFor(mo, null, ctx.published, directionOf(ctx.tense()));
      const which = m[1].toLowerCase();
      if (which === 'last' || which === 'final') {
        // The last full week: the one whose Sunday is the month's last Sunday.
        const end = dayNumber(y, mo, daysInMonth(y, mo));
        return { type: 'DATE', value: formatWeek(end - (isoWeekday(end) % 7)) };
      }
      const first = dayNumber(y, mo, 1);
      const firstMonday = first + ((8 - isoWeekday(first)) % 7);
      const k = { first: 0, second: 1, third: 2, fourth: 3 }[which as 'first'] ?? 0;
      return { type: 'DATE', value: formatWeek(firstMonday + 7 * k) };
    },
  },
  {
    name: 'month',
    re: re(String.raw`\b(?:(early|late|mid)[\s-]+(?:in\s+)?)?(?:(last|next|this|this past|this coming)\s+)?${MONTH}\b\.?(?:,?\s+(?:of\s+)?(\d{4}(?!\d|,\d)|this year|last year|next year|the previous year|the following year|the same year))?`),
    accept(m, text) {
      const word = m[3];
      if (!isCapitalised(word)) return false;
      const full = (word.length > 3 && MONTHS[word.toLowerCase()] !== undefined) || word === 'May';
      if (m[4]) return true;
      if (!full) return false;
      if (m[1] || m[2]) return true;
      // "May" is mostly the modal verb and "March" a verb: demand a date-like preposition.
      if (word === 'May' || word === 'March') {
        return precededBy(text, m.index, DATE_PREPOSITION) && !/^\s+(?:be|have|not|to|on)\b/i.test(text.slice(m.index + m[0].length, m.index + m[0].length + 6));
      }
      return true;
    },
    normalize(m, ctx) {
      const mo = MONTHS[m[3].toLowerCase()];
      const mod = m[1] ? EDGE_MOD[m[1].toLowerCase()] : undefined;
      const shift = m[2]?.toLowerCase();
      let y: number | null = null;
      if (m[4]) y = /^\d/.test(m[4]) ? +m[4] : yearFromRelative(m[4], ctx.published);
      else if (ctx.published !== null) {
        const { y: py, m: pm } = fromDayNumber(ctx.published);
        // "last March": the latest March before this month; "next March": the first after it.
        if (shift === 'last' || shift === 'this past') y = mo < pm ? py : py - 1;
        else if (shift === 'next' || shift === 'this coming') y = mo > pm ? py : py + 1;
        else if (shift === 'this') y = py;
        else y = yearFor(mo, null, ctx.published, directionOf(ctx.tense()));
      }
      const value = y === null ? `XXXX-${pad2(mo)}` : formatMonth(y, mo);
      return mod ? { type: 'DATE', value, mod } : { type: 'DATE', value };
    },
  },
  {
    name: 'quarter',
    re: re(String.raw`\b(?:the\s+)?(first|second|third|fourth|final|last|1st|2nd|3rd|4th)[\s-]+(?:fiscal\s+|financial\s+)?quarter\b(?!\s+of\s+(?!(?:the\s+)?(?:fiscal\s+)?(?:\d{4}|this|last|next|the previous|the current|that)\b))(?:\s+of\s+(?:the\s+)?(?:fiscal\s+)?(?:(\d{4})|(this|last|next|the previous|the current|that)\s+year))?`),
    normalize(m, ctx) {
      const word = m[1].toLowerCase();
      const p = ctx.published;
      let y: number | null = m[2] ? +m[2] : m[3] ? yearFromRelative(m[3], p) : null;
      if (word === 'last' && !m[2] && !m[3]) {
        // "the last quarter": the quarter before the current one.
        if (p === null) return { type: 'DATE', value: 'XXXX-QX' };
        return relativePeriod('quarter', -1, p);
      }
      const q = QUARTER_WORD[word] ?? 4;
      if (y === null) {
        if (p === null) return { type: 'DATE', value: `XXXX-Q${q}` };
        const { y: py, m: pm } = fromDayNumber(p);
        const cq = Math.ceil(pm / 3);
        const dir = directionOf(ctx.tense());
        // A past clause reports a quarter that has ended: "rose in the fourth quarter", written in October.
        if (dir === 'past') y = q < cq ? py : py - 1;
        else if (dir === 'future') y = q >= cq ? py : py + 1;
        else y = Math.abs(q - cq) <= 2 ? py : q > cq ? py - 1 : py + 1;
      }
      return { type: 'DATE', value: `${formatYear(y)}-Q${q}` };
    },
  },
  {
    name: 'quarter-code',
    re: re(String.raw`\bQ([1-4])(?:\s+(\d{4})|\s*['’](\d{2}))?\b`, 'g'),
    normalize(m, ctx) {
      const y = m[2] ? +m[2] : m[3] ? twoDigitYear(+m[3], ctx.published) : ctx.published === null ? null : fromDayNumber(ctx.published).y;
      return { type: 'DATE', value: y === null ? `XXXX-Q${m[1]}` : `${formatYear(y)}-Q${m[1]}` };
    },
  },
  {
    name: 'half-year',
    re: re(String.raw`\b(?:the\s+)?(first|second)\s+half\s+of\s+(?:the\s+)?(?:(\d{4})|(this|last|next|the previous|the current)\s+year)\b`),
    normalize(m, ctx) {
      const y = m[2] ? +m[2] : yearFromRelative(m[3], ctx.published);
      const h = m[1].toLowerCase() === 'first' ? 1 : 2;
      return { type: 'DATE', value: y === null ? `XXXX-H${h}` : `${formatYear(y)}-H${h}` };
    },
  },
  {
    name: 'year',
    re: re(String.raw`\b(?:(early|late|mid)[\s-]+)?((?:19|20)\d\d)(?![\d]|[.,]\d|-[a-z]|[%])`),
    accept(m, text) {
      const prev = text.slice(Math.max(0, m.index - 3), m.index);
      if (/[$€£#/:]\s*$|[A-Za-z]-$|No\.\s*$/.test(prev)) return false;
      if (/\d[-–]$/.test(prev) && !/\b(?:19|20)\d\d[-–]$/.test(text.slice(Math.max(0, m.index - 5), m.index))) return false;
      const after = text.slice(m.index + m[0].length, m.index + m[0].length + 14);
      // "the Russell 2000 Index": a number inside a name.
      if (/[A-Z][a-z]+\s+$/.test(prev.length ? text.slice(Math.max(0, m.index - 20), m.index) : '') && /^[ \t]+[A-Z][a-z]/.test(after)
        && !/\b(?:In|Since|By|Until|Before|After|From|During|Of)\s+$/.test(text.slice(Math.max(0, m.index - 20), m.index))) return false;
      return !COUNT_NOUN.test(after);
    },
    normalize(m) {
      const mod = m[1] ? EDGE_MOD[m[1].toLowerCase()] : undefined;
      return mod ? { type: 'DATE', value: m[2], mod } : { type: 'DATE', value: m[2] };
    },
  },
  {
    name: 'century',
    re: re(String.raw`\b(?:the\s+)?(?:(early|late|mid)[\s-]+)?(\d{1,2})(?:st|nd|rd|th)[\s-]+century\b`),
    normalize(m) {
      const n = +m[2];
      if (n < 1) return null;
      const value = String(n - 1).padStart(2, '0'); // the 20th century is 1900–1999: "19"
      const mod = m[1] ? EDGE_MOD[m[1].toLowerCase()] : undefined;
      return mod ? { type: 'DATE', value, mod } : { type: 'DATE', value };
    },
  },
  {
    name: 'decade',
    re: re(String.raw`(?:\b(early|late|mid)[\s-]+)?(?:\b(1[89]\d|20\d)0s|['’](\d)0s|\b(\d)0s)\b`),
    accept(m, text) {
      if (m[3]) return m[1] !== undefined || precededBy(text, m.index, /(?:^|[\s(])$/);
      // A bare "70s" is a decade after "the" or in a list of decades, not an age ("in their 70s").
      if (m[4]) return precededBy(text, m.index, /\bthe\s+$|\d0s\s+(?:and|or|to)\s+$/i) || (m[1] !== undefined && precededBy(text, m.index, /\bthe\s+$/i));
      return true;
    },
    normalize(m, ctx) {
      const mod = m[1] ? EDGE_MOD[m[1].toLowerCase()] : undefined;
      const decade = m[2] ?? String(Math.floor(twoDigitYear(+(m[3] ?? m[4]) * 10, ctx.published) / 10));
      return mod ? { type: 'DATE', value: decade, mod } : { type: 'DATE', value: decade };
    },
  },
  {
    name: 'apostrophe-year',
    // Only after a preposition or a month: "since '82", "June '09" (not "iLife '11").
    re: re(String.raw`['’](\d{2})(?![\d%]|s\b|\w)`, 'g'),
    accept: (m, text) => precededBy(text, m.index, /\b(?:since|in|of|from|until|till|by|before|after|during|circa|class|summer|winter|spring|autumn|fall|January|February|March|April|May|June|July|August|September|October|November|December)\s+$/),
    normalize: (m, ctx) => ({ type: 'DATE', value: formatYear(twoDigitYear(+m[1], ctx.published)) }),
  },
  {
    name: 'weekday',
    re: re(String.raw`\b(?:(last|next|this|this past|this coming|coming|past)\s+)?${WEEKDAY}(?:\s+(morning|afternoon|evening|night))?\b`),
    accept(m, text) {
      const word = m[2];
      if (!isCapitalised(word)) return false;
      if (WEEKDAY_NAMES.test(text.slice(Math.max(0, m.index - 10), m.index))) return false;
      // "the Sunday Times", "The Monday Club": a weekday inside a name.
      return !(precededBy(text, m.index, /\bthe\s+$/i) && /^[ \t]+[A-Z][a-z]/.test(text.slice(m.index + m[0].length, m.index + m[0].length + 4)));
    },
    normalize(m, ctx) {
      const wd = WEEKDAYS[m[2].toLowerCase()];
      const shift = m[1]?.toLowerCase();
      const part = m[3] ? PART_OF_DAY[m[3].toLowerCase()] : undefined;
      if (ctx.published === null) {
        return { type: part ? 'TIME' : 'DATE', value: `XXXX-WXX-${wd}${part ? `T${part}` : ''}` };
      }
      // A weekday with a simple present is a timetable ("the ban takes effect on Saturday"): ahead.
      const tense = ctx.tense();
      const direction = shift === 'last' || shift === 'this past' || shift === 'past' ? 'last'
        : shift === 'next' || shift === 'this coming' || shift === 'coming' ? 'next'
          : tense === 'present' ? 'future' : directionOf(tense);
      const day = resolveWeekday(wd, ctx.published, direction);
      if (part) return { type: 'TIME', value: `${formatDay(day)}T${part}`, day };
      return dayNorm(day);
    },
  },
  {
    name: 'relative-day',
    re: re(String.raw`\b(?:(earlier|later|early|late)\s+)?(?:the\s+day\s+(before|after)\s+)?${RELATIVE_DAY}(?:\s+(morning|afternoon|evening|night))?\b(?![-‐])|\btonight\b|\b(this|last)\s+(morning|afternoon|evening|night)\b|\bovernight\b(?!\s+(?:rate|lending|stay|bag|train|flight|success))`),
    normalize(m, ctx) {
      const p = ctx.published;
      let offset = 0;
      let part: string | undefined;
      const whole = m[0].toLowerCase();
      if (whole === 'tonight') part = 'NI';
      // "Drones struck overnight": the night before the report, unless the clause looks ahead.
      else if (whole === 'overnight') { part = 'NI'; offset = ctx.tense() === 'future' ? 0 : -1; }
      else if (m[5]) {
        part = PART_OF_DAY[m[6].toLowerCase()];
        if (m[5].toLowerCase() === 'last') offset = -1;
      } else {
        const w = m[3].toLowerCase();
        offset = w === 'yesterday' ? -1 : w === 'tomorrow' ? 1 : 0;
        if (m[2]) offset += m[2].toLowerCase() === 'before' ? -1 : 1;
        if (m[4]) part = PART_OF_DAY[m[4].toLowerCase()];
      }
      if (p === null) return { type: part ? 'TIME' : 'DATE', value: `XXXX-XX-XX${part ? `T${part}` : ''}` };
      const day = p + offset;
      if (part) return { type: 'TIME', value: `${formatDay(day)}T${part}`, day };
      return dayNorm(day);
    },
  },
  {
    name: 'anaphoric-year',
    // Years counted from the period the text is talking about, not from the publication date:
    // "sales fell in January from the same month a year ago", "… 2005 and $8.6 billion for the entire year".
    re: re(String.raw`\b(?:the\s+same\s+(period|month|quarter|week|time|day)\s+(?:(?:of\s+)?(?:the\s+)?(?:last|previous|prior)\s+year|a\s+year\s+(?:ago|earlier|before))|the\s+(?:previous|prior|preceding)\s+year|the\s+year\s+(?:before|previous|prior|earlier)|a\s+year\s+(?:earlier|before)(?!\s+(?:than|the|it|that|when)\b)|the\s+(entire|whole|full)\s+year)\b`),
    normalize(m, ctx) {
      const anchor = ctx.lastValue && /^\d{4}/.test(ctx.lastValue) ? ctx.lastValue
        : ctx.published !== null ? formatDay(ctx.published) : null;
      if (anchor === null) return { type: 'DATE', value: 'XXXX' };
      const y = +anchor.slice(0, 4);
      if (m[2]) return { type: 'DATE', value: formatYear(y) };
      const same = m[1]?.toLowerCase();
      if (same) {
        const rest = anchor.slice(4);
        const fits = (same === 'month' && /^-\d{2}$/.test(rest)) || (same === 'quarter' && /^-Q\d$/.test(rest))
          || (same === 'day' && /^-\d{2}-\d{2}$/.test(rest)) || ((same === 'period' || same === 'time') && /^-(?:\d{2}|Q\d|H\d)$/.test(rest));
        if (fits && !rest.startsWith('-W')) return { type: 'DATE', value: `${formatYear(y - 1)}${rest}` };
      }
      return { type: 'DATE', value: formatYear(y - 1) };
    },
  },
  {
    name: 'relative-period',
    re: re(String.raw`\b(?:(earlier|later|early|late)\s+(?:in\s+)?)?(this|last|next|the coming|the current|the past|this past|this coming|coming|current|past|the last|the next)\s+(week|weekend|month|year|quarter|decade|century)\b`),
    normalize(m, ctx) {
      const edge = m[1]?.toLowerCase();
      const which = m[2].toLowerCase();
      const unit = m[3].toLowerCase();
      const p = ctx.published;
      // "the past decade", "the past week": a stretch of time up to now, not a calendar period.
      if (which === 'the past' || which === 'past' || (which === 'the last' && (unit === 'decade' || unit === 'century'))) {
        return { type: 'DURATION', value: durationValue(1, unitOf(unit)) };
      }
      const shift = /^(?:last|the previous|this past|previous|the last)$/.test(which) ? -1
        : /^(?:next|the coming|this coming|the following|coming|the next)$/.test(which) ? 1 : 0;
      let out: Normalized;
      if (unit === 'weekend') out = weekend(p, shift < 0 ? 'last' : shift > 0 ? 'next' : directionOf(ctx.tense()));
      else out = relativePeriod(unit, shift, p);
      if (edge && EDGE_MOD[edge]) out.mod = EDGE_MOD[edge];
      return out;
    },
  },
  {
    name: 'the-weekend',
    re: re(String.raw`\bthe\s+weekend\b`),
    normalize: (m, ctx) => weekend(ctx.published, directionOf(ctx.tense())),
  },
  {
    name: 'period-of-the',
    // "the end of the year": "the year" here is the current one.
    // "earlier in the week", "late in the year": the current period too.
    re: re(String.raw`\b(?:(?:the\s+)?(?:very\s+)?(start|beginning|end|middle|rest|remainder|close|turn|first half|second half)\s+of|(early|late|earlier|later)\s+in)\s+the\s+(year|month|week|quarter|decade|century)\b`),
    normalize(m, ctx) {
      if (m[2]) {
        const out = relativePeriod(m[3].toLowerCase(), 0, ctx.published);
        const mod = EDGE_MOD[m[2].toLowerCase()];
        if (mod) out.mod = mod;
        return out;
      }
      const edge = m[1].toLowerCase();
      const unit = m[3].toLowerCase();
      if (unit === 'year' && edge.endsWith('half') && ctx.published !== null) {
        return { type: 'DATE', value: `${formatYear(fromDayNumber(ctx.published).y)}-H${edge.startsWith('first') ? 1 : 2}` };
      }
      const out = relativePeriod(unit, 0, ctx.published);
      out.mod = edge === 'start' || edge === 'beginning' || edge === 'first half' ? 'START' : edge === 'middle' ? 'MID' : 'END';
      return out;
    },
  },
  {
    name: 'season',
    re: re(String.raw`\b(?:the\s+)?(?:(early|late|mid)[\s-]+)?(?:(this|last|next|the coming|this coming|this past|the past|the last|the next|coming|past)\s+)?(winter|spring|summer|autumn|fall)\b(?:\s+(?:of\s+)?(\d{4})(?!\d|,\d))?`),
    accept(m, text) {
      const word = m[3];
      const before = text.slice(Math.max(0, m.index - 20), m.index);
      const after = text.slice(m.index + m[0].length, m.index + m[0].length + 20);
      // "Arab Spring", "Winter Olympics": part of a name.
      if (isCapitalised(word) && (/[A-Z][a-z]+\s+$/.test(before) && !/(?:^|[.!?]\s+)[A-Z][a-z]+\s+$/.test(before) || /^\s+[A-Z]/.test(after))) return false;
      if (m[1] || m[2] || m[4]) return true;
      if (/^\s+of\b/i.test(after)) return false; // "the fall of Kabul"
      const lower = word.toLowerCase();
      if (lower === 'fall' || lower === 'spring') return /\b(?:in|during|by|until|before|after|since|through|this|next|last)\s+(?:the\s+)?$/i.test(before);
      return true;
    },
    normalize(m, ctx) {
      const code = seasonCode(m[3]);
      const mod = m[1] ? EDGE_MOD[m[1].toLowerCase()] : undefined;
      let value: string;
      if (m[4]) value = `${m[4]}-${code}`;
      else if (ctx.published === null) value = `XXXX-${code}`;
      else {
        const w = m[2]?.toLowerCase();
        const shift = !w ? null : /last|past/.test(w) ? 'last' : /next|coming/.test(w) ? 'next' : 'this';
        // "before winter", "ahead of winter": the coming one, whatever the tense of the report.
        const ahead = !shift && /\b(?:before|ahead of|until|till|by|in time for)\s+(?:the\s+)?$/i.test(ctx.before);
        value = resolveSeason(code, ctx.published, shift, ahead ? 'future' : directionOf(ctx.tense()));
      }
      return mod ? { type: 'DATE', value, mod } : { type: 'DATE', value };
    },
  },
  {
    name: 'ago',
    re: re(String.raw`\b(${NUMBER})\s+${UNIT}\s+(ago|from now|hence)\b`),
    normalize(m, ctx) {
      const n = parseNumber(m[1]);
      const unit = unitOf(m[2]);
      const sign = m[3].toLowerCase() === 'ago' ? -1 : 1;
      if (ctx.published === null || !Number.isFinite(n)) return { type: 'DATE', value: sign < 0 ? 'PAST_REF' : 'FUTURE_REF' };
      if (unit === 'hour' || unit === 'minute' || unit === 'second') return { type: 'DATE', value: formatDay(ctx.published), day: ctx.published };
      const r = addUnits(ctx.published, sign * n, unit);
      return { type: 'DATE', value: r.value, day: r.day };
    },
  },
  {
    name: 'set',
    re: re(String.raw`\b(?:every|each)\s+(?:other\s+|single\s+)?(day|week|month|year|quarter|morning|evening|night|weekend|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b|\bevery\s+(${NUMBER})\s+${UNIT}|\b(daily|weekly|monthly|annually|yearly|annual|quarterly|hourly|nightly|fortnightly)\b|\b(?:a|per)\s+(day|week|month|year|quarter|hour)\b`),
    accept(m, text) {
      // "15 tanks a year", "twice a week": a rate needs a count before it.
      if (m[5] && !precededBy(text, m.index, /(?:\d|%|percent|billion|million|thousand|times|once|twice)\s+(?:[a-z]+\s+)?$/i)) return false;
      // "the weekly said": the newspaper, not a frequency.
      if (m[4] && /^(?:daily|weekly|monthly)$/i.test(m[4]) && /^\s*(?:[,.;:]|reported|said|says|wrote|writes|quoted|claimed)\b/i.test(text.slice(m.index + m[0].length, m.index + m[0].length + 12))) return false;
      // "Daily Mail", "The Weekly Standard": names, not frequencies.
      if (m[4] && isCapitalised(m[4])) {
        const before = text.slice(Math.max(0, m.index - 3), m.index);
        if (!/(?:^|[.!?"“]\s*)$/.test(before) || /^\s+[A-Z]/.test(text.slice(m.index + m[0].length))) return false;
      }
      return true;
    },
    normalize(m) {
      if (m[2]) return { type: 'SET', value: durationValue(parseNumber(m[2]), unitOf(m[3])) }; // "every three days"
      const w = (m[1] ?? m[4] ?? m[5]).toLowerCase();
      if (w in WEEKDAYS) return { type: 'SET', value: `XXXX-WXX-${WEEKDAYS[w]}` };
      const map: Record<string, string> = {
        day: 'P1D', daily: 'P1D', week: 'P1W', weekly: 'P1W', month: 'P1M', monthly: 'P1M', year: 'P1Y', yearly: 'P1Y',
        annual: 'P1Y', annually: 'P1Y', quarter: 'P3M', quarterly: 'P3M', hour: 'PT1H', hourly: 'PT1H',
        morning: 'TMO', evening: 'TEV', night: 'TNI', nightly: 'TNI', weekend: 'P1WE', fortnightly: 'P2W',
      };
      return { type: 'SET', value: map[w] ?? null };
    },
  },
  {
    name: 'duration',
    re: re(String.raw`\b(?:(?:the\s+)?(?:past|last|next|coming|first|final|previous|following|remaining|latest)\s+)?(?:(?:almost|nearly|about|around|approximately|roughly|some|more than|less than|fewer than|at least|over|under|up to|just|only|another|an additional|a further|the)\s+)?(${NUMBER})[\s-]+(?:(?:long|straight|consecutive|full|trading|business|calendar|working|additional|more|further|successive|extra|whole|entire)\s+)?${UNIT}(?:-long)?\b`),
    accept(m, text) {
      const n = m[1].toLowerCase();
      const unit = unitOf(m[2]);
      const after = text.slice(m.index + m[0].length, m.index + m[0].length + 6);
      if (unit === 'second' && /^(?:a|an|one)$/.test(n)) return false; // "a second attempt"
      // "One day, peace will come": an indefinite day, not a stretch of 24 hours.
      if (unit === 'day' && n === 'one' && m[0].toLowerCase() === m[1].toLowerCase() + ' ' + m[2].toLowerCase()
        && (precededBy(text, m.index, /(?:^|[.!?,;:"“]\s*|\b(?:and|but|that|then|maybe|perhaps|might|may|will|could)\s+)$/i)
          || /^\s+(?:when|soon)\b/i.test(text.slice(m.index + m[0].length, m.index + m[0].length + 8)))) return false;
      // "about a quarter, of its dealers", "three quarters of": fractions, not periods.
      if (unit === 'quarter' && /^(?:a|an|one|three)$/.test(n)
        && (/^[\s,]+of\b/.test(after) || !precededBy(text, m.index, /\b(?:for|in|over|within|during)\s+$/i))) return false;
      if (/^\s*%/.test(after)) return false;
      if (/^[\d.,]/.test(n)) {
        const prev = text[m.index - 1];
        if (prev && /[$€£\d.,]/.test(prev)) return false;
      }
      return true;
    },
    normalize(m, ctx) {
      const n = parseNumber(m[1]);
      const unit = unitOf(m[2]);
      // "in two weeks" in a clause about the future is the date two weeks on.
      if (/\bin\s+$/i.test(ctx.before) && !/^the\b/i.test(m[0]) && Number.isFinite(n) && ctx.tense() === 'future') {
        if (ctx.published === null) return { type: 'DATE', value: 'FUTURE_REF' };
        const r = addUnits(ctx.published, n, unit);
        return { type: 'DATE', value: r.value, day: r.day };
      }
      return { type: 'DURATION', value: durationValue(n, unit) };
    },
  },
  {
    name: 'vague-span',
    re: re(String.raw`\b(?:the\s+(?:(?:past|last|next)\s+)?)?(minutes|hours|days|weeks|months|years|decades)\b(?!\s+(?:of|ago|later|earlier)\b)(?!-long)|\b(years|decades|months|weeks)-long\b|\b(year|decade|month|week|day)-long\b`),
    // Bare plurals are durations after a preposition of extent: "for years", "in just minutes".
    accept: (m, text) => m[1] === undefined || precededBy(text, m.index, /\b(?:over|for|in|within|during|after)\s+(?:(?:just|only|mere|a\s+matter\s+of)\s+)?$/i),
    normalize(m) {
      if (m[3]) return { type: 'DURATION', value: durationValue(1, unitOf(m[3])) }; // "a year-long war"
      const word = (m[1] ?? m[2]).toLowerCase();
      return { type: 'DURATION', value: durationValue(NaN, unitOf(word)) };
    },
  },
  {
    name: 'vague-reference',
    re: re(String.raw`\b(?:(right\s+now|now)(?![-‐])|(?:more\s+)?recently|lately|currently|presently|nowadays|at present|these days|the time being|(?:the\s+)?recent\s+(?:days|weeks|months|years|decades|past|times)|recent|the past|the (?:near |distant |foreseeable )?future|in future|(?:very\s+)?soon(?!\s+(?:as|after)\b)|the (?:near|short|long|medium)[\s-]term|the coming (?:days|weeks|months|years)|the (?:days|weeks|months|years) ahead|current|the moment)\b`),
    accept(m, text) {
      // "the past" as a noun only; "the past nine days" is a duration matched elsewhere.
      const w = m[0].toLowerCase();
      // "current" only as a determiner-led modifier: "the current crisis" (not "electric current").
      if (w === 'the moment' && !precededBy(text, m.index, /\b(?:at|for)\s+$/i)) return false;
      if (w === 'current' && !precededBy(text, m.index, /\b(?:the|its|their|his|her|our)\s+$/i)) return false;
      const after = text.slice(m.index + m[0].length, m.index + m[0].length + 12);
      if (w === 'the past' && /^\s+(?:president|leader|chief|head|owner|member)/i.test(after)) return false;
      // "the future of long-range weapons supplies" is a topic, not a time.
      if (/future$/.test(w) && /^\s+of\b/i.test(after)) return false;
      return true;
    },
    normalize(m) {
      const w = m[0].toLowerCase();
      if (/recent|lately|the past/.test(w)) return { type: 'DATE', value: 'PAST_REF' };
      if (/future|soon|term|coming|ahead/.test(w)) return { type: 'DATE', value: 'FUTURE_REF' };
      return { type: 'DATE', value: 'PRESENT_REF' };
    },
  },
  {
    name: 'relative-to-story',
    // Counted from the day the story is at, not from the publication date: "the talks opened on
    // Monday; the next day the delegations walked out", "two days later, …".
    re: re(String.raw`\b(?:the\s+(following|previous|preceding)\s+(day|week|month|year|weekend)\b|the\s+(next)\s+(day)\b|the\s+day\s+(after|before)(?=\s*[,.;:]|\s*$)|(${NUMBER})\s+(days?|weeks?|months?|years?)\s+(later|earlier|before|after)(?=\s*[,.;:]|\s*$))`),
    normalize(m, ctx) {
      const anchorDay = ctx.lastDay ?? ctx.published;
      let unit: string, shift: number;
      if (m[1]) { unit = m[2].toLowerCase(); shift = m[1].toLowerCase() === 'following' ? 1 : -1; }
      else if (m[3]) { unit = 'day'; shift = 1; }
      else if (m[5]) { unit = 'day'; shift = m[5].toLowerCase() === 'after' ? 1 : -1; }
      else {
        const n = parseNumber(m[6]);
        unit = unitOf(m[7]);
        if (!Number.isFinite(n)) return { type: 'DATE', value: /later|after/i.test(m[8]) ? 'FUTURE_REF' : 'PAST_REF' };
        shift = (/later|after/i.test(m[8]) ? 1 : -1) * n;
      }
      if (unit === 'weekend') {
        if (anchorDay === null) return { type: 'DATE', value: 'XXXX-WXX-WE' };
        return weekend(anchorDay + 7 * shift, 'nearest');
      }
      if (unit === 'day' || unit === 'week') {
        if (anchorDay === null) return { type: 'DATE', value: unit === 'day' ? 'XXXX-XX-XX' : 'XXXX-WXX' };
        const day = anchorDay + shift * (unit === 'week' ? 7 : 1);
        if (unit === 'week' && m[1]) return { type: 'DATE', value: formatWeek(day) };
        return dayNorm(day);
      }
      const anchor = ctx.lastValue && /^\d{4}/.test(ctx.lastValue) ? ctx.lastValue : anchorDay !== null ? formatDay(anchorDay) : null;
      if (anchor === null) return { type: 'DATE', value: unit === 'month' ? 'XXXX-XX' : 'XXXX' };
      const y = +anchor.slice(0, 4);
      if (unit === 'year') return { type: 'DATE', value: formatYear(y + shift) };
      const mo = /^\d{4}-(\d{2})/.exec(anchor);
      if (!mo) return { type: 'DATE', value: 'XXXX-XX' };
      const t = addMonths(y, +mo[1], shift);
      return { type: 'DATE', value: formatMonth(t.y, t.m) };
    },
  },
  {
    name: 'that-period',
    // "that year", "by that time": the period the story is at.
    re: re(String.raw`\b(?:that|the\s+same)\s+(week|month|year)\b|\b(?:that|the)\s+time\b(?!\s+(?:of|when|that|to|for)\b)`),
    accept: (m, text) => m[1] !== undefined || precededBy(text, m.index, /\b(?:at|by|since|until|from)\s+$/i),
    normalize(m, ctx) {
      const unit = m[1]?.toLowerCase();
      const anchor = ctx.lastValue && /^\d{4}/.test(ctx.lastValue) ? ctx.lastValue : null;
      // "at the time" is loose ("the president at the time"): a past reference, not an anaphor.
      if (!unit && /^the/i.test(m[0])) return { type: 'DATE', value: 'PAST_REF' };
      if (!unit) return anchor ? { type: 'DATE', value: anchor, ...(ctx.lastDay !== null && anchor === formatDay(ctx.lastDay) ? { day: ctx.lastDay } : {}) } : { type: 'DATE', value: 'PAST_REF' };
      if (unit === 'week') return ctx.lastDay !== null ? { type: 'DATE', value: formatWeek(ctx.lastDay) } : { type: 'DATE', value: 'XXXX-WXX' };
      if (!anchor) return { type: 'DATE', value: unit === 'year' ? 'XXXX' : 'XXXX-XX' };
      if (unit === 'year') return { type: 'DATE', value: anchor.slice(0, 4) };
      return /^\d{4}-\d{2}/.test(anchor) ? { type: 'DATE', value: anchor.slice(0, 7) } : { type: 'DATE', value: 'XXXX-XX' };
    },
  },
  {
    name: 'same-day',
    re: re(String.raw`\b(?:(?:the\s+)?(?:start|beginning|end|rest|remainder|close|middle)\s+of\s+the\s+day|(?:early|late|earlier|later)\s+in\s+the\s+day|(?:the|that)\s+(?:(?:very|same)\s+)?day(?!['’]s|\s+(?:after|before|when|that|of|in|on|and)\b))\b`),
    normalize(m, ctx) {
      const day = ctx.lastDay ?? ctx.published;
      if (day === null) return { type: 'DATE', value: 'XXXX-XX-XX' };
      return dayNorm(day);
    },
  },
  {
    name: 'clock',
    re: re(String.raw`(?<![\d:.])(\d{2})(\d{2})\s{1,3}(?:hours\s{1,3})?(?:UTC|GMT)\b|(?<![\d:.])(\d{1,2})(?::(\d{2}))?(?::\d{2})?(?:\s{0,3}(a\.m\.|p\.m\.|am|pm)(?![a-z]))?(?:\s{0,3}\(?\s{0,3}${ZONE}(?:\s{0,3}([+-])\s{0,3}(\d{1,2}))?(?:\s{0,3}\))?)?(?:\s{1,3}(?:on\s{1,3})?(${'Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday'}|today|yesterday|tomorrow)\b)?|\b(noon|midday|midnight)\b`),
    accept(m, text) {
      if (m[10]) return true;
      if (m[1]) return +m[1] <= 23 && +m[2] <= 59;
      const hh = +m[3];
      // A bare number is not a time: it needs minutes, a.m./p.m. or a zone.
      if (!m[4] && !m[5]) return false;
      if (!m[4] && !m[5] && !m[6]) return false;
      if (m[4] && (+m[4] > 59)) return false;
      if (hh > 24 || (m[5] && hh > 12)) return false;
      if (m[4] && !m[5] && !m[6] && /^:\d/.test(text.slice(m.index + m[0].length))) return false;
      if (m[5] && /^(?:am|pm)$/i.test(m[5]) && m[5] !== m[5].toLowerCase() && m[5] !== m[5].toUpperCase()) return false;
      if (m[6] === 'Z' && !m[4]) return false;
      return true;
    },
    normalize(m, ctx) {
      let hh: number, mm: number, zone = '';
      if (m[10]) {
        const w = m[10].toLowerCase();
        hh = w === 'midnight' ? 24 : 12; mm = 0;
      } else if (m[1]) {
        hh = +m[1]; mm = +m[2]; zone = 'Z';
      } else {
        hh = +m[3]; mm = m[4] ? +m[4] : 0;
        const ampm = m[5]?.toLowerCase().replace(/\./g, '');
        if (ampm === 'pm' && hh < 12) hh += 12;
        if (ampm === 'am' && hh === 12) hh = 0;
        const z = m[6];
        if (z && /^(?:UTC|GMT|Z)$/i.test(z)) {
          zone = 'Z';
          if (m[7] && m[8]) {
            // "6:40 p.m. (GMT +8)": local time eight hours ahead of UTC.
            const offset = (m[7] === '+' ? 1 : -1) * +m[8];
            hh -= offset;
            // Keep within the day; a shift across midnight is rare in news and not worth a date change.
            hh = ((hh % 24) + 24) % 24;
          }
        }
      }
      let day: number | null = null;
      if (m[9]) {
        const w = m[9].toLowerCase();
        const p = ctx.published;
        if (p !== null) {
          if (w in WEEKDAYS) day = resolveWeekday(WEEKDAYS[w], p, directionOf(ctx.tense()));
          else day = p + (w === 'yesterday' ? -1 : w === 'tomorrow' ? 1 : 0);
        }
      }
      const norm: Normalized = { type: 'TIME', value: null, clock: { hh, mm, zone, ownDay: Boolean(m[9]) } };
      if (day !== null) norm.day = day;
      return norm;
    },
  },
  {
    name: 'part-of-day',
    re: re(String.raw`\b(?:(?:early|late)\s+)?(morning|afternoon|evening)\b`),
    // "in morning trading", "during the afternoon session", "in the evening".
    accept: (m, text) => /^\s+(?:trading|session|hours|rush|commute|talks|meeting)\b/i.test(text.slice(m.index + m[0].length, m.index + m[0].length + 12))
      || precededBy(text, m.index, /\b(?:in|during)\s+the\s+$/i),
    normalize(m) {
      const part = PART_OF_DAY[m[1].toLowerCase()];
      return { type: 'TIME', value: null, clock: { hh: -1, mm: -1, zone: part, ownDay: false } };
    },
  },
  {
    name: 'holiday',
    re: re(String.raw`\b(Christmas(?:\s+(?:Day|Eve))?|New\s+Year['’]s\s+(?:Day|Eve))\b`),
    accept: (m) => isCapitalised(m[1]),
    normalize(m, ctx) {
      const w = m[1].toLowerCase();
      const [mo, d] = w.startsWith('new') ? (w.endsWith('eve') ? [12, 31] : [1, 1]) : w.endsWith('eve') ? [12, 24] : [12, 25];
      if (ctx.published === null) return { type: 'DATE', value: `XXXX-${pad2(mo)}-${pad2(d)}` };
      const y = yearFor(mo, d, ctx.published, directionOf(ctx.tense()));
      return dayNorm(dayNumber(y, mo, d));
    },
  },
];

/** Prefixes that narrow a period to one of its parts: "the end of last year", "early next week". */
export const EDGE_PREFIX = /\b(?:the\s+)?(?:very\s+)?(start|beginning|end|middle|rest|remainder|close|turn)\s+of\s+$/i;
export const EDGE_PREFIX_MOD: Readonly<Record<string, string>> = {
  start: 'START', beginning: 'START', end: 'END', close: 'END', middle: 'MID', rest: 'END', remainder: 'END', turn: 'START',
};

/** Formats a clock time against a day. */
export function clockValue(day: number | null, clock: NonNullable<Normalized['clock']>): string {
  const date = day === null ? 'XXXX-XX-XX' : formatDay(day);
  if (clock.hh < 0) return `${date}T${clock.zone}`; // part of day: TMO, TAF, …
  return `${date}T${pad2(clock.hh)}:${pad2(clock.mm)}${clock.zone}`;
}

