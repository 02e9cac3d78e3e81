import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { ParleyDocument, Thread } from '../src/document/types.js';
import type { Store } from '../src/store/types.js';
import { createEngine } from '../src/engine.js';
import { readRecord } from '../src/batch.js';
import { makeDocument } from './fixtures.js';
import { syntheticArticles } from './queue.synthetic.js';

/**
 * The storage contract, run against every backend (SQLite here, PostgreSQL in
 * store.postgres.test.ts). `open` must return a migrated, empty store.
 */
export function storeContract(backend: string, open: () => Promise<Store>, options: { skip?: string | false } = {}) {
  describe(`store contract › ${backend}`, { skip: options.skip || false }, () => {
    let store: Store;
    before(async () => { store = await open(); });
    after(async () => { await store?.close(); });

    const kyiv = makeDocument('kyiv-1', 'Ukraine asked Washington for a meeting on Monday.', [
      { type: 'REQUEST', mode: 'meet', cameo: '036' },
      { type: 'ASSAULT', cameo: '190', quad: 4, actor: [{ name: 'Russian forces', country: 'RUS', sector: 'MIL', ref: null }],
        recipient: [{ name: 'Ukraine', country: 'UKR', sector: null, ref: null }], factuality: 'reported' },
    ], { published: '2025-10-14' });
    const gaza = makeDocument('gaza-1', 'Egypt hosted ceasefire talks between the two sides in Cairo.', [
      { type: 'CONSULT', cameo: '043', actor: [{ name: 'Egypt', country: 'EGY', sector: 'GOV', ref: null }], recipient: [] },
    ], { published: '2025-09-01' });

    test('store › migrate twice is harmless', async () => {
      await store.migrate();
      const { articles, events, threads } = await store.stats();
      assert.deepEqual({ articles, events, threads }, { articles: 0, events: 0, threads: 0 });
    });

    test('store › ingest keeps articles and events', async () => {
      const r = await store.ingest([kyiv, gaza]);
      assert.deepEqual(r.stored, ['kyiv-1', 'gaza-1']);
      assert.equal(r.events, 3);
      const s = await store.stats();
      assert.equal(s.articles, 2);
      assert.equal(s.events, 3);
      assert.ok(!s.pendingFolds, 'ingest resolves with every article folded into the threads');
      assert.equal(await store.foldPending(), 0);
    });

    test('store › the same content again is stored once', async () => {
      const again = makeDocument('kyiv-copy', kyiv.article.text, kyiv.events);
      const r = await store.ingest([again, again]);
      assert.deepEqual(r.stored, []);
      assert.deepEqual(r.duplicates, ['kyiv-copy', 'kyiv-copy']);
      assert.equal((await store.stats()).articles, 2);
    });

    test('store › a clashing id with new content is kept under a suffixed id', async () => {
      const other = makeDocument('kyiv-1', 'A different article that happens to share the id.');
      const r = await store.ingest([other]);
      assert.equal(r.stored.length, 1);
      assert.match(r.stored[0], /^kyiv-1~[0-9a-f]{8}$/);
    });

    test('store › getArticle returns the whole document', async () => {
      const a = await store.getArticle('kyiv-1');
      assert.ok(a);
      assert.equal(a.document.article.text, kyiv.article.text);
      assert.equal(a.eventCount, 2);
      assert.equal(await store.getArticle('nope'), null);
    });

    const cases: [string, Parameters<Store['queryEvents']>[0], string[]][] = [
      ['all events, newest first', {}, ['kyiv-1:ev1', 'kyiv-1:ev2', 'gaza-1:ev1']],
      ['by actor country', { actorCountry: 'RUS' }, ['kyiv-1:ev2']],
      ['by recipient country', { recipientCountry: 'USA' }, ['kyiv-1:ev1']],
      ['by either side', { country: 'UKR' }, ['kyiv-1:ev1', 'kyiv-1:ev2']],
      ['by type', { type: 'CONSULT' }, ['gaza-1:ev1']],
      ['by factuality', { factuality: 'reported' }, ['kyiv-1:ev2']],
      ['by date range', { from: '2025-09-01', to: '2025-09-30' }, ['gaza-1:ev1']],
      ['by full text', { text: 'ceasefire Cairo' }, ['gaza-1:ev1']],
      ['full text with punctuation is safe', { text: 'meeting" (Monday' }, ['kyiv-1:ev1', 'kyiv-1:ev2']],
      ['paged', { limit: 1, offset: 1 }, ['kyiv-1:ev2']],
    ];
    for (const [name, filter, keys] of cases) {
      test(`store › events ${name}`, async () => {
        const page = await store.queryEvents(filter);
        assert.deepEqual(page.items.map((e) => e.key), keys);
        if (filter?.limit) assert.equal(page.total, 3);
      });
    }

    test('store › an event row carries its date and sentence', async () => {
      const [e] = (await store.queryEvents({ type: 'CONSULT' })).items;
      assert.equal(e.date, '2025-09-01');
      assert.equal(e.articleId, 'gaza-1');
      assert.equal(e.sentenceText, gaza.article.text.slice(0, 20));
      assert.match(e.codebook ?? '', /^events@[0-9a-f]{12}$/);
    });

    test('store › articles list and search', async () => {
      const all = await store.listArticles();
      assert.equal(all.total, 3);
      const hits = await store.listArticles({ text: 'Cairo' });
      assert.deepEqual(hits.items.map((a) => a.id), ['gaza-1']);
    });

    test('store › actors are counted by side', async () => {
      const actors = await store.actors();
      const ukr = actors.find((a) => a.country === 'UKR' && a.sector === 'GOV');
      assert.equal(ukr?.asActor, 1);
      const rus = actors.find((a) => a.country === 'RUS');
      assert.equal(rus?.asActor, 1);
    });

    test('store › a failing batch leaves nothing half-written', async () => {
      const before = await store.stats();
      const good = makeDocument('atomic-good', 'This article is fine and would be stored.', [{}]);
      const bad = makeDocument('atomic-bad', 'This article has an event with no type.', [{ type: null as never }]);
      await assert.rejects(store.ingest([good, bad]));
      assert.deepEqual(await store.stats(), before);
      assert.equal(await store.getArticle('atomic-good'), null);
    });

    test('store › hasHash answers for stored content', async () => {
      assert.equal(await store.hasHash(kyiv.article.hash!), true);
      assert.equal(await store.hasHash('0'.repeat(64)), false);
    });

    test('store › rebuilding the threads gives a store filled in any order the threads of one filled in date order', async () => {
      // Synthetic articles whose dates cycle through a year, so that newest first splits and
      // joins initiatives differently from date order.
      const docs = rebuildArticles();
      const inDateOrder = [...docs].sort((a, b) => byDateThenId(a.article, b.article));
      const reference = await open();
      const shuffled = await open();
      try {
        for (const d of inDateOrder) await reference.ingest([d]);
        const newestFirst = [...inDateOrder].reverse();
        for (let i = 0; i < newestFirst.length; i += 40) await shuffled.ingest(newestFirst.slice(i, i + 40));
        const expected = sortedThreads(await reference.threads());
        assert.ok(expected.length > 5 && expected.some((t) => t.articles.length > 3), 'the articles make threads');
        assert.notDeepEqual(sortedThreads(await shuffled.threads()), expected, 'newest first groups them otherwise');
        assert.deepEqual(await shuffled.rebuildThreads({ batch: 1 }), { articles: docs.length, threads: expected.length });
        assert.deepEqual(sortedThreads(await shuffled.threads()), expected);
        // Rebuilt in batches, the same articles are all folded again (each batch in date order).
        const batched = await shuffled.rebuildThreads();
        assert.equal(batched.articles, docs.length);
        assert.ok(!(await shuffled.stats()).pendingFolds);
      } finally {
        await reference.close();
        await shuffled.close();
      }
    });

    test('store › threads come a page at a time, the most recently updated first, by kind or participant', async () => {
      const docs = rebuildArticles();
      const paged = await open();
      try {
        await paged.ingest(docs);
        const all = await paged.threads();
        assert.ok(all.length > 14, `enough threads for several pages (${all.length})`);
        const newestFirst = [...all].sort((a, b) => {
          const x = a.updated ?? '', y = b.updated ?? '';
          return x > y ? -1 : x < y ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
        });
        const pages: Thread[] = [];
        for (let offset = 0; ; offset += 7) {
          const page = await paged.listThreads({ limit: 7, offset });
          assert.equal(page.total, all.length);
          assert.deepEqual([page.limit, page.offset], [7, offset]);
          if (!page.items.length) break;
          pages.push(...page.items);
        }
        // Every thread once, in that order, each as `threads` gives it (overdue judged the same).
        assert.deepEqual(pages, newestFirst);
        const kind = all[0].kind, country = all[0].participants[0];
        const ofKind = await paged.listThreads({ kind, limit: 1000 });
        assert.deepEqual(ofKind.items, newestFirst.filter((t) => t.kind === kind));
        assert.equal(ofKind.total, ofKind.items.length);
        const withCountry = await paged.listThreads({ country, limit: 1000 });
        assert.deepEqual(withCountry.items, newestFirst.filter((t) => t.participants.includes(country)));
        assert.equal((await paged.listThreads()).limit, 100);
        assert.equal((await paged.listThreads({ limit: 5000 })).limit, 1000);
      } finally {
        await paged.close();
      }
    });
  });
}

let rebuildDocs: ParleyDocument[] | null = null;

/** 160 read synthetic articles (read once for every backend). */
function rebuildArticles(): ParleyDocument[] {
  rebuildDocs ??= syntheticArticles(160, 0).map((input, i) => readRecord(createEngine(), { origin: `synthetic ${i}`, input, diagnostics: [] }).document);
  return rebuildDocs;
}

function byDateThenId(a: { published: string | null; id: string }, b: { published: string | null; id: string }): number {
  const x = a.published ?? '', y = b.published ?? '';
  return x < y ? -1 : x > y ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function sortedThreads(threads: Thread[]): Thread[] {
  return [...threads].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
