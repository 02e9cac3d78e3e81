/**
 * A byte buffer kept from one document to the next. A stage reads one document at a time and
 * never re-enters itself, so one buffer serves them all: a fresh typed array per document costs
 * an allocation and GC work. It grows (doubling) and never shrinks.
 */
export class ScratchBytes {
  private bytes: Uint8Array;

  constructor(size: number) {
    this.bytes = new Uint8Array(size);
  }

  /** The whole buffer, at least `n` long, as its last user left it, or all 0 if it had to grow. */
  atLeast(n: number): Uint8Array {
    if (this.bytes.length < n) this.bytes = new Uint8Array(Math.max(n, 2 * this.bytes.length));
    return this.bytes;
  }

  /** A view of exactly `n` bytes, all 0: reads past the end are undefined, as on a fresh array. */
  zeroed(n: number): Uint8Array {
    return this.atLeast(n).subarray(0, n).fill(0);
  }
}
