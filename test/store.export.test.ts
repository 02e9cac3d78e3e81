/**
 * Exports keep where a party's country comes from: CSV in two last columns, PLOVER records as
 * country_from, JSONL as the event itself.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { exportEvent, exportHeader } from '../src/store/export.js';
import type { StoredEvent } from '../src/store/types.js';
import { eventRows } from '../src/store/rows.js';
import { read } from './events.helpers.js';

/** The stored events of one sentence, as a store would keep them. */
function stored(text: string): StoredEvent[] {
  const doc = read(text);
  return eventRows(doc, 'a1').events.map((r) => JSON.parse(r.json) as StoredEvent);
}

/** A CSV line as cells (the test sentences hold no quotes or commas inside a cell but the sentence). */
const cells = (header: string, line: string): Record<string, string> => {
  const names = header.split(',');
  const values = line.match(/("([^"]|"")*"|[^,]*)(,|$)/g)!.map((v) => v.replace(/,$/, '').replace(/^"|"$/g, ''));
  return Object.fromEntries(names.map((n, i) => [n, values[i]]));
};

// [sentence, event type, actor countries from, recipient countries from (CSV cells)]
const cases: [string, string, string, string][] = [
  ['Separatist rebels attacked a police station in northern Mali on Sunday.', 'ASSAULT', 'sentence', ''],
  ['Russian forces attacked Ukraine on Tuesday.', 'ASSAULT', '', ''],
];

for (const [text, type, actorFrom, recipientFrom] of cases) {
  test(`export › csv keeps where the parties' countries come from › ${text}`, () => {
    const e = stored(text).find((x) => x.type === type)!;
    assert.ok(e, `no ${type} event`);
    const row = cells(exportHeader('csv')!, exportEvent(e, 'csv'));
    assert.equal(row.actor_countries_from, actorFrom);
    assert.equal(row.recipient_countries_from, recipientFrom);
  });
}

test('export › a PLOVER record names a country taken from the sentence, and only then', () => {
  const [e] = stored('Separatist rebels attacked a police station in northern Mali on Sunday.');
  const record = JSON.parse(exportEvent(e, 'plover')) as { actor: Record<string, unknown>[]; recipient: Record<string, unknown>[] };
  assert.deepEqual(record.actor.map((p) => [p.country, p.country_from]), [['MLI', 'sentence']]);
  assert.ok(record.recipient.every((p) => !('country_from' in p)));
});
