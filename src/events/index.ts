/**
 * The events stage: codes what actors do to each other, sentence by sentence, in PLOVER (type and
 * mode) and CAMEO (code and QuadClass), with actor and recipient lists, factuality, attribution,
 * time, place, evidence spans and the lexicon rule that fired.
 */
import type { Document } from '../document/document.js';
import { defineStage, type Stage } from '../document/pipeline.js';
import { codeEvents, type CodeEventsOptions } from './code.js';
import { loadLexicon, type Lexicon } from './lexicon.js';

export { codeEvents } from './code.js';
export type { CodeEventsOptions } from './code.js';
export { loadLexicon, readCameoTable } from './lexicon.js';
export type { CameoCode, Lexicon, LexiconEntry, LexiconOptions } from './lexicon.js';
export { scoreEvents, formatEventScore } from './eval.js';
export type { EventScore, PloverScore, CameoScore, PRF } from './eval.js';

/** The pipeline stage; build the lexicon once with `loadLexicon()` and share it. */
export function eventsStage(lexicon: Lexicon = loadLexicon(), options: CodeEventsOptions = {}): Stage {
  return defineStage({
    name: 'events',
    requires: ['tokens', 'sentences', 'entities', 'actors', 'times', 'places', 'quotes'],
    assigns: ['events'],
    run(doc: Document) {
      doc.events = codeEvents(doc, lexicon, options);
      for (const e of doc.events) {
        if (e.actor.length === 0) doc.diagnose('P500', `${e.type} "${e.evidence.trigger.text}"`, e.evidence.trigger);
      }
    },
  });
}
