import type { Event, ParleyDocument } from '../src/document/types.js';
import { contentHash } from '../src/ingest/normalize.js';

/** A small, hand-made document with the given events, independent of the extractor. */
export function makeDocument(id: string, text: string, events: Partial<Event>[] = [], extra: Partial<ParleyDocument['article']> = {}): ParleyDocument {
  return {
    schema: 'parley.document/1',
    article: { id, published: '2025-10-14', title: `Title of ${id}`, url: null, source: 'Test Wire', text, hash: contentHash(text), ...extra },
    entities: [], actors: [], times: [], places: [], quotes: [], threads: [], diagnostics: [],
    events: events.map((e, i) => ({
      id: `ev${i + 1}`, type: 'REQUEST', mode: null, cameo: '020', quad: 1,
      actor: [{ name: 'Ukraine', country: 'UKR', sector: 'GOV', ref: null }],
      recipient: [{ name: 'United States', country: 'USA', sector: 'GOV', ref: null }],
      factuality: 'asserted', attribution: null, time: null, place: null,
      evidence: { sentence: 0, start: 0, end: Math.min(text.length, 20), trigger: { text: text.slice(0, 4), start: 0, end: 4 } },
      rule: 'test.rule', ...e,
    } as Event)),
  };
}
