// PLACEHOLDER until the threads stage lands.
import { defineStage, type Stage } from '../document/pipeline.js';
export function threadsStage(): Stage {
  return defineStage({ name: 'threads', requires: ['events', 'times'], assigns: ['threads'], run(doc) { doc.threads = []; } });
}
import type { ParleyDocument, Thread } from '../document/types.js';
/** Folds the events of newly stored documents into the store's threads (pure). */
export function updateThreads(existing: readonly Thread[], _documents: readonly ParleyDocument[]): Thread[] {
  return [...existing];
}
