import { test } from 'node:test';
import assert from 'node:assert/strict';
import { searchQuery, searchVector } from '../src/store/search.js';

// The PostgreSQL store's search terms are made by the writing process; documents and queries
// follow the same rules, so a query finds what the vectors hold. No services needed.

/** The lexemes of a vector literal, without positions. */
const lexemes = (vector: string) => [...vector.matchAll(/'((?:[^']|'')*)':/g)].map((m) => m[1]).sort();

const vectors: [string, string | null, string, string[]][] = [
  ['inflections share a stem', null, 'Negotiators negotiated; negotiations go on.', ['go', 'negoti']],
  ['function words are left out', null, 'The talks were at the border', ['border', 'talk']],
  ['case and diacritics are folded (a letter with none, like æ, stays)', null, 'PÉTAIN Pétain Ærø Zürich', ['petain', 'zurich', 'ærø']],
  ['words with digits are kept whole', null, 'G7 leaders met in 2025', ['2025', 'g7', 'leader', 'met']],
  ['apostrophes split a word, and the lone letter is dropped', null, "Ukraine's request", ['request', 'ukrain']],
  ['non-Latin scripts are words too', null, 'Переговоры в Киеве', ['в', 'киеве', 'переговоры'].sort()],
  ['punctuation alone gives no lexeme', null, '— ... !!', []],
  ['the title counts too', 'Ceasefire holds', 'Quiet night.', ['ceasefir', 'hold', 'night', 'quiet']],
];
for (const [name, title, text, expected] of vectors) {
  test(`search › vector: ${name}`, () => {
    assert.deepEqual(lexemes(searchVector(title, text)), expected);
  });
}

test('search › vector: the title is weighted A, the text B, and positions run on from the title', () => {
  assert.equal(searchVector('Talks resume', 'The talks resumed in Geneva.'), "'talk':1A,4B 'resum':2A,5B 'geneva':7B");
});

test('search › vector: a lexeme keeps at most 256 positions and no position passes 16,383', () => {
  const v = searchVector(null, 'talk '.repeat(20_000));
  const positions = v.split(':')[1].split(',');
  assert.equal(positions.length, 256);
  assert.equal(searchVector(null, 'x '.repeat(20_000) + 'peace'), `'x':${Array.from({ length: 256 }, (_, i) => `${i + 1}B`).join(',')} 'peac':16383B`);
});

test('search › vector: new lexemes stop before PostgreSQL\'s megabyte, however long diacritics removal makes the text', () => {
  // Each squared katakana sign decomposes into several letters; a run of distinct such words is a
  // text that grows when folded.
  const signs = Array.from({ length: 0x3357 - 0x3300 + 1 }, (_, i) => String.fromCharCode(0x3300 + i));
  const words: string[] = [];
  for (let i = 0, length = 0; length < 300_000; i++) {
    words.push(signs[i % signs.length] + signs[(i * 7) % signs.length] + signs[(i * 13) % signs.length] + i.toString(36));
    length += words[words.length - 1].length + 1;
  }
  const vector = searchVector(null, words.join(' '));
  // A lexeme's bytes and an 8-byte entry with its first position, then two bytes a position.
  const bytes = [...vector.matchAll(/'((?:[^']|'')*)':([^ ]*)/g)].reduce((n, m) => n + Buffer.byteLength(m[1]) + 8 + 2 * (m[2].split(',').length - 1), 0);
  assert.ok(bytes <= 1_000_000, `${bytes} bytes`);
  assert.ok(bytes > 900_000, 'the vector is filled up to the limit, not cut short');
});

const queries: [string, string, string | null][] = [
  ['every term must match, stemmed as the vectors are', 'resuming the Talks', "'resum' & 'talk'"],
  ['a repeated term is asked once', 'talks talk TALKING', "'talk'"],
  ['punctuation never reaches the query parser', `meeting" (Monday) & | ! 'x`, "'meet' & 'mondai' & 'x'"],
  ['a query of function words alone has no terms', 'the, and to', null],
  ['an empty query has no terms', '   ', null],
  ['a word too long to be a lexeme is left out', `talks ${'x'.repeat(3000)}`, "'talk'"],
  ['a query of such words alone has no terms', 'x'.repeat(3000), null],
];
for (const [name, query, expected] of queries) {
  test(`search › query: ${name}`, () => {
    assert.equal(searchQuery(query), expected);
  });
}

test('search › a query finds the vectors of its inflections: every query lexeme is in the vector', () => {
  const vector = lexemes(searchVector('Kyiv asks Washington for a meeting', 'Ukraine formally requested talks with the United States.'));
  for (const q of ['meetings', 'requesting talk', 'united states', 'asked']) {
    const terms = [...searchQuery(q)!.matchAll(/'([^']*)'/g)].map((m) => m[1]);
    for (const t of terms) assert.ok(vector.includes(t), `${q}: ${t}`);
  }
});
