// PLACEHOLDER until the quotes stage lands.
import { defineStage, type Stage } from '../document/pipeline.js';
import type { ActorDictionary } from '../actors/index.js';
export function quotesStage(_dict: ActorDictionary): Stage {
  return defineStage({ name: 'quotes', requires: ['tokens', 'sentences', 'entities', 'actors'], assigns: ['quotes'], run(doc) { doc.quotes = []; } });
}
