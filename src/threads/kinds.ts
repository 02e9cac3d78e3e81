import { readFileSync } from 'node:fs';
import { dataPath } from '../data.js';
import { ParleyError } from '../document/errors.js';
import type { Factuality, ThreadKind } from '../document/types.js';

interface StatusSpec { rank?: number; setback?: boolean; final?: boolean }
interface EventRuleSpec { types: string[]; modes?: string[]; cameo?: string[]; needsSubject?: boolean; status: Partial<Record<Factuality, string>> }
interface CueSpec { status: string; pattern: string; negatedOnly?: boolean }
interface KindSpec {
  noun: string;
  subjects: string;
  anaphors?: string;
  titleFromPeople?: boolean;
  statuses: Record<string, StatusSpec>;
  expects: Record<string, string>;
  events: EventRuleSpec[];
  cues: CueSpec[];
}

export interface CompiledCue { status: string; pattern: RegExp; negatedOnly: boolean }

/** One thread kind with its patterns compiled. */
export interface KindModel {
  kind: ThreadKind;
  noun: string;
  titleFromPeople: boolean;
  subjects: RegExp;
  anaphors: RegExp | null;
  statuses: Record<string, StatusSpec>;
  expects: Record<string, string>;
  events: EventRuleSpec[];
  cues: CompiledCue[];
  /** Any of the cues (no g flag: a test, not a scan); a sentence that fails it has none of them. */
  anyCue: RegExp;
}

export interface ThreadModel {
  windowDays: number;
  kinds: KindModel[];
  /** Any kind's subject or anaphor: most sentences name no initiative and are skipped at once. */
  anySubject: RegExp;
  /** Which kinds' subjects and anaphors may begin with each word (see `subjectWords`). */
  subjectWords: SubjectWords;
}

/**
 * The words a kind's subjects and anaphors can begin with, for a pass over a sentence's words to
 * tell which kinds it may name before any pattern runs. A word is a maximal run of ASCII letters,
 * lower-cased, keyed by `wordHash`; two words of one hash share their kinds (a sentence is then
 * searched for a kind it does not name, never the reverse).
 */
export interface SubjectWords {
  /** Word hash → the bits (`bits`) of the kinds whose subjects or anaphors may begin with the word. */
  kindsOf: Map<number, number>;
  /** Per kind (by position in `kinds`), its bit; 0 for a kind whose patterns are not word lists, searched in every sentence. */
  bits: number[];
  /** Whether some kind has no bit. */
  unlisted: boolean;
  shortest: number;
  longest: number;
}

/** Hash of a lower-case word, the one readSignals computes letter by letter. */
export function wordHash(word: string): number {
  let h = 0;
  for (let i = 0; i < word.length; i++) h = (Math.imul(h, 31) + word.charCodeAt(i)) | 0;
  return h;
}

/**
 * The words every match of a pattern begins with, lower-cased, when the pattern is a list of
 * words and phrases between \b and \b — `\b(aid|peace (?:plan|deal)|sanctions?|(?:exchange|swap) of prisoners)\b`:
 * each alternative begins with a run of letters (or a group of plain words) that a space, "-" or
 * the closing \b ends, so a match begins where a maximal run of letters begins, and that run is
 * one of these words. Null for any pattern of another form.
 */
export function leadingWords(source: string): string[] | null {
  const whole = /^\\b\((?:\?:)?(.*)\)\\b$/s.exec(source);
  if (!whole || /[\\[\]{}*+.^$]/.test(whole[1])) return null;
  const alternatives = splitTopLevel(whole[1]);
  if (!alternatives) return null;
  const words: string[] = [];
  for (const alt of alternatives) {
    let first: string[];
    let rest: string;
    if (alt.startsWith('(?:')) {
      const close = alt.indexOf(')');
      const inner = alt.slice(3, close).split('|');
      if (close < 0 || !inner.every((w) => /^[A-Za-z]+$/.test(w))) return null;
      first = inner;
      rest = alt.slice(close + 1);
    } else {
      const run = /^[A-Za-z]+/.exec(alt);
      if (!run) return null;
      rest = alt.slice(run[0].length);
      // "sanctions?": the last letter may be left out.
      if (rest.startsWith('?') && run[0].length > 1) { first = [run[0], run[0].slice(0, -1)]; rest = rest.slice(1); }
      else first = [run[0]];
    }
    // What ends the word: the end of the alternative (then the closing \b), or a space or a
    // hyphen that the pattern does not make optional.
    if (rest !== '' && ((rest[0] !== ' ' && rest[0] !== '-') || rest[1] === '?')) return null;
    words.push(...first.map((w) => w.toLowerCase()));
  }
  return words;
}

/** The alternatives of a group's content split at its top-level bars; null if its parentheses do not balance. */
function splitTopLevel(content: string): string[] | null {
  const out: string[] = [];
  let depth = 0, from = 0;
  for (let i = 0; i < content.length; i++) {
    const c = content[i];
    if (c === '(') depth++;
    else if (c === ')' && --depth < 0) return null;
    else if (c === '|' && depth === 0) { out.push(content.slice(from, i)); from = i + 1; }
  }
  if (depth !== 0) return null;
  out.push(content.slice(from));
  return out;
}

function subjectWordsOf(specs: readonly KindSpec[]): SubjectWords {
  const kindsOf = new Map<number, number>();
  const bits: number[] = [];
  let shortest = Infinity, longest = 0;
  specs.forEach((spec, k) => {
    const lists = [spec.subjects, ...(spec.anaphors ? [spec.anaphors] : [])].map(leadingWords);
    // A mask is a 31-bit integer: a kind past the 31st is searched in every sentence.
    if (k > 30 || lists.some((w) => w === null)) { bits.push(0); return; }
    bits.push(1 << k);
    for (const word of lists.flat() as string[]) {
      shortest = Math.min(shortest, word.length);
      longest = Math.max(longest, word.length);
      const key = wordHash(word);
      kindsOf.set(key, (kindsOf.get(key) ?? 0) | (1 << k));
    }
  });
  return { kindsOf, bits, unlisted: bits.includes(0), shortest, longest };
}

let shared: ThreadModel | undefined;

/** Loads data/threads/kinds.json once and compiles its patterns. */
export function loadThreadModel(): ThreadModel {
  if (shared) return shared;
  const path = dataPath('threads', 'kinds.json');
  const raw = JSON.parse(readFileSync(path, 'utf8')) as { window_days: number; kinds: Record<string, KindSpec> };
  const kinds: KindModel[] = [];
  for (const [kind, spec] of Object.entries(raw.kinds)) {
    const compile = (src: string, what: string) => {
      try { return new RegExp(src, 'gi'); } catch (err) {
        throw new ParleyError('P040', `${path}: ${kind}.${what} is not a valid pattern: ${(err as Error).message}`);
      }
    };
    for (const c of spec.cues) {
      if (!spec.statuses[c.status]) throw new ParleyError('P040', `${path}: ${kind} cue names unknown status "${c.status}"`);
    }
    kinds.push({
      kind: kind as ThreadKind, noun: spec.noun, titleFromPeople: Boolean(spec.titleFromPeople), statuses: spec.statuses, expects: spec.expects, events: spec.events,
      subjects: compile(spec.subjects, 'subjects'), anaphors: spec.anaphors ? compile(spec.anaphors, 'anaphors') : null,
      cues: spec.cues.map((c, i) => ({ status: c.status, pattern: compile(c.pattern, `cues[${i}]`), negatedOnly: Boolean(c.negatedOnly) })),
      anyCue: spec.cues.length ? new RegExp(spec.cues.map((c) => `(?:${c.pattern})`).join('|'), 'i') : /(?!)/,
    });
  }
  const any = Object.values(raw.kinds).flatMap((k) => [k.subjects, ...(k.anaphors ? [k.anaphors] : [])]);
  return (shared = {
    windowDays: raw.window_days, kinds, anySubject: new RegExp(any.map((p) => `(?:${p})`).join('|'), 'i'),
    subjectWords: subjectWordsOf(Object.values(raw.kinds)),
  });
}
