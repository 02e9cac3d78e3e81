/**
 * The event coder: one pass over each sentence finds lexicon triggers, then reads each trigger's
 * actor and recipient from the chunks around it, and how the article commits to it.
 */
import type { Document } from '../document/document.js';
import type { Actor, Event, Factuality, PloverType, Quote, Span } from '../document/types.js';
import { DomesticStates } from './domestic.js';
import type { Lexicon, ObjectRow } from './lexicon.js';
import { SentenceView, type Mention } from './sentence.js';
import { sortShort } from '../document/sort.js';
import { complementMatch, firstRowNaming, infinitiveAfter, matchAt, type Match } from './match.js';
import {
  borrowedRecipient, conditionSubject, dedupe, firstResolvedAfter, mainSubject, nearestOtherParty, PLACE_TARGETS, placeAfter,
  recipientOf, same, subjectOf, type DocContext,
} from './arguments.js';
import { conditionalFollows, inConditional, inFutureClause, isUnconfirmed, reportedBy, underRequest } from './factuality.js';

interface Coded {
  type: PloverType;
  mode: string | null;
  cameo: string;
  actor: Mention[];
  recipient: Mention[];
  factuality: Factuality;
  attribution: string | null;
  first: number;
  last: number;
  head: number;
  rule: string;
}

const POSSESSIVES = new Set(['his', 'her', 'its', 'their', 'our', 'my', 'your']);
const NO_MATCHES: ReadonlyMap<number, Match> = new Map();
const AUX_FUTURE_SKIP = new Set(['have', 'has', 'had', 'be', 'been']);

/** Codes the events of one sentence. */
function codeSentence(view: SentenceView, ctx: CodingContext): Coded[] {
  const { lexicon } = ctx;
  const g = lexicon.grammar;
  const matches: Match[] = [];
  // Most sentences have no trigger: they share one empty map (NO_MATCHES) instead of a map each.
  let matchedHeads: Map<number, Match> | null = null;
  for (let i = 0; i < view.n; i++) {
    const m = matchAt(view, i, lexicon);
    if (!m) continue;
    // "declined to comment", "refused to confirm": what a source withholds from the press, not a rejection.
    if (m.entry.control === 'refuse' && g.pressRefusals.has(view.lemma(infinitiveAfter(view, m.last)))) { i = Math.max(i, m.last); continue; }
    matches.push(m);
    (matchedHeads ??= new Map()).set(i, m);
    i = Math.max(i, m.last);
  }
  const byHead: ReadonlyMap<number, Match> = matchedHeads ?? NO_MATCHES;

  const speech: number[] = [];
  let according = false;
  for (let i = 0; i < view.n; i++) {
    if (view.lower(i) === 'according' && view.lower(i + 1) === 'to') according = true;
    if (view.pos(i) === 'VERB' && g.speechVerbs.has(view.lemma(i)) && !view.isAttributive(i)) speech.push(i);
  }

  const out: Coded[] = [];
  for (const m of matches) {
    for (const c of codeMatch(view, ctx, m, byHead, speech, according)) {
      // "killed two guards and wounded a third", "attacked the post, killing four": one event, told twice.
      const told = (c.type === 'ASSAULT' || c.type === 'COERCE') && out.find((o) => o.type === c.type && o.factuality === c.factuality && o.rule.endsWith('+intent') === c.rule.endsWith('+intent') &&
        (c.actor.length === 0 || c.actor.every((a) => o.actor.some((b) => same(a, b))) || participle(view, o.last, c.head)) && linked(view, o.last, c.head));
      if (!told) out.push(c);
    }
  }
  out.push(...saidMust(view, ctx, speech, byHead));
  ctx.deferTopic(view);
  return out;
}

/**
 * The subject of a sentence (all of it: "Armenia and Azerbaijan agreed … They will meet") becomes
 * the topic for a pronoun opening the next one; else its first resolved mention does.
 */
function passTopic(view: SentenceView, ctx: DocContext): void {
  const subject = mainSubject(view, ctx, view.n).filter((mm) => mm.resolved);
  const firstHead = view.mentions.find((mm) => mm.resolved);
  if (subject.length) ctx.topic = subject;
  else if (firstHead) ctx.topic = [firstHead];
}

/**
 * The coder's document context. The topic each sentence passes on is read only when a later
 * sentence's subject is a pronoun or missing, so it is worked out then: the sentences coded since
 * the last reading pass it on in order, each from the topic before it, as if each had done so
 * when it was coded (their views do not change, and passing it on reads nothing else that does).
 */
class CodingContext implements DocContext {
  private current: Mention[] = [];
  private readonly deferred: SentenceView[] = [];
  private passing = false;

  constructor(
    readonly lexicon: Lexicon,
    readonly actorsById: Map<string, Actor>,
    readonly quotes: Quote[],
    readonly requirePlaced: boolean,
  ) {}

  get topic(): Mention[] {
    if (this.deferred.length && !this.passing) {
      this.passing = true;
      try {
        for (const view of this.deferred) passTopic(view, this);
      } finally {
        this.deferred.length = 0;
        this.passing = false;
      }
    }
    return this.current;
  }

  set topic(topic: Mention[]) {
    this.current = topic;
  }

  /** A sentence is coded: the topic it passes on waits until someone asks for it. */
  deferTopic(view: SentenceView): void {
    this.deferred.push(view);
  }
}

function codeMatch(view: SentenceView, ctx: DocContext, m: Match, byHead: ReadonlyMap<number, Match>, speech: number[], according: boolean): Coded[] {
  const g = ctx.lexicon.grammar;
  const { entry } = m;
  const i = m.head;
  // An event noun ("riots … are continuing") takes its verb group from the verb that follows.
  const chain = view.chain(entry.noun ? m.last : i);
  // "is willing/committed to": an adjective after 'be', not a passive.
  if (entry.controlOnly) chain.passive = false;
  let type: PloverType = entry.type;
  let mode: string | null = entry.mode;
  let cameo = entry.cameo;
  let intent = entry.intent;
  const row = m.row;
  if (row) {
    if (row.type) type = row.type;
    if (row.mode !== undefined) mode = row.mode;
    if (row.cameo) cameo = row.cameo;
    if (row.intent) intent = row.intent;
  }
  if (chain.passive && entry.passive) ({ type, mode, cameo } = entry.passive);
  // "demanded that India withdraw", "urged Japan to apologize": a request no object noun
  // classifies takes its mode from the act it asks for.
  if (type === 'REQUEST' && !row) {
    const asked = governedMatch(view, m, byHead);
    const act = asked ? ctx.lexicon.requestedActs.get(asked.row?.type ?? asked.entry.type) : undefined;
    if (act) {
      mode = act.mode;
      cameo = cameo.startsWith('10') ? act.demand : act.appeal;
    }
  }

  // ---- arguments ----------------------------------------------------------------------------
  let actor: Mention[];
  let recipient: Mention[];
  const requestControl = chain.controls.find((c) => c.cls === 'request' || c.object !== undefined);
  if (entry.noun) {
    // Its actor is its own modifier ("Kurdish riots"; "clashes between X and Y" has none).
    const [a] = view.npEndingAt(i);
    actor = a <= i ? view.heads(a, i) : [];
  } else if (requestControl) {
    // "urged Peru to free the detainees": the one urged is the one to act.
    const [a, b] = view.npStartingAt(requestControl.object ?? requestControl.index + 1);
    actor = a <= b ? view.heads(a, b) : [];
    if (actor.length === 0) actor = subjectOf(view, ctx, chain.start, i, speech);
  } else {
    actor = subjectOf(view, ctx, chain.start, i, speech);
  }
  const from = m.headEnd + 1;
  // For an event noun the recipient is named between the noun and its verb ("riots against X").
  const end = view.clauseEnd(Math.max(from, m.last + 1));
  let viaWith = false;
  if (chain.passive) {
    recipient = actor;
    actor = [];
    for (let k = from; k < end; k++) {
      if (view.lower(k) === 'by') {
        const [a, b] = view.npStartingAt(k + 1, end);
        actor = a <= b ? view.heads(a, b) : [];
        break;
      }
    }
    // "was detained in Bolivia": legal action without an agent is the state's where it happened.
    if (actor.length === 0 && (type === 'COERCE' || type === 'ACCUSE')) {
      ({ mentions: actor } = recipientOf(view, ['in'], from, end));
    }
  } else {
    const direct = recipientOf(view, entry.recipient, from, end);
    viaWith = direct.viaWith;
    // The candidates in order of preference, each worked out only when the ones before it found
    // nobody the dictionary places; 'none' in the slots: the act has no recipient beyond what the
    // clause itself names, so only the first is tried.
    const tries = entry.recipient.includes('none') ? 1 : 5;
    recipient = [];
    for (let k = 0; k < tries; k++) {
      let found: Mention[];
      if (k === 0) found = others(view, actor, direct.mentions);
      else if (k === 1) found = others(view, actor, borrowedRecipient(view, m, end, byHead));
      // "willing to meet if Chile agrees", "threatened to stop talks if the United
      // States goes ahead": the counterpart of a conditional offer or threat is the one the
      // condition waits on.
      else if (k === 2) {
        found = (type === 'AGREE' || type === 'THREATEN') && (entry.control === 'commit' || entry.control === 'threaten' || entry.controlOnly)
          ? others(view, actor, conditionSubject(view, m.last + 1)) : [];
      }
      // A recipient the dictionary could not place yields to a placed one later in the phrase
      // ("food for families displaced by floods in Chad").
      else if (k === 3) found = direct.mentions.length > 0 ? others(view, actor, firstResolvedAfter(view, from)) : [];
      // A place struck, visited or sent to stands for its country ("shelled Kharkiv").
      else found = PLACE_TARGETS.has(type) || mode === 'visit' ? placeAfter(view, from, end) : [];
      if (anyResolved(found)) { recipient = found; break; }
      if (recipient.length === 0) recipient = found;
    }
  }
  actor = dedupe(actor);
  recipient = dedupe(recipient).filter((r) => !actor.some((a) => a.t0 === r.t0 && a.t1 === r.t1));
  // (The actors' countries are a list of one or two: searched, not put in a Set.)
  // "Vietnam and China held talks in Hanoi": with both sides as actors, a recipient of either
  // side's country adds nothing.
  if (countryCount(actor, true) >= 2) recipient = recipient.filter((r) => !hasCountry(actor, r.participant.country));
  if (recipient.some((r) => !hasCountry(actor, r.participant.country))) {
    recipient = recipient.filter((r) => !hasCountry(actor, r.participant.country) || !r.participant.country);
  }
  if (entry.joint && (viaWith || countryCount(actor, false) >= 2)) {
    ({ type, mode, cameo } = entry.joint);
  }
  // "Clashes erupted between Indian and Chinese troops": the two sides are actor and recipient.
  if (entry.noun && actor.length === 0 && recipient.length >= 2) {
    actor = [recipient[0]];
    recipient = recipient.slice(1);
  }
  if (actor.length === 0 && recipient.length === 0) return [];
  if (entry.requiresRecipient && !recipient.some((r) => r.resolved)) return [];
  // Nobody the dictionary can place on either side: too little to code ("two men were killed").
  if (!anyResolved(actor) && !anyResolved(recipient) && ctx.requirePlaced) return [];
  // An attack always has a target: when its clause names none, the sentence's other party is it
  // ("Georgia fears more raids as Russian troops step up attacks").
  if (recipient.length === 0 && (type === 'ASSAULT' || type === 'COERCE') && actor.length > 0 && !chain.passive) {
    recipient = nearestOtherParty(view, i, actor, speech);
  }

  // ---- the commitment verbs take their type from what they commit to --------------------------
  const complement = complementMatch(view, m, byHead);
  if (complement && (entry.control === 'commit' || entry.control === 'threaten')) {
    const ct = complementType(ctx, complement);
    if (entry.control === 'commit' && g.cooperative.has(ct.type) && ct.intent) {
      if (type === 'AGREE') cameo = ct.intent;
    } else if (g.conflictual.has(ct.type) && entry.controlOnly && view.lemma(i) === 'prepare' && !chain.aux.some((a) => a === 'is' || a === 'are' || a === 'was' || a === 'were' || a === 'be' || a === 'been')) {
      // "The navy prepared to resume bombardment": getting forces ready is a show of force.
      type = 'MOBILIZE';
      cameo = '150';
      mode = null;
    } else if (g.conflictual.has(ct.type) && ct.intent && (entry.control === 'threaten' || entry.controlOnly)) {
      type = 'THREATEN';
      cameo = ct.intent;
      mode = null;
    }
  }
  if (mode === null || type === 'AGREE') mode = ctx.lexicon.cameo.get(cameo)?.mode ?? null;

  // ---- factuality -------------------------------------------------------------------------------
  const sentenceSpeech = speech.filter((s) => s !== i);
  const reported = reportedBy(view, ctx.quotes, i, chain, sentenceSpeech, according);
  const negated = chain.negated || chain.controls.some((c) => c.cls === 'refuse') || hasWord(view, i + 1, m.last, 'no');
  const unconfirmed = isUnconfirmed(view, i, chain);
  const inIf = inConditional(view, i);
  const speechBefore = sentenceSpeech.some((s) => s < chain.start);
  const auxFuture = chain.aux.some((a) => g.modalFuture.has(a)) || chain.controls.some((c) => c.lemma === 'go' && view.lower(c.index) === 'going');
  const auxWould = chain.aux.some((a) => g.modalWould.has(a));
  const hypoModal = chain.aux.some((a) => g.modalHypothetical.has(a)) || (auxWould && !speechBefore);
  const controlHypo = chain.controls.some((c) => c.cls === 'request' || c.cls === 'threaten');
  const controlPlanned = chain.controls.some((c) => c.cls === 'commit' || c.cls === 'planned');
  const commitsSelf = entry.control === 'commit' || entry.controlOnly;
  // A conditional offer, or an act announced on a condition ("will attack … if they cross").
  const conditionalAfter = ((type === 'AGREE' && commitsSelf) || auxFuture || auxWould) && conditionalFollows(view, m.last + 1);

  // "is reported to have attacked", "reportedly killed": on someone else's word.
  const hearsay = chain.controls.some((c) => c.cls === 'reported') || hasReportedWord(view, Math.max(0, chain.start - 2), i);
  const base: Factuality = reported.reported || hearsay ? 'reported' : 'asserted';
  let factuality: Factuality = base;
  if (negated) factuality = 'negated';
  else if (unconfirmed) factuality = 'unconfirmed';
  else if (inIf || hypoModal || controlHypo || conditionalAfter || underRequest(view, chain.start) || inFutureClause(view, chain.start)) factuality = 'hypothetical';
  else if (auxFuture || (auxWould && speechBefore) || controlPlanned || chain.purpose) factuality = 'planned';

  const coded: Coded = {
    type, mode, cameo, actor, recipient, factuality, attribution: reported.attribution,
    first: i, last: m.last, head: i, rule: entry.id,
  };
  const out: Coded[] = [coded];

  // ---- an announced act is itself an event: "Chile will send Peru food aid" is AGREE -------
  const announces = !negated && !unconfirmed && !controlHypo && !chain.aux.some((a) => g.modalHypothetical.has(a)) && !inIf &&
    (auxFuture || (auxWould && speechBefore)) && chain.controls.every((c) => c.cls === 'transparent');
  if (announces && (g.cooperative.has(type) || g.conflictual.has(type)) && type !== 'AGREE' && type !== 'THREATEN') {
    const cooperative = g.cooperative.has(type);
    const code = intent || ctx.lexicon.intentDefaults[type] || (cooperative ? '030' : '130');
    let auxIndex = chain.start;
    while (auxIndex < i && AUX_FUTURE_SKIP.has(view.lower(auxIndex))) auxIndex++;
    const intentType: PloverType = cooperative ? 'AGREE' : 'THREATEN';
    const intentFact: Factuality = cooperative && conditionalFollows(view, m.last + 1) ? 'hypothetical' : base;
    out.push({
      ...coded, type: intentType, cameo: code, mode: ctx.lexicon.cameo.get(code)?.mode ?? null,
      factuality: intentFact, first: Math.min(auxIndex, i), rule: `${entry.id}+intent`,
    });
  }
  return out;
}

/** Recipients that are not the actor itself, nor a possessive that refers back to it ("moved his troops"). */
function others(view: SentenceView, actor: readonly Mention[], list: Mention[]): Mention[] {
  return list.filter((r) => !actor.some((a) => (a.t0 === r.t0 && a.t1 === r.t1) ||
    (POSSESSIVES.has(view.lower(r.t0)) && ((a.participant.ref !== null && a.participant.ref === r.participant.ref) ||
      (a.participant.country !== null && a.participant.country === r.participant.country)))));
}

function anyResolved(list: readonly Mention[]): boolean {
  for (const m of list) if (m.resolved) return true;
  return false;
}

/** Some mention has this country (null included, as a Set of the countries would hold it). */
function hasCountry(list: readonly Mention[], country: string | null): boolean {
  for (const m of list) if (m.participant.country === country) return true;
  return false;
}

/** How many different countries the mentions have: null counted as one unless only set ones count. */
function countryCount(list: readonly Mention[], countNull: boolean): number {
  let n = 0;
  for (let k = 0; k < list.length; k++) {
    const c = list[k].participant.country;
    if (!c && !countNull) continue;
    let seen = false;
    for (let j = 0; j < k && !seen; j++) seen = list[j].participant.country === c;
    if (!seen) n++;
  }
  return n;
}

function complementType(ctx: DocContext, m: Match): { type: PloverType; intent: string } {
  const type = m.row?.type ?? m.entry.type;
  const intent = m.row?.intent ?? m.entry.intent ?? ctx.lexicon.intentDefaults[type] ?? '';
  return { type, intent };
}

/** The trigger a request governs: the next one after 'to' or 'that' in the sentence. */
function governedMatch(view: SentenceView, m: Match, byHead: ReadonlyMap<number, Match>): Match | null {
  let opened = false;
  for (let k = m.last + 1; k < view.n && k <= m.last + 15; k++) {
    if (view.isHardPunct(k) && !view.isComma(k)) return null;
    if (view.lower(k) === 'that' || view.isInfinitiveTo(k)) opened = true;
    const found = byHead.get(k);
    if (found) return opened ? found : null;
  }
  return null;
}

/** The second trigger is a participle clause after a comma ("attacked by gunmen, killing four"). */
function participle(view: SentenceView, first: number, second: number): boolean {
  if (!view.lower(second).endsWith('ing')) return false;
  for (let k = first + 1; k < second; k++) if (view.isComma(k)) return true;
  return false;
}

/** The second trigger continues the first one's clause by coordination or a participle. */
function linked(view: SentenceView, first: number, second: number): boolean {
  if (second <= first) return false;
  for (let k = first + 1; k < second; k++) {
    if (view.pos(k) === 'CCONJ') return true;
    if (view.isComma(k) && view.lower(second).endsWith('ing')) return true;
  }
  return false;
}

function hasReportedWord(view: SentenceView, a: number, b: number): boolean {
  for (let k = a; k < b; k++) if (view.grammar.reportedWords.has(view.lower(k))) return true;
  return false;
}

function hasWord(view: SentenceView, a: number, b: number, word: string): boolean {
  for (let k = a; k <= b; k++) if (view.lower(k) === word) return true;
  return false;
}

/**
 * "Chile said Peru must free the fishermen": a statement that another party must or should
 * act is a REQUEST from the speaker to that party.
 */
function saidMust(view: SentenceView, ctx: DocContext, speech: number[], byHead: ReadonlyMap<number, Match>): Coded[] {
  const out: Coded[] = [];
  if (speech.length === 0) return out;
  const { demand, appeal } = ctx.lexicon.requestRows;
  for (const s of speech) {
    if (byHead.has(s)) continue;
    for (let k = s + 1; k < view.n; k++) {
      if (view.isHardPunct(k) && !view.isComma(k)) break;
      const w = view.lower(k);
      const strong = w === 'must' || ((w === 'has' || w === 'have') && view.lower(k + 1) === 'to');
      const weak = w === 'should' || w === 'ought';
      if (!strong && !weak) continue;
      const [a, b] = view.npEndingAt(k - 1, s + 1);
      const recipient = a <= b ? view.heads(a, b) : [];
      if (recipient.length === 0) break;
      const sc = view.chain(s);
      const actor = subjectOf(view, ctx, sc.start, s, speech.filter((x) => x < s));
      if (actor.length === 0 || recipient.every((r) => actor.some((x) => same(x, r)))) break;
      let last = k;
      while (last + 1 < view.n && (view.pos(last + 1) === 'AUX' || view.lower(last + 1) === 'to' || view.pos(last + 1) === 'ADV')) last++;
      if (view.pos(last + 1) === 'VERB') last++;
      const useRows = strong ? demand : appeal;
      let row: ObjectRow | null = null;
      if (useRows) {
        let bestR = -1;
        for (let t = last + 1; t < Math.min(view.n, last + 12); t++) {
          if (view.isHardPunct(t)) break;
          const r = firstRowNaming(useRows, view.lower(t), view.lemma(t));
          if (r >= 0 && (bestR < 0 || r < bestR)) bestR = r;
        }
        row = bestR >= 0 ? useRows.rows[bestR] : null;
      }
      const cameo = row?.cameo ?? (strong ? '100' : '020');
      const cue = view.token(s);
      const q = ctx.quotes.find((qq) => qq.cue && qq.cue.start <= cue.start && cue.end <= qq.cue.end);
      out.push({
        type: 'REQUEST', mode: row?.mode ?? ctx.lexicon.cameo.get(cameo)?.mode ?? null, cameo,
        actor: dedupe(actor), recipient: dedupe(recipient).filter((r) => !actor.some((x) => same(x, r))),
        factuality: 'asserted', attribution: q ? q.id : null, first: k, last, head: k,
        rule: strong ? 'request.said-must' : 'request.said-should',
      });
      break;
    }
  }
  return out;
}

export interface CodeEventsOptions {
  /**
   * Code an event only when at least one participant resolved to a country or class code: an act
   * between parties no dictionary knows ("the company released a new phone") is not political news.
   */
  requirePlacedParticipant?: boolean;
}

const defaults: Required<CodeEventsOptions> = Object.freeze({ requirePlacedParticipant: true });

/** Codes every sentence of the document into `parley.document/1` events. */
export function codeEvents(doc: Document, lexicon: Lexicon, options: CodeEventsOptions = {}): Event[] {
  const actorsById = new Map<string, Actor>();
  for (const a of doc.actors ?? []) actorsById.set(a.id, a);
  const opts = { ...defaults, ...options };
  const ctx = new CodingContext(lexicon, actorsById, doc.quotes ?? [], opts.requirePlacedParticipant);
  const events: Event[] = [];
  // Each layer split by sentence once, so a long article stays linear.
  const entities = bySentence(doc, doc.entities ?? []);
  const times = bySentence(doc, doc.times ?? []);
  const places = bySentence(doc, doc.places ?? []);
  const domestic = new DomesticStates(doc, actorsById);
  for (const sentence of doc.sentences ?? []) {
    const view = new SentenceView(doc, sentence, lexicon.grammar, actorsById, {
      entities: entities[sentence.index] ?? NONE, times: times[sentence.index] ?? NONE, places: places[sentence.index] ?? NONE,
    });
    const coded = codeSentence(view, ctx);
    sortShort(coded, (a, b) => a.first - b.first || a.last - b.last);
    const state = coded.length ? domestic.stateOf(entities[sentence.index] ?? NONE, places[sentence.index] ?? NONE) : null;
    for (const c of coded) {
      const targets = c.recipient.map((m) => m.participant);
      const actorState = domestic.stateFor(c.type, 'actor', state, targets);
      const recipientState = domestic.stateFor(c.type, 'recipient', state, targets);
      const first = view.token(c.first);
      const last = view.token(c.last);
      const quad = lexicon.cameo.get(c.cameo)?.quad ?? 0;
      const clause = clauseSpan(view, c.first, c.last);
      events.push({
        id: '', type: c.type, mode: c.mode, cameo: c.cameo, quad,
        actor: c.actor.map((m) => domestic.participant(m.participant, actorState)), recipient: c.recipient.map((m) => domestic.participant(m.participant, recipientState)),
        factuality: c.factuality, attribution: c.attribution,
        time: nearestTime(view, c.head, clause), place: nearestPlace(view, c.head, c.actor, c.recipient, clause),
        evidence: {
          sentence: sentence.index, start: sentence.start, end: sentence.end,
          trigger: { text: doc.text.slice(first.start, last.end), start: first.start, end: last.end },
        },
        rule: c.rule,
      });
    }
  }
  events.forEach((e, k) => { e.id = `ev${k + 1}`; });
  return events;
}

const NONE: readonly never[] = Object.freeze([]);

/**
 * Spans grouped by the sentence they start in; a sentence that starts none has no list (most have
 * no time or place), and is read as NONE.
 */
function bySentence<T extends Span>(doc: Document, items: readonly T[]): (T[] | undefined)[] {
  const out: (T[] | undefined)[] = new Array((doc.sentences ?? []).length);
  for (const x of items) {
    const s = doc.sentenceAt(x.start);
    if (s) (out[s.index] ??= []).push(x);
  }
  return out;
}

/**
 * The character span of the trigger's clause: back to the last clause opener or punctuation
 * before it, on to the clause edge after it.
 */
function clauseSpan(view: SentenceView, first: number, last: number): Span {
  let a = first;
  while (a > 0 && !view.isClauseBreaker(a - 1) && !view.isHardPunct(a - 1) && !view.isQuoteMark(a - 1)) a--;
  const b = Math.max(last + 1, view.clauseEnd(last + 1));
  return { start: view.token(a).start, end: view.token(Math.min(b, view.n) - 1).end };
}

/** The time expression nearest the trigger, its own clause first (report times only when nothing else). */
function nearestTime(view: SentenceView, head: number, clause: Span): string | null {
  const t = view.token(head);
  let best: { id: string; d: number } | null = null;
  for (const x of view.times) {
    if (x.end <= view.sentence.start || x.start >= view.sentence.end) continue;
    const outside = x.start < clause.start || x.end > clause.end;
    const d = Math.abs((x.start < t.start ? t.start - x.end : x.start - t.end)) + (x.role === 'report' ? 10_000 : 0) + (outside ? 1_000 : 0);
    if (!best || d < best.d) best = { id: x.id, d };
  }
  return best ? best.id : null;
}

function overlapsAny(list: readonly Mention[], span: Span): boolean {
  for (const m of list) if (m.start < span.end && span.start < m.end) return true;
  return false;
}

/** The place in the trigger's clause nearest the trigger that is not one of the event's participants. */
function nearestPlace(view: SentenceView, head: number, actor: readonly Mention[], recipient: readonly Mention[], clause: Span): string | null {
  const t = view.token(head);
  let best: { id: string; d: number } | null = null;
  for (const p of view.places) {
    if (p.start < clause.start || p.end > clause.end) continue;
    if (overlapsAny(actor, p) || overlapsAny(recipient, p)) continue;
    const d = Math.abs(p.start < t.start ? t.start - p.end : p.start - t.end);
    if (!best || d < best.d) best = { id: p.id, d };
  }
  return best ? best.id : null;
}
