/**
 * The `parley.document/1` output contract and the internal annotation layers.
 *
 * Every span in Parley is `{ start, end }` in UTF-16 code units (JavaScript string indices) into
 * `article.text`, start inclusive, end exclusive, so `text.slice(start, end)` is the span.
 */

export const SCHEMA = 'parley.document/1' as const;

export interface Span {
  start: number;
  end: number;
}

export interface TextSpan extends Span {
  text: string;
}

export interface Article {
  id: string;
  published: string | null;
  title: string | null;
  url: string | null;
  source: string | null;
  text: string;
  /** Byline from HTML, when the page gives one. */
  byline?: string | null;
  /** sha256 of the normalized text: the dedupe key of the store. */
  hash?: string;
}

export type EntityType = 'PERSON' | 'ORG' | 'GPE' | 'LOC' | 'NORP' | 'GROUP';

export interface Entity extends TextSpan {
  id: string;
  type: EntityType;
  actor: string | null;
  /** Anonymous source ("one senior Ukrainian official"). */
  anonymous?: boolean;
}

export interface Actor {
  id: string;
  name: string;
  /** ISO 3166-1 alpha-3, or a class code: IGO, NGO, IMG. */
  country: string | null;
  /** CAMEO/PLOVER agent code: GOV, MIL, REB, OPP, COP, JUD, LEG, CVL, BUS, MED, REF, … */
  sector: string | null;
  title?: string | null;
  wikidata: string | null;
  mentions: string[];
}

export type TimeType = 'DATE' | 'TIME' | 'DURATION' | 'SET';
export type TimeRole = 'event' | 'report' | 'deadline' | 'other';

export interface TimeExpression extends TextSpan {
  id: string;
  type: TimeType;
  /** TimeML TIMEX3 value, e.g. 2025-10-13, 2025-W42, P3W, PRESENT_REF. */
  value: string | null;
  /** First and last day of the period, where the value is a concrete period. */
  range: [string, string] | null;
  role: TimeRole;
  mod?: string | null;
}

export interface Place extends TextSpan {
  id: string;
  name: string;
  country: string | null;
  lat: number;
  lon: number;
  geonameid: number | null;
}

export interface Speaker extends TextSpan {
  actor: string | null;
  name: string | null;
  anonymous: boolean;
  country: string | null;
  sector: string | null;
}

export interface Quote extends TextSpan {
  id: string;
  kind: 'direct' | 'indirect' | 'mixed';
  cue: TextSpan | null;
  speaker: Speaker | null;
}

export const PLOVER_TYPES = [
  'AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT', 'REQUEST',
  'ACCUSE', 'REJECT', 'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT',
] as const;
export type PloverType = (typeof PLOVER_TYPES)[number];

export const FACTUALITIES = ['asserted', 'reported', 'negated', 'hypothetical', 'planned', 'unconfirmed'] as const;
export type Factuality = (typeof FACTUALITIES)[number];

export interface EventParticipant {
  name: string;
  country: string | null;
  sector: string | null;
  /** The actor id in `actors`, where the participant resolved to one. */
  ref: string | null;
  /**
   * Present, as 'sentence', when the text does not give this participant a country and
   * `country` is the one country its sentence names: the event coders' convention for domestic
   * actors ("rebels", "students", "the government", a leader the dictionaries do not know). Absent
   * when the country is the participant's own.
   */
  countryFrom?: 'sentence';
}

export interface Evidence extends Span {
  sentence: number;
  trigger: TextSpan;
}

export interface Event {
  id: string;
  type: PloverType;
  mode: string | null;
  cameo: string;
  quad: number;
  actor: EventParticipant[];
  recipient: EventParticipant[];
  factuality: Factuality;
  attribution: string | null;
  time: string | null;
  place: string | null;
  evidence: Evidence;
  rule: string;
  /** What the event is about, where the sentence names it ("security guarantees", "a meeting"). */
  object?: TextSpan | null;
}

export const THREAD_KINDS = ['meeting', 'aid', 'ceasefire', 'sanctions', 'prisoner-exchange', 'other'] as const;
export type ThreadKind = (typeof THREAD_KINDS)[number];

export interface ThreadStep {
  /** A stored step's number in its thread, by which a store files what each fold adds to it; never printed. */
  key?: number;
  status: string;
  date: string | null;
  events: string[];
  articles: string[];
  /** Distinct outlets that report this step (a syndicated copy counts once). */
  corroboration?: number;
  /** The words each report of this step rests on. */
  evidence?: ThreadEvidence[];
  /** Each article that reports the step, its outlet and a MinHash signature of its text. */
  reports?: ThreadReport[];
  /** The date by which the step after this one was expected ("a meeting this week"). */
  expected?: string | null;
}

export interface ThreadEvidence extends TextSpan {
  article: string;
  /** The event ids the step rests on, or none for a step read from a status cue. */
  events: string[];
}

export interface ThreadReport {
  article: string;
  outlet: string;
  signature: string;
}

export interface Thread {
  id: string;
  kind: ThreadKind;
  title: string;
  participants: string[];
  status: string;
  history: ThreadStep[];
  articles: string[];
  /** The date by which the next step was expected, where the articles give one. */
  expected?: string | null;
  /** True when that date has passed (as of the newest article seen) without the expected step. */
  overdue?: boolean;
  /** Newest date of any step: threads join across articles within a time window of it. */
  updated?: string | null;
}

export interface Diagnostic {
  code: string;
  message: string;
  start?: number;
  end?: number;
  severity?: 'error' | 'warning' | 'info';
}

/** What `parley read` prints: exactly the `parley.document/1` contract. */
export interface ParleyDocument {
  schema: typeof SCHEMA;
  article: Article;
  entities: Entity[];
  actors: Actor[];
  times: TimeExpression[];
  places: Place[];
  quotes: Quote[];
  events: Event[];
  threads: Thread[];
  diagnostics: Diagnostic[];
}

// ---- internal layers (not part of the output) ------------------------------------------------

/** One wink-nlp token with its offsets into the article text. */
export interface Token extends Span {
  /** Index in `Document.tokens`. */
  index: number;
  text: string;
  /** Lower-cased form. */
  lower: string;
  /** Universal POS tag from wink-nlp (NOUN, PROPN, VERB, AUX, ADP, DET, PUNCT, …). */
  pos: string;
  lemma: string;
  /** wink-nlp's negation flag: the token lies in the scope of a negation. */
  negated: boolean;
  /** wink-nlp token type: word, number, punctuation, … */
  kind: string;
  /** Index in `Document.sentences`. */
  sentence: number;
}

export interface Sentence extends Span {
  index: number;
  /** First token index (inclusive). */
  tokenStart: number;
  /** Last token index (exclusive). */
  tokenEnd: number;
}
