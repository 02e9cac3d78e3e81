/**
 * Thread order benchmark: how much the threads depend on the order articles arrive in and on how
 * many a fold takes at once. It reads the queue benchmark's synthetic articles
 * (test/queue.synthetic.ts), then folds their article threads in memory (`updateThreads`, the
 * stores' fold) in several orders and fold sizes, and scores each grouping against folding one
 * article at a time in date order (a feed reader's order), with pairwise precision, recall and F1
 * over the (article, thread kind) pairs put in one thread.
 *
 *   npx tsx bench/thread-order.ts [--articles 6000] [--folds 1,300,1500,all]
 *
 * A score below 1 is a grouping the arrival order or the fold size changed. The synthetic
 * articles' dates cycle through the months of a year from one article to the next, so any order
 * but date order brings a thread's older articles after its newer ones.
 */
import { parseArgs } from 'node:util';
import { createEngine } from '../src/engine.js';
import { readRecord } from '../src/batch.js';
import { updateThreads, type FoldDocument } from '../src/threads/index.js';
import type { Thread } from '../src/document/types.js';
import { syntheticArticles } from '../test/queue.synthetic.js';

const { values } = parseArgs({ options: { articles: { type: 'string', default: '6000' }, folds: { type: 'string', default: '1,300,1500,all' } } });
const count = Number(values.articles);
const foldSizes = values.folds.split(',').map((f) => (f === 'all' ? count : Number(f)));

const engine = createEngine();
const documents: FoldDocument[] = syntheticArticles(count, 0).map((input, i) => {
  const doc = readRecord(engine, { origin: `synthetic ${i}`, input, diagnostics: [] }).document;
  return { article: { id: doc.article.id, published: doc.article.published }, threads: doc.threads };
});

/** The thread each (article, kind) ends up in, folding `order` `size` articles at a time. */
function grouping(order: readonly FoldDocument[], size: number): { threads: number; threadOf: Map<string, string> } {
  let threads: Thread[] = [];
  for (let i = 0; i < order.length; i += size) threads = updateThreads(threads, order.slice(i, i + size), { inPlace: true });
  const threadOf = new Map<string, string>();
  for (const t of threads) for (const a of t.articles) threadOf.set(`${t.kind}\u0000${a}`, t.id);
  return { threads: threads.length, threadOf };
}

/** Pairwise precision, recall and F1 of `system` against `reference`, counting pairs within each kind. */
function agreement(reference: Map<string, string>, system: Map<string, string>): { p: number; r: number; f1: number } {
  const pairs = (sizes: Map<string, number>) => [...sizes.values()].reduce((sum, n) => sum + (n * (n - 1)) / 2, 0);
  const tally = (m: Map<string, number>, key: string) => m.set(key, (m.get(key) ?? 0) + 1);
  const ref = new Map<string, number>(), sys = new Map<string, number>(), both = new Map<string, number>();
  for (const [item, thread] of reference) {
    // Group ids are prefixed with the kind, so pairs never cross kinds.
    const kind = item.split('\u0000')[0];
    const other = system.get(item) ?? `none\u0000${item}`;
    tally(ref, `${kind}\u0000${thread}`);
    tally(sys, `${kind}\u0000${other}`);
    tally(both, `${kind}\u0000${thread}\u0000${other}`);
  }
  const tp = pairs(both), p = tp / pairs(sys), r = tp / pairs(ref);
  return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
}

const byDate = [...documents].sort((a, b) => (a.article.published ?? '').localeCompare(b.article.published ?? '') || a.article.id.localeCompare(b.article.id));
/** A fixed shuffle (a linear congruential generator), the same every run. */
let seed = 3;
const shuffled = documents.map((d) => [(seed = (seed * 1103515245 + 12345) & 0x7fffffff), d] as const).sort((a, b) => a[0] - b[0]).map(([, d]) => d);
const orders: [string, FoldDocument[]][] = [
  ['date order', byDate], ['arrival order', documents], ['newest first', [...byDate].reverse()], ['shuffled', shuffled],
];

const reference = grouping(byDate, 1);
console.log(`${count} articles; the reference (date order, one article a fold): ${reference.threads} threads`);
for (const [name, order] of orders) {
  for (const size of foldSizes) {
    const g = grouping(order, size);
    const a = agreement(reference.threadOf, g.threadOf);
    console.log(`${name.padEnd(14)} folds of ${String(size).padStart(6)}: ${String(g.threads).padStart(6)} threads; against the reference P ${a.p.toFixed(3)} R ${a.r.toFixed(3)} F1 ${a.f1.toFixed(3)}`);
  }
}
