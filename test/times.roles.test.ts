// The role of a time expression: the date of a statement (report), of an event, a deadline, or
// other (durations, sets, vague references). Sentences written for Parley.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findTimes } from '../src/times/index.js';

const PUB = '2025-10-14';

const cases: [sentence: string, phrase: string, role: string][] = [
  ['Senior officials confirmed on Monday that the request was conveyed.', 'Monday', 'report'],
  ['The foreign ministry said Friday that talks would continue.', 'Friday', 'report'],
  ['On Monday, officials in Washington said discussions were underway.', 'Monday', 'report'],
  ['The government today announced new sanctions.', 'today', 'report'],
  ['The spokesman told reporters on Wednesday that no decision had been made.', 'Wednesday', 'report'],
  ['Russian forces shelled the city on Sunday.', 'Sunday', 'event'],
  ['The two presidents met in Geneva on Thursday.', 'Thursday', 'event'],
  ['Ukraine has called for a meeting in Washington this week, saying talks are essential.', 'this week', 'event'],
  ['On Sunday, drones struck a fuel depot.', 'Sunday', 'event'],
  ['The deal was signed in March.', 'March', 'event'],
  ['Kyiv wants an answer by Friday.', 'Friday', 'deadline'],
  ['The border will remain closed until Friday.', 'Friday', 'deadline'],
  ['Russia may advance before winter fortifications take effect.', 'winter', 'deadline'],
  ['Parliament must approve the budget no later than December 15.', 'December 15', 'deadline'],
  ['The company faces a June 1 deadline to repay its creditors.', 'June 1', 'deadline'],
  ['Troops are to withdraw by the end of the year.', 'the end of the year', 'deadline'],
  ['Leaders are racing to reach a deal ahead of the November 5 vote.', 'November 5', 'deadline'],
  ['The war has lasted three years.', 'three years', 'other'],
  ['The envoys meet every week.', 'every week', 'other'],
  ['Tensions have recently eased.', 'recently', 'other'],
];

for (const [sentence, phrase, role] of cases) {
  test(`times › role of "${phrase}" in "${sentence}" is ${role}`, () => {
    const hit = findTimes(sentence, PUB).find((t) => t.text === phrase);
    assert.ok(hit, `"${phrase}" not found`);
    assert.equal(hit.role, role);
  });
}
