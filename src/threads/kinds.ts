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

export interface CompiledCue {
  status: string;
  pattern: RegExp;
  /** The pattern made sticky, to try it only where some cue matches (see `anyCue`). */
  sticky: RegExp;
  negatedOnly: boolean;
}

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
  /**
   * Any of the cues, global: stepping one offset past each of its matches lists every offset where
   * some cue matches (the alternation matches at an offset exactly where one of its cues does).
   */
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
 * The words a kind's subjects and anaphors can begin with, for one search over an article to tell
 * which kinds each sentence may name before any kind's patterns run on it.
 */
export interface SubjectWords {
  /** Any of the words, whole (between \b and \b), global: every occurrence in a text. */
  finder: RegExp;
  /** Lower-case word → the bits (`bits`) of the kinds whose subjects or anaphors may begin with it. */
  kindsOf: Map<string, number>;
  /** Per kind (by position in `kinds`), its bit; 0 for a kind whose patterns are not word lists, searched in every sentence. */
  bits: number[];
  /** Whether some kind has no bit. */
  unlisted: boolean;
  /** The bits of all kinds that have one. */
  all: number;
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
  const kindsOf = new Map<string, number>();
  const bits: number[] = [];
  specs.forEach((spec, k) => {
    const lists = [spec.subjects, ...(spec.anaphors ? [spec.anaphors] : [])].map(leadingWords);
    // A mask is a 31-bit integer: a kind past the 31st is searched in every sentence.
    if (k > 30 || lists.some((w) => w === null)) { bits.push(0); return; }
    bits.push(1 << k);
    for (const word of lists.flat() as string[]) kindsOf.set(word, (kindsOf.get(word) ?? 0) | (1 << k));
  });
  // Longest first, though \b on both sides already makes each match a whole word.
  const words = [...kindsOf.keys()].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  return {
    finder: words.length ? new RegExp(`\\b(?:${words.join('|')})\\b`, 'gi') : /(?!)/g,
    kindsOf, bits, unlisted: bits.includes(0), all: bits.reduce((m, b) => m | b, 0),
  };
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
      // The cues are joined into one alternation (anyCue) that decides where each is tried: a
      // back-reference or a named group would point at another cue's group there.
      if (/\\[1-9k]|\(\?<[A-Za-z]/.test(c.pattern)) throw new ParleyError('P040', `${path}: ${kind} cue "${c.pattern}" has a back-reference or a named group, which cues may not use`);
    }
    kinds.push({
      kind: kind as ThreadKind, noun: spec.noun, titleFromPeople: Boolean(spec.titleFromPeople), statuses: spec.statuses, expects: spec.expects, events: spec.events,
      subjects: compile(spec.subjects, 'subjects'), anaphors: spec.anaphors ? compile(spec.anaphors, 'anaphors') : null,
      cues: spec.cues.map((c, i) => {
        const pattern = compile(c.pattern, `cues[${i}]`);
        return { status: c.status, pattern, sticky: new RegExp(pattern.source, 'iy'), negatedOnly: Boolean(c.negatedOnly) };
      }),
      anyCue: spec.cues.length ? new RegExp(spec.cues.map((c) => `(?:${c.pattern})`).join('|'), 'gi') : /(?!)/g,
    });
  }
  const any = Object.values(raw.kinds).flatMap((k) => [k.subjects, ...(k.anaphors ? [k.anaphors] : [])]);
  return (shared = {
    windowDays: raw.window_days, kinds, anySubject: new RegExp(any.map((p) => `(?:${p})`).join('|'), 'i'),
    subjectWords: subjectWordsOf(Object.values(raw.kinds)),
  });
}
