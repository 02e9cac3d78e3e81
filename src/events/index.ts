// PLACEHOLDER until the events stage lands.
import { defineStage, type Stage } from '../document/pipeline.js';
export interface Lexicon { readonly placeholder: true }
export function loadLexicon(): Lexicon { return { placeholder: true }; }
export function eventsStage(_lexicon: Lexicon): Stage {
  return defineStage({ name: 'events', requires: ['tokens', 'sentences', 'entities', 'actors', 'times', 'places', 'quotes'], assigns: ['events'], run(doc) { doc.events = []; } });
}
