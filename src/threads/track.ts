import { hash } from 'node:crypto';
import type { Document } from '../document/document.js';
import type { Article, ParleyDocument, Thread, ThreadEvidence, ThreadReport, ThreadStep } from '../document/types.js';
import type { KindModel, ThreadModel } from './kinds.js';
import { readSignals, type Signal } from './signals.js';
import { minhash, nearDuplicate } from './similarity.js';

const kindOf = (model: ThreadModel, kind: string) => model.kinds.find((k) => k.kind === kind) as KindModel;

/**
 * Items by (thread kind, participant country). Joining needs a shared participant
 * (`participantsMatch`), so the threads one thread could join are all under one of its own
 * (kind, country) keys: a fold looks there instead of testing every thread.
 */
class KindCountryIndex<T> {
  private readonly byKey = new Map<string, T[]>();

  add(item: T, kind: string, countries: readonly string[]): void {
    for (const c of countries) {
      const key = `${kind}|${c}`;
      const list = this.byKey.get(key);
      if (list) list.push(item); else this.byKey.set(key, [item]);
    }
  }

  get(kind: string, country: string): readonly T[] {
    return this.byKey.get(`${kind}|${country}`) ?? [];
  }
}

/** Two participant sets belong to one initiative when they share two countries, or all of the smaller set. */
export function participantsMatch(a: readonly string[], b: readonly string[]): boolean {
  if (!a.length || !b.length) return false;
  // Counted in a loop: a fold asks this of every candidate thread, many times a batch.
  let shared = 0;
  for (const c of a) if (b.includes(c)) shared++;
  return shared >= Math.min(2, a.length, b.length);
}

const DAY_MS = 86_400_000;

/** An outlet is the source's name, else the URL's host, else the article itself. */
export function outletOf(doc: ParleyDocument | Document): string {
  const a = doc.article;
  if (a.source) return a.source.trim().toLowerCase();
  if (a.url) { try { return new URL(a.url).host.replace(/^www\./, ''); } catch { /* not a URL: fall through */ } }
  return `article:${a.id}`;
}

/** Groups of outlets 0…n-1, joined as texts link them: `join` merges two groups, `count` is how many are left. */
class OutletGroups {
  private readonly parent: number[];
  count: number;

  constructor(n: number) {
    this.parent = Array.from({ length: n }, (_, i) => i);
    this.count = n;
  }

  /** The group of outlet `i`, by its first member found. */
  find(i: number): number {
    return this.parent[i] === i ? i : (this.parent[i] = this.find(this.parent[i]));
  }

  join(a: number, b: number): void {
    const x = this.find(a), y = this.find(b);
    if (x !== y) { this.parent[x] = y; this.count--; }
  }
}

/**
 * Distinct outlets behind a step's reports. Reports from one outlet count once, and so do
 * near-duplicate texts (a syndicated copy under another outlet's name): the connected groups of
 * reports linked by outlet or by near-duplicate text. Reports are grouped by outlet first, and two
 * outlets' reports are compared by text only until one pair links them, so a long-running thread's
 * step costs a comparison per pair of reports from outlets that stay apart, not one per pair of reports.
 */
export function corroboration(reports: readonly ThreadReport[]): number {
  // One report (every step of a single article) is one outlet: no pairs to compare.
  if (reports.length < 2) return reports.length;
  const byOutlet = new Map<string, ThreadReport[]>();
  for (const r of reports) {
    const list = byOutlet.get(r.outlet);
    if (list) list.push(r); else byOutlet.set(r.outlet, [r]);
  }
  const outlets = [...byOutlet.values()];
  const groups = new OutletGroups(outlets.length);
  for (let g = 0; g < outlets.length; g++) {
    for (let h = g + 1; h < outlets.length; h++) {
      if (groups.find(g) !== groups.find(h) && linked(outlets[g], outlets[h])) groups.join(g, h);
    }
  }
  return groups.count;
}

/**
 * `corroboration(reports)` for a step whose first `known` reports had the count `was`. When that
 * count is their number of outlets, no report of one of those outlets is a near duplicate of
 * another's, so only pairs with a later report can link two outlets: a fold that adds a few reports
 * to a long-running step compares those few with the rest, not every pair again. Otherwise it counts
 * afresh.
 */
export function corroborationGrown(reports: readonly ThreadReport[], known: number, was: number): number {
  if (known < 1) return corroboration(reports);
  const oldOutlets = new Set<string>();
  for (let i = 0; i < known; i++) oldOutlets.add(reports[i].outlet);
  if (was !== oldOutlets.size) return corroboration(reports);
  const index = new Map<string, number>();
  for (const r of reports) if (!index.has(r.outlet)) index.set(r.outlet, index.size);
  const groups = new OutletGroups(index.size);
  for (let i = known; i < reports.length; i++) {
    const a = index.get(reports[i].outlet)!;
    for (let j = 0; j < i; j++) {
      const b = index.get(reports[j].outlet)!;
      if (groups.find(a) !== groups.find(b) && nearDuplicate(reports[i].signature, reports[j].signature)) groups.join(a, b);
    }
  }
  return groups.count;
}

/** Some report of `a` and some report of `b` are near-duplicate texts. */
function linked(a: readonly ThreadReport[], b: readonly ThreadReport[]): boolean {
  for (const x of a) for (const y of b) if (nearDuplicate(x.signature, y.signature)) return true;
  return false;
}

/** `[...new Set([...list, ...more])]`, grown in place when `list` has no repeats (as a merged list never has). */
function union(list: string[], more: readonly string[]): string[] {
  const seen = new Set(list);
  if (seen.size !== list.length) return [...new Set([...list, ...more])];
  for (const x of more) if (!seen.has(x)) { seen.add(x); list.push(x); }
  return list;
}

/**
 * Steps a fold grew, to count once at the end: those it found, with their reports and count before
 * it and their thread, and those it made, with null.
 */
type Counted = Map<ThreadStep, { known: number; was: number; thread: Thread } | null>;

/** The spec of a status the model does not list. */
const NO_SPEC: Readonly<{ rank?: number; setback?: boolean; final?: boolean }> = Object.freeze({});

/**
 * The current status: walk the history in date order; a setback always moves the thread, a forward
 * status only when it ranks at least as high as the current one (so "the proposed talks", said of a
 * meeting already agreed, moves nothing).
 */
export function currentStatus(kind: KindModel, history: readonly ThreadStep[]): string {
  let current: string | null = null;
  for (const step of history) {
    const spec = kind.statuses[step.status] ?? NO_SPEC;
    const now = current ? kind.statuses[current] ?? NO_SPEC : null;
    if (spec.setback || !now || now.setback || (spec.rank ?? 0) >= (now.rank ?? 0)) current = step.status;
  }
  return current ?? history[history.length - 1]?.status ?? 'unknown';
}

/**
 * Adds one step report to a history: merged into the same status unless a setback came between.
 * A step the caller made for this call alone (`owned`, with `corroboration` already its last key)
 * goes in as it is, rather than as a copy with `corroboration` added: the same keys in the same order.
 * With `counted`, the step that took the report is added to it and its corroboration is left for the
 * caller to count once, after all its reports are in (a fold may add hundreds to one step); a step
 * the fold found already there is noted with its reports and count before the fold's.
 */
function addStep(kind: KindModel, history: ThreadStep[], step: ThreadStep, owned = false, counted?: { steps: Counted; thread: Thread }): void {
  let same = -1;
  for (let i = history.length - 1; i >= 0; i--) if (history[i].status === step.status) { same = i; break; }
  let setbackSince = false;
  for (let i = same + 1; same >= 0 && i < history.length && !setbackSince; i++) setbackSince = Boolean(kind.statuses[history[i].status]?.setback);
  if (same >= 0 && !setbackSince) {
    // The history's steps are the caller's own (a fold's copy), so lists grow in place rather
    // than being copied whole for every report a long-running thread gains.
    const h = history[same];
    h.events = union(h.events, step.events);
    h.articles = union(h.articles, step.articles);
    if (step.evidence?.length) (h.evidence ??= []).push(...step.evidence);
    else h.evidence ??= [];
    const reports = (h.reports ??= []);
    if (counted && !counted.steps.has(h)) counted.steps.set(h, { known: reports.length, was: h.corroboration ?? 0, thread: counted.thread });
    const known = new Set(reports.map((r) => r.article));
    for (const r of step.reports ?? []) if (!known.has(r.article)) reports.push(r);
    if (step.date && (!h.date || step.date < h.date)) h.date = step.date;
    if (step.expected && (!h.expected || step.expected > h.expected)) h.expected = step.expected;
    // Deferred, the key still takes its place now, before any key a later merge adds.
    if (counted) h.corroboration ??= 0; else h.corroboration = corroboration(h.reports);
    return;
  }
  // Keep the history in date order; a report without a date goes last.
  let at = history.length;
  if (step.date) while (at > 0 && history[at - 1].date && (history[at - 1].date as string) > step.date) at--;
  const added = owned ? step : { ...step, corroboration: 0 };
  if (counted) counted.steps.set(added, null); else added.corroboration = corroboration(added.reports ?? []);
  history.splice(at, 0, added);
}

/** A thread's articles: every step's, in the order of its history, each once. */
function articlesOf(history: readonly ThreadStep[]): string[] {
  const seen = new Set<string>();
  for (const h of history) for (const a of h.articles) seen.add(a);
  return [...seen];
}

/** A thread's derived fields: status, articles, dates and whether the expected step is overdue. */
function refreshed(kind: KindModel, t: Thread, asOf: string | null): Pick<Thread, 'status' | 'articles' | 'updated' | 'expected' | 'overdue'> {
  const status = currentStatus(kind, t.history);
  const articles = articlesOf(t.history);
  const updated = t.history.reduce<string | null>((m, h) => (h.date && (!m || h.date > m) ? h.date : m), null);
  const spec = kind.statuses[status] ?? {};
  let last: ThreadStep | undefined;
  for (let i = t.history.length - 1; i >= 0 && !last; i--) if (t.history[i].status === status) last = t.history[i];
  const expected = !spec.final && !spec.setback && kind.expects[status] ? last?.expected ?? null : null;
  return { status, articles, updated, expected, overdue: Boolean(expected && asOf && asOf > expected) };
}

/** Sets a thread's derived fields, in the order `refreshed` lists them (the order of its keys). */
function refresh(kind: KindModel, t: Thread, asOf: string | null): void {
  const r = refreshed(kind, t, asOf);
  t.status = r.status;
  t.articles = r.articles;
  t.updated = r.updated;
  t.expected = r.expected;
  t.overdue = r.overdue;
}

/** True when refreshing would change nothing (the same values, and every field already present). */
function isFresh(t: Thread, r: ReturnType<typeof refreshed>): boolean {
  return t.status === r.status && t.updated === r.updated && t.expected === r.expected && t.overdue === r.overdue
    && t.articles.length === r.articles.length && t.articles.every((a, i) => a === r.articles[i]);
}

function titleOf(kind: KindModel, people: string[], participants: string[], names: Map<string, string>): string {
  const who = kind.titleFromPeople && people.length >= 2 ? people.slice(0, 3).join('–') : participants.map((c) => names.get(c) ?? c).join('–');
  return `${who} ${kind.noun}`.trim();
}

/**
 * Groups one article's signals into threads. Events open threads; cues join the thread of their
 * kind whose participants they share (or, for "the request", the article's latest thread of that
 * kind), and open one only when they name its participants themselves.
 */
export function articleThreads(doc: Document, model: ThreadModel): Thread[] {
  const signals = readSignals(doc, model);
  if (!signals.length) return [];
  const report: ThreadReport = { article: doc.article.id, outlet: outletOf(doc), signature: minhash(doc.text) };
  const names = new Map<string, string>();
  for (const a of doc.actors ?? []) if (a.country && a.sector === 'GOV' && !names.has(a.country) && !/\s(?:officials?|government)$/i.test(a.name)) names.set(a.country, a.name);
  const threads: Thread[] = [];
  const people = new Map<Thread, string[]>();
  const place = (s: Signal): Thread | undefined => {
    const sameKind = threads.filter((t) => t.kind === s.kind);
    if (s.source === 'event') return sameKind.find((t) => participantsMatch(t.participants, s.participants));
    const joined = sameKind.filter((t) => s.participants.some((c) => t.participants.includes(c)));
    return joined[joined.length - 1] ?? (s.participants.length === 0 || s.anaphoric ? sameKind[sameKind.length - 1] : undefined);
  };
  for (const s of signals) {
    const kind = kindOf(model, s.kind);
    let t = place(s);
    if (!t) {
      // A thread needs two parties: "Qatar offered to host talks" alone names no initiative between states.
      if (s.anaphoric || s.participants.length < 2) continue;
      t = { id: `th${threads.length + 1}`, kind: s.kind, title: '', participants: [...s.participants], status: s.status, history: [], articles: [] };
      threads.push(t);
      people.set(t, [...s.people]);
    } else if (s.participants.length >= 2) {
      // A later sentence about the same initiative may name a party the first one left out.
      t.participants = [...new Set([...t.participants, ...s.participants])];
    }
    if (!people.get(t)?.length) people.set(t, [...s.people]);
    addStep(kind, t.history, {
      // The step's own list of events (its evidence keeps the signal's): merging grows it in place.
      status: s.status, date: s.date, events: [...s.events], articles: [doc.article.id], expected: s.expected,
      evidence: [{ article: doc.article.id, events: s.events, text: s.text, start: s.start, end: s.end }],
      reports: [report], corroboration: 0,
    }, true);
  }
  for (const t of threads) {
    const kind = kindOf(model, t.kind);
    t.title = titleOf(kind, people.get(t) ?? [], t.participants, names);
    refresh(kind, t, doc.article.published);
  }
  return threads;
}

/** A store-wide thread id: stable for the thread's kind and first report. */
function storeThreadId(t: Thread, articleId: string): string {
  return 'th-' + hash('sha1', `${t.kind}|${articleId}|${t.participants.join(',')}|${t.history[0]?.evidence?.[0]?.start ?? 0}`, 'hex').slice(0, 12);
}

/** What a fold reads of a stored document: a store may keep only this until it folds. */
export interface FoldDocument {
  article: Pick<Article, 'id' | 'published'>;
  threads?: Thread[];
}

/** What choosing the thread to join needs of a thread: no history, no JSON. */
export interface JoinView {
  kind: string;
  participants: string[];
  updated?: string | null;
}

/**
 * Chooses the thread each article thread of a fold joins, from the threads' kinds, participants
 * and dates alone, keeping up as joins widen participants and new threads are opened. Used by the
 * fold itself and, ahead of it, by a store that loads only the threads a batch will join
 * (`threadsJoined`): both choose by this one rule.
 */
class ThreadJoiner<T extends JoinView> {
  // Thread indices by (kind, participant country): joining needs a shared participant
  // (`participantsMatch`), so only these are tested, not every thread of a large batch.
  private readonly index = new KindCountryIndex<number>();

  /** Each date this joiner has compared, parsed once: a fold compares every candidate's date, and the dates repeat. */
  private readonly times = new Map<string, number>();

  /** `views` is read live and grows with `open`: the fold may swap a thread for its copy at the same index. */
  constructor(private readonly views: T[], private readonly windowDays: number) {
    views.forEach((v, i) => this.index.add(i, v.kind, v.participants));
  }

  private time(date: string): number {
    let t = this.times.get(date);
    if (t === undefined) { t = Date.parse(date); this.times.set(date, t); }
    return t;
  }

  /** The most recently updated thread `local` may join (among equals, the first), or -1. */
  choose(local: Thread, when: string | null | undefined): number {
    // The best so far is kept, not a list of candidates: a fold asks this for every article
    // thread, over every thread of its kind that shares a country. A thread listed under several
    // of the countries is tested again and, being equal to itself, changes nothing.
    let best = -1;
    const at = when ? this.time(when) : NaN;
    for (const c of local.participants) {
      for (const i of this.index.get(local.kind, c)) {
        if (i === best) continue;
        const t = this.views[i];
        // The date first: a subtraction, where the participants take a loop, and in a store that
        // spans months it rules out most threads of the kind and country.
        if (when && t.updated && Math.abs(at - this.time(t.updated)) / DAY_MS > this.windowDays) continue;
        if (!participantsMatch(t.participants, local.participants)) continue;
        if (best < 0) { best = i; continue; }
        const newer = (t.updated ?? '').localeCompare(this.views[best].updated ?? '');
        if (newer > 0 || (newer === 0 && i < best)) best = i;
      }
    }
    return best;
  }

  /** Adds a new thread to the views, where later article threads may join it. */
  open(view: T): void {
    this.views.push(view);
    this.index.add(this.views.length - 1, view.kind, view.participants);
  }

  /** The thread at `i` takes `local`'s participants too. */
  join(i: number, local: Thread): void {
    const t = this.views[i];
    const added = local.participants.filter((c) => !t.participants.includes(c));
    t.participants = [...new Set([...t.participants, ...local.participants])];
    this.index.add(i, t.kind, [...new Set(added)]);
  }
}

/** Each article thread of a batch a fold takes, in the fold's order (by publication date). */
function* foldOrder(documents: readonly FoldDocument[], model: ThreadModel): Generator<{ doc: FoldDocument; local: Thread; kind: KindModel; when: string | null | undefined }> {
  const ordered = [...documents].sort((a, b) => (a.article.published ?? '').localeCompare(b.article.published ?? ''));
  for (const doc of ordered) {
    for (const local of doc.threads ?? []) {
      const kind = kindOf(model, local.kind);
      if (kind) yield { doc, local, kind, when: local.updated ?? doc.article.published };
    }
  }
}

/**
 * The positions, in `existing`, of the threads that folding `documents` into them would join.
 * Folding the documents into just those threads (in the same order) changes them exactly as
 * folding into all of `existing` would: the others would only be re-judged overdue, which a
 * store does on reading anyway. So a store need load only these threads whole.
 */
export function threadsJoined(existing: readonly JoinView[], documents: readonly FoldDocument[], model: ThreadModel): number[] {
  const views: JoinView[] = existing.map((v) => ({ kind: v.kind, participants: [...v.participants], updated: v.updated ?? null }));
  const joiner = new ThreadJoiner(views, model.windowDays);
  const joined = new Set<number>();
  for (const { local, when } of foldOrder(documents, model)) {
    const best = joiner.choose(local, when);
    if (best < 0) {
      joiner.open({ kind: local.kind, participants: [...local.participants], updated: local.updated ?? null });
      continue;
    }
    if (best < existing.length) joined.add(best);
    joiner.join(best, local);
  }
  return [...joined].sort((a, b) => a - b);
}

export interface FoldOptions {
  /**
   * The caller gives the existing threads up to the fold (a store that parsed them from its rows
   * for this fold alone): the fold changes the ones it joins in place instead of copying them
   * first. Copying was a seventh of a store fold's JavaScript time (a CPU profile over 20,000
   * articles). The caller then cannot tell a changed thread by identity, only by its JSON.
   */
  inPlace?: boolean;
  /**
   * The given threads are stored heads (`forFold`): their steps hold none of what earlier folds
   * added, which the store keeps as rows of their own (`ThreadEntry`). The fold then adds to their
   * lists only what this fold brings, and leaves the corroboration of each step it grows, which
   * needs the step's earlier reports, to the caller: it lists such steps here (`countRegrown`).
   */
  regrown?: GrownStep[];
}

/** A stored step a fold added reports to, with its thread and its count before the fold. */
export interface GrownStep {
  thread: Thread;
  step: ThreadStep;
  was: number;
}

/**
 * Folds newly stored documents into the store's threads (pure unless `inPlace`: returns the new
 * list). Each article thread joins the store thread of the same kind whose participants it shares
 * and whose latest step lies within the time window; otherwise it starts a new one. Event ids
 * become `articleId:eventId`, the keys of the store's event rows.
 */
export function foldThreads(existing: readonly Thread[], documents: readonly FoldDocument[], model: ThreadModel, options: FoldOptions = {}): Thread[] {
  // Copy on write: a stored thread is cloned only when a document joins it or its derived fields
  // change; the others come back as they were given. A store holding thousands of threads folds a
  // batch in time proportional to what the batch touches, not to every thread it ever kept.
  const threads: Thread[] = [...existing];
  const own = new Set<Thread>();
  const writable = (i: number): Thread => {
    if (!own.has(threads[i])) {
      if (!options.inPlace) threads[i] = structuredClone(threads[i]);
      own.add(threads[i]);
    }
    return threads[i];
  };
  const joiner = new ThreadJoiner(threads, model.windowDays);
  /** Steps that took reports in this fold: counted once each, at the end. */
  const counted: Counted = new Map();
  let asOf = threads.reduce<string | null>((m, t) => (t.updated && (!m || t.updated > m) ? t.updated : m), null);
  for (const doc of documents) {
    const pub = doc.article.published;
    if (pub && (!asOf || pub > asOf)) asOf = pub;
  }
  for (const { doc, local, kind, when } of foldOrder(documents, model)) {
    const best = joiner.choose(local, when);
    let target: Thread;
    if (best < 0) {
      target = { ...structuredClone(local), id: storeThreadId(local, doc.article.id), history: [], articles: [] };
      own.add(target);
      joiner.open(target);
    } else {
      target = writable(best);
      joiner.join(best, local);
    }
    const key = (id: string) => `${doc.article.id}:${id}`;
    for (const step of local.history) {
      addStep(kind, target.history, {
        ...structuredClone(step), events: step.events.map(key),
        evidence: (step.evidence ?? []).map((e) => ({ ...e, events: e.events.map(key) })),
      }, false, { steps: counted, thread: target });
    }
  }
  for (const [step, before] of counted) {
    if (before && options.regrown) options.regrown.push({ thread: before.thread, step, was: before.was });
    else step.corroboration = before ? corroborationGrown(step.reports ?? [], before.known, before.was) : corroboration(step.reports ?? []);
  }
  // Overdue depends on the newest date seen, so every thread is re-evaluated, not only the changed ones.
  for (let i = 0; i < threads.length; i++) {
    const kind = kindOf(model, threads[i].kind);
    const r = refreshed(kind, threads[i], asOf);
    if (own.has(threads[i]) || !isFresh(threads[i], r)) Object.assign(writable(i), r);
  }
  return threads;
}

/**
 * What a fold added to one step of a stored thread. A store keeps these as rows that each fold
 * appends, and a thread's head (`splitThread`) apart: a fold then rewrites only the heads it
 * touches, whose size does not grow with the thread's articles, instead of every list a
 * long-running thread ever gathered (bench/fold-growth.ts).
 */
export interface ThreadEntry {
  /** The step's `key` in its thread. */
  step: number;
  events: string[];
  articles: string[];
  evidence: ThreadEvidence[];
  reports: ThreadReport[];
}

/** A stored step without its lists: what a fold rewrites of it. */
export type StepHead = Omit<ThreadStep, 'events' | 'articles' | 'evidence' | 'reports'> & { key: number };

/** A stored thread without its steps' lists and its articles: what a fold rewrites of it. */
export type ThreadHead = Omit<Thread, 'history' | 'articles'> & { history: StepHead[] };

/**
 * A folded thread as a store writes it: its head and an entry for each step that holds anything.
 * Steps new to the store are numbered after the others. Given a head folded with `forFold`, the
 * entries are what that fold added; given a whole thread, everything in it.
 */
export function splitThread(t: Thread): { head: ThreadHead; entries: ThreadEntry[] } {
  let next = 0;
  for (const s of t.history) if (s.key !== undefined && s.key >= next) next = s.key + 1;
  const entries: ThreadEntry[] = [];
  const history = t.history.map((s): StepHead => {
    const { events = [], articles = [], evidence = [], reports = [], ...rest } = s;
    const key = s.key ?? next++;
    if (events.length || articles.length || evidence.length || reports.length) entries.push({ step: key, events, articles, evidence, reports });
    return { ...rest, key };
  });
  const { articles: _, ...rest } = t;
  return { head: { ...rest, history }, entries };
}

/** A stored head made ready for `foldThreads` with `regrown`: every list there, and empty. */
export function forFold(head: ThreadHead): Thread {
  return { ...head, history: head.history.map((s) => ({ ...s, events: [], articles: [], evidence: [], reports: [] })), articles: [] };
}

/**
 * A stored thread whole again: each step of its head with its entries merged in the order they
 * were written (as the folds that wrote them merged them: lists without repeats, evidence in
 * turn, one report an article), the thread's articles as the fold derives them, and no keys.
 */
export function joinThread(head: ThreadHead, entries: readonly ThreadEntry[]): Thread {
  const byStep = new Map<number, ThreadEntry[]>();
  for (const e of entries) {
    const list = byStep.get(e.step);
    if (list) list.push(e); else byStep.set(e.step, [e]);
  }
  const history = head.history.map((s): ThreadStep => {
    const events = new Set<string>(), articles = new Set<string>(), evidence: ThreadEvidence[] = [], reports: ThreadReport[] = [];
    const reported = new Set<string>();
    for (const e of byStep.get(s.key) ?? []) {
      for (const x of e.events) events.add(x);
      for (const x of e.articles) articles.add(x);
      evidence.push(...e.evidence);
      for (const r of e.reports) if (!reported.has(r.article)) { reported.add(r.article); reports.push(r); }
    }
    // The keys in the order a fold gives them.
    const step: ThreadStep = { status: s.status, date: s.date, events: [...events], articles: [...articles] };
    if (s.expected !== undefined) step.expected = s.expected;
    step.evidence = evidence;
    step.reports = reports;
    if (s.corroboration !== undefined) step.corroboration = s.corroboration;
    return step;
  });
  const { id, kind, title, participants, status, history: _, ...rest } = head;
  return { id, kind, title, participants, status, history, articles: articlesOf(history), ...rest };
}

/**
 * Counts each step a fold grew (`FoldOptions.regrown`) from its earlier reports, which the caller
 * read from its entries, and the reports the fold added (the step's list, in a head folded with
 * `forFold`).
 */
export function countRegrown(regrown: readonly GrownStep[], earlier: (grown: GrownStep) => readonly ThreadReport[]): void {
  for (const g of regrown) {
    const added = g.step.reports ?? [];
    if (!added.length) { g.step.corroboration = g.was; continue; }
    const before = earlier(g);
    // An article is folded once, so none of its reports is stored already; were one, it would count
    // once, as `joinThread` lists it once.
    const reported = new Set(before.map((r) => r.article));
    g.step.corroboration = corroborationGrown([...before, ...added.filter((r) => !reported.has(r.article))], before.length, g.was);
  }
}
