export { segment, segmentStage } from './segment.js';
export type { Segmentation } from './segment.js';
