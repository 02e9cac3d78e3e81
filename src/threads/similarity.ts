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

const SPACE = 32;
const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;
/** Flips the sign bit, so that signed comparison of int32 values orders them as unsigned. */
const SIGN = 0x80000000 | 0;

/**
 * FNV-1a of the shingle `words[i] + ' ' + … + words[j - 1]`, hashed word by word so that no
 * shingle string is built (the same value as hashing the joined string). Kept in int32 (`| 0`):
 * Math.imul reads only the low 32 bits, so the value is the same and V8 stays on integer registers.
 */
function shingleHash(words: readonly string[], i: number, j: number): number {
  let h = FNV_OFFSET;
  for (let w = i; w < j; w++) {
    if (w > i) h = Math.imul(h ^ SPACE, FNV_PRIME);
    const s = words[w];
    for (let c = 0; c < s.length; c++) h = Math.imul(h ^ s.charCodeAt(c), FNV_PRIME);
  }
  return h;
}

/**
 * Scratch space reused between calls (a typed array per call costs more than the hashing):
 * the lower-cased letters and digits of an ASCII text, one word after another, the [start, end)
 * of each word in them, and the shingle hashes.
 */
let letters = new Uint8Array(1 << 14);
let spans = new Int32Array(1 << 12);
let shingles = new Int32Array(1 << 11);
/** The lower-case form of each ASCII letter and digit; 0 for every other ASCII character. */
const WORD_CHAR = Uint8Array.from({ length: 128 }, (_, c) => (/[A-Za-z0-9]/.test(String.fromCharCode(c)) ? String.fromCharCode(c).toLowerCase().charCodeAt(0) : 0));

/**
 * How many words of an ASCII text it wrote to `letters` and `spans`, or -1 for other text. In
 * ASCII text the words of the lower-cased text are exactly the [A-Za-z0-9] runs of the text
 * itself, lower-cased, so neither the lower-cased copy nor the word strings need building; any
 * other text takes the Unicode path.
 */
function asciiWords(text: string): number {
  const len = text.length;
  if (letters.length < len) letters = new Uint8Array(len * 2);
  let count = 0;
  let at = 0;
  let inWord = false;
  for (let c = 0; c < len; c++) {
    const code = text.charCodeAt(c);
    if (code > 0x7f) return -1;
    const lower = WORD_CHAR[code];
    if (lower !== 0) {
      if (!inWord) {
        if (count * 2 + 2 > spans.length) { const grown = new Int32Array(spans.length * 2); grown.set(spans); spans = grown; }
        spans[count * 2] = at;
        inWord = true;
      }
      letters[at++] = lower;
    } else if (inWord) {
      spans[count * 2 + 1] = at;
      count++;
      inWord = false;
    }
  }
  if (inWord) { spans[count * 2 + 1] = at; count++; }
  return count;
}

/** FNV-1a of the words `w0 … w1 - 1` in `letters`, joined by single spaces. */
function letterShingleHash(w0: number, w1: number): number {
  let h = FNV_OFFSET;
  for (let w = w0; w < w1; w++) {
    if (w > w0) h = Math.imul(h ^ SPACE, FNV_PRIME);
    const end = spans[w * 2 + 1];
    for (let c = spans[w * 2]; c < end; c++) h = Math.imul(h ^ letters[c], FNV_PRIME);
  }
  return h;
}

/** Writes the shingle hashes of a text to `shingles` and returns how many (at least one: an empty text has the empty shingle). */
function shingleHashes(text: string): number {
  const count = asciiWords(text);
  const words = count >= 0 ? null : text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const total = words ? words.length : count;
  const n = Math.max(1, total - SHINGLE + 1);
  if (shingles.length < n) shingles = new Int32Array(n * 2);
  for (let i = 0; i < n; i++) {
    const end = Math.min(total, i + SHINGLE);
    shingles[i] = words ? shingleHash(words, i, end) : letterShingleHash(i, end);
  }
  return n;
}

/** Each B_i plus 2^31: a·x + b + 2^31 is a·x + b with its sign bit flipped (see `minhash`). */
const B_FLIPPED = Int32Array.from(B, (b) => (b + 0x80000000) | 0);
/** The 32 minima, big-endian, for one hex conversion instead of 128 string concatenations. */
const minima = Buffer.alloc(HASHES * 4);

/** Writes minimum k big-endian, byte by byte (what writeInt32BE does, without its argument checks). */
function writeMinimum(m: number, k: number): void {
  minima[k * 4] = m >>> 24;
  minima[k * 4 + 1] = m >>> 16;
  minima[k * 4 + 2] = m >>> 8;
  minima[k * 4 + 3] = m;
}

/** The signature of a text as a hex string (32 minima of 32 bits). */
export function minhash(text: string): string {
  const n = shingleHashes(text);
  // The unsigned minimum of a·x + b (mod 2^32) is the signed minimum of the same values with the
  // sign bit flipped, which V8 computes on int32 registers. Four permutations per pass over the
  // shingles share each load and the loop's own work (more would spill registers).
  for (let k = 0; k < HASHES; k += 4) {
    const a0 = A[k] | 0, b0 = B_FLIPPED[k], a1 = A[k + 1] | 0, b1 = B_FLIPPED[k + 1];
    const a2 = A[k + 2] | 0, b2 = B_FLIPPED[k + 2], a3 = A[k + 3] | 0, b3 = B_FLIPPED[k + 3];
    let m0 = 0x7fffffff, m1 = 0x7fffffff, m2 = 0x7fffffff, m3 = 0x7fffffff;
    for (let i = 0; i < n; i++) {
      const x = shingles[i];
      const v0 = (Math.imul(a0, x) + b0) | 0;
      const v1 = (Math.imul(a1, x) + b1) | 0;
      const v2 = (Math.imul(a2, x) + b2) | 0;
      const v3 = (Math.imul(a3, x) + b3) | 0;
      if (v0 < m0) m0 = v0;
      if (v1 < m1) m1 = v1;
      if (v2 < m2) m2 = v2;
      if (v3 < m3) m3 = v3;
    }
    writeMinimum(m0 ^ SIGN, k);
    writeMinimum(m1 ^ SIGN, k + 1);
    writeMinimum(m2 ^ SIGN, k + 2);
    writeMinimum(m3 ^ SIGN, k + 3);
  }
  return minima.toString('hex');
}

/** Estimated Jaccard similarity of the shingle sets behind two signatures. */
export function similarity(a: string, b: string): number {
  if (a.length !== b.length || !a.length) return 0;
  // Compared in place, eight characters (one hash) at a time: slicing made two short strings per
  // hash, and a fold compares every pair of a step's reports.
  let same = 0;
  for (let k = 0; k < a.length; k += 8) {
    const end = Math.min(k + 8, a.length);
    let j = k;
    while (j < end && a.charCodeAt(j) === b.charCodeAt(j)) j++;
    if (j === end) same++;
  }
  return same / (a.length / 8);
}

/** Signatures this similar are the same story (a syndicated copy, a re-run with a new headline). */
export const NEAR_DUPLICATE = 0.6;

/**
 * `similarity(a, b) >= NEAR_DUPLICATE`, stopping as soon as too many hashes differ for the pair
 * to reach it: most pairs a fold compares are different stories, told apart after about a
 * third of their hashes.
 */
export function nearDuplicate(a: string, b: string): boolean {
  if (a.length !== b.length || !a.length) return false;
  let missesLeft = allowedMisses(a.length);
  if (missesLeft < 0) return false;
  for (let k = 0; k < a.length; k += 8) {
    const end = Math.min(k + 8, a.length);
    let j = k;
    while (j < end && a.charCodeAt(j) === b.charCodeAt(j)) j++;
    if (j !== end && --missesLeft < 0) return false;
  }
  return true;
}

let missesFor = -1;
let misses = 0;
/** How many of a signature's hashes may differ in a near duplicate (by `similarity`'s own sum), for the last length asked. */
function allowedMisses(length: number): number {
  if (length !== missesFor) {
    const slots = Math.ceil(length / 8);
    let needed = 0;
    while (needed <= slots && needed / (length / 8) < NEAR_DUPLICATE) needed++;
    missesFor = length;
    misses = slots - needed;
  }
  return misses;
}
