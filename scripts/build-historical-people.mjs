#!/usr/bin/env node
// Builds data/actors/people-historical.json: heads of state and government, and other top office
// holders, whose time in office began before 2000, the year from which data/actors/people.json
// (Wikidata) is complete, and whom that file does not list. The facts come from the Phoenix country actors dictionary of the
// PETRARCH2 coder (openeventdata/petrarch2 at commit 676801c, petrarch2/data/dictionaries/
// Phoenix.Countries.actors.txt, generated from CountryInfo.140130.txt; MIT © 2014 Open Event Data
// Alliance). That file is not part of Parley; give its path:
//
//   node --import tsx scripts/build-historical-people.mjs PATH/TO/Phoenix.Countries.actors.txt
//
// What is taken: the entries the file marks as coming from CountryInfo, whose dated roles of the
// government (GOV) or military (MIL) sector all began before 2000-01-01, in a country Parley's
// country dictionary knows (people.json has the office holders of 2000 on: anyone it lists keeps
// their names, which are left out here). What is left out: their elite (ELI) periods before and after office (a
// date past a person's roles already makes them an elite of their last country), undated and
// open-ended roles, names that carry a title or a description ("PRESIDENT_…", "…_OF_…"), and every
// name that the rest of the actor dictionary already uses for anything, or that two historical
// people share, or of two words whose surname the dictionary gives someone else ("George Bush"):
// a name such as "Gandhi" or "Bush" must not take a living politician's mentions.
// The Phoenix file gives no office, only a sector, so roles have no office and no title, and no
// Wikidata ids are given (none can be checked here).
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadActorDictionary, normalizeKey } from '../src/actors/dictionary.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outFile = join(root, 'data', 'actors', 'people-historical.json');
const source = process.argv[2];
if (!source) {
  process.stderr.write('usage: node --import tsx scripts/build-historical-people.mjs PATH/TO/Phoenix.Countries.actors.txt\n');
  process.exit(2);
}

/** The first year Parley's Wikidata-based people dictionary is complete from. */
const COMPLETE_FROM = '2000-01-01';
/** CAMEO-era codes of the file that differ from ISO 3166-1 alpha-3. */
const ISO = { TMP: 'TLS', KNT: 'KNA', ZAR: 'COD', ROM: 'ROU' };
/** Words that make a name a description or a title, not a name. */
const NOT_NAME = /\b(?:PRESIDENT|PRES|MINISTER|PREMIER|PRIME|CHANCELLOR|KANZLER|BUNDESKANZLER|CHAIRMAN|SECRETARY|SPEAKER|GOVERNOR|MAYOR|SENATOR|AMBASSADOR|ENVOY|DICTATOR|STRONGMAN|GENERAL|GEN|COL|LT|MAJ|CAPT|ADM|MARSHAL|GOVENOR|GOVERNER|CHIEF|LEADER|PARTY|HEAD|COMMANDER|KING|QUEEN|PRINCE|PRINCESS|EMIR|AMIR|SULTAN|SHEIKH|SHEIK|AYATOLLAH|MR|MRS|DR|SIR|GOVERNMENT|ADMINISTRATION|REGIME|CABINET|JUNTA|COUNCIL|MINISTRY|FOREIGN|DEFENSE|DEFENCE|STATE|OF|THE|FOR|AND|FORMER|ACTING|DEPUTY|VICE)\b/;
/** Name particles written in lower case inside a name. */
const PARTICLES = new Set(['al', 'el', 'bin', 'ibn', 'bint', 'de', 'da', 'do', 'dos', 'das', 'du', 'van', 'von', 'der', 'den', 'la', 'le', 'y']);

// The rest of the dictionary, without this file's last output: what these names must not take.
rmSync(outFile, { force: true });
const dictionary = loadActorDictionary();
const countries = new Set(dictionary.countries.keys());

/** "YYMMDD" as YYYY-MM-DD: the file's years run from about 1900 to 2014. */
function day(yymmdd) {
  const yy = Number(yymmdd.slice(0, 2));
  return `${yy <= 15 ? 2000 + yy : 1900 + yy}-${yymmdd.slice(2, 4)}-${yymmdd.slice(4, 6)}`;
}

/** "HAFEZ_AL-ASSAD_" as "Hafez al-Assad", "BORIS_N._YELTSIN" as "Boris N. Yeltsin". */
function cased(raw) {
  const words = raw.replace(/_+$/, '').split('_').filter(Boolean);
  return words.map((w, i) => w.split('-').map((part, j) => {
    const lower = part.toLowerCase();
    if ((i > 0 || j > 0) && PARTICLES.has(lower) && (j > 0 || i < words.length - 1)) return lower;
    return lower.replace(/(^|['’.])(\p{L})/gu, (_, before, letter) => before + letter.toUpperCase());
  }).join('-')).join(' ');
}

// ---- read the TABARI entries: names (the first, then synonyms), then bracketed roles --------------
const entries = [];
let current = null;
for (const line of readFileSync(source, 'latin1').split('\n')) {
  if (line.startsWith('#') || !line.trim()) continue;
  if (/^\s/.test(line)) {
    if (current) for (const m of line.matchAll(/\[([A-Z]{3})([A-Z]*)\s+(\d{6})-(\d{6})\]/g)) current.roles.push({ code: m[1], sector: m[2], start: m[3], end: m[4] });
    if (current && /\[/.test(line)) current.sealed = true;
    continue;
  }
  const name = line.split('#')[0].trim().replace(/^\+/, '');
  // A line marked as from CountryInfo opens a person's entry; names after it, with or without "+",
  // are that person's until the first role line.
  if (current && !current.sealed && !line.includes('CountryInfo') && (line.startsWith('+') || !current.roles.length)) { current.names.push(name); continue; }
  current = { names: [name], roles: [], sealed: false, countryInfo: line.includes('CountryInfo') };
  entries.push(current);
}

// ---- choose the historical office holders ----------------------------------------------------
const people = [];
for (const e of entries) {
  if (!e.countryInfo) continue;
  const roles = e.roles.filter((r) => r.sector === 'GOV' || r.sector === 'MIL')
    .map((r) => ({ country: ISO[r.code] ?? r.code, sector: r.sector, title: null, office: null, start: day(r.start), end: day(r.end), source: 'phoenix' }));
  if (!roles.length || roles.some((r) => r.start >= COMPLETE_FROM || r.start > r.end) || roles.some((r) => !countries.has(r.country))) continue;
  // No commas or brackets (descriptions), no title words, no abbreviated titles ("GOV._RONALD_REAGAN").
  const names = [...new Set(e.names.filter((n) => n && !/[,()]/.test(n) && !/(^|_)[A-Z]{2,}\./.test(n) && !NOT_NAME.test(n.replace(/[_.]+/g, ' '))).map(cased))];
  if (!names.length) continue;
  roles.sort((a, b) => a.start.localeCompare(b.start));
  // No "Carlos Menem" is made of "Carlos Saul Menem": such pairs include names like "John Smith",
  // which news uses for anyone (a company's vice president John Smith became a Kiribati politician).
  people.push({ name: names[0], aliases: names, roles });
}

// ---- drop every name the dictionary already uses, or that two of these people share ----------
const usedElsewhere = (key) => dictionary.phrases.has(key);
// "George Bush" of two words, whose surname names someone else ("Bush", George W.): a reporter may mean either.
const surnameTaken = (alias) => { const words = alias.split(' '); return words.length <= 2 && words.length > 1 && usedElsewhere(normalizeKey(words[words.length - 1])); };
// Given names: the first word of any person's name of several words, here or in the dictionary.
// A one-word name that is someone's given name ("Hussein", "Hassan") is too loose to be one man's.
const givenNames = new Set();
for (const person of dictionary.people) for (const n of [person.name]) if (n.includes(' ')) givenNames.add(normalizeKey(n.split(' ')[0]));
for (const p of people) for (const a of p.aliases) if (a.includes(' ')) givenNames.add(normalizeKey(a.split(' ')[0]));
const holders = new Map();
for (const p of people) for (const a of p.aliases) {
  const key = normalizeKey(a);
  holders.set(key, (holders.get(key) ?? 0) + 1);
}
const kept = [];
for (const p of people) {
  // A name the dictionary gives a person already is most likely that person ("Vladimir Putin", whose
  // source entry also says "Vladimir V. Putin"): people.json has them, with their later offices.
  if (p.aliases.some((a) => (dictionary.phrases.get(normalizeKey(a)) ?? []).some((h) => h.hit.kind === 'person'))) continue;
  const aliases = p.aliases.filter((a) => {
    const key = normalizeKey(a);
    // A one-word name needs five letters ("Amin" is too common to be one man's) and must be no one's given name.
    return holders.get(key) === 1 && !usedElsewhere(key) && !surnameTaken(a) && (/\s/.test(a) || (a.length >= 5 && !givenNames.has(key)));
  });
  // Named by the first name of their own when the source's first is left out ("George H. W. Bush").
  if (aliases.length) kept.push({ name: aliases[0], wikidata: null, aliases, roles: p.roles });
}
kept.sort((a, b) => a.roles[0].country.localeCompare(b.roles[0].country) || a.roles[0].start.localeCompare(b.roles[0].start) || a.name.localeCompare(b.name));

const file = {
  about: {
    description: 'Office holders of the government (GOV) and military (MIL) sectors whose dated roles all began before 2000, when people.json (Wikidata) becomes complete, and whom it does not list: heads of state and government above all. A role has a country, a sector and dates, but no office or title (the source gives none), so a title in the text ("President X") is not checked against it. Names that the rest of the dictionary uses, that two of these people share, or of two words whose surname the rest of the dictionary gives someone else are left out; one-word names need five letters and must not be a given name.',
    provenance: 'Generated by scripts/build-historical-people.mjs from the Phoenix country actors dictionary of the PETRARCH2 event coder (openeventdata/petrarch2, commit 676801c, petrarch2/data/dictionaries/Phoenix.Countries.actors.txt, itself generated from CountryInfo.140130.txt of the Computational Event Data System project). Names recased from the source\'s capitals; two-digit years read as 19xx, or 20xx up to 2015. The source contains errors and stale entries; none of these facts was checked one by one, and no Wikidata ids are given.',
    licence: 'Facts from the Phoenix dictionaries, MIT licence, © 2014 Open Event Data Alliance. This file is part of Parley, MIT licence.',
    version: new Date().toISOString().slice(0, 10),
  },
  entries: kept,
};
writeFileSync(outFile, JSON.stringify(file, null, 1) + '\n');
process.stdout.write(`${kept.length} people written to ${outFile} (${people.length - kept.length} left out for want of a name of their own)\n`);
