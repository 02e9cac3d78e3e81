import { parentPort, workerData } from 'node:worker_threads';
import { createEngine, type EngineOptions } from '../engine.js';
import { readRecord, type BatchOptions } from '../batch.js';
import type { SourceRecord } from '../ingest/sources.js';

// One engine per worker thread, built once; records come in batches and go back in order.
const engine = createEngine(workerData as EngineOptions);

parentPort?.on('message', (msg: { id: number; records: SourceRecord[]; options: BatchOptions }) => {
  const items = msg.records.map((r) => readRecord(engine, r, msg.options));
  parentPort?.postMessage({ id: msg.id, items });
});
