import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { loadLexicon } from '../src/events/index.js';
import { PLOVER_TYPES } from '../src/document/types.js';

const lexicon = loadLexicon();
const raw = JSON.parse(readFileSync(new URL('../data/events/lexicon.json', import.meta.url), 'utf8'));

test('events lexicon › the data file names its provenance and version', () => {
  assert.equal(typeof raw.provenance?.facts, 'string');
  assert.equal(typeof raw.provenance?.patterns, 'string');
  assert.match(lexicon.version, /^events-lexicon\/\d+\+events-grammar\/\d+$/);
});

for (const type of PLOVER_TYPES) {
  test(`events lexicon › ${type} has trigger entries`, () => {
    assert.ok(lexicon.entries.some((e) => e.type === type), `no entry codes ${type}`);
  });
}

test('events lexicon › every entry id is unique and names its type family', () => {
  const ids = lexicon.entries.map((e) => e.id);
  assert.equal(new Set(ids).size, ids.length);
  for (const e of lexicon.entries) assert.match(e.id, /^[a-z]+\.[a-z0-9.-]+$/);
});

test('events lexicon › every CAMEO code used is in the bundled table with a QuadClass 1–4', () => {
  for (const e of lexicon.entries) {
    for (const code of [e.cameo, e.intent].filter(Boolean)) {
      const row = lexicon.cameo.get(code);
      assert.ok(row, `${e.id}: ${code} not in cameo.tsv`);
      assert.ok(row.quad >= 1 && row.quad <= 4);
    }
  }
});

// [CAMEO code, QuadClass, PLOVER type] — facts from the CAMEO codebook and the PLOVER table.
const codes: [string, number, string | null][] = [
  ['010', 1, null], ['026', 1, 'REQUEST'], ['036', 1, 'AGREE'], ['042', 1, 'CONSULT'], ['051', 1, 'SUPPORT'],
  ['064', 2, 'COOPERATE'], ['073', 2, 'AID'], ['0841', 2, 'RETREAT'], ['090', 2, 'ACCUSE'], ['106', 3, 'REQUEST'],
  ['112', 3, 'ACCUSE'], ['125', 3, 'REJECT'], ['138', 3, 'THREATEN'], ['141', 3, 'PROTEST'], ['154', 4, 'MOBILIZE'],
  ['161', 4, 'SANCTION'], ['173', 4, 'COERCE'], ['190', 4, 'ASSAULT'], ['2042', 4, 'ASSAULT'],
];
for (const [code, quad, plover] of codes) {
  test(`events lexicon › CAMEO ${code} is QuadClass ${quad}, PLOVER ${plover}`, () => {
    const row = lexicon.cameo.get(code);
    assert.ok(row);
    assert.equal(row.quad, quad);
    assert.equal(row.plover, plover);
  });
}

test('events lexicon › the index is keyed by lower-case lemma', () => {
  for (const [lemma, entries] of lexicon.byLemma) {
    assert.equal(lemma, lemma.toLowerCase());
    assert.ok(entries.length > 0);
  }
  assert.ok(lexicon.byLemma.get('attack')?.some((e) => e.type === 'ASSAULT'));
  assert.ok(lexicon.byLemma.get('step')?.some((e) => e.id === 'assault.step-up-attacks'));
});

test('events lexicon › a broken data folder is refused with P011/P040', () => {
  assert.throws(() => loadLexicon({ dir: '/nonexistent' }), /P011/);
});
