// Reading a batch stage by stage (readRecords, engine.readInputs) gives the items a read record by
// record gives, in order: documents, failures and diagnostics alike.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createEngine } from '../src/engine.js';
import { readBatch, readRecord, readRecords } from '../src/batch.js';
import type { SourceRecord } from '../src/ingest/sources.js';

const cases: [origin: string, text: string | null, published: string | null][] = [
  ['request', 'Armenia asked Azerbaijan for talks between foreign ministers on Monday, officials in Yerevan said.', '2025-03-04'],
  ['pledge', 'Norway pledged humanitarian aid to Sudan on Friday. Deliveries have been held up at the border.', '2025-05-09'],
  ['no input', null, null],
  ['empty text', '', '2025-05-09'],
  ['bad date', 'The ceasefire between the two sides took effect at midnight, officials said.', 'next Tuesday'],
  ['quote', '"We will not accept these terms," the Ukrainian foreign minister told reporters in Kyiv on Oct. 14.', '2025-10-14'],
  ['whitespace', ' \n\n ', null],
];

const records: SourceRecord[] = cases.map(([origin, text, published]) => ({
  origin,
  input: text === null ? null : { id: origin, text, published },
  diagnostics: origin === 'no input' ? [{ code: 'P101', message: 'unreadable line' }] : [],
}));

const engine = createEngine();
const oneByOne = records.map((r) => readRecord(engine, r));
const together = readRecords(engine, records);
const overridden = readRecords(engine, records, { published: '2024-01-01' });

test('batch › readRecords answers every record, in order', () => {
  assert.deepEqual(together.map((i) => i.origin), records.map((r) => r.origin));
});

for (let k = 0; k < cases.length; k++) {
  test(`batch › ${cases[k][0]}: the item readRecord gives`, () => assert.deepEqual(together[k], oneByOne[k]));
  test(`batch › ${cases[k][0]}: the publication date override applies as in readRecord`, () => {
    assert.deepEqual(overridden[k], readRecord(engine, records[k], { published: '2024-01-01' }));
  });
}

test('batch › engine.readInputs gives readInput\'s documents', () => {
  const inputs = cases.filter(([, text]) => text !== null).map(([id, text, published]) => ({ id, text: text as string, published }));
  const docs = engine.readInputs(inputs);
  assert.equal(docs.length, inputs.length);
  inputs.forEach((input, k) => {
    const doc = docs[k];
    assert.ok(!(doc instanceof Error), `${input.id}: ${String(doc)}`);
    assert.deepEqual(doc.toOutput(), engine.readInput(input).toOutput());
  });
});

test('batch › engine.readInputs tells the time of every stage', () => {
  const seen: string[] = [];
  engine.readInputs([{ id: 'a', text: 'Japan and South Korea held talks in Seoul on Monday.', published: '2025-01-06' }], { onStage: (stage, ms) => { assert.ok(ms >= 0); seen.push(stage); } });
  assert.deepEqual(seen, engine.pipeline.stages.map((s) => s.name));
});

const chunks: [chunk: number | undefined][] = [[undefined], [1], [2], [3], [25]];
for (const [chunk] of chunks) {
  test(`batch › readBatch with chunk ${chunk ?? 'unset'} yields readRecord's items in order`, async () => {
    const items = [];
    for await (const item of readBatch(engine, records, {}, { chunk })) items.push(item);
    assert.deepEqual(items, oneByOne);
  });
}
