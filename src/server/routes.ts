import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { readRecord } from '../batch.js';
import type { Engine } from '../engine.js';
import { EXPORT_FORMATS, exportEvent, exportHeader, type ExportFormat } from '../store/export.js';
import type { EventFilter, Page, Store, StoredEvent } from '../store/index.js';
import { ingestInputs, recordsFromInput, type ApiArticleInput, type FetchPolicy } from './articles.js';
import { HttpError, notFound } from './errors.js';
import {
  actorsQuerySchema, aggregatesQuerySchema, articlesQuerySchema, documentSchema, eventsQuerySchema, exportQuerySchema, idParamSchema,
  ingestResultSchema, pageSchema, readQuerySchema, threadsQuerySchema,
} from './schemas.js';
import type { Aggregates } from './types.js';

export type { Aggregates };

export interface RouteContext {
  store: Store;
  engine: () => Engine;
  policy: FetchPolicy;
  writeLimit?: { max: number; timeWindow: number };
}

type EventsQuery = {
  actor?: string; recipient?: string; country?: string; type?: string; factuality?: string;
  from?: string; to?: string; text?: string; article?: string; limit?: number; offset?: number;
};

/** The CLI's filter flags, as query parameters, to the store's filter. */
export function filterFromQuery(q: EventsQuery): EventFilter {
  const up = (v?: string) => (v ? v.toUpperCase() : undefined);
  if (q.from && q.to && q.from > q.to) throw new HttpError(400, 'validation', `"from" (${q.from}) is after "to" (${q.to})`);
  return {
    actorCountry: up(q.actor), recipientCountry: up(q.recipient), country: up(q.country),
    type: q.type, factuality: q.factuality, from: q.from, to: q.to, text: q.text, articleId: q.article,
    limit: q.limit, offset: q.offset,
  };
}

const errors = { 400: { $ref: 'Error#' }, 404: { $ref: 'Error#' } };
const writeErrors = { ...errors, 401: { $ref: 'Error#' }, 413: { $ref: 'Error#' }, 429: { $ref: 'Error#' } };
const writeSecurity: { [label: string]: string[] }[] = [{ bearer: [] }, { apiKeyHeader: [] }];

/** Events scanned at most for an aggregate (timeline, network, map), newest first. */
const AGGREGATE_CAP = 20_000;


/** Folds events into the timeline, network and map summaries the UI draws. */
export function aggregateEvents(events: Iterable<StoredEvent>): Omit<Aggregates, 'events' | 'truncated'> {
  const days = new Map<string, { date: string; type: string; count: number }>();
  const dyads = new Map<string, Aggregates['dyads'][number]>();
  const places = new Map<string, Aggregates['places'][number]>();
  const names: Record<string, string> = {};
  const label = (p: StoredEvent['actor'][number]) => {
    const id = p.country ?? p.name;
    // Prefer the name of the state itself ("Ukraine") over one of its officials.
    if (!names[id] || (p.sector === 'GOV' && p.name.length < names[id].length)) names[id] = p.name;
    return id;
  };
  for (const e of events) {
    if (e.date) {
      const k = `${e.date}|${e.type}`;
      const d = days.get(k) ?? { date: e.date, type: e.type, count: 0 };
      d.count++; days.set(k, d);
    }
    const sources = new Set(e.actor.map(label));
    const targets = new Set(e.recipient.map(label));
    for (const s of sources) for (const t of targets) {
      if (s === t) continue;
      const k = `${s}→${t}`;
      const d = dyads.get(k) ?? { source: s, target: t, count: 0, types: {} };
      d.count++; d.types[e.type] = (d.types[e.type] ?? 0) + 1; dyads.set(k, d);
    }
    const p = e.placeInfo;
    if (p && Number.isFinite(p.lat) && Number.isFinite(p.lon)) {
      const k = `${p.name}|${p.lat}|${p.lon}`;
      const d = places.get(k) ?? { name: p.name, country: p.country, lat: p.lat, lon: p.lon, count: 0, types: {} };
      d.count++; d.types[e.type] = (d.types[e.type] ?? 0) + 1; places.set(k, d);
    }
  }
  return {
    days: [...days.values()].sort((a, b) => a.date.localeCompare(b.date) || a.type.localeCompare(b.type)),
    dyads: [...dyads.values()].sort((a, b) => b.count - a.count),
    names,
    places: [...places.values()].sort((a, b) => b.count - a.count),
  };
}

async function* pagedEvents(store: Store, filter: EventFilter, cap: number, pageSize = 5000): AsyncGenerator<StoredEvent> {
  let n = 0;
  for (let offset = filter.offset ?? 0; n < cap;) {
    const page = await store.queryEvents({ ...filter, limit: Math.min(pageSize, cap - n), offset });
    for (const e of page.items) { n++; yield e; }
    if (page.items.length < pageSize) return;
    offset += page.items.length;
  }
}

const EXPORT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  jsonl: 'application/x-ndjson; charset=utf-8',
  plover: 'application/x-ndjson; charset=utf-8',
  gdelt: 'text/tab-separated-values; charset=utf-8',
};
const EXPORT_EXT: Record<ExportFormat, string> = { csv: 'csv', jsonl: 'jsonl', plover: 'plover.jsonl', gdelt: 'gdelt.tsv' };

export function registerApiRoutes(app: FastifyInstance, ctx: RouteContext): void {
  const { store } = ctx;
  // A store may offer pages of raw event JSON (SqliteStore does); the API then skips a parse/stringify round trip.
  const fastEvents = (store as Store & { queryEventsJson?: (f: EventFilter) => Promise<Page<string>> }).queryEventsJson;
  const writeConfig = ctx.writeLimit ? { rateLimit: ctx.writeLimit } : {};

  app.post<{ Body: ApiArticleInput | string; Querystring: { published?: string; id?: string } }>('/v1/read', {
    config: writeConfig,
    schema: {
      tags: ['read'],
      summary: 'Read one article into a parley.document/1 (nothing is stored)',
      description: 'JSON {text|html|url, published?, id?, title?, source?}, or a raw text/plain or text/html body with ?published=. A url is fetched only if it is public (loopback, private and link-local addresses are refused), with a size, time and redirect cap.',
      security: writeSecurity,
      querystring: readQuerySchema,
      body: {
        content: {
          'application/json': { schema: { $ref: 'ArticleInput#' } },
          'text/plain': { schema: { type: 'string', minLength: 1 } },
          'text/html': { schema: { type: 'string', minLength: 1 } },
        },
      },
      response: { 200: documentSchema, ...writeErrors, 422: { $ref: 'Error#' }, 502: { $ref: 'Error#' } },
    },
  }, async (request) => {
    const body = request.body;
    const q = request.query;
    let input: ApiArticleInput;
    if (typeof body === 'string') {
      const isHtml = /html/.test(String(request.headers['content-type']));
      input = isHtml ? { html: body } : { text: body };
      if (q.published !== undefined) input.published = q.published;
      if (q.id !== undefined) input.id = q.id;
    } else {
      input = body;
    }
    const records = await recordsFromInput(input, ctx.policy);
    const record = records[0];
    if (!record) throw new HttpError(422, 'P100', 'The input holds no article');
    const item = readRecord(ctx.engine(), record);
    if (!record.input) {
      const d = item.document.diagnostics[0];
      throw new HttpError(422, d?.code ?? 'P109', d?.message ?? 'The input could not be read as an article');
    }
    return item.document;
  });

  app.post<{ Body: ApiArticleInput | ApiArticleInput[] | { articles: ApiArticleInput[] } }>('/v1/articles', {
    config: writeConfig,
    schema: {
      tags: ['store'],
      summary: 'Read and store one or many articles (idempotent by content hash)',
      description: 'The same text twice is stored once: the second comes back under "duplicates". Inputs that cannot be read are listed under "failed"; the rest are stored in one transaction.',
      security: writeSecurity,
      body: { $ref: 'ArticlesBody#' },
      response: { 200: ingestResultSchema, ...writeErrors },
    },
  }, async (request) => {
    const body = request.body;
    const inputs = Array.isArray(body) ? body : 'articles' in body ? body.articles : [body];
    return ingestInputs(ctx.engine, store, inputs, ctx.policy);
  });

  app.get<{ Querystring: { text?: string; limit?: number; offset?: number } }>('/v1/articles', {
    schema: { tags: ['store'], summary: 'List stored articles, newest first (paged; ?text= searches the full text)', querystring: articlesQuerySchema, response: { 200: pageSchema('An article without its document'), ...errors } },
  }, async (request) => store.listArticles(request.query));

  app.get<{ Params: { id: string } }>('/v1/articles/:id', {
    schema: { tags: ['store'], summary: 'One stored article with its full document', params: idParamSchema, response: { 200: { type: 'object', additionalProperties: true }, ...errors } },
  }, async (request) => {
    const article = await store.getArticle(request.params.id);
    if (!article) throw notFound(`Article "${request.params.id}"`);
    return article;
  });

  app.get<{ Querystring: EventsQuery }>('/v1/events', {
    schema: { tags: ['store'], summary: 'Stored events, newest first, with the CLI\'s filters (paged)', querystring: eventsQuerySchema, response: { 200: pageSchema('A stored event: the contract event plus key, articleId, date, sentenceText, source, url, placeInfo'), ...errors } },
  }, async (request, reply) => {
    const filter = filterFromQuery(request.query);
    if (!fastEvents) return store.queryEvents(filter);
    // The hot path: stored events are already JSON, so the page is written without re-parsing them.
    const page = await fastEvents.call(store, filter);
    reply.type('application/json; charset=utf-8');
    return `{"items":[${page.items.join(',')}],"total":${page.total},"limit":${page.limit},"offset":${page.offset}}`;
  });

  app.get<{ Querystring: Omit<EventsQuery, 'limit' | 'offset'> }>('/v1/aggregates', {
    schema: {
      tags: ['store'],
      summary: 'Events per day and type, who acts on whom, and event places, for the events matching the filters',
      description: `Scans at most ${AGGREGATE_CAP} matching events, newest first ("truncated" says when there were more).`,
      querystring: aggregatesQuerySchema,
      response: { 200: { type: 'object', additionalProperties: true }, ...errors },
    },
  }, async (request): Promise<Aggregates> => {
    const filter = filterFromQuery(request.query);
    const seen: StoredEvent[] = [];
    for await (const e of pagedEvents(store, { ...filter, offset: 0 }, AGGREGATE_CAP)) seen.push(e);
    const total = seen.length < AGGREGATE_CAP ? seen.length : (await store.queryEvents({ ...filter, limit: 1, offset: 0 })).total;
    return { events: total, truncated: total > seen.length, ...aggregateEvents(seen) };
  });

  app.get<{ Querystring: { kind?: string; country?: string; limit?: number; offset?: number } }>('/v1/threads', {
    schema: { tags: ['store'], summary: 'Diplomatic initiatives followed across the store, each with its status history, the most recently updated first, paged', querystring: threadsQuerySchema, response: { 200: { type: 'object', properties: { items: { type: 'array', items: { type: 'object', additionalProperties: true } }, total: { type: 'integer' }, limit: { type: 'integer' }, offset: { type: 'integer' } } }, ...errors } },
  }, async (request) => {
    const { kind, country, limit, offset } = request.query;
    return store.listThreads({ kind, country: country?.toUpperCase(), limit, offset });
  });

  app.post<{ Body: { batch?: number } | null }>('/v1/threads/rebuild', {
    schema: {
      tags: ['store'],
      summary: 'Fold every stored article into the threads again, in order of publication',
      description: 'Empties the threads and folds every stored article again, batch articles a fold (default 1,000; 1 folds them one at a time): after a backfill read in another order, or by several workers, the threads one reader taking the articles as they were published would make. Thread ids may change. Answers with how many articles were folded and how many threads they made.',
      body: { type: ['object', 'null'], additionalProperties: false, properties: { batch: { type: 'integer', minimum: 1, maximum: 5000 } } },
      response: { 200: { type: 'object', properties: { articles: { type: 'integer' }, threads: { type: 'integer' } } }, ...errors },
    },
  }, async (request) => store.rebuildThreads({ batch: request.body?.batch }));

  app.get<{ Querystring: { limit?: number } }>('/v1/actors', {
    schema: { tags: ['store'], summary: 'Actors in the stored events, most active first', querystring: actorsQuerySchema, response: { 200: { type: 'object', properties: { items: { type: 'array', items: { type: 'object', additionalProperties: true } } } }, ...errors } },
  }, async (request) => ({ items: await store.actors({ limit: request.query.limit }) }));

  app.get<{ Querystring: EventsQuery & { format: ExportFormat } }>('/v1/export', {
    schema: {
      tags: ['store'],
      summary: `Export matching events as ${EXPORT_FORMATS.join(', ')}`,
      description: 'csv (one row per event, with a header), jsonl (stored events), gdelt (GDELT 2.0 event-table columns, tab-separated) or plover (PLOVER-style JSON records). Streams every matching event unless limit is given.',
      querystring: exportQuerySchema,
      response: { 200: { type: 'string', description: 'The exported lines' }, ...errors },
    },
  }, async (request, reply) => {
    const { format } = request.query;
    const filter = filterFromQuery(request.query);
    const cap = request.query.limit ?? Number.MAX_SAFE_INTEGER;
    async function* lines() {
      const header = exportHeader(format);
      if (header) yield header + '\n';
      let n = 0;
      for await (const e of pagedEvents(store, { ...filter, limit: undefined }, cap)) yield exportEvent(e, format, n++) + '\n';
    }
    reply.type(EXPORT_TYPES[format]).header('content-disposition', `attachment; filename="parley-events.${EXPORT_EXT[format]}"`);
    return reply.send(Readable.from(lines()));
  });

  app.get('/v1/stats', {
    schema: { tags: ['store'], summary: 'Counts of stored articles, events and threads', response: { 200: { type: 'object', properties: { articles: { type: 'integer' }, events: { type: 'integer' }, threads: { type: 'integer' }, pendingFolds: { type: 'integer', description: 'PostgreSQL: articles stored but not yet folded into the threads' }, failedFolds: { type: 'integer', description: 'PostgreSQL: articles the thread fold threw on, set aside in failed_folds' } } } } },
  }, async () => store.stats());

  app.get('/v1/health', {
    schema: { tags: ['meta'], summary: 'Liveness: answers {ok: true, store}', response: { 200: { type: 'object', properties: { ok: { type: 'boolean' }, store: { type: 'string' } } } } },
  }, async () => ({ ok: true, store: store.kind }));
}
