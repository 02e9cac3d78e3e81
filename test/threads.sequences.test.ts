import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createEngine } from '../src/engine.js';
import { updateThreads } from '../src/threads/index.js';
import type { ParleyDocument, Thread } from '../src/document/types.js';

const engine = createEngine();

interface Story { id: string; published: string; source: string; text: string }
const read = (s: Story): ParleyDocument => engine.readInput({ ...s, title: null }).toOutput();

/** Ingests a sequence of articles one by one, as a store does, and returns the threads. */
function follow(stories: Story[]): Thread[] {
  let threads: Thread[] = [];
  for (const s of stories) threads = updateThreads(threads, [read(s)]);
  return threads;
}

const find = (threads: Thread[], kind: string, ...countries: string[]) =>
  threads.find((t) => t.kind === kind && countries.every((c) => t.participants.includes(c)));

// Each sequence is written for the project: wire-style reports of one initiative over days.
const MEETING_HELD: Story[] = [
  { id: 'm1', published: '2025-03-03', source: 'Alpha Wire', text: 'Poland has asked Germany for a meeting between the two foreign ministers this week to discuss air defence, Polish officials said on Monday.' },
  { id: 'm2', published: '2025-03-05', source: 'Beta News', text: 'The German government acknowledged receiving the Polish request for a meeting and said discussions on a date were under way.' },
  { id: 'm3', published: '2025-03-07', source: 'Alpha Wire', text: 'The foreign ministers of Poland and Germany will meet in Berlin on Tuesday, both governments said on Friday.' },
  { id: 'm4', published: '2025-03-11', source: 'Gamma Daily', text: 'The foreign ministers of Poland and Germany met in Berlin on Tuesday and held talks on air defence, officials said.' },
];

const MEETING_DECLINED: Story[] = [
  { id: 'd1', published: '2025-05-12', source: 'Alpha Wire', text: 'Armenia has asked Azerbaijan for a meeting of the two leaders in Geneva next month, Armenian officials said.' },
  { id: 'd2', published: '2025-05-20', source: 'Beta News', text: 'Azerbaijan declined the Armenian request for a meeting in Geneva, a spokesman for the Azerbaijani foreign ministry said on Tuesday.' },
];

const AID: Story[] = [
  { id: 'a1', published: '2025-06-02', source: 'Alpha Wire', text: 'Norway pledged 500 million crowns in humanitarian aid to Sudan on Monday, the Norwegian foreign ministry said.' },
  { id: 'a2', published: '2025-06-20', source: 'Beta News', text: 'The Norwegian aid for Sudan has stalled at the border because of fighting, aid officials said on Friday.' },
  { id: 'a3', published: '2025-07-08', source: 'Gamma Daily', text: 'The first Norwegian aid shipment arrived in Sudan on Tuesday and was delivered to camps near the border, officials said.' },
];

test('threads › a meeting requested → acknowledged → scheduled → held', () => {
  const t = find(follow(MEETING_HELD), 'meeting', 'POL', 'DEU');
  assert.ok(t, 'a meeting thread between Poland and Germany');
  const statuses = t.history.map((h) => h.status);
  for (const s of ['requested', 'acknowledged', 'scheduled', 'held']) assert.ok(statuses.includes(s), `${s} in ${statuses.join(' → ')}`);
  assert.equal(t.status, 'held');
  assert.deepEqual(t.articles.sort(), ['m1', 'm2', 'm3', 'm4']);
  assert.equal(t.overdue, false);
});

test('threads › a meeting requested → declined', () => {
  const t = find(follow(MEETING_DECLINED), 'meeting', 'ARM', 'AZE');
  assert.ok(t);
  assert.equal(t.history[0].status, 'requested');
  assert.equal(t.status, 'declined');
});

test('threads › an aid package pledged → stalled → delivered', () => {
  const t = find(follow(AID), 'aid', 'NOR', 'SDN');
  assert.ok(t);
  assert.deepEqual(t.history.map((h) => h.status), ['pledged', 'stalled', 'delivered']);
  assert.equal(t.status, 'delivered');
});

test('threads › two outlets reporting one step corroborate it; a syndicated copy does not add a third', () => {
  const base = 'Turkey has asked Greece for a meeting of the two prime ministers in Ankara next week, Turkish officials said on Wednesday, citing tensions over the Aegean.';
  const threads = follow([
    { id: 'c1', published: '2025-09-03', source: 'Alpha Wire', text: base },
    { id: 'c2', published: '2025-09-03', source: 'Beta News', text: 'Ankara wants talks: Turkish officials said on Wednesday that Turkey had formally requested a meeting with Greece between the two prime ministers.' },
    { id: 'c3', published: '2025-09-04', source: 'Gamma Daily', text: base + ' (Reprinted from Alpha Wire.)' },
  ]);
  const t = find(threads, 'meeting', 'TUR', 'GRC');
  assert.ok(t);
  const requested = t.history.find((h) => h.status === 'requested');
  assert.ok(requested);
  assert.deepEqual(requested.articles.sort(), ['c1', 'c2', 'c3']);
  assert.equal(requested.corroboration, 2);
});

test('threads › a meeting expected this week that has not happened is overdue', () => {
  const threads = follow([
    { id: 'o1', published: '2025-10-14', source: 'Alpha Wire', text: 'Kenya has asked Ethiopia for a meeting of the two presidents this week to discuss the border, Kenyan officials said.' },
    { id: 'o2', published: '2025-10-27', source: 'Beta News', text: 'Ethiopia and Kenya signed a trade agreement on Monday, officials said.' },
  ]);
  const t = find(threads, 'meeting', 'KEN', 'ETH');
  assert.ok(t);
  assert.equal(t.expected, '2025-10-19');
  assert.equal(t.overdue, true);
});

test('threads › the store judges a thread overdue against the newest article it holds', async () => {
  const { SqliteStore } = await import('../src/store/index.js');
  const store = new SqliteStore({ path: ':memory:' });
  await store.migrate();
  await store.ingest([read({ id: 's1', published: '2025-10-14', source: 'Alpha Wire', text: 'Kenya has asked Ethiopia for a meeting of the two presidents this week to discuss the border, Kenyan officials said.' })]);
  const first = find(await store.threads(), 'meeting', 'KEN', 'ETH');
  assert.equal(first?.overdue, false);
  await store.ingest([read({ id: 's2', published: '2025-10-27', source: 'Beta News', text: 'Brazil and Argentina signed a trade agreement on Monday, officials said.' })]);
  const later = find(await store.threads(), 'meeting', 'KEN', 'ETH');
  assert.equal(later?.overdue, true);
  await store.close();
});
