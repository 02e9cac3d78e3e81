/**
 * Schema and content checks for the actor dictionary data files (data/actors/*.json).
 * The files are read directly, not through src/actors, so a broken file is reported here with
 * the entry that breaks it. Each check is a row of a table; a row names the file, the rule and
 * the entries that break it (none expected).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
type Obj = { [key: string]: Json };
interface DataFile { about: Obj; entries: Obj[] }

const dataDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'data', 'actors');
const fileNames = ['countries', 'seats', 'people', 'people-historical', 'organisations', 'armed-groups', 'sectors', 'titles'] as const;
type FileName = (typeof fileNames)[number];

const files = Object.fromEntries(fileNames.map((name) => {
  const parsed = JSON.parse(readFileSync(join(dataDir, `${name}.json`), 'utf8')) as DataFile;
  return [name, parsed];
})) as Record<FileName, DataFile>;

const sectorCodes = new Set(['GOV', 'MIL', 'REB', 'OPP', 'COP', 'JUD', 'LEG', 'CVL', 'BUS', 'MED', 'REF', 'EDU', 'ELI', 'HLH',
  'LAB', 'SPY', 'UAF', 'INS', 'CRM', 'NGO', 'IGO', 'HRI', 'ENV', 'AGR', 'DEV', 'MOD', 'RAD', 'REL', 'SEP']);
const offices = new Set(['head-of-state', 'head-of-government', 'foreign-minister', 'defence-minister', 'other']);
const roleSources = new Set(['wikidata', 'wikidata+authors', 'authors']);
const countryCodes = new Set([...files.countries.entries.map((e) => String(e.iso3)), 'IGO', 'NGO', 'IMG']);

// ---- small helpers -------------------------------------------------------------------------

const isText = (v: Json | undefined): v is string => typeof v === 'string' && v.trim() === v && v.length > 0;
const textList = (v: Json | undefined): v is string[] => Array.isArray(v) && v.every((x) => isText(x));
const qidOk = (v: Json | undefined) => v === null || (typeof v === 'string' && /^Q[1-9]\d*$/.test(v));

/** ISO date with day, month or year precision, and a real calendar date. */
function dateOk(v: Json | undefined): boolean {
  if (typeof v !== 'string') return false;
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(v);
  if (!m) return false;
  const [, y, mo, d] = m;
  if (mo && (Number(mo) < 1 || Number(mo) > 12)) return false;
  if (d) {
    const day = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
    if (day.getUTCDate() !== Number(d)) return false;
  }
  return true;
}
/** The first and last day a partial date can mean ("2024-11" → 2024-11-01 … 2024-11-31). */
const earliest = (d: string) => (d + '-01-01').slice(0, 10);
const latest = (d: string) => (d.length === 4 ? `${d}-12-31` : d.length === 7 ? `${d}-31` : d);

/** Name the entries of a file that break a rule, for a readable assertion message. */
function offenders(entries: Obj[], broken: (e: Obj) => boolean): string[] {
  return entries.filter(broken).map((e) => String(e.name ?? e.iso3 ?? e.title ?? e.sector ?? JSON.stringify(e)));
}

/** Every name an entry can be found by, and the actor it stands for. */
function namesOf(file: FileName, e: Obj): { names: string[]; actor: string } {
  switch (file) {
    case 'countries': {
      const capital = e.capital as Obj;
      return { names: [String(e.name), ...(e.aliases as string[]), ...(e.demonyms as string[]),
        String(capital.name), ...(capital.aliases as string[])], actor: String(e.iso3) };
    }
    case 'people': return { names: [String(e.name), ...(e.aliases as string[])], actor: String(e.wikidata ?? e.name) };
    case 'sectors': return { names: e.nouns as string[], actor: String(e.sector) };
    case 'titles': return { names: [String(e.title), ...(e.aliases as string[])], actor: String(e.title) };
    default: return { names: [String(e.name), ...(e.aliases as string[])], actor: String(e.name) };
  }
}

/** Aliases that point to more than one actor in a file and are not listed as deliberate. */
function ambiguousAliases(file: FileName): string[] {
  const shared = (files[file].about.sharedAliases ?? {}) as Obj;
  const seen = new Map<string, Set<string>>();
  for (const e of files[file].entries) {
    const { names, actor } = namesOf(file, e);
    for (const n of names) {
      const key = n.toLowerCase();
      if (!seen.has(key)) seen.set(key, new Set());
      seen.get(key)!.add(actor);
    }
  }
  const sharedKeys = new Set(Object.keys(shared).map((k) => k.toLowerCase()));
  return [...seen].filter(([key, actors]) => actors.size > 1 && !sharedKeys.has(key)).map(([key, actors]) => `${key} → ${[...actors].join(', ')}`);
}

// ---- the rules ------------------------------------------------------------------------------

type Rule = [file: FileName, rule: string, broken: (e: Obj) => boolean];

const rules: Rule[] = [
  ['countries', 'iso3 is three capital letters', (e) => !/^[A-Z]{3}$/.test(String(e.iso3))],
  ['countries', 'iso2 is two capital letters', (e) => !/^[A-Z]{2}$/.test(String(e.iso2))],
  ['countries', 'has a name, aliases and demonyms', (e) => !isText(e.name) || !textList(e.aliases) || !(e.aliases as string[]).length || !textList(e.demonyms) || !(e.demonyms as string[]).length],
  ['countries', 'has a capital with a name and aliases', (e) => typeof e.capital !== 'object' || e.capital === null || Array.isArray(e.capital) || !isText((e.capital as Obj).name) || !textList((e.capital as Obj).aliases)],
  ['countries', 'status is member, observer or other', (e) => !['member', 'observer', 'other'].includes(String(e.status))],
  ['countries', 'Wikidata id is a Q-number', (e) => typeof e.wikidata !== 'string' || !qidOk(e.wikidata)],

  ['seats', 'has a name and aliases', (e) => !isText(e.name) || !textList(e.aliases)],
  ['seats', 'country is a known code', (e) => !countryCodes.has(String(e.country))],
  ['seats', 'sector is a CAMEO/PLOVER code', (e) => !sectorCodes.has(String(e.sector))],

  ['people', 'has a name and aliases', (e) => !isText(e.name) || !textList(e.aliases)],
  ['people', 'Wikidata id is a Q-number or null', (e) => !qidOk(e.wikidata)],
  ['people', 'has at least one role', (e) => !Array.isArray(e.roles) || e.roles.length === 0],
  ['people', 'role country is a known code', (e) => (e.roles as Obj[]).some((r) => !countryCodes.has(String(r.country)))],
  ['people', 'role sector is a CAMEO/PLOVER code', (e) => (e.roles as Obj[]).some((r) => !sectorCodes.has(String(r.sector)))],
  ['people', 'role office is one of the five', (e) => (e.roles as Obj[]).some((r) => !offices.has(String(r.office)))],
  ['people', 'role has a title', (e) => (e.roles as Obj[]).some((r) => !isText(r.title))],
  ['people', 'role start is an ISO date', (e) => (e.roles as Obj[]).some((r) => !dateOk(r.start))],
  ['people', 'role end is an ISO date or null', (e) => (e.roles as Obj[]).some((r) => r.end !== null && !dateOk(r.end))],
  ['people', 'role start is not after its end', (e) => (e.roles as Obj[]).some((r) => r.end !== null && earliest(String(r.start)) > latest(String(r.end)))],
  ['people', 'role source is wikidata, wikidata+authors or authors', (e) => (e.roles as Obj[]).some((r) => !roleSources.has(String(r.source)))],
  ['people', 'IGO roles name their organisation', (e) => (e.roles as Obj[]).some((r) => r.country === 'IGO' && !isText(r.organisation))],
  ['people', 'confirmedUntil, where given, is a date on an open role', (e) => (e.roles as Obj[]).some((r) => r.confirmedUntil !== undefined && (!dateOk(r.confirmedUntil) || r.end !== null || earliest(String(r.start)) > String(r.confirmedUntil)))],

  // Generated from the Phoenix dictionary (scripts/build-historical-people.mjs): a sector and dates, no office, title or Wikidata id.
  ['people-historical', 'has a name among its aliases', (e) => !isText(e.name) || !textList(e.aliases) || !(e.aliases as string[]).includes(String(e.name))],
  ['people-historical', 'has no Wikidata id (none was checked)', (e) => e.wikidata !== null],
  ['people-historical', 'has at least one role', (e) => !Array.isArray(e.roles) || e.roles.length === 0],
  ['people-historical', 'role country is a state code', (e) => (e.roles as Obj[]).some((r) => !countryCodes.has(String(r.country)) || ['IGO', 'NGO', 'IMG'].includes(String(r.country)))],
  ['people-historical', 'role sector is GOV or MIL', (e) => (e.roles as Obj[]).some((r) => r.sector !== 'GOV' && r.sector !== 'MIL')],
  ['people-historical', 'role has no office or title', (e) => (e.roles as Obj[]).some((r) => r.office !== null || r.title !== null)],
  ['people-historical', 'role source is phoenix', (e) => (e.roles as Obj[]).some((r) => r.source !== 'phoenix')],
  ['people-historical', 'role dates are ISO days, the start before 2000 and not after the end', (e) => (e.roles as Obj[]).some((r) =>
    !/^\d{4}-\d{2}-\d{2}$/.test(String(r.start)) || !/^\d{4}-\d{2}-\d{2}$/.test(String(r.end)) || !dateOk(r.start) || !dateOk(r.end) || String(r.start) >= '2000-01-01' || String(r.start) > String(r.end))],

  ['organisations', 'has a name and aliases', (e) => !isText(e.name) || !textList(e.aliases)],
  ['organisations', 'country is IGO or NGO and matches kind', (e) => !['IGO', 'NGO'].includes(String(e.country)) || e.kind !== e.country],
  ['organisations', 'sector is a CAMEO/PLOVER code', (e) => !sectorCodes.has(String(e.sector))],
  ['organisations', 'Wikidata id is a Q-number or null', (e) => !qidOk(e.wikidata)],

  ['armed-groups', 'has a name and aliases', (e) => !isText(e.name) || !textList(e.aliases)],
  ['armed-groups', 'country is a state code or IMG', (e) => !countryCodes.has(String(e.country)) || e.country === 'IGO' || e.country === 'NGO'],
  ['armed-groups', 'sector is a CAMEO/PLOVER code', (e) => !sectorCodes.has(String(e.sector))],
  ['armed-groups', 'Wikidata id is a Q-number or null', (e) => !qidOk(e.wikidata)],

  ['sectors', 'sector is a CAMEO/PLOVER code', (e) => !sectorCodes.has(String(e.sector))],
  ['sectors', 'has nouns', (e) => !textList(e.nouns) || (e.nouns as string[]).length === 0],

  ['titles', 'has a title and aliases', (e) => !isText(e.title) || !textList(e.aliases)],
  ['titles', 'office is one of the five', (e) => !offices.has(String(e.office))],
  ['titles', 'sector is a CAMEO/PLOVER code', (e) => !sectorCodes.has(String(e.sector))],
];

for (const name of fileNames) {
  test(`actors data › ${name}.json has an about header with provenance, licence and version`, () => {
    const { about, entries } = files[name];
    assert.ok(isText(about.description), 'description');
    assert.ok(isText(about.provenance), 'provenance');
    assert.ok(isText(about.licence), 'licence');
    assert.match(String(about.version), /^\d{4}-\d{2}-\d{2}$/);
    assert.ok(Array.isArray(entries) && entries.length > 0, 'entries');
  });
  test(`actors data › ${name}.json has no alias that points to two actors unless listed as shared`, () => {
    assert.deepEqual(ambiguousAliases(name), []);
  });
}

for (const [file, rule, broken] of rules) {
  test(`actors data › ${file}: ${rule}`, () => {
    assert.deepEqual(offenders(files[file].entries, broken), []);
  });
}

test('actors data › no name of an office holder before 2000 is a name of people.json (each person is in one file)', () => {
  const modern = new Set(files.people.entries.flatMap((e) => namesOf('people', e).names.map((n) => n.toLowerCase())));
  const both = files['people-historical'].entries.flatMap((e) => (e.aliases as string[]).filter((a) => modern.has(a.toLowerCase())));
  assert.deepEqual(both, []);
});

// ---- uniqueness and counts ------------------------------------------------------------------

const duplicates = (values: string[]) => values.filter((v, i) => values.indexOf(v) !== i);

const uniqueness: [what: string, values: () => string[]][] = [
  ['country iso3 codes', () => files.countries.entries.map((e) => String(e.iso3))],
  ['country iso2 codes', () => files.countries.entries.map((e) => String(e.iso2))],
  ['country Wikidata ids', () => files.countries.entries.map((e) => String(e.wikidata))],
  ['person Wikidata ids', () => files.people.entries.filter((e) => e.wikidata).map((e) => String(e.wikidata))],
  ['organisation names', () => files.organisations.entries.map((e) => String(e.name))],
  ['armed group names', () => files['armed-groups'].entries.map((e) => String(e.name))],
  ['seat names', () => files.seats.entries.map((e) => String(e.name))],
];
for (const [what, values] of uniqueness) {
  test(`actors data › ${what} are unique`, () => assert.deepEqual(duplicates(values()), []));
}

const counts: [what: string, count: () => number, expected: number, exact: boolean][] = [
  ['UN member states', () => files.countries.entries.filter((e) => e.status === 'member').length, 193, true],
  ['UN observer states', () => files.countries.entries.filter((e) => e.status === 'observer').length, 2, true],
  ['intergovernmental organisations (at least)', () => files.organisations.entries.filter((e) => e.country === 'IGO').length, 60, false],
  ['armed non-state groups (at least)', () => files['armed-groups'].entries.length, 60, false],
];
for (const [what, count, expected, exact] of counts) {
  test(`actors data › ${what}: ${expected}`, () => {
    if (exact) assert.equal(count(), expected);
    else assert.ok(count() >= expected, `${count()} < ${expected}`);
  });
}

// ---- content: names a news text uses resolve to the right country ----------------------------

const countryOf = (name: string): string[] => files.countries.entries
  .filter((e) => namesOf('countries', e).names.includes(name)).map((e) => String(e.iso3));

const countryNames: [name: string, iso3: string][] = [
  ['U.S.', 'USA'], ['US', 'USA'], ['United States of America', 'USA'], ['America', 'USA'], ['American', 'USA'],
  ['Washington', 'USA'], ['UK', 'GBR'], ['U.K.', 'GBR'], ['Britain', 'GBR'], ['British', 'GBR'], ['Britons', 'GBR'],
  ['London', 'GBR'], ['Ukraine', 'UKR'], ['Ukrainian', 'UKR'], ['Kyiv', 'UKR'], ['Kiev', 'UKR'], ['Russian', 'RUS'],
  ['Moscow', 'RUS'], ['Beijing', 'CHN'], ['Chinese', 'CHN'], ['Tehran', 'IRN'], ['Iranian', 'IRN'], ['Türkiye', 'TUR'],
  ['Turkey', 'TUR'], ['Ankara', 'TUR'], ['Israeli', 'ISR'], ['Jerusalem', 'ISR'], ['Berlin', 'DEU'], ['German', 'DEU'],
  ['Paris', 'FRA'], ['French', 'FRA'], ['Holy See', 'VAT'], ['Vatican', 'VAT'], ['Palestinian', 'PSE'],
  ['Kosovo', 'XKX'], ['Taiwan', 'TWN'], ['Ivory Coast', 'CIV'], ['Myanmar', 'MMR'], ['Burma', 'MMR'], ['Emirati', 'ARE'],
  ['UAE', 'ARE'], ['Saudi', 'SAU'], ['Riyadh', 'SAU'], ['Doha', 'QAT'], ['Warsaw', 'POL'], ['Polish', 'POL'],
  ['Vilnius', 'LTU'], ['Riga', 'LVA'], ['Tallinn', 'EST'], ['Helsinki', 'FIN'], ['Swedish', 'SWE'], ['Norwegian', 'NOR'],
  ['Danish', 'DNK'], ['Icelandic', 'ISL'], ['North Korea', 'PRK'], ['South Korean', 'KOR'], ['DRC', 'COD'],
];
for (const [name, iso3] of countryNames) {
  test(`actors data › countries: "${name}" names ${iso3} and nothing else`, () => assert.deepEqual(countryOf(name), [iso3]));
}

// ---- content: seats, organisations, armed groups, sector nouns --------------------------------

const unitOf = (file: 'seats' | 'organisations' | 'armed-groups', name: string) => files[file].entries
  .filter((e) => namesOf(file, e).names.includes(name)).map((e) => `${String(e.country)}/${String(e.sector)}`);

const units: [file: 'seats' | 'organisations' | 'armed-groups', name: string, coded: string][] = [
  ['seats', 'White House', 'USA/GOV'], ['seats', 'Kremlin', 'RUS/GOV'], ['seats', 'Downing Street', 'GBR/GOV'],
  ['seats', 'Élysée', 'FRA/GOV'], ['seats', 'Pentagon', 'USA/MIL'], ['seats', 'State Department', 'USA/GOV'],
  ['seats', 'Congress', 'USA/LEG'], ['seats', 'Capitol Hill', 'USA/LEG'], ['seats', 'Bankova', 'UKR/GOV'],
  ['seats', 'Knesset', 'ISR/LEG'], ['seats', 'Zhongnanhai', 'CHN/GOV'], ['seats', 'Whitehall', 'GBR/GOV'],
  ['seats', 'Duma', 'RUS/LEG'], ['seats', 'Bundestag', 'DEU/LEG'], ['seats', 'Foggy Bottom', 'USA/GOV'],
  ['organisations', 'NATO', 'IGO/IGO'], ['organisations', 'UN', 'IGO/IGO'], ['organisations', 'EU', 'IGO/IGO'],
  ['organisations', 'IAEA', 'IGO/IGO'], ['organisations', 'International Criminal Court', 'IGO/JUD'],
  ['organisations', 'UNHCR', 'IGO/REF'], ['organisations', 'ICRC', 'NGO/NGO'], ['organisations', 'Amnesty International', 'NGO/HRI'],
  ['armed-groups', 'Hamas', 'PSE/REB'], ['armed-groups', 'Hezbollah', 'LBN/REB'], ['armed-groups', 'Houthis', 'YEM/REB'],
  ['armed-groups', 'ISIS', 'IMG/INS'], ['armed-groups', 'al-Qaeda', 'IMG/INS'], ['armed-groups', 'al-Shabaab', 'SOM/INS'],
  ['armed-groups', 'Wagner Group', 'RUS/MIL'], ['armed-groups', 'M23', 'COD/REB'], ['armed-groups', 'PKK', 'TUR/REB'],
];
for (const [file, name, coded] of units) {
  test(`actors data › ${file}: "${name}" is ${coded}`, () => assert.deepEqual(unitOf(file, name), [coded]));
}

const sectorOf = (noun: string) => files.sectors.entries.filter((e) => (e.nouns as string[]).includes(noun)).map((e) => String(e.sector));
const nouns: [noun: string, sector: string][] = [
  ['government', 'GOV'], ['officials', 'GOV'], ['authorities', 'GOV'], ['administration', 'GOV'], ['ministry', 'GOV'],
  ['diplomats', 'GOV'], ['leaders', 'GOV'], ['cabinet', 'GOV'], ['spokesperson', 'GOV'], ['military', 'MIL'],
  ['forces', 'MIL'], ['troops', 'MIL'], ['army', 'MIL'], ['soldiers', 'MIL'], ['armed forces', 'MIL'], ['police', 'COP'],
  ['rebels', 'REB'], ['insurgents', 'INS'], ['militants', 'INS'], ['opposition', 'OPP'], ['protesters', 'OPP'],
  ['demonstrators', 'OPP'], ['parliament', 'LEG'], ['lawmakers', 'LEG'], ['judiciary', 'JUD'], ['courts', 'JUD'],
  ['civilians', 'CVL'], ['residents', 'CVL'], ['people', 'CVL'], ['refugees', 'REF'], ['media', 'MED'],
  ['journalists', 'MED'], ['business', 'BUS'], ['companies', 'BUS'],
];
for (const [noun, sector] of nouns) {
  test(`actors data › sectors: "${noun}" is ${sector} and nothing else`, () => assert.deepEqual(sectorOf(noun), [sector]));
}

const titleOffice = (alias: string) => files.titles.entries.filter((e) => namesOf('titles', e).names.includes(alias)).map((e) => String(e.office));
const titles: [alias: string, office: string][] = [
  ['President', 'head-of-state'], ['Prime Minister', 'head-of-government'], ['Chancellor', 'head-of-government'],
  ['Foreign Minister', 'foreign-minister'], ['Secretary of State', 'foreign-minister'], ['Foreign Secretary', 'foreign-minister'],
  ['Defence Minister', 'defence-minister'], ['Defense Secretary', 'defence-minister'], ['King', 'head-of-state'],
  ['Emir', 'head-of-state'], ['Supreme Leader', 'head-of-state'], ['Crown Prince', 'other'], ['Secretary-General', 'other'],
  ['General', 'other'], ['Commander', 'other'], ['spokesman', 'other'], ['Ambassador', 'other'], ['Envoy', 'other'],
];
for (const [alias, office] of titles) {
  test(`actors data › titles: "${alias}" stands for ${office}`, () => assert.deepEqual(titleOffice(alias), [office]));
}

// ---- content: office holders on a date --------------------------------------------------------

/** Who holds an office in a country on a day (a role with a partial date counts if it may cover the day). */
function holders(country: string, office: string, day: string): string[] {
  return files.people.entries.filter((p) => (p.roles as Obj[]).some((r) => r.country === country && r.office === office
    && earliest(String(r.start)) <= day && (r.end === null || latest(String(r.end)) >= day))).map((p) => String(p.name));
}
/** The roles a name can stand for on a day: "country office". */
function rolesOn(alias: string, day: string): string[] {
  return files.people.entries.filter((p) => namesOf('people', p).names.includes(alias)).flatMap((p) => (p.roles as Obj[])
    .filter((r) => earliest(String(r.start)) <= day && (r.end === null || latest(String(r.end)) >= day))
    .map((r) => `${String(r.country)} ${String(r.office)}`));
}

const onDate: [alias: string, day: string, roles: string[]][] = [
  ['Trump', '2025-10-14', ['USA head-of-state']],
  ['Trump', '2022-06-01', []],
  ['Trump', '2018-06-01', ['USA head-of-state']],
  ['Zelensky', '2025-10-14', ['UKR head-of-state']],
  ['Zelenskyy', '2020-01-01', ['UKR head-of-state']],
  ['Putin', '2025-10-14', ['RUS head-of-state']],
  ['Shoigu', '2023-06-01', ['RUS defence-minister']],
  ['Shoigu', '2025-01-01', []],
  ['Starmer', '2025-01-01', ['GBR head-of-government']],
  ['Scholz', '2023-01-01', ['DEU head-of-government']],
  ['Merz', '2025-10-14', ['DEU head-of-government']],
  ['Macron', '2025-10-14', ['FRA head-of-state']],
  ['Xi Jinping', '2025-10-14', ['CHN head-of-state']],
  ['Netanyahu', '2022-01-01', []],
  ['Netanyahu', '2024-06-01', ['ISR head-of-government']],
  ['Erdoğan', '2020-01-01', ['TUR head-of-government', 'TUR head-of-state']],
  ['Erdogan', '2015-01-01', ['TUR head-of-state']],
  ['Lavrov', '2025-10-14', ['RUS foreign-minister']],
  ['Rubio', '2025-10-14', ['USA foreign-minister', 'USA other']],
  ['Vance', '2025-10-14', ['USA other']],
  ['Assad', '2025-01-01', []],
  ['Kim Jong Un', '2025-10-14', ['PRK head-of-state']],
  ['Blinken', '2024-06-01', ['USA foreign-minister']],
  ['Sybiha', '2025-10-14', ['UKR foreign-minister']],
  ['Kuleba', '2025-01-01', []],
  ['Mohammed bin Salman', '2023-01-01', ['SAU head-of-government', 'SAU other']],
  ['Guterres', '2025-10-14', ['IGO other']],
  ['Rutte', '2025-10-14', ['IGO other']],
];
for (const [alias, day, expected] of onDate) {
  test(`actors data › people: "${alias}" on ${day} holds ${expected.join(' and ') || 'no covered office'}`, () => {
    assert.deepEqual(rolesOn(alias, day).sort(), [...expected].sort());
  });
}

const wikidataIds: [name: string, qid: string][] = [
  ['Volodymyr Zelensky', 'Q3874799'], ['Donald Trump', 'Q22686'], ['Keir Starmer', 'Q6383803'], ['Vladimir Putin', 'Q7747'],
  ['Sergei Lavrov', 'Q58217'], ['Olaf Scholz', 'Q61053'], ['Narendra Modi', 'Q1058'], ['Xi Jinping', 'Q15031'],
  ['Emmanuel Macron', 'Q3052772'], ['Mohammed bin Salman', 'Q6892571'], ['Recep Tayyip Erdoğan', 'Q39259'],
];
for (const [name, qid] of wikidataIds) {
  test(`actors data › people: ${name} is ${qid}`, () => {
    assert.deepEqual(files.people.entries.filter((p) => p.name === name).map((p) => p.wikidata), [qid]);
  });
}

// Coverage: each covered state has a head (of state or government), a foreign minister and a
// defence minister on days spread over 2014 to 2025. Known holes are listed with their reason.
const covered = ['ARG', 'AUS', 'BRA', 'CAN', 'CHN', 'FRA', 'DEU', 'IND', 'IDN', 'ITA', 'JPN', 'KOR', 'MEX', 'RUS', 'SAU', 'ZAF',
  'TUR', 'GBR', 'USA', 'UKR', 'ISR', 'IRN', 'ARE', 'QAT', 'KWT', 'BHR', 'OMN', 'POL', 'EST', 'LVA', 'LTU', 'DNK', 'NOR', 'SWE',
  'FIN', 'ISL'];
const days = ['2014-06-01', '2017-06-01', '2020-06-01', '2023-06-01', '2025-09-01'];
const knownGaps: [country: string, office: string, day: string, reason: string][] = [
  ['ISL', 'defence-minister', '*', 'Iceland has no armed forces and no defence minister'],
  ['BHR', 'defence-minister', '2014-06-01', 'Bahrain\'s defence portfolio before 2018-12 could not be confirmed'],
  ['BHR', 'defence-minister', '2017-06-01', 'Bahrain\'s defence portfolio before 2018-12 could not be confirmed'],
];
const expectedGaps = (country: string, office: string) => days.filter((d) => knownGaps.some(([c, o, day]) => c === country && o === office && (day === '*' || day === d)));
for (const country of covered) {
  test(`actors data › people: ${country} has a head of state or government on ${days.join(', ')}`, () => {
    assert.deepEqual(days.filter((d) => holders(country, 'head-of-state', d).length + holders(country, 'head-of-government', d).length === 0), []);
  });
  test(`actors data › people: ${country} has a foreign minister on ${days.join(', ')}`, () => {
    assert.deepEqual(days.filter((d) => holders(country, 'foreign-minister', d).length === 0), expectedGaps(country, 'foreign-minister'));
  });
  test(`actors data › people: ${country} has a defence minister on ${days.join(', ')} (except known gaps)`, () => {
    assert.deepEqual(days.filter((d) => holders(country, 'defence-minister', d).length === 0), expectedGaps(country, 'defence-minister'));
  });
}
