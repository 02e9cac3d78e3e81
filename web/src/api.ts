import type { ParleyDocument, Thread } from '../../src/document/types.js';
import type { ActorSummary, Page, StoreStats, StoredArticle, StoredEvent } from '../../src/store/types.js';

export type { ParleyDocument, Thread, ActorSummary, Page, StoreStats, StoredArticle, StoredEvent };
export type ArticleSummary = Omit<StoredArticle, 'document'>;

// The server's own declaration: one shape for what /v1/aggregates sends and the UI reads.
import type { Aggregates } from '../../src/server/types.js';
export type { Aggregates };

export interface IngestOutcome {
  stored: string[];
  duplicates: string[];
  failed: { index: number; id: string | null; diagnostics: { code: string; message: string }[] }[];
  events: number;
}

export interface ReadInput { text?: string; html?: string; url?: string; published?: string; id?: string; title?: string }

export type Filters = Record<string, string>;

/** An answer in the API's error shape. */
export class ApiError extends Error {
  constructor(readonly status: number, readonly code: string, message: string) {
    super(message);
  }
}

const KEY_STORAGE = 'parley.apiKey';
export const apiKey = {
  get: (): string | null => sessionStorage.getItem(KEY_STORAGE),
  set: (k: string) => sessionStorage.setItem(KEY_STORAGE, k),
};

export const query = (f: Filters): string => {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(f)) if (v !== '' && v != null) p.set(k, v);
  const s = p.toString();
  return s ? `?${s}` : '';
};

async function call<T>(path: string, init: RequestInit = {}): Promise<T> {
  const headers = new Headers(init.headers);
  if (init.body) headers.set('content-type', 'application/json');
  const key = apiKey.get();
  if (key && init.method === 'POST') headers.set('authorization', `Bearer ${key}`);
  const res = await fetch(path, { ...init, headers });
  const body = await res.json().catch(() => null);
  if (!res.ok) throw new ApiError(res.status, body?.error?.code ?? 'http', body?.error?.message ?? `HTTP ${res.status}`);
  return body as T;
}

export const api = {
  stats: () => call<StoreStats>('/v1/stats'),
  events: (f: Filters) => call<Page<StoredEvent>>(`/v1/events${query(f)}`),
  aggregates: (f: Filters) => call<Aggregates>(`/v1/aggregates${query(f)}`),
  articles: (f: Filters) => call<Page<ArticleSummary>>(`/v1/articles${query(f)}`),
  article: (id: string) => call<StoredArticle>(`/v1/articles/${encodeURIComponent(id)}`),
  /** The most recently updated threads, `limit` of them. */
  threads: (limit: number) => call<Page<Thread>>(`/v1/threads?limit=${limit}`),
  actors: () => call<{ items: ActorSummary[] }>('/v1/actors'),
  read: (input: ReadInput) => call<ParleyDocument>('/v1/read', { method: 'POST', body: JSON.stringify(input) }),
  ingest: (input: ReadInput) => call<IngestOutcome>('/v1/articles', { method: 'POST', body: JSON.stringify(input) }),
  exportUrl: (format: string, f: Filters) => `/v1/export${query({ ...f, format, limit: '', offset: '' })}`,
};
