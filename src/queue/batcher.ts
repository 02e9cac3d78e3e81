import type { ParleyDocument } from '../document/types.js';
import type { Store } from '../store/index.js';

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
  /** Settles when the transaction in progress ends; null while none runs. */
  private writing: Promise<void> | null = null;

  constructor(private readonly store: Store, private readonly maxGroup: number) {}

  /** Resolves once the document is committed (or found already stored). */
  write(doc: ParleyDocument): Promise<{ stored: string | null; events: number }> {
    return new Promise((resolve, reject) => {
      this.pending.push({ doc, resolve, reject });
      // Wait one turn so the other jobs that are ready now join the same group.
      if (!this.flushing) this.flushing = new Promise((done) => setImmediate(done)).then(() => this.flush());
    });
  }

  /**
   * Resolves when no transaction is running. Reading an article is synchronous CPU work: done
   * while a transaction is open, it would keep this process from answering the database and hold
   * the thread-fold lock (which all workers share) for the length of the read. So jobs wait here
   * before reading, and a transaction runs without reads in between.
   */
  async idle(): Promise<void> {
    while (this.writing) await this.writing;
  }

  /** Fails every document not yet handed to the store with ReturnedError (shutdown). */
  returnPending(): void {
    for (const p of this.pending.splice(0)) p.reject(new ReturnedError());
  }

  private async flush(): Promise<void> {
    try {
      while (this.pending.length) {
        const group = this.pending.splice(0, this.maxGroup);
        let done!: () => void;
        this.writing = new Promise((resolve) => { done = resolve; });
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
          this.writing = null;
          done();
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
