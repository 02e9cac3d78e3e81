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

/** The CAMEO codebook (data/cameo/codes.tsv), loaded once. */
export function cameoCodes(): Map<string, CameoCode> {
  if (table) return table;
  table = new Map();
  for (const line of readFileSync(dataPath('cameo', 'codes.tsv'), 'utf8').split('\n')) {
    if (!line || line.startsWith('#') || line.startsWith('code\t')) continue;
    const [code, root, quad, goldstein, name] = line.split('\t');
    table.set(code, { code, root, quad: Number(quad), goldstein: Number(goldstein), name });
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
