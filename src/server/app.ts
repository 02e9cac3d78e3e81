import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { timingSafeEqual, createHash } from 'node:crypto';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import { ParleyError } from '../document/errors.js';
import { createEngine, type Engine } from '../engine.js';
import { packageRoot } from '../data.js';
import { fetchDefaults } from '../ingest/index.js';
import { openStore, type Store } from '../store/index.js';
import { HttpError, sendError } from './errors.js';
import { registerApiRoutes } from './routes.js';
import { articleInputSchema, articlesBodySchema, errorSchema } from './schemas.js';
import { docsPage } from './docs.js';
import type { FetchPolicy } from './articles.js';

export interface ServerOptions {
  /** An open store; the caller keeps ownership and closes it. */
  store?: Store;
  /** Or a SQLite path / postgres:// URL the server opens, and closes when it closes. */
  db?: string;
  /** A built engine; by default one is built on the first read (so a read-only server starts fast). */
  engine?: Engine;
  /** Required on every POST as `Authorization: Bearer …` or `x-api-key`. Default: PARLEY_API_KEY. */
  apiKey?: string | null;
  /** Let URL fetches reach loopback/private/link-local addresses. Default: PARLEY_ALLOW_PRIVATE_FETCH=1. */
  allowPrivateFetch?: boolean;
  /** Fastify's logger: false (silent), true (pino JSON at info) or pino options. */
  logger?: FastifyServerOptions['logger'];
  /** Per client IP and minute; false turns rate limiting off. */
  rateLimit?: false | { readsPerMinute?: number; writesPerMinute?: number };
  /** Largest accepted request body, in bytes. */
  bodyLimit?: number;
  /** The built web UI (dist/web); null serves none. Default: found next to the package. */
  webRoot?: string | null;
}

export const defaults = Object.freeze({
  bodyLimit: 6 * 1024 * 1024,
  readsPerMinute: 3000,
  writesPerMinute: 120,
  fetch: { maxBytes: fetchDefaults.maxBytes, timeoutMs: fetchDefaults.timeoutMs, maxRedirects: fetchDefaults.maxRedirects },
});

const OPTION_KEYS = new Set(['store', 'db', 'engine', 'apiKey', 'allowPrivateFetch', 'logger', 'rateLimit', 'bodyLimit', 'webRoot']);

export const defaultWebRoot = (): string => join(packageRoot(), 'dist', 'web');
export const examplesFolder = (): string => join(packageRoot(), 'examples');

const digest = (s: string) => createHash('sha256').update(s).digest();
/** Compares keys in constant time (hashing first makes the lengths equal). */
const sameKey = (a: string, b: string) => timingSafeEqual(digest(a), digest(b));

function presentedKey(headers: Record<string, string | string[] | undefined>): string | null {
  const auth = headers.authorization;
  if (typeof auth === 'string') {
    const m = /^Bearer\s+(.+)$/i.exec(auth.trim());
    if (m) return m[1];
  }
  const x = headers['x-api-key'];
  return typeof x === 'string' && x ? x : null;
}

const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  // Scripts only from this origin: even if article text ever reached the DOM as markup, an inline
  // script could not run. Styles allow inline attributes, which the SVG charts use.
  'content-security-policy': "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'",
};

/**
 * Builds the Parley HTTP app (not listening): the /v1 API, /openapi.json, /docs and the web UI.
 * Test it in-process with `app.inject(...)`; `startServer` makes it listen.
 */
export async function buildServer(options: ServerOptions = {}): Promise<FastifyInstance> {
  for (const k of Object.keys(options)) {
    if (!OPTION_KEYS.has(k)) throw new ParleyError('P003', `Unknown server option "${k}": use ${[...OPTION_KEYS].join(', ')}`);
  }
  const apiKey = options.apiKey !== undefined ? options.apiKey : (process.env.PARLEY_API_KEY || null);
  const policy: FetchPolicy = {
    ...defaults.fetch,
    allowPrivate: options.allowPrivateFetch ?? process.env.PARLEY_ALLOW_PRIVATE_FETCH === '1',
  };
  const ownsStore = !options.store;
  const store = options.store ?? await openStore(options.db);
  let engine = options.engine;
  const getEngine = () => (engine ??= createEngine());

  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: options.bodyLimit ?? defaults.bodyLimit,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: true, useDefaults: true, allErrors: false } },
  });
  // Response schemas document the API; plain JSON.stringify serialises (documents carry open-ended fields).
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));
  app.setErrorHandler((err, request, reply) => sendError(err, request, reply));
  app.setNotFoundHandler((request, reply) => sendError(new HttpError(404, 'not_found', `No route ${request.method} ${request.url.split('?')[0]}`), request, reply));
  // Raw bodies for POST /v1/read: text/plain is built in; HTML arrives as a string too.
  app.addContentTypeParser('text/html', { parseAs: 'string' }, (_req, body, done) => done(null, body));

  app.addHook('onSend', async (_request, reply, payload) => {
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) if (!reply.hasHeader(k)) reply.header(k, v);
    return payload;
  });

  // Writes (every POST) need the API key when one is configured.
  app.addHook('onRequest', async (request) => {
    if (request.method !== 'POST' || !apiKey) return;
    const key = presentedKey(request.headers);
    if (!key || !sameKey(key, apiKey)) {
      throw new HttpError(401, 'unauthorized', 'This server needs an API key for writes: send it as "Authorization: Bearer <key>" or "x-api-key: <key>"');
    }
  });

  if (options.rateLimit !== false) {
    await app.register(rateLimit, {
      global: true,
      max: options.rateLimit?.readsPerMinute ?? defaults.readsPerMinute,
      timeWindow: 60_000,
      errorResponseBuilder: (_req, ctx) => ({ statusCode: 429, error: { code: 'rate_limited', message: `Too many requests: at most ${ctx.max} a minute, try again in ${ctx.after}` } }),
    });
  }
  const writeLimit = options.rateLimit === false ? undefined
    : { max: options.rateLimit?.writesPerMinute ?? defaults.writesPerMinute, timeWindow: 60_000 };

  app.addSchema(errorSchema);
  app.addSchema(articleInputSchema);
  app.addSchema(articlesBodySchema);

  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Parley API',
        version: '0.1.0',
        description: 'Reads English news about diplomacy and conflict into evidence-linked PLOVER/CAMEO events (parley.document/1) and follows diplomatic initiatives across articles.',
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer', description: 'PARLEY_API_KEY, required on POST when the server has one' },
          apiKeyHeader: { type: 'apiKey', in: 'header', name: 'x-api-key' },
        },
      },
      tags: [
        { name: 'read', description: 'Read one article without storing it' },
        { name: 'store', description: 'Ingest and query the store' },
        { name: 'meta', description: 'The API itself' },
      ],
    },
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => String(json.$id ?? `def-${i}`) },
  });

  registerApiRoutes(app, { store, engine: getEngine, policy, writeLimit });

  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  app.get('/docs', { schema: { hide: true } }, async (_request, reply) => reply.type('text/html; charset=utf-8').send(docsPage(app.swagger() as unknown as Record<string, unknown>)));

  const webRoot = options.webRoot === undefined ? defaultWebRoot() : options.webRoot;
  if (webRoot && existsSync(join(webRoot, 'index.html'))) {
    await app.register(fastifyStatic, {
      root: webRoot,
      prefix: '/',
      index: ['index.html'],
      setHeaders: (res, path) => {
        // Vite fingerprints asset names, so they can be cached for good; index.html must not be.
        res.header('cache-control', /[\\/]assets[\\/]/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  } else {
    app.get('/', { schema: { hide: true } }, async (_request, reply) => reply.type('text/html; charset=utf-8').send(
      '<!doctype html><meta charset="utf-8"><title>Parley</title><body style="font:16px system-ui;margin:3rem">'
      + '<h1>Parley API</h1><p>The web UI is not built. Build it with <code>npx vite build --config web/vite.config.ts</code>, '
      + 'then restart. The API is at <a href="/docs">/docs</a>.</p>',
    ));
  }

  app.addHook('onClose', async () => {
    if (ownsStore) await store.close();
  });
  return app;
}
