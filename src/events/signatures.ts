/**
 * Signatures of words: a bit table hashed on a word's length and its first two and last two
 * characters. It can rule a word out without the word itself, from its characters: the events
 * trigger index asks it about suffix guesses ("shelled" → "shell") before building them. (As a
 * filter in front of a Set or Map of whole words it measured no faster than the lookup itself.)
 */

/** Bits in a signature table: 2^16 (8 KB); a few hundred words set well under 1% of them. */
const SIGNATURE_BITS = 16;

/**
 * A word's signature, from its length and characters: first, second, second to last, last (a
 * one-letter word gives its letter for each). Two words with one signature may differ; one word
 * never has two signatures, so a signature no member has rules a word out.
 */
export function signature(n: number, c0: number, c1: number, penult: number, last: number): number {
  const h = Math.imul(n, 0x9e3779b1) ^ Math.imul(c0, 0x85ebca77) ^ Math.imul(c1, 0xc2b2ae3d) ^ Math.imul(penult, 0x27d4eb2f) ^ Math.imul(last, 0x165667b1);
  return Math.imul(h ^ (h >>> 15), 0x2c1b3c6d) >>> (32 - SIGNATURE_BITS);
}

/** The signature of a word of one or more characters. */
export function wordSignature(word: string): number {
  const n = word.length;
  return signature(n, word.charCodeAt(0), word.charCodeAt(n > 1 ? 1 : 0), word.charCodeAt(n > 1 ? n - 2 : 0), word.charCodeAt(n - 1));
}

/** A table of the signatures some words have. */
export class SignatureTable {
  private readonly bits = new Uint32Array((1 << SIGNATURE_BITS) >>> 5);

  constructor(words: Iterable<string>) {
    for (const w of words) {
      if (!w) continue;
      const sig = wordSignature(w);
      this.bits[sig >>> 5] |= 1 << (sig & 31);
    }
  }

  /** Some word has the signature. */
  held(sig: number): boolean {
    return (this.bits[sig >>> 5] & (1 << (sig & 31))) !== 0;
  }
}
