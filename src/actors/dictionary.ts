/**
 * The actor dictionary: reads data/actors/*.json (and user files given with `--actors FILE`),
 * checks them, and compiles every alias into one Map keyed by its normalised token text, so an
 * article is matched with a handful of Map lookups per token.
 *
 * File formats are described in data/actors (each file has an `about` header with provenance).
 * The kind of each entry is told by its shape: `iso3` → country, `roles` → person, `nouns` →
 * sector nouns, `title` + `office` → title, `name` + `country` + `sector` → organisation, armed
 * group or seat of power (the file name or an entry's `kind` says which).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ParleyError } from '../document/errors.js';
import { COMMON_WORDS, DETERMINERS, MODIFIERS, NOT_NAMES } from './words.js';

export type Office = 'head-of-state' | 'head-of-government' | 'foreign-minister' | 'defence-minister' | 'other';

export interface CountryRecord {
  iso3: string;
  name: string;
  wikidata: string | null;
  capital: string | null;
  /** The first adjectival demonym ("Ukrainian"), used to name collective actors. */
  demonym: string | null;
}

export interface RoleRecord {
  country: string;
  sector: string;
  title: string | null;
  office: Office | null;
  /** Comparable bounds: a partial start "2019" becomes "2019-00-00", a partial end "2019" "2019-99-99". */
  from: string;
  to: string;
}

export interface PersonRecord {
  id: string;
  name: string;
  wikidata: string | null;
  roles: RoleRecord[];
}

export type UnitKind = 'org' | 'armed' | 'seat';

/** An organisation, armed group or seat of power: one coded actor under several names. */
export interface UnitRecord {
  id: string;
  kind: UnitKind;
  name: string;
  country: string;
  sector: string;
  wikidata: string | null;
}

export interface TitleRecord {
  title: string;
  office: Office;
  sector: string;
}

/** What one alias can stand for; an alias may stand for several things ("Georgia", "President"). */
export type Hit =
  | { kind: 'country'; iso3: string }
  | { kind: 'demonym'; iso3: string; plural: boolean }
  | { kind: 'capital'; iso3: string }
  | { kind: 'unit'; unit: UnitRecord }
  | { kind: 'person'; person: PersonRecord }
  | { kind: 'title'; title: TitleRecord; plural: boolean }
  | { kind: 'sector'; sector: string; plural: boolean };

export interface AliasHit {
  hit: Hit;
  /** How the alias was written: decides the case rule at match time. */
  caseRule: CaseRule;
  /** The alias as written (whitespace collapsed), for the exact rule. */
  written: string;
}

/** exact: acronyms (US, UN, PM) match only as written; upper: names need a capital first letter; any: common nouns. */
export type CaseRule = 'exact' | 'upper' | 'any';

export interface ActorDictionary {
  readonly phrases: ReadonlyMap<string, readonly AliasHit[]>;
  /** Every leading part of every alias key, so matching stops as soon as no alias can follow. */
  readonly prefixes: ReadonlySet<string>;
  /** People by the countries of their roles, for "the Ukrainian President" on a date. */
  readonly peopleByCountry: ReadonlyMap<string, readonly PersonRecord[]>;
  /** The longest alias in tokens, so matching knows when to stop. */
  readonly maxTokens: number;
  readonly countries: ReadonlyMap<string, CountryRecord>;
  readonly people: readonly PersonRecord[];
  readonly units: readonly UnitRecord[];
  readonly titles: readonly TitleRecord[];
  /** The files read, in order. */
  readonly files: readonly string[];
}

export interface ActorDictionaryOptions {
  extraFiles?: readonly string[];
}

const defaults = Object.freeze({
  /** The package's data folder, relative to the folder holding package.json. */
  dataFolder: join('data', 'actors'),
  /** Aliases longer than this many tokens are never written in news text. */
  tokenCap: 12,
});

/** The folder holding package.json: works from src/ (tsx) and from dist/src/ (after tsc). */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    const up = dirname(dir);
    if (up === dir) throw new ParleyError('P011', 'Cannot find package.json above the actors module: is Parley installed whole?');
    dir = up;
  }
}

/** Lower-cases and evens out typography so "Ukraine’s" and "Ukraine's" share a key. */
export function normalizeKey(text: string): string {
  return text.toLowerCase().replace(/[’‘`]/g, "'").replace(/[‐‑‒–—]/g, '-').replace(/\s+/g, ' ').trim();
}

/** 0 space, 1 letter, 2 digit, 3 anything else: a token boundary falls where the class changes. */
function charClass(c: number): number {
  if (c === 32) return 0;
  if ((c >= 97 && c <= 122) || c > 127) return 1;
  if (c >= 48 && c <= 57) return 2;
  return 3;
}

/** The forms the press writes an Arabic name's article in, interchangeably. */
const ARTICLE_FORMS = ['al-', 'el-', 'al ', 'el ', ''] as const;

/**
 * A name as written, and as written with its Arabic article in each other form the press uses:
 * "Abdel Fattah el-Sisi" is also "Abdel Fattah al-Sisi", "Abdel Fattah Al Sisi", "Abdel Fattah El
 * Sisi" and "Abdel Fattah Sisi". Only an article after the first word counts ("Al Gore" has none),
 * and a name of two words keeps it ("Omar al-Bashir" is never "Omar Bashir", a given name and a
 * surname that may be anyone's). At most two articles a name are varied.
 */
export function articleSpellings(name: string): string[] {
  const words = name.split(/\s+/);
  // Words that are, or start with, an article before a name ("al-Bashir"; "El" then "Bashir"), last first.
  const at: number[] = [];
  for (let k = words.length - 1; k >= 1; k--) {
    if (/^(?:al|el)-\p{L}/iu.test(words[k]) || (/^(?:al|el)$/i.test(words[k]) && k + 1 < words.length && /^\p{Lu}/u.test(words[k + 1]))) at.push(k);
  }
  if (!at.length || at.length > 2) return [name];
  const out = new Set<string>([name]);
  // Varied from the last article back, so splicing one never moves the index of the next.
  const vary = (from: string[], i: number): void => {
    if (i === at.length) { out.add(from.join(' ')); return; }
    const k = at[i];
    const joined = /^(?:al|el)-/i.test(from[k]);
    const rest = joined ? from[k].slice(3) : from[k + 1];
    for (const form of ARTICLE_FORMS) {
      const written = form.endsWith('-') ? [form + rest] : form ? [form.trimEnd(), rest] : [rest];
      const next = [...from];
      next.splice(k, joined ? 1 : 2, ...written);
      // Dropping the article of a two-word name would leave the given name and surname alone: kept.
      if (form === '' && next.length < 3) continue;
      vary(next, i + 1);
    }
  };
  vary(words, 0);
  return [...out];
}

function isCommonWord(alias: string): boolean {
  if (/\s/.test(alias)) return false;
  const w = alias.toLowerCase();
  return MODIFIERS.has(w) || NOT_NAMES.has(w) || DETERMINERS.has(w) || COMMON_WORDS.has(w);
}

function caseRuleOf(alias: string): CaseRule {
  const letters = alias.replace(/[^A-Za-z]/g, '');
  if (letters.length > 0 && letters.length <= 5 && letters === letters.toUpperCase()) return 'exact';
  // Short mixed-case acronyms ("LeT", "HuT", "PiS") would otherwise match ordinary words ("Let").
  if (!/\s/.test(alias) && letters.length <= 5 && /^.+[A-Z]/.test(letters)) return 'exact';
  if (/^[^A-Za-z]*[A-Z]/.test(alias)) return 'upper';
  return 'any';
}

/** Comparable date bound: "2019" → "2019-00-00" (start) or "2019-99-99" (end). */
function bound(date: unknown, end: boolean): string {
  if (typeof date !== 'string' || !date) return end ? '9999-99-99' : '0000-00-00';
  const parts = date.slice(0, 10).split('-');
  while (parts.length < 3) parts.push(end ? '99' : '00');
  return parts.join('-');
}

function plural(noun: string): string {
  if (/(s|x|ch|sh)$/.test(noun)) return noun + 'es';
  if (/[^aeiou]y$/.test(noun)) return noun.slice(0, -1) + 'ies';
  return noun + 's';
}

interface Builder {
  phrases: Map<string, AliasHit[]>;
  prefixes: Set<string>;
  maxTokens: number;
  countries: Map<string, CountryRecord>;
  people: PersonRecord[];
  units: UnitRecord[];
  titles: TitleRecord[];
}

function addAlias(b: Builder, alias: unknown, hit: Hit, rule?: CaseRule): void {
  if (typeof alias !== 'string' || !alias.trim()) return;
  const key = normalizeKey(alias);
  const caseRule = rule ?? (hit.kind === 'sector' || hit.kind === 'title' ? (caseRuleOf(alias) === 'exact' ? 'exact' : 'any') : caseRuleOf(alias));
  // Leading parts ending where a token may end: before a space, or where letters meet digits or
  // punctuation ("al|-|qaeda", "u.s.|-led"), which is where wink-nlp splits tokens.
  let before = charClass(key.charCodeAt(0));
  for (let k = 1; k < key.length; k++) {
    const here = charClass(key.charCodeAt(k));
    if (here !== before && before !== 0) b.prefixes.add(key.slice(0, k));
    before = here;
  }
  const list = b.phrases.get(key) ?? [];
  // One alias listed twice for the same thing (e.g. "President" and "president") is one hit.
  if (list.some((h) => sameHit(h.hit, hit))) {
    const h = list.find((x) => sameHit(x.hit, hit))!;
    if (h.caseRule === 'exact' && caseRule !== 'exact') h.caseRule = caseRule;
    else if (h.caseRule === 'upper' && caseRule === 'any') h.caseRule = 'any';
    return;
  }
  list.push({ hit, caseRule, written: caseRule === 'exact' ? alias.replace(/\s+/g, ' ').replace(/[’‘]/g, "'").trim() : '' });
  b.phrases.set(key, list);
  // The prefix set stops matching early; the cap only bounds pathological runs.
  b.maxTokens = defaults.tokenCap;
}

function sameHit(a: Hit, b: Hit): boolean {
  if (a.kind !== b.kind) return false;
  switch (a.kind) {
    case 'country': case 'capital': return a.iso3 === (b as typeof a).iso3;
    case 'demonym': return a.iso3 === (b as typeof a).iso3;
    case 'unit': return a.unit === (b as typeof a).unit;
    case 'person': return a.person === (b as typeof a).person;
    case 'title': return a.title === (b as typeof a).title;
    case 'sector': return a.sector === (b as typeof a).sector;
  }
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const strings = (x: unknown): string[] => (Array.isArray(x) ? x.filter((s): s is string => typeof s === 'string') : []);
const str = (x: unknown): string | null => (typeof x === 'string' && x ? x : null);

function bad(file: string, problem: string): never {
  throw new ParleyError('P040', `Actor dictionary file ${file}: ${problem}`);
}

function addEntry(b: Builder, file: string, index: number, e: unknown): void {
  const where = `entry ${index + 1}`;
  if (!isObject(e)) bad(file, `${where} is not an object`);
  const fileKind = basename(file).toLowerCase();
  if ('iso3' in e) {
    const iso3 = str(e.iso3);
    if (!iso3 || !/^[A-Z]{3}$/.test(iso3)) bad(file, `${where}: "iso3" must be three capital letters`);
    const name = str(e.name) ?? bad(file, `${where} (${iso3}): missing "name"`);
    const cap = isObject(e.capital) ? e.capital : null;
    const demonyms = strings(e.demonyms);
    const record: CountryRecord = {
      iso3, name, wikidata: str(e.wikidata), capital: cap ? str(cap.name) : null,
      demonym: demonyms.find((d) => !/[^s]s$/.test(d)) ?? demonyms[0] ?? null,
    };
    b.countries.set(iso3, record);
    addAlias(b, name, { kind: 'country', iso3 });
    for (const a of strings(e.aliases)) addAlias(b, a, { kind: 'country', iso3 });
    for (const d of demonyms) {
      // Plural demonyms name the people ("Ukrainians"); adjectival ones modify a noun.
      const isPlural = /[^s]s$/.test(d) && !/ois$/.test(d);
      addAlias(b, d, { kind: 'demonym', iso3, plural: isPlural });
    }
    if (cap) {
      addAlias(b, cap.name, { kind: 'capital', iso3 });
      for (const a of strings(cap.aliases)) addAlias(b, a, { kind: 'capital', iso3 });
    }
    return;
  }
  if ('roles' in e) {
    const name = str(e.name) ?? bad(file, `${where}: a person needs a "name"`);
    if (!Array.isArray(e.roles)) bad(file, `${where} (${name}): "roles" must be an array`);
    const roles: RoleRecord[] = e.roles.map((r, k) => {
      if (!isObject(r)) bad(file, `${where} (${name}): role ${k + 1} is not an object`);
      const country = str(r.country) ?? bad(file, `${where} (${name}): role ${k + 1} needs a "country"`);
      return {
        country, sector: str(r.sector) ?? 'GOV', title: str(r.title), office: (str(r.office) as Office | null),
        from: bound(r.start, false), to: bound(r.end, true),
      };
    });
    const person: PersonRecord = { id: `person:${b.people.length}`, name, wikidata: str(e.wikidata), roles };
    b.people.push(person);
    for (const spelling of articleSpellings(name)) addAlias(b, spelling, { kind: 'person', person });
    // A one-word alias that is an ordinary English word ("Senior", "Will") would fire on every
    // sentence that opens with it: such aliases are left out; the full name still matches.
    for (const a of strings(e.aliases)) if (!isCommonWord(a)) for (const spelling of articleSpellings(a)) addAlias(b, spelling, { kind: 'person', person });
    return;
  }
  if ('nouns' in e) {
    const sector = str(e.sector) ?? bad(file, `${where}: sector nouns need a "sector"`);
    for (const noun of strings(e.nouns)) {
      const isPlural = /s$/.test(noun) && !/(ss|us|is)$/.test(noun);
      addAlias(b, noun, { kind: 'sector', sector, plural: isPlural });
      // The file lists the usual forms; the other number is added so "rebel fighter" finds "rebel fighters".
      if (isPlural && /^[a-z -]+s$/.test(noun) && !/(ss|us|is|ics)$/.test(noun) && !/^(forces|arms|press|news|police|headquarters|means|chiefs|elders|notables)$/.test(noun.split(' ').pop()!)) {
        addAlias(b, noun.endsWith('ies') ? noun.slice(0, -3) + 'y' : noun.slice(0, -1), { kind: 'sector', sector, plural: false });
      }
      if (!isPlural && /^[a-z -]+$/.test(noun) && !/(police|military|media|press|public|intelligence|opposition|leadership|artillery|paramilitary|displaced|mafia|people|staff|junta|regime|government|cabinet|presidency|delegation|administration|judiciary|legislature|population|crowd|nobility|aristocracy|clergy|industry|business|gendarmerie|navy|army|militia)$/.test(noun)) {
        addAlias(b, plural(noun), { kind: 'sector', sector, plural: true });
      }
    }
    return;
  }
  if ('title' in e) {
    const title = str(e.title) ?? bad(file, `${where}: a title needs "title"`);
    const record: TitleRecord = { title, office: (str(e.office) as Office | null) ?? 'other', sector: str(e.sector) ?? 'GOV' };
    b.titles.push(record);
    const aliases = [title, ...strings(e.aliases)];
    for (const a of aliases) {
      addAlias(b, a, { kind: 'title', title: record, plural: false });
      if (/^[A-Za-z -]+$/.test(a) && caseRuleOf(a) !== 'exact' && !/s$/.test(a)) addAlias(b, plural(a), { kind: 'title', title: record, plural: true });
    }
    return;
  }
  if ('name' in e && 'country' in e) {
    const name = str(e.name) ?? bad(file, `${where}: missing "name"`);
    const country = str(e.country) ?? bad(file, `${where} (${name}): missing "country"`);
    const declared = str(e.kind)?.toLowerCase();
    const kind: UnitKind = declared === 'seat' || /seat/.test(fileKind) ? 'seat'
      : declared === 'armed' || /armed|group/.test(fileKind) ? 'armed' : 'org';
    const unit: UnitRecord = {
      id: `${kind}:${b.units.length}`, kind, name, country,
      sector: str(e.sector) ?? (country === 'IGO' ? 'IGO' : country === 'NGO' ? 'NGO' : 'GOV'), wikidata: str(e.wikidata),
    };
    b.units.push(unit);
    addAlias(b, name, { kind: 'unit', unit });
    for (const a of strings(e.aliases)) addAlias(b, a, { kind: 'unit', unit });
    return;
  }
  bad(file, `${where} is neither a country (iso3), a person (roles), sector nouns (nouns), a title (title) nor an organisation (name, country, sector)`);
}

function readFile(b: Builder, file: string): void {
  let raw: string;
  try { raw = readFileSync(file, 'utf8'); } catch (err) {
    throw new ParleyError('P011', `Actor dictionary file ${file} cannot be read: ${(err as Error).message}`);
  }
  let json: unknown;
  try { json = JSON.parse(raw); } catch (err) { bad(file, `not valid JSON (${(err as Error).message})`); }
  if (!isObject(json) || !Array.isArray(json.entries)) bad(file, 'expected an object with an "entries" array');
  json.entries.forEach((e, i) => addEntry(b, file, i, e));
  // A deliberately shared alias ("Congolese": COD, COG) lists its most frequent reading first.
  const shared = isObject(json.about) && isObject(json.about.sharedAliases) ? json.about.sharedAliases : {};
  for (const [alias, order] of Object.entries(shared)) {
    const list = b.phrases.get(normalizeKey(alias));
    const codes = strings(order);
    if (!list || !codes.length) continue;
    const rank = (h: AliasHit): number => {
      const iso = 'iso3' in h.hit ? h.hit.iso3 : null;
      const k = iso ? codes.indexOf(iso) : -1;
      return k < 0 ? codes.length : k;
    };
    list.sort((x, y) => rank(x) - rank(y));
  }
}

/**
 * Loads and compiles the shipped actor dictionary plus any user files (same format). Throws
 * P040 naming the file and the problem when a file is malformed.
 */
export function loadActorDictionary(options: ActorDictionaryOptions = {}): ActorDictionary {
  const folder = join(packageRoot(), defaults.dataFolder);
  const shipped = existsSync(folder)
    ? readdirSync(folder).filter((f) => f.endsWith('.json')).sort().map((f) => join(folder, f))
    : [];
  const files = [...shipped, ...(options.extraFiles ?? [])];
  const b: Builder = { phrases: new Map(), prefixes: new Set(), maxTokens: 1, countries: new Map(), people: [], units: [], titles: [] };
  for (const file of files) readFile(b, file);
  const peopleByCountry = new Map<string, PersonRecord[]>();
  for (const p of b.people) {
    for (const c of new Set(p.roles.map((r) => r.country))) {
      const list = peopleByCountry.get(c) ?? [];
      list.push(p);
      peopleByCountry.set(c, list);
    }
  }
  return Object.freeze({
    phrases: b.phrases, prefixes: b.prefixes, peopleByCountry, maxTokens: b.maxTokens, countries: b.countries, people: b.people, units: b.units,
    titles: b.titles, files: Object.freeze(files),
  });
}
