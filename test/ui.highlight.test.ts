import { test } from 'node:test';
import assert from 'node:assert/strict';
import { marksOf, segmentText, type Mark } from '../web/src/highlight.js';
import { moldovaDocument, scriptDocument } from './server.fixtures.js';

const mark = (kind: Mark['kind'], start: number, end: number, ref = kind): Mark => ({ kind, start, end, ref, label: ref });

// [name, text length, marks, expected runs as [start, end, kinds]]
const CASES: [string, number, Mark[], [number, number, string[]][]][] = [
  ['no marks is one plain run', 10, [], [[0, 10, []]]],
  ['a mark in the middle splits the text in three', 10, [mark('time', 2, 5)], [[0, 2, []], [2, 5, ['time']], [5, 10, []]]],
  ['a mark at the very start and end', 4, [mark('actor', 0, 4)], [[0, 4, ['actor']]]],
  ['nested marks (a trigger inside a quote) become flat runs carrying both', 10, [mark('quote', 0, 10), mark('trigger', 3, 6)],
    [[0, 3, ['quote']], [3, 6, ['quote', 'trigger']], [6, 10, ['quote']]]],
  ['overlapping marks split where either starts or ends', 8, [mark('actor', 0, 5), mark('time', 3, 8)],
    [[0, 3, ['actor']], [3, 5, ['actor', 'time']], [5, 8, ['time']]]],
  ['adjacent marks do not bleed into each other', 6, [mark('actor', 0, 3), mark('place', 3, 6)], [[0, 3, ['actor']], [3, 6, ['place']]]],
];

for (const [name, length, marks, expected] of CASES) {
  test(`ui highlight › ${name}`, () => {
    assert.deepEqual(segmentText(length, marks).map((s) => [s.start, s.end, s.marks.map((m) => m.kind)]), expected);
  });
}

test('ui highlight › the runs of a real document cover its text exactly once, in order', () => {
  const doc = moldovaDocument();
  const runs = segmentText(doc.article.text.length, marksOf(doc));
  assert.equal(runs.map((r) => doc.article.text.slice(r.start, r.end)).join(''), doc.article.text);
  for (let i = 1; i < runs.length; i++) assert.equal(runs[i].start, runs[i - 1].end);
});

test('ui highlight › every layer of the fixture becomes marks of its kind', () => {
  const kinds = marksOf(moldovaDocument()).reduce<Record<string, number>>((acc, m) => ({ ...acc, [m.kind]: (acc[m.kind] ?? 0) + 1 }), {});
  assert.deepEqual(kinds, { actor: 7, time: 3, place: 2, quote: 1, cue: 1, trigger: 3 });
});

// [name, span] — spans that do not fit the text are dropped, never drawn at the wrong place
const BAD_SPANS: [string, { start: number; end: number }][] = [
  ['negative start', { start: -1, end: 3 }],
  ['end past the text', { start: 0, end: 10_000 }],
  ['empty span', { start: 4, end: 4 }],
  ['reversed span', { start: 6, end: 2 }],
  ['fractional offsets', { start: 1.5, end: 3 }],
];
for (const [name, span] of BAD_SPANS) {
  test(`ui highlight › a span with ${name} is skipped`, () => {
    const doc = scriptDocument();
    doc.times.push({ id: 't1', text: 'x', ...span, type: 'DATE', value: null, range: null, role: 'other' });
    assert.equal(marksOf(doc).length, 0);
  });
}
