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
import { ParleyError } from './document/errors.js';

/** What was thrown, as an Error (a stage may throw anything). */
const asError = (err: unknown): Error => (err instanceof Error ? err : new Error(String(err)));

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
  /**
   * Reads several inputs stage by stage: every document goes through one stage before the next
   * stage starts, which keeps each stage's dictionaries and patterns warm in the processor's
   * caches (about a quarter less CPU time than reading them one by one). Each document is the one
   * `readInput` gives; an input whose read throws comes back as the error, in its place, and
   * stops no other. `onStage` is told how long each stage took over the whole batch.
   */
  readInputs(inputs: readonly ArticleInput[], options?: { onStage?: (stage: string, ms: number) => void }): (Document | Error)[];
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
  const prepare = (input: ArticleInput): Document => {
    const { article, diagnostics } = normalizeArticle(input);
    const doc = new Document(article);
    doc.diagnostics.push(...diagnostics);
    return doc;
  };
  const readInput = (input: ArticleInput): Document => {
    const doc = prepare(input);
    if (!doc.text) return doc;
    return pipeline.run(doc);
  };
  const readInputs = (inputs: readonly ArticleInput[], o: { onStage?: (stage: string, ms: number) => void } = {}): (Document | Error)[] => {
    const out: (Document | Error)[] = inputs.map((input) => {
      try { return prepare(input); } catch (err) { return asError(err); }
    });
    // Documents still being read: an empty text is not read at all, a failed one no further.
    const live = out.map((d) => d instanceof Document && d.text !== '');
    for (const stage of pipeline.stages) {
      const started = o.onStage ? performance.now() : 0;
      for (let k = 0; k < out.length; k++) {
        if (!live[k]) continue;
        const doc = out[k] as Document;
        try {
          stage.run(doc);
          // The check pipeline.run makes after each stage.
          for (const layer of stage.assigns) {
            if (!doc.has(layer)) throw new ParleyError('P012', `Stage "${stage.name}" did not assign layer "${layer}"`);
          }
        } catch (err) {
          out[k] = asError(err);
          live[k] = false;
        }
      }
      o.onStage?.(stage.name, performance.now() - started);
    }
    return out;
  };
  return Object.freeze({
    pipeline, dictionary, gazetteer, lexicon, read, readInput, readInputs,
    readText: (text: string, o: { published?: string | null; id?: string } = {}) =>
      readInput({ text, published: o.published ?? null, id: o.id }).toOutput(),
  });
}
