export * from './types.js';
export * from './errors.js';
export { Document, sentenceContaining } from './document.js';
export type { LayerName } from './document.js';
export { defineStage, createPipeline } from './pipeline.js';
export type { Stage, Pipeline } from './pipeline.js';
