import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Document, createPipeline, defineStage, ParleyError } from '../src/document/index.js';
import { segment } from '../src/nlp/index.js';
import { winkLexicon } from '../src/nlp/segment.js';

const stage = (name: string, requires: string[], assigns: string[]) =>
  defineStage({ name, requires: requires as never, assigns: assigns as never, run(doc) { for (const l of assigns) (doc as never as Record<string, unknown>)[l] = []; } });

test('pipeline › refuses a stage whose need nobody assigns', () => {
  assert.throws(() => createPipeline([stage('events', ['entities'], ['events'])]),
    (e: unknown) => e instanceof ParleyError && e.code === 'P012' && /no stage in the pipeline assigns/.test(e.message));
});

test('pipeline › refuses a stage placed before the one it needs', () => {
  assert.throws(() => createPipeline([stage('b', ['tokens'], ['entities']), stage('a', [], ['tokens'])]),
    (e: unknown) => e instanceof ParleyError && /assigns only later: move it before "b"/.test(e.message));
});

test('pipeline › refuses the same stage twice', () => {
  assert.throws(() => createPipeline([stage('a', [], ['tokens']), stage('a', [], ['tokens'])]), /appears twice/);
});

test('pipeline › a stage that leaves its layer unset is an error', () => {
  const lazy = defineStage({ name: 'lazy', requires: [], assigns: ['tokens'], run() { /* forgets to assign */ } });
  assert.throws(() => createPipeline([lazy]).run(new Document({ id: 'x', text: 'x', published: null, title: null, url: null, source: null })), /did not assign layer "tokens"/);
});

test('pipeline › runs stages in order', () => {
  const p = createPipeline([stage('a', [], ['tokens', 'sentences']), stage('b', ['tokens'], ['entities'])]);
  const doc = p.run(new Document({ id: 'x', text: 'x', published: null, title: null, url: null, source: null }));
  assert.deepEqual(doc.entities, []);
});

const SEGMENT_CASES: [string, string][] = [
  ['curly quotes and a dash', '“This conversation needs to happen,” one official said — again.'],
  ['paragraph breaks', 'First paragraph here.\n\nSecond one, after a blank line.\n'],
  ['hyphenated words and numbers', 'A face-to-face meeting on 13 Oct. cost $2.5 billion.'],
  ['astral characters count as two UTF-16 units', 'Flags 🇺🇦 and 🇺🇸 stood side by side. Then talks began.'],
  ['runs of spaces and tabs', 'Kyiv  insists\tthe moment   requires urgency.'],
];
for (const [name, text] of SEGMENT_CASES) {
  test(`segment › every token and sentence offset points at its text: ${name}`, () => {
    const { tokens, sentences } = segment(text);
    for (const t of tokens) assert.equal(text.slice(t.start, t.end), t.text);
    for (const s of sentences) {
      assert.ok(s.start >= 0 && s.end <= text.length && s.start < s.end);
      assert.equal(text.slice(s.start, s.end).trim(), text.slice(s.start, s.end));
    }
  });
}

test('segment › gives POS, lemma and negation', () => {
  const { tokens } = segment('The administration has not confirmed the meeting.');
  const confirmed = tokens.find((t) => t.text === 'confirmed')!;
  assert.equal(confirmed.lemma, 'confirm');
  assert.equal(confirmed.pos, 'VERB');
  assert.equal(confirmed.negated, true);
});

test('segment › wink-nlp is made afresh once its lexicon is full, and reads every text the same after', () => {
  const words = (text: string) => segment(text).tokens.map((t) => [t.text, t.lower, t.pos, t.lemma]);
  const reference = 'The foreign minister of Kenya met her counterpart from Norway on Tuesday, aides said.';
  const before = words(reference);
  // New lexemes for the old instance; after the renewal, the new instance gives other new words
  // the same ids, which a memo kept from the old one would read back as these.
  const old = ['Zqvex7', 'mirrowind', 'Ktalbo'];
  assert.deepEqual(words(old.join(' ')).map((w) => w[0]), old);
  const limit = winkLexicon.limit, renewals = winkLexicon.renewals;
  try {
    winkLexicon.limit = 0;
    segment('Any text now fills the lexicon.');
    assert.equal(winkLexicon.renewals, renewals + 1);
  } finally {
    winkLexicon.limit = limit;
  }
  const fresh = ['Pluvetta', 'Oxbrannic', 'Wendlesk'];
  assert.deepEqual(words(fresh.join(' ')).map((w) => w[0]), fresh);
  assert.deepEqual(words(old.join(' ')).map((w) => w[0]), old);
  assert.deepEqual(words(reference), before);
  assert.equal(winkLexicon.renewals, renewals + 1);
});

test('segment › whitespace-only text has no sentences and no error', () => {
  for (const text of [' ', '\n\n', '\t \n ']) assert.deepEqual(segment(text).sentences, []);
});

test('segment › splits sentences', () => {
  const { sentences } = segment('Ukraine asked for talks. Washington has not replied. Analysts are cautious.');
  assert.equal(sentences.length, 3);
});
