import type { ParleyDocument } from '../document/types.js';
import type { Store } from '../store/index.js';

/** A gate jobs pass before reading: closed while a transaction runs (see BatcherOptions). */
class ReadGate {
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

  get isClosed(): boolean {
    return this.closed !== null;
  }

  async pass(): Promise<void> {
    while (this.closed) await this.closed;
  }
}

/**
 * Turns for reading, one a turn of the event loop. Reading an article is synchronous, and a
 * worker holds many jobs at once: the jobs that arrive together would otherwise read one after
 * another in a single turn, while the replies of the transaction under way (its next statement,
 * its commit) wait behind them. A transaction of 19 articles then took a median 53 ms of wall
 * time, and one of 64 (with 192 jobs held) 133 ms, so the transactions, which run one at a time,
 * fell behind the reads, and the worker's JavaScript thread waited for them a tenth of the time
 * with every job it held read (one worker, 6,000 queued articles, 2026-12-06, 23:20 UTC). Granting
 * each read its own turn (a `setImmediate`, which runs after the turn's I/O) lets every reply in
 * between the reads.
 */
export class ReadTurns {
  private readonly queue: (() => void)[] = [];
  private scheduled = false;

  /** `drained` is told a turn after the last waiting job's turn (its read done by then). */
  constructor(private readonly drained?: () => void) {}

  /** Jobs waiting for their turn. */
  get waiting(): number {
    return this.queue.length;
  }

  /** Resolves when it is the caller's turn; the caller reads at once (synchronously). */
  take(): Promise<void> {
    return new Promise((resolve) => {
      this.queue.push(resolve);
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled || !this.queue.length) return;
    this.scheduled = true;
    // An immediate queued from within an immediate runs in the next turn, after that turn's I/O.
    setImmediate(() => {
      this.scheduled = false;
      this.queue.shift()!();
      if (this.queue.length) this.schedule();
      else if (this.drained) setImmediate(this.drained);
    });
  }
}

/** Thrown to a waiting job when the worker shuts down before its document was written. */
export class ReturnedError extends Error {
  constructor() { super('returned to the queue at shutdown'); this.name = 'ReturnedError'; }
}

/**
 * The waits a shutdown may cut short. `unless(p)` settles as `p` does, or rejects with
 * ReturnedError once `now()` is called. Each wait is registered while it is pending and removed
 * when it settles: a Promise.race against one promise that settles only at shutdown would leave a
 * reaction on that promise for every job, held for the worker's whole life.
 */
export class HandBack {
  private readonly waits = new Set<(err: Error) => void>();
  private handedBack = false;

  /** Waits still pending. */
  get pending(): number {
    return this.waits.size;
  }

  unless<T>(p: Promise<T>): Promise<T> {
    if (this.handedBack) return Promise.reject(new ReturnedError());
    return new Promise<T>((resolve, reject) => {
      this.waits.add(reject);
      p.then((value) => { this.waits.delete(reject); resolve(value); }, (err) => { this.waits.delete(reject); reject(err); });
    });
  }

  /** Rejects every pending wait, and every later one, with ReturnedError. */
  now(): void {
    this.handedBack = true;
    for (const reject of this.waits) reject(new ReturnedError());
    this.waits.clear();
  }
}

interface Pending {
  doc: ParleyDocument;
  resolve: (stored: { stored: string | null; events: number }) => void;
  reject: (err: unknown) => void;
}

export interface BatcherOptions {
  /** Most documents in one store transaction. */
  maxGroup: number;
  /**
   * Close the read gate while a transaction runs. Reading an article is synchronous CPU work; a
   * store with one writer (SQLite) commits sooner when no read runs meanwhile. A PostgreSQL
   * transaction holds nothing another worker waits for (the thread fold is deferred), so reading
   * goes on while it commits.
   */
  gateTransactions: boolean;
  /** Commit the articles and leave the thread fold to `store.foldPending()` (see IngestOptions). */
  foldLater: boolean;
  /** Told after every commit that stored something (a worker starts its background fold). */
  onStored?: () => void;
}

/**
 * Group commit: documents from the jobs a worker runs at once go to the store in one transaction
 * (one commit) instead of one each. If a group fails, each document is written on its own, so one
 * bad article fails only its own job.
 */
export class IngestBatcher {
  private pending: Pending[] = [];
  private flushing: Promise<void> | null = null;
  /** Jobs pass it before reading (see BatcherOptions.gateTransactions). */
  readonly gate = new ReadGate();
  private readonly turns = new ReadTurns(() => this.schedule());

  constructor(private readonly store: Store, private readonly options: BatcherOptions) {}

  /** Resolves once the document is committed (or found already stored). */
  write(doc: ParleyDocument): Promise<{ stored: string | null; events: number }> {
    return new Promise((resolve, reject) => {
      this.pending.push({ doc, resolve, reject });
      this.schedule();
    });
  }

  /**
   * Resolves when a job may read its article: in a turn of its own (see ReadTurns), with the gate
   * open. A job whose turn comes while a transaction holds the gate waits for it, then for a turn
   * again.
   */
  async idle(): Promise<void> {
    for (;;) {
      await this.gate.pass();
      await this.turns.take();
      if (!this.gate.isClosed) return;
    }
  }

  /** Fails every document not yet handed to the store with ReturnedError (shutdown). */
  returnPending(): void {
    for (const p of this.pending.splice(0)) p.reject(new ReturnedError());
  }

  /**
   * Starts a transaction when none runs and the group is full, or when no job waits to read (none
   * will join the group soon). While a transaction runs, the jobs read meanwhile gather for the
   * next, which starts as soon as it ends.
   */
  private schedule(): void {
    if (this.flushing || !this.pending.length) return;
    if (this.pending.length < this.options.maxGroup && this.turns.waiting > 0) return;
    this.flushing = this.flush().finally(() => {
      this.flushing = null;
      this.schedule();
    });
  }

  /** Writes one group in one transaction; if it fails, each document on its own. */
  private async flush(): Promise<void> {
    const group = this.pending.splice(0, this.options.maxGroup);
    const ingestOptions = { foldLater: this.options.foldLater };
    if (this.options.gateTransactions) this.gate.close();
    try {
      const result = await this.store.ingest(group.map((p) => p.doc), ingestOptions);
      if (result.stored.length) this.options.onStored?.();
      settle(group, result.stored);
    } catch {
      for (const p of group) {
        try {
          const result = await this.store.ingest([p.doc], ingestOptions);
          if (result.stored.length) this.options.onStored?.();
          p.resolve({ stored: result.stored[0] ?? null, events: result.events });
        } catch (err) {
          p.reject(err);
        }
      }
    } finally {
      if (this.options.gateTransactions) this.gate.open();
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

/**
 * When the queue will be empty, from how fast its backlog has been shrinking: each reading of the
 * number of waiting jobs is compared with the one before it.
 */
export class DrainEstimate {
  private last: { at: number; waiting: number } | null = null;

  /**
   * Takes a reading (`waiting` jobs at time `at`, ms) and returns the milliseconds left until no
   * job waits, at the rate since the last reading; null while that is unknown: at the first
   * reading, or when the backlog did not shrink (a live feed keeps it level).
   */
  observe(at: number, waiting: number): number | null {
    const last = this.last;
    this.last = { at, waiting };
    if (!last || at <= last.at || waiting >= last.waiting) return null;
    return waiting / ((last.waiting - waiting) / (at - last.at));
  }
}

/** Settles as `p` does, or with `fallback` after `ms`, whichever comes first; the timer never outlives it. */
async function orAfter<T, F>(p: Promise<T>, ms: number, fallback: F): Promise<T | F> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<F>((resolve) => { timer = setTimeout(() => resolve(fallback), ms); });
  try {
    return await Promise.race([p, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** How long a background fold waits to learn the queue's backlog before it goes on without (ms). */
const BACKLOG_WAIT_MS = 1000;

/** The shortest pause before a fold that `foldPause` chooses (ms). */
export const MIN_FOLD_PAUSE_MS = 250;

/**
 * The pause before a background fold. While the backlog lasts longer than two intervals (or
 * nobody knows how long), a fold waits the whole interval, so it takes the articles of many
 * commits. When the backlog will be gone sooner, the fold waits half the time left (at least
 * MIN_FOLD_PAUSE_MS), and the next one half of what is left then: the folds come closer together
 * as the queue empties, and the fold that runs once it is empty has only the last few articles to
 * take. Without this it took up to an interval's articles (2,800 with two workers), which one
 * worker folded for two seconds while the other had nothing to do.
 */
export function foldPause(intervalMs: number, drainMs: number | null): number {
  if (drainMs === null || drainMs >= 2 * intervalMs) return intervalMs;
  return Math.min(intervalMs, Math.max(MIN_FOLD_PAUSE_MS, Math.round(drainMs / 2)));
}

/**
 * Folds a worker's stored articles into the threads in the background, one fold at a time. A
 * fold starts `intervalMs` after it is asked for, so that it takes the articles of several
 * commits at once (a fold's cost is mostly per fold: loading and writing the threads the batch
 * can join), and not within `intervalMs` of another worker's fold where the store tells when that
 * was (`Store.sinceLastFold`), nor while one runs (`Store.foldIfIdle`). A request while a fold
 * runs asks for one more afterwards (the running fold may have started before the newest articles
 * were committed). A fold that fails leaves its articles pending; the error is reported and the
 * fold is tried again after a growing pause (up to 30 s), whether or not more articles arrive.
 */
export class BackgroundFold {
  private running: Promise<void> | null = null;
  /** A fold is asked for and has not started yet. */
  private wanted = false;
  /** Shutting down: no pause before a fold, and no retry after a failure. */
  private hurry = false;
  private wake: (() => void) | null = null;
  /** The next pause is skipped (see `expedite`). */
  private soon = false;

  private readonly drain = new DrainEstimate();

  /**
   * `backlog` tells how many jobs wait in the queue (null when it cannot tell): a fold then waits
   * less than `intervalMs` when the backlog is about to run out (see `foldPause`).
   */
  constructor(
    private readonly store: Store, private readonly intervalMs: number, private readonly onError: (err: unknown) => void,
    private readonly backlog?: () => Promise<number | null>,
  ) {}

  request(): void {
    this.wanted = true;
    if (!this.running) this.running = this.loop();
  }

  /**
   * Ends the pause of a fold that is waiting for more articles, or skips the next pause if none is
   * running (a fold may be under way): none are coming (the queue is empty), so the articles
   * stored so far are folded now rather than an interval later.
   */
  expedite(): void {
    this.soon = true;
    this.wake?.();
  }

  /**
   * Folds what is asked for now, without the pause, and resolves when no fold runs or is asked
   * for (true), or after `timeoutMs` (false: whatever is left stays pending for the next fold).
   */
  async settle(timeoutMs: number): Promise<boolean> {
    this.hurry = true;
    this.wake?.();
    if (!this.running && this.wanted) this.running = this.loop();
    if (!this.running) return true;
    return orAfter(this.running.then(() => true), timeoutMs, false);
  }

  private async loop(): Promise<void> {
    let failures = 0;
    while (this.wanted) {
      const interval = failures ? this.intervalMs : await this.interval();
      let cut = await this.pause(failures ? Math.min(this.intervalMs * 2 ** failures, 30_000) : interval);
      // A fold by another worker within the interval took every article pending when it began:
      // wait out the interval from it, then look again. The workers then fold about once an
      // interval between them, each fold taking all of theirs, instead of once an interval each,
      // where every fold rewrites the threads it joins and waits for the others' folds.
      // An article still waits at most an interval and a fold: some worker folds at least that often.
      // A fold time in the future (the database's clock was set back) is no reason to wait.
      while (!cut && !failures) {
        const since = await this.sinceLastFold();
        if (since === null || since < 0 || since >= interval) break;
        cut = await this.pause(interval - since);
      }
      this.wanted = false;
      try {
        // Another worker's fold under way took every article pending when it began, perhaps not
        // all of this worker's: look again an interval from now, rather than wait for the lock
        // and then fold only what was committed meanwhile. An expedited or hurried fold (the queue
        // is empty, or the worker is stopping) waits for the lock: no later fold may come.
        const folded = !cut && !failures && this.store.foldIfIdle ? await this.store.foldIfIdle() : await this.store.foldPending();
        if (folded === null) {
          this.wanted = true;
          continue;
        }
        failures = 0;
      } catch (err) {
        this.onError(err);
        failures++;
        // Asked for again: the articles are still pending. At shutdown they are left for the next worker.
        this.wanted = !this.hurry;
      }
    }
    // Cleared in the same turn as the last look at `wanted`, so no request falls between the two.
    this.running = null;
  }

  /** The pause before the next fold, from the queue's backlog (see `foldPause`). */
  private async interval(): Promise<number> {
    // A fold that will not pause (hurried or expedited) need not wait for the queue's answer.
    if (!this.backlog || this.hurry || this.soon) return this.intervalMs;
    // A queue that cannot be read now (or not within a second) leaves the usual pace.
    const waiting = await orAfter(this.backlog().catch(() => null), BACKLOG_WAIT_MS, null);
    return foldPause(this.intervalMs, waiting === null ? null : this.drain.observe(Date.now(), waiting));
  }

  /** Milliseconds since any worker's fold, or null when unknown (a fold then goes ahead). */
  private async sinceLastFold(): Promise<number | null> {
    try {
      return (await this.store.sinceLastFold?.()) ?? null;
    } catch {
      // The fold that follows meets the same trouble, and reports and retries it.
      return null;
    }
  }

  /** Resolves after `ms`, or sooner when the fold is hurried or expedited; true when cut short (or skipped). */
  private pause(ms: number): Promise<boolean> {
    if (this.hurry || this.soon) {
      this.soon = false;
      return Promise.resolve(true);
    }
    if (ms <= 0) return Promise.resolve(false);
    return new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => { this.wake = null; resolve(false); }, ms);
      this.wake = () => { clearTimeout(timer); this.wake = null; this.soon = false; resolve(true); };
    });
  }
}
