import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parley, tempDir, ROOT } from './helpers.js';

const dir = tempDir();
const db = join(dir, 'parley.db');

const isDocument = (d: Record<string, unknown>) => {
  assert.equal(d.schema, 'parley.document/1');
  for (const k of ['entities', 'actors', 'times', 'places', 'quotes', 'events', 'threads', 'diagnostics']) assert.ok(Array.isArray(d[k]), k);
};

test('cli › read prints one valid document for a text file', () => {
  const r = parley(['read', join(ROOT, 'examples', 'prisoner-exchange.txt')]);
  assert.equal(r.code, 0, r.stderr);
  const doc = JSON.parse(r.stdout);
  isDocument(doc);
  assert.equal(doc.article.id, 'prisoner-exchange.txt');
  assert.equal(doc.article.published, null);
});

test('cli › read takes the date and title from an HTML page', () => {
  const doc = JSON.parse(parley(['read', join(ROOT, 'examples', '2025-10-14-kyiv-asks-for-meeting.html')]).stdout);
  assert.equal(doc.article.published, '2025-10-14');
  assert.equal(doc.article.source, 'Harbour Times');
  assert.match(doc.article.title, /Kyiv asks Washington/);
  assert.ok(!doc.article.text.includes('Home'), 'navigation is not article text');
});

test('cli › read of a feed gives one document per item', () => {
  const r = parley(['read', join(ROOT, 'examples', 'ceasefire-feed.xml'), '--format', 'jsonl']);
  const docs = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
  assert.deepEqual(docs.map((d) => d.article.id), ['gulf-desk-1001', 'gulf-desk-1002']);
  assert.equal(docs[1].article.published, '2025-10-07');
});

test('cli › read from stdin, with --published overriding the date', () => {
  const r = parley(['read', '-', '--published', '2025-10-14'], { input: 'Ukraine has asked Washington for a meeting this week.' });
  const doc = JSON.parse(r.stdout);
  assert.equal(doc.article.published, '2025-10-14');
});

test('cli › read --jsonl keeps input order and echoes ids', () => {
  const p = join(dir, 'in.jsonl');
  const ids = ['z9', '3', 'a1', 'm-4'];
  writeFileSync(p, ids.map((id, i) => JSON.stringify({ id, text: `Sentence number ${i} about talks in Geneva.`, gold: { ignored: true } })).join('\n') + '\n');
  const r = parley(['read', '--jsonl', p, '--format', 'jsonl']);
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(r.stdout.trim().split('\n').map((l) => JSON.parse(l).article.id), ids);
});

test('cli › read --jsonl --workers 2 writes what a read in one thread writes, line for line', () => {
  const p = join(dir, 'in-workers.jsonl');
  const texts = [
    'Armenia asked Azerbaijan for talks between foreign ministers on Monday, officials in Yerevan said.',
    'Norway pledged humanitarian aid to Sudan on Friday. Deliveries have been held up at the border.',
    '"We will not accept these terms," the Ukrainian foreign minister told reporters in Kyiv.',
  ];
  writeFileSync(p, texts.map((text, i) => JSON.stringify({ id: `w${i}`, text, published: '2025-10-14' })).join('\n') + '\n');
  const one = parley(['read', '--jsonl', p, '--format', 'jsonl', '--workers', '1']);
  const two = parley(['read', '--jsonl', p, '--format', 'jsonl', '--workers', '2']);
  assert.equal(one.code, 0, one.stderr);
  assert.equal(two.code, 0, two.stderr);
  assert.equal(two.stdout, one.stdout);
  assert.equal(one.stdout.trim().split('\n').length, texts.length);
});

test('cli › every offset in a read document points at its text', () => {
  const doc = JSON.parse(parley(['read', join(ROOT, 'examples', '2025-10-14-kyiv-asks-for-meeting.html')]).stdout);
  const text: string = doc.article.text;
  const spans: { text?: string; start: number; end: number }[] = [
    ...doc.entities, ...doc.times, ...doc.places, ...doc.quotes,
    ...doc.quotes.flatMap((q: { cue: unknown; speaker: unknown }) => [q.cue, q.speaker].filter(Boolean)),
    ...doc.events.map((e: { evidence: { trigger: unknown } }) => e.evidence.trigger),
  ];
  for (const s of spans) if (typeof s.text === 'string') assert.equal(text.slice(s.start, s.end), s.text);
});

test('cli › read --format text is a readable summary without colour off a terminal', () => {
  const r = parley(['read', join(ROOT, 'examples', '2025-10-14-kyiv-asks-for-meeting.html'), '--format', 'text']);
  assert.equal(r.code, 0);
  assert.match(r.stdout, /Kyiv asks Washington/);
  assert.doesNotMatch(r.stdout, /\x1b\[/);
});

test('cli › ingest stores the examples, and a second ingest stores nothing new', () => {
  const first = parley(['ingest', join(ROOT, 'examples'), '--db', db]);
  assert.equal(first.code, 0, first.stderr);
  const stored = Number(/(\d+) stored/.exec(first.stderr)?.[1]);
  assert.ok(stored >= 10, first.stderr);
  const second = parley(['ingest', join(ROOT, 'examples'), '--db', db]);
  assert.match(second.stderr, new RegExp(`0 stored, ${stored} already stored`));
});

test('cli › events lists what was stored, with filters', () => {
  const all = parley(['events', '--db', db, '--format', 'json', '--limit', '1000']);
  assert.equal(all.code, 0, all.stderr);
  const page = JSON.parse(all.stdout);
  assert.equal(page.items.length, page.total);
  const types = new Set(page.items.map((e: { type: string }) => e.type));
  for (const type of types) {
    const one = JSON.parse(parley(['events', '--db', db, '--format', 'json', '--type', type as string]).stdout);
    assert.ok(one.items.every((e: { type: string }) => e.type === type));
  }
  const none = JSON.parse(parley(['events', '--db', db, '--format', 'json', '--from', '2031-01-01']).stdout);
  assert.equal(none.total, 0);
});

test('cli › export writes csv, gdelt, plover and jsonl', () => {
  const total = JSON.parse(parley(['events', '--db', db, '--format', 'json']).stdout).total;
  const csv = parley(['export', '--db', db, '--format', 'csv']).stdout.trim().split('\n');
  assert.match(csv[0], /^key,article_id,date,type,mode,cameo,quad,goldstein/);
  assert.equal(csv.length, total + 1);
  const gdelt = parley(['export', '--db', db, '--format', 'gdelt']).stdout.split('\n').filter(Boolean);
  assert.equal(gdelt.length, total);
  for (const row of gdelt) assert.equal(row.split('\t').length, 61);
  const out = join(dir, 'events.plover.jsonl');
  parley(['export', '--db', db, '--format', 'plover', '--out', out]);
  const plover = readFileSync(out, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l));
  assert.equal(plover.length, total);
  for (const p of plover) assert.ok(p.event && 'mode' in p && Array.isArray(p.actor));
});

test('cli › export without --format names the choices', () => {
  const r = parley(['export', '--db', db]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /\[P002\].*jsonl, csv, gdelt, plover/);
});

test('cli › threads prints JSON', () => {
  const r = parley(['threads', '--db', db, '--format', 'json']);
  assert.equal(r.code, 0, r.stderr);
  assert.ok(Array.isArray(JSON.parse(r.stdout)));
});

test('cli › threads --rebuild folds every stored article again, and a second rebuild lists the same threads', () => {
  const first = parley(['threads', '--db', db, '--format', 'json', '--rebuild', '--batch', '1']);
  assert.equal(first.code, 0, first.stderr);
  const [, threads, articles] = /rebuilt (\d+) thread\(s\) from (\d+) article\(s\)/.exec(first.stderr) ?? [];
  assert.equal(Number(threads), JSON.parse(first.stdout).length);
  assert.ok(Number(threads) > 0 && Number(articles) >= 10, first.stderr);
  // The threads depend only on the articles and their dates, not on what the store held before.
  const second = parley(['threads', '--db', db, '--format', 'json', '--rebuild', '--batch', '1']);
  assert.deepEqual(JSON.parse(second.stdout), JSON.parse(first.stdout));
});

test('cli › threads --batch must be a whole number', () => {
  const r = parley(['threads', '--db', db, '--rebuild', '--batch', 'lots']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /\[P003\] --batch must be a whole number/);
});

test('cli › resolve prints JSON (or null)', () => {
  const r = parley(['resolve', 'Nobody Inparticular', '--date', '2025-10-14']);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(JSON.parse(r.stdout), null);
});
