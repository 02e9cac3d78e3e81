import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ParleyError } from '../document/errors.js';

/** How a cue takes its reported content. */
export type CueComplement = 'clause' | 'that';

export interface CueVerb {
  lemma: string;
  /** 'clause': a bare clause counts ("said the talks failed"); 'that': only "… that …". */
  complement: CueComplement;
  /** Takes a hearer that belongs to the cue span ("told reporters"). */
  addressee: boolean;
}

export interface CuePhrase {
  lemma: string;
  /** Lower-cased words in order ("pointed", "out"). */
  words: string[];
  /** 'verb': used like a cue verb ("X pointed out that …"); 'source': names the source after it ("according to X"). */
  kind: 'verb' | 'source';
  /** The cue as a verb, for 'verb' phrases. */
  verb: CueVerb;
}

/** The compiled quote lexicon: every lookup is a Map or Set hit. */
export interface QuoteLexicon {
  readonly version: number;
  /** Inflected form (lower case) → cue verb. */
  readonly cueForms: ReadonlyMap<string, CueVerb>;
  /** First word (lower case) → phrases starting with it. */
  readonly phrases: ReadonlyMap<string, readonly CuePhrase[]>;
  /** Role noun form → default sector (null when the noun alone says nothing about sector). */
  readonly roles: ReadonlyMap<string, string | null>;
  /** Institution noun → sector ("radio" → MED): a speaker headed by one is never anonymous. */
  readonly institutions: ReadonlyMap<string, string | null>;
  /** Modifier word → sector ("military official" → MIL). */
  readonly roleSectorWords: ReadonlyMap<string, string>;
  /** Role noun → sector that overrides the role default ("lawmakers" → LEG). */
  readonly roleSectorNouns: ReadonlyMap<string, string>;
  readonly anonymityMarkers: readonly string[];
  /** One pattern matching any anonymity marker as a literal, or null when there is none. */
  readonly anonymityPattern: RegExp | null;
  /** The words a cue form or a phrase starts with: the test made of every token. */
  readonly cueStarts: ReadonlySet<string>;
  readonly determiners: ReadonlySet<string>;
  /** Personal pronoun → what it can refer to. */
  readonly pronouns: ReadonlyMap<string, 'person' | 'group' | 'organization'>;
}

const defaults = Object.freeze({ file: join('data', 'quotes', 'cues.json') });

/**
 * Finds the package root (the folder holding data/quotes) from this module, which runs either
 * from src/quotes (tsx) or from dist/src/quotes (built).
 */
function findDataFile(relative: string): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, relative);
    if (existsSync(candidate)) return candidate;
    dir = dirname(dir);
  }
  throw new ParleyError('P011', `Quote lexicon ${relative} not found above ${dirname(fileURLToPath(import.meta.url))}: is the package's data/ folder installed?`);
}

interface RawLexicon {
  _header?: { version?: number };
  cues?: { lemma: string; forms: string[]; complement?: string; addressee?: boolean }[];
  phrases?: { lemma: string; words: string[]; kind?: string }[];
  roles?: { forms: string[]; sector: string | null }[];
  institutions?: { forms: string[]; sector: string | null }[];
  roleSectorWords?: Record<string, string>;
  roleSectorNouns?: Record<string, string>;
  anonymityMarkers?: string[];
  determiners?: string[];
  pronouns?: Record<string, string>;
}

function invalid(path: string, why: string): never {
  throw new ParleyError('P040', `Quote lexicon ${path}: ${why}`);
}

/** Compiles raw lexicon JSON; throws P040 naming the first problem. */
export function compileQuoteLexicon(raw: unknown, path = '(inline)'): QuoteLexicon {
  if (!raw || typeof raw !== 'object') invalid(path, 'not a JSON object');
  const data = raw as RawLexicon;
  if (!Array.isArray(data.cues) || data.cues.length === 0) invalid(path, '"cues" must be a non-empty array');
  const cueForms = new Map<string, CueVerb>();
  for (const cue of data.cues) {
    if (typeof cue.lemma !== 'string' || !Array.isArray(cue.forms) || cue.forms.length === 0) invalid(path, `cue ${JSON.stringify(cue)} needs a lemma and forms`);
    const complement = cue.complement ?? 'clause';
    if (complement !== 'clause' && complement !== 'that') invalid(path, `cue "${cue.lemma}": complement must be "clause" or "that"`);
    const verb: CueVerb = Object.freeze({ lemma: cue.lemma, complement, addressee: cue.addressee === true });
    for (const form of cue.forms) {
      const key = form.toLowerCase();
      if (cueForms.has(key)) invalid(path, `form "${form}" listed twice`);
      cueForms.set(key, verb);
    }
  }
  const phrases = new Map<string, CuePhrase[]>();
  for (const p of data.phrases ?? []) {
    if (!Array.isArray(p.words) || p.words.length < 2) invalid(path, `phrase "${p.lemma}" needs at least two words`);
    const kind = p.kind ?? 'verb';
    if (kind !== 'verb' && kind !== 'source') invalid(path, `phrase "${p.lemma}": kind must be "verb" or "source"`);
    const words = p.words.map((w) => w.toLowerCase());
    const list = phrases.get(words[0]) ?? [];
    const verb: CueVerb = Object.freeze({ lemma: p.lemma, complement: 'clause', addressee: false });
    list.push(Object.freeze({ lemma: p.lemma, words, kind, verb }));
    phrases.set(words[0], list);
  }
  const roles = new Map<string, string | null>();
  for (const r of data.roles ?? []) for (const f of r.forms) roles.set(f.toLowerCase(), r.sector ?? null);
  const institutions = new Map<string, string | null>();
  for (const r of data.institutions ?? []) for (const f of r.forms) institutions.set(f.toLowerCase(), r.sector ?? null);
  const pronouns = new Map<string, 'person' | 'group' | 'organization'>();
  for (const [word, kind] of Object.entries(data.pronouns ?? {})) {
    if (kind !== 'person' && kind !== 'group' && kind !== 'organization') invalid(path, `pronoun "${word}": unknown kind "${kind}"`);
    pronouns.set(word.toLowerCase(), kind);
  }
  const anonymityMarkers = Object.freeze([...(data.anonymityMarkers ?? [])].map((m) => m.toLowerCase()));
  const escaped = anonymityMarkers.map((m) => m.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return Object.freeze({
    version: data._header?.version ?? 0,
    cueForms,
    phrases,
    roles,
    institutions,
    roleSectorWords: new Map(Object.entries(data.roleSectorWords ?? {})),
    roleSectorNouns: new Map(Object.entries(data.roleSectorNouns ?? {})),
    anonymityMarkers,
    anonymityPattern: escaped.length ? new RegExp(escaped.join('|')) : null,
    cueStarts: new Set([...phrases.keys(), ...cueForms.keys()]),
    determiners: new Set((data.determiners ?? []).map((d) => d.toLowerCase())),
    pronouns,
  });
}

let shared: QuoteLexicon | undefined;

/** Loads data/quotes/cues.json (once per process unless a path is given). */
export function loadQuoteLexicon(path?: string): QuoteLexicon {
  if (!path && shared) return shared;
  const file = path ? resolve(path) : findDataFile(defaults.file);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    if (path && !existsSync(file)) throw new ParleyError('P011', `Quote lexicon not found: ${file}`);
    invalid(file, `unreadable JSON (${(err as Error).message})`);
  }
  const lexicon = compileQuoteLexicon(raw, file);
  if (!path) shared = lexicon;
  return lexicon;
}
