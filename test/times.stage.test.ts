// The times stage inside a pipeline, the ranges of TIMEX3 values, and normalizeTime on bare phrases.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Document, createPipeline } from '../src/document/index.js';
import { segmentStage } from '../src/nlp/index.js';
import { normalizeTime, rangeOfValue, timesStage } from '../src/times/index.js';

const ranges: [value: string, range: [string, string] | null][] = [
  ['2025-10-13', ['2025-10-13', '2025-10-13']],
  ['2025-W42', ['2025-10-13', '2025-10-19']],
  ['2026-W01', ['2025-12-29', '2026-01-04']],
  ['2025-W42-WE', ['2025-10-18', '2025-10-19']],
  ['2025-10', ['2025-10-01', '2025-10-31']],
  ['2024-02', ['2024-02-01', '2024-02-29']],
  ['2025-WI', ['2025-12-01', '2026-02-28']],
  ['2023-WI', ['2023-12-01', '2024-02-29']],
  ['2025-SU', ['2025-06-01', '2025-08-31']],
  ['2025-Q3', ['2025-07-01', '2025-09-30']],
  ['2025-H1', ['2025-01-01', '2025-06-30']],
  ['2025', ['2025-01-01', '2025-12-31']],
  ['199', ['1990-01-01', '1999-12-31']],
  ['18', ['1800-01-01', '1899-12-31']],
  ['2025-10-14T15:00', ['2025-10-14', '2025-10-14']],
  ['P3W', null],
  ['PRESENT_REF', null],
  ['XXXX-WXX', null],
];

for (const [value, range] of ranges) {
  test(`times › range of ${value}`, () => assert.deepEqual(rangeOfValue(value), range));
}

const phrases: [phrase: string, published: string | null, tense: 'past' | 'future' | null, value: string | null][] = [
  ['this week', '2025-10-14', null, '2025-W42'],
  ['on Monday', '2025-10-14', 'past', '2025-10-13'],
  ['on Monday', '2025-10-14', 'future', '2025-10-20'],
  ['in March', '2025-10-14', 'future', '2026-03'],
  ['in March', '2025-10-14', 'past', '2025-03'],
  ['this month', null, null, 'XXXX-XX'],
];

for (const [phrase, published, tense, value] of phrases) {
  test(`times › normalizeTime("${phrase}", ${published}, ${tense ?? 'no tense'}) → ${value}`, () => {
    assert.equal(normalizeTime(phrase, published, { tense })?.value, value);
  });
}

test('times › stage fills doc.times with valid spans, ids in order and ranges', () => {
  const text = 'Ukraine asked for a meeting this week.\n\nSenior officials confirmed on Monday that the request was sent. Zelensky is expected to travel this month.';
  const doc = new Document({ id: 'a', published: '2025-10-14', title: null, url: null, source: null, text });
  createPipeline([segmentStage(), timesStage()]).run(doc);
  const times = doc.times ?? [];
  assert.deepEqual(times.map((t) => [t.id, t.text, t.value]), [
    ['t1', 'this week', '2025-W42'], ['t2', 'Monday', '2025-10-13'], ['t3', 'this month', '2025-10'],
  ]);
  for (const t of times) assert.equal(text.slice(t.start, t.end), t.text);
  assert.deepEqual(times[0].range, ['2025-10-13', '2025-10-19']);
  assert.equal(times[1].role, 'report');
});

test('times › stage without a publication date invents no dates and says why', () => {
  const text = 'Senior officials confirmed on Monday that talks would take place this week.';
  const doc = new Document({ id: 'b', published: null, title: null, url: null, source: null, text });
  createPipeline([segmentStage(), timesStage()]).run(doc);
  for (const t of doc.times ?? []) {
    assert.ok(!/\d{4}/.test(t.value ?? ''), `${t.text} → ${t.value}`);
    assert.equal(t.range, null);
  }
  assert.ok(doc.diagnostics.some((d) => d.code === 'P301'));
});

test('times › a malformed publication date is reported and ignored', () => {
  const doc = new Document({ id: 'c', published: 'last Tuesday', title: null, url: null, source: null, text: 'They met on Monday.' });
  createPipeline([segmentStage(), timesStage()]).run(doc);
  assert.ok(doc.diagnostics.some((d) => d.code === 'P107'));
  assert.equal(doc.times?.[0].value, 'XXXX-WXX-1');
});

test('times › an expression never runs over a sentence break, and the part before it is kept', () => {
  const text = 'The vote took place in May.\n\n2009 was a bad year for the talks.';
  const doc = new Document({ id: 'e', published: '2025-10-14', title: null, url: null, source: null, text });
  createPipeline([segmentStage(), timesStage()]).run(doc);
  assert.deepEqual((doc.times ?? []).map((t) => [t.text, t.value]), [['May', '2025-05'], ['2009', '2009']]);
});

test('times › a document without time expressions gets an empty layer', () => {
  const doc = new Document({ id: 'd', published: '2025-10-14', title: null, url: null, source: null, text: 'Kyiv insists the moment requires urgency.' });
  createPipeline([segmentStage(), timesStage()]).run(doc);
  assert.deepEqual(doc.times, []);
});
