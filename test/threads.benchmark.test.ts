import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runThreadBenchmark, pairwise } from '../bench/threads.js';

test('threads › pairwise F1 counts pairs, not items', () => {
  const gold = new Map([['a', 'x'], ['b', 'x'], ['c', 'y']]);
  assert.deepEqual(pairwise(gold, new Map([['a', '1'], ['b', '1'], ['c', '2']])).f1, 1);
  assert.equal(pairwise(gold, new Map([['a', '1'], ['b', '2'], ['c', '3']])).f1, 0);
  assert.equal(pairwise(gold, new Map([['a', '1'], ['b', '1'], ['c', '1']])).p, 1 / 3);
});

test('threads › a mixed stream of 200 generated articles on 10 initiatives groups with pairwise F1 ≥ 0.9', async () => {
  const r = await runThreadBenchmark(200, 10);
  assert.equal(r.articles, 200);
  assert.ok(r.f1 >= 0.9, `pairwise F1 ${r.f1.toFixed(3)} (P ${r.p.toFixed(3)}, R ${r.r.toFixed(3)})`);
});
