import { parentPort, workerData } from 'node:worker_threads';
import { createEngine, type EngineOptions } from '../engine.js';
import { readRecords, type BatchOptions } from '../batch.js';
import type { SourceRecord } from '../ingest/sources.js';

// One engine per worker thread, built once; records come in batches and go back in order.
const engine = createEngine(workerData as EngineOptions);

parentPort?.on('message', (msg: { id: number; records: SourceRecord[]; options: BatchOptions }) => {
  // A chunk is read stage by stage (readRecords): the same items, for less CPU time.
  const items = readRecords(engine, msg.records, msg.options);
  parentPort?.postMessage({ id: msg.id, items });
});
