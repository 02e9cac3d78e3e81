/**
 * Pairs quotation marks in one linear pass over the text. Curly double marks are unambiguous;
 * a straight `"` opens when no quotation is open and closes otherwise. Single curly marks open a
 * quotation only at the top level (British style, ‘We will not yield,’ she said) and only where an
 * apostrophe cannot be meant: `‘` (or a straight `'`) after a space and before a letter, the
 * closing mark after a non-space and before a non-letter. Inside a double
 * quotation they are nested quotes and simply part of the content.
 *
 * News style continues a quote over paragraphs by leaving the paragraph unclosed and opening the
 * next one with a mark; that becomes one quotation. An opening mark whose paragraph ends without
 * such a continuation is reported as unbalanced.
 */

export interface Quotation {
  /** Offset of the opening mark. */
  open: number;
  /** Offset of the closing mark. */
  close: number;
  /** Number of paragraphs the quotation runs over (1 for most). */
  paragraphs: number;
}

export interface QuotationScan {
  quotations: Quotation[];
  /** Offsets of opening marks that were never closed. */
  unbalanced: number[];
}

const DOUBLE_OPEN = new Set(['“', '„', '«']);
const DOUBLE_CLOSE = new Set(['”', '»']);
const SINGLE_OPEN = '‘';
const SINGLE_CLOSE = '’';

const defaults = Object.freeze({
  /** A quotation longer than this (in UTF-16 units) is a pairing error, not a quote. */
  maxLength: 4000,
});

function isSpace(ch: string | undefined): boolean {
  return ch === undefined || ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r' || ch === '\u00a0';
}

function isWordChar(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  const c = ch.charCodeAt(0);
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c > 0xbf;
}

function isLetter(ch: string | undefined): boolean {
  return isWordChar(ch) && !(ch! >= '0' && ch! <= '9');
}

/** After a paragraph break inside an open quotation: the offset of the continuing mark, or -1. */
function continuationAt(text: string, newline: number, family: 'double' | 'single'): number {
  let j = newline;
  while (j < text.length && isSpace(text[j])) j++;
  const ch = text[j];
  if (family === 'double' && (DOUBLE_OPEN.has(ch) || ch === '"')) return j;
  if (family === 'single' && (ch === SINGLE_OPEN || ch === "'")) return j;
  return -1;
}

export function scanQuotations(text: string): QuotationScan {
  const quotations: Quotation[] = [];
  const unbalanced: number[] = [];
  let open = -1;
  let family: 'double' | 'single' = 'double';
  let paragraphs = 1;
  let singleMark = SINGLE_CLOSE;
  // Jump from candidate to candidate: only marks and newlines matter to the pairing.
  const candidates = /["“”„«»‘’'\n]/g;
  for (let found = candidates.exec(text); found !== null; found = candidates.exec(text)) {
    const i = found.index;
    const ch = text[i];
    if (open < 0) {
      if (DOUBLE_OPEN.has(ch) || ch === '"') {
        // A straight mark glued to the word before it and followed by space is a stray closer.
        if (ch === '"' && isSpace(text[i + 1]) && !isSpace(text[i - 1])) { unbalanced.push(i); continue; }
        open = i; family = 'double'; paragraphs = 1;
      } else if (ch === '”' && isSpace(text[i - 1]) && isWordChar(text[i + 1])) {
        // Some feeds use ” for both marks.
        open = i; family = 'double'; paragraphs = 1;
      } else if ((ch === SINGLE_OPEN || ch === "'") && (i === 0 || isSpace(text[i - 1]) || text[i - 1] === '(') && isLetter(text[i + 1])) {
        // A letter must follow: "the ’90s" is an elision, not a quotation.
        open = i; family = 'single'; singleMark = ch === "'" ? "'" : SINGLE_CLOSE; paragraphs = 1;
      }
      continue;
    }
    if (ch === '\n') {
      const next = continuationAt(text, i, family);
      if (next >= 0) { paragraphs++; candidates.lastIndex = next + 1; continue; }
      if (family === 'double') unbalanced.push(open);
      open = -1;
      continue;
    }
    const closes = family === 'double'
      ? DOUBLE_CLOSE.has(ch) || ch === '"'
      : ch === singleMark && !isWordChar(text[i + 1]) && !isSpace(text[i - 1]);
    if (!closes) continue;
    if (i - open <= defaults.maxLength && i > open + 1) quotations.push({ open, close: i, paragraphs });
    else if (family === 'double') unbalanced.push(open);
    open = -1;
  }
  if (open >= 0 && family === 'double') unbalanced.push(open);
  return { quotations, unbalanced };
}
