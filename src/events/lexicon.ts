/**
 * The event lexicon: reviewed data files under data/events/ compiled once into a lemma-keyed index.
 *
 * - cameo.tsv     CAMEO codes with QuadClass, name and PLOVER type/mode (facts, with provenance)
 * - lexicon.json  trigger patterns with type, mode, CAMEO code and argument slots
 * - grammar.json  function words and verb classes for factuality, voice and clause structure
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ParleyError } from '../document/errors.js';
import { PLOVER_TYPES, type PloverType } from '../document/types.js';
import { SignatureTable, signature } from './signatures.js';

export interface CameoCode {
  code: string;
  quad: number;
  name: string;
  /** PLOVER type from the CAMEO-to-PLOVER table, or null for codes it does not map (statements). */
  plover: PloverType | null;
  mode: string | null;
}

export type ControlClass = 'commit' | 'planned' | 'request' | 'threaten' | 'refuse' | 'reported' | 'transparent';

/** A later element of a pattern: a particle/preposition, or an object noun. */
export interface PatternItem {
  kind: 'word' | 'object';
  words: ReadonlySet<string>;
}

/** One trigger alternative: the head lemma and the particles glued to it ("step+up"). */
export interface TriggerAlternative {
  lemma: string;
  particles: readonly string[];
}

/** A row of an object class: when the object names one of `nouns`, these values apply. */
export interface ObjectRow {
  nouns: ReadonlySet<string>;
  type?: PloverType;
  mode?: string | null;
  cameo?: string;
  intent?: string;
}

/** An object class's rows, with each noun's first row (rows never change once loaded). */
export interface ObjectRows {
  readonly rows: readonly ObjectRow[];
  /** Noun → index of the first row that lists it: one lookup rather than a walk down every row. */
  readonly firstRow: ReadonlyMap<string, number>;
}

/** One alternative of one entry, as matchAt tries it, with the part of its score it fixes. */
export interface TriggerCandidate {
  readonly entry: LexiconEntry;
  readonly particles: readonly string[];
  /** items × 10 + particles × 3 + 5 when the entry has an object item. */
  readonly score: number;
}

export interface LexiconEntry {
  id: string;
  type: PloverType;
  mode: string | null;
  cameo: string;
  noun: boolean;
  anyPos: boolean;
  alternatives: readonly TriggerAlternative[];
  items: readonly PatternItem[];
  /** Recipient slots in order of preference: prepositions, 'between', 'obj' or 'none'. */
  recipient: readonly string[];
  control: ControlClass | null;
  /** Fires only when it governs a 'to' infinitive ("is willing to …"). */
  controlOnly: boolean;
  /** Coded only when a recipient the dictionary places is found (ambiguous verbs: "struck"). */
  requiresRecipient: boolean;
  /** Coded only with a clause complement ("ordered X to …", "ordered that …"). */
  needsComplement: boolean;
  objects: readonly ObjectRow[] | null;
  /** `objects` with its noun index. */
  objectRows: ObjectRows | null;
  /** CAMEO code of the act announced as intent; empty when it has none. */
  intent: string;
  passive: { type: PloverType; mode: string | null; cameo: string } | null;
  joint: { type: PloverType; mode: string | null; cameo: string } | null;
  /** Position in the data file: earlier entries win ties. */
  order: number;
}

export interface Grammar {
  speechVerbs: ReadonlySet<string>;
  negation: ReadonlySet<string>;
  modalHypothetical: ReadonlySet<string>;
  modalFuture: ReadonlySet<string>;
  modalWould: ReadonlySet<string>;
  control: ReadonlyMap<string, ControlClass>;
  conditional: ReadonlySet<string>;
  unconfirmedVerbs: ReadonlySet<string>;
  unconfirmedWords: ReadonlySet<string>;
  /** Objects that make a violent verb figurative ("killed the bill", "fought an illness"). */
  figurativeObjects: ReadonlySet<string>;
  /** Adverbs that put an event on someone else's word ("reportedly"). */
  reportedWords: ReadonlySet<string>;
  /** What a source refuses the press ("declined to comment"): a refusal of these is no rejection. */
  pressRefusals: ReadonlySet<string>;
  clauseBreakers: ReadonlySet<string>;
  relativePronouns: ReadonlySet<string>;
  personalPronouns: ReadonlySet<string>;
  coordinators: ReadonlySet<string>;
  npPrepositions: ReadonlySet<string>;
  timeWords: ReadonlySet<string>;
  cooperative: ReadonlySet<PloverType>;
  conflictual: ReadonlySet<PloverType>;
}

export interface Lexicon {
  readonly version: string;
  readonly entries: readonly LexiconEntry[];
  /** Entries by trigger lemma (lower case). */
  readonly byLemma: ReadonlyMap<string, readonly LexiconEntry[]>;
  readonly cameo: ReadonlyMap<string, CameoCode>;
  readonly intentDefaults: Readonly<Record<string, string>>;
  /** A request's mode and codes by the type of the act it asks for. */
  readonly requestedActs: ReadonlyMap<PloverType, { mode: string | null; appeal: string; demand: string }>;
  readonly grammar: Grammar;
  /** Quick answers about `byLemma`'s keys, asked of every token. */
  readonly triggers: TriggerIndex;
  /**
   * For each key of `byLemma`: its entries' alternatives with that lemma, in entry then
   * alternative order (the order matchAt tries them in when a token has that one form).
   */
  readonly candidatesByLemma: ReadonlyMap<string, readonly TriggerCandidate[]>;
  /** The object rows of a demand ("request.demand") and of an appeal ("request.call-for"), if any. */
  readonly requestRows: { readonly demand: ObjectRows | null; readonly appeal: ObjectRows | null };
}

/** The score matchAt gives a pattern: longer and more specific patterns win. */
export function candidateScore(entry: LexiconEntry, alt: TriggerAlternative): number {
  return entry.items.length * 10 + alt.particles.length * 3 + (entry.items.some((t) => t.kind === 'object') ? 5 : 0);
}

/** Regular guesses at the base form of an inflected word ("retaken" → "retake", "shelled" → "shell"). */
export function suffixGuesses(lower: string): string[] {
  const guesses: string[] = [];
  if (lower.endsWith('en')) guesses.push(lower.slice(0, -1), lower.slice(0, -2));
  if (lower.endsWith('ed')) guesses.push(lower.slice(0, -1), lower.slice(0, -2));
  if (lower.endsWith('ing')) guesses.push(lower.slice(0, -3), `${lower.slice(0, -3)}e`);
  if (lower.endsWith('s')) guesses.push(lower.slice(0, -1));
  return guesses;
}

type LemmaIndex = ReadonlyMap<string, readonly LexiconEntry[]>;

const GUESS_CACHE_LIMIT = 50_000;
const NO_GUESSES: readonly string[] = Object.freeze([]);

/**
 * Answers about a lexicon's trigger index, asked of every token. Built once with the lexicon.
 */
export class TriggerIndex {
  /** The keys' signatures: whether a suffix guess may be a key, before the guess is built. */
  private readonly signatures: SignatureTable;
  /**
   * A word's suffix guesses that the index holds: a pure function of the word, and most words
   * recur. Emptied when it grows past a bound, so a long-running reader stays small.
   */
  private readonly guessCache = new Map<string, readonly string[]>();

  constructor(readonly byLemma: LemmaIndex) {
    this.signatures = new SignatureTable(byLemma.keys());
  }

  /** The first m characters of the word (m ≥ 2) may be a key. */
  private prefixMayHold(word: string, m: number): boolean {
    return this.signatures.held(signature(m, word.charCodeAt(0), word.charCodeAt(1), word.charCodeAt(m - 2), word.charCodeAt(m - 1)));
  }

  has(word: string): boolean {
    return this.byLemma.has(word);
  }

  /** The suffix guesses of a word (longer than four letters) that the index holds. */
  guesses(lower: string): readonly string[] {
    // The guesses are prefixes of the word (one to three letters shorter), or the prefix before
    // "ing" with an "e" (suffixGuesses): when no key may be any of them, there is nothing to look up.
    const n = lower.length;
    // (A shorter word is not pre-filtered here: it goes to the lookup below as it is.)
    // The suffixes by character code rather than endsWith (a call each, for every token): a word
    // ends in at most one of "en"/"ed", "ing" and "s".
    let may = n < 5;
    if (!may) {
      const last = lower.charCodeAt(n - 1), prev = lower.charCodeAt(n - 2);
      if (prev === 101 /* e */ && (last === 110 /* n */ || last === 100 /* d */)) {
        may = this.prefixMayHold(lower, n - 1) || this.prefixMayHold(lower, n - 2);
      } else if (last === 103 /* g */ && prev === 110 /* n */ && lower.charCodeAt(n - 3) === 105 /* i */) {
        may = this.prefixMayHold(lower, n - 3) ||
          this.signatures.held(signature(n - 2, lower.charCodeAt(0), lower.charCodeAt(1), lower.charCodeAt(n - 4), 101 /* e */));
      } else if (last === 115 /* s */) {
        may = this.prefixMayHold(lower, n - 1);
      }
    }
    if (!may) return NO_GUESSES;
    let guesses = this.guessCache.get(lower);
    if (guesses === undefined) {
      const indexed = suffixGuesses(lower).filter((g) => this.byLemma.has(g));
      guesses = indexed.length ? indexed : NO_GUESSES;
      if (this.guessCache.size >= GUESS_CACHE_LIMIT) this.guessCache.clear();
      this.guessCache.set(lower, guesses);
    }
    return guesses;
  }
}

function indexRows(rows: readonly ObjectRow[] | null): ObjectRows | null {
  if (!rows) return null;
  const firstRow = new Map<string, number>();
  for (let r = 0; r < rows.length; r++) for (const noun of rows[r].nouns) if (!firstRow.has(noun)) firstRow.set(noun, r);
  return Object.freeze({ rows, firstRow });
}

export interface LexiconOptions {
  /** Folder holding cameo.tsv, lexicon.json and grammar.json; defaults to the package's data/events. */
  dir?: string;
}

const defaults = Object.freeze({ files: Object.freeze({ cameo: 'cameo.tsv', lexicon: 'lexicon.json', grammar: 'grammar.json' }) });

/** Finds data/events/ from this module, whether it runs from src/ (tsx) or dist/src/ (built). */
function defaultDataDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, 'data', 'events');
    if (existsSync(join(candidate, defaults.files.lexicon))) return candidate;
    dir = dirname(dir);
  }
  throw new ParleyError('P011', 'data/events/lexicon.json not found next to the package: reinstall parley or pass { dir }');
}

const words = (s: unknown): Set<string> =>
  new Set(String(s ?? '').split('|').map((w) => w.trim().toLowerCase()).filter(Boolean));

const isPlover = (t: unknown): t is PloverType => typeof t === 'string' && (PLOVER_TYPES as readonly string[]).includes(t);

function bad(file: string, detail: string): never {
  throw new ParleyError('P040', `${file}: ${detail}`);
}

/** Reads cameo.tsv: '#' lines are provenance, then a header row, then code/root/quad/plover/mode/name. */
export function readCameoTable(path: string): Map<string, CameoCode> {
  const table = new Map<string, CameoCode>();
  const lines = readFileSync(path, 'utf8').split('\n').filter((l) => l.trim() && !l.startsWith('#'));
  const header = lines.shift()?.split('\t') ?? [];
  const col = (name: string) => {
    const i = header.indexOf(name);
    if (i < 0) bad(path, `missing column "${name}"`);
    return i;
  };
  const [cCode, cQuad, cPlover, cMode, cName] = ['code', 'quad', 'plover', 'mode', 'name'].map(col);
  for (const line of lines) {
    const f = line.split('\t');
    const code = f[cCode];
    const quad = Number(f[cQuad]);
    if (!/^\d{2,4}$/.test(code) || !(quad >= 1 && quad <= 4)) bad(path, `bad row "${line}"`);
    const plover = f[cPlover] || null;
    if (plover !== null && !isPlover(plover)) bad(path, `unknown PLOVER type "${plover}" for ${code}`);
    table.set(code, { code, quad, name: f[cName] ?? '', plover, mode: f[cMode] || null });
  }
  return table;
}

function parsePattern(file: string, id: string, pattern: string): { alternatives: TriggerAlternative[]; items: PatternItem[]; noun: boolean } {
  const parts = pattern.trim().split(/\s+/);
  let head = parts.shift() ?? '';
  const noun = head.startsWith('n:');
  if (noun) head = head.slice(2);
  const alternatives = [...words(head)].map((alt) => {
    const [lemma, ...particles] = alt.split('+');
    return { lemma, particles };
  });
  if (alternatives.length === 0) bad(file, `entry ${id} has an empty pattern`);
  const items: PatternItem[] = parts.map((p) =>
    p.startsWith('@') ? { kind: 'object', words: words(p.slice(1)) } : { kind: 'word', words: words(p) });
  return { alternatives, items, noun };
}

/**
 * Loads and compiles the lexicon once: every data problem throws P040 naming the file and entry,
 * so a broken data edit fails at engine build time, never mid-batch.
 */
export function loadLexicon(options: LexiconOptions = {}): Lexicon {
  const dir = resolve(options.dir ?? defaultDataDir());
  const cameoPath = join(dir, defaults.files.cameo);
  const lexiconPath = join(dir, defaults.files.lexicon);
  const grammarPath = join(dir, defaults.files.grammar);
  for (const path of [cameoPath, lexiconPath, grammarPath]) {
    if (!existsSync(path)) throw new ParleyError('P011', `${path} not found: pass the folder that holds cameo.tsv, lexicon.json and grammar.json`);
  }
  const cameo = readCameoTable(cameoPath);
  const raw = JSON.parse(readFileSync(lexiconPath, 'utf8')) as Record<string, any>;
  const g = JSON.parse(readFileSync(grammarPath, 'utf8')) as Record<string, any>;

  const checkCode = (id: string, code: unknown): string => {
    const c = String(code ?? '');
    if (!cameo.has(c)) bad(lexiconPath, `entry ${id}: CAMEO code "${c}" is not in cameo.tsv`);
    return c;
  };

  const classes = new Map<string, any[]>(Object.entries(raw.objectClasses ?? {}));
  const objectRows = (id: string, spec: unknown): ObjectRow[] | null => {
    if (!spec) return null;
    const [name, column] = String(spec).split('/');
    const rows = classes.get(name);
    if (!rows) bad(lexiconPath, `entry ${id}: unknown object class "${name}"`);
    return rows.map((r) => {
      const row: ObjectRow = { nouns: words(r.nouns) };
      if (column === 'row') {
        if (!isPlover(r.type)) bad(lexiconPath, `object class ${name}: bad type "${r.type}"`);
        Object.assign(row, { type: r.type, mode: r.mode ?? null, cameo: checkCode(id, r.cameo), intent: r.intent ? checkCode(id, r.intent) : undefined });
      } else if (column === 'cameo') {
        row.cameo = checkCode(id, r.cameo);
      } else {
        if (!(column in r)) bad(lexiconPath, `entry ${id}: object class ${name} has no column "${column}"`);
        Object.assign(row, { mode: r.mode ?? null, cameo: checkCode(id, r[column]) });
      }
      return row;
    });
  };

  const controlClasses = new Set<ControlClass>(['commit', 'planned', 'request', 'threaten', 'refuse', 'reported', 'transparent']);
  const ids = new Set<string>();
  const entries: LexiconEntry[] = (raw.entries as any[]).map((e, order) => {
    const id = String(e.id ?? '');
    if (!/^[a-z]+\.[a-z0-9.-]+$/.test(id)) bad(lexiconPath, `bad entry id "${id}"`);
    if (ids.has(id)) bad(lexiconPath, `duplicate entry id "${id}"`);
    ids.add(id);
    if (!isPlover(e.type)) bad(lexiconPath, `entry ${id}: unknown PLOVER type "${e.type}"`);
    if (e.control != null && !controlClasses.has(e.control)) bad(lexiconPath, `entry ${id}: unknown control "${e.control}"`);
    const { alternatives, items, noun } = parsePattern(lexiconPath, id, String(e.pattern ?? ''));
    const sub = (o: any) => (o ? { type: isPlover(o.type) ? o.type : bad(lexiconPath, `entry ${id}: bad type`), mode: o.mode ?? null, cameo: checkCode(id, o.cameo) } : null);
    const intent = e.intent ? checkCode(id, e.intent) : String(raw.intentDefaults?.[e.type] ?? '');
    const objects = objectRows(id, e.objects);
    return {
      id, type: e.type, mode: e.mode ?? null, cameo: checkCode(id, e.cameo), noun, anyPos: e.pos === 'any',
      alternatives, items,
      recipient: [...words(e.recipient ?? 'obj')],
      control: e.control ?? null, controlOnly: Boolean(e.controlOnly), requiresRecipient: Boolean(e.requiresRecipient), needsComplement: Boolean(e.needsComplement),
      objects, objectRows: indexRows(objects), intent,
      passive: sub(e.passive), joint: sub(e.joint), order,
    };
  });

  const byLemma = new Map<string, LexiconEntry[]>();
  for (const entry of entries) {
    for (const alt of entry.alternatives) {
      const list = byLemma.get(alt.lemma) ?? [];
      if (!list.includes(entry)) list.push(entry);
      byLemma.set(alt.lemma, list);
    }
  }

  const candidatesByLemma = new Map<string, TriggerCandidate[]>();
  for (const [lemma, list] of byLemma) {
    const cands: TriggerCandidate[] = [];
    for (const entry of list) {
      for (const alt of entry.alternatives) {
        if (alt.lemma === lemma) cands.push(Object.freeze({ entry, particles: alt.particles, score: candidateScore(entry, alt) }));
      }
    }
    candidatesByLemma.set(lemma, cands);
  }

  const control = new Map<string, ControlClass>();
  // Earlier classes win when a word is listed twice (e.g. 'seek' is planned, 'decide' transparent).
  for (const cls of ['commit', 'refuse', 'threaten', 'request', 'planned', 'reported', 'transparent'] as ControlClass[]) {
    for (const w of words(g.controlVerbs?.[cls])) if (!control.has(w)) control.set(w, cls);
  }
  const types = (s: unknown) => new Set([...words(s)].map((t) => t.toUpperCase()).filter(isPlover)) as Set<PloverType>;
  const grammar: Grammar = {
    speechVerbs: words(g.speechVerbs),
    negation: words(g.negation),
    modalHypothetical: words(g.modalHypothetical),
    modalFuture: words(g.modalFuture),
    modalWould: words(g.modalWould),
    control,
    conditional: words(g.conditional),
    unconfirmedVerbs: words(g.unconfirmed?.verbs),
    unconfirmedWords: words(g.unconfirmed?.words),
    reportedWords: words(g.reportedWords),
    pressRefusals: words(g.pressRefusals),
    figurativeObjects: words(g.figurativeObjects),
    clauseBreakers: words(g.clauseBreakers),
    relativePronouns: words(g.relativePronouns),
    personalPronouns: words(g.personalPronouns),
    coordinators: words(g.coordinators),
    npPrepositions: words(g.npPrepositions),
    timeWords: words(g.timeWords),
    cooperative: types(g.intentConversion?.cooperative),
    conflictual: types(g.intentConversion?.conflictual),
  };

  const requestedActs = new Map<PloverType, { mode: string | null; appeal: string; demand: string }>();
  for (const [t, v] of Object.entries(raw.requestedActs ?? {})) {
    if (!isPlover(t)) continue;
    const row = v as Record<string, string>;
    requestedActs.set(t, { mode: row.mode ?? null, appeal: checkCode(`requestedActs.${t}`, row.appeal), demand: checkCode(`requestedActs.${t}`, row.demand) });
  }

  return Object.freeze({
    requestedActs,
    version: `${raw.provenance?.version ?? 'events-lexicon'}+${g.provenance?.version ?? 'events-grammar'}`,
    entries, byLemma, cameo, intentDefaults: Object.freeze({ ...(raw.intentDefaults ?? {}) }), grammar,
    triggers: new TriggerIndex(byLemma),
    candidatesByLemma,
    requestRows: Object.freeze({
      demand: entries.find((e) => e.id === 'request.demand')?.objectRows ?? null,
      appeal: entries.find((e) => e.id === 'request.call-for')?.objectRows ?? null,
    }),
  });
}
