/**
 * Synthetic wire copy for the queue tests and the queue benchmark: short articles written for
 * this project, deterministic per index, varied in actors, verbs, places and dates, each with at
 * least one event-bearing sentence and a unique detail so no two share a content hash.
 */
const COUNTRIES = [
  ['France', 'French', 'Paris'], ['Germany', 'German', 'Berlin'], ['Japan', 'Japanese', 'Tokyo'],
  ['Brazil', 'Brazilian', 'Brasilia'], ['India', 'Indian', 'New Delhi'], ['Kenya', 'Kenyan', 'Nairobi'],
  ['Egypt', 'Egyptian', 'Cairo'], ['Turkey', 'Turkish', 'Ankara'], ['Mexico', 'Mexican', 'Mexico City'],
  ['Canada', 'Canadian', 'Ottawa'], ['Poland', 'Polish', 'Warsaw'], ['Indonesia', 'Indonesian', 'Jakarta'],
  ['Nigeria', 'Nigerian', 'Abuja'], ['Argentina', 'Argentine', 'Buenos Aires'], ['Vietnam', 'Vietnamese', 'Hanoi'],
  ['Norway', 'Norwegian', 'Oslo'], ['Qatar', 'Qatari', 'Doha'], ['Ukraine', 'Ukrainian', 'Kyiv'],
] as const;

const ACTS = [
  (a: string, b: string) => `${a} signed a trade agreement with ${b} on {day}.`,
  (a: string, b: string) => `The foreign minister of ${a} met her counterpart from ${b} on {day} to discuss border security.`,
  (a: string, b: string) => `${a} accused ${b} of violating the ceasefire along the frontier on {day}.`,
  (a: string, b: string) => `${a} called on ${b} to release the detained journalists, officials said on {day}.`,
  (a: string, b: string) => `${a} condemned the missile strike carried out by ${b} on {day}.`,
  (a: string, b: string) => `${a} offered humanitarian aid to ${b} after the floods, the ministry said on {day}.`,
  (a: string, b: string) => `The president of ${a} visited ${b} on {day} for talks on energy cooperation.`,
  (a: string, b: string) => `${a} expelled two diplomats from ${b} on {day}, citing espionage.`,
  (a: string, b: string) => `${a} threatened to impose sanctions on ${b} over the disputed election.`,
  (a: string, b: string) => `${a} and ${b} agreed on {day} to resume negotiations on a peace deal.`,
];

const FILLER = [
  'Analysts said the move reflected months of quiet diplomacy behind the scenes.',
  'Officials declined to give further details about the timetable.',
  'Markets in the region reacted calmly to the announcement.',
  'Opposition lawmakers criticised the government for acting without consulting parliament.',
  'The statement did not say when the next round of meetings would take place.',
  'Diplomats described the atmosphere of the meeting as frank but constructive.',
];

const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** A small deterministic generator (mulberry32), so article n is the same on every run. */
function random(seed: number): () => number {
  let t = seed >>> 0;
  return () => {
    t = (t + 0x6d2b79f5) >>> 0;
    let r = Math.imul(t ^ (t >>> 15), 1 | t);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SyntheticArticle { id: string; title: string; text: string; published: string; source: string }

/** Article number `n` of a synthetic corpus (`words` ≈ target length). */
export function syntheticArticle(n: number, words = 120): SyntheticArticle {
  const rnd = random(n * 7919 + 17);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const a = pick(COUNTRIES);
  let b = pick(COUNTRIES);
  while (b === a) b = pick(COUNTRIES);
  const day = pick(DAYS);
  const lead = pick(ACTS)(a[0], b[0]).replace('{day}', day);
  const sentences = [`${a[2].toUpperCase()} — ${lead}`];
  let length = lead.split(' ').length;
  while (length < words) {
    const s = rnd() < 0.35 ? pick(ACTS)(pick(COUNTRIES)[0], b[0]).replace('{day}', pick(DAYS)) : pick(FILLER);
    sentences.push(s);
    length += s.split(' ').length;
  }
  // A unique, harmless detail keeps every article's content hash distinct.
  sentences.push(`The talks involved ${n + 2} ${a[1]} delegates, according to a statement.`);
  const month = 1 + (n % 12), date = 1 + (n % 28);
  return {
    id: `synthetic-${n}`,
    title: `${a[0]} and ${b[0]}: ${lead.split(' ').slice(1, 6).join(' ')}`,
    text: sentences.join(' '),
    published: `2025-${String(month).padStart(2, '0')}-${String(date).padStart(2, '0')}`,
    source: pick(['Test Wire', 'Example News', 'Sample Herald']),
  };
}

export function syntheticArticles(count: number, start = 0, words?: number): SyntheticArticle[] {
  return Array.from({ length: count }, (_, i) => syntheticArticle(start + i, words));
}
