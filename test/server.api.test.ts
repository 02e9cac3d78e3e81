import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildServer, isLoopbackHost, startServer } from '../src/server/index.js';
import { createEngine, type Engine } from '../src/engine.js';
import { openStore, type Store } from '../src/store/index.js';
import { PASTE_TEXT, fixtureDocuments, MOLDOVA_TEXT } from './server.fixtures.js';

let store: Store;
let app: FastifyInstance;
let engine: Engine;

before(async () => {
  engine = createEngine();
  store = await openStore(':memory:');
  await store.ingest(fixtureDocuments());
  app = await buildServer({ store, engine, webRoot: null, apiKey: null, logger: false });
});
after(async () => {
  await app.close();
  await store.close();
});

type Check = (body: any, raw: string) => void;
const total = (n: number): Check => (b) => assert.equal(b.total, n);
const errorCode = (code: string, pattern?: RegExp): Check => (b) => {
  assert.equal(b.error.code, code);
  assert.equal(typeof b.error.message, 'string');
  if (pattern) assert.match(b.error.message, pattern);
};
const lines = (raw: string) => raw.split('\n').filter(Boolean);

// [url, status, check]
const GETS: [string, number, Check][] = [
  ['/v1/events', 200, (b) => { assert.equal(b.total, 4); assert.equal(b.limit, 50); assert.equal(b.offset, 0); }],
  ['/v1/events?type=ASSAULT', 200, (b) => { assert.equal(b.total, 1); assert.equal(b.items[0].evidence.trigger.text, 'shelled'); }],
  ['/v1/events?actor=mda', 200, (b) => { assert.equal(b.total, 1); assert.equal(b.items[0].type, 'REQUEST'); }],
  ['/v1/events?recipient=MDA', 200, (b) => { assert.equal(b.total, 1); assert.equal(b.items[0].type, 'SUPPORT'); }],
  ['/v1/events?country=ROU', 200, total(2)],
  ['/v1/events?factuality=asserted', 200, total(1)],
  ['/v1/events?from=2025-03-12&to=2025-03-31', 200, (b) => { assert.equal(b.total, 1); assert.equal(b.items[0].date, '2025-03-17'); }],
  ['/v1/events?text=Nairobi', 200, (b) => { assert.equal(b.total, 1); assert.equal(b.items[0].articleId, 'fixture-kenya'); }],
  ['/v1/events?article=fixture-moldova', 200, total(3)],
  ['/v1/events?limit=2&offset=1', 200, (b) => { assert.equal(b.items.length, 2); assert.equal(b.total, 4); assert.equal(b.offset, 1); }],
  ['/v1/events?type=FOO', 400, errorCode('validation', /type/)],
  ['/v1/events?actor=UKRAINE', 400, errorCode('validation', /actor/)],
  ['/v1/events?from=2025-13-01', 400, errorCode('validation', /from/)],
  ['/v1/events?limit=0', 400, errorCode('validation', /limit/)],
  ['/v1/events?limit=abc', 400, errorCode('validation', /limit/)],
  ['/v1/events?bogus=1', 400, errorCode('validation', /unknown field "bogus"/)],
  ['/v1/events?from=2025-04-01&to=2025-03-01', 400, errorCode('validation', /after/)],
  ['/v1/articles', 200, (b) => { assert.equal(b.total, 3); assert.ok(!('document' in b.items[0])); }],
  ['/v1/articles?text=embassy', 200, (b) => { assert.equal(b.total, 1); assert.equal(b.items[0].id, 'fixture-script'); }],
  ['/v1/articles/fixture-kenya', 200, (b) => { assert.equal(b.id, 'fixture-kenya'); assert.equal(b.document.events.length, 1); }],
  ['/v1/articles/missing', 404, errorCode('not_found', /missing/)],
  ['/v1/actors', 200, (b) => assert.ok(b.items.some((a: any) => a.country === 'MDA' && a.asActor === 1 && a.asRecipient === 1))],
  ['/v1/actors?limit=2', 200, (b) => assert.equal(b.items.length, 2)],
  ['/v1/threads', 200, (b) => { assert.ok(Array.isArray(b.items)); assert.equal(b.total, b.items.length); assert.equal(b.limit, 100); }],
  ['/v1/threads?limit=1&offset=0', 200, (b) => { assert.ok(b.items.length <= 1); assert.equal(b.limit, 1); assert.equal(b.offset, 0); }],
  ['/v1/threads?limit=0', 400, errorCode('validation')],
  ['/v1/threads?kind=war', 400, errorCode('validation')],
  ['/v1/stats', 200, (b) => assert.deepEqual({ articles: b.articles, events: b.events }, { articles: 3, events: 4 })],
  ['/v1/health', 200, (b) => assert.equal(b.ok, true)],
  ['/v1/aggregates', 200, (b) => {
    assert.equal(b.events, 4);
    assert.ok(b.dyads.some((d: any) => d.source === 'MDA' && d.target === 'ROU' && d.count === 1));
    assert.ok(b.places.some((p: any) => p.name === 'Odesa' && p.types.ASSAULT === 1));
    assert.ok(b.days.some((d: any) => d.date === '2025-04-04' && d.type === 'AGREE'));
    assert.equal(b.names.MDA, 'Moldova');
    assert.equal(b.names.RUS, 'Russian forces');
  }],
  ['/v1/aggregates?type=AGREE', 200, (b) => { assert.equal(b.events, 1); assert.equal(b.dyads.length, 0); }],
  ['/v1/export?format=csv', 200, (_b, raw) => { assert.match(lines(raw)[0], /^key,article_id,date,type/); assert.equal(lines(raw).length, 5); }],
  ['/v1/export?format=csv&type=ASSAULT', 200, (_b, raw) => { assert.equal(lines(raw).length, 2); assert.match(raw, /shelled/); }],
  ['/v1/export?format=jsonl', 200, (_b, raw) => assert.deepEqual(lines(raw).map((l) => JSON.parse(l).key).sort(), ['fixture-kenya:ev1', 'fixture-moldova:ev1', 'fixture-moldova:ev2', 'fixture-moldova:ev3'])],
  ['/v1/export?format=plover&limit=2', 200, (_b, raw) => assert.equal(lines(raw).length, 2)],
  ['/v1/export?format=gdelt', 200, (_b, raw) => { assert.equal(lines(raw).length, 4); assert.ok(lines(raw).every((l) => l.includes('\t'))); }],
  ['/v1/export?format=xml', 400, errorCode('validation', /format/)],
  ['/v1/export', 400, errorCode('validation', /format/)],
  ['/openapi.json', 200, (b) => {
    assert.match(b.openapi, /^3\./);
    for (const p of ['/v1/read', '/v1/articles', '/v1/articles/{id}', '/v1/events', '/v1/threads', '/v1/actors', '/v1/export', '/v1/stats']) assert.ok(b.paths[p], p);
    assert.ok(b.paths['/v1/events'].get.parameters.some((p: any) => p.name === 'factuality'));
  }],
  ['/docs', 200, (_b, raw) => { assert.match(raw, /<h1>Parley API/); assert.match(raw, /\/v1\/events/); }],
  ['/no/such/route', 404, errorCode('not_found')],
];

for (const [url, status, check] of GETS) {
  test(`server › GET ${url} → ${status}`, async () => {
    const res = await app.inject({ url });
    assert.equal(res.statusCode, status, res.body);
    const json = /json/.test(String(res.headers['content-type'])) && !/ndjson/.test(String(res.headers['content-type'])) ? res.json() : null;
    check(json, res.body);
  });
}

test('server › export is a download with the right content type', async () => {
  const res = await app.inject({ url: '/v1/export?format=csv' });
  assert.match(String(res.headers['content-type']), /^text\/csv/);
  assert.match(String(res.headers['content-disposition']), /attachment; filename="parley-events\.csv"/);
});

test('server › every answer carries the security headers', async () => {
  const res = await app.inject({ url: '/v1/stats' });
  assert.equal(res.headers['x-content-type-options'], 'nosniff');
  assert.match(String(res.headers['content-security-policy']), /script-src 'self'/);
});

/** Every span of a document slices the article text exactly. */
function assertSpansSlice(doc: any): void {
  const t: string = doc.article.text;
  const spans = [...doc.entities, ...doc.times, ...doc.places, ...doc.quotes, ...doc.quotes.map((q: any) => q.cue).filter(Boolean),
    ...doc.events.map((e: any) => e.evidence.trigger)];
  for (const s of spans) assert.equal(t.slice(s.start, s.end), s.text);
}

type Post = { payload?: unknown; body?: string; type?: string; url?: string };
// [name, request, status, check]
const READS: [string, Post, number, Check][] = [
  ['JSON text with a publication date', { payload: { text: PASTE_TEXT, published: '2025-02-03', id: 'paste-1' } }, 200, (b) => {
    assert.equal(b.schema, 'parley.document/1');
    assert.deepEqual([b.article.id, b.article.published, b.article.text], ['paste-1', '2025-02-03', PASTE_TEXT]);
    assertSpansSlice(b);
  }],
  ['a raw text/plain body with ?published=', { body: PASTE_TEXT, type: 'text/plain', url: '/v1/read?published=2025-02-03' }, 200, (b) => {
    assert.equal(b.article.published, '2025-02-03');
    assert.equal(b.article.text, PASTE_TEXT);
  }],
  ['an HTML page (Readability picks the article)', {
    payload: { html: `<html><head><title>Border</title><meta property="article:published_time" content="2025-02-03T08:00:00Z"></head><body><nav>Home | World</nav><article><h1>Border</h1><p>${PASTE_TEXT}</p><p>${PASTE_TEXT.replace('Finland', 'Sweden')}</p></article></body></html>` },
  }, 200, (b) => {
    assert.equal(b.article.published, '2025-02-03');
    assert.match(b.article.text, /Finland called on Norway/);
    assert.doesNotMatch(b.article.text, /Home \| World/);
  }],
  ['no content field', { payload: { published: '2025-02-03' } }, 400, errorCode('validation', /needs one of "text", "html" or "url"/)],
  ['an unknown field', { payload: { text: 'Finland spoke.', colour: 'red' } }, 400, errorCode('validation', /unknown field "colour"/)],
  ['text that is not a string', { payload: { text: { words: 'Finland' } } }, 400, errorCode('validation')],
  ['malformed JSON', { body: '{"text": ', type: 'application/json' }, 400, errorCode('validation')],
  ['an unsupported media type', { body: '<a/>', type: 'application/xml' }, 415, errorCode('unsupported_media_type')],
  ['a body over the size limit', { body: JSON.stringify({ text: 'x'.repeat(7 * 1024 * 1024) }), type: 'application/json' }, 413, errorCode('payload_too_large')],
  ['a loopback URL', { payload: { url: 'http://127.0.0.1:9/secret' } }, 400, errorCode('P050', /non-public/)],
  ['a private URL', { payload: { url: 'http://10.1.2.3/' } }, 400, errorCode('P050')],
  ['a link-local metadata URL', { payload: { url: 'http://169.254.169.254/latest/meta-data/' } }, 400, errorCode('P050')],
  ['an IPv6 loopback URL', { payload: { url: 'http://[::1]:9/' } }, 400, errorCode('P050')],
  ['a file: URL', { payload: { url: 'file:///etc/passwd' } }, 400, errorCode('validation', /url/)],
  ['an HTML page without an article', { payload: { html: '<html><body><p>Hi</p></body></html>' } }, 422, errorCode('P104')],
];

for (const [name, req, status, check] of READS) {
  test(`server › POST /v1/read: ${name} → ${status}`, async () => {
    const res = await app.inject({
      method: 'POST', url: req.url ?? '/v1/read',
      ...(req.payload !== undefined ? { payload: req.payload as object } : { payload: req.body, headers: { 'content-type': req.type ?? 'application/json' } }),
    });
    assert.equal(res.statusCode, status, res.body.slice(0, 500));
    check(res.json(), res.body);
  });
}

test('server › POST /v1/threads/rebuild folds every stored article again and lists the same threads', async () => {
  const before = (await app.inject({ url: '/v1/threads' })).json();
  const articles = (await store.stats()).articles;
  const res = await app.inject({ method: 'POST', url: '/v1/threads/rebuild', payload: { batch: 1 } });
  assert.equal(res.statusCode, 200, res.body);
  assert.deepEqual(res.json(), { articles, threads: before.total });
  // The fixtures were stored in one batch, which a fold takes in date order: rebuilt one article
  // at a time, the threads are the same.
  assert.deepEqual((await app.inject({ url: '/v1/threads' })).json(), before);
  const bad = await app.inject({ method: 'POST', url: '/v1/threads/rebuild', payload: { batch: 0 } });
  assert.equal(bad.statusCode, 400);
  assert.equal(bad.json().error.code, 'validation');
});

test('server › POST /v1/articles stores once, then reports the duplicate, and lists what failed', async () => {
  const one = await app.inject({ method: 'POST', url: '/v1/articles', payload: { id: 'paste-a', text: PASTE_TEXT, published: '2025-02-03' } });
  assert.equal(one.statusCode, 200, one.body);
  assert.deepEqual(one.json().stored, ['paste-a']);
  const again = await app.inject({ method: 'POST', url: '/v1/articles', payload: [{ id: 'paste-b', text: PASTE_TEXT }] });
  assert.deepEqual(again.json().duplicates, ['paste-b']);
  const many = await app.inject({
    method: 'POST', url: '/v1/articles',
    payload: { articles: [{ id: 'blank', text: '   \n ' }, { id: 'paste-c', text: PASTE_TEXT.replace('Monday', 'Sunday') }] },
  });
  const body = many.json();
  assert.deepEqual(body.stored, ['paste-c']);
  assert.equal(body.failed.length, 1);
  assert.equal(body.failed[0].index, 0);
  assert.equal(body.failed[0].diagnostics[0].code, 'P100');
  const stored = await app.inject({ url: '/v1/articles/paste-c' });
  assert.equal(stored.json().document.article.text, PASTE_TEXT.replace('Monday', 'Sunday'));
});

test('server › POST /v1/articles refuses an empty list and a private URL is a failed item, not a crash', async () => {
  const empty = await app.inject({ method: 'POST', url: '/v1/articles', payload: [] });
  assert.equal(empty.statusCode, 400);
  const priv = await app.inject({ method: 'POST', url: '/v1/articles', payload: { url: 'http://192.168.1.1/news' } });
  assert.equal(priv.statusCode, 200);
  assert.match(priv.json().failed[0].diagnostics[0].message, /non-public/);
});

test('server › the read of the reference-like fixture keeps its text byte for byte', async () => {
  const res = await app.inject({ method: 'POST', url: '/v1/read', payload: { text: MOLDOVA_TEXT, published: '2025-03-11' } });
  assert.equal(res.json().article.text, MOLDOVA_TEXT);
  assertSpansSlice(res.json());
});

// ---- API key -------------------------------------------------------------------------------

const KEYS: [string, Record<string, string>, number][] = [
  ['no key', {}, 401],
  ['a wrong bearer key', { authorization: 'Bearer nope' }, 401],
  ['a wrong x-api-key', { 'x-api-key': 'nope' }, 401],
  ['the bearer key', { authorization: 'Bearer s3cret-key' }, 200],
  ['the x-api-key header', { 'x-api-key': 's3cret-key' }, 200],
];

for (const [name, headers, status] of KEYS) {
  test(`server › with PARLEY_API_KEY a POST with ${name} → ${status}`, async () => {
    const keyed = await buildServer({ store, engine, webRoot: null, apiKey: 's3cret-key' });
    try {
      const res = await keyed.inject({ method: 'POST', url: '/v1/read', headers, payload: { text: 'Finland thanked Norway.' } });
      assert.equal(res.statusCode, status, res.body);
      if (status === 401) assert.equal(res.json().error.code, 'unauthorized');
      const read = await keyed.inject({ url: '/v1/stats' });
      assert.equal(read.statusCode, 200, 'reads never need the key');
    } finally {
      await keyed.close();
    }
  });
}

// ---- rate limits ---------------------------------------------------------------------------

test('server › rate limits answer 429 with the error shape, writes sooner than reads', async () => {
  const limited = await buildServer({ store, engine, webRoot: null, apiKey: null, rateLimit: { readsPerMinute: 3, writesPerMinute: 1 } });
  try {
    const codes = [];
    for (let i = 0; i < 4; i++) codes.push((await limited.inject({ url: '/v1/stats' })).statusCode);
    assert.deepEqual(codes, [200, 200, 200, 429]);
    const last = await limited.inject({ url: '/v1/stats' });
    assert.equal(last.json().error.code, 'rate_limited');
    const w1 = await limited.inject({ method: 'POST', url: '/v1/read', payload: { text: 'Finland thanked Norway.' } });
    const w2 = await limited.inject({ method: 'POST', url: '/v1/read', payload: { text: 'Finland thanked Norway.' } });
    assert.deepEqual([w1.statusCode, w2.statusCode], [200, 429]);
  } finally {
    await limited.close();
  }
});

test('server › unknown options are refused', async () => {
  await assert.rejects(buildServer({ store, colour: 'red' } as never), /Unknown server option "colour"/);
});

// ---- web root ------------------------------------------------------------------------------

test('server › serves the built UI from its web root, and says how to build it when missing', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'parley-web-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Parley UI</title>');
  const withUi = await buildServer({ store, engine, webRoot: dir, apiKey: null });
  const without = await buildServer({ store, engine, webRoot: join(dir, 'absent'), apiKey: null });
  try {
    const ui = await withUi.inject({ url: '/' });
    assert.equal(ui.statusCode, 200);
    assert.match(ui.body, /<title>Parley UI<\/title>/);
    assert.equal((await withUi.inject({ url: '/v1/stats' })).statusCode, 200);
    const placeholder = await without.inject({ url: '/' });
    assert.match(placeholder.body, /vite build/);
  } finally {
    await withUi.close();
    await without.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

// ---- listening -----------------------------------------------------------------------------

const HOSTS: [string, boolean][] = [
  ['127.0.0.1', true], ['127.1.2.3', true], ['localhost', true], ['::1', true], ['[::1]', true],
  ['0.0.0.0', false], ['::', false], ['192.168.1.10', false], ['example.org', false],
];
for (const [host, loopback] of HOSTS) {
  test(`server › ${host} is ${loopback ? '' : 'not '}loopback`, () => assert.equal(isLoopbackHost(host), loopback));
}

test('server › without an API key it refuses to listen beyond loopback', async () => {
  await assert.rejects(startServer({ store, host: '0.0.0.0', port: 0, apiKey: null, handleSignals: false }), /Refusing to listen on 0\.0\.0\.0 without an API key/);
});

test('server › startServer listens on loopback and closes cleanly', async () => {
  const running = await startServer({ store, engine, host: '127.0.0.1', port: 0, apiKey: null, handleSignals: false, webRoot: null });
  try {
    assert.match(running.url, /^http:\/\/127\.0\.0\.1:\d+$/);
    const res = await fetch(`${running.url}/v1/health`);
    assert.equal(res.status, 200);
  } finally {
    await running.close();
  }
  await running.closed;
});

test('server › parley serve --examples stores the bundled examples, prints its address, and stops gracefully on SIGTERM', { timeout: 60_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'parley-serve-'));
  const db = join(dir, 'serve.db');
  const script = `import('./src/cli/commands/serve.ts').then(async (m) => {
    const io = { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s), colors: null, isTTY: false };
    process.exitCode = await m.serveCommand(['--db', ${JSON.stringify(db)}, '--port', '0', '--quiet', '--examples'], io);
  });`;
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '', err = '';
  child.stdout.on('data', (c) => { out += c; });
  child.stderr.on('data', (c) => { err += c; });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      const t = setTimeout(() => reject(new Error(`no address printed: ${out} ${err}`)), 45_000);
      child.stdout.on('data', () => {
        const m = /at (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
        if (m) { clearTimeout(t); resolve(m[1]); }
      });
    });
    const stats = await (await fetch(`${url}/v1/stats`)).json() as { articles: number; events: number };
    assert.ok(stats.articles > 0, 'the examples are stored');
    assert.match(out, new RegExp(`serving ${stats.articles} article\\(s\\)`));
    assert.match(await (await fetch(`${url}/`)).text(), /<title>|<!doctype html>/i);
    const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
    child.kill('SIGTERM');
    assert.equal(await exited, 0, err);
    assert.match(err, /server stopped/);
    // The store was closed: a fresh connection opens it without a lock or a pending WAL.
    const reopened = await openStore(db);
    assert.ok((await reopened.stats()).articles > 0);
    await reopened.close();
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
});

test('server › event totals follow writes made through another connection (a CLI ingest next to the server)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'parley-two-'));
  const path = join(dir, 'shared.db');
  const served = await openStore(path);
  const other = await openStore(path);
  const shared = await buildServer({ store: served, webRoot: null, apiKey: null });
  try {
    const [moldova, kenya] = fixtureDocuments();
    await served.ingest([moldova]);
    const first = (await shared.inject({ url: '/v1/events?country=ROU' })).json();
    assert.equal(first.total, 2);
    assert.equal((await shared.inject({ url: '/v1/events' })).json().total, 3);
    await other.ingest([kenya]);
    assert.equal((await shared.inject({ url: '/v1/events' })).json().total, 4);
    assert.equal((await shared.inject({ url: '/v1/events?country=KEN' })).json().total, 1);
  } finally {
    await shared.close();
    await served.close();
    await other.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

// ---- fetching by URL (a local site, so private fetches must be allowed explicitly) --------------

test('server › a url is fetched only when private fetches are allowed, with redirects and size capped', async () => {
  const { createServer } = await import('node:http');
  const page = `<html><head><title>Border</title><meta property="article:published_time" content="2025-02-03"></head><body><article><p>${PASTE_TEXT}</p><p>${PASTE_TEXT.replace('Finland', 'Sweden')}</p></article></body></html>`;
  const site = createServer((req, res) => {
    if (req.url === '/article') { res.writeHead(200, { 'content-type': 'text/html' }); res.end(page); return; }
    if (req.url?.startsWith('/loop')) { res.writeHead(302, { location: `/loop${Number(req.url.slice(5) || 0) + 1}` }); res.end(); return; }
    if (req.url === '/huge') { res.writeHead(200, { 'content-type': 'text/plain' }); res.end('x'.repeat(6 * 1024 * 1024)); return; }
    res.writeHead(404); res.end();
  });
  await new Promise<void>((r) => site.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(site.address() as { port: number }).port}`;
  const open = await buildServer({ store, engine, webRoot: null, apiKey: null, allowPrivateFetch: true });
  const closed = await buildServer({ store, engine, webRoot: null, apiKey: null, allowPrivateFetch: false });
  try {
    const ok = await open.inject({ method: 'POST', url: '/v1/read', payload: { url: `${base}/article` } });
    assert.equal(ok.statusCode, 200, ok.body);
    assert.equal(ok.json().article.published, '2025-02-03');
    assert.match(ok.json().article.text, /Finland called on Norway/);
    assert.equal(ok.json().article.url, `${base}/article`);
    const refused = await closed.inject({ method: 'POST', url: '/v1/read', payload: { url: `${base}/article` } });
    assert.equal(refused.statusCode, 400);
    assert.equal(refused.json().error.code, 'P050');
    const loop = await open.inject({ method: 'POST', url: '/v1/read', payload: { url: `${base}/loop` } });
    assert.equal(loop.statusCode, 502);
    assert.match(loop.json().error.message, /Too many redirects/);
    const huge = await open.inject({ method: 'POST', url: '/v1/read', payload: { url: `${base}/huge` } });
    assert.equal(huge.statusCode, 502);
    assert.match(huge.json().error.message, /limit/);
  } finally {
    await open.close();
    await closed.close();
    await new Promise((r) => site.close(r));
  }
});
