/**
 * Hand-written documents with every layer filled, for the API and UI tests. The articles are
 * written for this project (the people are invented); spans are found in the text, so every
 * offset satisfies text.slice(start, end) === span.text.
 */
import { contentHash } from '../src/ingest/index.js';
import type { ParleyDocument, TextSpan } from '../src/document/types.js';

function spanOf(text: string, needle: string, nth = 0): TextSpan {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(needle, at + 1);
  if (at < 0) throw new Error(`fixture: "${needle}" is not in the text`);
  return { text: needle, start: at, end: at + needle.length };
}

function sentenceOf(text: string, offset: number): { sentence: number; start: number; end: number } {
  const ends = [...text.matchAll(/[.!?](?=\s|$)/g)].map((m) => (m.index as number) + 1);
  let start = 0;
  for (const [i, end] of ends.entries()) {
    if (offset < end) return { sentence: i, start, end };
    start = end + 1;
  }
  return { sentence: ends.length, start, end: text.length };
}

const blank = (id: string, text: string, published: string, title: string): ParleyDocument => ({
  schema: 'parley.document/1',
  article: { id, published, title, url: null, source: 'Fixture Wire', text, hash: contentHash(text) },
  entities: [], actors: [], times: [], places: [], quotes: [], events: [], threads: [], diagnostics: [],
});

export const MOLDOVA_TEXT = 'Moldova has asked Romania to host talks with Ukraine on border security next week, Moldovan officials said on Tuesday. '
  + 'Romanian Foreign Minister Elena Varga said Bucharest welcomed the request. '
  + 'Meanwhile, Russian forces shelled the port of Odesa overnight, according to regional authorities.';

export function moldovaDocument(): ParleyDocument {
  const t = MOLDOVA_TEXT;
  const d = blank('fixture-moldova', t, '2025-03-11', 'Moldova asks Romania to host border talks');
  const ent = (id: string, s: TextSpan, type: ParleyDocument['entities'][number]['type'], actor: string | null) => ({ id, ...s, type, actor });
  d.entities = [
    ent('e1', spanOf(t, 'Moldova'), 'GPE', 'a1'), ent('e2', spanOf(t, 'Romania'), 'GPE', 'a2'), ent('e3', spanOf(t, 'Ukraine'), 'GPE', 'a3'),
    ent('e4', spanOf(t, 'Moldovan officials'), 'GROUP', 'a1'), ent('e5', spanOf(t, 'Elena Varga'), 'PERSON', 'a4'),
    ent('e6', spanOf(t, 'Bucharest'), 'GPE', 'a2'), ent('e7', spanOf(t, 'Russian forces'), 'GROUP', 'a5'),
  ];
  d.actors = [
    { id: 'a1', name: 'Moldova', country: 'MDA', sector: 'GOV', wikidata: null, mentions: ['e1', 'e4'] },
    { id: 'a2', name: 'Romania', country: 'ROU', sector: 'GOV', wikidata: null, mentions: ['e2', 'e6'] },
    { id: 'a3', name: 'Ukraine', country: 'UKR', sector: 'GOV', wikidata: null, mentions: ['e3'] },
    { id: 'a4', name: 'Elena Varga', country: 'ROU', sector: 'GOV', title: 'Foreign Minister', wikidata: null, mentions: ['e5'] },
    { id: 'a5', name: 'Russian forces', country: 'RUS', sector: 'MIL', wikidata: null, mentions: ['e7'] },
  ];
  d.times = [
    { id: 't1', ...spanOf(t, 'next week'), type: 'DATE', value: '2025-W12', range: ['2025-03-17', '2025-03-23'], role: 'event' },
    { id: 't2', ...spanOf(t, 'on Tuesday'), type: 'DATE', value: '2025-03-11', range: ['2025-03-11', '2025-03-11'], role: 'report' },
    { id: 't3', ...spanOf(t, 'overnight'), type: 'TIME', value: '2025-03-11TNI', range: ['2025-03-11', '2025-03-11'], role: 'event' },
  ];
  d.places = [
    { id: 'p1', ...spanOf(t, 'Odesa'), name: 'Odesa', country: 'UKR', lat: 46.48, lon: 30.73, geonameid: null },
    { id: 'p2', ...spanOf(t, 'Bucharest'), name: 'Bucharest', country: 'ROU', lat: 44.43, lon: 26.1, geonameid: null },
  ];
  d.quotes = [{
    id: 'q1', kind: 'indirect', ...spanOf(t, 'Bucharest welcomed the request'), cue: spanOf(t, 'said', 1),
    speaker: { ...spanOf(t, 'Romanian Foreign Minister Elena Varga'), actor: 'a4', name: 'Elena Varga', anonymous: false, country: 'ROU', sector: 'GOV' },
  }];
  const ev = (id: string, trigger: TextSpan, rest: Partial<ParleyDocument['events'][number]>): ParleyDocument['events'][number] => ({
    id, type: 'REQUEST', mode: null, cameo: '020', quad: 1, actor: [], recipient: [], factuality: 'asserted', attribution: null,
    time: null, place: null, evidence: { ...sentenceOf(t, trigger.start), trigger }, rule: 'fixture', ...rest,
  });
  d.events = [
    ev('ev1', spanOf(t, 'has asked'), {
      type: 'REQUEST', mode: 'meet', cameo: '026', quad: 1, factuality: 'reported', time: 't1', rule: 'request.meet.ask-to-host',
      actor: [{ name: 'Moldova', country: 'MDA', sector: 'GOV', ref: 'a1' }], recipient: [{ name: 'Romania', country: 'ROU', sector: 'GOV', ref: 'a2' }],
    }),
    ev('ev2', spanOf(t, 'welcomed'), {
      type: 'SUPPORT', mode: null, cameo: '051', quad: 1, factuality: 'reported', attribution: 'q1', time: 't2', place: 'p2', rule: 'support.welcome',
      actor: [{ name: 'Romania', country: 'ROU', sector: 'GOV', ref: 'a2' }], recipient: [{ name: 'Moldova', country: 'MDA', sector: 'GOV', ref: 'a1' }],
    }),
    ev('ev3', spanOf(t, 'shelled'), {
      type: 'ASSAULT', mode: 'artillery', cameo: '194', quad: 4, factuality: 'reported', time: 't3', place: 'p1', rule: 'assault.shell',
      actor: [{ name: 'Russian forces', country: 'RUS', sector: 'MIL', ref: 'a5' }], recipient: [{ name: 'Ukraine', country: 'UKR', sector: 'GOV', ref: 'a3' }],
    }),
  ];
  d.threads = [{
    id: 'th-fixture-1', kind: 'meeting', title: 'Moldova–Romania border talks', participants: ['MDA', 'ROU'], status: 'welcomed',
    history: [
      { status: 'requested', date: '2025-03-11', events: ['ev1'], articles: ['fixture-moldova'] },
      { status: 'welcomed', date: '2025-03-11', events: ['ev2'], articles: ['fixture-moldova'] },
    ],
    articles: ['fixture-moldova'],
  }];
  return d;
}

export const KENYA_TEXT = 'Kenya and Ethiopia signed a trade agreement in Nairobi on Friday, the two governments said in a joint statement.';

export function kenyaDocument(): ParleyDocument {
  const t = KENYA_TEXT;
  const d = blank('fixture-kenya', t, '2025-04-05', 'Kenya and Ethiopia sign trade deal');
  d.entities = [
    { id: 'e1', ...spanOf(t, 'Kenya'), type: 'GPE', actor: 'a1' }, { id: 'e2', ...spanOf(t, 'Ethiopia'), type: 'GPE', actor: 'a2' },
    { id: 'e3', ...spanOf(t, 'Nairobi'), type: 'GPE', actor: null },
  ];
  d.actors = [
    { id: 'a1', name: 'Kenya', country: 'KEN', sector: 'GOV', wikidata: null, mentions: ['e1'] },
    { id: 'a2', name: 'Ethiopia', country: 'ETH', sector: 'GOV', wikidata: null, mentions: ['e2'] },
  ];
  d.times = [{ id: 't1', ...spanOf(t, 'on Friday'), type: 'DATE', value: '2025-04-04', range: ['2025-04-04', '2025-04-04'], role: 'event' }];
  d.places = [{ id: 'p1', ...spanOf(t, 'Nairobi'), name: 'Nairobi', country: 'KEN', lat: -1.29, lon: 36.82, geonameid: null }];
  const trigger = spanOf(t, 'signed');
  d.events = [{
    id: 'ev1', type: 'AGREE', mode: 'trade', cameo: '057', quad: 1, factuality: 'asserted', attribution: null, time: 't1', place: 'p1',
    actor: [{ name: 'Kenya', country: 'KEN', sector: 'GOV', ref: 'a1' }, { name: 'Ethiopia', country: 'ETH', sector: 'GOV', ref: 'a2' }],
    recipient: [], evidence: { sentence: 0, start: 0, end: t.length, trigger }, rule: 'agree.sign',
  }];
  return d;
}

/** An article whose text contains markup: the UI must show it as text. */
export const SCRIPT_TEXT = 'Protesters gathered outside the embassy holding a sign that read <script>window.__pwned = true</script> '
  + 'and <img src=x onerror="window.__pwned = true"> in large letters, police said.';

export function scriptDocument(): ParleyDocument {
  return blank('fixture-script', SCRIPT_TEXT, '2025-05-01', 'Markup <b>inside</b> a title');
}

export const fixtureDocuments = (): ParleyDocument[] => [moldovaDocument(), kenyaDocument(), scriptDocument()];

/** A short article of my own wording for reading through the real engine. */
export const PASTE_TEXT = 'Finland called on Norway to reopen the northern border crossing, Finnish officials said on Monday. '
  + 'Norway has not confirmed whether it will agree.';
