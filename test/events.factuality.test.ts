import { test } from 'node:test';
import assert from 'node:assert/strict';
import { brief, eventsOf, read } from './events.helpers.js';

// [behaviour, sentence, the event expected among those coded ("TYPE ACTOR>RECIPIENT factuality")]
const cases: [string, string, string][] = [
  ['a plain past event is asserted', 'Indian and French naval units held joint exercises in the Indian Ocean.', 'COOPERATE IND+FRA> asserted'],
  ['an event under a speech verb is reported', 'Ukrainian officials said Russian forces attacked Ukraine overnight.', 'ASSAULT RUS>UKR reported'],
  ['a speech verb inside a relative aside does not make the main event reported', 'Russia, which said last week it wanted peace, attacked Ukraine on Monday.', 'ASSAULT RUS>UKR asserted'],
  ['an event inside a direct quote is reported', '"Russian troops attacked the village at dawn," a Ukrainian commander said.', 'ASSAULT RUS>UKR reported'],
  ['a trailing attribution makes the sentence reported', 'Egypt hosted talks between Sudan and South Sudan in Cairo, officials said.', 'CONSULT EGY>SDN+SSD reported'],
  ['a modal makes an event hypothetical', 'Israel could attack Iran within weeks.', 'ASSAULT ISR>IRN hypothetical'],
  ['an if-clause makes an event hypothetical', 'If Armenia attacks Azerbaijan, Turkey will respond.', 'ASSAULT ARM>AZE hypothetical'],
  ['a conditional offer is hypothetical', 'Serbia is willing to meet Kosovo if the European Union guarantees the talks.', 'AGREE SRB>XKX hypothetical'],
  ['"plans to" makes an event planned', 'Japan plans to send aid to Mongolia next year.', 'AID JPN>MNG planned'],
  ['"will" makes the act planned', 'Sweden will give Bolivia a loan of 30 million euros.', 'AID SWE>BOL planned'],
  ['and the announced act is itself an asserted AGREE', 'Sweden will give Bolivia a loan of 30 million euros.', 'AGREE SWE>BOL asserted'],
  ['an announced attack is an asserted THREATEN', 'Cuban officials said they would boycott all talks with Canada.', 'THREATEN CUB>CAN reported'],
  ['"agreed to" makes the agreed act planned', 'Slovakia and Austria agreed to reopen the border with Hungary.', 'RETREAT SVK+AUT>HUN planned'],
  ['and the agreement itself is one asserted event with both actors', 'Slovakia and Austria agreed to reopen the border with Hungary.', 'AGREE SVK+AUT>HUN asserted'],
  ['"has not confirmed whether" makes an event unconfirmed', 'The ministry has not confirmed whether Russian troops attacked Ukraine.', 'ASSAULT RUS>UKR unconfirmed'],
  ['"allegedly" makes an event unconfirmed', 'Syrian troops allegedly attacked Lebanon on Sunday.', 'ASSAULT SYR>LBN unconfirmed'],
  ['the content of a demand is hypothetical', 'France demanded that Mali release the hostages.', 'RETREAT MLI>? hypothetical'],
  ['what one is urged to do is hypothetical', 'Iran urged Iraq to expel the rebels.', 'SANCTION IRQ>? hypothetical'],
  ['what one threatens to do is hypothetical', 'Belarus threatened to cut diplomatic ties with Lithuania.', 'SANCTION BLR>LTU hypothetical'],
  ['what one refuses to do is negated', 'Brazil refused to send peacekeepers to Haiti.', 'AID BRA>HTI negated'],
  ['and the refusal itself is a rejection', 'Brazil refused to send peacekeepers to Haiti.', 'REJECT BRA>HTI asserted'],
  ['what one denies doing is negated', 'Russia denied attacking Ukrainian ships in the Black Sea.', 'ASSAULT RUS>UKR negated'],
  ['"is reported to have" puts an event on someone else\'s word', 'Syria is reported to have attacked Turkish positions near the border.', 'ASSAULT SYR>TUR reported'],
  ['"reportedly" puts an event on someone else\'s word', 'Israeli forces reportedly killed three Palestinians in Gaza.', 'ASSAULT ISR>PSE reported'],
  ['what one wants another to do is planned, by the other', 'The United States wants Israel to withdraw from Gaza.', 'RETREAT ISR>PSE planned'],
  ['"is expected to" makes an event planned', 'Iran and Iraq are expected to sign a peace agreement next week.', 'SUPPORT IRN+IRQ> planned'],
];

for (const [behaviour, text, expected] of cases) {
  test(`events › ${behaviour}`, () => {
    const got = eventsOf(text).map(brief);
    assert.ok(got.includes(expected), `expected ${expected} in ${JSON.stringify(got)}`);
  });
}

// A negated sentence for each of the 16 PLOVER types: the event keeps its type and is negated;
// negation never turns it into a REJECT.
const negated: [string, string][] = [
  ['AGREE', 'Chile did not agree to the Peruvian proposal.'],
  ['CONSULT', 'The Kenyan president did not meet the Tanzanian foreign minister.'],
  ['SUPPORT', 'Norway has not endorsed the Swedish candidate.'],
  ['CONCEDE', 'Bolivia did not accede to the demands of Paraguay.'],
  ['COOPERATE', 'Vietnam has not shared intelligence with Cambodia.'],
  ['AID', 'Japan did not give aid to Mongolia.'],
  ['RETREAT', 'Serbian troops have not withdrawn from Kosovo.'],
  ['REQUEST', 'Ghana did not ask Togo for help.'],
  ['ACCUSE', 'Egypt did not accuse Sudan of smuggling weapons.'],
  ['REJECT', 'Nepal did not reject the Indian offer.'],
  ['THREATEN', 'Morocco did not threaten Algeria.'],
  ['PROTEST', 'Students in Chile did not protest against the government.'],
  ['SANCTION', 'Canada has not imposed sanctions on Venezuela.'],
  ['MOBILIZE', 'Turkey has not mobilized troops near the Syrian border.'],
  ['COERCE', 'Police in Uganda did not arrest opposition leaders.'],
  ['ASSAULT', 'Russian forces did not attack Ukrainian positions.'],
];

for (const [type, text] of negated) {
  test(`events › a negated ${type} stays ${type}, negated`, () => {
    const events = eventsOf(text);
    assert.equal(events.length, 1, JSON.stringify(events.map(brief)));
    assert.equal(events[0].type, type);
    assert.equal(events[0].factuality, 'negated');
  });
}

// Sentences that code no event at all.
const none: [string, string][] = [
  ['a statement verb alone is not an event', 'The Kenyan foreign minister said on Monday that the situation was calm.'],
  ['a nominal mention of proposed talks is not an event', 'The proposed talks between Serbia and Kosovo were postponed.'],
  ['not confirming a meeting is neither a meeting nor a rejection', 'The White House has not confirmed the meeting with Ukraine.'],
  ['a figurative kill is not an attack', 'The Canadian minister killed the proposal with Mexico last week.'],
  ['fighting an illness is not an attack', 'The Dutch prime minister fought cancer for years.'],
  ['ordering goods is not a demand', 'The Turkish airline ordered twenty new jets from France.'],
  ['declining to comment to the press is not a rejection', 'A State Department spokesman declined to comment on the talks with Iran.'],
  ['nor is refusing to confirm a report', 'Iranian officials refused to confirm the prisoner exchange with Sweden.'],
];

for (const [behaviour, text] of none) {
  test(`events › ${behaviour}`, () => {
    const counted = eventsOf(text).filter((e) => e.factuality === 'asserted' || e.factuality === 'reported');
    assert.deepEqual(counted.map(brief), []);
  });
}

test('events › a reported event carries the id of the quote it rests on', () => {
  const doc = read('"Russian troops attacked the village at dawn," a Ukrainian commander said.');
  const assault = doc.events.find((e) => e.type === 'ASSAULT');
  assert.ok(assault);
  const quote = doc.quotes.find((q) => q.id === assault.attribution);
  assert.ok(quote, `attribution ${assault.attribution} names a quote`);
  assert.ok(quote.start <= assault.evidence.trigger.start && assault.evidence.trigger.end <= quote.end);
});
