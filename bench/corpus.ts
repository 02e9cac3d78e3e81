/**
 * A deterministic generator of wire-style articles about diplomatic initiatives, written for
 * Parley's benchmarks: each article reports one step of one initiative (a meeting requested, an
 * aid package stalled …), from one of several outlets, sometimes as a syndicated copy. The
 * expected grouping (which initiative each article belongs to) comes with every article, so the
 * thread tracker can be scored; the same corpus, scaled up, feeds the speed benchmark.
 */

export interface CorpusArticle {
  id: string;
  published: string;
  source: string;
  title: string;
  text: string;
  /** The initiative this article reports on (the expected grouping). */
  initiative: string;
  kind: string;
  status: string;
}

interface Country { code: string; name: string; adj: string; capital: string }

// Facts: names, demonyms and capitals.
const COUNTRIES: Country[] = [
  { code: 'POL', name: 'Poland', adj: 'Polish', capital: 'Warsaw' },
  { code: 'DEU', name: 'Germany', adj: 'German', capital: 'Berlin' },
  { code: 'ARM', name: 'Armenia', adj: 'Armenian', capital: 'Yerevan' },
  { code: 'AZE', name: 'Azerbaijan', adj: 'Azerbaijani', capital: 'Baku' },
  { code: 'NOR', name: 'Norway', adj: 'Norwegian', capital: 'Oslo' },
  { code: 'SDN', name: 'Sudan', adj: 'Sudanese', capital: 'Khartoum' },
  { code: 'IND', name: 'India', adj: 'Indian', capital: 'New Delhi' },
  { code: 'PAK', name: 'Pakistan', adj: 'Pakistani', capital: 'Islamabad' },
  { code: 'USA', name: 'the United States', adj: 'American', capital: 'Washington' },
  { code: 'VEN', name: 'Venezuela', adj: 'Venezuelan', capital: 'Caracas' },
  { code: 'RUS', name: 'Russia', adj: 'Russian', capital: 'Moscow' },
  { code: 'UKR', name: 'Ukraine', adj: 'Ukrainian', capital: 'Kyiv' },
  { code: 'CHN', name: 'China', adj: 'Chinese', capital: 'Beijing' },
  { code: 'GBR', name: 'Britain', adj: 'British', capital: 'London' },
  { code: 'MDA', name: 'Moldova', adj: 'Moldovan', capital: 'Chisinau' },
  { code: 'KEN', name: 'Kenya', adj: 'Kenyan', capital: 'Nairobi' },
  { code: 'ETH', name: 'Ethiopia', adj: 'Ethiopian', capital: 'Addis Ababa' },
  { code: 'JPN', name: 'Japan', adj: 'Japanese', capital: 'Tokyo' },
  { code: 'PHL', name: 'the Philippines', adj: 'Philippine', capital: 'Manila' },
  { code: 'THA', name: 'Thailand', adj: 'Thai', capital: 'Bangkok' },
  { code: 'KHM', name: 'Cambodia', adj: 'Cambodian', capital: 'Phnom Penh' },
  { code: 'TUR', name: 'Turkey', adj: 'Turkish', capital: 'Ankara' },
  { code: 'GRC', name: 'Greece', adj: 'Greek', capital: 'Athens' },
  { code: 'EGY', name: 'Egypt', adj: 'Egyptian', capital: 'Cairo' },
  { code: 'BLR', name: 'Belarus', adj: 'Belarusian', capital: 'Minsk' },
  { code: 'CAN', name: 'Canada', adj: 'Canadian', capital: 'Ottawa' },
  { code: 'MEX', name: 'Mexico', adj: 'Mexican', capital: 'Mexico City' },
  { code: 'FRA', name: 'France', adj: 'French', capital: 'Paris' },
  { code: 'SRB', name: 'Serbia', adj: 'Serbian', capital: 'Belgrade' },
  { code: 'KOR', name: 'South Korea', adj: 'South Korean', capital: 'Seoul' },
];

const OUTLETS = ['Alpha Wire', 'Beta News', 'Gamma Daily', 'Delta Post', 'Epsilon Times', 'Zeta Herald'];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** Status paths per kind; each step is reported by one to three articles. */
const PATHS: Record<string, string[][]> = {
  meeting: [['requested', 'acknowledged', 'scheduled', 'held'], ['requested', 'declined'], ['requested', 'under-discussion', 'postponed']],
  aid: [['pledged', 'stalled', 'delivered'], ['requested', 'pledged', 'delivered']],
  ceasefire: [['proposed', 'under-discussion', 'accepted', 'in-force'], ['proposed', 'rejected']],
  sanctions: [['threatened', 'imposed'], ['imposed', 'eased', 'lifted']],
  'prisoner-exchange': [['proposed', 'agreed', 'carried-out']],
};

type Slots = { A: Country; B: Country; day: string; said: string };
type Template = (s: Slots) => string;

// Sentences written for the project. {A} acts, {B} is the other party.
const TEMPLATES: Record<string, Record<string, Template[]>> = {
  meeting: {
    requested: [
      (s) => `${s.A.name} has asked ${s.B.name} for a meeting between the two foreign ministers, ${s.A.adj} officials said on ${s.day}.`,
      (s) => `${s.A.adj} officials said on ${s.day} that ${s.A.name} had formally requested talks with ${s.B.name} at the level of foreign ministers.`,
      (s) => `${s.A.name} called for a meeting with ${s.B.name} to ease tensions, the ${s.A.adj} foreign ministry ${s.said}.`,
    ],
    acknowledged: [
      (s) => `The ${s.B.adj} government acknowledged receiving the ${s.A.adj} request for a meeting, officials in ${s.B.capital} said on ${s.day}.`,
      (s) => `Officials in ${s.B.capital} said on ${s.day} they had received the request from ${s.A.name} for talks and were considering the request.`,
    ],
    'under-discussion': [
      (s) => `Discussions on a meeting between ${s.A.name} and ${s.B.name} are under way, diplomats from both countries said on ${s.day}.`,
    ],
    scheduled: [
      (s) => `The foreign ministers of ${s.A.name} and ${s.B.name} will meet in ${s.B.capital} next week, both governments said on ${s.day}.`,
      (s) => `${s.A.adj} and ${s.B.adj} officials said on ${s.day} that the meeting of their foreign ministers is scheduled for next week in ${s.B.capital}.`,
    ],
    held: [
      (s) => `The foreign ministers of ${s.A.name} and ${s.B.name} met in ${s.B.capital} on ${s.day} and held talks on security, officials said.`,
      (s) => `${s.A.adj} and ${s.B.adj} ministers held talks in ${s.B.capital} on ${s.day}, their first meeting in months.`,
    ],
    declined: [
      (s) => `${s.B.name} declined the ${s.A.adj} request for a meeting, a ${s.B.adj} government spokesman said on ${s.day}.`,
      (s) => `${s.B.adj} officials said on ${s.day} that ${s.B.name} had turned down the invitation to talks from ${s.A.name}.`,
    ],
    postponed: [
      (s) => `The planned meeting between ${s.A.name} and ${s.B.name} has been postponed, officials in ${s.A.capital} said on ${s.day}.`,
    ],
  },
  aid: {
    requested: [
      (s) => `${s.B.name} asked ${s.A.name} for humanitarian aid after the floods, ${s.B.adj} officials said on ${s.day}.`,
    ],
    pledged: [
      (s) => `${s.A.name} pledged 200 million dollars in humanitarian aid to ${s.B.name} on ${s.day}, the ${s.A.adj} foreign ministry said.`,
      (s) => `The ${s.A.adj} government promised a new aid package for ${s.B.name}, officials in ${s.A.capital} said on ${s.day}.`,
    ],
    stalled: [
      (s) => `The ${s.A.adj} aid for ${s.B.name} has stalled because of customs disputes, aid officials said on ${s.day}.`,
      (s) => `Deliveries of ${s.A.adj} aid to ${s.B.name} have been held up at the border, officials in ${s.B.capital} said on ${s.day}.`,
    ],
    delivered: [
      (s) => `The first ${s.A.adj} aid shipment arrived in ${s.B.name} on ${s.day} and was delivered to families in need, officials said.`,
      (s) => `${s.A.name} delivered the aid package to ${s.B.name} on ${s.day}, the ${s.B.adj} government said.`,
    ],
  },
  ceasefire: {
    proposed: [
      (s) => `${s.A.name} proposed a ceasefire plan to ${s.B.name} on ${s.day}, ${s.A.adj} officials said.`,
      (s) => `${s.A.adj} officials said on ${s.day} that ${s.A.name} had put forward a truce proposal to end the border clashes with ${s.B.name}.`,
    ],
    'under-discussion': [
      (s) => `${s.B.name} is studying the ${s.A.adj} ceasefire proposal, a ${s.B.adj} spokesman said on ${s.day}.`,
    ],
    accepted: [
      (s) => `${s.B.name} accepted the ceasefire proposed by ${s.A.name}, officials in ${s.B.capital} said on ${s.day}.`,
    ],
    'in-force': [
      (s) => `The ceasefire between ${s.A.name} and ${s.B.name} took effect at midnight on ${s.day}, officials said.`,
    ],
    rejected: [
      (s) => `${s.B.name} rejected the ${s.A.adj} ceasefire proposal on ${s.day}, saying it favoured ${s.A.name}.`,
    ],
  },
  sanctions: {
    threatened: [
      (s) => `${s.A.name} threatened ${s.B.name} with new sanctions on ${s.day} over its crackdown on the opposition, ${s.A.adj} officials said.`,
    ],
    imposed: [
      (s) => `${s.A.name} imposed sanctions on ${s.B.name} on ${s.day}, targeting senior officials and state banks, the ${s.A.adj} government said.`,
      (s) => `The ${s.A.adj} government announced new sanctions against ${s.B.adj} officials on ${s.day}.`,
    ],
    eased: [
      (s) => `${s.A.name} eased some sanctions on ${s.B.name} on ${s.day} after the release of political prisoners, officials said.`,
    ],
    lifted: [
      (s) => `${s.A.name} lifted the remaining sanctions on ${s.B.name} on ${s.day}, the ${s.A.adj} government said.`,
    ],
  },
  'prisoner-exchange': {
    proposed: [
      (s) => `${s.A.name} proposed a prisoner exchange with ${s.B.name} on ${s.day}, ${s.A.adj} officials said.`,
    ],
    agreed: [
      (s) => `${s.A.name} and ${s.B.name} agreed to a prisoner exchange, negotiators from both sides said on ${s.day}.`,
    ],
    'carried-out': [
      (s) => `${s.A.name} and ${s.B.name} exchanged 90 prisoners on ${s.day}, officials on both sides said.`,
      (s) => `Dozens of prisoners were freed on ${s.day} as ${s.A.name} and ${s.B.name} carried out a long-awaited prisoner exchange.`,
    ],
  },
};

// Background sentences that add length and vocabulary without reporting a step.
const BACKGROUND: Template[] = [
  (s) => `Relations between ${s.A.name} and ${s.B.name} have been strained for several years.`,
  (s) => `Analysts said the move reflected growing pressure on ${s.A.capital} at home.`,
  (s) => `The two countries last held high-level contacts more than a year ago.`,
  (s) => `Diplomats in ${s.B.capital} described the mood as cautious.`,
  (s) => `Markets in ${s.A.capital} were little changed on the news.`,
];

/** Mulberry32: a small deterministic PRNG, so the corpus is the same on every run. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const addDays = (iso: string, n: number) => new Date(Date.parse(iso) + n * 86_400_000).toISOString().slice(0, 10);

export interface CorpusOptions {
  /** How many initiatives (each a distinct pair and kind). */
  initiatives: number;
  /** Stop after this many articles. */
  articles: number;
  seed?: number;
}

/**
 * Generates the corpus. Initiatives cycle through kinds and country pairs; their steps are spaced
 * days apart and reported by one to three outlets; about one article in eight is a syndicated copy.
 */
export function generateCorpus(options: CorpusOptions): CorpusArticle[] {
  const rand = prng(options.seed ?? 20251014);
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)];
  const kinds = Object.keys(PATHS);
  const out: CorpusArticle[] = [];
  const perInitiative = Math.ceil(options.articles / options.initiatives);
  for (let i = 0; i < options.initiatives && out.length < options.articles; i++) {
    const kind = kinds[i % kinds.length];
    const a = COUNTRIES[(i * 2) % COUNTRIES.length];
    let b = COUNTRIES[(i * 2 + 1 + Math.floor(i / COUNTRIES.length)) % COUNTRIES.length];
    if (b.code === a.code) b = COUNTRIES[(i * 2 + 3) % COUNTRIES.length];
    const path = PATHS[kind][Math.floor(i / kinds.length) % PATHS[kind].length];
    const initiative = `${kind}:${a.code}-${b.code}:${i}`;
    // Initiatives of the same pair and kind are spread far apart in time, beyond the join window.
    let date = addDays('2024-01-01', (i % 15) * 3 + Math.floor(i / 15) * 200);
    let made = 0;
    for (let step = 0; made < perInitiative && out.length < options.articles; step++) {
      const status = path[Math.min(step, path.length - 1)];
      const reports = step < path.length ? 1 + Math.floor(rand() * 3) : 1;
      for (let r = 0; r < reports && made < perInitiative && out.length < options.articles; r++) {
        const day = WEEKDAYS[new Date(Date.parse(date)).getUTCDay()];
        const slots: Slots = { A: a, B: b, day, said: pick(['said', 'said in a statement', 'announced']) };
        const lead = pick(TEMPLATES[kind][status])(slots);
        const body = [lead, pick(BACKGROUND)(slots), pick(BACKGROUND)(slots)];
        const source = OUTLETS[(i + step + r) % OUTLETS.length];
        const text = body.join(' ');
        const n = out.length + 1;
        out.push({ id: `gen-${String(n).padStart(5, '0')}`, published: addDays(date, r), source, title: lead.slice(0, 60), text, initiative, kind, status });
        made++;
        if (rand() < 0.12 && made < perInitiative && out.length < options.articles) {
          out.push({ id: `gen-${String(n + 1).padStart(5, '0')}`, published: addDays(date, r + 1), source: OUTLETS[(i + step + r + 3) % OUTLETS.length], title: lead.slice(0, 60), text: `${text} (Syndicated from ${source}.)`, initiative, kind, status });
          made++;
        }
      }
      date = addDays(date, 3 + Math.floor(rand() * 4));
    }
  }
  return out;
}
