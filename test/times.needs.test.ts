// The quick pre-tests of the time rules (RULE_WORDS, RULE_NEEDS): a rule is skipped on a text that lacks one
// of its words or needs, so every word list and need must hold wherever the rule's expression matches. RULE_FIRST
// likewise: a rule is tried only where its matches can begin, so every match must begin at such a place. Each phrase names
// the rule that should match it; every other rule that also matches is held to the same check.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RULES, RULE_FIRST, RULE_NEEDS, RULE_WORDS } from '../src/times/rules.js';

const phrases: [phrase: string, rule: string][] = [
  ['the accord was dated 2025-10-14T09:30 in the file', 'iso-date'],
  ['ballots counted on 14/10/2025 were recounted', 'numeric-date'],
  ['talks resume on Tuesday, Oct. 14, 2025 in Geneva', 'month-day'],
  ['the vote on the 3rd of March 1999 was close', 'day-month'],
  ['in the second week of September the envoys met', 'nth-week-of-month'],
  ['early in last June the border closed', 'month'],
  ['the final fiscal quarter of 2024 was weak', 'quarter'],
  ['figures for Q3 2024 and Q4’25 came out', 'quarter-code'],
  ['in the first half of next year the troops leave', 'half-year'],
  ['the mid-1990s crisis and the 2008 summit', 'year'],
  ['since the late 19th century the river marked the border', 'century'],
  ['in the early 1980s and the ’90s the war went on', 'decade'],
  ['the class of ’98 met again', 'apostrophe-year'],
  ['they meet this coming Friday evening', 'weekday'],
  ['officials said early tomorrow morning and overnight, not tonight', 'relative-day'],
  ['compared with the same period a year ago and the whole year', 'anaphoric-year'],
  ['later in the coming decade the treaty expires', 'relative-period'],
  ['protests over the weekend spread', 'the-weekend'],
  ['by the very end of the quarter the money ran out', 'period-of-the'],
  ['in the late spring of 2023 the offensive began', 'season'],
  ['three weeks ago the talks broke down', 'ago'],
  ['patrols run every other Monday and every 12 hours', 'set'],
  ['flights resumed daily, twice a week, and the fair is held annually and fortnightly', 'set'],
  ['for nearly two and a half years the siege lasted', 'duration'],
  ['after months of talks and a decades-long feud', 'vague-span'],
  ['right now, and in the foreseeable future, nothing changes', 'vague-reference'],
  ['the following week the ministers met again', 'relative-to-story'],
  ['that same month the embassy closed, at the time', 'that-period'],
  ['at the end of the day the same day ended', 'same-day'],
  ['the strike began at 0600 GMT and ended at 4:30 p.m. local time on Monday, near noon', 'clock'],
  ['the curfew starts at midnight and ends at midday', 'clock'],
  ['late in the afternoon the guns fell silent', 'part-of-day'],
  ['a truce over Christmas Eve and New Year’s Day', 'holiday'],
];

test('times › every rule has an example phrase here', () => {
  const named = new Set(phrases.map(([, rule]) => rule));
  assert.deepEqual(RULES.map((r) => r.name).filter((name) => !named.has(name)), []);
});

test('times › every need names a rule', () => {
  const names = new Set(RULES.map((r) => r.name));
  assert.deepEqual(Object.keys(RULE_NEEDS).filter((name) => !names.has(name)), []);
  assert.deepEqual(Object.keys(RULE_WORDS).filter((name) => !names.has(name)), []);
  assert.deepEqual(Object.keys(RULE_FIRST).filter((name) => !names.has(name)), []);
});

/** The whole words (runs of ASCII letters, lower-cased, and single digits) of a text that lie inside [start, end). */
function wordsWithin(text: string, start: number, end: number): string[] {
  return [...text.matchAll(/[A-Za-z]+|[0-9]/g)].filter((w) => w.index >= start && w.index + w[0].length <= end).map((w) => w[0].toLowerCase());
}

/** Every non-empty match of every rule in a phrase, with its rule. */
function* matchesIn(phrase: string): Generator<{ rule: (typeof RULES)[number]; m: RegExpMatchArray & { index: number } }> {
  for (const rule of RULES) {
    const all = new RegExp(rule.re.source, rule.re.flags.includes('g') ? rule.re.flags : rule.re.flags + 'g');
    for (const m of phrase.matchAll(all)) if (m[0].length > 0) yield { rule, m: m as RegExpMatchArray & { index: number } };
  }
}

for (const [phrase, name] of phrases) {
  test(`times › needs hold where ${name} matches: "${phrase}"`, () => {
    const own = RULES.find((r) => r.name === name);
    assert.ok(own, `no rule named ${name}`);
    const re = new RegExp(own.re.source, own.re.flags);
    assert.ok(re.test(phrase), `${name} does not match its own example`);
    for (const { rule, m } of matchesIn(phrase)) {
      for (const need of RULE_NEEDS[rule.name] ?? []) {
        assert.ok(need.test(m[0]), `${rule.name} matched "${m[0]}", which lacks ${need}`);
      }
    }
  });
}

for (const [phrase, name] of phrases) {
  test(`times › words hold where ${name} matches: "${phrase}"`, () => {
    for (const { rule, m } of matchesIn(phrase)) {
      const inside = wordsWithin(phrase, m.index, m.index + m[0].length);
      for (const words of RULE_WORDS[rule.name] ?? []) {
        assert.ok(words.some((w) => inside.includes(w)), `${rule.name} matched "${m[0]}", which has none of ${words.join(', ')} as a whole word`);
      }
    }
  });
}

const isLetter = (c: string | undefined): boolean => c !== undefined && /[A-Za-z]/.test(c);

for (const [phrase, name] of phrases) {
  test(`times › first words hold where ${name} matches: "${phrase}"`, () => {
    for (const { rule, m } of matchesIn(phrase)) {
      const first = RULE_FIRST[rule.name];
      if (!first) continue;
      const at = m.index;
      if (/[0-9]/.test(phrase[at])) {
        assert.ok(first.digits && !/[0-9]/.test(phrase[at - 1] ?? ''), `${rule.name} matched "${m[0]}", which begins at a digit it does not allow`);
        continue;
      }
      assert.ok(isLetter(phrase[at]) && !isLetter(phrase[at - 1]), `${rule.name} matched "${m[0]}", which does not begin a word`);
      let end = at;
      while (isLetter(phrase[end])) end++;
      const word = phrase.slice(at, end).toLowerCase();
      assert.ok(first.words.includes(word), `${rule.name} matched "${m[0]}", which begins with "${word}", not one of its first words`);
    }
  });
}
