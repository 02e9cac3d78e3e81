import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ParleyError } from '../document/errors.js';
import { foldName } from './fold.js';

/** One place the gazetteer knows: a populated place (GeoNames) or a country. */
export interface PlaceRecord {
  /** GeoNames id (of the place, or of the country for a country), or null where none is known. */
  readonly geonameid: number | null;
  /** The name Parley prints: GeoNames' name, or today's English spelling where GeoNames lags. */
  readonly name: string;
  /** ISO 3166-1 alpha-3. */
  readonly country: string;
  readonly lat: number;
  readonly lon: number;
  readonly population: number;
  /** GeoNames feature code (PPLC capital, PPLA seat of a first-level division, …) or COUNTRY. */
  readonly feature: string;
  /** GeoNames first-level administrative code (for the US, the state's postal code), or null. */
  readonly admin1: string | null;
}

/** The places a name may refer to; `primary` is false when only alternate names matched. */
export interface NameMatch {
  readonly records: readonly PlaceRecord[];
  readonly primary: boolean;
}

/** A loaded, immutable gazetteer; build it once with `loadGazetteer()` and share it. */
export interface Gazetteer {
  /** Number of populated places and of countries. */
  readonly size: { places: number; countries: number };
  /**
   * The places a name refers to. A primary name beats an alternate one: when any place carries
   * the name as a primary (or display) name, places that only carry it as an alternate are left out.
   */
  find(name: string): NameMatch | null;
  /** Whether some known name, folded, starts with this folded prefix (lets a scanner stop early). */
  hasPrefix(foldedPrefix: string): boolean;
  /** The country record for an ISO alpha-3 code. */
  country(iso3: string): PlaceRecord | undefined;
  /** The GeoNames admin1 code of a US state named in full ("Illinois" → "IL"). */
  usState(name: string): string | undefined;
  /**
   * False when no US state's name (folded) begins with this word's letters: a name that starts with
   * a word of plain letters ("Texas", "New") can be a state only if this is true of its lower case.
   */
  mayStartUsState(lowerWord: string): boolean;
  /** The full name of a US state from its admin1 code ("IL" → "Illinois"). */
  usStateName(code: string): string | undefined;
}

export interface GazetteerOptions {
  /** Folder holding gazetteer.tsv, countries.tsv, alternate-names.tsv and us-states.tsv. */
  dir?: string;
}

const defaults = Object.freeze({
  files: Object.freeze({
    places: 'gazetteer.tsv',
    countries: 'countries.tsv',
    alternates: 'alternate-names.tsv',
    usStates: 'us-states.tsv',
  }),
  alternateKinds: Object.freeze(['display', 'primary', 'alternate'] as const),
  /** Lookups remembered per gazetteer (names and prefixes); the memo is cleared when full. */
  memoLimit: 50_000,
});

type AlternateKind = (typeof defaults.alternateKinds)[number];

/** data/places, found from this module both in src/places and in the built dist/src/places. */
function defaultDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    const candidate = join(dir, 'data', 'places');
    if (existsSync(join(candidate, defaults.files.places))) return candidate;
    dir = dirname(dir);
  }
  throw new ParleyError('P011', 'data/places/gazetteer.tsv not found next to the package: reinstall Parley or pass { dir } to loadGazetteer');
}

/** Rows of a small TSV data file without its # comment lines and its header line. */
function rowsOf(file: string): string[][] {
  const rows: string[][] = [];
  let header = true;
  for (const line of readText(file).split('\n')) {
    if (line === '' || line.charCodeAt(0) === 35 /* # */) continue;
    if (header) { header = false; continue; }
    rows.push(line.split('\t'));
  }
  return rows;
}

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    throw new ParleyError('P011', `Gazetteer file ${file} not found: run node --import tsx scripts/build-gazetteer.mjs or pass { dir } to loadGazetteer`);
  }
}

function invalid(file: string, row: number, why: string): never {
  throw new ParleyError('P040', `${file}, data row ${row + 1}: ${why}`);
}

/**
 * The populated places, kept as the text of gazetteer.tsv plus the offset of each row. The rows are
 * sorted by lookup key (see scripts/build-gazetteer.mjs), so a name is found by binary search and a
 * row becomes a record only when it is asked for: loading costs one pass over the text, not 23,000
 * objects and an index.
 */
class PlaceTable {
  readonly count: number;
  private readonly text: string;
  private readonly starts: Int32Array;
  private readonly parsed = new Map<number, PlaceRecord>();

  constructor(private readonly file: string, private readonly displayNames: ReadonlyMap<number, string>) {
    const text = readText(file);
    let pos = 0;
    // Skip the # comment lines and the header line.
    while (pos < text.length && text.charCodeAt(pos) === 35) pos = text.indexOf('\n', pos) + 1;
    pos = text.indexOf('\n', pos) + 1;
    const starts: number[] = [];
    while (pos > 0 && pos < text.length) {
      starts.push(pos);
      pos = text.indexOf('\n', pos) + 1;
    }
    this.text = text;
    this.starts = Int32Array.from(starts);
    this.count = starts.length;
    if (this.count === 0) invalid(file, 0, 'no places');
  }

  keyAt(row: number): string {
    const start = this.starts[row];
    return this.text.slice(start, this.text.indexOf('\t', start));
  }

  /** The first row whose key is not below `key`. */
  lowerBound(key: string): number {
    let lo = 0, hi = this.count;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.keyAt(mid) < key) lo = mid + 1; else hi = mid;
    }
    return lo;
  }

  hasPrefix(prefix: string): boolean {
    const row = this.lowerBound(prefix);
    return row < this.count && this.keyAt(row).startsWith(prefix);
  }

  /** The rows whose key is exactly `key` (bigger places first, as the file is sorted). */
  rowsWithKey(key: string): number[] {
    const rows: number[] = [];
    for (let row = this.lowerBound(key); row < this.count && this.keyAt(row) === key; row++) rows.push(row);
    return rows;
  }

  recordAt(row: number): PlaceRecord {
    let record = this.parsed.get(row);
    if (record) return record;
    const end = row + 1 < this.count ? this.starts[row + 1] - 1 : this.text.length;
    const cols = this.text.slice(this.starts[row], end).replace(/\r$/, '').split('\t');
    if (cols.length < 9) invalid(this.file, row, `expected 9 columns, found ${cols.length}`);
    const geonameid = Number(cols[1]);
    record = Object.freeze({
      geonameid, name: this.displayNames.get(geonameid) ?? cols[2], country: cols[3], lat: Number(cols[4]), lon: Number(cols[5]),
      population: Number(cols[6]) || 0, feature: cols[7], admin1: cols[8] || null,
    });
    this.parsed.set(row, record);
    return record;
  }

  /** The rows of the given GeoNames ids, found in one pass (used for the few hand-written names). */
  rowsOfIds(ids: ReadonlySet<number>): Map<number, number> {
    const found = new Map<number, number>();
    for (let row = 0; row < this.count && found.size < ids.size; row++) {
      const start = this.text.indexOf('\t', this.starts[row]) + 1;
      const id = Number(this.text.slice(start, this.text.indexOf('\t', start)));
      if (ids.has(id)) found.set(id, row);
    }
    return found;
  }
}

/**
 * Reads the committed gazetteer (never the npm packages it was built from, never the network).
 * About 23,000 places and 250 countries; see data/places/README.md.
 */
export function loadGazetteer(options: GazetteerOptions = {}): Gazetteer {
  const dir = options.dir ?? defaultDir();

  // Hand-written names first: display names change how a place prints.
  const alternatesFile = join(dir, defaults.files.alternates);
  const alternates = rowsOf(alternatesFile).map(([name, target, kind], i) => {
    if (!name || !target) invalid(alternatesFile, i, 'name and target are required');
    if (!(defaults.alternateKinds as readonly string[]).includes(kind)) invalid(alternatesFile, i, `unknown kind "${kind}"`);
    return { name, target, kind: kind as AlternateKind, row: i };
  });
  const displayNames = new Map<number, string>();
  for (const a of alternates) if (a.kind === 'display' && /^\d+$/.test(a.target)) displayNames.set(Number(a.target), a.name);

  const places = new PlaceTable(join(dir, defaults.files.places), displayNames);

  // Countries and hand-written names are few: they get an ordinary index of records.
  const countries = new Map<string, PlaceRecord>();
  const primaryNames = new Map<string, PlaceRecord[]>();
  const alternateNames = new Map<string, PlaceRecord[]>();
  const add = (index: Map<string, PlaceRecord[]>, name: string, record: PlaceRecord): void => {
    const key = foldName(name);
    if (!key) return;
    const list = index.get(key);
    if (!list) index.set(key, [record]);
    else if (!list.includes(record)) list.push(record);
  };

  const countriesFile = join(dir, defaults.files.countries);
  rowsOf(countriesFile).forEach((r, i) => {
    if (r.length < 6) invalid(countriesFile, i, `expected 7 columns, found ${r.length}`);
    const [iso3, , name, lat, lon, geonameid, names] = r;
    if (!/^[A-Z]{3}$/.test(iso3)) invalid(countriesFile, i, `bad ISO alpha-3 code "${iso3}"`);
    const display = alternates.find((a) => a.kind === 'display' && a.target === iso3)?.name;
    const record: PlaceRecord = Object.freeze({
      geonameid: geonameid ? Number(geonameid) : null, name: display ?? name, country: iso3, lat: Number(lat), lon: Number(lon),
      population: 0, feature: 'COUNTRY', admin1: null,
    });
    if (!Number.isFinite(record.lat) || !Number.isFinite(record.lon)) invalid(countriesFile, i, 'bad coordinates');
    countries.set(iso3, record);
    add(primaryNames, name, record);
    for (const other of (names ?? '').split('|')) if (other) add(primaryNames, other, record);
  });

  const wantedIds = new Set(alternates.filter((a) => /^\d+$/.test(a.target)).map((a) => Number(a.target)));
  const rowOfId = places.rowsOfIds(wantedIds);
  for (const a of alternates) {
    const isId = /^\d+$/.test(a.target);
    const row = isId ? rowOfId.get(Number(a.target)) : undefined;
    const record = isId ? (row === undefined ? undefined : places.recordAt(row)) : countries.get(a.target);
    if (!record) invalid(alternatesFile, a.row, `target ${a.target} is not in the gazetteer`);
    add(a.kind === 'alternate' ? alternateNames : primaryNames, a.name, record);
  }

  const stateCodes = new Map<string, string>();
  const stateNames = new Map<string, string>();
  const stateStarts = new Set<string>();
  for (const [name, code] of rowsOf(join(dir, defaults.files.usStates))) {
    const key = foldName(name);
    stateCodes.set(key, code);
    stateNames.set(code, name);
    const first = key.split(' ')[0];
    for (let k = 1; k <= first.length; k++) stateStarts.add(first.slice(0, k));
  }

  const smallKeys = [...new Set([...primaryNames.keys(), ...alternateNames.keys()])].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const smallKeysHavePrefix = (prefix: string): boolean => {
    let lo = 0, hi = smallKeys.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (smallKeys[mid] < prefix) lo = mid + 1; else hi = mid; }
    return lo < smallKeys.length && smallKeys[lo].startsWith(prefix);
  };

  const found = new Map<string, NameMatch | null>();
  const prefixes = new Map<string, boolean>();
  return Object.freeze({
    size: Object.freeze({ places: places.count, countries: countries.size }),
    find(name: string): NameMatch | null {
      const key = foldName(name);
      if (!key) return null;
      // Names repeat across articles, and most lookups while scanning find nothing: answer each
      // key once. Callers get their own records array, as an uncached lookup would give them.
      let match = found.get(key);
      if (match === undefined) {
        match = findKey(key);
        if (found.size >= defaults.memoLimit) found.clear();
        found.set(key, match);
      }
      return match && { records: [...match.records], primary: match.primary };
    },
    hasPrefix: (prefix: string) => {
      let has = prefixes.get(prefix);
      if (has === undefined) {
        has = places.hasPrefix(prefix) || smallKeysHavePrefix(prefix);
        if (prefixes.size >= defaults.memoLimit) prefixes.clear();
        prefixes.set(prefix, has);
      }
      return has;
    },
    country: (iso3: string) => countries.get(iso3),
    usState: (name: string) => stateCodes.get(foldName(name)),
    mayStartUsState: (lowerWord: string) => stateStarts.has(lowerWord),
    usStateName: (code: string) => stateNames.get(code),
  });

  function findKey(key: string): NameMatch | null {
    const primary: PlaceRecord[] = [...(primaryNames.get(key) ?? [])];
    for (const row of places.rowsWithKey(key)) {
      const record = places.recordAt(row);
      if (!primary.includes(record)) primary.push(record);
    }
    if (primary.length) return { records: primary, primary: true };
    const alternate = alternateNames.get(key);
    return alternate ? { records: alternate, primary: false } : null;
  }
}
