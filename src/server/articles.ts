import { readRecord } from '../batch.js';
import type { ParleyDocument } from '../document/types.js';
import type { Engine } from '../engine.js';
import { contentHash, extractHtmlArticle, recordsFromBytes, safeFetch, type SourceRecord } from '../ingest/index.js';
import type { Diagnostic } from '../document/types.js';
import type { IngestResult, Store } from '../store/index.js';

/** The body of POST /v1/read and one item of POST /v1/articles. */
export interface ApiArticleInput {
  id?: string;
  text?: string;
  html?: string;
  url?: string;
  published?: string;
  title?: string;
  source?: string;
}

export interface FetchPolicy {
  allowPrivate: boolean;
  maxBytes: number;
  timeoutMs: number;
  maxRedirects: number;
}

/** Fields the caller sets explicitly win over what a page or feed says about itself. */
function withOverrides(record: SourceRecord, input: ApiArticleInput): SourceRecord {
  if (!record.input) return record;
  const o = { ...record.input };
  if (input.id !== undefined) o.id = input.id;
  if (input.published !== undefined) o.published = input.published;
  if (input.title !== undefined) o.title = input.title;
  if (input.source !== undefined) o.source = input.source;
  if (input.url !== undefined && o.url == null) o.url = input.url;
  return { ...record, input: o };
}

/**
 * Turns one API input into source records: text as is, HTML through Readability, a bare URL
 * through `safeFetch` (which refuses private addresses unless the policy allows them). A feed
 * URL can yield many records. Fetch refusals and failures throw coded ParleyErrors.
 */
export async function recordsFromInput(input: ApiArticleInput, policy: FetchPolicy): Promise<SourceRecord[]> {
  const origin = input.id ?? input.url ?? 'request';
  if (input.text !== undefined) {
    return [{ origin, input: { id: input.id, text: input.text, published: input.published, title: input.title, url: input.url, source: input.source }, diagnostics: [] }];
  }
  if (input.html !== undefined) {
    const extracted = extractHtmlArticle(input.html, input.url ?? null);
    if (!extracted) return [{ origin, input: null, diagnostics: [{ code: 'P104', message: 'HTML page without an article' }] }];
    return [withOverrides({ origin, input: extracted, diagnostics: [] }, input)];
  }
  const got = await safeFetch(input.url as string, policy as Parameters<typeof safeFetch>[1]);
  const records = await recordsFromBytes(got.bytes, got.url, 'auto', got.contentType, got.url);
  return records.map((r) => withOverrides(r, records.length === 1 ? input : { ...input, id: undefined }));
}

/** The store deduplicates by content hash; make sure every document carries it. */
export function withHash(doc: ParleyDocument): ParleyDocument {
  if (doc.article.hash) return doc;
  return { ...doc, article: { ...doc.article, hash: contentHash(doc.article.text) } };
}

export interface IngestOutcome extends IngestResult {
  failed: { index: number; id: string | null; diagnostics: Diagnostic[] }[];
}

/**
 * Reads and stores API inputs in one store transaction. An input that cannot be read (empty
 * text, unreachable URL) is reported under `failed` and the others are still stored.
 */
export async function ingestInputs(engine: () => Engine, store: Store, inputs: readonly ApiArticleInput[], policy: FetchPolicy): Promise<IngestOutcome> {
  const docs: ParleyDocument[] = [];
  const failed: IngestOutcome['failed'] = [];
  for (const [index, input] of inputs.entries()) {
    let records: SourceRecord[];
    try {
      records = await recordsFromInput(input, policy);
    } catch (err) {
      failed.push({ index, id: input.id ?? null, diagnostics: [{ code: 'P109', message: String((err as Error).message) }] });
      continue;
    }
    for (const record of records) {
      const item = readRecord(engine(), record);
      if (item.failed) failed.push({ index, id: input.id ?? null, diagnostics: item.document.diagnostics });
      else docs.push(withHash(item.document));
    }
  }
  const result = docs.length ? await store.ingest(docs) : { stored: [], duplicates: [], events: 0 };
  return { ...result, failed };
}
