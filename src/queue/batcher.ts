import type { ParleyDocument } from '../document/types.js';
import type { Store } from '../store/index.js';

/** A gate jobs pass before reading: closed while a transaction holds the shared thread lock. */
export class ReadGate {
  private closed: Promise<void> | null = null;
  private release: (() => void) | null = null;

  close(): void {
    if (!this.closed) this.closed = new Promise((resolve) => { this.release = resolve; });
  }

  open(): void {
    const release = this.release;
    this.closed = null;
    this.release = null;
    release?.();
  }

  async pass(): Promise<void> {
    while (this.closed) await this.closed;
  }
}

/** Thrown to a waiting job when the worker shuts down before its document was written. */
export class ReturnedError extends Error {
  constructor() { super('returned to the queue at shutdown'); this.name = 'ReturnedError'; }
}

interface Pending {
  doc: ParleyDocument;
  resolve: (stored: { stored: string | null; events: number }) => void;
  reject: (err: unknown) => void;
}

/**
 * Group commit: documents from the jobs a worker runs at once go to the store in one transaction
 * (one commit, one thread-fold lock) instead of one each. If a group fails, each document is
 * written on its own, so one bad article fails only its own job.
 */
export class IngestBatcher {
  private pending: Pending[] = [];
  private flushing: Promise<void> | null = null;
  /**
   * Reading an article is synchronous CPU work. Done while a transaction holds the thread-fold
   * lock (which all workers share), it would delay this process's next query and so hold that
   * lock for the length of the read. Jobs therefore pass this gate before reading. A store that
   * reports its lock phases (PostgreSQL) closes it only while the lock is held; for any other
   * store it is closed for the whole transaction.
   */
  readonly gate: ReadGate;
  private readonly gateWholeTransaction: boolean;

  constructor(private readonly store: Store, private readonly maxGroup: number, gate?: ReadGate) {
    this.gate = gate ?? new ReadGate();
    this.gateWholeTransaction = !gate;
  }

  /** Resolves once the document is committed (or found already stored). */
  write(doc: ParleyDocument): Promise<{ stored: string | null; events: number }> {
    return new Promise((resolve, reject) => {
      this.pending.push({ doc, resolve, reject });
      // Wait one turn so the other jobs that are ready now join the same group.
      if (!this.flushing) this.flushing = new Promise((done) => setImmediate(done)).then(() => this.flush());
    });
  }

  /** Resolves when a job may read its article (see `gate`). */
  idle(): Promise<void> {
    return this.gate.pass();
  }

  /** Fails every document not yet handed to the store with ReturnedError (shutdown). */
  returnPending(): void {
    for (const p of this.pending.splice(0)) p.reject(new ReturnedError());
  }

  private async flush(): Promise<void> {
    try {
      while (this.pending.length) {
        const group = this.pending.splice(0, this.maxGroup);
        if (this.gateWholeTransaction) this.gate.close();
        try {
          const result = await this.store.ingest(group.map((p) => p.doc));
          settle(group, result.stored);
        } catch {
          for (const p of group) {
            try {
              const result = await this.store.ingest([p.doc]);
              p.resolve({ stored: result.stored[0] ?? null, events: result.events });
            } catch (err) {
              p.reject(err);
            }
          }
        } finally {
          if (this.gateWholeTransaction) this.gate.open();
        }
      }
    } finally {
      this.flushing = null;
    }
  }
}

/** Tells each document of a group whether it was stored (and under which id) or a duplicate. */
function settle(group: Pending[], stored: string[]): void {
  const ids = new Set(stored);
  for (const p of group) {
    const { id, hash } = p.doc.article;
    const suffixed = `${id}~${(hash ?? '').slice(0, 8)}`;
    const as = ids.has(suffixed) ? suffixed : ids.has(id) ? id : null;
    if (as) ids.delete(as);
    p.resolve({ stored: as, events: as ? p.doc.events.length : 0 });
  }
}
