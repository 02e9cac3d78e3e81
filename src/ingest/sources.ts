import { readFile, readdir, stat } from 'node:fs/promises';
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { basename, extname, join } from 'node:path';
import type { Diagnostic } from '../document/types.js';
import { ParleyError } from '../document/errors.js';
import { decodeUtf8, looksBinary } from './decode.js';
import { diagnostic, type ArticleInput } from './normalize.js';
import { safeFetch, type FetchOptions } from './fetch.js';

/** One record read from a source: an article to read, or only the diagnostics of a bad one. */
export interface SourceRecord {
  /** Where it came from: `file`, `file:line`, `feed#item`, a URL. */
  origin: string;
  input: ArticleInput | null;
  diagnostics: Diagnostic[];
}

export type SourceFormat = 'auto' | 'text' | 'html' | 'feed' | 'jsonl';
export const SOURCE_FORMATS: readonly SourceFormat[] = ['auto', 'text', 'html', 'feed', 'jsonl'];

export interface SourceOptions {
  format?: SourceFormat;
  fetch?: FetchOptions;
  /** File extensions a folder walk picks up. */
  extensions?: readonly string[];
}

const FOLDER_EXTENSIONS = ['.txt', '.html', '.htm', '.xml', '.rss', '.atom', '.jsonl'];

/** Guesses a format from a file name, a content type and the first bytes. */
export function sniffFormat(name: string, contentType: string, head: string): Exclude<SourceFormat, 'auto'> {
  const ext = extname(name).toLowerCase();
  if (ext === '.jsonl' || ext === '.ndjson') return 'jsonl';
  if (['.rss', '.atom'].includes(ext) || /rss|atom/.test(contentType)) return 'feed';
  if (ext === '.html' || ext === '.htm' || /html/.test(contentType)) return 'html';
  const start = head.trimStart().slice(0, 512).toLowerCase();
  if (start.startsWith('<?xml') || start.startsWith('<rss') || start.startsWith('<feed') || (ext === '.xml' && /<(rss|feed)\b/.test(start))) return 'feed';
  if (start.startsWith('<!doctype html') || start.startsWith('<html')) return 'html';
  return 'text';
}

const fail = (origin: string, d: Diagnostic): SourceRecord => ({ origin, input: null, diagnostics: [d] });

/** Parses JSONL text; a malformed line becomes a diagnostic naming its line number. */
export function* parseJsonl(text: string, origin: string): Generator<SourceRecord> {
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (!line) continue;
    yield jsonlRecord(line, `${origin}:${i + 1}`, i + 1);
  }
}

function jsonlRecord(line: string, origin: string, lineNo: number): SourceRecord {
  let value: unknown;
  try { value = JSON.parse(line); } catch (err) {
    return fail(origin, diagnostic('P106', `line ${lineNo}: ${(err as Error).message}`));
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    return fail(origin, diagnostic('P106', `line ${lineNo}: expected a JSON object`));
  }
  const o = value as Record<string, unknown>;
  return { origin, input: { id: o.id as string | undefined ?? null, text: o.text, published: o.published, title: o.title, url: o.url, source: o.source }, diagnostics: [] };
}

async function* readJsonlFile(path: string): AsyncGenerator<SourceRecord> {
  const rl = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
  let n = 0;
  for await (const raw of rl) {
    n++;
    const line = raw.trim();
    if (line) yield jsonlRecord(line, `${path}:${n}`, n);
  }
}

// The feed and HTML parsers are loaded when a feed or a page comes: they take about a quarter of
// a second to load, which a read of plain text or JSONL (most reads) does not pay.
const feedParser = async () => (await import('rss-parser')).default;
const htmlReader = () => import('./html.js');

/** Parses an RSS or Atom document; each item is an article. */
export async function parseFeed(xml: string, origin: string): Promise<SourceRecord[]> {
  const [Parser, { htmlToText }] = await Promise.all([feedParser(), htmlReader()]);
  let feed;
  try {
    feed = await new Parser().parseString(xml);
  } catch (err) {
    return [fail(origin, diagnostic('P105', `${origin}: ${(err as Error).message.split('\n')[0]}`))];
  }
  const source = feed.title ?? null;
  return (feed.items ?? []).map((item, i) => {
    const html = (item as Record<string, unknown>)['content:encoded'] as string | undefined ?? item.content ?? item.summary ?? '';
    const text = html ? htmlToText(html) : (item.contentSnippet ?? '');
    const input: ArticleInput = {
      id: item.guid ?? item.link ?? `${basename(origin)}#${i + 1}`,
      text: item.title && !text.startsWith(item.title) ? `${item.title}\n\n${text}`.trim() : text,
      title: item.title ?? null, url: item.link ?? null, published: item.isoDate ?? item.pubDate ?? null, source,
    };
    return { origin: `${origin}#${i + 1}`, input, diagnostics: [] };
  });
}

/** Turns the bytes of one file or response into records. */
export async function recordsFromBytes(bytes: Uint8Array, origin: string, format: SourceFormat, contentType = '', url: string | null = null): Promise<SourceRecord[]> {
  if (bytes.length === 0) return [fail(origin, diagnostic('P100', origin))];
  if (looksBinary(bytes)) return [fail(origin, diagnostic('P101', `${origin} looks like a binary file`))];
  const { text, diagnostics } = decodeUtf8(bytes, origin);
  const kind = format === 'auto' ? sniffFormat(origin, contentType, text.slice(0, 1024)) : format;
  let records: SourceRecord[];
  if (kind === 'jsonl') records = [...parseJsonl(text, origin)];
  else if (kind === 'feed') records = await parseFeed(text, origin);
  else if (kind === 'html') {
    const { extractHtmlArticle } = await htmlReader();
    const input = extractHtmlArticle(text, url);
    records = input ? [{ origin, input: { id: url ?? basename(origin), ...input }, diagnostics: [] }]
      : [fail(origin, diagnostic('P104', origin))];
  } else records = [{ origin, input: { id: url ?? basename(origin), text, url }, diagnostics: [] }];
  if (diagnostics.length) for (const r of records) r.diagnostics.unshift(...diagnostics);
  return records;
}

const isUrl = (s: string) => /^https?:\/\//i.test(s);

/**
 * Reads a file, a folder (recursively, by extension), a URL or `-` (stdin) into records.
 * A missing path is misuse (P011); everything wrong inside a file is a diagnostic.
 */
export async function* readSource(spec: string, options: SourceOptions = {}): AsyncGenerator<SourceRecord> {
  const format = options.format ?? 'auto';
  if (spec === '-') {
    const chunks: Buffer[] = [];
    for await (const c of process.stdin) chunks.push(c as Buffer);
    yield* await recordsFromBytes(Buffer.concat(chunks), 'stdin', format);
    return;
  }
  if (isUrl(spec)) {
    const got = await safeFetch(spec, options.fetch);
    yield* await recordsFromBytes(got.bytes, got.url, format, got.contentType, got.url);
    return;
  }
  const info = await stat(spec).catch(() => null);
  if (!info) throw new ParleyError('P011', `No such file or folder: ${spec}`);
  if (info.isDirectory()) {
    const exts = options.extensions ?? FOLDER_EXTENSIONS;
    const entries = (await readdir(spec, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
    for (const e of entries) {
      const p = join(spec, e.name);
      if (e.isDirectory()) yield* readSource(p, options);
      else if (exts.includes(extname(e.name).toLowerCase())) yield* readSource(p, options);
    }
    return;
  }
  if (format === 'jsonl' || (format === 'auto' && ['.jsonl', '.ndjson'].includes(extname(spec).toLowerCase()))) {
    yield* readJsonlFile(spec);
    return;
  }
  yield* await recordsFromBytes(await readFile(spec), spec, format);
}
