import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Document } from '../src/document/document.js';
import { createPipeline } from '../src/document/pipeline.js';
import { eventsStage, loadLexicon } from '../src/events/index.js';
import { FACTUALITIES, PLOVER_TYPES } from '../src/document/types.js';
import { segment } from '../src/nlp/index.js';
import { read } from './events.helpers.js';

const text = 'Moldova has called for a meeting with Romania this week. Russian troops stepped up raids on Georgia on Monday. ' +
  'Germany said Iran must release the detained journalists. Kenya will host talks between Sudan and South Sudan in Nairobi.';
const doc = read(text);

test('events stage › every event\'s evidence holds its trigger, inside its sentence', () => {
  assert.ok(doc.events.length >= 4);
  for (const e of doc.events) {
    const { evidence: ev } = e;
    assert.equal(text.slice(ev.trigger.start, ev.trigger.end), ev.trigger.text);
    assert.ok(ev.start <= ev.trigger.start && ev.trigger.end <= ev.end);
  }
});

test('events stage › ids run ev1, ev2, … in text order', () => {
  assert.deepEqual(doc.events.map((e) => e.id), doc.events.map((_, k) => `ev${k + 1}`));
  const starts = doc.events.map((e) => e.evidence.trigger.start);
  assert.deepEqual(starts, [...starts].sort((a, b) => a - b));
});

test('events stage › types, factualities, CAMEO codes and QuadClass are well formed', () => {
  for (const e of doc.events) {
    assert.ok((PLOVER_TYPES as readonly string[]).includes(e.type));
    assert.ok((FACTUALITIES as readonly string[]).includes(e.factuality));
    assert.match(e.cameo, /^\d{2,4}$/);
    assert.ok(e.quad >= 1 && e.quad <= 4);
    assert.match(e.rule, /^[a-z]+\.[a-z0-9.-]+(\+intent)?$/);
  }
});

// [behaviour, trigger text, expected fields]
const cases: [string, string, Record<string, unknown>][] = [
  ['a call for a meeting is REQUEST meet, CAMEO 026, quad 1', 'called for', { type: 'REQUEST', mode: 'meet', cameo: '026', quad: 1, rule: 'request.call-for' }],
  ['stepped-up raids are ASSAULT, quad 4', 'stepped up raids', { type: 'ASSAULT', cameo: '190', quad: 4, factuality: 'asserted' }],
  ['"must release" is a demand, CAMEO 100, quad 3', 'must release', { type: 'REQUEST', cameo: '100', quad: 3 }],
  ['hosting talks announced with "will" is planned', 'host', { type: 'CONSULT', mode: 'host', factuality: 'planned' }],
];

// [behaviour, sentence, trigger, expected mode, expected CAMEO code]
const modes: [string, string, string, string | null, string][] = [
  ['a call for a ceasefire is REQUEST yield 0256', 'China called for a ceasefire in Gaza.', 'called for', 'yield', '0256'],
  ['seeking security guarantees is REQUEST assist 0234', 'Moldova seeks firm security guarantees from Romania.', 'seeks', 'assist', '0234'],
  ['demanding a withdrawal is a demand to yield, 1056', 'Armenia demanded that Azerbaijan withdraw its troops from the border.', 'demanded', 'yield', '1056'],
  ['urging talks is an appeal to meet, 026', 'Serbia called on Kosovo to negotiate.', 'called on', 'meet', '026'],
  ['threatening to ban is THREATEN 1322', 'Kazakhstan threatened to ban the opposition party.', 'threatened', 'ban', '1322'],
  ['a pledge of military aid is AGREE 0332', 'Germany pledged weapons to Ukraine.', 'pledged weapons', null, '0332'],
];
for (const [behaviour, sentence, trigger, mode, cameo] of modes) {
  test(`events stage › ${behaviour}`, () => {
    const e = read(sentence).events.find((x) => x.evidence.trigger.text === trigger);
    assert.ok(e, `no event on "${trigger}"`);
    assert.equal(e.mode, mode);
    assert.equal(e.cameo, cameo);
  });
}
for (const [behaviour, trigger, expected] of cases) {
  test(`events stage › ${behaviour}`, () => {
    const e = doc.events.find((x) => x.evidence.trigger.text === trigger);
    assert.ok(e, `no event on "${trigger}" in ${JSON.stringify(doc.events.map((x) => x.evidence.trigger.text))}`);
    for (const [k, v] of Object.entries(expected)) assert.equal((e as unknown as Record<string, unknown>)[k], v, k);
  });
}

test('events stage › time is a time expression of the same sentence', () => {
  const e = doc.events.find((x) => x.evidence.trigger.text === 'called for');
  const t = doc.times.find((x) => x.id === e?.time);
  assert.ok(t, 'the request is dated');
  assert.equal(t.text, 'this week');
});

test('events stage › place is a place of the sentence that is not a participant', () => {
  const e = doc.events.find((x) => x.evidence.trigger.text === 'host');
  const p = doc.places.find((x) => x.id === e?.place);
  assert.ok(p, 'the talks have a place');
  assert.equal(p.name, 'Nairobi');
});

test('events stage › declares what it needs and assigns events', () => {
  const stage = eventsStage(loadLexicon());
  assert.equal(stage.name, 'events');
  assert.deepEqual([...stage.assigns], ['events']);
  assert.deepEqual([...stage.requires], ['tokens', 'sentences', 'entities', 'actors', 'times', 'places', 'quotes']);
  assert.throws(() => createPipeline([stage]), /P012/);
});

test('events stage › an empty document codes no events', () => {
  const d = new Document({ id: 'e', published: null, title: null, url: null, source: null, text: '' });
  Object.assign(d, { tokens: [], sentences: [], entities: [], actors: [], times: [], places: [], quotes: [] });
  eventsStage(loadLexicon()).run(d);
  assert.deepEqual(d.events, []);
});

test('events stage › an act between parties no dictionary places is not coded by default', () => {
  const quiet = read('The company released a list of dealers on Monday.');
  assert.deepEqual(quiet.events, []);
  const d = new Document({ id: 'q', published: null, title: null, url: null, source: null, text: quiet.article.text });
  Object.assign(d, segment(d.text), { entities: quiet.entities, actors: quiet.actors, times: quiet.times, places: quiet.places, quotes: quiet.quotes });
  eventsStage(loadLexicon(), { requirePlacedParticipant: false }).run(d);
  assert.ok((d.events ?? []).some((e) => e.type === 'RETREAT'), JSON.stringify(d.events));
});
