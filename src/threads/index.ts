// PLACEHOLDER until the threads stage lands.
import { defineStage, type Stage } from '../document/pipeline.js';
export function threadsStage(): Stage {
  return defineStage({ name: 'threads', requires: ['events', 'times'], assigns: ['threads'], run(doc) { doc.threads = []; } });
}
