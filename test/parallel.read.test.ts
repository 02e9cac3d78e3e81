// Reading on worker threads gives the documents a read in this thread gives, in input order,
// also when the workers run the TypeScript sources (tsx), as here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createEngine } from '../src/engine.js';
import { readRecord } from '../src/batch.js';
import { readParallel } from '../src/parallel/index.js';
import type { SourceRecord } from '../src/ingest/sources.js';

const cases: [origin: string, text: string | null, published: string | null][] = [
  ['talks', 'Armenia asked Azerbaijan for talks between foreign ministers on Monday, officials in Yerevan said.', '2025-03-04'],
  ['aid', 'Norway pledged humanitarian aid to Sudan on Friday. Deliveries have been held up at the border.', '2025-05-09'],
  ['undated', 'The ceasefire between the two sides took effect at midnight, officials said.', null],
  ['quote', '"We will not accept these terms," the Ukrainian foreign minister told reporters in Kyiv.', '2025-10-14'],
  ['empty', null, null],
];

const records: SourceRecord[] = cases.map(([origin, text, published]) => ({
  origin, input: text === null ? null : { id: origin, text, published }, diagnostics: [],
}));

const engine = createEngine();
const expected = records.map((r) => readRecord(engine, r));
const items = (async () => {
  const out = [];
  for await (const item of readParallel(records, { workers: 2 })) out.push(item);
  return out;
})();

for (let i = 0; i < cases.length; i++) {
  test(`parallel › ${cases[i][0]}: same document as a read in this thread`, async () => {
    const got = (await items)[i];
    assert.equal(got.origin, expected[i].origin);
    assert.equal(got.failed, expected[i].failed);
    assert.deepEqual(got.document, expected[i].document);
    // It arrives as JSON text, the very text `parley read --jsonl` writes for it in this thread.
    assert.equal(got.json, JSON.stringify(expected[i].document));
  });
}
