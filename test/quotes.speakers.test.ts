import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Actor, Speaker } from '../src/document/types.js';
import { readQuotes, readQuotesWithLayers } from './quotes.fixtures.js';

type SpeakerGist = Pick<Speaker, 'text' | 'anonymous'> & Partial<Pick<Speaker, 'country' | 'sector' | 'actor' | 'name'>>;

function speakersOf(doc: ReturnType<typeof readQuotes>, keys: (keyof Speaker)[]): Partial<Speaker>[] {
  return (doc.quotes ?? []).map((q) => {
    const out: Partial<Speaker> = {};
    for (const k of keys) (out as Record<string, unknown>)[k] = q.speaker ? q.speaker[k] : undefined;
    return out;
  });
}

// Anonymous sources are typed from the phrase itself: determiner or number, seniority, demonym,
// role noun, no proper name. [behaviour, text, expected speaker]
const anonymity: [string, string, SpeakerGist][] = [
  ['numeral + seniority + role', '“Nothing is settled,” one senior Polish official said.', { text: 'one senior Polish official', anonymous: true }],
  ['indefinite role', 'A diplomat said the draft was ready.', { text: 'A diplomat', anonymous: true }],
  ['plural role with a place', 'Officials in Ottawa said a reply was being drafted.', { text: 'Officials in Ottawa', anonymous: true }],
  ['bare plural role', 'Analysts say the sanctions are working.', { text: 'Analysts', anonymous: true }],
  ['"a person familiar with"', 'A person familiar with the talks said the two sides were close to a deal.', { text: 'A person familiar with the talks', anonymous: true }],
  ['"people close to"', 'People close to the negotiations said the draft was ready.', { text: 'People close to the negotiations', anonymous: true }],
  ['restrictive "who spoke on condition of anonymity"', 'Officials who spoke on condition of anonymity said the convoy had been delayed.', { text: 'Officials who spoke on condition of anonymity', anonymous: true }],
  ['non-restrictive "who asked not to be named"', 'A diplomat, who asked not to be named, said the ceasefire was fragile.', { text: 'A diplomat', anonymous: true }],
  ['participle "speaking on condition of anonymity"', 'The diplomat, speaking on condition of anonymity, said the draft was ready.', { text: 'The diplomat', anonymous: true }],
  ['definite office title is an identifiable person', 'The foreign minister said the embassy would reopen.', { text: 'The foreign minister', anonymous: false }],
  ['an institution is not an anonymous source', 'State radio said the curfew had been lifted.', { text: 'State radio', anonymous: false, sector: 'MED' }],
  ['police are an institution with the police sector', 'Police said two people had been detained.', { text: 'Police', anonymous: false, sector: 'COP' }],
  ['a spokesman for an organisation is unnamed', 'The strike will continue, a spokesman for the union said.', { text: 'a spokesman for the union', anonymous: true }],
  ['unnamed advisers of a named leader are anonymous', 'Zelensky’s advisers say the vote will go ahead.', { text: 'Zelensky’s advisers', anonymous: true }],
  ['a leader’s spokesman is an identifiable office', 'Putin’s spokesman said the Kremlin had not been consulted.', { text: 'Putin’s spokesman', anonymous: false }],
  ['a named person is not anonymous', 'Kaja Kallas said the bloc was united.', { text: 'Kaja Kallas', anonymous: false }],
  ['military source gets the military sector', 'A senior military official said the brigade had withdrawn.', { text: 'A senior military official', anonymous: true, sector: 'MIL' }],
  ['a hyphenated title is not the military role "general"', 'The deputy secretary-general said the mission would be extended.', { text: 'The deputy secretary-general', anonymous: false, sector: null }],
  ['lawmakers get the legislative sector', 'Lawmakers in Kyiv argue that the aid package is overdue.', { text: 'Lawmakers in Kyiv', anonymous: true, sector: 'LEG' }],
];

for (const [behaviour, text, expected] of anonymity) {
  test(`quotes › speaker › anonymous: ${behaviour}`, () => {
    const keys = Object.keys(expected) as (keyof Speaker)[];
    assert.deepEqual(speakersOf(readQuotes(text), keys), [expected]);
  });
}

// Speaker resolution against a fixed entities/actors layer (the layer contract of DESIGN.md), so
// these cases test the quotes stage alone.
const actors: Actor[] = [
  { id: 'a1', name: 'Ukraine', country: 'UKR', sector: 'GOV', wikidata: null, mentions: [] },
  { id: 'a2', name: 'Olena Kovalenko', country: 'UKR', sector: 'GOV', wikidata: null, mentions: [] },
  { id: 'a3', name: 'United States', country: 'USA', sector: 'GOV', wikidata: null, mentions: [] },
  { id: 'a4', name: 'Marek Nowak', country: 'POL', sector: 'GOV', wikidata: null, mentions: [] },
  { id: 'a5', name: 'Russian army', country: 'RUS', sector: 'MIL', wikidata: null, mentions: [] },
  { id: 'a6', name: 'Poland', country: 'POL', sector: 'GOV', wikidata: null, mentions: [] },
];

const layered: [string, string, Parameters<typeof readQuotesWithLayers>[1]['entities'], SpeakerGist[]][] = [
  ['a named speaker takes the actor and the person name',
    'Kovalenko said the talks would resume.',
    [{ id: 'e1', text: 'Kovalenko', type: 'PERSON', actor: 'a2' }],
    [{ text: 'Kovalenko', anonymous: false, actor: 'a2', name: 'Olena Kovalenko', country: 'UKR', sector: 'GOV' }]],
  ['a capital speaks for its government, with no person name',
    'Kyiv insists the moment requires urgency.',
    [{ id: 'e1', text: 'Kyiv', type: 'GPE', actor: 'a1' }],
    [{ text: 'Kyiv', anonymous: false, actor: 'a1', name: null, country: 'UKR', sector: 'GOV' }]],
  ['"he" resolves to the nearest earlier person',
    'Kovalenko met Nowak in Warsaw. Later he said the talks had gone well.',
    [{ id: 'e1', text: 'Kovalenko', type: 'PERSON', actor: 'a2' }, { id: 'e2', text: 'Nowak', type: 'PERSON', actor: 'a4' }],
    [{ text: 'he', anonymous: false, actor: 'a4', name: 'Marek Nowak', country: 'POL' }]],
  ['"she added" continues a quote by the named speaker',
    '“We are ready,” Kovalenko said. “We have always been ready,” she added.',
    [{ id: 'e1', text: 'Kovalenko', type: 'PERSON', actor: 'a2' }],
    [{ text: 'Kovalenko', anonymous: false, actor: 'a2' }, { text: 'she', anonymous: false, actor: 'a2', name: 'Olena Kovalenko' }]],
  ['a pronoun after an anonymous source stays anonymous with its affiliation',
    'One senior Ukrainian official said the request had been sent. He added that a reply was expected this week.',
    [{ id: 'e1', text: 'Ukrainian', type: 'NORP', actor: 'a1' }],
    [{ text: 'One senior Ukrainian official', anonymous: true, country: 'UKR', sector: 'GOV' }, { text: 'He', anonymous: true, country: 'UKR', sector: 'GOV' }]],
  ['"they" resolves to the earlier plural source',
    'Officials in Washington said the letter had arrived. They said a reply would follow.',
    [{ id: 'e1', text: 'Washington', type: 'GPE', actor: 'a3' }],
    [{ text: 'Officials in Washington', anonymous: true, country: 'USA', sector: 'GOV' }, { text: 'They', anonymous: true, country: 'USA', sector: 'GOV' }]],
  ['"the official" is the last source with that role, whatever the actors layer linked it to',
    '“We have the letter,” a senior Polish official told reporters. No date has been set, the official said.',
    [{ id: 'e1', text: 'Polish', type: 'NORP', actor: 'a6' }, { id: 'e2', text: 'the official', type: 'PERSON', actor: 'a1' }],
    [{ text: 'a senior Polish official', anonymous: true, country: 'POL' }, { text: 'the official', anonymous: true, country: 'POL' }]],
  ['a pronoun entity from the actors layer wins',
    'Nowak spoke after Kovalenko. She said the border would stay open.',
    [{ id: 'e1', text: 'Nowak', type: 'PERSON', actor: 'a4' }, { id: 'e2', text: 'Kovalenko', type: 'PERSON', actor: 'a2' }, { id: 'e3', text: 'She', type: 'PERSON', actor: 'a2' }],
    [{ text: 'She', anonymous: false, actor: 'a2', name: 'Olena Kovalenko' }]],
  ['the role head decides, not the person in its post-modifier',
    'Advisers to Kovalenko say the vote will go ahead.',
    [{ id: 'e1', text: 'Kovalenko', type: 'PERSON', actor: 'a2' }],
    [{ text: 'Advisers to Kovalenko', anonymous: true, name: null, country: 'UKR', sector: 'GOV' }]],
  ['a group entity marked anonymous keeps its actor',
    'Two Ukrainian officials said the convoy had left.',
    [{ id: 'e1', text: 'Two Ukrainian officials', type: 'GROUP', actor: 'a1', anonymous: true }],
    [{ text: 'Two Ukrainian officials', anonymous: true, actor: 'a1', country: 'UKR', sector: 'GOV' }]],
  ['a role phrase typed PERSON and tied to a country stays unnamed',
    'Kyiv sent a delegation. The negotiator said the first round went well.',
    [{ id: 'e1', text: 'Kyiv', type: 'GPE', actor: 'a1' }, { id: 'e2', text: 'The negotiator', type: 'PERSON', actor: 'a1' }],
    [{ text: 'The negotiator', anonymous: true, actor: 'a1', name: null, country: 'UKR' }]],
  ['military role noun overrides the affiliation’s sector',
    'Russian army commanders said the bridge had been repaired.',
    [{ id: 'e1', text: 'Russian army', type: 'ORG', actor: 'a5' }],
    [{ text: 'Russian army commanders', anonymous: true, country: 'RUS', sector: 'MIL' }]],
  ['a person the actors layer could not code keeps the name and the phrase’s affiliation',
    'Ukrainian negotiator Petro Marchenko said the draft was ready.',
    [{ id: 'e1', text: 'Ukrainian', type: 'NORP', actor: 'a1' }, { id: 'e2', text: 'Petro Marchenko', type: 'PERSON', actor: null }],
    [{ text: 'Ukrainian negotiator Petro Marchenko', anonymous: false, actor: null, name: 'Petro Marchenko', country: 'UKR' }]],
  ['two named people: one actor, no single name',
    'Kovalenko and Nowak said the corridor would stay open.',
    [{ id: 'e1', text: 'Kovalenko', type: 'PERSON', actor: 'a2' }, { id: 'e2', text: 'Nowak', type: 'PERSON', actor: 'a4' }],
    [{ text: 'Kovalenko and Nowak', anonymous: false, actor: 'a4', name: null }]],
  ['"according to" a named person',
    'According to Kovalenko, the convoy left at dawn.',
    [{ id: 'e1', text: 'Kovalenko', type: 'PERSON', actor: 'a2' }],
    [{ text: 'Kovalenko', anonymous: false, actor: 'a2', name: 'Olena Kovalenko' }]],
];

for (const [behaviour, text, entities, expected] of layered) {
  test(`quotes › speaker › ${behaviour}`, () => {
    const keys = [...new Set(expected.flatMap((e) => Object.keys(e)))] as (keyof Speaker)[];
    const doc = readQuotesWithLayers(text, { entities, actors });
    const got = speakersOf(doc, keys).map((s, k) => Object.fromEntries(Object.keys(expected[k] ?? s).map((key) => [key, (s as Record<string, unknown>)[key]])));
    assert.deepEqual(got, expected);
  });
}

// Through the real actor dictionary: affiliation of common anonymous sources.
const dictionaryCases: [string, string, SpeakerGist][] = [
  ['demonym gives the country', '“This has to be settled face to face,” one senior Ukrainian official said.', { text: 'one senior Ukrainian official', anonymous: true, country: 'UKR' }],
  ['a seat of government gives the country', 'Officials in Moscow said the proposal was being studied.', { text: 'Officials in Moscow', anonymous: true, country: 'RUS', sector: 'GOV' }],
  ['a named leader', 'Zelensky has said he is ready to travel.', { text: 'Zelensky', anonymous: false, country: 'UKR', sector: 'GOV' }],
];

for (const [behaviour, text, expected] of dictionaryCases) {
  test(`quotes › speaker › with the actor dictionary: ${behaviour}`, () => {
    const keys = Object.keys(expected) as (keyof Speaker)[];
    assert.deepEqual(speakersOf(readQuotes(text), keys), [expected]);
  });
}
