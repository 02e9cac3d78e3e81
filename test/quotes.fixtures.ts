// Shared helpers for the quotes tests: run the real pipeline up to the quotes stage.
import assert from 'node:assert/strict';
import { Document } from '../src/document/document.js';
import { createPipeline } from '../src/document/pipeline.js';
import type { Actor, Entity, Quote } from '../src/document/types.js';
import { segmentStage } from '../src/nlp/index.js';
import { actorsStage, loadActorDictionary } from '../src/actors/index.js';
import { quotesStage } from '../src/quotes/index.js';

const dictionary = loadActorDictionary();
const pipeline = createPipeline([segmentStage(), actorsStage(dictionary), quotesStage(dictionary)]);
const segmentOnly = createPipeline([segmentStage()]);

function article(text: string, published: string | null) {
  return { id: 'test', published, title: null, url: null, source: null, text };
}

/** Reads text through segment → actors → quotes. */
export function readQuotes(text: string, published: string | null = '2025-10-14'): Document {
  const doc = pipeline.run(new Document(article(text, published)));
  assertSpans(doc);
  return doc;
}

/**
 * Reads text with a fixed entities/actors layer given by the test, so speaker resolution is checked
 * against the layer contract (DESIGN.md) whatever the actor dictionary currently knows.
 */
export function readQuotesWithLayers(text: string, layers: { entities: Omit<Entity, 'start' | 'end'>[]; actors: Actor[] }): Document {
  const doc = segmentOnly.run(new Document(article(text, '2025-10-14')));
  let from = 0;
  doc.entities = layers.entities.map((e) => {
    const start = text.indexOf(e.text, from);
    assert.ok(start >= 0, `fixture entity "${e.text}" not in text`);
    from = start + e.text.length;
    return { ...e, start, end: start + e.text.length };
  });
  doc.actors = layers.actors;
  quotesStage(dictionary).run(doc);
  assertSpans(doc);
  return doc;
}

/** Every quote, cue and speaker span must be the text it claims. */
export function assertSpans(doc: Document): void {
  for (const q of doc.quotes ?? []) {
    assert.equal(doc.text.slice(q.start, q.end), q.text, `quote ${q.id} span`);
    if (q.cue) assert.equal(doc.text.slice(q.cue.start, q.cue.end), q.cue.text, `quote ${q.id} cue span`);
    if (q.speaker) assert.equal(doc.text.slice(q.speaker.start, q.speaker.end), q.speaker.text, `quote ${q.id} speaker span`);
  }
}

/** The comparable gist of a quote: kind, content, speaker phrase, cue. */
export interface QuoteGist {
  kind: Quote['kind'];
  text: string;
  speaker: string | null;
  cue: string | null;
}

export function gist(q: Quote): QuoteGist {
  return { kind: q.kind, text: q.text, speaker: q.speaker?.text ?? null, cue: q.cue?.text ?? null };
}

export function gists(doc: Document): QuoteGist[] {
  return (doc.quotes ?? []).map(gist);
}
