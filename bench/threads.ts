/**
 * Thread grouping benchmark: ingests a mixed stream of generated articles (bench/corpus.ts) on
 * many initiatives into a fresh SQLite store, article by article, and scores the threads against
 * the expected grouping with pairwise precision, recall and F1 over article pairs.
 *
 *   npx tsx bench/threads.ts [--articles 240] [--initiatives 12]
 */
import { parseArgs } from 'node:util';
import { createEngine } from '../src/engine.js';
import { SqliteStore } from '../src/store/index.js';
import { generateCorpus } from './corpus.js';

export interface PairwiseScore { p: number; r: number; f1: number; pairs: number }

/** Pairwise F1 of a system clustering against a gold clustering of the same items. */
export function pairwise(gold: Map<string, string>, system: Map<string, string>): PairwiseScore {
  const ids = [...gold.keys()];
  let tp = 0, fp = 0, fn = 0;
  for (let i = 0; i < ids.length; i++) {
    for (let j = i + 1; j < ids.length; j++) {
      const g = gold.get(ids[i]) === gold.get(ids[j]);
      const si = system.get(ids[i]), sj = system.get(ids[j]);
      const s = si !== undefined && si === sj;
      if (g && s) tp++; else if (s) fp++; else if (g) fn++;
    }
  }
  const p = tp + fp ? tp / (tp + fp) : 0, r = tp + fn ? tp / (tp + fn) : 0;
  return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0, pairs: tp + fn };
}

export async function runThreadBenchmark(articles = 240, initiatives = 12) {
  const corpus = generateCorpus({ articles, initiatives });
  const engine = createEngine();
  const store = new SqliteStore({ path: ':memory:' });
  await store.migrate();
  const started = performance.now();
  // A stream: articles arrive in publication order, one ingest each, as a feed reader would see them.
  for (const a of [...corpus].sort((x, y) => x.published.localeCompare(y.published) || x.id.localeCompare(y.id))) {
    await store.ingest([engine.readInput(a).toOutput()]);
  }
  const seconds = (performance.now() - started) / 1000;
  const threads = await store.threads();
  const gold = new Map(corpus.map((a) => [a.id, a.initiative]));
  const system = new Map<string, string>();
  for (const a of corpus) {
    // The article's thread of the initiative's kind (an article may also touch other threads).
    const t = threads.find((x) => x.kind === a.kind && x.articles.includes(a.id));
    if (t) system.set(a.id, t.id);
  }
  const score = pairwise(gold, system);
  await store.close();
  return { articles: corpus.length, initiatives, threads: threads.length, grouped: system.size, seconds, ...score };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { articles: { type: 'string' }, initiatives: { type: 'string' } } });
  const r = await runThreadBenchmark(Number(values.articles ?? 240), Number(values.initiatives ?? 12));
  console.log(`threads: ${r.articles} articles on ${r.initiatives} initiatives → ${r.threads} threads; ${r.grouped} articles grouped`);
  console.log(`pairwise P ${r.p.toFixed(3)}  R ${r.r.toFixed(3)}  F1 ${r.f1.toFixed(3)}  (${r.pairs} gold pairs; ingest ${r.seconds.toFixed(1)} s)`);
}
