// Time expressions normalised against fixed publication dates. Every sentence is written for
// Parley. Anchors: 2025-10-14 is a Tuesday in ISO week 42; 2026-01-05 a Monday in week 2 (the
// week before it, 29 Dec–4 Jan, is 2026-W01); 2024-02-29 a leap-day Thursday in week 9.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findTimes } from '../src/times/index.js';

type Case = [sentence: string, published: string, phrase: string, value: string, type?: string];

const TUE = '2025-10-14';
const MON = '2026-01-05';
const LEAP = '2024-02-29';

const cases: Case[] = [
  // weekdays: past clauses look back (the publication day included), future clauses ahead
  ['Senior officials confirmed on Monday that the request had been sent.', TUE, 'Monday', '2025-10-13'],
  ['The envoy arrived in Doha on Sunday.', TUE, 'Sunday', '2025-10-12'],
  ['The foreign ministers met on Friday in Geneva.', TUE, 'Friday', '2025-10-10'],
  ['Negotiators resumed talks Wednesday after a pause.', TUE, 'Wednesday', '2025-10-08'],
  ['The president spoke to reporters on Tuesday.', TUE, 'Tuesday', '2025-10-14'],
  ['The delegations will meet on Thursday in Ankara.', TUE, 'Thursday', '2025-10-16'],
  ['The summit is scheduled for Saturday.', TUE, 'Saturday', '2025-10-18'],
  ['The ceasefire will take effect on Monday.', TUE, 'Monday', '2025-10-20'],
  ['The minister plans to travel to Brussels on Friday.', TUE, 'Friday', '2025-10-17'],
  ['Talks are expected to resume next Tuesday.', TUE, 'next Tuesday', '2025-10-21'],
  ['The rebels withdrew last Friday.', TUE, 'last Friday', '2025-10-10'],
  ['The border crossing will stay closed until Friday.', TUE, 'Friday', '2025-10-17'],
  ['Parliament approved the deal on Monday.', MON, 'Monday', '2026-01-05'],
  ['The cabinet will vote on Friday.', MON, 'Friday', '2026-01-09'],
  ['The talks collapsed on Thursday.', MON, 'Thursday', '2026-01-01'],
  ['Officials briefed the press on Wednesday.', LEAP, 'Wednesday', '2024-02-28'],
  // days relative to the publication date
  ['The ministry said today that the convoy had crossed.', TUE, 'today', '2025-10-14'],
  ['Shelling resumed yesterday near the border.', TUE, 'yesterday', '2025-10-13'],
  ['The envoy flies to Cairo tomorrow.', TUE, 'tomorrow', '2025-10-15'],
  ['Protesters gathered yesterday outside the embassy.', LEAP, 'yesterday', '2024-02-28'],
  ['The vote is expected tomorrow.', LEAP, 'tomorrow', '2024-03-01'],
  ['The prime minister will address the nation tonight.', TUE, 'tonight', '2025-10-14TNI', 'TIME'],
  ['The statement was released this morning.', TUE, 'this morning', '2025-10-14TMO', 'TIME'],
  ['Air raid sirens sounded last night in the capital.', TUE, 'last night', '2025-10-13TNI', 'TIME'],
  ['The two leaders spoke by phone on Monday morning.', TUE, 'Monday morning', '2025-10-13TMO', 'TIME'],
  ['Markets fell sharply earlier today.', TUE, 'earlier today', '2025-10-14'],
  ['The ambassador was summoned the day before yesterday.', TUE, 'the day before yesterday', '2025-10-12'],
  // weeks and weekends
  ['Ukraine wants a meeting this week.', TUE, 'this week', '2025-W42'],
  ['The delegation returned last week.', TUE, 'last week', '2025-W41'],
  ['A new round of talks opens next week.', TUE, 'next week', '2025-W43'],
  ['Negotiators will meet again in the coming week.', TUE, 'the coming week', '2025-W43'],
  ['The mediators met over the weekend.', TUE, 'the weekend', '2025-W41-WE'],
  ['Rallies are planned for next weekend.', TUE, 'next weekend', '2025-W42-WE'],
  ['The government fell last week.', MON, 'last week', '2026-W01'],
  ['The envoy is in the region this week.', MON, 'this week', '2026-W02'],
  ['Inflation data came out this week.', LEAP, 'this week', '2024-W09'],
  ['Troops moved in during the last week of March.', TUE, 'the last week of March', '2025-W13'],
  // months
  ['Zelensky is expected to travel this month.', TUE, 'this month', '2025-10'],
  ['Exports collapsed last month.', TUE, 'last month', '2025-09'],
  ['Elections are due next month.', TUE, 'next month', '2025-11'],
  ['The army launched an offensive earlier this month.', TUE, 'earlier this month', '2025-10'],
  ['The treaty was signed in March.', TUE, 'March', '2025-03'],
  ['The parliament will vote in March.', TUE, 'March', '2026-03'],
  ['Fighting broke out in October.', TUE, 'October', '2025-10'],
  ['A donor conference will be held in December.', TUE, 'December', '2025-12'],
  ['The mission will end in September.', TUE, 'September', '2026-09'],
  ['Aid deliveries stopped in December.', MON, 'December', '2025-12'],
  ['Prices rose last month.', MON, 'last month', '2025-12'],
  ['The visit is planned for next month.', LEAP, 'next month', '2024-03'],
  ['Talks stalled in May after a dispute over prisoners.', TUE, 'May', '2025-05'],
  ['The accord was first drafted in November 2019.', TUE, 'November 2019', '2019-11'],
  ['The troops left in early June.', TUE, 'early June', '2025-06'],
  // absolute days
  ['The accord was signed on October 13, 2025.', TUE, 'October 13, 2025', '2025-10-13'],
  ['The accord was signed on 13 October 2025.', TUE, '13 October 2025', '2025-10-13'],
  ['Fighting resumed on Oct. 3 after a lull.', TUE, 'Oct. 3', '2025-10-03'],
  ['The envoys will meet again on October 20.', TUE, 'October 20', '2025-10-20'],
  ['The rebels seized the town on November 2.', TUE, 'November 2', '2024-11-02'],
  ['The country will hold elections on March 5.', TUE, 'March 5', '2026-03-05'],
  ['The resolution dated 2025-10-13 was adopted.', TUE, '2025-10-13', '2025-10-13'],
  ['The ceasefire of 7/4/2025 held for a week.', TUE, '7/4/2025', '2025-07-04'],
  ['He was born on the 4th of July, 1961.', TUE, 'the 4th of July, 1961', '1961-07-04'],
  ['The deal expires on 1st December.', TUE, '1st December', '2025-12-01'],
  ['Both leaders are expected at the talks on Christmas Eve.', TUE, 'Christmas Eve', '2025-12-24'],
  // years, decades, parts of years
  ['The two countries broke off relations in 1998.', TUE, '1998', '1998'],
  ['The border dispute dates back to the 1990s.', TUE, '1990s', '199'],
  ['The border was drawn in the 19th century.', TUE, 'the 19th century', '18'],
  ['Shelling intensified earlier in the week.', TUE, 'earlier in the week', '2025-W42'],
  ['Prices rose late in the year.', TUE, 'late in the year', '2025'],
  ['The index has not been this low since \'82.', '2008-10-27', '\'82', '1982'],
  ['Growth slowed this year.', TUE, 'this year', '2025'],
  ['The army lost ground last year.', TUE, 'last year', '2024'],
  ['A new constitution will be drafted next year.', TUE, 'next year', '2026'],
  ['The mission will end in mid-2026.', TUE, 'mid-2026', '2026'],
  ['The elections were held in late 2023.', TUE, 'late 2023', '2023'],
  ['Reconstruction will begin later this year.', TUE, 'later this year', '2025'],
  ['The troops will leave by the end of the year.', TUE, 'the end of the year', '2025'],
  ['The agreement runs until the end of next year.', TUE, 'the end of next year', '2026'],
  ['Talks began at the beginning of the year.', TUE, 'the beginning of the year', '2025'],
  ['The economy shrank in the third quarter of 2024.', TUE, 'the third quarter of 2024', '2024-Q3'],
  ['Exports rose in the third quarter.', TUE, 'the third quarter', '2025-Q3'],
  ['Output fell in the fourth quarter.', TUE, 'the fourth quarter', '2024-Q4'],
  ['The firm expects a loss in the fourth quarter.', '2025-08-19', 'the fourth quarter', '2025-Q4'],
  ['Revenue rose in the last quarter.', TUE, 'the last quarter', '2025-Q3'],
  ['Revenue fell in Q3 2024.', TUE, 'Q3 2024', '2024-Q3'],
  ['The pipeline opens in the first half of next year.', TUE, 'the first half of next year', '2026-H1'],
  ['Sales fell in the third quarter of 2024 from the same quarter a year earlier.', TUE, 'the same quarter a year earlier', '2023-Q3'],
  ['Exports fell in January from the previous year.', '2009-02-03', 'the previous year', '2008'],
  // seasons
  ['Russia could advance before winter fortifications take effect.', TUE, 'winter', '2025-WI'],
  ['Officials fear shortages this winter.', TUE, 'this winter', '2025-WI'],
  ['The grid was attacked last winter.', TUE, 'last winter', '2024-WI'],
  ['The offensive stalled last summer.', TUE, 'last summer', '2025-SU'],
  ['A counteroffensive is expected next summer.', TUE, 'next summer', '2026-SU'],
  ['The talks began in the spring.', TUE, 'the spring', '2025-SP'],
  ['Kyiv needs air defence before the winter.', TUE, 'the winter', '2025-WI'],
  ['Fuel is running low this winter.', MON, 'this winter', '2025-WI'],
  ['The peace plan was unveiled in autumn 2022.', TUE, 'autumn 2022', '2022-FA'],
  ['Officials said deliveries were expected before winter.', TUE, 'winter', '2025-WI'],
  ['The governor accused Moscow of targeting the grid ahead of winter.', TUE, 'winter', '2025-WI'],
  ['The summit was scheduled for Friday.', TUE, 'Friday', '2025-10-17'],
  // ago and in
  ['The talks started two weeks ago.', TUE, 'two weeks ago', '2025-09-30'],
  ['The envoy arrived three days ago.', TUE, 'three days ago', '2025-10-11'],
  ['The ministry was reorganised two years ago.', TUE, 'two years ago', '2023'],
  ['The blockade began a month ago.', TUE, 'a month ago', '2025-09'],
  ['The inspectors will return in two weeks.', TUE, 'two weeks', '2025-10-28'],
  ['The parties will meet again in three months.', TUE, 'three months', '2026-01'],
  // durations
  ['The war has lasted three years.', TUE, 'three years', 'P3Y', 'DURATION'],
  ['The talks followed several weeks of mixed signals.', TUE, 'several weeks', 'PXW', 'DURATION'],
  ['The region has seen a fifty-year conflict.', TUE, 'fifty-year', 'P50Y', 'DURATION'],
  ['The deal took almost two and a half years to negotiate.', TUE, 'almost two and a half years', 'P2.5Y', 'DURATION'],
  ['The ceasefire lasted 48 hours.', TUE, '48 hours', 'PT48H', 'DURATION'],
  ['The meeting ran for 90 minutes.', TUE, '90 minutes', 'PT90M', 'DURATION'],
  ['Violence has declined over the past decade.', TUE, 'the past decade', 'P10Y', 'DURATION'],
  ['Aid will be cut over the next four years.', TUE, 'the next four years', 'P4Y', 'DURATION'],
  ['The convoy was delayed for a few days.', TUE, 'a few days', 'PXD', 'DURATION'],
  ['The two sides have been at odds for years.', TUE, 'years', 'PXY', 'DURATION'],
  ['The economy contracted for two consecutive quarters.', TUE, 'two consecutive quarters', 'P2Q', 'DURATION'],
  ['Delegates held a 12-hour session.', TUE, '12-hour', 'PT12H', 'DURATION'],
  ['The truce held for a fortnight.', TUE, 'a fortnight', 'P2W', 'DURATION'],
  ['The sanctions will remain for six months.', TUE, 'six months', 'P6M', 'DURATION'],
  ['The blockade has lasted a decade.', TUE, 'a decade', 'P10Y', 'DURATION'],
  ['Prices rose during the past week.', TUE, 'the past week', 'P1W', 'DURATION'],
  ['The decade-long blockade ended.', TUE, 'decade-long', 'P10Y', 'DURATION'],
  ['The years-long dispute was settled.', TUE, 'years-long', 'PXY', 'DURATION'],
  ['Diplomats have spent 1,000 days on the file.', TUE, '1,000 days', 'P1000D', 'DURATION'],
  ['The ceasefire held for half a year.', TUE, 'half a year', 'P6M', 'DURATION'],
  ['The call lasted half an hour.', TUE, 'half an hour', 'PT30M', 'DURATION'],
  // sets
  ['The envoys meet every week.', TUE, 'every week', 'P1W', 'SET'],
  ['The ministry publishes daily casualty figures.', TUE, 'daily', 'P1D', 'SET'],
  ['The annual summit opens in Brussels.', TUE, 'annual', 'P1Y', 'SET'],
  ['The plant produces 15 tanks a year.', TUE, 'a year', 'P1Y', 'SET'],
  ['Monitors visit the line every Monday.', TUE, 'every Monday', 'XXXX-WXX-1', 'SET'],
  ['The council issues weekly reports.', TUE, 'weekly', 'P1W', 'SET'],
  // clock times take their day from the sentence
  ['The ceasefire takes effect at 3 p.m. today.', TUE, '3 p.m. today', '2025-10-14T15:00', 'TIME'],
  ['The strike hit the port at 18:00 UTC.', TUE, '18:00 UTC', '2025-10-14T18:00Z', 'TIME'],
  ['The drone struck on Monday at 09:30 GMT.', TUE, '09:30 GMT', '2025-10-13T09:30Z', 'TIME'],
  ['The leaders will meet at 10 a.m. on Thursday.', TUE, '10 a.m. on Thursday', '2025-10-16T10:00', 'TIME'],
  ['The deadline passed at noon.', TUE, 'noon', '2025-10-14T12:00', 'TIME'],
  ['Troops crossed at 0600 GMT.', TUE, '0600 GMT', '2025-10-14T06:00Z', 'TIME'],
  // vague references
  ['As of now, both governments are signalling caution.', TUE, 'now', 'PRESENT_REF'],
  ['The army currently holds the bridge.', TUE, 'currently', 'PRESENT_REF'],
  ['Tensions have recently eased.', TUE, 'recently', 'PAST_REF'],
  ["Trump's recent comments angered Kyiv.", TUE, 'recent', 'PAST_REF'],
  ['A decision is expected soon.', TUE, 'soon', 'FUTURE_REF'],
  ['More strikes are likely in the coming days.', TUE, 'the coming days', 'FUTURE_REF'],
  ['Violence has increased in recent weeks.', TUE, 'recent weeks', 'PAST_REF'],
  ['No deal is expected in the near future.', TUE, 'the near future', 'FUTURE_REF'],
  // anaphora: the day the text is talking about
  ['The index fell on Thursday and closed the day down two percent.', TUE, 'the day', '2025-10-09'],
  ['The talks opened on Monday. The next day the delegations walked out.', TUE, 'The next day', '2025-10-14'],
  ['The envoy landed on October 1. Two days later, he met the president.', TUE, 'Two days later', '2025-10-03'],
  ['The truce began on Friday. The following week, shelling resumed.', TUE, 'The following week', '2025-W42'],
  ['Exports rose in March. The previous month they had fallen.', TUE, 'The previous month', '2025-02'],
  ['The treaty was signed in 2019. The following year, both sides broke it.', TUE, 'The following year', '2020'],
  ['Russia launched forty drones overnight.', TUE, 'overnight', '2025-10-13TNI', 'TIME'],
  ['At the moment, no deal is on the table.', TUE, 'the moment', 'PRESENT_REF'],
  ['The deal must be closed by June 10. If no price is agreed by that time, the state will set one.', TUE, 'that time', '2026-06-10'],
  ['The treaty collapsed in 2019; that year, talks failed twice.', TUE, 'that year', '2019'],
  ['The minister at the time denied the report.', TUE, 'the time', 'PAST_REF'],
];

for (const [sentence, published, phrase, value, type] of cases) {
  test(`times › "${phrase}" in "${sentence}" (published ${published}) → ${value}`, () => {
    const found = findTimes(sentence, published);
    const hit = found.find((t) => t.text === phrase);
    assert.ok(hit, `"${phrase}" not found; found: ${found.map((t) => `"${t.text}"=${t.value}`).join(', ') || 'nothing'}`);
    assert.equal(hit.value, value);
    if (type) assert.equal(hit.type, type);
    assert.equal(sentence.slice(hit.start, hit.end), hit.text);
  });
}
