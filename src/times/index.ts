// PLACEHOLDER until the times stage lands.
import { defineStage, type Stage } from '../document/pipeline.js';
export function timesStage(): Stage {
  return defineStage({ name: 'times', requires: ['tokens', 'sentences'], assigns: ['times'], run(doc) { doc.times = []; } });
}
