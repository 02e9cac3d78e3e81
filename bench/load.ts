/**
 * Loopback load test of the HTTP API: GET /v1/events on a store of 100,000 events.
 *
 * It benchmarks the API and the store, not the extractor: the documents are synthesised with
 * their events already in place and stored through `store.ingest`, like any ingest. The server
 * runs in a child process (so the load generator does not share its event loop), with the real
 * configuration: rate-limit plugin on (with a ceiling the test cannot reach), logging off.
 *
 *   npx tsx bench/load.ts [--events 100000] [--duration 10] [--connections 10] [--workers N] [--fresh]
 *
 * Prints requests/s and latency percentiles and saves them to bench/results/load.json.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { contentHash } from '../src/ingest/index.js';
import type { Event, ParleyDocument, PloverType } from '../src/document/types.js';
import { openStore } from '../src/store/index.js';
import { startServer } from '../src/server/index.js';
import { prng } from './corpus.js';

const defaults = Object.freeze({ events: 100_000, eventsPerArticle: 10, duration: 10, connections: 10, workers: 2, db: join('.tmp', 'bench-load.db') });

const { values } = parseArgs({
  options: {
    events: { type: 'string' }, duration: { type: 'string' }, connections: { type: 'string' }, db: { type: 'string' },
    fresh: { type: 'boolean' }, serve: { type: 'boolean' }, port: { type: 'string' }, workers: { type: 'string' },
  },
});
const DB = values.db ?? defaults.db;

// ---- the server side (child process) --------------------------------------------------------

if (values.serve) {
  const store = await openStore(DB);
  const running = await startServer({
    store, host: '127.0.0.1', port: Number(values.port ?? 0), apiKey: null, logger: false, webRoot: null,
    rateLimit: { readsPerMinute: 1_000_000_000, writesPerMinute: 1_000_000_000 },
  });
  process.stdout.write(`LISTENING ${running.url}\n`);
  await running.closed;
  await store.close();
  process.exit(0);
}

// ---- synthetic store ------------------------------------------------------------------------


const COUNTRIES: [string, string][] = [
  ['UKR', 'Ukraine'], ['RUS', 'Russia'], ['USA', 'the United States'], ['FRA', 'France'], ['DEU', 'Germany'], ['GBR', 'Britain'],
  ['POL', 'Poland'], ['TUR', 'Turkey'], ['CHN', 'China'], ['IND', 'India'], ['ISR', 'Israel'], ['IRN', 'Iran'], ['EGY', 'Egypt'],
  ['QAT', 'Qatar'], ['SAU', 'Saudi Arabia'], ['KEN', 'Kenya'], ['ETH', 'Ethiopia'], ['SDN', 'Sudan'], ['BRA', 'Brazil'], ['JPN', 'Japan'],
  ['KOR', 'South Korea'], ['PRK', 'North Korea'], ['MDA', 'Moldova'], ['ROU', 'Romania'], ['HUN', 'Hungary'], ['SRB', 'Serbia'],
  ['ARM', 'Armenia'], ['AZE', 'Azerbaijan'], ['PAK', 'Pakistan'], ['AFG', 'Afghanistan'],
];
// [type, cameo, quad, verb]
const ACTIONS: [PloverType, string, number, string][] = [
  ['AGREE', '057', 1, 'signed an agreement with'], ['CONSULT', '040', 1, 'held talks with'], ['SUPPORT', '051', 1, 'praised'],
  ['CONCEDE', '080', 2, 'yielded to'], ['COOPERATE', '060', 2, 'agreed to cooperate with'], ['AID', '070', 2, 'sent aid to'],
  ['RETREAT', '087', 2, 'pulled troops back from'], ['REQUEST', '026', 1, 'called for a meeting with'], ['ACCUSE', '112', 3, 'accused'],
  ['REJECT', '120', 3, 'rejected the proposal of'], ['THREATEN', '130', 3, 'threatened'], ['PROTEST', '140', 3, 'protested against'],
  ['SANCTION', '163', 4, 'imposed sanctions on'], ['MOBILIZE', '150', 4, 'massed troops near'], ['COERCE', '170', 4, 'detained citizens of'],
  ['ASSAULT', '190', 4, 'attacked'],
];
const FACTUALITY = ['asserted', 'reported', 'reported', 'asserted', 'negated', 'hypothetical', 'planned', 'unconfirmed'] as const;
const PLACES: [string, string, number, number][] = [['Kyiv', 'UKR', 50.45, 30.52], ['Geneva', 'CHE', 46.2, 6.15], ['Doha', 'QAT', 25.29, 51.53], ['Istanbul', 'TUR', 41.01, 28.98]];

function day(r: () => number): string {
  return new Date(Date.UTC(2024, 0, 1) + Math.floor(r() * 730) * 86_400_000).toISOString().slice(0, 10);
}

/** One synthetic article with `n` events, every offset exact. */
function syntheticDocument(i: number, n: number, r: () => number): ParleyDocument {
  const events: Event[] = [];
  const places: ParleyDocument['places'] = [];
  let text = `Wire report ${i}. `;
  for (let k = 0; k < n; k++) {
    const [ac, an] = COUNTRIES[Math.floor(r() * COUNTRIES.length)];
    let [rc, rn] = COUNTRIES[Math.floor(r() * COUNTRIES.length)];
    if (rc === ac) [rc, rn] = COUNTRIES[(COUNTRIES.findIndex((c) => c[0] === ac) + 1) % COUNTRIES.length];
    const [type, cameo, quad, verb] = ACTIONS[Math.floor(r() * ACTIONS.length)];
    const start = text.length;
    const subject = an[0].toUpperCase() + an.slice(1);
    const sentence = `${subject} ${verb} ${rn} on the ${k + 1}th day of the dispute, officials said.`;
    text += sentence + ' ';
    const triggerStart = start + subject.length + 1;
    let place: string | null = null;
    if (r() < 0.3) {
      const [name, country, lat, lon] = PLACES[Math.floor(r() * PLACES.length)];
      place = `p${places.length + 1}`;
      places.push({ id: place, text: subject, start, end: start + subject.length, name, country, lat, lon, geonameid: null });
    }
    events.push({
      id: `ev${k + 1}`, type, mode: null, cameo, quad,
      actor: [{ name: an, country: ac, sector: 'GOV', ref: null }], recipient: [{ name: rn, country: rc, sector: 'GOV', ref: null }],
      factuality: FACTUALITY[Math.floor(r() * FACTUALITY.length)], attribution: null, time: null, place,
      evidence: { sentence: k + 1, start, end: start + sentence.length, trigger: { text: verb, start: triggerStart, end: triggerStart + verb.length } },
      rule: `bench.${type.toLowerCase()}`,
    });
  }
  text = text.trimEnd();
  return {
    schema: 'parley.document/1',
    article: { id: `bench-${i}`, published: day(r), title: `Wire report ${i}`, url: `https://example.org/wire/${i}`, source: 'Bench Wire', text, hash: contentHash(text) },
    entities: [], actors: [], times: [], places, quotes: [], events, threads: [], diagnostics: [],
  };
}

async function buildStore(total: number): Promise<{ articles: number; events: number; seconds: number }> {
  mkdirSync(join(DB, '..'), { recursive: true });
  if (values.fresh) for (const suffix of ['', '-wal', '-shm']) rmSync(DB + suffix, { force: true });
  const store = await openStore(DB);
  try {
    const have = await store.stats();
    if (have.events >= total) return { articles: have.articles, events: have.events, seconds: 0 };
    const started = performance.now();
    const r = prng(42);
    const per = defaults.eventsPerArticle;
    const articles = Math.ceil(total / per);
    for (let i = have.articles; i < articles; i += 500) {
      const batch: ParleyDocument[] = [];
      for (let j = i; j < Math.min(articles, i + 500); j++) batch.push(syntheticDocument(j, per, r));
      await store.ingest(batch);
      process.stderr.write(`\rstore: ${Math.min(articles, i + 500) * per} events`);
    }
    process.stderr.write('\n');
    const s = await store.stats();
    return { articles: s.articles, events: s.events, seconds: (performance.now() - started) / 1000 };
  } finally {
    await store.close();
  }
}

// ---- the load ---------------------------------------------------------------------------------

/** A realistic mix of event queries: the first page, filters the UI offers, deeper pages. */
const QUERIES = [
  '/v1/events',
  '/v1/events?type=ASSAULT',
  '/v1/events?country=UKR',
  '/v1/events?actor=RUS&type=ASSAULT',
  '/v1/events?recipient=USA&factuality=reported',
  '/v1/events?from=2025-03-01&to=2025-03-31',
  '/v1/events?offset=500',
  '/v1/events?type=REQUEST&from=2024-06-01&to=2024-12-31',
];

function startChild(): Promise<{ url: string; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/load.ts', '--serve', '--db', DB], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
    child.stdout.on('data', (c) => {
      out += c;
      const m = /LISTENING (\S+)/.exec(out);
      if (m) resolve({ url: m[1], stop: () => new Promise((r) => { child.removeAllListeners('exit'); child.on('exit', () => r()); child.kill('SIGTERM'); }) });
    });
  });
}

async function main(): Promise<void> {
  const total = Number(values.events ?? defaults.events);
  const duration = Number(values.duration ?? defaults.duration);
  const connections = Number(values.connections ?? defaults.connections);
  // Load-generator threads (autocannon workers), so a CPU-starved client is not what gets measured; 0 runs it on this thread.
  const workers = Number(values.workers ?? defaults.workers) || undefined;
  const built = await buildStore(total);
  if (built.seconds) process.stderr.write(`built ${built.events} events in ${built.articles} articles in ${built.seconds.toFixed(1)} s\n`);

  const server = await startChild();
  try {
    // Sanity check: every query answers 200 with a full page before we time anything.
    for (const q of QUERIES) {
      const res = await fetch(server.url + q);
      if (res.status !== 200) throw new Error(`${q} answered ${res.status}: ${await res.text()}`);
      const page = await res.json() as { items: unknown[]; total: number };
      process.stderr.write(`  ${q} → ${page.total} match(es), ${page.items.length} on the page\n`);
    }
    // A short warm-up so the first JIT and SQLite page-cache costs are not in the figures.
    await autocannon({ url: server.url, connections, duration: 2, requests: QUERIES.map((path) => ({ method: 'GET', path })) });
    const result = await autocannon({ url: server.url, connections, duration, workers, requests: QUERIES.map((path) => ({ method: 'GET', path })) });
    const figures = {
      date: new Date().toISOString(),
      machine: { cpus: cpus().length, model: cpus()[0]?.model ?? '', memoryGB: Math.round(totalmem() / 2 ** 30), node: process.version },
      store: { kind: 'sqlite', articles: built.articles, events: built.events },
      load: { endpoint: 'GET /v1/events (8-query mix, 50 events a page)', connections, workers: workers ?? 0, durationSeconds: duration },
      requestsPerSecond: Math.round(result.requests.average),
      latencyMs: { p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, max: result.latency.max },
      requests: result.requests.total, non2xx: result.non2xx, errors: result.errors, timeouts: result.timeouts,
      throughputMBps: +(result.throughput.average / 2 ** 20).toFixed(1),
      target: { requestsPerSecond: 2000, p99Ms: 50 },
    };
    const pass = figures.requestsPerSecond >= 2000 && figures.latencyMs.p99 < 50 && !result.non2xx && !result.errors;
    mkdirSync(join('bench', 'results'), { recursive: true });
    writeFileSync(join('bench', 'results', 'load.json'), JSON.stringify({ ...figures, pass }, null, 2) + '\n');
    process.stdout.write(`GET /v1/events on ${figures.store.events.toLocaleString('en')} events (${figures.store.articles.toLocaleString('en')} articles), `
      + `${connections} connections, ${duration} s, ${figures.machine.cpus} × ${figures.machine.model}:\n`
      + `  ${figures.requestsPerSecond.toLocaleString('en')} requests/s · p50 ${figures.latencyMs.p50} ms · p90 ${figures.latencyMs.p90} ms · p99 ${figures.latencyMs.p99} ms · max ${figures.latencyMs.max} ms`
      + ` · ${figures.throughputMBps} MB/s · non-2xx ${result.non2xx} · errors ${result.errors}\n`
      + `  target ≥ 2,000 requests/s with p99 < 50 ms: ${pass ? 'met' : 'NOT met'}\n`);
    process.exitCode = pass ? 0 : 1;
  } finally {
    await server.stop();
  }
}

if (existsSync(join(process.cwd(), 'bench', 'load.ts'))) await main();
else throw new Error('run from the repository root: npx tsx bench/load.ts');
