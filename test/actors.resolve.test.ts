/**
 * resolveActor: one phrase and a date → the coded actor (what `parley resolve` prints), and the
 * dictionary loader's handling of user files.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadActorDictionary, resolveActor } from '../src/actors/index.js';
import { articleSpellings } from '../src/actors/dictionary.js';
import { ParleyError } from '../src/document/errors.js';

const dict = loadActorDictionary();

type Expected = { name?: string; country: string | null; sector?: string | null; wikidata?: string | null; title?: string | null; office?: string | null } | null;
const cases: [text: string, date: string | null, expected: Expected][] = [
  ['Trump', '2025-10-14', { name: 'Donald Trump', country: 'USA', sector: 'GOV', wikidata: 'Q22686', office: 'head-of-state' }],
  ['Trump', '2022-06-01', { name: 'Donald Trump', country: 'USA', sector: 'ELI', wikidata: 'Q22686', title: null }],
  ['Trump', '2018-06-01', { country: 'USA', sector: 'GOV', office: 'head-of-state' }],
  ['Trump', null, { country: 'USA', sector: 'GOV' }],
  ['Donald J. Trump', '2025-10-14', { name: 'Donald Trump', country: 'USA', sector: 'GOV' }],
  ['U.S. President Donald Trump', '2025-10-14', { name: 'Donald Trump', country: 'USA', sector: 'GOV' }],
  ['Zelensky', '2025-10-14', { name: 'Volodymyr Zelensky', country: 'UKR', sector: 'GOV', wikidata: 'Q3874799' }],
  ['Zelenskyy', '2025-10-14', { name: 'Volodymyr Zelensky', country: 'UKR', sector: 'GOV' }],
  ['Zelensky', '2015-01-01', { name: 'Volodymyr Zelensky', country: 'UKR', sector: null }],
  ['U.S.', '2025-10-14', { name: 'United States', country: 'USA', sector: 'GOV', wikidata: 'Q30' }],
  ['US', null, { country: 'USA', sector: 'GOV' }],
  ['us', null, null],
  ['the United States', null, { country: 'USA', sector: 'GOV' }],
  ['Kyiv', '2025-10-14', { name: 'Ukraine', country: 'UKR', sector: 'GOV' }],
  ['Kiev', null, { country: 'UKR', sector: 'GOV' }],
  ['Washington', '2025-10-14', { country: 'USA', sector: 'GOV' }],
  ['the White House', '2025-10-14', { country: 'USA', sector: 'GOV' }],
  ['the Kremlin', null, { country: 'RUS', sector: 'GOV' }],
  ['the Pentagon', null, { country: 'USA', sector: 'MIL' }],
  ['Russian forces', '2025-10-14', { country: 'RUS', sector: 'MIL' }],
  ['Ukrainian officials', '2025-10-14', { country: 'UKR', sector: 'GOV' }],
  ['Israeli troops', null, { country: 'ISR', sector: 'MIL' }],
  ['Iranian lawmakers', null, { country: 'IRN', sector: 'LEG' }],
  ['Turkish police', null, { country: 'TUR', sector: 'COP' }],
  ['Sudanese rebels', null, { country: 'SDN', sector: 'REB' }],
  ['rebels', null, { country: null, sector: 'REB' }],
  ['protesters', null, { country: null, sector: 'OPP' }],
  ['the Trump administration', '2025-10-14', { country: 'USA', sector: 'GOV' }],
  ['the Ukrainian President', '2025-10-14', { name: 'Volodymyr Zelensky', country: 'UKR', sector: 'GOV' }],
  ['the Russian Foreign Minister', '2024-05-01', { name: 'Sergei Lavrov', country: 'RUS', sector: 'GOV' }],
  ['the British Prime Minister', '2023-06-01', { name: 'Rishi Sunak', country: 'GBR', sector: 'GOV' }],
  ['the British Prime Minister', '2025-06-01', { name: 'Keir Starmer', country: 'GBR', sector: 'GOV' }],
  ['the President', '2025-10-14', null],
  ['British Defence Secretary Tom Quarrie', null, { name: 'Tom Quarrie', country: 'GBR', sector: 'GOV' }],
  ['NATO', null, { country: 'IGO' }],
  ['U.N. Security Council', null, { country: 'IGO' }],
  ['Amnesty International', null, { country: 'NGO' }],
  ['Halvorsen Quillfeather', '2025-10-14', null],
  ['Quillfeather', '2025-10-14', null],
  ['', '2025-10-14', null],
  ['the weather', '2025-10-14', null],
];

for (const [text, date, expected] of cases) {
  test(`actors › resolveActor(${JSON.stringify(text)}, ${date ?? 'no date'}) → ${expected ? `${expected.country}/${expected.sector ?? '?'}` : 'null'}`, () => {
    const got = resolveActor(dict, text, date);
    if (expected === null) { assert.equal(got, null); return; }
    assert.ok(got, 'resolved to null');
    for (const [k, v] of Object.entries(expected)) assert.equal((got as unknown as Record<string, unknown>)[k], v, `field ${k}`);
  });
}

// ---- user dictionary files ------------------------------------------------------------------

const dir = mkdtempSync(join(tmpdir(), 'parley-actors-'));
const file = (name: string, body: string): string => { const p = join(dir, name); writeFileSync(p, body); return p; };

test('actors › a user file adds people, organisations and groups that resolve like shipped ones', () => {
  const extra = file('mine.json', JSON.stringify({
    about: { description: 'test', provenance: 'test', licence: 'MIT', version: '2026-01-01' },
    entries: [
      { name: 'Halvorsen Quillfeather', wikidata: null, aliases: ['Quillfeather'], roles: [{ country: 'NOR', sector: 'GOV', title: 'Minister', office: 'other', start: '2024-01-01', end: null }] },
      { name: 'Northern Lights Brigade', aliases: ['NLB'], country: 'NOR', sector: 'REB', wikidata: null },
    ],
  }));
  const d = loadActorDictionary({ extraFiles: [extra] });
  assert.equal(resolveActor(d, 'Quillfeather', '2025-01-01')?.country, 'NOR');
  assert.equal(resolveActor(d, 'the Northern Lights Brigade', null)?.sector, 'REB');
  assert.equal(resolveActor(d, 'NLB', null)?.country, 'NOR');
});

const badFiles: [name: string, body: string, problem: RegExp][] = [
  ['broken.json', '{ "entries": [ ', /not valid JSON/],
  ['no-entries.json', '{ "about": {} }', /"entries" array/],
  ['bad-iso.json', JSON.stringify({ entries: [{ iso3: 'ukr', name: 'Ukraine' }] }), /iso3/],
  ['bad-role.json', JSON.stringify({ entries: [{ name: 'X Y', roles: [{ sector: 'GOV' }] }] }), /country/],
  ['unknown-shape.json', JSON.stringify({ entries: [{ foo: 1 }] }), /neither/],
];
for (const [name, body, problem] of badFiles) {
  test(`actors › a bad user file (${name}) is refused with P040 naming the file`, () => {
    const p = file(name, body);
    assert.throws(() => loadActorDictionary({ extraFiles: [p] }), (err: unknown) =>
      err instanceof ParleyError && err.code === 'P040' && err.message.includes(p) && problem.test(err.message));
  });
}

test('actors › a missing user file is refused with P011', () => {
  assert.throws(() => loadActorDictionary({ extraFiles: [join(dir, 'nope.json')] }), (err: unknown) => err instanceof ParleyError && err.code === 'P011');
});

// [name as a dictionary lists it, the spellings it is also found under]
const spellings: [string, string[]][] = [
  ['Abdel Fattah el-Sisi', ['Abdel Fattah el-Sisi', 'Abdel Fattah al-Sisi', 'Abdel Fattah el Sisi', 'Abdel Fattah al Sisi', 'Abdel Fattah Sisi']],
  ['Khalifa bin Zayed Al Nahyan', ['Khalifa bin Zayed Al Nahyan', 'Khalifa bin Zayed al-Nahyan', 'Khalifa bin Zayed el-Nahyan', 'Khalifa bin Zayed al Nahyan', 'Khalifa bin Zayed el Nahyan', 'Khalifa bin Zayed Nahyan']],
  // Two words keep the article: the given name and surname alone may be anyone's.
  ['Omar al-Bashir', ['Omar al-Bashir', 'Omar el-Bashir', 'Omar al Bashir', 'Omar el Bashir']],
  // A first word is never an article ("Al" is a given name), nor is "al" before a lower-case word.
  ['Al Gore', ['Al Gore']],
  ['Hassan al sharif', ['Hassan al sharif']],
  ['Volodymyr Zelensky', ['Volodymyr Zelensky']],
];

for (const [name, expected] of spellings) {
  test(`actors › the Arabic article's spellings › ${name}`, () => {
    assert.deepEqual(articleSpellings(name).sort(), [...expected].sort());
  });
}
