import { Document } from './document/document.js';
import type { ParleyDocument } from './document/types.js';
import type { Engine } from './engine.js';
import { normalizeArticle, type ArticleInput } from './ingest/normalize.js';
import type { SourceRecord } from './ingest/sources.js';

export interface BatchOptions {
  /** Sets or overrides every article's publication date. */
  published?: string | null;
}

export interface BatchItem {
  origin: string;
  document: ParleyDocument;
  /**
   * The document as JSON, when it was read on another thread (src/parallel): it arrives as this
   * text, which `document` parses on first use. It is the text the reader thread wrote: a change
   * made to `document` afterwards is not in it. (As JSON, values JSON cannot hold are not kept:
   * a document holds none.)
   */
  json?: string;
  /** True when the record could not be read at all (bad line, empty or binary file…). */
  failed: boolean;
}

/**
 * Reads one record into a document. Bad data never throws: it comes back as a document with
 * diagnostics, and even an internal error in a stage is caught here so one article never stops
 * a batch.
 */
export function readRecord(engine: Engine, record: SourceRecord, options: BatchOptions = {}): BatchItem {
  if (!record.input) {
    const { article } = normalizeArticle({ id: record.origin, text: '' });
    const doc = new Document(article);
    doc.diagnostics.push(...record.diagnostics);
    return { origin: record.origin, document: doc.toOutput(), failed: true };
  }
  const input: ArticleInput = options.published !== undefined ? { ...record.input, published: options.published } : record.input;
  let doc: Document;
  try {
    doc = engine.readInput(input);
  } catch (err) {
    const { article, diagnostics } = normalizeArticle(input);
    doc = new Document(article);
    doc.diagnostics.push(...diagnostics);
    doc.diagnose('P190', String((err as Error)?.message ?? err));
  }
  doc.diagnostics.unshift(...record.diagnostics);
  const failed = doc.text === '' || doc.diagnostics.some((d) => d.code === 'P190');
  return { origin: record.origin, document: doc.toOutput(), failed };
}

/**
 * Reads several records at once, stage by stage (`engine.readInputs`): the items `readRecord`
 * gives, in order, for less CPU time. For batches that are already gathered (a worker's chunk, a
 * store transaction); a stream that must answer record by record uses `readBatch`.
 */
export function readRecords(engine: Engine, records: readonly SourceRecord[], options: BatchOptions = {}): BatchItem[] {
  const inputs: ArticleInput[] = [];
  /** Record index → its input's index (records without input are answered by readRecord). */
  const slot = new Int32Array(records.length).fill(-1);
  records.forEach((record, k) => {
    if (!record.input) return;
    slot[k] = inputs.length;
    inputs.push(options.published !== undefined ? { ...record.input, published: options.published } : record.input);
  });
  const read = engine.readInputs(inputs);
  return records.map((record, k) => {
    if (slot[k] < 0) return readRecord(engine, record, options);
    const input = inputs[slot[k]];
    let doc = read[slot[k]];
    if (doc instanceof Error) {
      const err = doc;
      // As readRecord: the article as far as it can be normalized, with the error as a diagnostic.
      const { article, diagnostics } = normalizeArticle(input);
      doc = new Document(article);
      doc.diagnostics.push(...diagnostics);
      doc.diagnose('P190', String(err.message ?? err));
    }
    doc.diagnostics.unshift(...record.diagnostics);
    const failed = doc.text === '' || doc.diagnostics.some((d) => d.code === 'P190');
    return { origin: record.origin, document: doc.toOutput(), failed };
  });
}

/**
 * Reads records in order, yielding one item per record. By default each record is answered as
 * soon as it arrives (a live stream waits for nothing); with `chunk` above 1, records are gathered
 * that many at a time and read stage by stage (readRecords): the same items, for less CPU time.
 */
export async function* readBatch(
  engine: Engine, records: AsyncIterable<SourceRecord> | Iterable<SourceRecord>, options: BatchOptions = {},
  reading: { chunk?: number } = {},
): AsyncGenerator<BatchItem> {
  const chunk = Math.max(1, Math.floor(reading.chunk ?? 1));
  if (chunk === 1) {
    for await (const record of records) yield readRecord(engine, record, options);
    return;
  }
  let gathered: SourceRecord[] = [];
  for await (const record of records) {
    gathered.push(record);
    if (gathered.length < chunk) continue;
    yield* readRecords(engine, gathered, options);
    gathered = [];
  }
  if (gathered.length) yield* readRecords(engine, gathered, options);
}
