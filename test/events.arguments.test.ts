import { test } from 'node:test';
import assert from 'node:assert/strict';
import { brief, eventsOf } from './events.helpers.js';

// [behaviour, sentence, the event expected among those coded ("TYPE ACTOR>RECIPIENT factuality")]
const cases: [string, string, string][] = [
  ['subject acts on the object', 'Russian forces attacked Ukraine on Tuesday.', 'ASSAULT RUS>UKR asserted'],
  ['passive voice: the by-phrase is the actor, the subject the recipient', 'Ukraine was attacked by Russian forces on Tuesday.', 'ASSAULT RUS>UKR asserted'],
  ['passive voice without an agent keeps only the recipient', 'Lebanon was attacked on Sunday.', 'ASSAULT >LBN asserted'],
  ['compound actors make one event with both', 'Norway and Iceland signed a fisheries accord in Oslo.', 'SUPPORT NOR+ISL> asserted'],
  ['compound recipients make one event with both', 'The Kenyan president will visit Uganda and Rwanda next week.', 'CONSULT KEN>UGA+RWA planned'],
  ['"between X and Y" gives both sides', 'Qatar mediated between Ethiopia and Eritrea in Doha.', 'CONSULT QAT>ETH+ERI asserted'],
  ['a with-phrase is the recipient of a light verb', 'Chile held talks with Peru in Lima.', 'CONSULT CHL>PER asserted'],
  ['a preposition shared by two verbs still finds its object', 'Peru established diplomatic ties with and opened an embassy in Bhutan.', 'SUPPORT PER>BTN asserted'],
  ['an on-phrase is the recipient of imposed sanctions', 'Canada imposed sanctions on Venezuela.', 'SANCTION CAN>VEN asserted'],
  ['an apposition between subject and verb is skipped', 'Nepal, a neighbour of China, rejected the Indian offer.', 'REJECT NPL>IND asserted'],
  ['a relative clause takes its antecedent as subject', 'Chad, which recalled its ambassador from Niger on Monday, closed its border.', 'SANCTION TCD>NER asserted'],
  ['a pronoun takes the speaker it reports', 'Hungary said it will support the Polish proposal.', 'AGREE HUN>POL reported'],
  ['"X said Y attacked Z" is Y→Z', 'Ukrainian officials said Russian forces attacked Ukraine overnight.', 'ASSAULT RUS>UKR reported'],
  ['"X said Y must act" is a request from X to Y', 'Germany said Iran must release the detained journalists.', 'REQUEST DEU>IRN asserted'],
  ['"demanded that Y …" addresses the demand to Y', 'France demanded that Mali release the hostages.', 'REQUEST FRA>MLI asserted'],
  ['"urged Y to act": Y is the recipient', 'Iran urged Iraq to expel the rebels.', 'REQUEST IRN>IRQ asserted'],
  ['a threat takes the recipient of what it threatens', 'Belarus threatened to cut diplomatic ties with Lithuania.', 'THREATEN BLR>LTU asserted'],
  ['an indirect object is the recipient of a gift', 'Sweden gave Bolivia a loan of 30 million euros.', 'AID SWE>BOL asserted'],
  ['a phrasal verb with its object', 'Turkish troops stepped up raids on Syria.', 'ASSAULT TUR>SYR asserted'],
  ['a pledge of aid is AGREE to the one it goes to', 'NATO allies pledged $2 billion in aid to Ukraine on Thursday.', 'AGREE IGO>UKR asserted'],
  ['rejecting a proposal rejects its proposer', 'Hamas rejected the Israeli proposal for a truce.', 'REJECT PSE>ISR asserted'],
  ['asking for weapons is a request', 'Poland asked Germany for tanks.', 'REQUEST POL>DEU asserted'],
  ['a joint exercise of two countries is cooperation', 'Indian and French naval units held joint exercises.', 'COOPERATE IND+FRA> asserted'],
  ['an exercise of one country is a show of force', 'China held military exercises near Taiwan.', 'MOBILIZE CHN>TWN asserted'],
  ['a pronoun opening a sentence takes the last sentence\'s whole subject', 'Armenia and Azerbaijan agreed on Tuesday to hold talks in Brussels. They will meet next month.', 'CONSULT ARM+AZE> planned'],
  // The riots' actor, "Kurdish", names no state: it takes the sentence's only one (see below).
  ['an event noun with a verb of happening takes its modifier as actor', 'Kurdish riots against Turkish rule are spreading.', 'PROTEST TUR>TUR asserted'],
  ['"clashes between X and Y" puts one side as actor, the other as recipient', 'Clashes erupted between Indian and Chinese troops in Ladakh.', 'ASSAULT IND>CHN asserted'],
  ['"we" inside a quote is its speaker', 'The Russian defence minister said: "We will not negotiate with Georgia."', 'CONSULT RUS>GEO negated'],
  ['an attack announced on a condition is a threat, the attack hypothetical', '"We will attack Georgia if they cross the line," the Russian defence minister said.', 'ASSAULT RUS>GEO hypothetical'],
  ['and the announcement is a reported THREATEN', '"We will attack Georgia if they cross the line," the Russian defence minister said.', 'THREATEN RUS>GEO reported'],
];

for (const [behaviour, text, expected] of cases) {
  test(`events › ${behaviour}`, () => {
    const got = eventsOf(text).map(brief);
    assert.ok(got.includes(expected), `expected ${expected} in ${JSON.stringify(got)}`);
  });
}

test('events › "X and Y agreed" is one event, not a cross product', () => {
  const agree = eventsOf('Bulgaria and Greece agreed on Thursday to cooperate on border controls.').filter((e) => e.type === 'AGREE');
  assert.equal(agree.length, 1);
  assert.deepEqual(agree[0].actor.map((a) => a.country), ['BGR', 'GRC']);
});

test('events › participants carry name, country, sector and the actor id', () => {
  const [e] = eventsOf('Russian forces attacked Ukraine on Tuesday.');
  assert.equal(e.actor[0].country, 'RUS');
  assert.equal(e.actor[0].sector, 'MIL');
  assert.equal(typeof e.actor[0].name, 'string');
  assert.match(String(e.actor[0].ref), /^a\d+$/);
});

// A participant the text gives no country takes the one state its sentence names, as event coders
// code domestic actors; the participant says so (countryFrom 'sentence'). [behaviour, sentence, event, participants marked]
const domestic: [string, string, string, string[]][] = [
  ['rebels in a sentence naming one state are of that state', 'Separatist rebels attacked a police station in northern Mali on Sunday.', 'ASSAULT MLI>MLI asserted', ['Separatist rebels']],
  ['so are the opposition a government frees', 'The Kenyan government freed the jailed opposition leaders.', 'RETREAT KEN>KEN asserted', ['opposition leaders']],
  ['protesters against a head of state take the state', 'Student protesters demanded the resignation of the Bolivian president.', 'REQUEST BOL>BOL asserted', ['Student protesters']],
  ['an international organisation names no state', 'Rebels attacked United Nations peacekeepers near Gao in Mali.', 'ASSAULT MLI>IGO asserted', ['Rebels']],
  ['two states named: no country is guessed', 'Rebels attacked Malian and Nigerien troops near the border.', 'ASSAULT ?>MLI+NER asserted', []],
  ['an ethnic group takes the state it is in, not the one its name recalls', 'Thousands of ethnic Hungarians protested against the Romanian government.', 'PROTEST ROU>ROU asserted', ['Hungarians']],
  ['a named office holder no dictionary knows takes it too', 'Chadian rebels rejected an appeal from President Idriss Mahamat Koulamallah to lay down their arms.', 'REJECT TCD>TCD asserted', ['Idriss Mahamat Koulamallah']],
  ['an unnamed office is not placed by the state it speaks of', 'The governor of the region accused Moscow of shelling civilian areas.', 'ACCUSE ?>RUS asserted', []],
  ['nor is a state\'s own target, what it shot down', 'Ukraine\'s air force said it shot down the drones.', 'ASSAULT UKR>? reported', []],
  ['in an article on another state, the sentence\'s one state is not the rebels\' own', 'The Syrian army shelled Idlib on Monday and Tuesday. Syrian officials said Damascus would go on. Rebels accused Russia of supplying the shells.', 'ACCUSE ?>RUS asserted', []],
  ['in an article on the same state, it is', 'Fighting continued in Mali on Monday. Rebels attacked a police station in northern Mali.', 'ASSAULT MLI>MLI asserted', ['Rebels']],
  ['whoever attacks a state itself is not taken for its own', 'Militants fired rockets at Israel on Sunday.', 'ASSAULT ?>ISR asserted', []],
  ['gunmen attacking a place in a state are of the place', 'Gunmen attacked a hotel in Mogadishu, killing twelve people.', 'ASSAULT SOM>SOM asserted', ['Gunmen']],
  ['a visitor the text does not place is not taken for the host\'s compatriot', 'Senator Tom Harkin visited Kenya on Monday.', 'CONSULT ?>KEN asserted', []],
  ['nor is a firm whose name says so', 'Kenyan officials accused Orion Airlines of smuggling weapons.', 'ACCUSE KEN>? asserted', []],
  ['a name claiming international scope is not domestic', 'The Global Climate Forum urged Brazil to protect the rainforest.', 'REQUEST ?>BRA asserted', []],
];

for (const [behaviour, text, expected, marked] of domestic) {
  test(`events › sentence country › ${behaviour}`, () => {
    const events = eventsOf(text);
    const got = events.map(brief);
    assert.ok(got.includes(expected), `expected ${expected} in ${JSON.stringify(got)}`);
    const e = events[got.indexOf(expected)];
    const fromSentence = [...e.actor, ...e.recipient].filter((p) => p.countryFrom === 'sentence').map((p) => p.name);
    assert.deepEqual(fromSentence, marked);
  });
}
