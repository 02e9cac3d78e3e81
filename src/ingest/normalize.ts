import { hash } from 'node:crypto';
import type { Article, Diagnostic } from '../document/types.js';
import { DIAGNOSTICS, type DiagnosticCode } from '../document/errors.js';

/** A loose article record, as it comes from JSONL, a feed item, an HTML page or plain text. */
export interface ArticleInput {
  id?: string | number | null;
  text?: unknown;
  published?: unknown;
  title?: unknown;
  url?: unknown;
  source?: unknown;
  byline?: unknown;
}

export const defaults = Object.freeze({
  /** Articles larger than this (in UTF-16 code units) are refused with P102. */
  maxChars: 5_000_000,
});

export function diagnostic(code: DiagnosticCode, detail?: string): Diagnostic {
  return { code, message: detail ? `${DIAGNOSTICS[code]}: ${detail}` : DIAGNOSTICS[code] };
}

export function contentHash(text: string): string {
  // crypto.hash, not createHash: one call and no Hash object, about twice as fast on an article.
  return hash('sha256', text, 'hex');
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Parses a publication date into `YYYY-MM-DD`, or null. Accepts ISO days and datetimes and the
 * RFC 2822 dates feeds use; the calendar day is taken as written (a datetime's own offset), since
 * a newsroom's date is the one its readers saw.
 */
export function parseDate(value: unknown): string | null {
  if (value == null || value === '') return null;
  const s = String(value).trim();
  const day = ISO_DAY.exec(s);
  if (day) return validDay(+day[1], +day[2], +day[3]) ? s : null;
  const isoPrefix = /^(\d{4})-(\d{2})-(\d{2})[T ]/.exec(s);
  if (isoPrefix) return validDay(+isoPrefix[1], +isoPrefix[2], +isoPrefix[3]) ? `${isoPrefix[1]}-${isoPrefix[2]}-${isoPrefix[3]}` : null;
  const t = Date.parse(s);
  if (Number.isNaN(t)) return null;
  return new Date(t).toISOString().slice(0, 10);
}

function validDay(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

const str = (v: unknown): string | null => (v == null || v === '' ? null : String(v).trim() || null);

/**
 * Cleans text so offsets are stable: Unicode NFC, Windows and old-Mac line breaks to \n, no BOM,
 * no trailing whitespace. Offsets in the output always index the text returned here.
 */
export function normalizeText(text: string): string {
  // Most articles are ASCII with \n line breaks and nothing to clean but the end: one pass
  // over the characters instead of three over the text.
  if (!needsCleaning(text)) return text.trimEnd();
  let t = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  t = t.replace(/\r\n?/g, '\n').normalize('NFC');
  return t.replace(/[ \t]+\n/g, '\n').trimEnd();
}

/** Whether a text has a carriage return, a non-ASCII character (a BOM, a form NFC may change) or a space or tab before a line break. */
function needsCleaning(text: string): boolean {
  let previous = 0;
  for (let i = 0, n = text.length; i < n; i++) {
    const code = text.charCodeAt(i);
    if (code === 13 || code > 127 || (code === 10 && (previous === 32 || previous === 9))) return true;
    previous = code;
  }
  return false;
}

/** Turns a loose input into an Article, reporting bad data as diagnostics (never throwing). */
export function normalizeArticle(input: ArticleInput): { article: Article; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  let text = '';
  if (typeof input.text !== 'string') {
    diagnostics.push(diagnostic('P108', input.text == null ? 'no "text" field' : `"text" is ${typeof input.text}, not a string`));
  } else if (input.text.length > defaults.maxChars) {
    diagnostics.push(diagnostic('P102', `${input.text.length} characters, the limit is ${defaults.maxChars}`));
  } else {
    text = normalizeText(input.text);
    if (!text.trim()) { diagnostics.push(diagnostic('P100')); text = ''; }
  }
  let published = parseDate(input.published);
  if (input.published != null && input.published !== '' && published === null) {
    diagnostics.push(diagnostic('P107', JSON.stringify(input.published)));
    published = null;
  }
  const hash = contentHash(text);
  const id = input.id != null && String(input.id) !== '' ? String(input.id) : hash.slice(0, 16);
  return {
    article: {
      id, published, title: str(input.title), url: str(input.url), source: str(input.source), text,
      byline: str(input.byline), hash,
    },
    diagnostics,
  };
}
