/**
 * Calendar arithmetic on day numbers (days since 1970-01-01, proleptic Gregorian, UTC), and the
 * TIMEX3 value ⇄ period mapping. Day numbers keep the normaliser free of time zones and `Date`
 * objects in its hot path.
 */

export interface YMD { y: number; m: number; d: number }

const MS_PER_DAY = 86_400_000;

export function dayNumber(y: number, m: number, d: number): number {
  return Math.floor(Date.UTC(y, m - 1, d) / MS_PER_DAY);
}

/** Day numbers a Date can hold (±100,000,000 days around 1970). */
const DATE_LIMIT = 100_000_000;

export function fromDayNumber(n: number): YMD {
  // Whole days within a Date's range: the civil-from-days arithmetic (H. Hinnant), which gives
  // the Date's own answer without making a Date. Anything else (a fraction, NaN, out of range)
  // keeps the Date's answer, NaN included.
  if (Number.isInteger(n) && n >= -DATE_LIMIT && n <= DATE_LIMIT) {
    const z = n + 719_468; // days since 0000-03-01
    const era = Math.floor(z / 146_097);
    const doe = z - era * 146_097; // day of the 400-year era, 0…146096
    const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
    const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100)); // from 1 March, 0…365
    const mp = Math.floor((5 * doy + 2) / 153); // month from March, 0…11
    const m = mp < 10 ? mp + 3 : mp - 9;
    return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d: doy - Math.floor((153 * mp + 2) / 5) + 1 };
  }
  const dt = new Date(n * MS_PER_DAY);
  return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate() };
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(n: number): number {
  // 1970-01-01 was a Thursday (4).
  return ((((n + 3) % 7) + 7) % 7) + 1;
}

export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export function isValidDate(y: number, m: number, d: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

/** ISO 8601 week of a day: the week belongs to the year that holds its Thursday. */
export function isoWeek(n: number): { year: number; week: number } {
  const thursday = n - isoWeekday(n) + 4;
  const year = fromDayNumber(thursday).y;
  const week = Math.floor((thursday - dayNumber(year, 1, 1)) / 7) + 1;
  return { year, week };
}

/** Monday of ISO week `week` of `year`. */
export function isoWeekStart(year: number, week: number): number {
  const jan4 = dayNumber(year, 1, 4);
  return jan4 - isoWeekday(jan4) + 1 + (week - 1) * 7;
}

const pad2 = (n: number): string => String(n).padStart(2, '0');
const pad4 = (n: number): string => String(n).padStart(4, '0');

export function formatDay(n: number): string {
  // Articles name the same few days over and over: format each once (a bounded memo).
  let s = formattedDays.get(n);
  if (s === undefined) {
    const { y, m, d } = fromDayNumber(n);
    s = `${pad4(y)}-${pad2(m)}-${pad2(d)}`;
    if (formattedDays.size >= DAY_MEMO_LIMIT) formattedDays.clear();
    formattedDays.set(n, s);
  }
  return s;
}
/** Formatted days kept for reuse; cleared when full, so memory stays bounded on any stream. */
const DAY_MEMO_LIMIT = 10_000;
const formattedDays = new Map<number, string>();
export function formatMonth(y: number, m: number): string { return `${pad4(y)}-${pad2(m)}`; }
export function formatWeek(n: number): string {
  const { year, week } = isoWeek(n);
  return `${pad4(year)}-W${pad2(week)}`;
}
export function formatYear(y: number): string { return pad4(y); }
export { pad2 };

/** Adds months to a (year, month) pair. */
export function addMonths(y: number, m: number, delta: number): { y: number; m: number } {
  const k = y * 12 + (m - 1) + delta;
  return { y: Math.floor(k / 12), m: (k % 12 + 12) % 12 + 1 };
}

export type SeasonCode = 'SP' | 'SU' | 'FA' | 'WI';
const SEASON_START: Record<SeasonCode, number> = { SP: 3, SU: 6, FA: 9, WI: 12 };
export const SEASONS: readonly SeasonCode[] = ['SP', 'SU', 'FA', 'WI'];

/**
 * Seasons are meteorological (northern hemisphere): a winter is named after the year of its
 * December, so 2025-WI runs from 2025-12-01 to 2026-02-28.
 */
export function seasonOf(y: number, m: number): { y: number; code: SeasonCode } {
  if (m === 12) return { y, code: 'WI' };
  if (m <= 2) return { y: y - 1, code: 'WI' };
  if (m <= 5) return { y, code: 'SP' };
  if (m <= 8) return { y, code: 'SU' };
  return { y, code: 'FA' };
}
/** An ordinal over seasons so that they can be compared and stepped. */
export function seasonIndex(y: number, code: SeasonCode): number { return y * 4 + SEASONS.indexOf(code); }
export function seasonFromIndex(k: number): { y: number; code: SeasonCode } {
  return { y: Math.floor(k / 4), code: SEASONS[((k % 4) + 4) % 4] };
}

const DAY_VALUE = /^(\d{4})-(\d{2})-(\d{2})(?:T.*)?$/;
const WEEK_VALUE = /^(\d{4})-W(\d{2})(-WE)?$/;
const MONTH_VALUE = /^(\d{4})-(\d{2})$/;
const SEASON_VALUE = /^(\d{4})-(SP|SU|FA|WI)$/;
const QUARTER_VALUE = /^(\d{4})-Q([1-4])$/;
const HALF_VALUE = /^(\d{4})-H([12])$/;
const YEAR_VALUE = /^(\d{4})$/;
const DECADE_VALUE = /^(\d{3})$/;
const CENTURY_VALUE = /^(\d{2})$/;

/**
 * First and last day of the period a concrete TIMEX3 value names, or null for durations, sets,
 * vague references and values with unknown (X) parts.
 */
export function rangeOfValue(value: string | null): [string, string] | null {
  if (!value) return null;
  let m: RegExpExecArray | null;
  if ((m = DAY_VALUE.exec(value))) {
    const n = dayNumber(+m[1], +m[2], +m[3]);
    return [formatDay(n), formatDay(n)];
  }
  if ((m = WEEK_VALUE.exec(value))) {
    const monday = isoWeekStart(+m[1], +m[2]);
    return m[3] ? [formatDay(monday + 5), formatDay(monday + 6)] : [formatDay(monday), formatDay(monday + 6)];
  }
  if ((m = MONTH_VALUE.exec(value))) {
    const y = +m[1], mo = +m[2];
    return [formatDay(dayNumber(y, mo, 1)), formatDay(dayNumber(y, mo, daysInMonth(y, mo)))];
  }
  if ((m = SEASON_VALUE.exec(value))) {
    const y = +m[1];
    const start = SEASON_START[m[2] as SeasonCode];
    const end = addMonths(y, start, 2);
    return [formatDay(dayNumber(y, start, 1)), formatDay(dayNumber(end.y, end.m, daysInMonth(end.y, end.m)))];
  }
  if ((m = QUARTER_VALUE.exec(value))) {
    const y = +m[1], q = +m[2];
    const first = (q - 1) * 3 + 1;
    return [formatDay(dayNumber(y, first, 1)), formatDay(dayNumber(y, first + 2, daysInMonth(y, first + 2)))];
  }
  if ((m = HALF_VALUE.exec(value))) {
    return m[2] === '1' ? [`${m[1]}-01-01`, `${m[1]}-06-30`] : [`${m[1]}-07-01`, `${m[1]}-12-31`];
  }
  if ((m = YEAR_VALUE.exec(value))) return [`${m[1]}-01-01`, `${m[1]}-12-31`];
  if ((m = DECADE_VALUE.exec(value))) return [`${m[1]}0-01-01`, `${m[1]}9-12-31`];
  if ((m = CENTURY_VALUE.exec(value))) return [`${m[1]}00-01-01`, `${m[1]}99-12-31`];
  return null;
}
