// Words that look like times but are not: modal "may", names with weekdays or seasons, counts,
// model numbers, ages. Sentences written for Parley.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findTimes } from '../src/times/index.js';

const PUB = '2025-10-14';

const cases: [sentence: string, notATime: string][] = [
  ['Putin may visit Beijing.', 'may'],
  ['Protesters will march on the parliament.', 'march'],
  ['The minister told the Sunday Times that talks had stalled.', 'Sunday'],
  ['The Arab Spring reshaped the region.', 'Spring'],
  ['Some 1500 troops crossed the border.', '1500'],
  ['The Russell 2000 Index fell.', '2000'],
  ['A new iLife \'11 suite was shown.', "'11"],
  ['One day, peace will come.', 'One day'],
  ['Prices fall when demand drops.', 'fall'],
  ['The fall of Kabul shocked the allies.', 'fall'],
  ['He is in his 70s and still travels.', '70s'],
  ['About a quarter of the dealers will close.', 'a quarter'],
  ['The Daily Mail reported the meeting.', 'Daily'],
  ['The leak was confirmed, a Saudi-owned weekly said.', 'weekly'],
  ['The talks covered the future of long-range weapons.', 'the future'],
  ['Aid worth $2025 million arrived.', '2025'],
  ['A second attempt at talks failed.', 'A second'],
];

for (const [sentence, phrase] of cases) {
  test(`times › "${phrase}" in "${sentence}" is not a time expression`, () => {
    const found = findTimes(sentence, PUB);
    assert.ok(!found.some((t) => t.text.toLowerCase().includes(phrase.toLowerCase())), found.map((t) => t.text).join(', '));
  });
}
