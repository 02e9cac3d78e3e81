import type { Document } from '../document/document.js';
import type { Event, Sentence, ThreadKind } from '../document/types.js';
import type { KindModel, SubjectWords, ThreadModel } from './kinds.js';

/** One report, in one sentence, that an initiative reached a status. */
export interface Signal {
  kind: ThreadKind;
  status: string;
  sentence: number;
  start: number;
  end: number;
  text: string;
  events: string[];
  /** Countries taking part, from the event's sides or the actors named in the sentence. */
  participants: string[];
  /** Surnames of the people named in the sentence, for a thread's title. */
  people: string[];
  /** From an event (which may open a thread) or a cue (which only joins one, unless it names actors). */
  source: 'event' | 'cue';
  /** The cue rests on an anaphor ("the request"): it may only join a thread the article opened. */
  anaphoric: boolean;
  date: string | null;
  expected: string | null;
}

const NEGATION = /\b(?:not|never|no|without|denied|denies|deny|denying)\b|n't\b/i;
const HYPOTHETICAL = /\b(?:if|could|would|might|may)\b/i;
/** How far a cue may stand from the noun that names the initiative (characters). */
const CUE_REACH = 80;
/** How far back a negation or a modal reaches a cue (characters, within its sentence). */
const SCOPE = 40;

const uniq = <T>(xs: T[]) => [...new Set(xs)];

function eventRule(model: KindModel, e: Event) {
  return model.events.find((r) => r.types.includes(e.type)
    && ((r.modes && e.mode !== null && r.modes.includes(e.mode)) || (r.cameo && r.cameo.some((c) => e.cameo.startsWith(c)))));
}

/** True when the sentence names the kind's initiative near an offset ("asked for *aid*"). */
function namesSubject(k: KindModel, text: string, at: number, sentence: { start: number; end: number } | undefined): boolean {
  if (!sentence) return false;
  const from = Math.max(sentence.start, at - CUE_REACH), to = Math.min(sentence.end, at + CUE_REACH);
  k.subjects.lastIndex = 0;
  return k.subjects.test(text.slice(from, to)) && ((k.subjects.lastIndex = 0), true);
}

interface SubjectMatch { at: number; end: number; anaphor: boolean }

/**
 * Appends every match of a global pattern in `body` to `out`, as String.prototype.matchAll would
 * find them, without the copy of the pattern and the iterator that matchAll makes.
 */
function matchesOf(pattern: RegExp, body: string, anaphor: boolean, out: SubjectMatch[]): SubjectMatch[] {
  pattern.lastIndex = 0;
  for (let m = pattern.exec(body); m; m = pattern.exec(body)) {
    if (m[0] === '') pattern.lastIndex++;
    out.push({ at: m.index, end: m.index + m[0].length, anaphor });
  }
  return out;
}

/** Offsets where a cue matches, in order (reused: one sentence and kind at a time). */
const cueOffsets: number[] = [];

/** Every offset at which a global pattern matches in `body` (stepping one past each match's start, not its end). */
function offsetsOf(pattern: RegExp, body: string): number[] {
  cueOffsets.length = 0;
  pattern.lastIndex = 0;
  for (let m = pattern.exec(body); m; m = pattern.exec(body)) {
    cueOffsets.push(m.index);
    pattern.lastIndex = m.index + 1;
  }
  return cueOffsets;
}

/** Per-document lookups, built once per document rather than once per signal. */
interface DocIndex {
  actorById: Map<string, { country?: string | null; name: string }>;
  /** The sentence index of each time expression (by position in doc.times), -1 outside every sentence. */
  timeSentence: number[];
}

function indexDocument(doc: Document): DocIndex {
  const times = doc.times ?? [];
  // A plain array: a typed array per document costs more to make than it saves on a handful of reads.
  const timeSentence: number[] = [];
  for (let i = 0; i < times.length; i++) timeSentence.push(doc.sentenceAt(times[i].start)?.index ?? -1);
  return { actorById: new Map((doc.actors ?? []).map((a) => [a.id, a])), timeSentence };
}

/** Countries and surnames of the actors named between two offsets. */
function actorsIn(doc: Document, index: DocIndex, start: number, end: number): { countries: string[]; people: string[] } {
  const countries: string[] = [], people: string[] = [];
  const byId = index.actorById;
  for (const ent of doc.entities ?? []) {
    if (ent.start < start || ent.end > end || !ent.actor) continue;
    const a = byId.get(ent.actor);
    if (!a?.country) continue;
    countries.push(a.country);
    if (ent.type === 'PERSON' && /^\p{Lu}/u.test(ent.text)) people.push(a.name.split(/\s+/).pop() as string);
  }
  return { countries: uniq(countries), people: uniq(people) };
}

/** The step's date: a concrete past day given in the sentence, else the publication date. */
function stepDate(doc: Document, index: DocIndex, sentence: number, eventTime: string | null): { date: string | null; expected: string | null } {
  const published = doc.article.published;
  const times = doc.times ?? [];
  const own = eventTime ? times.find((t) => t.id === eventTime) : undefined;
  let expected: string | null = null;
  if (own?.range && published && own.range[1] >= published) expected = own.range[1];
  let date: string | null = null;
  for (let i = 0; i < times.length && date === null; i++) {
    const t = times[i];
    if (index.timeSentence[i] === sentence && t.range && (!published || t.range[0] <= published) && t.range[0] === t.range[1]) date = t.range[0];
  }
  return { date: date ?? published, expected };
}

/** Whether a UTF-16 code unit is a regular-expression word character (\w: ASCII letter, digit, "_"). */
const isWordChar = (c: number): boolean => (c >= 48 && c <= 57) || ((c | 0x20) >= 97 && (c | 0x20) <= 122) || c === 95;

/** Per sentence (by position), the kinds it may name (reused: one document at a time). */
let sentenceKinds = new Int32Array(64);

/**
 * Per sentence, the kinds (bits of `words.bits`) whose subjects or anaphors it may name: those
 * whose first words it holds, found by one search over the whole text. A word is whole in the text
 * exactly where it is whole in the sentence, except across a sentence edge that cuts a run of
 * word characters: such a sentence may name any kind.
 */
function kindsBySentence(words: SubjectWords, text: string, sentences: readonly Sentence[]): Int32Array {
  if (sentenceKinds.length < sentences.length) sentenceKinds = new Int32Array(Math.max(sentences.length, 2 * sentenceKinds.length));
  sentenceKinds.fill(0, 0, sentences.length);
  const finder = words.finder;
  finder.lastIndex = 0;
  let k = 0;
  // test, not exec: no match array per word. A match is a whole word of ASCII letters, so it
  // starts where the letters before lastIndex start.
  while (k < sentences.length && finder.test(text)) {
    const end = finder.lastIndex;
    let start = end;
    while (start > 0 && ((text.charCodeAt(start - 1) | 0x20) >= 97 && (text.charCodeAt(start - 1) | 0x20) <= 122)) start--;
    while (k < sentences.length && sentences[k].end <= start) k++;
    if (k < sentences.length && start >= sentences[k].start) sentenceKinds[k] |= words.kindsOf.get(text.slice(start, end).toLowerCase()) ?? 0;
  }
  for (let i = 0; i < sentences.length; i++) {
    const { start, end } = sentences[i];
    if ((start > 0 && isWordChar(text.charCodeAt(start - 1)) && isWordChar(text.charCodeAt(start)))
      || (end < text.length && end > 0 && isWordChar(text.charCodeAt(end - 1)) && isWordChar(text.charCodeAt(end)))) sentenceKinds[i] = words.all;
  }
  return sentenceKinds;
}

/**
 * Reads the status signals of every initiative in a document: from its events (through each kind's
 * event rules) and from status cues in sentences that name the initiative ("acknowledged receiving
 * the request", "discussions are under way").
 */
export function readSignals(doc: Document, model: ThreadModel): Signal[] {
  const signals: Signal[] = [];
  const text = doc.text;
  // Built at the first signal: most articles name no initiative and never need it.
  let index: DocIndex | undefined;
  const docIndex = () => (index ??= indexDocument(doc));
  for (const e of doc.events ?? []) {
    for (const k of model.kinds) {
      const rule = eventRule(k, e);
      const status = rule?.status[e.factuality];
      if (!status) continue;
      const sentence = doc.sentences?.[e.evidence.sentence];
      if (rule?.needsSubject && !namesSubject(k, text, e.evidence.trigger.start, sentence)) continue;
      const { people } = sentence ? actorsIn(doc, docIndex(), sentence.start, sentence.end) : { people: [] };
      const participants = uniq([...e.actor, ...e.recipient].map((p) => p.country).filter((c): c is string => Boolean(c)));
      const { date, expected } = stepDate(doc, docIndex(), e.evidence.sentence, e.time);
      signals.push({
        kind: k.kind, status, sentence: e.evidence.sentence, start: e.evidence.trigger.start, end: e.evidence.trigger.end,
        text: e.evidence.trigger.text, events: [e.id], participants, people, source: 'event', anaphoric: false, date, expected,
      });
      break;
    }
  }
  const words = model.subjectWords;
  const sentences = doc.sentences ?? [];
  // One search tells which kinds each sentence may name; a kind whose subjects and anaphors are
  // not word lists is searched for in every sentence that the patterns of all kinds find.
  const namedIn = kindsBySentence(words, text, sentences);
  for (let si = 0; si < sentences.length; si++) {
    const s = sentences[si];
    const named = namedIn[si];
    if (named === 0 && !words.unlisted) continue;
    const body = text.slice(s.start, s.end);
    if (named === 0 && !model.anySubject.test(body)) continue;
    for (let kk = 0; kk < model.kinds.length; kk++) {
      const k = model.kinds[kk];
      // A kind none of whose first words the sentence holds has no subject or anaphor in it.
      if (words.bits[kk] !== 0 && (named & words.bits[kk]) === 0) continue;
      // The subjects first: a sentence that names an initiative usually names one kind of it, and
      // these word lists fail faster than the cue patterns.
      const subjects = matchesOf(k.subjects, body, false, []);
      if (k.anaphors) matchesOf(k.anaphors, body, true, subjects);
      if (!subjects.length) continue;
      // One search for all the kind's cues at once: most sentences that name an initiative carry
      // no cue. It lists every offset where some cue matches; each cue is tried (sticky) only
      // there, in order, and finds the matches a search over the whole sentence would find.
      const cuesAt = offsetsOf(k.anyCue, body);
      if (cuesAt.length === 0) continue;
      for (const cue of k.cues) {
        let from = 0;
        for (const offset of cuesAt) {
          if (offset < from) continue;
          cue.sticky.lastIndex = offset;
          const m = cue.sticky.exec(body);
          if (!m) continue;
          // As a global search does: go on after the match, or one past an empty match.
          from = m[0] === '' ? offset + 1 : offset + m[0].length;
          const at = m.index, end = at + m[0].length;
          const reach = subjects.filter((x) => Math.abs(x.at - at) <= CUE_REACH || Math.abs(x.end - end) <= CUE_REACH);
          if (!reach.length) continue;
          // "the Polish request for a meeting" names the initiative: the anaphor alone does not.
          const anaphoric = reach.every((x) => x.anaphor);
          const before = body.slice(Math.max(0, at - SCOPE), at);
          const negated = NEGATION.test(before);
          if (cue.negatedOnly ? !negated : negated) continue;
          if (!cue.negatedOnly && HYPOTHETICAL.test(before)) continue;
          if (signals.some((x) => x.kind === k.kind && x.status === cue.status && x.sentence === s.index)) continue;
          const { countries, people } = actorsIn(doc, docIndex(), s.start, s.end);
          const { date, expected } = stepDate(doc, docIndex(), s.index, null);
          signals.push({
            kind: k.kind, status: cue.status, sentence: s.index, start: s.start + at, end: s.start + end, text: m[0],
            events: [], participants: countries, people, source: 'cue', anaphoric, date, expected,
          });
        }
      }
    }
  }
  return signals.sort((a, b) => a.start - b.start);
}
