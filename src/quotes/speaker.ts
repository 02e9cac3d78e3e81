/**
 * Turns a speaker span into a typed speaker: the actor it names (from the entities and actors
 * layers), an anonymous source with the affiliation the phrase gives ("one senior Ukrainian
 * official" → anonymous, UKR, GOV), or a pronoun resolved to an earlier speaker or person.
 */
import type { Actor, Entity, Speaker, Token } from '../document/types.js';
import type { Document } from '../document/document.js';
import { resolveActor, type ActorDictionary, type ResolvedActor } from '../actors/index.js';
import type { QuoteLexicon } from './lexicon.js';
import { nounPhraseHead } from './grammar.js';

/** Office titles: a definite singular "the minister" names an identifiable person, not an anonymous source. */
const OFFICE_TITLES = new Set([
  'minister', 'spokesman', 'spokeswoman', 'spokesperson', 'ambassador', 'commander', 'general', 'president',
  'secretary', 'chancellor', 'premier', 'envoy', 'senator', 'governor', 'mayor', 'chief', 'head', 'director',
]);
const INDEFINITE = new Set(['a', 'an', 'one', 'two', 'three', 'four', 'five', 'several', 'some', 'many', 'another', 'other', 'few', 'multiple', 'numerous', 'various', 'more']);

export interface SpeakerContext {
  readonly doc: Document;
  readonly lex: QuoteLexicon;
  readonly dict: ActorDictionary;
  readonly entities: readonly Entity[];
  readonly actors: ReadonlyMap<string, Actor>;
  /** Longest entity, so an overlap search can start by binary search. */
  readonly longestEntity: number;
  /** Dictionary look-ups made for this document (resolveActor is the costly step); made on the first look-up. */
  resolved: Map<string, ResolvedActor | null> | null;
  /** Actors with a mention that is not a person (a country, an organisation, a group). */
  readonly collectiveActors: ReadonlySet<string>;
}

export interface SpeakerSpan {
  /** First token (inclusive) and last token (exclusive) of the speaker phrase. */
  start: number;
  end: number;
  /** The phrase's context says the source is unnamed on purpose ("who spoke on condition of anonymity"). */
  anonymityHint?: boolean;
}

/** A resolved speaker remembered for later pronouns. */
export interface SpeakerMention {
  speaker: Speaker;
  plural: boolean;
  /** Lower-cased head word ("official"), for a later "the official said". */
  head: string;
}

/** Entities in text order: by start, the longer first. */
const textOrder = (a: Entity, b: Entity): number => a.start - b.start || b.end - a.end;

export function createSpeakerContext(doc: Document, lex: QuoteLexicon, dict: ActorDictionary): SpeakerContext {
  const given = doc.entities ?? [];
  // The actors stage usually hands its entities over in text order already: copy and sort only when not.
  let sorted = true;
  for (let i = 1; i < given.length && sorted; i++) sorted = textOrder(given[i - 1], given[i]) <= 0;
  const entities = sorted ? given : [...given].sort(textOrder);
  const actors = new Map<string, Actor>();
  for (const a of doc.actors ?? []) actors.set(a.id, a);
  let longestEntity = 0;
  const collectiveActors = new Set<string>();
  for (const e of entities) {
    longestEntity = Math.max(longestEntity, e.end - e.start);
    if (e.actor && e.type !== 'PERSON') collectiveActors.add(e.actor);
  }
  return { doc, lex, dict, entities, actors, longestEntity, resolved: null, collectiveActors };
}

/** The entities overlapping [start, end), in text order. */
function overlapping(ctx: SpeakerContext, start: number, end: number): Entity[] {
  const ents = ctx.entities;
  // First entity that could reach `start`: its start is at least start - longestEntity.
  const from = start - ctx.longestEntity;
  let lo = 0, hi = ents.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (ents[mid].start < from) lo = mid + 1; else hi = mid; }
  const out: Entity[] = [];
  for (let i = lo; i < ents.length; i++) {
    const e = ents[i];
    if (e.start >= end) break;
    if (e.end > start) out.push(e);
  }
  return out;
}

function lookUp(ctx: SpeakerContext, text: string): ResolvedActor | null {
  ctx.resolved ??= new Map();
  let hit = ctx.resolved.get(text);
  if (hit === undefined) {
    hit = resolveActor(ctx.dict, text, ctx.doc.article.published ?? null);
    ctx.resolved.set(text, hit);
  }
  return hit;
}

function isPlural(t: Token, lex: QuoteLexicon): boolean {
  if (t.pos === 'PRON') return t.lower === 'they' || t.lower === 'we';
  if (t.lower === 'people' || t.lower.endsWith('men')) return true;
  if (!t.lower.endsWith('s') || t.lower.endsWith('ss')) return false;
  // wink-nlp tags a sentence-initial plural role as PROPN without a lemma ("Advisers/PROPN").
  return t.pos === 'NOUN' ? t.lemma !== t.lower : lex.roles.has(t.lower);
}

/**
 * Whether a lower-cased text contains one of the lexicon's anonymity markers. One precompiled
 * alternation of the literal markers (built with the lexicon) answers what a `some(includes)`
 * over the list would.
 */
export function containsAnonymityMarker(lex: QuoteLexicon, lowerText: string): boolean {
  return lex.anonymityPattern !== null && lex.anonymityPattern.test(lowerText);
}

function hasAnonymityMarker(lex: QuoteLexicon, phrase: string): boolean {
  return containsAnonymityMarker(lex, phrase.toLowerCase());
}

/** Sector from the words of a role phrase: "military officials" → MIL, "lawmakers" → LEG. */
function roleSector(lex: QuoteLexicon, toks: readonly Token[], start: number, head: number): string | null {
  const byNoun = lex.roleSectorNouns.get(toks[head].lower);
  if (byNoun) return byNoun;
  for (let i = start; i < head; i++) {
    const s = lex.roleSectorWords.get(toks[i].lower);
    if (s) return s;
  }
  return lex.roles.get(toks[head].lower) ?? null;
}

/**
 * The affiliation of an unnamed source: an actor named inside the phrase ("Ukrainian",
 * "officials in Washington", "advisers to the Ukrainian President"), taken from the actors layer,
 * else asked of the actor dictionary word by word.
 */
function affiliation(ctx: SpeakerContext, toks: readonly Token[], start: number, end: number, head: number): { country: string | null; sector: string | null } {
  const from = toks[start].start, to = toks[end - 1].end;
  for (const e of overlapping(ctx, from, to)) {
    if (e.start <= toks[head].start && e.end >= toks[head].end && e.type === 'PERSON') continue;
    const actor = e.actor ? ctx.actors.get(e.actor) : undefined;
    if (actor?.country) return { country: actor.country, sector: actor.sector };
  }
  for (let i = start; i < end; i++) {
    const t = toks[i];
    // Only capitalised words can name an affiliation ("Ukrainian", "Kremlin"); "senior" cannot.
    if (i === head || t.text[0] === t.lower[0]) continue;
    const resolved = lookUp(ctx, t.text);
    if (resolved?.country) return { country: resolved.country, sector: resolved.sector };
  }
  return { country: null, sector: null };
}

type SpeakerBase = { text: string; start: number; end: number };

/**
 * A speaker over the span `base`. Spelled out rather than spread (`{ ...base, actor, … }`): every
 * speaker gets one object shape, built without a copy loop, which V8 makes much cheaper.
 */
function speakerAt(base: SpeakerBase, actor: string | null, name: string | null, anonymous: boolean, country: string | null, sector: string | null): Speaker {
  return { text: base.text, start: base.start, end: base.end, actor, name, anonymous, country, sector };
}

/** An earlier speaker's reading moved to a new span ("… the official said" after "a senior official told …"). */
const sameSpeakerAt = (base: SpeakerBase, s: Speaker): Speaker => speakerAt(base, s.actor, s.name, s.anonymous, s.country, s.sector);

function speakerFromActor(ctx: SpeakerContext, base: SpeakerBase, entity: Entity, actor: Actor | undefined, anonymous: boolean): Speaker {
  // A person's name, only when the actor is a person: coreference may tie a PERSON mention
  // ("the negotiator") to a country actor, whose name is no person's name.
  const personal = entity.type === 'PERSON' && !anonymous && (!actor || !ctx.collectiveActors.has(actor.id));
  return speakerAt(base, actor?.id ?? null, personal ? (actor?.name ?? entity.text) : null, anonymous, actor?.country ?? null, actor?.sector ?? null);
}

const PERSON_TYPES: ReadonlySet<string> = new Set(['PERSON']);
const ORGANIZATION_TYPES: ReadonlySet<string> = new Set(['ORG', 'GPE']);
const GROUP_TYPES: ReadonlySet<string> = new Set(['GROUP', 'NORP', 'ORG', 'GPE']);

/** Resolves a pronoun to the nearest earlier compatible speaker or entity. */
function resolvePronoun(ctx: SpeakerContext, base: SpeakerBase, pronoun: Token, history: readonly SpeakerMention[]): Speaker {
  const kind = ctx.lex.pronouns.get(pronoun.lower);
  const unresolved = speakerAt(base, null, null, false, null, null);
  // The actors layer may already have resolved the pronoun itself.
  const own = overlapping(ctx, base.start, base.end).find((e) => e.actor);
  if (own) return speakerFromActor(ctx, base, own, ctx.actors.get(own.actor!), own.anonymous === true);

  // The nearest earlier candidate wins. Positions compare by end offset and earlier speakers are
  // considered before entities, so a source wins over an entity inside its own phrase
  // ("Officials in Washington … They said").
  let bestAt = -1;
  let bestMention: SpeakerMention | undefined;
  let bestEntity: Entity | undefined;
  for (const m of history) {
    const plural = m.plural;
    const fits = kind === 'group' ? plural : kind === 'person' ? !plural && (m.speaker.name !== null || m.speaker.anonymous) : !plural && m.speaker.name === null && !m.speaker.anonymous;
    if (fits && m.speaker.end <= base.start && m.speaker.end > bestAt) { bestAt = m.speaker.end; bestMention = m; }
  }
  const wanted = kind === 'person' ? PERSON_TYPES : kind === 'organization' ? ORGANIZATION_TYPES : GROUP_TYPES;
  for (const e of ctx.entities) {
    if (e.start >= base.start) break;
    if (e.actor && wanted.has(e.type) && e.end <= base.start && e.end > bestAt) { bestAt = e.end; bestEntity = e; bestMention = undefined; }
  }
  if (bestEntity) return speakerFromActor(ctx, base, bestEntity, ctx.actors.get(bestEntity.actor!), bestEntity.anonymous === true);
  if (bestMention) return sameSpeakerAt(base, bestMention.speaker);
  return unresolved;
}

/** The typed speaker for a phrase of tokens. */
export function describeSpeaker(ctx: SpeakerContext, span: SpeakerSpan, history: readonly SpeakerMention[]): SpeakerMention {
  const toks = ctx.doc.tokens!;
  const head = nounPhraseHead(toks, span.start, span.end, ctx.lex);
  const typed = typeSpeaker(ctx, span, head, history);
  return { speaker: typed.speaker, plural: typed.plural, head: toks[head].lower };
}

/**
 * "the official said" after "a senior official told reporters": a definite role phrase with no
 * modifiers of its own is the last source with that role.
 */
function anaphoricSource(ctx: SpeakerContext, span: SpeakerSpan, head: number, history: readonly SpeakerMention[]): SpeakerMention | undefined {
  const toks = ctx.doc.tokens!;
  if (head !== span.start + 1 || span.end !== head + 1 || toks[span.start].lower !== 'the') return undefined;
  const word = toks[head].lower;
  if (!ctx.lex.roles.has(word)) return undefined;
  for (let k = history.length - 1; k >= 0; k--) if (history[k].head === word && history[k].speaker.end <= toks[span.start].start) return history[k];
  return undefined;
}

function typeSpeaker(ctx: SpeakerContext, span: SpeakerSpan, head: number, history: readonly SpeakerMention[]): { speaker: Speaker; plural: boolean } {
  const toks = ctx.doc.tokens!;
  const text = ctx.doc.text;
  const first = toks[span.start], last = toks[span.end - 1];
  const base = { text: text.slice(first.start, last.end), start: first.start, end: last.end };
  const headTok = toks[head];
  const plural = isPlural(headTok, ctx.lex);
  if (headTok.pos === 'PRON') return { speaker: resolvePronoun(ctx, base, headTok, history), plural };
  const earlier = anaphoricSource(ctx, span, head, history);
  if (earlier) return { speaker: sameSpeakerAt(base, earlier.speaker), plural };

  const ents = overlapping(ctx, base.start, base.end);
  const headEntity = ents.find((e) => e.start <= headTok.start && e.end >= headTok.end && e.actor);
  const hinted = span.anonymityHint === true || hasAnonymityMarker(ctx.lex, base.text);
  // The last part of a hyphenated title is not a role of its own ("secretary-general").
  const prevTok = toks[head - 1];
  const compound = prevTok !== undefined && prevTok.text === '-' && prevTok.start === headTok.start - 1 && head - 1 > span.start;
  const isRole = ctx.lex.roles.has(headTok.lower) && !compound;
  if (headEntity && !(isRole && headEntity.type !== 'PERSON' && headEntity.type !== 'GROUP')) {
    const actor = ctx.actors.get(headEntity.actor!);
    // A role phrase without a person's name is an unnamed source even when the actors layer typed
    // it PERSON ("the negotiator", "a spokesman"); a named person in the phrase fails isUnnamedRole.
    const anonymous = headEntity.anonymous ?? (isRole && isUnnamedRole(toks, span.start, head, plural));
    const speaker = speakerFromActor(ctx, base, headEntity, actor, anonymous || (hinted && headEntity.type !== 'PERSON'));
    if (isRole) speaker.sector = roleSector(ctx.lex, toks, span.start, head) ?? speaker.sector;
    // "Zelensky and Macron said": the contract has one actor per speaker; keep the head's actor
    // but no single person's name for two people.
    if (speaker.name && ents.some((e) => e.type === 'PERSON' && e.actor && e.actor !== headEntity.actor && e.end <= headEntity.start)) speaker.name = null;
    return { speaker, plural };
  }
  if (isRole) {
    const anonymous = hinted || isUnnamedRole(toks, span.start, head, plural);
    const aff = affiliation(ctx, toks, span.start, span.end, head);
    return {
      speaker: speakerAt(base, null, null, anonymous, aff.country, roleSector(ctx.lex, toks, span.start, head) ?? aff.sector),
      plural,
    };
  }
  // An institution the actors layer did not resolve ("Belgrade radio", "the French embassy"):
  // the country its modifiers name, the sector its noun names.
  const institutionSector = ctx.lex.institutions.get(headTok.lower);
  if (institutionSector !== undefined) {
    const aff = affiliation(ctx, toks, span.start, span.end, head);
    return { speaker: speakerAt(base, null, null, false, aff.country, institutionSector ?? aff.sector), plural };
  }
  // A person the actors layer found but could not code ("Dmitry Peskov" outside the dictionary):
  // the name is still the speaker's; the affiliation comes from the rest of the phrase.
  const person = ents.find((e) => e.type === 'PERSON' && e.start <= headTok.start && e.end >= headTok.end);
  if (person) {
    const aff = affiliation(ctx, toks, span.start, span.end, head);
    return { speaker: speakerAt(base, null, person.text, false, aff.country, aff.sector), plural };
  }
  // A name the actors layer did not resolve: ask the dictionary for the whole phrase; an actor
  // named only inside it ("the Washington Post") gives at most a country.
  const resolved = lookUp(ctx, base.text);
  if (resolved) {
    return { speaker: speakerAt(base, null, null, false, resolved.country, resolved.sector), plural };
  }
  const aff = affiliation(ctx, toks, span.start, span.end, head);
  return { speaker: speakerAt(base, null, null, false, aff.country, null), plural };
}

/**
 * An unnamed source headed by a role noun (the caller has checked that no name heads the phrase):
 * plural, indefinite or a generic role ("officials in Washington", "one senior Ukrainian
 * official", "the diplomat", "Zelensky's advisers"). A singular office title with a definite or
 * possessive determiner ("the foreign minister", "Putin's spokesman") identifies its holder.
 */
function isUnnamedRole(toks: readonly Token[], start: number, head: number, plural: boolean): boolean {
  if (plural) return true;
  const determiner = toks[start].lower;
  if (INDEFINITE.has(determiner)) return true;
  return !OFFICE_TITLES.has(toks[head].lower);
}
