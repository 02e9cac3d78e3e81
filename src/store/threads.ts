import type { Kysely } from 'kysely';
import type { Thread, ThreadReport } from '../document/types.js';
import {
  countRegrown, forFold, joinThread, splitThread, type FoldDocument, type FoldOptions, type GrownStep, type ThreadEntry, type ThreadHead,
} from '../threads/index.js';

/**
 * How both stores keep threads: a row a thread holding its head (`ThreadHead`: the thread and its
 * steps without their lists) and a row for what each fold added to each step (`thread_entries`),
 * appended and never rewritten. A fold reads the heads of the threads it joins and, for the steps
 * it grows, their earlier reports (which counting corroboration needs); it writes heads and new
 * rows. It no longer reads, parses and rewrites every list a long-running thread has gathered.
 */

/** One row of `thread_entries`; `seq` (the table's own) orders a thread's rows as they were written. */
export interface EntryRow {
  thread_id: string;
  step: number;
  /** `{events, articles, evidence}` as JSON. */
  body: string;
  /** The entry's reports as JSON, apart: a fold reads only these, to count corroboration. */
  reports: string;
}

export function entryRow(threadId: string, e: ThreadEntry): EntryRow {
  return { thread_id: threadId, step: e.step, body: JSON.stringify({ events: e.events, articles: e.articles, evidence: e.evidence }), reports: JSON.stringify(e.reports) };
}

function entryOf(row: Pick<EntryRow, 'step' | 'body' | 'reports'>): ThreadEntry {
  const body = JSON.parse(row.body) as Omit<ThreadEntry, 'step' | 'reports'>;
  return { step: row.step, ...body, reports: JSON.parse(row.reports) as ThreadReport[] };
}

/** Stored threads whole: each head row's JSON with its entry rows (in the order written). */
export function joinStored(heads: readonly { id: string; json: string }[], entries: readonly Pick<EntryRow, 'thread_id' | 'step' | 'body' | 'reports'>[]): Thread[] {
  const byThread = new Map<string, ThreadEntry[]>();
  for (const r of entries) {
    const list = byThread.get(r.thread_id);
    if (list) list.push(entryOf(r)); else byThread.set(r.thread_id, [entryOf(r)]);
  }
  return heads.map((h) => joinThread(JSON.parse(h.json) as ThreadHead, byThread.get(h.id) ?? []));
}

/** A thread the fold changed, as a store writes it: the head over its row, the entries appended. */
export interface FoldedThread {
  thread: Thread;
  /** The head's JSON. */
  json: string;
  entries: EntryRow[];
}

/** The stored rows of the reports of some steps, in the order written. */
export type ReportRow = Pick<EntryRow, 'thread_id' | 'step' | 'reports'>;

/**
 * Folds documents into stored heads (`raw`, id → JSON, in the order given to the fold) and returns
 * the threads whose head changed or that gained entries. `earlier` reads the reports already
 * stored for the steps the fold grew, which their counts need; `judge` may set the threads' last
 * fields (overdue) before they are compared with their rows and written.
 */
export async function foldStored(
  raw: ReadonlyMap<string, string>, docs: readonly FoldDocument[],
  fold: (existing: readonly Thread[], documents: readonly FoldDocument[], options?: FoldOptions) => Thread[],
  earlier: (steps: readonly { thread: string; step: number }[]) => Promise<readonly ReportRow[]>,
  judge?: (threads: readonly Thread[]) => void,
): Promise<FoldedThread[]> {
  const heads = [...raw.values()].map((json) => forFold(JSON.parse(json) as ThreadHead));
  const regrown: GrownStep[] = [];
  const updated = fold(heads, docs, { inPlace: true, regrown });
  const counted = regrown.filter((g) => g.step.reports?.length && g.step.key !== undefined);
  const reports = new Map<string, ThreadReport[]>();
  const key = (thread: string, step: number) => `${thread}\u0000${step}`;
  for (const r of counted.length ? await earlier(counted.map((g) => ({ thread: g.thread.id, step: g.step.key as number }))) : []) {
    const list = reports.get(key(r.thread_id, r.step));
    const more = JSON.parse(r.reports) as ThreadReport[];
    if (list) list.push(...more); else reports.set(key(r.thread_id, r.step), more);
  }
  countRegrown(regrown, (g) => reports.get(key(g.thread.id, g.step.key as number)) ?? []);
  judge?.(updated);
  const changed: FoldedThread[] = [];
  for (const t of updated) {
    const { head, entries } = splitThread(t);
    const json = JSON.stringify(head);
    if (!entries.length && raw.get(t.id) === json) continue;
    changed.push({ thread: t, json, entries: entries.map((e) => entryRow(t.id, e)) });
  }
  return changed;
}

/**
 * Splits every whole thread a store holds into its head and entries (the upgrade of both stores:
 * SQLite 0004, PostgreSQL 0009). A head splits into itself, so running it again changes nothing.
 */
export async function splitStoredThreads(db: Kysely<any>): Promise<void> {
  const ids = (await db.selectFrom('threads').select('id').orderBy('id').execute()).map((r) => r.id as string);
  for (let i = 0; i < ids.length; i += 500) {
    for (const r of await db.selectFrom('threads').select(['id', 'json']).where('id', 'in', ids.slice(i, i + 500)).execute()) {
      const { head, entries } = splitThread(JSON.parse(r.json as string) as Thread);
      await db.updateTable('threads').set({ json: JSON.stringify(head) }).where('id', '=', r.id).execute();
      if (entries.length) await db.insertInto('thread_entries').values(entries.map((e) => entryRow(r.id as string, e))).execute();
    }
  }
}
