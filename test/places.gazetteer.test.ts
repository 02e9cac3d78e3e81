import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { mkdtempSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { foldName, loadGazetteer } from '../src/places/index.js';

const dir = join(import.meta.dirname, '..', 'data', 'places');

/** Data rows of a gazetteer TSV: no # comments, no header. */
function dataRows(file: string): string[][] {
  const lines = readFileSync(join(dir, file), 'utf8').split('\n').filter((l) => l && !l.startsWith('#'));
  return lines.slice(1).map((l) => l.split('\t'));
}

const headerOf = (file: string): string => readFileSync(join(dir, file), 'utf8').split('\n').filter((l) => l.startsWith('#')).join('\n');

const countryRows = dataRows('countries.tsv');
const iso3 = new Set(countryRows.map((r) => r[0]));
const placeRows = dataRows('gazetteer.tsv');

test('places gazetteer › every country row has an ISO alpha-3 code, a name, a GeoNames id and valid coordinates', () => {
  assert.ok(countryRows.length >= 240, `only ${countryRows.length} countries`);
  for (const [code, iso2, name, lat, lon, geonameid] of countryRows) {
    assert.match(code, /^[A-Z]{3}$/, `bad code ${code}`);
    assert.match(geonameid, /^\d+$/, `no GeoNames id for ${code}`);
    assert.match(iso2, /^[A-Z]{2}$/, `bad alpha-2 code for ${code}`);
    assert.ok(name, `no name for ${code}`);
    assert.ok(Math.abs(Number(lat)) <= 90 && Math.abs(Number(lon)) <= 180 && lat !== '' && lon !== '', `bad coordinates for ${code}`);
  }
  assert.equal(iso3.size, countryRows.length, 'a country code appears twice');
});

test('places gazetteer › every place row has a GeoNames id, valid coordinates and a known ISO alpha-3 country', () => {
  assert.ok(placeRows.length > 20000, `only ${placeRows.length} places`);
  const ids = new Set<number>();
  for (const [key, id, name, country, lat, lon, population, feature] of placeRows) {
    const where = `${name} (${id})`;
    assert.ok(/^\d+$/.test(id) && !ids.has(Number(id)), `bad or repeated GeoNames id: ${where}`);
    ids.add(Number(id));
    assert.equal(key, foldName(name), `key is not the folded name: ${where}`);
    assert.ok(iso3.has(country), `unknown country ${country}: ${where}`);
    const la = Number(lat), lo = Number(lon);
    assert.ok(lat !== '' && lon !== '' && Math.abs(la) <= 90 && Math.abs(lo) <= 180, `bad coordinates: ${where}`);
    assert.ok(Number.isInteger(Number(population)) && Number(population) >= 0, `bad population: ${where}`);
    assert.match(feature, /^PPL[A-Z0-9]*$/, `not a populated place: ${where}`);
  }
});

test('places gazetteer › rows are sorted by key in code-unit order, as the binary search needs', () => {
  for (let i = 1; i < placeRows.length; i++) {
    assert.ok(!(placeRows[i][0] < placeRows[i - 1][0]), `row ${i + 1} (${placeRows[i][0]}) is out of order`);
  }
});

test('places gazetteer › every capital is there', () => {
  const capitals = placeRows.filter((r) => r[7] === 'PPLC');
  assert.ok(capitals.length >= 200, `only ${capitals.length} capitals`);
});

test('places gazetteer › the data files credit their sources and licences', () => {
  assert.match(headerOf('gazetteer.tsv'), /GeoNames/);
  assert.match(headerOf('gazetteer.tsv'), /Creative Commons Attribution 4\.0/);
  assert.match(headerOf('countries.tsv'), /world-countries/);
  assert.match(headerOf('countries.tsv'), /ODbL|Open Database License/);
  assert.match(readFileSync(join(dir, 'README.md'), 'utf8'), /GeoNames/);
});

test('places gazetteer › every hand-written name has a known kind and a target in the gazetteer', () => {
  const ids = new Set(placeRows.map((r) => r[1]));
  const seen = new Set<string>();
  for (const [name, target, kind] of dataRows('alternate-names.tsv')) {
    assert.ok(!seen.has(foldName(name) + '\t' + target), `${name} → ${target} is written twice`);
    seen.add(foldName(name) + '\t' + target);
    assert.ok(['display', 'primary', 'alternate'].includes(kind), `${name}: unknown kind ${kind}`);
    assert.ok(ids.has(target) || iso3.has(target), `${name}: target ${target} is not in the gazetteer`);
  }
});

// [name, expected first-ranked country or null, primary?]
const lookups: [string, string | null, boolean | null][] = [
  ['Kyiv', 'UKR', true],
  ['Kiev', 'UKR', false],
  ['KYIV', 'UKR', true],
  ['Odesa', 'UKR', true],
  ['United States', 'USA', true],
  ['U.S.', 'USA', true],
  ['Kramators’k', 'UKR', true],
  ['Chisinau', 'MDA', true],
  ['Chişinău', 'MDA', true],
  ['Qwertyuiop', null, null],
];
const gazetteer = loadGazetteer();
for (const [name, country, primary] of lookups) {
  test(`places gazetteer › find("${name}")`, () => {
    const match = gazetteer.find(name);
    if (country === null) return assert.equal(match, null);
    assert.ok(match, `"${name}" not found`);
    assert.ok(match.records.some((r) => r.country === country), `${name}: no place in ${country}`);
    assert.equal(match.primary, primary);
  });
}

test('places gazetteer › a primary name beats an alternate one', () => {
  // "Washington" is a hand-written primary name of Washington, D.C. and the GeoNames name of
  // smaller towns: all are primary, so all compete; "Kiev" is only an alternate, so only Kyiv.
  const washington = gazetteer.find('Washington');
  assert.ok(washington && washington.primary && washington.records.length > 1);
  const kiev = gazetteer.find('Kiev');
  assert.deepEqual(kiev?.records.map((r) => r.geonameid), [703448]);
});

test('places gazetteer › a bad data row is refused with a coded error', () => {
  const bad = mkdtempSync(join(tmpdir(), 'parley-gaz-'));
  for (const f of ['gazetteer.tsv', 'countries.tsv', 'us-states.tsv']) copyFileSync(join(dir, f), join(bad, f));
  writeFileSync(join(bad, 'alternate-names.tsv'), 'name\ttarget\tkind\tof\nAtlantis\t999999999\tprimary\tnowhere\n');
  assert.throws(() => loadGazetteer({ dir: bad }), /\[P040\].*999999999/);
});

test('places gazetteer › a missing folder is refused with a coded error', () => {
  assert.throws(() => loadGazetteer({ dir: join(tmpdir(), 'no-such-parley-folder') }), /\[P011\]/);
});

// [written, folded key]
const folds: [string, string][] = [
  ['Kyiv', 'kyiv'],
  ['Kramators’k', 'kramatorsk'],
  ['Chişinău', 'chisinau'],
  ['Łódź', 'lodz'],
  ['Rostov-on-Don', 'rostov on don'],
  ['  The   Hague ', 'the hague'],
  ['Sana\'a', 'sanaa'],
  ['Ta‘izz', 'taizz'],
  ['U.S.', 'u.s.'],
];
for (const [written, key] of folds) {
  test(`places gazetteer › foldName("${written}") is "${key}"`, () => assert.equal(foldName(written), key));
}

// A word can open a US state's name only if some state's name starts with it (statesNamed skips the rest).
const stateStarts: [word: string, expected: boolean][] = [
  ['new', true], ['texas', true], ['tex', true], ['north', true], ['illinois', true],
  ['york', false], ['ukraine', false], ['officials', false], ['kyiv', false],
];
for (const [word, expected] of stateStarts) {
  test(`places gazetteer › "${word}" ${expected ? 'may' : 'cannot'} start a US state's name`, () => assert.equal(gazetteer.mayStartUsState(word), expected));
}
