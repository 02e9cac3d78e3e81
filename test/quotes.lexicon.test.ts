import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ParleyError } from '../src/document/errors.js';
import { compileQuoteLexicon, loadQuoteLexicon, scanQuotations } from '../src/quotes/index.js';

const file = fileURLToPath(new URL('../data/quotes/cues.json', import.meta.url));

test('quotes › lexicon › the data file has a header with provenance and licence', () => {
  const raw = JSON.parse(readFileSync(file, 'utf8'));
  assert.equal(typeof raw._header.provenance, 'string');
  assert.equal(typeof raw._header.licence, 'string');
  assert.ok(Number.isInteger(raw._header.version));
});

test('quotes › lexicon › every cue form is lower case and maps to one cue', () => {
  const lex = loadQuoteLexicon();
  for (const form of lex.cueForms.keys()) assert.equal(form, form.toLowerCase());
  for (const lemma of ['say', 'tell', 'add', 'stress', 'warn', 'note', 'insist', 'claim', 'announce', 'confirm', 'deny', 'argue', 'state', 'write', 'acknowledge', 'explain']) {
    assert.ok([...lex.cueForms.values()].some((c) => c.lemma === lemma), `cue "${lemma}" missing`);
  }
  assert.equal(lex.cueForms.get('told')?.addressee, true);
  assert.equal(lex.phrases.get('according')?.[0].words.join(' '), 'according to');
});

const invalid: [string, unknown][] = [
  ['not an object', 42],
  ['no cues', { cues: [] }],
  ['a cue without forms', { cues: [{ lemma: 'say' }] }],
  ['an unknown complement', { cues: [{ lemma: 'say', forms: ['say'], complement: 'object' }] }],
  ['a form listed twice', { cues: [{ lemma: 'say', forms: ['say'] }, { lemma: 'tell', forms: ['say'] }] }],
  ['an unknown pronoun kind', { cues: [{ lemma: 'say', forms: ['say'] }], pronouns: { he: 'animal' } }],
];
for (const [behaviour, raw] of invalid) {
  test(`quotes › lexicon › refuses ${behaviour} with P040`, () => {
    assert.throws(() => compileQuoteLexicon(raw), (err: unknown) => err instanceof ParleyError && err.code === 'P040');
  });
}

test('quotes › lexicon › a missing lexicon file is P011', () => {
  assert.throws(() => loadQuoteLexicon('/nonexistent/cues.json'), (err: unknown) => err instanceof ParleyError && err.code === 'P011');
});

// [behaviour, text, expected [open, close] offsets, expected unbalanced offsets]
const marks: [string, string, [number, number][], number[]][] = [
  ['curly pair', 'He said “yes” twice.', [[8, 12]], []],
  ['straight pair', 'He said "yes" twice.', [[8, 12]], []],
  ['two pairs', '“A,” he said. “B.”', [[0, 3], [14, 17]], []],
  ['apostrophes are not marks', 'Ukraine’s allies’ view won’t change.', [], []],
  ['nested singles inside doubles', '“They said ‘no’ again,” she said.', [[0, 22]], []],
  ['continued over a paragraph', '“One.\n“Two,” he said.', [[0, 11]], []],
  ['unclosed at the paragraph end', '“One.\nTwo.', [], [0]],
  ['a stray straight closer', 'He said" no.', [], [7]],
  ['an elided decade is not an opening mark', 'In the ’90s the officials’ view was different.', [], []],
  ['a straight elision is not an opening mark', "In the '90s the officials' view was different.", [], []],
  ['British straight singles', "'We agree,' she said.", [[0, 10]], []],
];
for (const [behaviour, text, pairs, unbalanced] of marks) {
  test(`quotes › marks › ${behaviour}`, () => {
    const scan = scanQuotations(text);
    assert.deepEqual(scan.quotations.map((q) => [q.open, q.close]), pairs);
    assert.deepEqual(scan.unbalanced, unbalanced);
  });
}
