import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gists, readQuotes, type QuoteGist } from './quotes.fixtures.js';

const d = (text: string, speaker: string | null, cue: string | null): QuoteGist => ({ kind: 'direct', text, speaker, cue });

// [behaviour, article text, expected quotes in text order]
const cases: [string, string, QuoteGist[]][] = [
  ['curly marks, speaker after the cue-first attribution',
    '“The talks were productive,” said Foreign Minister Andrii Sybiha.',
    [d('The talks were productive', 'Foreign Minister Andrii Sybiha', 'said')]],
  ['straight marks',
    '"The talks were productive," said Foreign Minister Andrii Sybiha.',
    [d('The talks were productive', 'Foreign Minister Andrii Sybiha', 'said')]],
  ['anonymous speaker before the cue',
    '“Nothing has been agreed yet,” one senior Polish official said.',
    [d('Nothing has been agreed yet', 'one senior Polish official', 'said')]],
  ['cue with its hearer',
    '“There is no alternative to diplomacy,” Sybiha told Reuters.',
    [d('There is no alternative to diplomacy', 'Sybiha', 'told Reuters')]],
  ['attribution before the quote with a colon; the place is not part of the cue',
    'The minister told reporters in Brussels: “We expect an answer by Friday.”',
    [d('We expect an answer by Friday.', 'The minister', 'told reporters')]],
  ['attribution before the quote with a comma',
    'Sybiha said, “Ukraine will not trade territory for peace.”',
    [d('Ukraine will not trade territory for peace.', 'Sybiha', 'said')]],
  ['quote split by its attribution across a sentence break',
    '“We will not yield,” she said. “Never.”',
    [d('We will not yield', 'she', 'said'), d('Never.', 'she', 'said')]],
  ['quote split by its attribution inside one sentence',
    '“We are ready to talk,” the president said, “but not under fire.”',
    [d('We are ready to talk', 'the president', 'said'), d('but not under fire.', 'the president', 'said')]],
  ['continuation after an attribution with an adjunct',
    '“Our position has not changed,” a Kremlin spokesman said on Tuesday. “The ball is in the other court.”',
    [d('Our position has not changed', 'a Kremlin spokesman', 'said'), d('The ball is in the other court.', 'a Kremlin spokesman', 'said')]],
  ['quote continued into the next paragraph without a closing mark',
    '“The first round went well.\n\n“We now expect concrete steps,” the negotiator said.',
    [d('The first round went well.\n\n“We now expect concrete steps', 'the negotiator', 'said')]],
  ['new paragraph quote attributed by a pronoun',
    '“The shelling continued through the night,” a local official told the BBC.\n\n“Nobody slept,” she added.',
    [d('The shelling continued through the night', 'a local official', 'told the BBC'), d('Nobody slept', 'she', 'added')]],
  ['question mark inside the quote, inverted attribution',
    '“Is this the end of the process?” asked one European diplomat.',
    [d('Is this the end of the process?', 'one European diplomat', 'asked')]],
  ['cue "wrote"',
    '“This is not the time for half measures,” Scholz wrote on social media.',
    [d('This is not the time for half measures', 'Scholz', 'wrote')]],
  ['apposition after an inverted speaker is not part of the speaker',
    '“We have to be realistic,” said Kaja Kallas, the bloc’s foreign policy chief.',
    [d('We have to be realistic', 'Kaja Kallas', 'said')]],
  ['relative clause between speaker and cue',
    '“The corridor will stay open,” the official, who asked not to be named, said.',
    [d('The corridor will stay open', 'the official', 'said')]],
  ['British single marks',
    '‘We will return to the table,’ the envoy said.',
    [d('We will return to the table', 'the envoy', 'said')]],
  ['straight single marks, apostrophes inside',
    "'We won't return to the table,' the envoy said.",
    [d("We won't return to the table", 'the envoy', 'said')]],
  ['nested single marks stay inside the quote',
    '“They called it ‘a final offer’, and we refused,” the negotiator said.',
    [d('They called it ‘a final offer’, and we refused', 'the negotiator', 'said')]],
  ['unattributed long quote keeps no speaker',
    'The statement was short. “The government of Ukraine remains open to every serious proposal.”',
    [d('The government of Ukraine remains open to every serious proposal.', null, null)]],
  ['scare quotes around a term are not a quote',
    'The so-called “peace plan” was published on Monday.',
    []],
  ['a quoted title is not a quote',
    'Officials met at the “Friends of Syria” conference in Paris.',
    []],
  ['two quotes by two speakers',
    '“We want a ceasefire,” the Ukrainian envoy said. “We want guarantees first,” his Russian counterpart replied.',
    [d('We want a ceasefire', 'the Ukrainian envoy', 'said'), d('We want guarantees first', 'his Russian counterpart', 'replied')]],
  ['hyphenated title heads the speaker', '“This is a dangerous moment,” the UN secretary-general told the Security Council.',
    [d('This is a dangerous moment', 'the UN secretary-general', 'told the Security Council')]],
  ['a participle cue after the attribution continues with the same speaker',
    '“We are prepared to negotiate,” the foreign minister told state television, adding that no offer had arrived.',
    [d('We are prepared to negotiate', 'the foreign minister', 'told state television'),
      { kind: 'indirect', text: 'no offer had arrived', speaker: 'the foreign minister', cue: 'adding' }]],
  ['phrase cue before the quote', 'One official put it bluntly: “There is no second plan.”',
    [d('There is no second plan.', 'One official', 'put it')]],
  ['"according to" after an attributed quote adds no second quote', '“We are ready,” the spokesman told reporters, according to the state news agency.',
    [d('We are ready', 'the spokesman', 'told reporters')]],
  ['speaker name with a title before the cue',
    '“The alliance is united,” NATO Secretary General Mark Rutte told journalists.',
    [d('The alliance is united', 'NATO Secretary General Mark Rutte', 'told journalists')]],
];

for (const [behaviour, text, expected] of cases) {
  test(`quotes › direct › ${behaviour}`, () => {
    assert.deepEqual(gists(readQuotes(text)), expected);
  });
}

test('quotes › direct › an unclosed mark is diagnosed and the attributed words are still read', () => {
  const doc = readQuotes('“We will never accept this, the minister said.\n\nThe talks ended.');
  assert.deepEqual(gists(doc), [d('We will never accept this', 'the minister', 'said')]);
  assert.ok(doc.diagnostics.some((x) => x.code === 'P400' && x.start === 0));
});

// Odd input never throws and every span still holds its text (readQuotes checks the spans).
const oddInputs: [string, string][] = [
  ['only marks', '“”"" ‘’'],
  ['a mark at the very end', 'The minister said “'],
  ['a closing mark first', '” he said. “We agree,” she said.'],
  ['many unbalanced marks', '“a “b “c ” d " e “ f'],
  ['Windows line endings inside a continued quote', '“One.\r\n\r\n“Two,” he said.'],
  ['a cue at the very start and end', 'Said. Officials said'],
  ['a lone pronoun and cue', 'He said.'],
  ['"according to" with nothing after it', 'The talks failed, according to'],
];
for (const [behaviour, text] of oddInputs) {
  test(`quotes › robustness › ${behaviour}`, () => {
    assert.doesNotThrow(() => readQuotes(text));
  });
}
