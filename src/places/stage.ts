import type { Document } from '../document/document.js';
import { defineStage, type Stage } from '../document/pipeline.js';
import type { Entity, Place, Sentence, Token } from '../document/types.js';
import type { Gazetteer, NameMatch, PlaceRecord } from './gazetteer.js';
import { locativeUse } from './locative.js';
import { choosePlace, type PlaceContext } from './resolve.js';
import { foldName } from './fold.js';
import { ScratchBytes } from '../document/scratch.js';
import { sortShort } from '../document/sort.js';

const defaults = Object.freeze({
  /** Entity types that can be places. */
  placeEntityTypes: new Set(['GPE', 'LOC']),
  /** Longest name, in tokens, the scanner tries ("Rostov-on-Don" is five tokens, "Washington, D.C." three). */
  maxNameTokens: 7,
  /**
   * Capitalised words that are also GeoNames places of 15,000 people but in news are nearly always
   * something else: months and days ("in March" is not March, Cambridgeshire), and a few common words.
   */
  notPlaceWords: new Set([
    'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october',
    'november', 'december', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
    'independence', 'liberty', 'union', 'victoria', 'providence', 'mobile', 'reading', 'nice', 'split',
    'bath', 'deal', 'sale', 'orange', 'temple', 'concord', 'enterprise', 'commerce', 'justice', 'hope',
    'president', 'parliament', 'congress', 'senate', 'kremlin', 'pentagon', 'state', 'city', 'capitol',
    'central', 'university', 'republic', 'summit', 'alliance', 'bay', 'island', 'god', 'eagle',
    // Continents: GeoNames has towns named Asia (Philippines); Parley has no continent places.
    'asia', 'europe', 'africa', 'oceania',
  ]),
  /** Words that may follow a name inside a bigger proper name without making it that bigger name. */
  timeWords: /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|oct|nov|dec|jan|feb|mar|apr|jun|jul|aug|sep|sept)\.?$/i,
});

/** A name in the text that the gazetteer knows. */
interface Candidate {
  start: number;
  end: number;
  /** Token range [first, endToken). */
  first: number;
  endToken: number;
  match: NameMatch;
  fromEntity: boolean;
  qualifier?: PlaceContext['qualifier'];
  /** Tokens of a qualifier ("Illinois" in "Springfield, Illinois"): not a place of their own. */
  qualifierEnd?: number;
}

/** Whether a token starts with an upper-case letter; ASCII is decided by its code, the rest by \p{Lu}. */
const isCapitalised = (t: Token): boolean => {
  const c = t.text.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90;
  return /^\p{Lu}/u.test(t.text);
};
const PLAIN_LETTERS = /^[A-Za-z]+$/;

/** The token whose span starts at or after `offset`, searched from token `lo` on (an answer known not to lie before it). */
function tokenAt(tokens: readonly Token[], offset: number, lo = 0): number {
  let hi = tokens.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (tokens[mid].end <= offset) lo = mid + 1; else hi = mid; }
  return lo;
}

/**
 * Per entity of the document being read (by position in doc.entities): its token range
 * [entityFrom, entityTo), computed once for both passes that need it, and whether the gazetteer
 * does not know it whole (then the scanner looks inside it). Reused from one document to the next.
 */
let entityFrom = new Int32Array(64);
let entityTo = new Int32Array(64);
let entityUnknown = new Uint8Array(64);

function readEntityTokens(entities: readonly Entity[], tokens: readonly Token[]): void {
  if (entityFrom.length < entities.length) {
    const size = Math.max(entities.length, 2 * entityFrom.length);
    entityFrom = new Int32Array(size); entityTo = new Int32Array(size); entityUnknown = new Uint8Array(size);
  }
  for (let i = 0; i < entities.length; i++) {
    const e = entities[i];
    entityFrom[i] = tokenAt(tokens, e.start);
    // An entity ends no earlier than it starts.
    entityTo[i] = tokenAt(tokens, e.end, entityFrom[i]);
    entityUnknown[i] = 0;
  }
}

/** The shortest and longest of notPlaceWords: a text of another length needs no lower-casing to rule it out. */
const notPlaceWordLengths = [...defaults.notPlaceWords].reduce(([lo, hi], w) => [Math.min(lo, w.length), Math.max(hi, w.length)], [Infinity, 0]);
// Lower-casing keeps the length of a text that could become one of these ASCII words (only "İ" grows, into a non-ASCII pair).
const isNotPlaceWord = (text: string): boolean =>
  text.length >= notPlaceWordLengths[0] && text.length <= notPlaceWordLengths[1] && defaults.notPlaceWords.has(text.toLowerCase());

/** Looks a span up, also without a leading "the" ("the United States", but "The Hague" as written). */
function lookup(gazetteer: Gazetteer, text: string): { match: NameMatch; skip: number } | null {
  const direct = gazetteer.find(text);
  if (direct) return { match: direct, skip: 0 };
  const the = /^the\s+/i.exec(text);
  if (the) {
    const rest = gazetteer.find(text.slice(the[0].length));
    if (rest) return { match: rest, skip: the[0].length };
  }
  return null;
}

/**
 * Place names the actors stage found as GPE or LOC entities. Entities whose whole text the
 * gazetteer does not know ("eastern Ukraine", "Ukraine's") are marked in entityUnknown, for the scanner to
 * look inside.
 */
function entityCandidates(entities: readonly Entity[], gazetteer: Gazetteer, tokens: readonly Token[]): Candidate[] {
  const out: Candidate[] = [];
  for (let i = 0; i < entities.length; i++) {
    const e = entities[i];
    if (!defaults.placeEntityTypes.has(e.type)) continue;
    // "Asia" is a continent before it is a Philippine town, whoever tagged it.
    if (isNotPlaceWord(e.text)) { entityUnknown[i] = 1; continue; }
    const found = lookup(gazetteer, e.text);
    if (!found) { entityUnknown[i] = 1; continue; }
    const start = e.start + found.skip;
    const first = found.skip === 0 ? entityFrom[i] : tokenAt(tokens, start);
    const endToken = entityTo[i];
    if (first >= endToken) continue;
    // The actors stage may already know the entity's country ("Kyiv" → UKR): among places of
    // that name, keep those in that country.
    // A single place, or places all in that country, are kept as they are (filtering would copy them unchanged).
    const hinted = (e as { country?: unknown }).country;
    let match: NameMatch = found.match;
    if (typeof hinted === 'string' && match.records.length > 1) {
      const inCountry = match.records.filter((r) => r.country === hinted);
      if (inCountry.length > 0 && inCountry.length < match.records.length) match = { records: inCountry, primary: match.primary };
    }
    out.push({ start, end: e.end, first, endToken, match, fromEntity: true });
  }
  return out;
}

/**
 * Capitalised names the gazetteer knows, outside every entity: the fallback while the actors stage
 * does not tag places, and a second chance for places it missed. Longest match first.
 */
function scanCandidates(text: string, gazetteer: Gazetteer, tokens: readonly Token[], sentences: readonly Sentence[], covered: Uint8Array): Candidate[] {
  const out: Candidate[] = [];
  for (const s of sentences) {
    for (let k = s.tokenStart; k < s.tokenEnd; k++) {
      const t = tokens[k];
      if (covered[k] || !isCapitalised(t)) continue;
      let best: Candidate | null = null;
      const limit = Math.min(s.tokenEnd, k + defaults.maxNameTokens);
      // "the Hague": a lowercase article may belong to the name.
      const the = k > s.tokenStart && tokens[k - 1].lower === 'the' && !covered[k - 1] ? tokens[k - 1] : null;
      let plainOpen = true, theOpen = the !== null;
      // Grow the span a token at a time while some known name still starts with it; keep the longest match.
      for (let m = k + 1; m <= limit && (plainOpen || theOpen) && !covered[m - 1]; m++) {
        const last = tokens[m - 1];
        if (plainOpen) {
          const span = text.slice(t.start, last.end);
          const found = isCapitalised(last) ? gazetteer.find(span) : null;
          if (found) best = { start: t.start, end: last.end, first: k, endToken: m, match: found, fromEntity: false };
          plainOpen = gazetteer.hasPrefix(foldName(span));
        }
        if (theOpen && the) {
          const span = text.slice(the.start, last.end);
          const found = isCapitalised(last) ? gazetteer.find(span) : null;
          if (found && (!best || best.endToken <= m)) best = { start: the.start, end: last.end, first: k - 1, endToken: m, match: found, fromEntity: false };
          theOpen = gazetteer.hasPrefix(foldName(span));
        }
      }
      if (!best) continue;
      if (!plausibleScanName(tokens, best, s)) continue;
      out.push(best);
      k = best.endToken - 1;
    }
  }
  return out;
}

/** Keeps out "in March", "the Washington Post", "George Washington". */
function plausibleScanName(tokens: readonly Token[], c: Candidate, s: Sentence): boolean {
  const single = c.endToken - c.first === 1 ? tokens[c.first] : null;
  if (single) {
    if (defaults.notPlaceWords.has(single.lower)) return false;
    if (single.pos !== 'PROPN' && single.text !== single.text.toUpperCase()) return false;
  }
  const next = tokens[c.endToken];
  if (next && c.endToken < s.tokenEnd && next.pos === 'PROPN' && isCapitalised(next) && !defaults.timeWords.test(next.text)) return false;
  const prev = tokens[c.first - 1];
  if (prev && c.first - 1 >= s.tokenStart && c.first - 1 > s.tokenStart && prev.pos === 'PROPN' && isCapitalised(prev)) return false;
  return true;
}

/** "Springfield, Illinois", "Odessa, Texas", "Lviv, Ukraine": the qualifier and where it ends. */
function readQualifier(text: string, gazetteer: Gazetteer, tokens: readonly Token[], c: Candidate, sentenceEnd: number): void {
  const comma = tokens[c.endToken];
  if (!comma || comma.text !== ',' || c.endToken + 1 >= sentenceEnd) return;
  const from = c.endToken + 1;
  for (let m = Math.min(sentenceEnd, from + 3); m > from; m--) {
    const words = text.slice(tokens[from].start, tokens[m - 1].end);
    if (!isCapitalised(tokens[from])) return;
    const state = gazetteer.usState(words);
    if (state) { c.qualifier = { country: 'USA', admin1: state }; c.qualifierEnd = m; return; }
    const found = lookup(gazetteer, words);
    const country = found?.match.records.find((r) => r.feature === 'COUNTRY');
    if (country) { c.qualifier = { country: country.country }; c.qualifierEnd = m; return; }
  }
}

/**
 * Counts the countries where the article says things happen: country names used as locations, and
 * locations that lie in one country only. Actors and modifiers are not counted: a story about
 * "U.S. and Russian envoys" meeting in Geneva is no reason to look for Geneva in the United States.
 */
function countCountries(candidates: readonly Candidate[]): Map<string, number> {
  const counts = new Map<string, number>();
  const bump = (c: string): void => { counts.set(c, (counts.get(c) ?? 0) + 1); };
  for (const c of candidates) {
    // A country name is that country even where towns share it (Lebanon, Tennessee).
    const records = c.match.records;
    const country = records.find((r) => r.feature === 'COUNTRY');
    if (country && !c.qualifier) bump(country.country);
    else if (inOneCountry(records)) bump(records[0].country);
  }
  return counts;
}

/** Whether there are places and all lie in one country. */
function inOneCountry(records: readonly PlaceRecord[]): boolean {
  for (let i = 1; i < records.length; i++) if (records[i].country !== records[0].country) return false;
  return records.length > 0;
}

/** US states named anywhere in the article ("Illinois" makes Springfield, Illinois likelier). */
function statesNamed(text: string, gazetteer: Gazetteer, tokens: readonly Token[]): Set<string> {
  const states = new Set<string>();
  for (let k = 0; k < tokens.length; k++) {
    if (!isCapitalised(tokens[k])) continue;
    // A plain word no state's name starts with opens no state name: most capitalised words.
    if (PLAIN_LETTERS.test(tokens[k].text) && !gazetteer.mayStartUsState(tokens[k].lower)) continue;
    for (let m = Math.min(tokens.length, k + 3); m > k; m--) {
      const code = gazetteer.usState(text.slice(tokens[k].start, tokens[m - 1].end));
      if (code) { states.add(code); break; }
    }
  }
  return states;
}

function toPlace(id: number, text: string, c: Candidate, record: PlaceRecord): Place {
  return {
    id: `p${id}`, text: text.slice(c.start, c.end), start: c.start, end: c.end,
    name: record.name, country: record.country, lat: record.lat, lon: record.lon, geonameid: record.geonameid,
  };
}

/** Which tokens an entity covers: one flag per token of the document being read. */
const coveredTokens = new ScratchBytes(1024);

/** Finds the places of one document: names the gazetteer knows, used as locations. */
export function findPlaces(doc: Document, gazetteer: Gazetteer): Place[] {
  const tokens = doc.tokens ?? [];
  const sentences = doc.sentences ?? [];
  const text = doc.text;
  if (tokens.length === 0) return [];

  const entities = doc.entities ?? [];
  readEntityTokens(entities, tokens);
  const fromEntities = entityCandidates(entities, gazetteer, tokens);
  // Tokens inside any entity are the actors stage's call: a PERSON "George Washington" or an ORG
  // "the Washington Post" is no place, and a GPE is taken from the entity itself. Only GPE/LOC
  // entities the gazetteer does not know as a whole are scanned ("eastern Ukraine").
  const covered = coveredTokens.zeroed(tokens.length);
  for (let i = 0; i < entities.length; i++) {
    if (entityUnknown[i]) continue;
    for (let k = entityFrom[i]; k < entityTo[i]; k++) covered[k] = 1;
  }
  const candidates = sortShort([...fromEntities, ...scanCandidates(text, gazetteer, tokens, sentences, covered)], (a, b) => a.start - b.start);

  const sentenceOf = (c: Candidate): Sentence | undefined => doc.sentenceAt(c.start);
  for (const c of candidates) {
    const s = sentenceOf(c);
    if (s) readQualifier(text, gazetteer, tokens, c, s.tokenEnd);
  }
  // First pass: which names are used as locations.
  const locativeEnds = new Set<number>();
  const located: Candidate[] = [];
  let qualifierUntil = -1;
  for (const c of candidates) {
    if (c.first < qualifierUntil) continue;
    const s = sentenceOf(c);
    if (!s) continue;
    const use = locativeUse(tokens, { first: c.first, end: c.endToken, sentenceStart: s.tokenStart, sentenceEnd: s.tokenEnd },
      (i) => locativeEnds.has(i)) ?? (isDateline(tokens, c, text) ? 'dateline' : null);
    if (c.qualifierEnd) qualifierUntil = c.qualifierEnd;
    if (!use) continue;
    // "talks between Ukraine and Russia" relates two actors; "shuttled between Moscow and Beijing"
    // moves between two cities. Countries after "between" are left to the actors (a country always
    // wins over a city of its name, so the match tells). A dropped country ends no locative phrase,
    // so "between Ethiopia and Eritrea" drops both.
    if (use === 'between' && !c.qualifier && c.match.records.some((r) => r.feature === 'COUNTRY')) continue;
    locativeEnds.add(c.endToken - 1);
    if (c.qualifierEnd) locativeEnds.add(c.qualifierEnd - 1);
    located.push(c);
  }

  // Second pass: choose among same-named places, knowing where the article says things happen.
  // Only a name with several places needs that context: read the article for it only then.
  let context: { countryMentions: Map<string, number>; usStates: Set<string> } | null = null;
  const places: Place[] = [];
  for (const c of located) {
    const records = c.match.records;
    let record: PlaceRecord;
    if (records.length === 1) record = records[0];
    else {
      context ??= { countryMentions: countCountries(located), usStates: statesNamed(text, gazetteer, tokens) };
      record = choosePlace(records, { countryMentions: context.countryMentions, usStates: context.usStates, qualifier: c.qualifier });
    }
    places.push(toPlace(places.length + 1, text, c, record));
  }
  return places;
}

/** "KYIV, Oct 14 (Reuters) –": a capitalised place name opening the article is where it was filed. */
function isDateline(tokens: readonly Token[], c: Candidate, text: string): boolean {
  if (text.slice(0, c.start).trim() !== '') return false;
  const name = text.slice(c.start, c.end);
  if (name !== name.toUpperCase()) return false;
  const next = tokens[c.endToken];
  return !!next && /^[,–—-]$/.test(next.text);
}

/** The places stage: needs the entities (and actors) of the actors stage; fills `doc.places`. */
export function placesStage(gazetteer: Gazetteer): Stage {
  return defineStage({
    name: 'places',
    requires: ['entities', 'actors'],
    assigns: ['places'],
    run(doc: Document) {
      doc.places = findPlaces(doc, gazetteer);
    },
  });
}
