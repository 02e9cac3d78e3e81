/**
 * The actors stage: entity recognition over the tokens, resolution of each entity to a coded
 * actor valid on the publication date, and coreference within the article.
 *
 * Output conventions other stages rely on:
 * - Entities may nest: "Ukraine" inside "Ukraine's defence ministry", "Washington" inside
 *   "officials in Washington". The inner one has `asActor: false` and `actor: null`; the outer
 *   one is the actor mention.
 * - A place used as a location ("talks in Kyiv", "travel to Washington", "U.S. soil") is a GPE
 *   (or LOC) entity with `asActor: false`, `actor: null`; its `country` is still set. A place used
 *   as an actor ("Kyiv insists") has `asActor: true` and the government as actor.
 * - Coordinated nationalities give one entity each: "Senior Hungarian and Romanian officials" is
 *   "Senior Hungarian" (HUN/GOV) and "Romanian officials" (ROU/GOV).
 * - Pronouns that refer back to one person unambiguously ("he", "his") become PERSON entities with
 *   the pronoun as text, listed among that person's mentions.
 * - Anonymous sources ("one senior Ukrainian official", "a person familiar with the talks") carry
 *   `anonymous: true` and are actors of their own, with the country the phrase gives.
 * - An unknown capitalised name stays an entity with `actor: null` and a P200 diagnostic.
 */
import type { Document } from '../document/document.js';
import { defineStage, type Stage } from '../document/pipeline.js';
import type { ActorDictionary } from './dictionary.js';
import { ActorRecognizer, recognizeSentence, tokenKeys, type RecToken } from './recognize.js';
import { resolveMentions, type ResolvedActor } from './resolve.js';

export { loadActorDictionary } from './dictionary.js';
export type { ActorDictionary, ActorDictionaryOptions, Office } from './dictionary.js';
export type { ResolvedActor } from './resolve.js';

/** A date as the resolver uses it: YYYY-MM-DD, or null. */
function dayOf(published: string | null | undefined): string | null {
  if (!published) return null;
  const m = /^(\d{4}-\d{2}-\d{2})/.exec(published);
  return m ? m[1] : null;
}

/** Recognises and resolves all actors of the document in place. */
function readActors(dict: ActorDictionary, recognizer: ActorRecognizer, doc: Document): void {
  const tokens = doc.tokens ?? [];
  const { mentions, pronouns } = recognizer.recognize(doc.text, tokens, null, doc.sentences ?? [], true);
  const result = resolveMentions(dict, doc.text, dayOf(doc.article.published), mentions, pronouns);
  doc.entities = result.entities;
  doc.actors = result.actors;
  for (const u of result.unknown) doc.diagnose(u.code, u.detail, { start: u.start, end: u.end });
}

/**
 * The pipeline stage: requires tokens and sentences, assigns entities and actors. It keeps one
 * recogniser for all the articles it reads (its working objects are reused from one to the next).
 */
export function actorsStage(dict: ActorDictionary): Stage {
  const recognizer = new ActorRecognizer(dict);
  return defineStage({
    name: 'actors',
    requires: ['tokens', 'sentences'],
    assigns: ['entities', 'actors'],
    run(doc) { readActors(dict, recognizer, doc); },
  });
}

// ---- resolveActor: one phrase, no wink-nlp ------------------------------------------------

const FUNCTION_POS: Record<string, string> = {
  the: 'DET', a: 'DET', an: 'DET', this: 'DET', that: 'DET', these: 'DET', those: 'DET',
  in: 'ADP', at: 'ADP', of: 'ADP', to: 'ADP', from: 'ADP', for: 'ADP', with: 'ADP', on: 'ADP', near: 'ADP', by: 'ADP',
  and: 'CCONJ', or: 'CCONJ', he: 'PRON', she: 'PRON', it: 'PRON', they: 'PRON', his: 'PRON', her: 'PRON', its: 'PRON', their: 'PRON',
  one: 'NUM', two: 'NUM', three: 'NUM',
};

/**
 * A light tokenizer for short phrases ("U.S. President Donald Trump", "Kyiv"): abbreviations with
 * dots stay whole, "'s" is split off, capitalised words are taken as proper nouns. Resolving a
 * phrase is then a few Map lookups, without loading the wink-nlp model.
 */
function tokenizePhrase(text: string): RecToken[] {
  const out: RecToken[] = [];
  const re = /(?:\p{Lu}\.){2,}|\p{Lu}\p{Ll}{0,3}\.(?=\s+\p{Lu})|['’]s\b|[\p{L}\p{M}\p{N}]+|\S/gu;
  for (const m of text.matchAll(re)) {
    const t = m[0];
    const lower = t.toLowerCase();
    const pos = FUNCTION_POS[lower] ?? (/^['’]s$/.test(t) ? 'PART' : /^\p{N}+$/u.test(t) ? 'NUM' : !/[\p{L}]/u.test(t) ? 'PUNCT' : /^\p{Lu}/u.test(t) ? 'PROPN' : 'NOUN');
    out.push({ start: m.index!, end: m.index! + t.length, text: t, lower, pos, sentence: 0 });
  }
  return out;
}

/**
 * Resolves one phrase to the coded actor it names on a date (YYYY-MM-DD, or null for "now"): the
 * actor of the widest actor mention in the phrase, or null when the phrase names none the
 * dictionary knows ("U.S." → United States USA/GOV, "Russian forces" → RUS/MIL).
 */
export function resolveActor(dict: ActorDictionary, text: string, date: string | null): ResolvedActor | null {
  const toks = tokenizePhrase(text);
  if (!toks.length) return null;
  const { mentions } = recognizeSentence(dict, text, toks, tokenKeys(dict, toks), 0, toks.length);
  const r = resolveMentions(dict, text, dayOf(date), mentions, []);
  const withActor = r.entities.filter((e) => e.actor);
  if (!withActor.length) return null;
  const main = withActor.reduce((best, e) => (e.end - e.start > best.end - best.start ? e : best));
  const a = r.actors.find((x) => x.id === main.actor)!;
  const out: ResolvedActor = { name: a.name, country: a.country, sector: a.sector, wikidata: a.wikidata, title: a.title ?? null };
  if (a.office !== undefined) out.office = a.office;
  return out;
}
