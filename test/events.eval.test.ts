import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatEventScore, scoreEvents, type PloverScore, type CameoScore } from '../src/events/index.js';

const gold = (id: string, type: string, actor: string[], recipient: string[], reciprocal = false) =>
  JSON.stringify({ id, text: '…', events: [{ type, mode: null, actor: actor.map((country) => ({ country })), recipient: recipient.map((country) => ({ country })) }], reciprocal });
const doc = (id: string, events: [string, string[], string[], string?, string?][]) => ({
  schema: 'parley.document/1', article: { id },
  events: events.map(([type, actor, recipient, factuality = 'asserted', cameo = '190']) => ({
    type, cameo, factuality, actor: actor.map((country) => ({ country })), recipient: recipient.map((country) => ({ country })),
  })),
});

// [behaviour, gold lines, system documents, expected type tp/fp/fn, expected event tp/fp/fn]
type Counts = [number, number, number];
const cases: [string, string[], unknown[], Counts, Counts][] = [
  ['an exact match is a hit on both', [gold('a', 'ASSAULT', ['RUS'], ['UKR'])], [doc('a', [['ASSAULT', ['RUS'], ['UKR']]])], [1, 0, 0], [1, 0, 0]],
  ['the right type with the wrong actor is a type hit, an event miss', [gold('a', 'ASSAULT', ['RUS'], ['UKR'])], [doc('a', [['ASSAULT', ['USA'], ['UKR']]])], [1, 0, 0], [0, 1, 1]],
  ['gold without recipients accepts any recipient', [gold('a', 'AGREE', ['HUN', 'ROU'], [])], [doc('a', [['AGREE', ['HUN'], ['SRB']]])], [1, 0, 0], [1, 0, 0]],
  ['reciprocal gold matches either way round', [gold('a', 'CONSULT', ['FRA'], ['ROU'], true)], [doc('a', [['CONSULT', ['ROU'], ['FRA']]])], [1, 0, 0], [1, 0, 0]],
  ['non-reciprocal gold does not', [gold('a', 'CONSULT', ['FRA'], ['ROU'])], [doc('a', [['CONSULT', ['ROU'], ['FRA']]])], [1, 0, 0], [0, 1, 1]],
  ['an extra event of another type is a false alarm on both', [gold('a', 'ASSAULT', ['RUS'], [])], [doc('a', [['ASSAULT', ['RUS'], []], ['REQUEST', ['UKR'], []]])], [1, 1, 0], [1, 1, 0]],
  ['hypothetical, planned, negated and unconfirmed events are not counted', [gold('a', 'ASSAULT', ['RUS'], [])],
    [doc('a', [['ASSAULT', ['RUS'], [], 'hypothetical'], ['REJECT', ['USA'], [], 'negated'], ['AID', ['USA'], [], 'planned'], ['CONSULT', ['USA'], [], 'unconfirmed']])], [0, 0, 1], [0, 0, 1]],
  ['reported events are counted', [gold('a', 'ASSAULT', ['RUS'], [])], [doc('a', [['ASSAULT', ['RUS'], [], 'reported']])], [1, 0, 0], [1, 0, 0]],
  ['old CAMEO country codes are mapped', [gold('a', 'ASSAULT', ['VTN'], ['KHM'])], [doc('a', [['ASSAULT', ['VNM'], ['KHM']]])], [1, 0, 0], [1, 0, 0]],
  ['a class-code gold actor accepts any class code or none', [gold('a', 'AID', ['IGO'], ['CIV'])], [doc('a', [['AID', ['NGO'], ['CIV']]])], [1, 0, 0], [1, 0, 0]],
  ['a missing document is all misses', [gold('a', 'AID', ['USA'], [])], [], [0, 0, 1], [0, 0, 1]],
];

for (const [behaviour, goldLines, docs, type, event] of cases) {
  test(`events eval › ${behaviour}`, () => {
    const score = scoreEvents(goldLines, docs) as PloverScore;
    assert.equal(score.kind, 'plover');
    assert.deepEqual([score.type.tp, score.type.fp, score.type.fn], type);
    assert.deepEqual([score.event.tp, score.event.fp, score.event.fn], event);
  });
}

test('events eval › P/R/F1, accuracies and the per-type table', () => {
  const lines = [gold('a', 'ASSAULT', ['RUS'], ['UKR']), gold('b', 'AID', ['USA'], ['UKR']), gold('c', 'AID', ['USA'], ['MDA'])];
  const docs = [doc('a', [['ASSAULT', ['RUS'], ['UKR']]]), doc('b', [['AID', ['USA'], ['POL']]]), doc('c', [])];
  const score = scoreEvents(lines, docs) as PloverScore;
  assert.deepEqual(score.event, { p: 0.5, r: 0.333, f1: 0.4, tp: 1, fp: 1, fn: 2 });
  assert.equal(score.actorAccuracy, 1);
  assert.equal(score.recipientAccuracy, 0.5);
  assert.deepEqual(score.perType.AID, { gold: 2, typeFound: 1, eventMatched: 0 });
  assert.match(formatEventScore(score), /AID\s+2\s+1\s+0/);
});

test('events eval › CAMEO dyad gold is scored at root and full code', () => {
  const lines = [JSON.stringify({ id: 'x', events: [{ source: 'USAGOV', target: 'CHN', code: '042' }, { source: 'CHN', target: 'USA', code: '043' }] })];
  const docs = [doc('x', [['CONSULT', ['USA'], ['CHN'], 'asserted', '040'], ['CONSULT', ['CHN'], ['USA'], 'asserted', '043']])];
  const score = scoreEvents(lines, docs) as CameoScore;
  assert.equal(score.kind, 'cameo');
  assert.deepEqual([score.rootDyad.tp, score.rootDyad.fp, score.rootDyad.fn], [2, 0, 0]);
  assert.deepEqual([score.fullDyad.tp, score.fullDyad.fp, score.fullDyad.fn], [1, 1, 1]);
});

test('events eval › a gold line that is not JSON is refused with P070', () => {
  assert.throws(() => scoreEvents(['{not json'], []), /P070/);
});
