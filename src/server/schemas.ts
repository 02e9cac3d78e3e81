import { FACTUALITIES, PLOVER_TYPES, THREAD_KINDS } from '../document/types.js';
import { EXPORT_FORMATS } from '../store/export.js';

/**
 * JSON schemas for the HTTP API. Fastify validates requests against them (ajv) and serialises
 * responses with them; @fastify/swagger turns the same objects into /openapi.json, so the
 * documentation can never drift from what the server accepts.
 */

const countryCode = { type: 'string', pattern: '^[A-Za-z]{3}$', description: 'ISO 3166-1 alpha-3 or a class code (IGO, NGO, IMG)' } as const;
const isoDay = { type: 'string', format: 'date', description: 'YYYY-MM-DD' } as const;

export const errorSchema = {
  $id: 'Error',
  type: 'object',
  description: 'Every 4xx/5xx answer has this shape.',
  properties: {
    error: {
      type: 'object',
      properties: {
        code: { type: 'string', description: 'A stable code: validation, unauthorized, not_found, payload_too_large, rate_limited, P0xx (Parley errors), internal' },
        message: { type: 'string' },
      },
      required: ['code', 'message'],
    },
  },
  required: ['error'],
} as const;

/** One article to read or ingest: exactly one of text, html or url carries the content. */
export const articleInputSchema = {
  $id: 'ArticleInput',
  type: 'object',
  additionalProperties: false,
  properties: {
    id: { type: 'string', minLength: 1, maxLength: 300 },
    text: { type: 'string', minLength: 1, description: 'Plain article text' },
    html: { type: 'string', minLength: 1, description: 'An HTML page; the article is extracted with Readability' },
    url: { type: 'string', format: 'uri', pattern: '^https?://', maxLength: 2000, description: 'A public http(s) URL to fetch; with text or html it is only recorded as the article URL' },
    published: { type: 'string', maxLength: 64, description: 'Publication date (YYYY-MM-DD or an ISO datetime); relative times are resolved against it' },
    title: { type: 'string', maxLength: 1000 },
    source: { type: 'string', maxLength: 300 },
  },
  anyOf: [{ required: ['text'] }, { required: ['html'] }, { required: ['url'] }],
} as const;

export const articlesBodySchema = {
  $id: 'ArticlesBody',
  description: 'One article, an array of articles, or {articles: [...]}.',
  anyOf: [
    { $ref: 'ArticleInput#' },
    { type: 'array', minItems: 1, maxItems: 1000, items: { $ref: 'ArticleInput#' } },
    {
      type: 'object', additionalProperties: false, required: ['articles'],
      properties: { articles: { type: 'array', minItems: 1, maxItems: 1000, items: { $ref: 'ArticleInput#' } } },
    },
  ],
} as const;

export const ingestResultSchema = {
  type: 'object',
  properties: {
    stored: { type: 'array', items: { type: 'string' }, description: 'Ids of the articles stored by this call' },
    duplicates: { type: 'array', items: { type: 'string' }, description: 'Ids skipped: the same text is already stored' },
    foldError: { type: 'string', description: 'PostgreSQL: the articles are stored, but folding their threads failed; they stay pending for the next fold' },
    failed: {
      type: 'array',
      description: 'Inputs that could not be read (empty, binary, unreachable URL…), by position in the request',
      items: {
        type: 'object',
        properties: { index: { type: 'integer' }, id: { type: ['string', 'null'] }, diagnostics: { type: 'array', items: { type: 'object', additionalProperties: true } } },
      },
    },
    events: { type: 'integer' },
  },
} as const;

export const eventsQuerySchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    actor: { ...countryCode, description: 'Country or class code on the actor side' },
    recipient: { ...countryCode, description: 'Country or class code on the recipient side' },
    country: { ...countryCode, description: 'Either side' },
    type: { type: 'string', enum: [...PLOVER_TYPES], description: 'PLOVER event type' },
    factuality: { type: 'string', enum: [...FACTUALITIES] },
    from: { ...isoDay, description: 'First event day (inclusive)' },
    to: { ...isoDay, description: 'Last event day (inclusive)' },
    text: { type: 'string', minLength: 1, maxLength: 500, description: 'Full-text search in the article text' },
    article: { type: 'string', minLength: 1, maxLength: 300, description: 'One article id' },
    limit: { type: 'integer', minimum: 1, maximum: 1000, default: 50 },
    offset: { type: 'integer', minimum: 0, maximum: 10_000_000, default: 0 },
  },
} as const;

/** The event filters without paging, for aggregates. */
export const aggregatesQuerySchema = {
  type: 'object',
  additionalProperties: false,
  properties: Object.fromEntries(Object.entries(eventsQuerySchema.properties).filter(([k]) => k !== 'limit' && k !== 'offset')),
};

export const exportQuerySchema = {
  type: 'object',
  additionalProperties: false,
  required: ['format'],
  properties: {
    ...eventsQuerySchema.properties,
    format: { type: 'string', enum: [...EXPORT_FORMATS] },
    limit: { type: 'integer', minimum: 1, maximum: 10_000_000, description: 'At most this many events (default: all that match)' },
  },
} as const;

export const articlesQuerySchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    text: { type: 'string', minLength: 1, maxLength: 500, description: 'Full-text search' },
    limit: { type: 'integer', minimum: 1, maximum: 1000, default: 50 },
    offset: { type: 'integer', minimum: 0, maximum: 10_000_000, default: 0 },
  },
} as const;

export const readQuerySchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    published: { type: 'string', maxLength: 64, description: 'Publication date, for raw text/plain or text/html bodies' },
    id: { type: 'string', minLength: 1, maxLength: 300 },
  },
} as const;

export const idParamSchema = {
  type: 'object',
  properties: { id: { type: 'string', minLength: 1, maxLength: 300 } },
  required: ['id'],
} as const;

export const actorsQuerySchema = {
  type: 'object',
  additionalProperties: false,
  properties: { limit: { type: 'integer', minimum: 1, maximum: 5000, default: 500 } },
} as const;

export const threadsQuerySchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    kind: { type: 'string', enum: [...THREAD_KINDS] },
    country: { ...countryCode, description: 'Threads with this participant' },
    limit: { type: 'integer', minimum: 1, maximum: 1000, default: 100, description: 'Threads a page, the most recently updated first' },
    offset: { type: 'integer', minimum: 0, default: 0 },
  },
} as const;

/** Loose schemas for the documented shapes; `additionalProperties` keeps new contract fields. */
const open = (description: string) => ({ type: 'object', additionalProperties: true, description });

export const documentSchema = open('A parley.document/1 object (see DESIGN.md): article, entities, actors, times, places, quotes, events, threads, diagnostics');

export const pageSchema = (itemDescription: string) => ({
  type: 'object',
  properties: {
    items: { type: 'array', items: open(itemDescription) },
    total: { type: 'integer' },
    limit: { type: 'integer' },
    offset: { type: 'integer' },
  },
});
