import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dataPath } from '../data.js';

export interface CameoCode {
  code: string;
  root: string;
  quad: number;
  goldstein: number;
  name: string;
}

let table: Map<string, CameoCode> | undefined;

/** The CAMEO codebook (data/events/cameo.tsv, shared with the event coder), loaded once. */
export function cameoCodes(): Map<string, CameoCode> {
  if (table) return table;
  table = new Map();
  const lines = readFileSync(dataPath('events', 'cameo.tsv'), 'utf8').split('\n').filter((l) => l && !l.startsWith('#'));
  const header = (lines.shift() ?? '').split('\t');
  const col = (name: string) => header.indexOf(name);
  const [code, root, quad, goldstein, name] = ['code', 'root', 'quad', 'goldstein', 'name'].map(col);
  for (const line of lines) {
    const f = line.split('\t');
    table.set(f[code], { code: f[code], root: f[root], quad: Number(f[quad]), goldstein: Number(f[goldstein]), name: f[name] });
  }
  return table;
}

/** The entry for a code, falling back to its parent codes (0231 → 023 → 02). */
export function cameoCode(code: string): CameoCode | undefined {
  const t = cameoCodes();
  for (let c = code; c.length >= 2; c = c.slice(0, -1)) {
    const hit = t.get(c);
    if (hit) return hit;
  }
  return undefined;
}

let version: string | undefined;

/**
 * The version of the event codebook a stored event was coded with: a fingerprint of the CAMEO
 * table, the lexicon and the grammar (data/events), so a later change of the codebook can be told
 * from the events it produced.
 */
export function codebookVersion(): string {
  if (version) return version;
  const hash = createHash('sha256');
  for (const f of ['cameo.tsv', 'lexicon.json', 'grammar.json']) hash.update(readFileSync(dataPath('events', f)));
  return (version = `events@${hash.digest('hex').slice(0, 12)}`);
}
