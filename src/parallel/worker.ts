import { parentPort, workerData } from 'node:worker_threads';
import { createEngine, type EngineOptions } from '../engine.js';
import { readRecords, type BatchOptions } from '../batch.js';
import type { SentItem } from './index.js';
import type { SourceRecord } from '../ingest/sources.js';

// One engine per worker thread, built once; records come in batches and go back in order.
const engine = createEngine(workerData as EngineOptions);

parentPort?.on('message', (msg: { id: number; records: SourceRecord[]; options: BatchOptions }) => {
  // A chunk is read stage by stage (readRecords): the same items, for less CPU time.
  const items = readRecords(engine, msg.records, msg.options);
  // Sent as JSON text: a structured clone is rebuilt as objects in the main thread whatever it
  // does with them, while text is copied as it is and parsed there only if it is needed (`parley
  // read --jsonl` writes it out unparsed).
  const sent: SentItem[] = items.map((item) => ({ origin: item.origin, failed: item.failed, json: JSON.stringify(item.document) }));
  parentPort?.postMessage({ id: msg.id, items: sent });
});
