import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Document } from '../src/document/document.js';
import type { Entity } from '../src/document/types.js';
import { segment } from '../src/nlp/index.js';
import { findPlaces, loadGazetteer } from '../src/places/index.js';
import { createPipeline } from '../src/document/pipeline.js';
import { segmentStage } from '../src/nlp/index.js';
import { actorsStage, loadActorDictionary } from '../src/actors/index.js';
import { placesStage } from '../src/places/index.js';

const gazetteer = loadGazetteer();

/** Reads the places of one sentence, with the entities given (none: the stage scans names itself). */
function placesOf(text: string, entities: Omit<Entity, 'id'>[] = []) {
  const doc = new Document({ id: 't', published: null, title: null, url: null, source: null, text });
  const { tokens, sentences } = segment(text);
  doc.tokens = tokens;
  doc.sentences = sentences;
  doc.entities = entities.map((e, i) => ({ id: `e${i + 1}`, ...e }));
  doc.actors = [];
  return findPlaces(doc, gazetteer);
}

/** An entity over the first occurrence of `span` in `text`. */
const entity = (text: string, span: string, type: Entity['type'] = 'GPE', from = 0): Omit<Entity, 'id'> => {
  const start = text.indexOf(span, from);
  return { text: span, start, end: start + span.length, type, actor: null };
};

// [sentence, expected places as [text, name, country, GeoNames id]]
type Expected = [string, string, string, number | null][];
const cases: [string, string, Expected][] = [
  ['a city after "in"', 'Talks were held in Kyiv on Tuesday.', [['Kyiv', 'Kyiv', 'UKR', 703448]]],
  ['an old spelling resolves to the place and prints today\'s name', 'Shelling continued in Kiev overnight.', [['Kiev', 'Kyiv', 'UKR', 703448]]],
  ['Odessa after "from" is Odesa, Ukraine', 'Grain ships sailed from Odessa at dawn.', [['Odessa', 'Odesa', 'UKR', 698740]]],
  ['Odesa as the object of a strike verb', 'Drones struck Odesa again.', [['Odesa', 'Odesa', 'UKR', 698740]]],
  ['Kharkov is Kharkiv', 'Fighting raged near Kharkov.', [['Kharkov', 'Kharkiv', 'UKR', 706483]]],
  ['a US state qualifier picks Springfield, Illinois', 'A rally took place in Springfield, Illinois.', [['Springfield', 'Springfield', 'USA', 4250542]]],
  ['a US state qualifier picks Springfield, Missouri', 'A rally took place in Springfield, Missouri, on Friday.', [['Springfield', 'Springfield', 'USA', 4409896]]],
  ['Springfield alone is the Illinois state capital (size plus seat of a state)', 'Residents gathered in Springfield.', [['Springfield', 'Springfield', 'USA', 4250542]]],
  ['a state named elsewhere in the article picks its Springfield', 'Massachusetts officials met voters in Springfield.', [['Springfield', 'Springfield', 'USA', 4951788]]],
  ['Odessa, Texas is not Odesa, Ukraine', 'Oil workers protested in Odessa, Texas.', [['Odessa', 'Odessa', 'USA', 5527554]]],
  ['a country with "the"', 'The summit will be held in the United States.', [['United States', 'United States', 'USA', 6252001]]],
  ['a country abbreviation before "soil"', 'Zelensky wants a meeting on U.S. soil.', [['U.S.', 'United States', 'USA', 6252001]]],
  ['a country after a direction adjective', 'Troops were deployed across eastern Ukraine.', [['Ukraine', 'Ukraine', 'UKR', 690791]]],
  ['a capital used as an actor gives no place', 'Kyiv insists the talks must go on.', []],
  ['"to" after a verb of telling is a recipient, not a place', 'The request was conveyed to Washington.', []],
  ['"to" after a verb of movement is a destination', 'Zelensky will travel to Washington next week.', [['Washington', 'Washington, D.C.', 'USA', 4140963]]],
  ['a possessive name is an actor', 'Washington\'s expectations remain unclear.', []],
  ['a possessive before a direction is a place', 'Explosions were heard in Ukraine’s east.', [['Ukraine', 'Ukraine', 'UKR', 690791]]],
  ['coordinated names share one preposition', 'Officials in Kyiv, Kharkiv and Dnipro reported strikes.', [
    ['Kyiv', 'Kyiv', 'UKR', 703448], ['Kharkiv', 'Kharkiv', 'UKR', 706483], ['Dnipro', 'Dnipro', 'UKR', 709930]]],
  ['"between" two capitals', 'Envoys shuttled between Moscow and Beijing.', [['Moscow', 'Moscow', 'RUS', 524901], ['Beijing', 'Beijing', 'CHN', 1816670]]],
  ['"a statement from" names a source, not a place', 'A statement from Kyiv welcomed the plan.', []],
  ['"fled from" is a place', 'Families fled from Mariupol.', [['Mariupol', 'Mariupol', 'UKR', 701822]]],
  ['a month is not a place', 'In March, the delegation arrived in Moscow.', [['Moscow', 'Moscow', 'RUS', 524901]]],
  ['a surname is not a place', 'George Washington never visited Tokyo.', [['Tokyo', 'Tokyo', 'JPN', 1850147]]],
  ['an upper-case dateline is where the story was filed', 'KYIV, Oct 14 - Ukraine asked for talks.', [['KYIV', 'Kyiv', 'UKR', 703448]]],
  ['a captured town and a town advanced on', 'Russian forces captured Avdiivka and advanced toward Pokrovsk.', [
    ['Avdiivka', 'Avdiivka', 'UKR', 713122], ['Pokrovsk', 'Pokrovsk', 'UKR', 704422]]],
  ['colonial-era names resolve to today\'s cities', 'Protesters marched in Bombay and Calcutta.', [['Bombay', 'Mumbai', 'IND', 1275339], ['Calcutta', 'Kolkata', 'IND', 1275004]]],
  ['Donetsk is the Ukrainian city of a million, not the Russian town', 'Russian artillery shelled Donetsk.', [['Donetsk', 'Donetsk', 'UKR', 709717]]],
  ['a country beats a city of the same name', 'The talks in Panama ended without a deal.', [['Panama', 'Panama', 'PAN', 3703430]]],
  ['"the Hague" with a lowercase article', 'The envoy flew to the Hague.', [['the Hague', 'The Hague', 'NLD', 2747373]]],
  ['a hyphenated name', 'Strikes hit an airfield near Rostov-on-Don.', [['Rostov-on-Don', 'Rostov-on-Don', 'RUS', 501175]]],
  ['a name written without its diacritics', 'A factory burned in Lodz.', [['Lodz', 'Łódź', 'POL', 3093133]]],
  ['an English exonym of a GeoNames local name', 'Negotiators gathered in Geneva.', [['Geneva', 'Geneva', 'CHE', 2660646]]],
  ['"via" and "reached"', 'Aid trucks reached Gaza via Rafah.', [['Gaza', 'Gaza', 'PSE', 281133], ['Rafah', 'Rafah', 'PSE', 281102]]],
  ['a country qualifier is not a place of its own', 'Volunteers met in Lviv, Ukraine, last year.', [['Lviv', 'Lviv', 'UKR', 702550]]],
  ['a name modifying a title is not a place', 'Talks between Putin and U.S. President Trump went on.', []],
  ['two abbreviated countries in a list', 'Sanctions were debated in the U.K. and the U.S. this week.', [
    ['U.K.', 'United Kingdom', 'GBR', 2635167], ['U.S.', 'United States', 'USA', 6252001]]],
  ['a transliteration apostrophe does not matter', 'Shells fell on the outskirts of Kramatorsk.', [['Kramatorsk', 'Kramatorsk', 'UKR', 704508]]],
  ['countries after "between" are related actors, not places', 'A ceasefire between Ethiopia and Eritrea held.', []],
  ['"independence from" names a party, not a place', 'The region declared independence from Serbia.', []],
  ['"return X to Y" is giving back, not going', 'Israel offered to return the land to Syria.', []],
  ['a comma ends the phrase of a preposition', 'Under the new plan, Israel will withdraw its troops.', []],
  ['actors of a country do not pull a city into it', 'U.S. and Russian envoys will meet in Geneva.', [['Geneva', 'Geneva', 'CHE', 2660646]]],
  ['a country named as a location pulls its same-named city', 'Clashes in northern Lebanon spread to Tripoli.', [
    ['Lebanon', 'Lebanon', 'LBN', 272103], ['Tripoli', 'Tripoli', 'LBN', 266826]]],
  ['a continent is not the town of the same name', 'Tensions rose across Asia and in Japan.', [['Japan', 'Japan', 'JPN', 1861060]]],
  ['a capital wins without context', 'Rockets fell on the outskirts of Tripoli.', [['Tripoli', 'Tripoli', 'LBY', 2210247]]],
];

for (const [behaviour, sentence, expected] of cases) {
  test(`places › ${behaviour}`, () => {
    const got = placesOf(sentence).map((p) => [p.text, p.name, p.country, p.geonameid]);
    assert.deepEqual(got, expected);
  });
}

// The same rules when the actors stage has tagged the names as entities.
const entityCases: [string, string, Omit<Entity, 'id'>[], Expected][] = (() => {
  const s1 = 'Kyiv insists on holding the talks in Kyiv.';
  const s2 = 'Ukraine asked for a meeting in the United States.';
  const s3 = 'Denzel Washington arrived in Paris.';
  const s4 = 'Officials in Georgia met in Tbilisi.';
  const s5 = 'Russian troops massed in eastern Ukraine’s border regions.';
  return [
    ['a LOC entity the gazetteer does not know as a whole is looked inside', s5,
      [entity(s5, 'eastern Ukraine’s', 'LOC')], [['Ukraine', 'Ukraine', 'UKR', 690791]]],
    ['a LOC entity naming a continent gives no place', 'Unrest spread across Asia.', [entity('Unrest spread across Asia.', 'Asia', 'LOC')], []],
    ['a GPE entity used as actor gives no place, the same name used as location does', s1,
      [entity(s1, 'Kyiv'), entity(s1, 'Kyiv', 'GPE', 5)], [['Kyiv', 'Kyiv', 'UKR', 703448]]],
    ['an entity with a leading "the" gives the name without it', s2,
      [entity(s2, 'Ukraine'), entity(s2, 'the United States')], [['United States', 'United States', 'USA', 6252001]]],
    ['a PERSON entity is never scanned as a place', s3,
      [entity(s3, 'Denzel Washington', 'PERSON')], [['Paris', 'Paris', 'FRA', 2988507]]],
    ['entity and scanner together: the country from the entity, the city from the gazetteer', s4,
      [entity(s4, 'Georgia')], [['Georgia', 'Georgia', 'GEO', 614540], ['Tbilisi', 'Tbilisi', 'GEO', 611717]]],
  ];
})();

for (const [behaviour, sentence, entities, expected] of entityCases) {
  test(`places › ${behaviour}`, () => {
    const got = placesOf(sentence, entities).map((p) => [p.text, p.name, p.country, p.geonameid]);
    assert.deepEqual(got, expected);
  });
}

test('places › every place span matches the text and carries coordinates', () => {
  const text = 'Strikes hit Kharkiv and Odesa, officials in Washington said, as talks in the United States neared.';
  const places = placesOf(text);
  assert.ok(places.length >= 3);
  places.forEach((p, i) => {
    assert.equal(text.slice(p.start, p.end), p.text);
    assert.equal(p.id, `p${i + 1}`);
    assert.ok(Number.isFinite(p.lat) && Number.isFinite(p.lon));
  });
});

test('places › after the real actors stage, "the United States" is a place in USA with coordinates', () => {
  const pipeline = createPipeline([segmentStage(), actorsStage(loadActorDictionary()), placesStage(gazetteer)]);
  const text = 'Ukraine has called for a face-to-face meeting between the two presidents in the United States this week. Kyiv insists.';
  const doc = pipeline.run(new Document({ id: 't', published: '2025-10-14', title: null, url: null, source: null, text }));
  assert.ok(!doc.places?.some((p) => p.text === 'Kyiv'), 'Kyiv used as an actor gave a place');
  const us = doc.places?.find((p) => p.text.includes('United States'));
  assert.ok(us, 'no place for the United States');
  assert.equal(us.country, 'USA');
  assert.ok(Number.isFinite(us.lat) && Number.isFinite(us.lon));
});
