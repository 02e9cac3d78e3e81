import { Document } from './document/document.js';
import { createPipeline, type Pipeline } from './document/pipeline.js';
import type { Article, ParleyDocument } from './document/types.js';
import { segmentStage } from './nlp/index.js';
import { actorsStage, loadActorDictionary, type ActorDictionary } from './actors/index.js';
import { timesStage } from './times/index.js';
import { loadGazetteer, placesStage, type Gazetteer } from './places/index.js';
import { quotesStage } from './quotes/index.js';
import { eventsStage, loadLexicon, type Lexicon } from './events/index.js';
import { threadsStage } from './threads/index.js';
import { normalizeArticle, type ArticleInput } from './ingest/normalize.js';

export interface EngineOptions {
  /** Extra actor dictionary files (same format as data/actors/*.json). */
  actorFiles?: readonly string[];
}

const defaults: Required<EngineOptions> = Object.freeze({ actorFiles: [] });

/** A built, immutable engine: dictionaries are loaded once and shared by every read. */
export interface Engine {
  readonly pipeline: Pipeline;
  readonly dictionary: ActorDictionary;
  readonly gazetteer: Gazetteer;
  readonly lexicon: Lexicon;
  /** Reads one article (already normalized) into a document. */
  read(article: Article): Document;
  /** Normalizes a loose input record, then reads it. */
  readInput(input: ArticleInput): Document;
  /** Convenience: reads plain text. */
  readText(text: string, options?: { published?: string | null; id?: string }): ParleyDocument;
}

export function createEngine(options: EngineOptions = {}): Engine {
  const opts = { ...defaults, ...options };
  const dictionary = loadActorDictionary({ extraFiles: [...opts.actorFiles] });
  const gazetteer = loadGazetteer();
  const lexicon = loadLexicon();
  const pipeline = createPipeline([
    segmentStage(),
    actorsStage(dictionary),
    timesStage(),
    placesStage(gazetteer),
    quotesStage(dictionary),
    eventsStage(lexicon),
    threadsStage(),
  ]);
  const read = (article: Article): Document => pipeline.run(new Document(article));
  const readInput = (input: ArticleInput): Document => {
    const { article, diagnostics } = normalizeArticle(input);
    const doc = new Document(article);
    doc.diagnostics.push(...diagnostics);
    if (!article.text) return doc;
    return pipeline.run(doc);
  };
  return Object.freeze({
    pipeline, dictionary, gazetteer, lexicon, read, readInput,
    readText: (text: string, o: { published?: string | null; id?: string } = {}) =>
      readInput({ text, published: o.published ?? null, id: o.id }).toOutput(),
  });
}
