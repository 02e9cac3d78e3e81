import { defineStage, type Stage } from '../document/pipeline.js';
import type { Thread } from '../document/types.js';
import { loadThreadModel, type ThreadModel } from './kinds.js';
import { articleThreads, foldThreads, type FoldDocument, type FoldOptions } from './track.js';

export { loadThreadModel } from './kinds.js';
export type { ThreadModel, KindModel } from './kinds.js';
export { readSignals } from './signals.js';
export type { Signal } from './signals.js';
export type { FoldDocument, FoldOptions, GrownStep, ThreadEntry, ThreadHead, StepHead } from './track.js';
export { articleThreads, foldThreads, threadsJoined, corroboration, corroborationGrown, currentStatus, participantsMatch, outletOf, splitThread, forFold, joinThread, countRegrown } from './track.js';
export { minhash, similarity } from './similarity.js';

/** The within-article threads stage: each initiative the article reports, with its status steps. */
export function threadsStage(model: ThreadModel = loadThreadModel()): Stage {
  return defineStage({
    name: 'threads',
    requires: ['sentences', 'entities', 'actors', 'times', 'events'],
    assigns: ['threads'],
    run(doc) { doc.threads = articleThreads(doc, model); },
  });
}

/** Folds the events of newly stored documents into the store's threads (pure unless `inPlace`). */
export function updateThreads(existing: readonly Thread[], documents: readonly FoldDocument[], options: FoldOptions = {}): Thread[] {
  return foldThreads(existing, documents, loadThreadModel(), options);
}
