/**
 * MinHash signatures over word shingles, to recognise a syndicated or lightly edited copy of an
 * article: two outlets running the same wire copy report one step once, not twice.
 */

const HASHES = 32;
const SHINGLE = 4;

/** 32-bit FNV-1a. */
function fnv1a(s: string, seed: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

// Fixed odd multipliers and offsets give the permutations h_i(x) = a_i * x + b_i (mod 2^32).
const A = Uint32Array.from({ length: HASHES }, (_, i) => (fnv1a(`a${i}`, 7) | 1) >>> 0);
const B = Uint32Array.from({ length: HASHES }, (_, i) => fnv1a(`b${i}`, 11));

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
const SPACE = 32;
const ASCII = /^[\x00-\x7f]*$/;

/**
 * FNV-1a of the shingle `words[i] + ' ' + … + words[j - 1]`, hashed word by word so that no
 * shingle string is built (the same value as hashing the joined string).
 */
function shingleHash(words: readonly string[], i: number, j: number): number {
  let h = 0x811c9dc5 >>> 0;
  for (let w = i; w < j; w++) {
    if (w > i) h = Math.imul(h ^ SPACE, 0x01000193) >>> 0;
    const s = words[w];
    for (let c = 0; c < s.length; c++) h = Math.imul(h ^ s.charCodeAt(c), 0x01000193) >>> 0;
  }
  return h;
}

/** The signature of a text as a hex string (32 minima of 32 bits). */
export function minhash(text: string): string {
  const lower = text.toLowerCase();
  // In ASCII text the letters and digits are [a-z0-9] once lower-cased: a cheaper scan, same words.
  const words = (ASCII.test(lower) ? lower.match(/[a-z0-9]+/g) : lower.match(/[\p{L}\p{N}]+/gu)) ?? [];
  const n = Math.max(1, words.length - SHINGLE + 1);
  const shingles = new Uint32Array(n);
  for (let i = 0; i < n; i++) shingles[i] = shingleHash(words, i, Math.min(words.length, i + SHINGLE));
  let hex = '';
  for (let k = 0; k < HASHES; k++) {
    const a = A[k], b = B[k];
    let m = 0xffffffff;
    for (let i = 0; i < n; i++) {
      const v = (Math.imul(a, shingles[i]) + b) >>> 0;
      if (v < m) m = v;
    }
    hex += HEX[m >>> 24] + HEX[(m >>> 16) & 255] + HEX[(m >>> 8) & 255] + HEX[m & 255];
  }
  return hex;
}

/** Estimated Jaccard similarity of the shingle sets behind two signatures. */
export function similarity(a: string, b: string): number {
  if (a.length !== b.length || !a.length) return 0;
  let same = 0;
  for (let k = 0; k < a.length; k += 8) if (a.slice(k, k + 8) === b.slice(k, k + 8)) same++;
  return same / (a.length / 8);
}

/** Signatures this similar are the same story (a syndicated copy, a re-run with a new headline). */
export const NEAR_DUPLICATE = 0.6;
