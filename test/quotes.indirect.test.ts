import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gists, readQuotes, type QuoteGist } from './quotes.fixtures.js';
import { quoteContaining } from '../src/quotes/index.js';

const ind = (text: string, speaker: string, cue: string): QuoteGist => ({ kind: 'indirect', text, speaker, cue });
const mix = (text: string, speaker: string, cue: string): QuoteGist => ({ kind: 'mixed', text, speaker, cue });

// [behaviour, article text, expected quotes in text order]
const cases: [string, string, QuoteGist[]][] = [
  ['"said that"', 'The minister said that sanctions would follow.',
    [ind('sanctions would follow', 'The minister', 'said')]],
  ['"said" with a bare clause', 'Lavrov said the proposal was unacceptable.',
    [ind('the proposal was unacceptable', 'Lavrov', 'said')]],
  ['present tense "says"', 'Beijing says it supports a negotiated settlement.',
    [ind('it supports a negotiated settlement', 'Beijing', 'says')]],
  ['perfect with an adverb: "has repeatedly stressed that"', 'Erdogan has repeatedly stressed that Turkey will stay neutral.',
    [ind('Turkey will stay neutral', 'Erdogan', 'stressed')]],
  ['"warned that"', 'The foreign minister warned that the embargo would hurt both sides.',
    [ind('the embargo would hurt both sides', 'The foreign minister', 'warned')]],
  ['noun-tagged cue after a plural subject: "note that"', 'Economists note that the blockade has doubled grain prices.',
    [ind('the blockade has doubled grain prices', 'Economists', 'note')]],
  ['"insists" with a bare clause', 'Moscow insists the exercises are purely defensive.',
    [ind('the exercises are purely defensive', 'Moscow', 'insists')]],
  ['an adjunct between cue and "that"', 'A senior Western diplomat said on Friday that the embargo would be lifted in stages.',
    [ind('the embargo would be lifted in stages', 'A senior Western diplomat', 'said')]],
  ['"told reporters that": the hearer is part of the cue', 'Two senior American officials told reporters that the shipment had been approved.',
    [ind('the shipment had been approved', 'Two senior American officials', 'told reporters')]],
  ['"told her that": an object pronoun is the hearer', 'The envoy told her that the border would reopen.',
    [ind('the border would reopen', 'The envoy', 'told her')]],
  ['"told" with a possessive hearer', 'Lavrov told his counterpart the proposal was unacceptable.',
    [ind('the proposal was unacceptable', 'Lavrov', 'told his counterpart')]],
  ['a statement adjunct', 'The ministry said in a statement that the ambassador had been recalled.',
    [ind('the ambassador had been recalled', 'The ministry', 'said')]],
  ['"denied that"', 'Hamas has denied that it violated the truce.',
    [ind('it violated the truce', 'Hamas', 'denied')]],
  ['phrase cue "pointed out"', 'Erdogan pointed out that Turkey had hosted earlier rounds.',
    [ind('Turkey had hosted earlier rounds', 'Erdogan', 'pointed out')]],
  ['post-posed attribution "…, X said."', 'Russia will not attend the summit, a Kremlin spokesman said.',
    [ind('Russia will not attend the summit', 'a Kremlin spokesman', 'said')]],
  ['post-posed attribution with an adjunct', 'The ceasefire will hold, Prime Minister Ahmed said on Monday.',
    [ind('The ceasefire will hold', 'Prime Minister Ahmed', 'said')]],
  ['inverted post-posed attribution "…, said X."', 'The border will reopen next week, said Interior Minister Klymenko.',
    [ind('The border will reopen next week', 'Interior Minister Klymenko', 'said')]],
  ['post-posed with hearer', 'The ceasefire is holding, Foreign Minister Hakan Fidan told reporters in Ankara.',
    [ind('The ceasefire is holding', 'Foreign Minister Hakan Fidan', 'told reporters')]],
  ['parenthetical cue: the reported clause wraps the aside', 'The agreement, two Turkish officials say, could be signed within days.',
    [ind('The agreement, two Turkish officials say, could be signed within days', 'two Turkish officials', 'say')]],
  ['parenthetical pronoun cue', 'The talks, he said, would resume after the holiday.',
    [ind('The talks, he said, would resume after the holiday', 'he', 'said')]],
  ['"according to X," before the content', 'According to Western diplomats, the deal is almost complete.',
    [ind('the deal is almost complete', 'Western diplomats', 'According to')]],
  ['"according to X" after the content', 'The deal is almost complete, according to two European diplomats.',
    [ind('The deal is almost complete', 'two European diplomats', 'according to')]],
  ['"according to X" in the middle', 'The meeting, according to officials in Ankara, will take place in March.',
    [ind('The meeting, according to officials in Ankara, will take place in March', 'officials in Ankara', 'according to')]],
  ['coordinated cue shares the first subject', 'Officials in Ottawa acknowledged receiving the letter and said a reply was being drafted.',
    [ind('a reply was being drafted', 'Officials in Ottawa', 'said')]],
  ['two coordinated cues, two quotes', 'The foreign ministry insisted the talks would resume next week and added that no deadline had been set.',
    [ind('the talks would resume next week', 'The foreign ministry', 'insisted'), ind('no deadline had been set', 'The foreign ministry', 'added')]],
  ['a coordinated cue verb without its own content does not end the quote', 'Canada announced it would suspend the talks and would deny visas to the delegation.',
    [ind('it would suspend the talks and would deny visas to the delegation', 'Canada', 'announced')]],
  ['participle cue takes the main subject', 'Finland has closed its border crossings, saying the migrant flows were organised by Moscow.',
    [ind('the migrant flows were organised by Moscow', 'Finland', 'saying')]],
  ['relative clause between subject and cue', 'Macron, who is due in Berlin on Friday, has said he wants a common European position.',
    [ind('he wants a common European position', 'Macron', 'said')]],
  ['participle aside between subject and cue', 'Zelensky, speaking in Kyiv, said Ukraine would not accept a frozen conflict.',
    [ind('Ukraine would not accept a frozen conflict', 'Zelensky', 'said')]],
  ['post-nominal phrase in the speaker', 'Advisers to the Georgian prime minister say the vote will go ahead.',
    [ind('the vote will go ahead', 'Advisers to the Georgian prime minister', 'say')]],
  ['the reported clause stops before a participle adjunct', 'Senior Moldovan officials confirmed on Monday that the request was sent to Brussels, underlining the urgency of the talks.',
    [ind('the request was sent to Brussels', 'Senior Moldovan officials', 'confirmed')]],
  ['the reported clause stops before the reporter’s "but"', 'The army claimed its forces had captured the village, but this could not be independently verified.',
    [ind('its forces had captured the village', 'The army', 'claimed')]],
  ['a date after the subject is not part of the speaker', 'Nigeria today announced that it would withdraw its peacekeepers.',
    [ind('it would withdraw its peacekeepers', 'Nigeria', 'announced')]],
  ['a date inside a post-posed attribution is not part of the speaker', 'The border stays closed, a senior official on Monday said.',
    [ind('The border stays closed', 'a senior official', 'said')]],
  ['a reduced relative clause belongs to the speaker', 'Aid groups operating in the region said the road was blocked.',
    [ind('the road was blocked', 'Aid groups operating in the region', 'said')]],
  ['a post-nominal adjective phrase belongs to the speaker', 'Fighters loyal to the former governor said they had taken the airport.',
    [ind('they had taken the airport', 'Fighters loyal to the former governor', 'said')]],
  ['a parenthesis inside the speaker name', 'The Popular Front (PF) party has said it will boycott the vote.',
    [ind('it will boycott the vote', 'The Popular Front (PF) party', 'said')]],
  ['a capitalised cue form inside a name is not a cue', 'A curfew was lifted in Upper Nile State that had lasted six months.', []],
  ['"according to" a source with a trailing phrase', 'The convoy was stopped at the border, according to a statement by the interior ministry.',
    [ind('The convoy was stopped at the border', 'a statement', 'according to')]],
  ['"that" after a noun opens a relative clause, not the content', 'The minister announced a plan that would cut fuel imports.', []],
  ['a hearer before "that" belongs to the cue', 'The alliance chief warned allies that the threat was growing.',
    [ind('the threat was growing', 'The alliance chief', 'warned allies')]],
  ['a cue that may take a hearer, used without one', 'The general warned Russia would try again.',
    [ind('Russia would try again', 'The general', 'warned')]],
  ['participle cue after a direct quote takes its speaker', '“We are not leaving,” the mayor said, adding that the evacuation was voluntary.',
    [{ kind: 'direct', text: 'We are not leaving', speaker: 'the mayor', cue: 'said' }, ind('the evacuation was voluntary', 'the mayor', 'adding')]],
  ['a date between cue and bare clause', 'The European Commission said on Thursday it would propose new sanctions.',
    [ind('it would propose new sanctions', 'The European Commission', 'said')]],
  ['a name in apposition belongs to the speaker', 'The spokesperson, Maria Zakharova, said Moscow would respond “symmetrically”.',
    [mix('Moscow would respond “symmetrically”', 'The spokesperson, Maria Zakharova', 'said')]],
  ['"As X said, …"', 'As the chancellor said last week, the war will end at the negotiating table.',
    [ind('the war will end at the negotiating table', 'the chancellor', 'said')]],
  ['a cue inside a relative clause reports only that clause', 'The truce, which both sides said they would respect, expires on Friday.',
    [ind('they would respect', 'both sides', 'said')]],
  ['a participle phrase with any preposition belongs to the speaker', 'A joint statement issued after the meeting said both sides were committed to dialogue.',
    [ind('both sides were committed to dialogue', 'A joint statement issued after the meeting', 'said')]],
  ['"said little" is not a quote', 'The president has said little about the talks.', []],
  ['"said nothing" is not a quote', 'Asked about the talks, the minister said nothing.', []],
  ['negated cue is not a quote', 'The White House has not publicly confirmed whether the meeting will take place.', []],
  ['"did not say whether" is not a quote', 'The spokesman did not say whether the meeting had been cancelled.', []],
  ['passive "was told" is not the speaker', 'The delegation was told that the border would stay closed.', []],
  ['a noun "say" is not a cue', 'Smaller states want a say in the final settlement.', []],
  ['a cue with a noun object is not a quote', 'Russia announced a unilateral ceasefire for the holiday.', []],
  ['"urging" with a noun object is not a quote', 'Trump’s comments urging faster progress drew criticism in Kyiv.', []],
  ['mixed: indirect speech with a quoted fragment', 'Macron has said he is ready to host “a serious conversation” between the two leaders.',
    [mix('he is ready to host “a serious conversation” between the two leaders', 'Macron', 'said')]],
  ['mixed: a one-word fragment', 'The president has said he is willing to change his travel plans “completely” if the summit goes ahead.',
    [mix('he is willing to change his travel plans “completely” if the summit goes ahead', 'The president', 'said')]],
  ['mixed: fragment at the end of the content', 'Iran’s foreign minister said talks with Washington were “constructive but difficult”.',
    [mix('talks with Washington were “constructive but difficult”', 'Iran’s foreign minister', 'said')]],
  ['mixed: attributed fragment inside the reporter’s clause', 'He called the proposal “a betrayal of everything we fought for,” an aide said.',
    [mix('He called the proposal “a betrayal of everything we fought for,”', 'an aide', 'said')]],
  ['indirect then direct in the next sentence', 'She said the talks had stalled. “There is nothing more to discuss,” she added.',
    [ind('the talks had stalled', 'She', 'said'), { kind: 'direct', text: 'There is nothing more to discuss', speaker: 'she', cue: 'added' }]],
];

for (const [behaviour, text, expected] of cases) {
  test(`quotes › indirect › ${behaviour}`, () => {
    assert.deepEqual(gists(readQuotes(text)), expected);
  });
}

// quoteContaining: which quote an offset range is reported in. [behaviour, text, the phrase looked up, expected quote text or null]
const containing: [string, string, string, string | null][] = [
  ['an event inside indirect speech', 'Officials said Russian forces shelled the port.', 'shelled', 'Russian forces shelled the port'],
  ['nested reported speech gives the innermost quote', 'The envoy said the minister had told him that the talks had collapsed.', 'collapsed', 'the talks had collapsed'],
  ['the cue itself is not inside any quote', 'Officials said Russian forces shelled the port.', 'said', null],
  ['a sentence without speech', 'Russian forces shelled the port.', 'shelled', null],
];
for (const [behaviour, text, phrase, expected] of containing) {
  test(`quotes › quoteContaining › ${behaviour}`, () => {
    const doc = readQuotes(text);
    const at = text.indexOf(phrase);
    assert.equal(quoteContaining(doc.quotes ?? [], at, at + phrase.length)?.text ?? null, expected);
  });
}
