/**
 * The quotes stage: direct, indirect and mixed quotes with their cue and speaker, the speaker
 * resolved to an actor or typed as an anonymous source with the affiliation the text gives.
 */
import type { Document } from '../document/document.js';
import { defineStage, type Stage } from '../document/pipeline.js';
import type { ActorDictionary } from '../actors/index.js';
import type { Quote } from '../document/types.js';
import { extractQuotes } from './extract.js';
import { loadQuoteLexicon, type QuoteLexicon } from './lexicon.js';

export { extractQuotes } from './extract.js';
export { loadQuoteLexicon, compileQuoteLexicon } from './lexicon.js';
export type { QuoteLexicon, CueVerb, CuePhrase, CueComplement } from './lexicon.js';
export { scanQuotations } from './marks.js';
export type { Quotation, QuotationScan } from './marks.js';

/**
 * Builds the quotes stage. `dict` codes the affiliation of speakers the actors layer left
 * unresolved; `lexicon` defaults to data/quotes/cues.json.
 */
export function quotesStage(dict: ActorDictionary, lexicon: QuoteLexicon = loadQuoteLexicon()): Stage {
  return defineStage({
    name: 'quotes',
    requires: ['tokens', 'sentences', 'entities', 'actors'],
    assigns: ['quotes'],
    run(doc: Document) {
      doc.quotes = extractQuotes(doc, lexicon, dict);
    },
  });
}

/**
 * The innermost quote whose reported text contains [start, end): what an event found there is
 * attributed to. Quotes are in text order; nested reported speech ("X said Y told him …") gives
 * the innermost quote.
 */
export function quoteContaining(quotes: readonly Quote[], start: number, end: number): Quote | null {
  let best: Quote | null = null;
  for (const q of quotes) {
    if (q.start > start) break;
    if (q.end >= end && (!best || q.end - q.start < best.end - best.start)) best = q;
  }
  return best;
}
