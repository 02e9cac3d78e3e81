/**
 * Output fingerprint: reads a fixed set of texts and prints one hash of everything `read` emits,
 * so that a speed or memory change can be shown to change no output at all. Run it before and
 * after a change; the hashes must match (and where they differ, `--diff before.jsonl` names the
 * first documents that changed).
 *
 *   npx tsx bench/fingerprint.ts [--articles 2000] [--jsonl file ...] [--save out.jsonl] [--diff before.jsonl]
 *
 * The texts: the generated benchmark corpus (bench/corpus.ts), the examples/ articles, and any
 * JSONL files named (one {text, published?} per line, e.g. an evaluation set).
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createEngine } from '../src/engine.js';
import { readSource } from '../src/ingest/index.js';
import { generateCorpus } from './corpus.js';
import type { ArticleInput } from '../src/ingest/index.js';

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '2000' },
    jsonl: { type: 'string', multiple: true, default: [] },
    save: { type: 'string' },
    diff: { type: 'string' },
  },
});

const inputs: { name: string; input: ArticleInput }[] = generateCorpus({ articles: Number(values.articles), initiatives: 100 })
  .map((a) => ({ name: `corpus:${a.id}`, input: { id: a.id, text: a.text, published: a.published, title: a.title, source: a.source } }));
for (const file of readdirSync('examples').sort()) {
  let k = 0;
  for await (const r of readSource(join('examples', file))) {
    if (r.input) inputs.push({ name: `examples:${file}:${k++}`, input: r.input });
  }
}
for (const file of values.jsonl) {
  readFileSync(file, 'utf8').split('\n').filter(Boolean).forEach((line, k) => {
    const r = JSON.parse(line) as { id?: string; text: string; published?: string | null };
    inputs.push({ name: `${file}:${r.id ?? k}`, input: { id: r.id ?? String(k), text: r.text, published: r.published ?? null } });
  });
}

const engine = createEngine();
const all = createHash('sha256');
const lines: string[] = [];
for (const { name, input } of inputs) {
  const doc = engine.readInput(input).toOutput();
  const json = JSON.stringify(doc);
  all.update(json);
  lines.push(JSON.stringify({ name, hash: createHash('sha256').update(json).digest('hex').slice(0, 16), json }));
}
if (values.save) writeFileSync(values.save, lines.join('\n') + '\n');
console.log(`${inputs.length} documents, fingerprint ${all.digest('hex').slice(0, 32)}`);
if (values.diff) {
  const before = new Map(readFileSync(values.diff, 'utf8').split('\n').filter(Boolean).map((l) => {
    const r = JSON.parse(l) as { name: string; hash: string; json: string };
    return [r.name, r];
  }));
  let shown = 0;
  for (const l of lines) {
    const now = JSON.parse(l) as { name: string; hash: string; json: string };
    const was = before.get(now.name);
    if (was?.hash === now.hash) continue;
    if (shown++ < 5) {
      let i = 0;
      const a = was?.json ?? '', b = now.json;
      while (i < a.length && a[i] === b[i]) i++;
      console.log(`changed ${now.name} at ${i}:\n  before …${a.slice(Math.max(0, i - 80), i + 120)}\n  after  …${b.slice(Math.max(0, i - 80), i + 120)}`);
    }
  }
  console.log(shown ? `${shown} documents differ` : 'no document differs');
}
