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
  return (shared = { windowDays: raw.window_days, kinds, anySubject: new RegExp(any.map((p) => `(?:${p})`).join('|'), 'i') });
}
