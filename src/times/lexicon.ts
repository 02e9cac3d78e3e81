/**
 * Word lists for time expressions: month, weekday, number and unit words, and the regular
 * expression fragments built from them once at module load.
 */

export const MONTHS: Readonly<Record<string, number>> = Object.freeze({
  january: 1, jan: 1, february: 2, feb: 2, march: 3, mar: 3, april: 4, apr: 4, may: 5, june: 6, jun: 6,
  july: 7, jul: 7, august: 8, aug: 8, september: 9, sep: 9, sept: 9, october: 10, oct: 10,
  november: 11, nov: 11, december: 12, dec: 12,
});

export const WEEKDAYS: Readonly<Record<string, number>> = Object.freeze({
  monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6, sunday: 7,
});

const SMALL: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
  eighteen: 18, nineteen: 19,
};
const TENS: Record<string, number> = {
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};
/** Quantifiers that give a count of unknown size: "several weeks" → PXW. */
const VAGUE = new Set(['several', 'few', 'a few', 'many', 'some', 'a couple of', 'couple of', 'a number of', 'dozens of', 'hundreds of', 'numerous']);

const smallWords = Object.keys(SMALL).join('|');
const tensWords = Object.keys(TENS).join('|');
/** A count: digits, number words up to ninety-nine, "a", "an", vague quantifiers, "… and a half". */
export const NUMBER = `(?:\\d{1,3}(?:,\\d{3})+|\\d+(?:\\.\\d+)?|(?:${tensWords})(?:[- ](?:${smallWords}))?|${smallWords}|a dozen|a couple of|couple of|a few|a number of|dozens of|hundreds of|several|few|many|numerous|single|half an|half a|an|a)(?: and a half)?`;

/**
 * The words a NUMBER match can begin with (lower-case), besides a digit: the first word of each
 * alternative above, each followed there by a space, "-" or the end of the count.
 */
export const NUMBER_FIRST_WORDS: readonly string[] = [
  ...Object.keys(TENS), ...Object.keys(SMALL),
  'a', 'an', 'couple', 'dozens', 'hundreds', 'several', 'few', 'many', 'numerous', 'single', 'half',
];

/** Parses a NUMBER match; NaN for vague quantities. */
export function parseNumber(raw: string): number {
  let s = raw.toLowerCase().trim();
  let half = 0;
  if (s.endsWith(' and a half')) { half = 0.5; s = s.slice(0, -' and a half'.length); }
  if (VAGUE.has(s)) return NaN;
  if (s === 'a' || s === 'an' || s === 'single') return 1 + half;
  if (s === 'half a' || s === 'half an') return 0.5;
  if (s === 'a dozen') return 12 + half;
  if (/^[\d,.]+$/.test(s)) return Number(s.replace(/,/g, '')) + half;
  if (s in SMALL) return SMALL[s] + half;
  const [t, u] = s.split(/[- ]/);
  if (t in TENS) return TENS[t] + (u && u in SMALL ? SMALL[u] : 0) + half;
  return NaN;
}

export type Unit = 'second' | 'minute' | 'hour' | 'day' | 'week' | 'fortnight' | 'month' | 'quarter' | 'year' | 'decade' | 'century';

export function unitOf(raw: string): Unit {
  const s = raw.toLowerCase();
  if (s.startsWith('centur')) return 'century';
  return s.replace(/s$/, '') as Unit;
}

/** TIMEX3 duration value for a count of units; X for an unknown count. */
export function durationValue(n: number, unit: Unit): string {
  // "half a year" → P6M, "half an hour" → PT30M: a fraction below one is said in the smaller unit.
  if (n === 0.5) {
    if (unit === 'year') return 'P6M';
    if (unit === 'day') return 'PT12H';
    if (unit === 'hour') return 'PT30M';
    if (unit === 'minute') return 'PT30S';
  }
  const known = Number.isFinite(n);
  const q = (k: number): string => (known ? trimNumber(n * k) : 'X');
  switch (unit) {
    case 'second': return `PT${q(1)}S`;
    case 'minute': return `PT${q(1)}M`;
    case 'hour': return `PT${q(1)}H`;
    case 'day': return `P${q(1)}D`;
    case 'week': return `P${q(1)}W`;
    case 'fortnight': return `P${q(2)}W`;
    case 'month': return `P${q(1)}M`;
    case 'quarter': return `P${q(1)}Q`;
    case 'year': return `P${q(1)}Y`;
    case 'decade': return known ? `P${trimNumber(n * 10)}Y` : 'PXDE';
    case 'century': return known ? `P${trimNumber(n * 100)}Y` : 'PXCE';
  }
}

function trimNumber(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Math.round(n * 100) / 100);
}

/** Verbs whose date is the date of the speech act ("said on Monday"). */
export const REPORT_VERBS = new Set([
  'say', 'announce', 'confirm', 'tell', 'state', 'report', 'add', 'acknowledge', 'warn', 'claim', 'insist',
  'stress', 'note', 'deny', 'disclose', 'reveal', 'admit', 'declare', 'comment', 'respond', 'reply',
  'explain', 'write', 'tweet', 'post', 'publish', 'indicate', 'suggest', 'argue', 'assert', 'affirm',
  'emphasise', 'emphasize', 'reiterate', 'inform', 'notify', 'signal', 'predict', 'forecast', 'estimate',
]);
