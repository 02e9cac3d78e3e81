import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parley, tempDir } from './helpers.js';

const dir = tempDir();
const file = (name: string, content: string | Buffer) => { const p = join(dir, name); writeFileSync(p, content); return p; };

/** [case, CLI arguments, expected exit code, what stderr must say]. Each bad input is named and coded. */
const CASES: [string, () => string[], number, RegExp][] = [
  ['an empty file', () => ['read', file('empty.txt', '')], 1, /P100 empty article/],
  ['a whitespace-only file', () => ['read', file('blank.txt', '  \n\t\n')], 1, /P100 empty article/],
  ['a binary file', () => ['read', file('blob.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]))], 1, /P101 binary content/],
  ['text over the size limit', () => ['read', '--jsonl', file('big.jsonl', JSON.stringify({ id: 'big', text: 'a'.repeat(5_000_001) }) + '\n')], 1, /P102 article over the size limit/],
  ['HTML with no article in it', () => ['read', file('nav.html', '<!doctype html><html><head><title>Menu</title></head><body><nav><a href="/">Home</a></nav></body></html>')], 1, /P104 HTML page without an article/],
  ['a malformed feed', () => ['read', file('broken.xml', '<?xml version="1.0"?><rss><channel><item><title>Unclosed')], 1, /P105 malformed feed/],
  ['a missing file', () => ['read', join(dir, 'does-not-exist.txt')], 2, /\[P011\] No such file or folder/],
  ['an unknown flag', () => ['read', '--colour', 'x.txt'], 2, /\[P001\] Unknown option '--colour'.*Valid options: --jsonl/],
  ['an unknown format', () => ['read', '--format', 'xml', 'x.txt'], 2, /\[P010\] Unknown format "xml": use json, jsonl or text/],
  ['an unknown command', () => ['frobnicate'], 2, /\[P001\] Unknown command "frobnicate"/],
  ['a bad --published date', () => ['read', '--published', '2025-13-45', file('ok.txt', 'Ukraine asked for talks.')], 2, /\[P020\]/],
];

for (const [name, args, code, message] of CASES) {
  test(`ingest › bad input is named and coded: ${name}`, () => {
    const r = parley(args());
    assert.equal(r.code, code, r.stderr);
    assert.match(r.stderr, message);
  });
}

test('ingest › invalid UTF-8 is replaced, reported, and the article still read', () => {
  const bytes = Buffer.concat([Buffer.from('Ukraine asked Poland for help '), Buffer.from([0xc3, 0x28]), Buffer.from(' on Monday.')]);
  const r = parley(['read', file('latin.txt', bytes)]);
  assert.equal(r.code, 0, r.stderr);
  const doc = JSON.parse(r.stdout);
  assert.match(doc.article.text, /\uFFFD/);
  assert.equal(doc.diagnostics[0].code, 'P103');
});

test('ingest › a malformed JSONL line is named by its number and the other lines still read', () => {
  const p = file('mixed.jsonl', [
    JSON.stringify({ id: 'a', text: 'Ukraine asked for a meeting.' }),
    '{"id": "b", "text": oops}',
    JSON.stringify({ id: 'c', text: 'Russia denied the report.' }),
    JSON.stringify({ id: 'd' }),
  ].join('\n'));
  const r = parley(['read', '--jsonl', p, '--format', 'jsonl']);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /mixed\.jsonl:2: P106 malformed JSONL line: line 2/);
  assert.match(r.stderr, /P108 missing text/);
  const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
  assert.deepEqual(lines.map((d) => d.article.id), ['a', lines[1].article.id, 'c', 'd']);
  assert.equal(lines[0].diagnostics.length, 0);
  assert.equal(lines[1].diagnostics[0].code, 'P106');
});

test('ingest › a bad article in a folder does not stop the others being stored', () => {
  const folder = tempDir();
  writeFileSync(join(folder, 'a.txt'), 'Poland asked Germany for more air defence systems on Monday.');
  writeFileSync(join(folder, 'b.txt'), '');
  writeFileSync(join(folder, 'c.txt'), 'Turkey offered to host talks between Russia and Ukraine.');
  const db = join(folder, 'store.db');
  const r = parley(['ingest', folder, '--db', db]);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /3 article\(s\).*2 stored, 0 already stored, 1 failed/);
});
