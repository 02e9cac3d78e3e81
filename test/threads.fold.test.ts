import { test } from 'node:test';
import assert from 'node:assert/strict';
import { corroboration, corroborationGrown, currentStatus, loadThreadModel, minhash, participantsMatch, similarity } from '../src/threads/index.js';
import { nearDuplicate, NEAR_DUPLICATE } from '../src/threads/similarity.js';
import type { Thread, ThreadStep } from '../src/document/types.js';

const meeting = loadThreadModel().kinds.find((k) => k.kind === 'meeting')!;
const step = (status: string, date: string): ThreadStep => ({ status, date, events: [], articles: [] });

const STATUS_CASES: [string, string[], string][] = [
  ['the latest forward step wins', ['requested', 'acknowledged', 'scheduled'], 'scheduled'],
  ['a background mention of a lower step moves nothing', ['requested', 'agreed', 'proposed'], 'agreed'],
  ['a setback always moves the thread', ['requested', 'scheduled', 'postponed'], 'postponed'],
  ['after a setback the thread can move on again', ['scheduled', 'postponed', 'scheduled'], 'scheduled'],
  ['a held meeting stays held', ['requested', 'held', 'requested'], 'held'],
];
for (const [name, statuses, expected] of STATUS_CASES) {
  test(`threads › status: ${name}`, () => {
    assert.equal(currentStatus(meeting, statuses.map((s, i) => step(s, `2025-01-0${i + 1}`))), expected);
  });
}

const PARTICIPANT_CASES: [string[], string[], boolean][] = [
  [['UKR', 'USA'], ['USA', 'UKR'], true],
  [['UKR', 'USA'], ['USA'], true],
  [['UKR', 'USA', 'POL'], ['USA', 'POL'], true],
  [['UKR', 'USA'], ['USA', 'RUS'], false],
  [['UKR'], [], false],
];
for (const [a, b, expected] of PARTICIPANT_CASES) {
  test(`threads › participants ${a.join('+')} and ${b.join('+')} ${expected ? 'match' : 'do not match'}`, () => {
    assert.equal(participantsMatch(a, b), expected);
  });
}

test('threads › MinHash finds a syndicated copy and tells different stories apart', () => {
  const wire = 'Turkey has asked Greece for a meeting of the two prime ministers in Ankara next week, Turkish officials said on Wednesday, citing tensions over the Aegean and migration.';
  assert.ok(similarity(minhash(wire), minhash(wire + ' (Reprinted from Alpha Wire.)')) >= 0.6);
  assert.ok(similarity(minhash(wire), minhash('Norway pledged humanitarian aid to Sudan on Monday, the Norwegian foreign ministry said, adding that more would follow.')) < 0.2);
});

test('threads › corroboration counts outlets, with one outlet and near-duplicates counted once', () => {
  const a = minhash('one story about a requested meeting between two prime ministers next week in the capital');
  const b = minhash('a wholly different report on the same request, written by another newsroom with other words');
  assert.equal(corroboration([{ article: '1', outlet: 'alpha', signature: a }, { article: '2', outlet: 'beta', signature: b }]), 2);
  assert.equal(corroboration([{ article: '1', outlet: 'alpha', signature: a }, { article: '2', outlet: 'alpha', signature: b }]), 1);
  assert.equal(corroboration([{ article: '1', outlet: 'alpha', signature: a }, { article: '3', outlet: 'gamma', signature: a }, { article: '2', outlet: 'beta', signature: b }]), 2);
});

test('threads › nearDuplicate agrees with similarity ≥ NEAR_DUPLICATE at every count of equal hashes', () => {
  const base = minhash('a report on a requested meeting between two foreign ministers, due in the capital next week');
  const other = minhash('a wholly different story about aid deliveries stalled at the border crossing since Monday');
  for (let same = 0; same <= 32; same++) {
    // The first `same` hashes of base, the rest of other (none of which equal base's).
    const mixed = base.slice(0, same * 8) + other.slice(same * 8);
    for (const [a, b] of [[base, mixed], [mixed, base]]) {
      assert.equal(nearDuplicate(a, b), similarity(a, b) >= NEAR_DUPLICATE, `${same} equal hashes`);
    }
  }
  assert.equal(nearDuplicate('', ''), false);
  assert.equal(nearDuplicate(base, base.slice(8)), false);
});

test('threads › corroboration links outlets through a chain of near-duplicates', () => {
  const story = 'the prime minister asked for talks with the neighbouring president at the border next month, officials said';
  const a = minhash(story), a2 = minhash(story + ' (updated)');
  const b = minhash('a wholly different report on the same request, written by another newsroom with other words');
  const c = minhash('a third account by a third newsroom, on the same request, with its own phrasing throughout');
  const r = (article: string, outlet: string, signature: string) => ({ article, outlet, signature });
  // alpha and gamma share one story, gamma and delta another (gamma's two reports join them); beta stands apart.
  assert.equal(corroboration([r('1', 'alpha', a), r('2', 'beta', b), r('3', 'gamma', a2), r('4', 'gamma', c), r('5', 'delta', c)]), 2);
  assert.equal(corroboration([r('1', 'alpha', a), r('2', 'beta', b), r('3', 'gamma', c), r('4', 'delta', a2)]), 3);
});

test('threads › corroboration of a grown step, from the count before, equals counting afresh, at every split', () => {
  const texts = [
    'the prime minister asked for talks with the neighbouring president at the border next month, officials said',
    'aid convoys have waited at the northern crossing since the weekend while customs officers argue over paperwork',
    'parliament voted late on Tuesday to extend the emergency measures for another ninety days amid protests',
    'the central bank kept interest rates unchanged and warned that inflation would stay high well into next year',
    'a ferry carrying three hundred passengers ran aground off the southern coast but nobody was hurt in the accident',
  ];
  // Report `text` of an outlet; a copy is the same text with a line added (a near duplicate).
  const r = (article: string, outlet: string, text: number, copy = false) =>
    ({ article, outlet, signature: minhash(texts[text] + (copy ? ' (Reprinted from another wire.)' : '')) });
  const histories: [string, ReturnType<typeof r>[], number][] = [
    ['outlets that never share a text', [r('1', 'alpha', 0), r('2', 'beta', 1), r('3', 'alpha', 2), r('4', 'gamma', 3), r('5', 'beta', 4)], 3],
    ['a syndicated copy arriving late links two outlets', [r('1', 'alpha', 0), r('2', 'beta', 1), r('3', 'gamma', 2), r('4', 'beta', 0, true)], 2],
    ['outlets linked from the start', [r('1', 'alpha', 0), r('2', 'beta', 0, true), r('3', 'gamma', 2), r('4', 'gamma', 0)], 1],
    ['a chain closed by a later report', [r('1', 'alpha', 0), r('2', 'beta', 1), r('3', 'gamma', 2), r('4', 'gamma', 0, true), r('5', 'delta', 1, true)], 2],
    ['one outlet', [r('1', 'alpha', 0), r('2', 'alpha', 1)], 1],
  ];
  for (const [name, reports, count] of histories) {
    assert.equal(corroboration(reports), count, name);
    for (let known = 0; known <= reports.length; known++) {
      const was = corroboration(reports.slice(0, known));
      assert.equal(corroborationGrown(reports, known, was), count, `${name}, ${known} known`);
    }
  }
});

test('threads › folding into only the threads threadsJoined names changes them exactly as folding into all', async () => {
  const { createEngine } = await import('../src/engine.js');
  const { foldThreads, threadsJoined } = await import('../src/threads/index.js');
  const { syntheticArticles } = await import('./queue.synthetic.js');
  const model = loadThreadModel();
  const engine = createEngine();
  const docs = syntheticArticles(400).map((a) => engine.readInput(a).toOutput());
  const withoutOverdue = ({ overdue: _o, ...t }: Thread) => t;
  let all: Thread[] = [];
  let joinedSomewhere = 0;
  let leftOut = 0;
  for (let b = 0; b < docs.length; b += 40) {
    const batch = docs.slice(b, b + 40);
    const full = foldThreads(all, batch, model);
    const joined = threadsJoined(all, batch, model);
    joinedSomewhere += joined.length;
    leftOut += all.length - joined.length;
    const part = foldThreads(joined.map((i) => all[i]), batch, model);
    const byId = new Map(full.map((t) => [t.id, t]));
    // Every thread the partial fold returns is the full fold's, and every other is as it was.
    for (const t of part) assert.deepEqual(withoutOverdue(t), withoutOverdue(byId.get(t.id)!), t.id);
    const inPart = new Set(part.map((t) => t.id));
    for (const [i, t] of all.entries()) {
      if (!inPart.has(t.id)) assert.deepEqual(withoutOverdue(byId.get(t.id)!), withoutOverdue(all[i]), `${t.id} untouched`);
    }
    assert.equal(full.length, all.length + part.length - joined.length, 'the same new threads');
    all = full;
  }
  assert.ok(joinedSomewhere > 50, `batches joined existing threads (${joinedSomewhere})`);
  assert.ok(leftOut > 0, 'some stored threads were left out of some fold');
  assert.ok(all.length > 20);
});

test('threads › folding in place gives what copy-on-write folding gives, which leaves the threads it was given as they were', async () => {
  const { createEngine } = await import('../src/engine.js');
  const { foldThreads } = await import('../src/threads/index.js');
  const { syntheticArticles } = await import('./queue.synthetic.js');
  const model = loadThreadModel();
  const engine = createEngine();
  const docs = syntheticArticles(300).map((a) => engine.readInput(a).toOutput());
  let all: Thread[] = [];
  let changedInPlace = 0;
  for (let b = 0; b < docs.length; b += 30) {
    const batch = docs.slice(b, b + 30);
    const before = JSON.stringify(all);
    const copied = foldThreads(all, batch, model);
    assert.equal(JSON.stringify(all), before, 'copy-on-write left its input as it was');
    const given = structuredClone(all);
    const inPlace = foldThreads(given, batch, model, { inPlace: true });
    assert.deepEqual(inPlace, copied);
    // The joined threads come back as the very objects given, changed.
    const same = new Set(given);
    changedInPlace += inPlace.filter((t, i) => same.has(t) && JSON.stringify(t) !== JSON.stringify(all[i])).length;
    all = copied;
  }
  assert.ok(changedInPlace > 20, `threads changed in place (${changedInPlace})`);
});

test('threads › a store that keeps heads and appends entries folds to the threads a whole fold makes', async () => {
  const { createEngine } = await import('../src/engine.js');
  const { foldThreads, forFold, joinThread, splitThread, countRegrown } = await import('../src/threads/index.js');
  type Stored = ReturnType<typeof splitThread>;
  const { syntheticArticles } = await import('./queue.synthetic.js');
  const model = loadThreadModel();
  const engine = createEngine();
  // Every fifth article also comes as a syndicated copy under another outlet's name, a few
  // batches later: near-duplicate reports that must count once, across folds.
  const originals = syntheticArticles(360);
  const copies = originals.filter((_, i) => i % 5 === 0).map((a) => ({ ...a, id: `${a.id}-copy`, source: 'Copy Desk', text: `${a.text} Copyright the agency.` }));
  const inputs = originals.flatMap((a, i) => (i >= 60 && i % 5 === 0 ? [a, copies[(i - 60) / 5]] : [a]));
  const docs = inputs.map((a) => engine.readInput(a).toOutput());
  const heads = new Map<string, Stored['head']>();
  const entries = new Map<string, Stored['entries']>();
  let whole: Thread[] = [];
  let grown = 0, linked = 0;
  for (const [b, size] of [[0, 1], [1, 40], [41, 7], [48, 100], [148, 3], [151, 500]] as const) {
    const batch = docs.slice(b, b + size);
    whole = foldThreads(whole, batch, model);
    const regrown: Parameters<typeof countRegrown>[0][number][] = [];
    const folded = foldThreads([...heads.values()].map(forFold), batch, model, { inPlace: true, regrown });
    countRegrown(regrown, (g) => (entries.get(g.thread.id) ?? []).filter((e) => e.step === g.step.key).flatMap((e) => e.reports));
    grown += regrown.length;
    for (const t of folded) {
      const { head, entries: added } = splitThread(t);
      heads.set(t.id, head);
      entries.set(t.id, [...(entries.get(t.id) ?? []), ...added]);
    }
    const joined = [...heads.values()].map((h) => joinThread(h, entries.get(h.id) ?? []));
    assert.deepEqual(joined.sort((x, y) => x.id.localeCompare(y.id)), [...whole].sort((x, y) => x.id.localeCompare(y.id)), `after the fold at ${b}`);
  }
  for (const t of whole) for (const s of t.history) if ((s.corroboration ?? 0) < new Set(s.reports?.map((r) => r.outlet)).size) linked++;
  assert.ok(grown > 100, `folds grew stored steps (${grown})`);
  assert.ok(linked > 5, `near-duplicate copies counted once (${linked} steps)`);
});

test('threads › a whole thread split and joined again is the same thread', async () => {
  const { createEngine } = await import('../src/engine.js');
  const { foldThreads, joinThread, splitThread } = await import('../src/threads/index.js');
  const { syntheticArticles } = await import('./queue.synthetic.js');
  const engine = createEngine();
  const threads = foldThreads([], syntheticArticles(200).map((a) => engine.readInput(a).toOutput()), loadThreadModel());
  for (const t of threads) {
    const { head, entries } = splitThread(t);
    assert.equal(JSON.stringify(joinThread(JSON.parse(JSON.stringify(head)), JSON.parse(JSON.stringify(entries)))), JSON.stringify(t), t.id);
    assert.ok(!JSON.stringify(head).includes('"reports"'), 'a head holds no lists');
  }
  assert.ok(threads.some((t) => t.articles.length > 3));
});
