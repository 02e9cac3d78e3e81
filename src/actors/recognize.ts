/**
 * Entity recognition over tokens: finds the phrases that name actors (people, governments,
 * forces, organisations, nationalities, anonymous sources) and places, and says for each what it
 * stands for (a `Ref`), without yet deciding dates or coreference — that is `resolve.ts`.
 *
 * The grammar is a small noun-phrase reader over dictionary matches ("atoms"):
 *   [det] [quantity "of"] [modifiers] [country-ish ('s)? (and country-ish)*] [modifiers]
 *   head = sector noun(s) | title [name] | known person | unknown capitalised name
 *   [post: "in|from|of" place | "to" actor phrase | anonymity phrase]
 * so "Senior Hungarian and Romanian officials", "British Defence Secretary Tom King",
 * "Rebels in the Ivory Coast" and "a person familiar with the talks" are read by the same rules.
 */
import type { EntityType } from '../document/types.js';
import type { ActorDictionary, AliasHit, Hit, PersonRecord, TitleRecord, UnitRecord } from './dictionary.js';
import { normalizeKey } from './dictionary.js';
import {
  ADMINISTRATION_NOUNS, ANONYMITY_PHRASES, DETERMINERS, FORMER, GENERIC_GOV_HEADS, HONORIFICS, INDEFINITE, LOC_WORDS,
  LOCATIVE, MODIFIERS, MOTION, NAME_PARTICLES, NOT_NAMES, ORG_WORDS, PERSON_PRONOUNS, PLACE_NOUNS, PLACE_OF, QUANTITY_NOUNS,
  SOURCE_HEADS, WEAK_SOURCE_HEADS, GROUP_HEADS, PERSON_HEAD, REGIONS, REGIONAL_ADJECTIVES, EQUIPMENT,
} from './words.js';

/** Possessive determiners that tie a collective to an actor named just before ("its troops"). */
const POSSESSIVE_DETS: ReadonlySet<string> = new Set(['its', 'their', 'his', 'her']);

/** The token fields recognition needs: wink-nlp tokens have them, and so does the light tokenizer. */
export interface RecToken {
  start: number;
  end: number;
  text: string;
  lower: string;
  pos: string;
  sentence: number;
}

/** What a mention stands for, before dates and coreference are applied. */
export type Ref =
  | { kind: 'person'; person: PersonRecord; title: TitleRecord | null; former: boolean }
  /** A person the dictionary does not know, introduced by a title ("British Defence Secretary Tom King"). */
  | { kind: 'named'; name: string; country: string | null; sector: string | null; title: string | null; former: boolean }
  /** A government or collective: country used as actor, "Russian forces", "rebels". */
  | { kind: 'collective'; country: string | null; sector: string | null; label: string; definite: boolean; via?: Mention; possessor?: string; named?: boolean }
  | { kind: 'unit'; unit: UnitRecord; sector: string }
  /** An office without a name ("the Ukrainian President", "the president"): the holder on the date, or the article's. */
  | { kind: 'office'; country: string | null; title: TitleRecord; label: string; former: boolean }
  /** "the Trump administration", "Trump's advisers": the person's country, this sector. */
  | { kind: 'personGroup'; person: Mention; sector: string; label: string }
  | { kind: 'pronoun' }
  /** A capitalised name the dictionary does not know: a surname seen before in the article, or unknown. */
  | { kind: 'unknown'; name: string };

export interface Mention {
  start: number;
  end: number;
  sentence: number;
  type: EntityType;
  ref: Ref;
  /** False for a place used as a location ("talks in Kyiv") or a name nested inside a larger actor phrase. */
  asActor: boolean;
  /** The country the phrase names, where it names one (a GPE, a demonym), whatever its role. */
  country: string | null;
  anonymous: boolean;
  /** Set on a mention inside a larger one ("Ukraine" in "Ukraine's defence ministry"). */
  nested: boolean;
}

interface Atom {
  /** Token range [i, j). */
  i: number;
  j: number;
  hits: readonly Hit[];
  /** The normalised text of the atom. */
  key: string;
  /** The closed word lists the key is in (`Word` flags). */
  words: number;
  /** The kinds of its hits (`Kind` flags). */
  kinds: number;
}

/** The hits of an atom the dictionary does not know: one shared empty list (hit lists are never changed). */
const NO_HITS: readonly Hit[] = [];

type Countryish =
  | { kind: 'country' | 'capital'; iso3: string; atom: Atom; possessive: boolean }
  | { kind: 'demonym'; iso3: string; plural: boolean; atom: Atom; possessive: boolean }
  | { kind: 'unit'; unit: UnitRecord; atom: Atom; possessive: boolean };

/** What a mention may say besides its span, type and ref (each field has a default in `emit`). */
interface MentionExtra { asActor?: boolean; country?: string | null; nested?: boolean }

/** What `read` has taken before the head of a phrase: the opening words and the country-ish modifiers. */
interface PhraseStart {
  /** The atom the phrase starts at, and the atom of its head. */
  p: number;
  q: number;
  det: string | null;
  /** Where the actor's span starts ("thousands of Iraqi Kurds" starts at "Iraqi"). */
  spanStart: number;
  counted: boolean;
  former: boolean;
  regional: boolean;
  modSectors: readonly string[];
  ctys: readonly Countryish[];
  /** Does a locative word come before the country-ish words ("talks in Kyiv")? False when there are none. */
  locative: boolean;
}

/** The reader's article before the first and after the last. */
const NO_TOKENS: readonly RecToken[] = [];
const NO_KEYS: readonly KeyEntry[] = [];

/** No sector modifiers or country-ish words: shared by the phrases that have none (most of them). */
const NO_SECTORS: readonly string[] = [];
const NO_CTYS: readonly Countryish[] = [];

/** The regex `isUpperAt` stands for, made sticky to start where asked. */
const UPPER_FROM = /[^\p{L}\p{N}]*\p{Lu}/uy;

/**
 * Does the text from offset `start` start with a capital letter, after any leading punctuation
 * (`UPPER_FROM`)? ASCII is decided without the regex: ASCII punctuation is skipped, and the first
 * ASCII letter or digit decides; only a non-ASCII character before that needs the regex.
 */
function isUpperAt(text: string, start: number): boolean {
  for (let k = start; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c >= 65 && c <= 90) return true;
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) return false;
    if (c >= 128) { UPPER_FROM.lastIndex = start; return UPPER_FROM.test(text); }
  }
  return false;
}

/** Starts with a capital letter (after any leading punctuation). */
const isUpper = (s: string): boolean => isUpperAt(s, 0);

/** Has the token a letter? An ASCII letter met before any non-ASCII character says so without a regex. */
const isWordToken = (t: RecToken): boolean => {
  const s = t.text;
  for (let k = 0; k < s.length; k++) {
    const c = s.charCodeAt(k);
    if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) return true;
    if (c >= 128) return /[\p{L}]/u.test(s);
  }
  return false;
};

/**
 * The word lists (and word endings) the grammar asks a key or a token's lower-cased text about,
 * as bit flags: asked once per key or token text (the answers are kept with its dictionary
 * entry, `words` and `lowerWords`), then each question is a bit test.
 */
const Word = {
  determiner: 1 << 1, modifier: 1 << 2, former: 1 << 3, honorific: 1 << 4, groupHead: 1 << 5,
  sourceHead: 1 << 6, equipment: 1 << 7, administration: 1 << 8, notName: 1 << 9, placeNoun: 1 << 10,
  indefinite: 1 << 11, quantity: 1 << 12, particle: 1 << 13, personPronoun: 1 << 14, locative: 1 << 15,
  motion: 1 << 16, placeOf: 1 << 17, orgWord: 1 << 18, locWord: 1 << 19, region: 1 << 20, regionalAdjective: 1 << 21,
  /** Endings of nationality-like adjectives ("European", "Kurdish"; "Arab"): not a list, a pattern. */
  adjectiveEnding: 1 << 22, abEnding: 1 << 23,
  /** The first word of an anonymity phrase ("familiar", "who", "speaking"). */
  anonymityOpener: 1 << 24,
} as const;
const WORD_LISTS: readonly (readonly [ReadonlySet<string>, number])[] = [
  [DETERMINERS, Word.determiner], [MODIFIERS, Word.modifier], [FORMER, Word.former],
  [HONORIFICS, Word.honorific], [GROUP_HEADS, Word.groupHead], [SOURCE_HEADS, Word.sourceHead], [EQUIPMENT, Word.equipment],
  [ADMINISTRATION_NOUNS, Word.administration], [NOT_NAMES, Word.notName], [PLACE_NOUNS, Word.placeNoun],
  [INDEFINITE, Word.indefinite], [QUANTITY_NOUNS, Word.quantity], [NAME_PARTICLES, Word.particle],
  [PERSON_PRONOUNS, Word.personPronoun], [LOCATIVE, Word.locative], [MOTION, Word.motion], [PLACE_OF, Word.placeOf],
  [ORG_WORDS, Word.orgWord], [LOC_WORDS, Word.locWord], [REGIONS, Word.region],
  [REGIONAL_ADJECTIVES, Word.regionalAdjective], [new Set(ANONYMITY_PHRASES.map((phrase) => phrase[0])), Word.anonymityOpener],
];

/** Words that may open an actor phrase without a dictionary hit: determiners, quantities, modifiers, source heads. */
const PHRASE_OPENER = Word.determiner | Word.indefinite | Word.modifier | Word.quantity | Word.sourceHead;

/**
 * The kinds of hit the grammar asks an atom about, as bit flags (a title counts as one of two
 * kinds, singular or plural): "is it a sector noun, a title, a country?" is then a bit test, not
 * a walk through the hits.
 */
const Kind = {
  country: 1 << 0, demonym: 1 << 1, capital: 1 << 2, unit: 1 << 3, person: 1 << 4, sector: 1 << 5,
  title: 1 << 6, pluralTitle: 1 << 7,
} as const;
/** The kinds `countryish` takes. */
const COUNTRYISH = Kind.country | Kind.demonym | Kind.unit | Kind.capital;

function kindsOf(hits: readonly Hit[]): number {
  let kinds = 0;
  for (let k = 0; k < hits.length; k++) {
    const h = hits[k];
    kinds |= h.kind === 'title' ? (h.plural ? Kind.pluralTitle : Kind.title) : Kind[h.kind];
  }
  return kinds;
}

function wordFlagsOf(key: string): number {
  let flags = 0;
  for (const [list, flag] of WORD_LISTS) if (list.has(key)) flags |= flag;
  if (/(an|ic|ish|ese|ern)$/.test(key)) flags |= Word.adjectiveEnding;
  else if (/ab$/.test(key)) flags |= Word.abEnding;
  return flags;
}

/**
 * What the dictionary says of a key (a token's, or a run of tokens'): the aliases it names and
 * whether a longer alias starts with it. The entries one token longer hang off it, so a phrase
 * met before is matched again without building and hashing its key string.
 */
export interface KeyEntry {
  /** The normalised text. */
  readonly key: string;
  readonly list: readonly AliasHit[] | undefined;
  /** The hits of `list`, in order: an atom's hits when every case rule holds (the usual case), so none is copied. */
  readonly hits: readonly Hit[];
  readonly prefix: boolean;
  /** The closed word lists the key is in (`Word` flags). */
  readonly words: number;
  /** The kinds of `hits` (`Kind` flags). */
  readonly kinds: number;
  /**
   * The word lists the token's lower-cased text is in (`Word` flags), for the rules that ask about
   * `RecToken.lower` rather than the key: a one-token entry is made per token text (`fillKeys`),
   * so this is that text's; 0 on longer entries (never asked).
   */
  readonly lowerWords: number;
  /** By the next token's key: run on after a space ("white house"), or glued on ("al" "-" "qaeda"). */
  spaced: Map<string, KeyEntry> | null;
  glued: Map<string, KeyEntry> | null;
}

/** Per dictionary, the entries of token texts already met (a vocabulary repeats from article to article). */
interface KeyMemo { byText: Map<string, KeyEntry>; size: number }
const keyMemos = new WeakMap<ActorDictionary, KeyMemo>();
/** Entries kept at most, longer ones included: checked when a new token text is met, and then the
 * memo is cleared (longer entries go with their first). */
const KEY_MEMO_LIMIT = 100_000;

function keyMemoOf(dict: ActorDictionary): KeyMemo {
  let memo = keyMemos.get(dict);
  if (!memo) keyMemos.set(dict, (memo = { byText: new Map(), size: 0 }));
  return memo;
}

/** The entry of a key; `lower` is the token text lower-cased, for a one-token entry. */
function lookUpKey(dict: ActorDictionary, memo: KeyMemo, key: string, lower?: string): KeyEntry {
  memo.size++;
  const list = dict.phrases.get(key);
  const hits = list ? list.map((h) => h.hit) : NO_HITS;
  const words = wordFlagsOf(key);
  const lowerWords = lower === undefined ? 0 : lower === key ? words : wordFlagsOf(lower);
  return { key, list, hits, kinds: kindsOf(hits), prefix: dict.prefixes.has(key), words, lowerWords, spaced: null, glued: null };
}

/** The entry of `prev`'s key run on by one more token key, after a space when `spaced`. */
function longerKeyOf(dict: ActorDictionary, memo: KeyMemo, prev: KeyEntry, spaced: boolean, next: string): KeyEntry {
  const map = spaced ? (prev.spaced ??= new Map()) : (prev.glued ??= new Map());
  let entry = map.get(next);
  if (!entry) {
    entry = lookUpKey(dict, memo, spaced ? `${prev.key} ${next}` : prev.key + next);
    map.set(next, entry);
  }
  return entry;
}

/** Does the atom have a hit for this person? */
function namesPerson(a: Atom, person: PersonRecord): boolean {
  const hits = a.hits;
  for (let k = 0; k < hits.length; k++) {
    const h = hits[k];
    if (h.kind === 'person' && h.person === person) return true;
  }
  return false;
}

/** Whitespace or a curly quote: what the exact case rule evens out before comparing. */
const NEEDS_EVENING = /[\s’‘]/;

/** Is every character of text[start, end) printable ASCII other than a space? Then no evening changes it. */
function plainAscii(text: string, start: number, end: number): boolean {
  for (let k = start; k < end; k++) {
    const c = text.charCodeAt(k);
    if (c <= 32 || c >= 127) return false;
  }
  return true;
}

/**
 * Reads the sentences of articles, one after another, each article into its list of mentions.
 * The atoms never leave the reader, so their objects are reused from sentence to sentence and
 * from article to article: reading allocates atoms only for a sentence longer than any before.
 */
class SentenceReader {
  /**
   * The atoms of the sentence being read: the first `count`. The array is kept from sentence to
   * sentence (not regrown each time); the entries past `count` are cleared to `undefined`, so a
   * look past the last atom finds nothing, as in an array of this sentence alone.
   */
  private readonly atoms: Atom[] = [];
  private count = 0;
  /** Atom objects made so far, for reuse by the next sentence. */
  private readonly spare: Atom[] = [];
  private readonly memo: KeyMemo;
  /**
   * What `read` has taken before a head, handed to `readHead`: one object, refilled by each
   * `read`. A head may read a nested phrase ("advisers to the Ukrainian President"), which
   * refills it, so `readHead`, `readTitled` and `readSectorHead` take its fields on entry.
   */
  private readonly phrase: PhraseStart = {
    p: 0, q: 0, det: null, spanStart: 0, counted: false, former: false, regional: false, modSectors: NO_SECTORS, ctys: NO_CTYS, locative: false,
  };
  /** The sentence's token range [from, to). */
  private from = 0;
  private to = 0;

  /** The article being read: its text, tokens and their dictionary entries. */
  private text = '';
  private toks: readonly RecToken[] = NO_TOKENS;
  private keys: readonly KeyEntry[] = NO_KEYS;
  /** Where mentions go: the article's list (a sentence's mentions follow the previous sentence's). */
  private out: Mention[] = [];

  constructor(private readonly dict: ActorDictionary) {
    this.memo = keyMemoOf(dict);
  }

  /** Starts an article: the sentences read next are its, their mentions go to `out`. */
  startArticle(text: string, toks: readonly RecToken[], keys: readonly KeyEntry[], out: Mention[]): void {
    this.text = text;
    this.toks = toks;
    this.keys = keys;
    this.out = out;
  }

  /** Lets go of the article (the reader may outlive it by long). */
  endArticle(): void {
    this.startArticle('', NO_TOKENS, NO_KEYS, []);
  }

  /** Reads the phrases of the sentence of tokens [from, to), adding its mentions to `out`. */
  readSentence(from: number, to: number): void {
    this.from = from;
    this.to = to;
    const atoms = this.atoms;
    const spare = this.spare;
    let n = 0;
    for (let i = from; i < to; n++) {
      let a = spare[n];
      if (a === undefined) spare.push((a = { i: 0, j: 0, hits: NO_HITS, key: '', words: 0, kinds: 0 }));
      if (!this.matchAt(i, a)) { const e = this.keys[i]; a.i = i; a.j = i + 1; a.hits = NO_HITS; a.key = e.key; a.words = e.words; a.kinds = 0; }
      if (n < atoms.length) atoms[n] = a; else atoms.push(a);
      i = a.j;
    }
    for (let k = n; k < this.count; k++) (atoms as (Atom | undefined)[])[k] = undefined;
    this.count = n;
    this.run();
  }

  // ---- dictionary matching ---------------------------------------------------------------

  private passes(h: AliasHit, i: number, j: number): boolean {
    const text = this.text;
    if (h.caseRule === 'exact') {
      const start = this.toks[i].start, end = this.toks[j - 1].end;
      const w = h.written;
      // The surface as written is the alias: no need to cut it out (nor to even it out: the
      // written form has single spaces and straight quotes only, which evening leaves alone).
      if (end - start === w.length && text.startsWith(w, start)) return true;
      // Otherwise only an evened surface may still be it, and only one with a space or a quote to even.
      if (plainAscii(text, start, end)) return false;
      const surface = text.slice(start, end);
      return (NEEDS_EVENING.test(surface) ? surface.replace(/\s+/g, ' ').replace(/[’‘]/g, "'") : surface) === w;
    }
    // The span opens with a word token, so whether it starts with a capital is decided within it.
    if (h.caseRule === 'upper') return isUpperAt(text, this.toks[i].start);
    // Common nouns and titles must not be verbs here ("Russia forces Ukraine", "press demands").
    const pos = this.toks[j - 1].pos;
    return pos !== 'VERB' && pos !== 'AUX' && pos !== 'ADV' && pos !== 'ADP' && pos !== 'PRON' && pos !== 'DET';
  }

  /**
   * The hits of a dictionary entry whose case rule holds for tokens [i, j), or null when none does:
   * the entry's own list when all hold, a new one only when some but not all do.
   */
  private passingHits(entry: KeyEntry, i: number, j: number): readonly Hit[] | null {
    const list = entry.list!;
    let some: Hit[] | null = null;
    let all = true;
    for (let k = 0; k < list.length; k++) {
      if (this.passes(list[k], i, j)) {
        if (!all) (some ??= []).push(list[k].hit);
      } else if (all) {
        all = false;
        some = k > 0 ? entry.hits.slice(0, k) : null;
      }
    }
    return all ? entry.hits : some;
  }

  /** Fills `atom` with the longest dictionary phrase starting at token i whose case rule holds; false when there is none. */
  private matchAt(i: number, atom: Atom): boolean {
    const t = this.toks;
    // The first token's entry was looked up with the article's token keys; longer keys hang off it.
    let entry = this.keys[i];
    // Most tokens are neither an alias nor the start of one: nothing more to ask of them.
    if (!entry.list && !entry.prefix) return false;
    if (!isWordToken(t[i]) || t[i].pos === 'SPACE') return false;
    let found = false;
    for (let j = i; ;) {
      if (entry.list) {
        const hits = this.passingHits(entry, i, j + 1);
        if (hits) {
          atom.i = i; atom.j = j + 1; atom.hits = hits; atom.key = entry.key; atom.words = entry.words;
          atom.kinds = hits === entry.hits ? entry.kinds : kindsOf(hits);
          found = true;
        }
      } else if (!entry.prefix) break;
      j++;
      if (j >= this.to || j - i >= this.dict.maxTokens || t[j].pos === 'SPACE') break;
      const spaced = t[j].start > t[j - 1].end;
      // An alias that is no prefix ends here when a space follows: every key that a space follows
      // inside an alias is a prefix (see addAlias), so no longer key could be found.
      if (spaced && !entry.prefix) break;
      entry = longerKeyOf(this.dict, this.memo, entry, spaced, this.keys[j].key);
    }
    return found;
  }

  // ---- atom helpers ----------------------------------------------------------------------

  private tok(a: Atom | undefined): RecToken | undefined { return a ? this.toks[a.i] : undefined; }
  /** Is token k's lower-cased text (`RecToken.lower`) in the word list `flag` stands for? */
  private lowerIs(k: number, flag: number): boolean { return (this.keys[k].lowerWords & flag) !== 0; }
  private word(a: Atom | undefined): string { return a ? a.key : ''; }
  /** Is the atom's key in the word list `flag` stands for? (An absent atom is in none.) */
  private is(a: Atom | undefined, flag: number): boolean { return !!a && (a.words & flag) !== 0; }
  private span(a: Atom): string { return this.text.slice(this.toks[a.i].start, this.toks[a.j - 1].end); }
  private hit<K extends Hit['kind']>(a: Atom | undefined, kind: K): Extract<Hit, { kind: K }> | undefined {
    if (!a) return undefined;
    const hits = a.hits;
    for (let k = 0; k < hits.length; k++) if (hits[k].kind === kind) return hits[k] as Extract<Hit, { kind: K }>;
    return undefined;
  }
  /** The first title hit of the atom that is plural (a group: "ministers"), or singular. */
  private titleHit(a: Atom, plural: boolean): Extract<Hit, { kind: 'title' }> | undefined {
    const hits = a.hits;
    for (let k = 0; k < hits.length; k++) {
      const h = hits[k];
      if (h.kind === 'title' && h.plural === plural) return h;
    }
    return undefined;
  }
  /** Is the atom written in capitals and dots only ("US", "U.S.")? (`/^[A-Z.]+$/` on its span, without cutting it out.) */
  private isAbbreviation(a: Atom): boolean {
    const start = this.toks[a.i].start, end = this.toks[a.j - 1].end;
    if (end <= start) return false;
    for (let k = start; k < end; k++) {
      const c = this.text.charCodeAt(k);
      if (!((c >= 65 && c <= 90) || c === 46)) return false;
    }
    return true;
  }
  private isPossessive(a: Atom | undefined): boolean { const w = this.word(a); return w === "'s" || w === "'"; }

  /** Would `countryish` find something? Asked without making the record. */
  private isCountryish(a: Atom | undefined): boolean { return !!a && (a.kinds & COUNTRYISH) !== 0; }

  private countryish(a: Atom | undefined): Countryish | null {
    if (!a || (a.kinds & COUNTRYISH) === 0) return null;
    const c = this.hit(a, 'country');
    if (c) return { kind: 'country', iso3: c.iso3, atom: a, possessive: false };
    const d = this.hit(a, 'demonym');
    if (d) return { kind: 'demonym', iso3: d.iso3, plural: d.plural, atom: a, possessive: false };
    const u = this.hit(a, 'unit');
    if (u) return { kind: 'unit', unit: u.unit, atom: a, possessive: false };
    const k = this.hit(a, 'capital');
    if (k) return { kind: 'capital', iso3: k.iso3, atom: a, possessive: false };
    return null;
  }

  /** A modifier between determiner and head: "senior", "top", lower-case adjectives. */
  private isModifier(a: Atom | undefined): boolean {
    if (!a || a.hits.length) return false;
    const t = this.tok(a)!;
    if (a.words & Word.modifier) return true;
    // Capitalised adjectives that are not nationalities the dictionary knows: "a European diplomat".
    return t.pos === 'ADJ' && isWordToken(t) && (!isUpper(t.text) || this.lowerIs(a.i, Word.adjectiveEnding));
  }

  /** A sector noun or a plural title ("ministers"): a group's head. */
  private isSector(a: Atom | undefined): boolean { return !!a && (a.kinds & (Kind.sector | Kind.pluralTitle)) !== 0; }
  /** A singular title: one person's office. */
  private isTitle(a: Atom | undefined): boolean { return !!a && (a.kinds & Kind.title) !== 0; }
  private sectorOf(a: Atom): string | null {
    const s = this.hit(a, 'sector');
    if (s) return s.sector;
    const t = this.titleHit(a, true);
    return t ? t.title.sector : null;
  }
  private isPlural(a: Atom): boolean {
    const s = this.hit(a, 'sector');
    if (s) return s.plural;
    return !!this.titleHit(a, true);
  }

  /** A capitalised token that may be part of a name. */
  private nameToken(k: number, first: boolean): boolean {
    const t = this.toks[k];
    if (!t || k >= this.to) return false;
    if (this.lowerIs(k, Word.notName)) return false;
    if (isUpper(t.text) && isWordToken(t)) return true;
    if (!first && this.lowerIs(k, Word.particle)) return true;
    return false;
  }

  /**
   * Reads a personal name from atom index p: capitalised tokens, particles and hyphen pieces
   * ("Omar Hassan al-Bashir", "Tom King"); a known person's alias inside makes it that person.
   */
  private readName(p: number): { q: number; person: PersonRecord | null; i: number; j: number } | null {
    let q = p;
    /** The first person hit of the last atom that has one. */
    let known: PersonRecord | null = null;
    const atoms = this.atoms;
    while (q < this.count && q - p < 6) {
      const a = atoms[q];
      const t = this.tok(a)!;
      const attached = q > p && t.start === this.toks[atoms[q - 1].j - 1].end;
      if (a.hits.length) {
        let placeLike = false;
        let pr: PersonRecord | null = null;
        for (const h of a.hits) {
          if (h.kind === 'person') pr ??= h.person;
          else if (h.kind === 'country' || h.kind === 'demonym' || h.kind === 'capital' || h.kind === 'unit') placeLike = true;
        }
        if (placeLike && !pr) break;
        if (pr) { known = pr; q++; continue; }
      }
      if (attached && /^[-'’]$/.test(t.text) && q + 1 < this.count && this.nameToken(atoms[q + 1].i, false)) { q++; continue; }
      if (a.j === a.i + 1 && this.nameToken(a.i, q === p) && !(this.lowerIs(a.i, Word.particle) && !this.nameToken(atoms[q + 1]?.i ?? -1, false) && !/^[-]$/.test(this.toks[a.i + 1]?.text ?? ''))) {
        if (q === p && this.lowerIs(a.i, Word.particle)) break;
        q++;
        continue;
      }
      // A capitalised title word inside a name ("Tom King") reads as part of the name.
      if (q > p && a.j === a.i + 1 && isUpper(t.text) && this.isTitle(a)) { q++; continue; }
      break;
    }
    if (q === p) return null;
    // A name never ends on a particle or a hyphen.
    while (q > p && (this.lowerIs(atoms[q - 1].i, Word.particle) || /^[-'’]$/.test(this.tok(atoms[q - 1])!.text))) q--;
    if (q === p) return null;
    // A known alias inside a longer name is that person only when the other words belong to the
    // same name ("Donald J. Trump"), not when it is someone else's first name ("Michel Aoun").
    let person: PersonRecord | null = known;
    if (person) {
      // The last atom must name the person, and every other atom either name them too or be a
      // word of their name, an initial or punctuation. (Most names are one atom: no other to check.)
      let consistent = namesPerson(atoms[q - 1], person);
      let own: Set<string> | null = null;
      for (let k = p; consistent && k < q; k++) {
        const a = atoms[k];
        if (namesPerson(a, person)) continue;
        own ??= new Set(person.name.toLowerCase().split(/[\s-]+/));
        const w = this.tok(a)!.lower;
        consistent = own.has(w) || /^[a-z]\.?$/.test(w) || /^[-'’.]$/.test(w);
      }
      if (!consistent) person = null;
    }
    const i = atoms[p].i, j = atoms[q - 1].j;
    // (Fewer than three tokens cannot make three words.)
    if (!person && j - i >= 3) {
      // "Omar Hassan al-Bashir" is "Omar al-Bashir": a first and last name the dictionary knows, with middle names.
      const words = this.text.slice(this.toks[i].start, this.toks[j - 1].end).split(/\s+/);
      if (words.length >= 3) {
        const hits = this.dict.phrases.get(normalizeKey(`${words[0]} ${words[words.length - 1]}`));
        const found = hits?.find((h) => h.hit.kind === 'person');
        if (found && found.hit.kind === 'person') person = found.hit.person;
      }
    }
    return { q, person, i, j };
  }

  // ---- mentions --------------------------------------------------------------------------

  /** Emits a mention of tokens [i, j): an actor, not nested, with no country unless `extra` says otherwise. */
  private emit(i: number, j: number, type: EntityType, ref: Ref, extra?: MentionExtra): Mention {
    const m: Mention = {
      start: this.toks[i].start, end: this.toks[j - 1].end, sentence: this.toks[i].sentence, type, ref,
      asActor: extra?.asActor ?? true, country: extra?.country ?? null, anonymous: false, nested: extra?.nested ?? false,
    };
    this.out.push(m);
    return m;
  }

  /** Is the phrase starting at token i a location rather than an actor ("in Kyiv", "travel to Washington")? */
  private locativeBefore(i: number): boolean {
    let k = i - 1;
    if (k >= this.from && this.toks[k].lower === 'the') k--;
    if (k < this.from) return false;
    const w = this.toks[k].lower;
    if (this.lowerIs(k, Word.locative)) return true;
    if ((w === 'to' || w === 'from') && k - 1 >= this.from && this.lowerIs(k - 1, Word.motion)) return true;
    if (w === 'of' && k - 1 >= this.from && this.lowerIs(k - 1, Word.placeOf)) return true;
    if (w === ',' && k - 1 >= this.from && this.lowerIs(k - 1, Word.placeOf)) return true;
    return false;
  }

  private placeNounAfter(p: number): boolean {
    const a = this.atoms[p];
    return !!a && this.is(a, Word.placeNoun);
  }

  private countryOf(c: Countryish): string {
    return c.kind === 'unit' ? c.unit.country : c.iso3;
  }

  /** Emits a country-ish atom on its own: a GPE, an organisation, a nationality. */
  private emitCountryish(c: Countryish, locative: boolean, nested: boolean, spanStart?: number): Mention {
    const a = c.atom;
    const i = spanStart ?? a.i;
    if (c.kind === 'unit') {
      const seatAsPlace = c.unit.kind === 'seat' && locative;
      return this.emit(i, a.j, seatAsPlace ? 'LOC' : 'ORG', { kind: 'unit', unit: c.unit, sector: c.unit.sector },
        { asActor: !locative && !nested, country: c.unit.country, nested });
    }
    if (c.kind === 'demonym') {
      const dem = this.span(a);
      // "ethnic Serbs" names an ethnicity, not a state's people: they may be any state's citizens.
      const country = c.plural && a.i > this.from && this.toks[a.i - 1].lower === 'ethnic' ? null : c.iso3;
      const ref: Ref = { kind: 'collective', country, sector: c.plural ? 'CVL' : null, label: dem, definite: false };
      return this.emit(i, a.j, 'NORP', ref, { asActor: !nested && !locative, country, nested });
    }
    const ref: Ref = { kind: 'collective', country: c.iso3, sector: 'GOV', label: '', definite: false };
    return this.emit(i, a.j, 'GPE', ref, { asActor: !locative && !nested, country: c.iso3, nested });
  }

  /** Most tokens open no actor phrase: a lower-case verb, a comma. `read` leaves them at once. */
  private mayOpenPhrase(a: Atom): boolean {
    if (a.hits.length) return true;
    const t = this.toks[a.i];
    return isUpper(t.text) || t.pos === 'NUM' || (a.words & PHRASE_OPENER) !== 0 || (t.pos === 'ADJ' && isWordToken(t));
  }

  /** Reads one phrase at atom p; returns the next atom index, or p when nothing was read. */
  read(p: number): number {
    const atoms = this.atoms;
    const n = this.count;
    if (p >= n) return p;
    if (!this.mayOpenPhrase(atoms[p])) return p;
    let q = p;
    let det: string | null = null;
    // Determiner or quantifier: "the", "one", "two", "a few".
    const w0 = this.word(atoms[q]);
    if (q < n && !atoms[q].hits.length && (this.is(atoms[q], Word.determiner | Word.indefinite) || this.tok(atoms[q])!.pos === 'NUM')) {
      det = w0; q++;
      if (det === 'a' && this.word(atoms[q]) === 'few') { det = 'a few'; q++; }
    }
    // "a group of", "thousands of", "one of the": the actor starts after "of".
    let spanStart = p;
    let counted = det !== null && this.tok(atoms[p])?.pos === 'NUM';
    for (let guard = 0; guard < 3; guard++) {
      if ((this.is(atoms[q], Word.quantity) || this.tok(atoms[q])?.pos === 'NUM') && !atoms[q].hits.length && this.word(atoms[q + 1]) === 'of') {
        q += 2; spanStart = q;
        if (this.is(atoms[q], Word.determiner)) q++;
        continue;
      }
      if (this.tok(atoms[q])?.pos === 'NUM' && !atoms[q].hits.length) { q++; counted = true; continue; }
      break;
    }
    // Pre-modifiers: "senior", "top", "former", and sector words before a nationality ("rebel Kurdistan…").
    let former = false;
    /** A regional adjective ("European leaders in Brussels") says the group is not the host country's. */
    let regional = false;
    let modSectors: string[] | null = null;
    for (let guard = 0; guard < 5 && q < n; guard++) {
      if (this.isModifier(atoms[q])) {
        if (this.is(atoms[q], Word.former)) former = true;
        if (isUpper(this.tok(atoms[q])!.text) && this.is(atoms[q], Word.regionalAdjective)) regional = true;
        q++; continue;
      }
      // A regional adjective the dictionary does not code ("a European diplomat", "Arab ministers").
      if (!atoms[q].hits.length && isUpper(this.tok(atoms[q])!.text) && this.is(atoms[q], Word.adjectiveEnding | Word.abEnding) &&
        !this.is(atoms[q], Word.notName) && (this.isSector(atoms[q + 1]) || this.isTitle(atoms[q + 1]) || this.isModifier(atoms[q + 1]))) { regional = true; q++; continue; }
      if (this.is(atoms[q], Word.honorific) && !atoms[q].hits.length) { q++; if (this.word(atoms[q]) === '.') q++; continue; }
      if (this.isSector(atoms[q]) && !this.isTitle(atoms[q]) && this.isCountryish(atoms[q + 1])) { (modSectors ??= []).push(this.sectorOf(atoms[q])!); q++; continue; }
      break;
    }
    // Country-ish modifiers, possibly possessive and coordinated: "Hungarian and Romanian", "Ukraine's".
    let found: Countryish[] | null = null;
    for (let guard = 0; guard < 6; guard++) {
      const c = this.countryish(atoms[q]);
      if (!c) break;
      // A place name opening a longer proper name is part of it: "The Washington Post", "Jordan
      // Peterson", "the Kyiv Independent"; a nationality only before an organisation word
      // ("the Ukrainian Orthodox Church"). Titles and sector nouns are not names ("U.S. President").
      // (An abbreviation is used as an adjective, not as the start of a name: "US Predator attacks".)
      if (c.kind !== 'unit' && !this.isPossessive(atoms[q + 1]) && !this.isAbbreviation(c.atom)) {
        const nameRun = this.readName(q + 1);
        const nextA = atoms[q + 1];
        const startsName = !!nameRun && !!nextA && !nextA.hits.length && !this.isTitle(nextA) && !this.isSector(nextA) && !(c.kind === 'demonym' && /s$/.test(this.word(nextA)));
        if (startsName && (c.kind !== 'demonym' || this.text.slice(this.toks[nameRun!.i].start, this.toks[nameRun!.j - 1].end).toLowerCase().split(/[\s-]+/).some((w) => ORG_WORDS.has(w)))) {
          const i0 = atoms[spanStart].i;
          const nameText = this.text.slice(this.toks[c.atom.i].start, this.toks[nameRun!.j - 1].end);
          const words = nameText.toLowerCase().split(/[\s-]+/);
          const type: EntityType = words.some((w) => ORG_WORDS.has(w)) ? 'ORG' : words.some((w) => LOC_WORDS.has(w)) ? 'LOC' : 'PERSON';
          const from = det === 'the' && spanStart === p ? i0 : c.atom.i;
          if (c.kind === 'demonym' && type === 'ORG') {
            // "the Serbian Workers' Union": an organisation the dictionary does not know, but whose
            // name says its country; its sector is the sector noun that ends the name, if any.
            const lastWord = normalizeKey(words[words.length - 1].replace(/['’]$/, ''));
            const sectorHit = this.dict.phrases.get(lastWord)?.find((h) => h.hit.kind === 'sector');
            const sector = sectorHit && sectorHit.hit.kind === 'sector' ? sectorHit.hit.sector : null;
            this.emit(from, nameRun!.j, type, { kind: 'collective', country: c.iso3, sector, label: nameText, definite: false, named: true }, { country: c.iso3 });
            return nameRun!.q;
          }
          this.emit(from, nameRun!.j, type, { kind: 'unknown', name: nameText }, { country: type === 'PERSON' ? null : this.countryOf(c) });
          return nameRun!.q;
        }
      }
      q++;
      if (this.isPossessive(atoms[q])) { c.possessive = true; q++; }
      (found ??= []).push(c);
      const sep = this.word(atoms[q]);
      if ((sep === 'and' || sep === ',' || sep === '/' || sep === '-') && this.isCountryish(atoms[q + 1])) {
        // "Ukraine and Russia" as plain GPEs are coordinated too; keep reading.
        q++; continue;
      }
      break;
    }
    const ctys: readonly Countryish[] = found ?? NO_CTYS;
    // Only country-ish words are read as places ("talks in Kyiv"): the words before matter only then.
    const locative = ctys.length > 0 && this.locativeBefore(atoms[spanStart]?.i ?? atoms[p].i);

    // Modifiers after the country ("Romania's new government", "Israeli military officials").
    for (let guard = 0; guard < 4 && q < n; guard++) {
      const a = atoms[q];
      // "chief" is a modifier in "chief negotiator" but the head in "the EU's foreign policy chief said".
      const headHere = this.is(a, Word.groupHead) && !(atoms[q + 1] && (this.isSector(atoms[q + 1]) || this.isTitle(atoms[q + 1]) || this.tok(atoms[q + 1])!.pos === 'NOUN'));
      if ((this.isModifier(a) && !headHere) || (ctys.length && !a.hits.length && isUpper(this.tok(a)!.text) && (this.isSector(atoms[q + 1]) || this.isTitle(atoms[q + 1]) || this.isModifier(atoms[q + 1])) && !this.is(a, Word.notName))) {
        if (this.is(a, Word.former)) former = true;
        q++; continue;
      }
      // Common nouns before a head, after a country: "the EU's foreign policy chief", "Ukraine's energy ministry".
      if (ctys.length && !a.hits.length && this.tok(a)!.pos === 'NOUN' && !isUpper(this.tok(a)!.text)) {
        const b = atoms[q + 1];
        if (b && (this.isSector(b) || this.isTitle(b) || this.is(b, Word.groupHead) || (!b.hits.length && this.tok(b)!.pos === 'NOUN' && (this.isSector(atoms[q + 2]) || this.is(atoms[q + 2], Word.groupHead))))) { q++; continue; }
      }
      // Capitalised portfolio words before a title: "Planning and Investment Minister".
      if (!a.hits.length && isUpper(this.tok(a)!.text) && !this.is(a, Word.notName)) {
        let r = q;
        while (r < n && r - q < 5 && (!atoms[r].hits.length && (isUpper(this.tok(atoms[r])!.text) || this.word(atoms[r]) === 'and'))) r++;
        if (r > q && this.isTitle(atoms[r]) && this.word(atoms[r - 1]) !== 'and') { q = r; continue; }
      }
      break;
    }

    const at = this.phrase;
    at.p = p; at.q = q; at.det = det; at.spanStart = spanStart; at.counted = counted; at.former = former; at.regional = regional;
    at.modSectors = modSectors ?? NO_SECTORS; at.ctys = ctys; at.locative = locative;
    return this.readHead(at);
  }

  /** Reads the head of a phrase whose opening words `read` has taken; returns the next atom index, or p. */
  private readHead(at: PhraseStart): number {
    const { p, q, det, spanStart, former, ctys, locative } = at;
    const atoms = this.atoms;
    const a = atoms[q];
    // Title, with or without a name: "President Volodymyr Zelensky", "the Ukrainian President".
    if (a && this.isTitle(a) && !(this.isSector(a) && this.isPlural(a))) return this.readTitled(at, a);

    // Sector nouns: "Russian forces", "Senior Hungarian and Romanian officials", "rebels"; after a
    // country, a generic head too ("the EU's foreign policy chief", "Iran's representatives").
    const genericAfterCountry = ctys.length > 0 && !!a && !a.hits.length && this.is(a, Word.groupHead);
    if (a && (this.isSector(a) || genericAfterCountry || (this.is(a, Word.sourceHead) && !a.hits.length))) return this.readSectorHead(at, a, genericAfterCountry);

    // A nationality or state before military equipment is its forces: "Israeli tanks", "Chinese warships".
    if (a && ctys.length && !a.hits.length && this.is(a, Word.equipment) && ctys.every((c) => c.kind !== 'unit' || c.unit.sector === 'MIL')) {
      ctys.forEach((c, k) => {
        const last = k === ctys.length - 1;
        if ((c.possessive || c.kind === 'country' || c.kind === 'capital') && !(k === 0 && last && atoms[spanStart].i === c.atom.i && a.j === c.atom.j)) this.emitCountryish(c, false, true);
        const label = `${this.span(c.atom)} ${this.span(a)}`;
        this.emit(k === 0 ? atoms[spanStart].i : c.atom.i, last ? a.j : c.atom.j, 'GROUP',
          { kind: 'collective', country: this.countryOf(c), sector: 'MIL', label, definite: false }, { country: this.countryOf(c) });
      });
      return q + 1;
    }

    // Known person: "Zelensky", "Trump's", "the Trump administration".
    const personHit = this.hit(a, 'person');
    if (a && (personHit || (ctys.length === 0 && q > p && this.is(atoms[q - 1], Word.honorific) && this.readName(q)))) {
      const name = this.readName(q);
      if (!name) return p;
      const start = atoms[spanStart].i;
      // A one-word alias glued to a capitalised word before it is part of another name: "iPod Nano".
      const prevTok = name.i > this.from ? this.toks[name.i - 1] : undefined;
      if (name.person && name.j - name.i === 1 && prevTok && prevTok.end === this.toks[name.i].start - 1 && /\p{Lu}/u.test(prevTok.text) &&
        /^\p{Ll}/u.test(prevTok.text) && spanStart === q) {
        this.emit(name.i, name.j, 'ORG', { kind: 'unknown', name: this.text.slice(prevTok.start, this.toks[name.i].end) });
        return name.q;
      }
      // "Mr Quillfeather": an honorific says it is a person, not who; unknown unless seen before.
      const personRef: Ref = name.person
        ? { kind: 'person', person: name.person, title: null, former }
        : { kind: 'unknown', name: this.text.slice(this.toks[name.i].start, this.toks[name.j - 1].end) };
      let r = name.q;
      const poss = this.isPossessive(atoms[r]);
      const adminAt = poss ? r + 1 : r;
      if (this.is(atoms[adminAt], Word.administration)) {
        const inner = this.emit(name.i, name.j, 'PERSON', personRef, { asActor: false, nested: true });
        const label = this.text.slice(this.toks[start].start, this.toks[atoms[adminAt].j - 1].end);
        this.emit(start, atoms[adminAt].j, 'GROUP', { kind: 'personGroup', person: inner, sector: 'GOV', label });
        return adminAt + 1;
      }
      if (poss && this.isSector(atoms[r + 1]) && this.isPlural(atoms[r + 1])) {
        const inner = this.emit(name.i, name.j, 'PERSON', personRef, { nested: true });
        const sector = this.sectorOf(atoms[r + 1]) ?? 'GOV';
        const label = this.text.slice(this.toks[start].start, this.toks[atoms[r + 1].j - 1].end);
        inner.asActor = true;
        this.emit(start, atoms[r + 1].j, 'GROUP', { kind: 'personGroup', person: inner, sector, label });
        return r + 2;
      }
      this.emit(name.i, name.j, 'PERSON', personRef);
      return r;
    }

    // No head: country-ish words on their own ("The United States and Jordan", "Turkish and Greek sides").
    if (ctys.length) {
      const last = ctys[ctys.length - 1];
      // "Iraqi Kurds", "Bosnian Serbs": a nationality adjective before a people's name is that people, there.
      const nextA = atoms[q];
      const nextT = this.tok(nextA);
      const peopleName = nextA && nextT && isUpper(nextT.text) && /s$/.test(nextT.text) && !this.lowerIs(nextA.i, Word.notName) &&
        (!nextA.hits.length || nextA.hits.some((h) => h.kind === 'demonym' && h.plural));
      if (ctys.length === 1 && last.kind === 'demonym' && !last.plural && peopleName) {
        this.emit(atoms[spanStart].i, nextA.j, 'NORP', { kind: 'collective', country: last.iso3, sector: 'CVL', label: this.text.slice(this.toks[last.atom.i].start, nextT.end), definite: false }, { country: last.iso3 });
        return q + 1;
      }
      const placeUse = locative || (!last.possessive && this.placeNounAfter(q));
      for (let k = 0; k < ctys.length; k++) {
        const c = ctys[k];
        this.emitCountryish(c, placeUse, false, k === 0 && det === 'the' && spanStart === p && c.kind !== 'demonym' ? atoms[p].i : undefined);
      }
      return q;
    }

    // Unknown capitalised name: an entity with no actor (unless it is a surname seen before).
    if (a && !a.hits.length && spanStart === q) {
      const t = this.tok(a)!;
      const sentenceInitial = a.i === this.from || (a.i === this.from + 1 && !isWordToken(this.toks[this.from]));
      if (isUpper(t.text) && isWordToken(t) && !this.lowerIs(a.i, Word.notName) && (!sentenceInitial || t.pos === 'PROPN') && t.pos !== 'PRON') {
        const name = this.readName(q);
        // A capitalised opener before a nationality or country is an adjective: "Recent US strikes", "Angry French farmers".
        const openerBeforeCountry = sentenceInitial && name && name.j - name.i === 1 && this.isCountryish(atoms[name.q]);
        if (name && !openerBeforeCountry && !(sentenceInitial && name.j - name.i === 1 && (t.pos !== 'PROPN' || /s$/.test(t.lower) && !this.isPossessive(atoms[name.q])))) {
          const nameText = this.text.slice(this.toks[name.i].start, this.toks[name.j - 1].end);
          const type: EntityType = q > 0 && this.is(atoms[q - 1], Word.honorific) ? 'PERSON' : this.unknownNameType(name.i, name.j, nameText);
          this.emit(name.i, name.j, type, { kind: 'unknown', name: nameText }, { asActor: !this.locativeBefore(name.i) });
          return name.q;
        }
      }
    }
    return p;
  }

  /** The type an unknown name (tokens [i, j), written `nameText`) has by its words: a region, an organisation, a place, a GPE after a locative, or a person. */
  private unknownNameType(i: number, j: number, nameText: string): EntityType {
    // One token without a hyphen is one word (its split below would give its lower-cased text alone),
    // and its dictionary entry already knows the lists that word and its key are in.
    if (j === i + 1 && !/[\s-]/.test(nameText)) {
      const e = this.keys[i];
      return (e.words & Word.region) !== 0 ? 'LOC'
        : (e.lowerWords & Word.orgWord) !== 0 || /^[A-Z]{2,6}$/.test(nameText) ? 'ORG'
        : (e.lowerWords & Word.locWord) !== 0 ? 'LOC'
        : this.locativeBefore(i) ? 'GPE' : 'PERSON';
    }
    const words = nameText.toLowerCase().split(/[\s-]+/);
    return REGIONS.has(normalizeKey(nameText)) ? 'LOC'
      : words.some((x) => ORG_WORDS.has(x)) || /^[A-Z]{2,6}$/.test(nameText) ? 'ORG'
      : words.some((x) => LOC_WORDS.has(x)) ? 'LOC'
      : this.locativeBefore(i) ? 'GPE' : 'PERSON';
  }

  /** A title head, with or without a name: "President Volodymyr Zelensky", "the Ukrainian President". */
  private readTitled(at: PhraseStart, a: Atom): number {
    const { p, q, det, spanStart, former, ctys } = at;
    const atoms = this.atoms;
    const title = (this.hit(a, 'title')!).title;
    let r = q + 1;
    // "President of Armenia", "Emir of Qatar".
    let ofCountry: Countryish | null = null;
    if (!ctys.length && this.word(atoms[r]) === 'of') {
      let s = r + 1;
      if (this.word(atoms[s]) === 'the') s++;
      const c = this.countryish(atoms[s]);
      if (c && c.kind !== 'demonym') { ofCountry = c; r = s + 1; }
    }
    const name = this.readName(r);
    const country = ctys.length ? this.countryOf(ctys[ctys.length - 1]) : ofCountry ? this.countryOf(ofCountry) : null;
    const start = atoms[spanStart].i;
    for (const c of ctys) this.emitCountryish(c, false, true);
    if (ofCountry) this.emitCountryish(ofCountry, false, true);
    if (name) {
      const end = name.j;
      const nameText = this.text.slice(this.toks[name.i].start, this.toks[name.j - 1].end);
      const ref: Ref = name.person
        ? { kind: 'person', person: name.person, title, former }
        : { kind: 'named', name: nameText, country, sector: former ? 'ELI' : title.sector, title: former ? null : title.title, former };
      // "President Suharto's government": the group of the titled person.
      const adminAt = this.isPossessive(atoms[name.q]) ? name.q + 1 : -1;
      if (adminAt > 0 && atoms[adminAt] && (this.is(atoms[adminAt], Word.administration) || (this.isSector(atoms[adminAt]) && this.isPlural(atoms[adminAt])))) {
        const inner = this.emit(start, end, 'PERSON', ref, { country, asActor: false, nested: true });
        const sector = this.is(atoms[adminAt], Word.administration) ? 'GOV' : this.sectorOf(atoms[adminAt]) ?? 'GOV';
        const label = this.text.slice(this.toks[start].start, this.toks[atoms[adminAt].j - 1].end);
        this.emit(start, atoms[adminAt].j, 'GROUP', { kind: 'personGroup', person: inner, sector, label });
        return adminAt + 1;
      }
      this.emit(start, end, 'PERSON', ref, { country });
      return name.q;
    }
    // "a spokesman for the Kremlin", "an envoy of the Ukrainian President": the office serves the inner actor.
    if (!ctys.length && !ofCountry && !name && (this.word(atoms[r]) === 'for' || this.word(atoms[r]) === 'of')) {
      const before = this.out.length;
      const s2 = this.read(r + 1);
      const inner = s2 > r + 1 ? this.out.slice(before).find((m) => !m.nested && (m.type === 'PERSON' || m.type === 'GPE' || m.type === 'ORG' || m.type === 'GROUP')) : undefined;
      if (inner) {
        const ref: Ref = { kind: 'collective', country: null, sector: title.sector, label: this.span(a), definite: false, via: inner };
        const m = this.emit(start, atoms[s2 - 1].j, 'PERSON', ref, { country: inner.country });
        this.anonymity(m, det, s2, true);
        return s2;
      }
      this.out.length = before;
    }
    // A lower-case title with no determiner, country or name ("described him as president") names no one.
    if (!ctys.length && !ofCountry && !det && !isUpper(this.tok(a)!.text)) return p;
    const end = atoms[r - 1].j;
    const label = this.span(a);
    const ref: Ref = { kind: 'office', country, title, label: ctys.length ? `${this.span(ctys[ctys.length - 1].atom)} ${label}` : label, former };
    const m = this.emit(start, end, 'PERSON', ref, { country });
    this.anonymity(m, det, r, true);
    return r;
  }

  /** A sector head: "Russian forces", "Senior Hungarian and Romanian officials", "rebels". */
  private readSectorHead(at: PhraseStart, a: Atom, genericAfterCountry: boolean): number {
    const { p, q, det, spanStart, counted, former, regional, modSectors, ctys, locative } = at;
    const atoms = this.atoms;
    const n = this.count;
    let r = q;
    const sectors: string[] = modSectors.slice();
    let head = a;
    while (r < n && (this.isSector(atoms[r]) || (r === q && (this.is(atoms[r], Word.sourceHead) || genericAfterCountry)))) {
      head = atoms[r];
      const s = this.sectorOf(atoms[r]);
      if (s) sectors.push(s);
      r++;
      // "Israeli helicopters and tanks": keep to the first head; coordination of heads is rare.
    }
    // "opposition groups", "army units", "coast guard vessels": a generic or equipment noun after a
    // sector word is the head, with that sector.
    if (atoms[r] && !atoms[r].hits.length && this.is(atoms[r], Word.groupHead | Word.equipment)) { head = atoms[r]; r++; }
    const headTok = this.toks[head.j - 1];
    const next = atoms[r] ? this.tok(atoms[r])! : undefined;
    // A singular or adjectival sector word followed by a common noun is a modifier ("military aid", "army base").
    // (wink-nlp sometimes tags a verb as a noun: "army retook the palace"; a determiner after it tells.)
    const afterNext = atoms[r + 1] ? this.tok(atoms[r + 1])! : undefined;
    const nextIsVerbLike = !!afterNext && (afterNext.pos === 'DET' || afterNext.pos === 'PRON' || afterNext.pos === 'NUM') && /(ed|ook|ew|ent|ave|ot|eld|ame|ounced|aid)$/.test(next?.lower ?? '');
    // An adjective-tagged sector word before any noun is a modifier: "the official Czechoslovak news agency".
    if (next && headTok.pos === 'ADJ' && head.j === head.i + 1 && (next.pos === 'PROPN' || next.pos === 'NOUN' || next.pos === 'ADJ') && !this.isSector(atoms[r]) && !EQUIPMENT.has(next.lower)) {
      if (ctys.length) { for (const c of ctys) this.emitCountryish(c, locative, false); return q; }
      return p;
    }
    if (next && !nextIsVerbLike && (next.pos === 'NOUN' || (next.pos === 'PROPN' && !isUpper(next.text))) && !this.isSector(atoms[r]) &&
      (headTok.pos === 'ADJ' || !this.isPlural(head)) && !this.is(head, Word.sourceHead)) {
      if (ctys.length) { for (const c of ctys) this.emitCountryish(c, locative, false); return q; }
      return p;
    }
    const headWord = this.word(head);
    const isSource = this.is(head, Word.sourceHead);
    const weakSource = WEAK_SOURCE_HEADS.has(headWord);
    let sector = sectors.length ? sectors[sectors.length - 1] : null;
    // A generic government head yields to a telling modifier: "rebel leaders" REB, "military officials" MIL.
    if (sectors.length > 1 && sector === 'GOV' && GENERIC_GOV_HEADS.has(headWord)) sector = sectors.find((s) => s !== 'GOV') ?? sector;
    if (isSource && sectors.length === modSectors.length) sector = modSectors[modSectors.length - 1] ?? (ctys.length ? 'GOV' : null);
    if (former && sector === 'GOV') sector = 'ELI';
    // "Qatari mediators": a state's mediators are its government, not an IGO.
    if (sector === 'IGO' && ctys.some((c) => c.kind !== 'unit')) sector = 'GOV';
    if (weakSource && this.anonymityAt(r) !== null) sector = modSectors[modSectors.length - 1] ?? null;

    // A sector head followed by a personal name is a person: "Palestinian leader Yasser Arafat".
    const name = !this.isPlural(head) && !isSource ? this.readName(r) : null;
    // "the official Czechoslovak news agency": a proper adjective and a common noun after the
    // sector word make it a modifier, not a person's title.
    const afterName = name ? this.tok(atoms[name.q]) : undefined;
    if (name && !name.person && afterName && afterName.pos === 'NOUN' && !isUpper(afterName.text)) {
      return ctys.length ? q : p;
    }
    if (name && (name.person || name.j - name.i >= 2)) {
      const country = ctys.length ? this.countryOf(ctys[ctys.length - 1]) : null;
      for (const c of ctys) this.emitCountryish(c, false, true);
      const nameText = this.text.slice(this.toks[name.i].start, this.toks[name.j - 1].end);
      const ref: Ref = name.person
        ? { kind: 'person', person: name.person, title: null, former }
        : { kind: 'named', name: nameText, country, sector, title: this.span(head), former };
      this.emit(atoms[spanStart].i, name.j, 'PERSON', ref, { country });
      return name.q;
    }
    const singular = !this.isPlural(head) && !/s$/.test(headWord);
    const type: EntityType = singular && PERSON_HEAD.test(headWord) ? 'PERSON' : 'GROUP';
    const headText = this.text.slice(this.toks[atoms[q].i].start, this.toks[head.j - 1].end);

    // "the Serbian Workers' Union", "the Ukrainian Farmers Party": a capitalised sector noun that
    // runs on into an organisation word is the name of an organisation of that country.
    if (ctys.length === 1 && ctys[0].kind === 'demonym' && isUpper(headTok.text)) {
      let e = r;
      if (atoms[e] && /^['’]$/.test(this.word(atoms[e])) && this.tok(atoms[e])!.start === headTok.end) e++;
      const orgTok = atoms[e] ? this.tok(atoms[e])! : undefined;
      if (orgTok && isUpper(orgTok.text) && ORG_WORDS.has(orgTok.lower)) {
        const c = ctys[0] as Extract<Countryish, { kind: 'demonym' }>;
        const label = this.text.slice(this.toks[atoms[spanStart].i].start, orgTok.end);
        this.emit(atoms[spanStart].i, atoms[e].j, 'ORG', { kind: 'collective', country: c.iso3, sector, label, definite: false, named: true }, { country: c.iso3 });
        return e + 1;
      }
    }
    if (ctys.length) {
      // One entity per coordinated country: "Hungarian" and "Romanian officials".
      for (let k = 0; k < ctys.length; k++) {
        const c = ctys[k];
        const last = k === ctys.length - 1;
        const i0 = k === 0 ? atoms[spanStart].i : c.atom.i;
        const j0 = last ? head.j : c.atom.j;
        if ((c.possessive || c.kind === 'country' || c.kind === 'capital') && (i0 !== c.atom.i || j0 !== c.atom.j)) this.emitCountryish(c, false, true);
        const country = this.countryOf(c);
        const sec = c.kind === 'unit' && (sector === 'GOV' && GENERIC_GOV_HEADS.has(headWord) || sector === null) ? c.unit.sector : sector ?? (c.kind === 'unit' ? c.unit.sector : null);
        const label = `${this.span(c.atom)} ${headText}`;
        const ref: Ref = c.kind === 'unit'
          ? { kind: 'unit', unit: c.unit, sector: sec ?? c.unit.sector }
          : { kind: 'collective', country, sector: sec, label, definite: det === 'the' && spanStart === p && ctys.length === 1 && type === 'PERSON' };
        const m = this.emit(i0, j0, type, ref, { country });
        const personal = (singular && PERSON_HEAD.test(headWord)) || isSource;
        if (last) this.anonymity(m, det, r, personal);
        else if (isSource || (det && INDEFINITE.has(det) && personal)) m.anonymous = true;
      }
      return r;
    }
    // No country before the head: look after it ("officials in Washington", "Rebels in the Ivory Coast").
    let post = r;
    let country: string | null = null;
    let via: Mention | undefined;
    const pw = this.word(atoms[post]);
    if (!regional && (pw === 'in' || pw === 'from' || pw === 'of' || pw === 'throughout' || pw === 'inside' || pw === 'across')) {
      let s = post + 1;
      if (this.word(atoms[s]) === 'the') s++;
      const c = this.countryish(atoms[s]);
      if (c && c.kind !== 'demonym' && !(c.kind === 'unit' && c.unit.kind !== 'seat')) {
        this.emitCountryish(c, true, true);
        country = this.countryOf(c);
        post = s + 1;
      }
    } else if (pw === 'to' && (sector === 'GOV' || sector === null)) {
      // "advisers to the Ukrainian President": the group serves the inner actor.
      const before = this.out.length;
      const s = this.read(post + 1);
      if (s > post + 1) {
        const inner = this.out.slice(before).find((m) => !m.nested && m.type === 'PERSON' || !m.nested && m.type === 'GPE');
        if (inner) { via = inner; post = s; }
        else this.out.length = before;
      }
    }
    if (country === null && !via && isSource && !sector && weakSource && !this.anonymityAt(r)) return p;
    if (sector === 'IGO' && country === null && !via) country = 'IGO';
    const i0 = atoms[spanStart].i;
    const j0 = atoms[post - 1].j;
    const possessor = det && POSSESSIVE_DETS.has(det) && spanStart === p ? det : undefined;
    const ref: Ref = { kind: 'collective', country, sector, label: headText, definite: det === 'the' && spanStart === p && !counted, via, possessor };
    const m = this.emit(i0, j0, type, ref, { country });
    this.anonymity(m, det, post, (singular && PERSON_HEAD.test(headWord)) || isSource || weakSource);
    return post;
  }

  /** Marks a person phrase anonymous when it is indefinite or an anonymity phrase follows; extends its span. */
  private anonymity(m: Mention, det: string | null, p: number, personal: boolean): void {
    const end = this.anonymityAt(p);
    if (end !== null) {
      m.anonymous = true;
      m.end = end;
      return;
    }
    const ref = m.ref;
    const named = ref.kind === 'person' || ref.kind === 'named';
    if (named || !personal) return;
    const text = this.text.slice(m.start, m.end).toLowerCase();
    if (/\bsources?\b/.test(text)) { m.anonymous = true; return; }
    if (det && INDEFINITE.has(det) && ref.kind !== 'office') m.anonymous = true;
    if (det && INDEFINITE.has(det) && ref.kind === 'office' && det !== 'a' && det !== 'an') m.anonymous = true;
  }

  /** If an anonymity phrase starts at atom p, the offset where its clause ends. */
  private anonymityAt(p: number): number | null {
    const atoms = this.atoms;
    if (p >= this.count) return null;
    let k = atoms[p].i;
    if (this.toks[k]?.lower === ',') k++;
    // Most phrases are followed by no anonymity phrase: its first word tells at once.
    if (k >= this.to || !this.lowerIs(k, Word.anonymityOpener)) return null;
    for (const phrase of ANONYMITY_PHRASES) {
      let ok = true;
      for (let x = 0; x < phrase.length; x++) if (this.toks[k + x]?.lower !== phrase[x] || k + x >= this.to) { ok = false; break; }
      if (!ok) continue;
      let e = k + phrase.length;
      // The complement runs to the next comma or verb: "familiar with the talks", "close to the president".
      if (!/(named|identified|anonymity|anonymously)$/.test(phrase[phrase.length - 1])) {
        while (e < this.to && !/^[,;:.!?“”"()]$/.test(this.toks[e].text) && this.toks[e].pos !== 'VERB' && this.toks[e].pos !== 'AUX' && this.toks[e].lower !== 'who' && this.toks[e].lower !== 'that') e++;
        if (e > this.to) e = this.to;
        // "to speak" after "not authorised": keep the infinitive with the phrase.
        if (this.toks[e]?.lower === 'to' || (this.toks[e - 1]?.lower === 'to' && this.toks[e]?.pos === 'VERB')) {
          while (e < this.to && (this.toks[e].lower === 'to' || this.toks[e].pos === 'VERB') && !/^(said|says|told|added|warned|confirmed|noted)$/.test(this.toks[e].lower)) e++;
        }
      }
      return this.toks[e - 1].end;
    }
    return null;
  }

  /** Reads all phrases of the sentence. */
  private run(): void {
    let p = 0;
    while (p < this.count) {
      // The check `read` opens with, made here too: `read` is large, and most atoms open nothing.
      if (!this.mayOpenPhrase(this.atoms[p])) { p++; continue; }
      const next = this.read(p);
      p = next > p ? next : p + 1;
    }
  }
}

/** A pronoun that may refer back to a person: its offsets and sentence. */
export interface PronounAt { start: number; end: number; sentence: number }

/** The dictionary entries of the tokens' normalised keys, computed once per article. */
export function tokenKeys(dict: ActorDictionary, toks: readonly RecToken[]): KeyEntry[] {
  const keys = new Array<KeyEntry>(toks.length);
  fillKeys(dict, keyMemoOf(dict), toks, 0, toks.length, keys);
  return keys;
}

/** Puts the dictionary entries of tokens [from, to) into `keys` at their indices. */
function fillKeys(dict: ActorDictionary, memo: KeyMemo, toks: readonly RecToken[], from: number, to: number, keys: KeyEntry[]): void {
  for (let i = from; i < to; i++) {
    const text = toks[i].text;
    let entry = memo.byText.get(text);
    if (entry === undefined) {
      if (memo.size >= KEY_MEMO_LIMIT) { memo.byText.clear(); memo.size = 0; }
      entry = lookUpKey(dict, memo, normalizeKey(text), text.toLowerCase());
      memo.byText.set(text, entry);
    }
    keys[i] = entry;
  }
}

/**
 * Recognises the actor and place mentions of articles, one article after another, with one
 * dictionary. One recogniser serves a whole run (the actors stage keeps one): the reader it keeps
 * reuses its working objects from article to article.
 */
export class ActorRecognizer {
  private readonly reader: SentenceReader;
  private readonly memo: KeyMemo;
  /**
   * The entries of the current article's tokens, in an array reused from article to article:
   * filled sentence by sentence, just before the sentence is read (the reader asks only about
   * the tokens of the sentence it reads, so entries left from another article are never read).
   */
  private readonly keys: KeyEntry[] = [];

  constructor(private readonly dict: ActorDictionary) {
    this.reader = new SentenceReader(dict);
    this.memo = keyMemoOf(dict);
  }

  /**
   * The mentions of the sentences of one article (token ranges [tokenStart, tokenEnd)), in
   * sentence order, and with `withPronouns` the person pronouns (`PERSON_PRONOUNS`, for coreference).
   * `keys` are the tokens' entries (`tokenKeys`); without them they are looked up sentence by sentence.
   */
  recognize(
    text: string, toks: readonly RecToken[], keys: readonly KeyEntry[] | null,
    sentences: readonly { tokenStart: number; tokenEnd: number }[], withPronouns = false,
  ): { mentions: Mention[]; pronouns: PronounAt[] } {
    const mentions: Mention[] = [];
    const pronouns: PronounAt[] = [];
    const reader = this.reader;
    const entries = keys ?? this.keys;
    reader.startArticle(text, toks, entries, mentions);
    for (let s = 0; s < sentences.length; s++) {
      const { tokenStart, tokenEnd } = sentences[s];
      if (keys === null) fillKeys(this.dict, this.memo, toks, tokenStart, tokenEnd, this.keys);
      reader.readSentence(tokenStart, tokenEnd);
      if (!withPronouns) continue;
      for (let k = tokenStart; k < tokenEnd; k++) {
        if ((entries[k].lowerWords & Word.personPronoun) === 0) continue;
        const t = toks[k];
        pronouns.push({ start: t.start, end: t.end, sentence: t.sentence });
      }
    }
    reader.endArticle();
    // The entries of this article's tokens are not kept: after the memo is cleared, they alone
    // would keep its old entries alive.
    if (keys === null) this.keys.length = 0;
    return { mentions, pronouns };
  }
}

/** Recognises the actor and place mentions of one sentence (token range [from, to)). */
export function recognizeSentence(
  dict: ActorDictionary, text: string, toks: readonly RecToken[], keys: readonly KeyEntry[], from: number, to: number,
  withPronouns = false,
): { mentions: Mention[]; pronouns: PronounAt[] } {
  return new ActorRecognizer(dict).recognize(text, toks, keys, [{ tokenStart: from, tokenEnd: to }], withPronouns);
}
