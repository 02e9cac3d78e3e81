import { stemmer } from 'stemmer';

/**
 * Full-text search terms for the PostgreSQL store, made by the process that writes an article
 * (a worker) rather than by the database. PostgreSQL's own `to_tsvector` cost the shared server
 * about 0.15 ms of CPU for a 900-character article (measured here, 2,000 articles), and in
 * proportion for longer ones: the largest single cost an article put on the one server every
 * worker shares. Made here, it is spread over the workers, and PostgreSQL only reads a
 * `tsvector` literal.
 *
 * Documents and queries take the same steps, so they always agree: words are runs of letters and
 * digits, lower-cased and stripped of diacritics (as SQLite's `unicode61` tokenizer does); common
 * function words are dropped; the rest are reduced with the Porter stemmer (the algorithm of
 * SQLite's `porter` tokenizer), so "negotiations" finds "negotiating" in both stores.
 */

/**
 * The version of the rules below. A store records it with each vector and makes again, by the
 * current rules, the vectors made by others: change it whenever a change to the rules would
 * change a vector.
 */
export const SEARCH_RULES = 1;

/**
 * English function words left out of the vectors and queries: they are in nearly every article,
 * so they narrow no search, and each would add an entry per article to the search index.
 */
const STOPWORDS = new Set(`
  a an and are as at be been but by can could did do does for from had has have he her hers him his
  i if in into is it its me my no nor not of on or our ours s she so t than that the their theirs them
  then there these they this those to too was we were what when where which who whom why will with
  would you your yours
`.trim().split(/\s+/));

/**
 * PostgreSQL's limits: a position is at most 16,383, a lexeme has at most 256 positions, a lexeme
 * is under 2 kB, and a vector's lexemes and positions take under 1 MB. The text is cut at
 * `searchChars` before it comes here, but removing diacritics can lengthen it (a squared katakana
 * sign becomes six letters): new lexemes stop well before the megabyte.
 */
const MAX_POSITION = 16_383;
const MAX_POSITIONS_PER_LEXEME = 256;
const MAX_LEXEME_BYTES = 2_046;
const MAX_VECTOR_BYTES = 1_000_000;

/** The UTF-8 length of a lexeme. */
const lexemeBytes = (lexeme: string) => (/^[\x00-\x7f]*$/.test(lexeme) ? lexeme.length : Buffer.byteLength(lexeme));

/** Stems already made, by word: news repeats its vocabulary, and the stemmer is the costly step. */
const stems = new Map<string, string>();
const STEM_MEMO_LIMIT = 50_000;

function stemOf(word: string): string {
  let stem = stems.get(word);
  if (stem === undefined) {
    // Words with digits ("g7", "2025") are kept whole: the stemmer is for English words.
    stem = /\d/.test(word) ? word : stemmer(word);
    if (stems.size >= STEM_MEMO_LIMIT) stems.clear();
    stems.set(word, stem);
  }
  return stem;
}

/** The lower-cased words of a text, diacritics removed. */
function wordsOf(text: string): string[] {
  // Only text outside ASCII needs the decomposition (and it is the costly part).
  const folded = /[^\x00-\x7f]/.test(text) ? text.normalize('NFKD').replace(/\p{M}+/gu, '') : text;
  return folded.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** A lexeme as a quoted tsvector/tsquery element (a lexeme has no quote or backslash, but the format is kept exact). */
const quoted = (lexeme: string) => `'${lexeme.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;

/**
 * The `tsvector` literal of an article: the title's terms weighted A, the text's B, each with its
 * word positions (function words take a position too, as in PostgreSQL's own vectors).
 */
export function searchVector(title: string | null, text: string): string {
  const positions = new Map<string, string[]>();
  let position = 0;
  /** An upper bound on the vector's size as PostgreSQL stores it: each lexeme's bytes and entry, two bytes a position. */
  let bytes = 0;
  const add = (part: string, weight: 'A' | 'B') => {
    for (const word of wordsOf(part)) {
      position = Math.min(position + 1, MAX_POSITION);
      if (STOPWORDS.has(word)) continue;
      const lexeme = stemOf(word);
      const list = positions.get(lexeme);
      if (list) {
        if (list.length < MAX_POSITIONS_PER_LEXEME && bytes + 2 <= MAX_VECTOR_BYTES) { list.push(`${position}${weight}`); bytes += 2; }
        continue;
      }
      const size = lexemeBytes(lexeme);
      if (size > MAX_LEXEME_BYTES || bytes + size + 8 > MAX_VECTOR_BYTES) continue;
      positions.set(lexeme, [`${position}${weight}`]);
      bytes += size + 8;
    }
  };
  add(title ?? '', 'A');
  add(text, 'B');
  const parts: string[] = [];
  for (const [lexeme, at] of positions) parts.push(`${quoted(lexeme)}:${at.join(',')}`);
  return parts.join(' ');
}

/**
 * The `tsquery` literal of a user's query: every term must match (as `plainto_tsquery` does), or
 * null when the query has no term left (only punctuation, function words or over-long words),
 * which matches nothing.
 */
export function searchQuery(query: string): string | null {
  const terms = new Set<string>();
  for (const word of wordsOf(query)) {
    if (STOPWORDS.has(word)) continue;
    const term = stemOf(word);
    // A term too long to be a lexeme could match nothing; PostgreSQL would refuse the whole query.
    if (lexemeBytes(term) <= MAX_LEXEME_BYTES) terms.add(term);
  }
  return terms.size ? [...terms].map(quoted).join(' & ') : null;
}
