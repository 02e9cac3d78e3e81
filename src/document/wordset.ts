/**
 * A set of words asked about far more often for words it lacks than for words it holds (a lexicon
 * probed with every token of a text). One bit read, from a table hashed on the word's length and
 * its first two and last two characters, rules out nearly every absent word before the hash-set
 * lookup, which costs far more than a few character reads.
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

  /** False only when no word has this one's signature (the empty word is never ruled out). */
  mayHold(word: string): boolean {
    return word.length === 0 || this.held(wordSignature(word));
  }
}

/** A read-only set of words with the signature test in front of the hash lookup. */
export class WordSet implements Iterable<string> {
  private readonly set: ReadonlySet<string>;
  private readonly table: SignatureTable;

  constructor(words: Iterable<string>) {
    this.set = new Set(words);
    this.table = new SignatureTable(this.set);
  }

  get size(): number { return this.set.size; }

  has(word: string): boolean {
    return this.table.mayHold(word) && this.set.has(word);
  }

  [Symbol.iterator](): Iterator<string> { return this.set[Symbol.iterator](); }
}
