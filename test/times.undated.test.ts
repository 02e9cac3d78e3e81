// With no publication date a relative expression keeps X placeholders and no range: Parley never
// dates an article by the clock of the machine reading it. Absolute dates still resolve.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findTimes } from '../src/times/index.js';

const cases: [sentence: string, phrase: string, value: string | null][] = [
  ['Ukraine wants a meeting this week.', 'this week', 'XXXX-WXX'],
  ['Officials confirmed on Monday that the request was sent.', 'Monday', 'XXXX-WXX-1'],
  ['Zelensky is expected to travel this month.', 'this month', 'XXXX-XX'],
  ['Shelling resumed yesterday.', 'yesterday', 'XXXX-XX-XX'],
  ['The army lost ground last year.', 'last year', 'XXXX'],
  ['The treaty was signed in March.', 'March', 'XXXX-03'],
  ['The envoys will meet again on October 20.', 'October 20', 'XXXX-10-20'],
  ['Officials fear shortages this winter.', 'this winter', 'XXXX-WI'],
  ['The talks started two weeks ago.', 'two weeks ago', 'PAST_REF'],
  ['The statement was released this morning.', 'this morning', 'XXXX-XX-XXTMO'],
  ['Revenue rose in the third quarter.', 'the third quarter', 'XXXX-Q3'],
  // absolute and non-anchored values are unaffected
  ['The accord was signed on October 13, 2025.', 'October 13, 2025', '2025-10-13'],
  ['The two countries broke off relations in 1998.', '1998', '1998'],
  ['The war has lasted three years.', 'three years', 'P3Y'],
  ['Tensions have recently eased.', 'recently', 'PAST_REF'],
];

for (const [sentence, phrase, value] of cases) {
  test(`times › undated "${phrase}" → ${value}`, () => {
    const hit = findTimes(sentence, null).find((t) => t.text === phrase);
    assert.ok(hit, `"${phrase}" not found`);
    assert.equal(hit.value, value);
    if (value && /X|REF/.test(value)) assert.equal(hit.range, null);
  });
}
