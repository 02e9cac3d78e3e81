// Which Monday is "on Monday": the clause tense decides (past: on or before the publication day;
// future, scheduled or planned: on or after it). Published Tuesday 2025-10-14. Sentences written
// for Parley.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findTimes } from '../src/times/index.js';

const cases: [string, string, string][] = [
  ['Zelensky said he would travel to Washington on Friday.', 'Friday', '2025-10-17'],
  ['Zelensky said on Friday he would travel.', 'Friday', '2025-10-10'],
  ['The meeting, which took place on Sunday, ended without a deal.', 'Sunday', '2025-10-12'],
  ['Officials, speaking on Monday, said the talks had failed.', 'Monday', '2025-10-13'],
  ['The vote, due on Thursday, could decide the war.', 'Thursday', '2025-10-16'],
  ['Negotiators hope to reach a deal by Friday.', 'Friday', '2025-10-17'],
  ['Kyiv has until Friday to respond.', 'Friday', '2025-10-17'],
  ['Russia launched a missile attack on Kyiv early on Sunday, officials said.', 'Sunday', '2025-10-12'],
  ['Elections will be held on Sunday.', 'Sunday', '2025-10-19'],
  ['On Thursday, the UN Security Council is expected to vote.', 'Thursday', '2025-10-16'],
  ["Thursday's vote is expected to pass.", 'Thursday', '2025-10-16'],
  ['Talks on Monday ended in deadlock.', 'Monday', '2025-10-13'],
  ['Putin and Xi met in Beijing on Wednesday and agreed to deepen ties.', 'Wednesday', '2025-10-08'],
  ['The president, who arrives in Paris on Thursday, will meet Macron.', 'Thursday', '2025-10-16'],
  ['A ceasefire took effect at midnight on Saturday.', 'Saturday', '2025-10-11'],
  ['The deal must be ratified by Sunday.', 'Sunday', '2025-10-19'],
  ['Protests are planned for Saturday.', 'Saturday', '2025-10-18'],
  ['It was not clear whether talks would resume on Monday.', 'Monday', '2025-10-20'],
  ['The envoy, who met Hamas leaders on Saturday, is due in Cairo on Thursday.', 'Saturday', '2025-10-11'],
  ['The envoy, who met Hamas leaders on Saturday, is due in Cairo on Thursday.', 'Thursday', '2025-10-16'],
  ['Turkey said it had hosted talks on Friday and would host more next week.', 'Friday', '2025-10-10'],
  ['Ministers are meeting in Luxembourg on Monday to discuss sanctions.', 'Monday', '2025-10-20'],
  ['He told reporters after Sunday\'s vote that he had won.', 'Sunday', '2025-10-12'],
  ['The ban takes effect on Saturday.', 'Saturday', '2025-10-18'],
  ['The UN will hold an emergency session Wednesday.', 'Wednesday', '2025-10-15'],
  ['Fighting eased on Saturday but resumed on Sunday.', 'Sunday', '2025-10-12'],
  ['Palestinians and Israelis failed to reach agreement on the fate of the offices Sunday.', 'Sunday', '2025-10-12'],
  ['Police used water cannon to disperse protesters on Monday night.', 'Monday night', '2025-10-13TNI'],
  ['Farmers blocked roads on Sunday to press their demands.', 'Sunday', '2025-10-12'],
  ['The group is building new weapons, according to a media report Sunday.', 'Sunday', '2025-10-12'],
  ['The two sides agreed to exchange prisoners on Friday.', 'Friday', '2025-10-17'],
];

for (const [sentence, weekday, value] of cases) {
  test(`times › tense: "${weekday}" in "${sentence}" → ${value}`, () => {
    const found = findTimes(sentence, '2025-10-14').filter((t) => t.text.includes(weekday));
    assert.ok(found.length > 0, `"${weekday}" not found`);
    assert.ok(found.some((t) => t.value === value), found.map((t) => `${t.text}=${t.value}`).join(', '));
  });
}
