/**
 * The event coder: one pass over each sentence finds lexicon triggers, then reads each trigger's
 * actor and recipient from the chunks around it, and how the article commits to it.
 */
import type { Document } from '../document/document.js';
import type { Actor, Event, EventParticipant, Factuality, PloverType, Quote } from '../document/types.js';
import type { LexiconEntry, Lexicon, ObjectRow } from './lexicon.js';
import { SentenceView, type Mention, type VerbChain } from './sentence.js';

/** A lexicon pattern matched at a token. */
interface Match {
  entry: LexiconEntry;
  /** Trigger head, its last particle and the last matched token (sentence-relative, inclusive). */
  head: number;
  headEnd: number;
  last: number;
  row: ObjectRow | null;
}

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

const AUX_FUTURE_SKIP = new Set(['have', 'has', 'had', 'be', 'been']);
const POSSESSIVE_OR_DET = new Set(['his', 'her', 'its', 'their', 'our', 'my', 'your', 'the', 'a', 'an', 'this', 'that', 'these', 'those']);

/** Finds the entry that best matches at token i, or null. */
function matchAt(view: SentenceView, i: number, lexicon: Lexicon): Match | null {
  const forms = lemmaForms(view, i);
  let cands: LexiconEntry[] | null = null;
  for (const f of forms) {
    const list = lexicon.byLemma.get(f);
    if (!list) continue;
    if (!cands) cands = [...list];
    else for (const e of list) if (!cands.includes(e)) cands.push(e);
  }
  if (!cands) return null;
  let best: Match | null = null;
  let bestScore = -1;
  for (const entry of cands) {
    for (const alt of entry.alternatives) {
      if (!forms.includes(alt.lemma)) continue;
      const found = matchPattern(view, i, entry, alt.particles);
      if (!found) continue;
      const score = entry.items.length * 10 + alt.particles.length * 3 + (entry.items.some((t) => t.kind === 'object') ? 5 : 0);
      if (score > bestScore || (score === bestScore && best && entry.order < best.entry.order)) {
        best = { entry, head: i, headEnd: found.headEnd, last: found.last, row: null };
        bestScore = score;
      }
    }
  }
  if (best) best.row = objectRow(view, best);
  return best;
}

/**
 * The lemma wink-nlp gives, the lower-cased form, and regular guesses where the lemmatiser left an
 * inflected form alone ("retaken" → "retake", "shelled" → "shell").
 */
function lemmaForms(view: SentenceView, i: number): string[] {
  const lemma = view.lemma(i);
  const lower = view.lower(i);
  const forms = [lemma];
  if (lower !== lemma) forms.push(lower);
  // Only words long enough to carry a suffix, and only content words, get guesses.
  if (lower.length > 4 && view.kind(i) === 'word') {
    if (lower.endsWith('en')) forms.push(lower.slice(0, -1), lower.slice(0, -2));
    if (lower.endsWith('ed')) forms.push(lower.slice(0, -1), lower.slice(0, -2));
    if (lower.endsWith('ing')) forms.push(lower.slice(0, -3), `${lower.slice(0, -3)}e`);
    if (lower.endsWith('s')) forms.push(lower.slice(0, -1));
  }
  return forms;
}

function triggerPosOk(view: SentenceView, i: number, entry: LexiconEntry, multiword: boolean): boolean {
  const p = view.pos(i);
  if (entry.noun) return p === 'NOUN' || p === 'PROPN';
  // wink-nlp tags some verbs after a plural subject as nouns ("forces step up attacks"); a
  // phrasal or light-verb pattern is evidence enough when a subject noun phrase precedes it.
  if (p === 'NOUN' && multiword && view.mentionAt[i] < 0) {
    const prev = view.pos(i - 1);
    if ((prev === 'NOUN' || prev === 'PROPN' || prev === 'PRON') && !POSSESSIVE_OR_DET.has(view.lower(i - 1))) return true;
  }
  if (entry.anyPos) return p !== 'NOUN' || view.pos(i + 1) === 'PART';
  if (p === 'VERB') return !view.isAttributive(i) && !view.isGerund(i) && !view.isReducedRelative(i);
  // wink-nlp sometimes tags a participle after an auxiliary as an adjective or noun ("was shelled").
  if ((p === 'ADJ' || p === 'NOUN') && /(ed|en)$/.test(view.lower(i)) && view.pos(i - 1) === 'AUX') return true;
  return (p === 'ADJ' || p === 'NOUN') && view.mentionAt[i] < 0 && looksFinite(view, i);
}

/**
 * A word the tagger took for a noun or adjective that stands where the clause's verb must be:
 * after the subject, before its object, with no other verb in the clause ("Qatar mediated
 * between …", "if Armenian troops attack Azerbaijan").
 */
function looksFinite(view: SentenceView, i: number): boolean {
  const prev = view.pos(i - 1);
  const next = view.pos(i + 1);
  if (!(view.mentionAt[i - 1] >= 0 || prev === 'PRON' || (prev === 'NOUN' && /s$/.test(view.lower(i - 1))))) return false;
  if (POSSESSIVE_OR_DET.has(view.lower(i - 1))) return false;
  if (!(next === 'DET' || next === 'PROPN' || next === 'ADP' || next === 'PRON' || view.mentionAt[i + 1] >= 0)) return false;
  for (let k = i - 1; k >= 0 && !view.isHardPunct(k) && !view.isClauseBreaker(k); k--) if (view.pos(k) === 'VERB' || view.pos(k) === 'AUX') return false;
  for (let k = i + 1; k < view.n && !view.isHardPunct(k) && !view.isClauseBreaker(k); k++) if (view.pos(k) === 'VERB' || view.pos(k) === 'AUX') return false;
  return true;
}

/** Matches the pattern at i: the last particle of the head and the last matched token, or null. */
function matchPattern(view: SentenceView, i: number, entry: LexiconEntry, particles: readonly string[]): { headEnd: number; last: number } | null {
  if (!triggerPosOk(view, i, entry, particles.length > 0 || entry.items.length > 0)) return null;
  let cur = i;
  for (const particle of particles) {
    let k = cur + 1;
    while (k < view.n && k <= cur + 2 && (view.pos(k) === 'ADV' || view.pos(k) === 'PRON') && view.lower(k) !== particle) k++;
    if (view.lower(k) !== particle) return null;
    cur = k;
  }
  const headEnd = cur;
  if (entry.controlOnly) {
    let k = cur + 1;
    while (view.pos(k) === 'ADV') k++;
    if (view.lower(k) !== 'to' || view.pos(k + 1) !== 'VERB') return null;
  }
  for (const item of entry.items) {
    let found = -1;
    if (item.kind === 'word') {
      for (let k = cur + 1; k < view.n && k <= cur + 6; k++) {
        if (item.words.has(view.lower(k)) || item.words.has(view.lemma(k))) { found = k; break; }
        if (view.isHardPunct(k) || view.isClauseBreaker(k) || view.pos(k) === 'VERB' || view.pos(k) === 'AUX') break;
      }
    } else {
      for (let k = cur + 1; k < view.n && k <= cur + 12; k++) {
        if (item.words.has(view.lower(k)) || item.words.has(view.lemma(k))) { found = k; break; }
        if (!objectGap(view, k)) break;
      }
    }
    if (found < 0) return null;
    cur = found;
  }
  return { headEnd, last: cur };
}

/** Tokens that may stand between a verb and the head of its object noun phrase. */
function objectGap(view: SentenceView, k: number): boolean {
  const p = view.pos(k);
  const w = view.lower(k);
  if (['DET', 'ADJ', 'NOUN', 'PROPN', 'NUM', 'SYM', 'ADV', 'PRON'].includes(p)) return true;
  if (p === 'PART') return w === "'s" || w === '’s' || w === 'to';
  if (p === 'PUNCT') return w === '-' || w === '(' || w === ')' || w === '$';
  if (p === 'ADP') return w === 'of' || w === 'in' || (w === 'to' && view.lower(k - 1) === '-') || (w === 'by' && view.pos(k + 1) === 'NUM');
  if (p === 'VERB') return /(ed|en|ing)$/.test(w) && ['NOUN', 'ADJ', 'PROPN'].includes(view.pos(k + 1));
  return false;
}

/** The object-class row named by the words after the trigger (the most specific row wins). */
function objectRow(view: SentenceView, m: Match): ObjectRow | null {
  const rows = m.entry.objects;
  if (!rows) return null;
  let best = -1;
  const end = Math.min(view.n, m.last + 14);
  for (let k = m.head + 1; k < end; k++) {
    if (k > m.last && (view.isHardPunct(k) || (view.isClauseBreaker(k) && view.lower(k) !== 'for') || view.pos(k) === 'AUX' ||
      (ADVERBIAL_PREPOSITIONS.has(view.lower(k)) && view.lower(k) !== 'in'))) break;
    const w = view.lower(k);
    const l = view.lemma(k);
    for (let r = 0; r < rows.length && (best < 0 || r < best); r++) {
      if (rows[r].nouns.has(w) || rows[r].nouns.has(l)) best = r;
    }
  }
  return best >= 0 ? rows[best] : null;
}

/** Everything the coder keeps about one document while it reads it. */
interface DocContext {
  lexicon: Lexicon;
  actorsById: Map<string, Actor>;
  quotes: Quote[];
  /** Subject of the previous sentence, for pronouns that open a sentence. */
  topic: Mention[];
  requirePlaced: boolean;
}

/** Codes the events of one sentence. */
function codeSentence(view: SentenceView, ctx: DocContext): Coded[] {
  const { lexicon } = ctx;
  const g = lexicon.grammar;
  const matches: Match[] = [];
  const byHead = new Map<number, Match>();
  for (let i = 0; i < view.n; i++) {
    const m = matchAt(view, i, lexicon);
    if (!m) continue;
    matches.push(m);
    byHead.set(i, m);
    i = Math.max(i, m.last);
  }

  const speech: number[] = [];
  let according = false;
  for (let i = 0; i < view.n; i++) {
    if (view.lower(i) === 'according' && view.lower(i + 1) === 'to') according = true;
    if (view.pos(i) === 'VERB' && g.speechVerbs.has(view.lemma(i)) && !view.isAttributive(i)) speech.push(i);
  }

  const out: Coded[] = [];
  for (const m of matches) {
    for (const c of codeMatch(view, ctx, m, byHead, speech, according)) {
      // "killed one soldier and wounded two others", "attacked …, killing 156": one event, told twice.
      const told = (c.type === 'ASSAULT' || c.type === 'COERCE') && out.find((o) => o.type === c.type && o.factuality === c.factuality && o.rule.endsWith('+intent') === c.rule.endsWith('+intent') &&
        (c.actor.length === 0 || c.actor.every((a) => o.actor.some((b) => same(a, b))) || participle(view, o.last, c.head)) && linked(view, o.last, c.head));
      if (!told) out.push(c);
    }
  }
  out.push(...saidMust(view, ctx, speech, byHead));

  // The subject of this sentence becomes the topic for a pronoun opening the next one.
  const firstHead = view.mentions.find((mm) => mm.resolved);
  if (firstHead) ctx.topic = [firstHead];
  return out;
}

function codeMatch(view: SentenceView, ctx: DocContext, m: Match, byHead: Map<number, Match>, speech: number[], according: boolean): Coded[] {
  const g = ctx.lexicon.grammar;
  const { entry } = m;
  const i = m.head;
  const chain = view.chain(i);
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

  // ---- arguments ----------------------------------------------------------------------------
  let actor: Mention[];
  let recipient: Mention[];
  const requestControl = chain.controls.find((c) => c.cls === 'request');
  if (requestControl) {
    // "urged the European Community to support the PLO": the one urged is the one to act.
    const [a, b] = view.npStartingAt(requestControl.object ?? requestControl.index + 1);
    actor = a <= b ? view.heads(a, b) : [];
    if (actor.length === 0) actor = subjectOf(view, ctx, chain.start, i, speech);
  } else {
    actor = subjectOf(view, ctx, chain.start, i, speech);
  }
  const from = m.headEnd + 1;
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
    // "was arrested in Lebanon": legal action without an agent is the state's where it happened.
    if (actor.length === 0 && (type === 'COERCE' || type === 'ACCUSE')) {
      ({ mentions: actor } = recipientOf(view, ['in'], from, end));
    }
  } else {
    // Not the actor itself, nor a possessive that refers back to it ("adjust his schedule").
    const others = (list: Mention[]) => list.filter((r) => !actor.some((a) => (a.t0 === r.t0 && a.t1 === r.t1) ||
      (a.participant.ref !== null && a.participant.ref === r.participant.ref && POSSESSIVE_OR_DET.has(view.lower(r.t0)))));
    const direct = recipientOf(view, entry.recipient, from, end);
    viaWith = direct.viaWith;
    const candidates: (() => Mention[])[] = [
      () => others(direct.mentions),
      () => others(borrowedRecipient(view, m, end, byHead)),
      // "willing to adjust his schedule if Trump agrees", "threatened to stop talks if the United
      // States goes ahead": the counterpart of a conditional offer or threat is the one the
      // condition waits on.
      () => ((type === 'AGREE' || type === 'THREATEN') && (entry.control === 'commit' || entry.control === 'threaten' || entry.controlOnly)
        ? others(conditionSubject(view, m.last + 1)) : []),
      // A recipient the dictionary could not place yields to a placed one later in the phrase
      // ("aid to refugees fleeing the war in Liberia").
      () => (direct.mentions.length > 0 ? others(firstResolvedAfter(view, from)) : []),
      // A place struck, visited or sent to stands for its country ("shelled Kharkiv").
      () => (PLACE_TARGETS.has(type) || mode === 'visit' ? placeAfter(view, from, end) : []),
    ];
    recipient = [];
    {
      // 'none' in the slots: the act has no recipient beyond what the clause itself names.
      for (const next of entry.recipient.includes('none') ? candidates.slice(0, 1) : candidates) {
        const found = next();
        if (found.some((r) => r.resolved)) { recipient = found; break; }
        if (recipient.length === 0) recipient = found;
      }
    }
  }
  actor = dedupe(actor);
  recipient = dedupe(recipient).filter((r) => !actor.some((a) => a.t0 === r.t0 && a.t1 === r.t1));
  const actorCountries = new Set(actor.map((a) => a.participant.country));
  // "Vietnam and China held talks in Hanoi": with both sides as actors, a recipient of either
  // side's country adds nothing.
  if (actorCountries.size >= 2) recipient = recipient.filter((r) => !actorCountries.has(r.participant.country));
  if (recipient.some((r) => !actorCountries.has(r.participant.country))) {
    recipient = recipient.filter((r) => !actorCountries.has(r.participant.country) || !r.participant.country);
  }
  if (entry.joint && (viaWith || new Set(actor.map((a) => a.participant.country).filter(Boolean)).size >= 2)) {
    ({ type, mode, cameo } = entry.joint);
  }
  if (actor.length === 0 && recipient.length === 0) return [];
  if (entry.requiresRecipient && !recipient.some((r) => r.resolved)) return [];
  // Nobody the dictionary can place on either side: too little to code ("24 people were killed").
  if (![...actor, ...recipient].some((x) => x.resolved) && ctx.requirePlaced) return [];
  // An attack always has a target: when its clause names none, the sentence's other party is it
  // ("Ukraine risks losing ground as Russian forces step up attacks").
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
      // "The army prepared to resume shelling": getting forces ready is a show of force.
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
  const reported = reportedBy(view, ctx, i, chain, sentenceSpeech, according);
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
  const conditionalAfter = (type === 'AGREE' && commitsSelf) && conditionalFollows(view, m.last + 1);

  const base: Factuality = reported.reported ? 'reported' : 'asserted';
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

  // ---- an announced act is itself an event: "Finland will give Tanzania a grant" is AGREE -------
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

/**
 * A recipient found beyond the trigger's clause: the one a demand is addressed to ("demanded
 * that the US cancel …"), or the recipient of the infinitive it governs ("threatened to break
 * relations with Russia", "opened the bridge to allow deliveries to Afghanistan").
 */
function borrowedRecipient(view: SentenceView, m: Match, end: number, byHead: Map<number, Match>): Mention[] {
  let k = m.last + 1;
  while (k < view.n && (view.pos(k) === 'ADV' || view.inTime[k])) k++;
  if ((m.entry.control === 'request' || m.entry.type === 'REQUEST') && view.lower(k) === 'that') {
    const [a, b] = view.npStartingAt(k + 1);
    return a <= b ? view.heads(a, b) : [];
  }
  let to = end;
  if (view.lower(to) !== 'to') to = k;
  if (view.lower(to) !== 'to') return [];
  let v = to + 1;
  while (view.pos(v) === 'ADV') v++;
  if (view.pos(v) !== 'VERB') return [];
  const inner = byHead.get(v);
  const start = (inner ? inner.headEnd : v) + 1;
  const innerEnd = view.clauseEnd(Math.max(start, inner ? inner.last + 1 : start));
  return recipientOf(view, inner ? inner.entry.recipient : ['obj'], start, innerEnd).mentions;
}

const REQUEST_WORDS = new Set(['demand', 'insist', 'urge', 'propose', 'recommend', 'suggest', 'ask', 'require', 'request', 'call', 'appeal', 'plea', 'order', 'decree']);

/** The clause is the content of a demand ("demanded that Israel ease restrictions"): not a fact. */
function underRequest(view: SentenceView, start: number): boolean {
  for (let k = start - 1; k >= 0; k--) {
    if (view.isHardPunct(k) && !view.isComma(k)) return false;
    if (view.lower(k) === 'that') {
      for (let b = k - 1; b >= Math.max(0, k - 4); b--) if (REQUEST_WORDS.has(view.lemma(b))) return true;
      return false;
    }
    if (view.isClauseBreaker(k)) return false;
  }
  return false;
}

/** A clause that looks forward: "before they demobilize", "until a government takes over". */
function inFutureClause(view: SentenceView, start: number): boolean {
  for (let k = start - 1; k >= 0; k--) {
    if (view.isHardPunct(k)) return false;
    const w = view.lower(k);
    if ((w === 'before' || w === 'until') && !view.lower(k + 1).endsWith('ing')) return true;
    if (view.isClauseBreaker(k)) return false;
  }
  return false;
}

/** The match heading the 'to' infinitive that a control trigger governs ("agreed to share"). */
function complementMatch(view: SentenceView, m: Match, byHead: Map<number, Match>): Match | null {
  let k = m.last + 1;
  while (view.pos(k) === 'ADV') k++;
  if (view.lower(k) !== 'to') return null;
  k++;
  while (view.pos(k) === 'ADV') k++;
  return byHead.get(k) ?? null;
}

function complementType(ctx: DocContext, m: Match): { type: PloverType; intent: string } {
  const type = m.row?.type ?? m.entry.type;
  const intent = m.row?.intent ?? m.entry.intent ?? ctx.lexicon.intentDefaults[type] ?? '';
  return { type, intent };
}

/** The second trigger is a participle clause after a comma ("attacked by militiamen, killing 156"). */
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

function hasWord(view: SentenceView, a: number, b: number, word: string): boolean {
  for (let k = a; k <= b; k++) if (view.lower(k) === word) return true;
  return false;
}

function same(a: Mention, b: Mention): boolean {
  return (a.participant.ref !== null && a.participant.ref === b.participant.ref) || (a.t0 === b.t0 && a.t1 === b.t1);
}

function dedupe(list: Mention[]): Mention[] {
  const out: Mention[] = [];
  for (const m of list) if (!out.some((o) => same(o, m))) out.push(m);
  return out;
}

/**
 * The actor of a trigger: the subject noun phrase left of its verb chain, through appositions
 * ("Pakistan, a key U.S. ally, has refused"), relative pronouns ("forces that attacked") and
 * pronouns ("Hungary said it will").
 */
function subjectOf(view: SentenceView, ctx: DocContext, start: number, i: number, speech: number[]): Mention[] {
  const g = ctx.lexicon.grammar;
  let j = start - 1;
  const skippable = (k: number) => view.inTime[k] === 1 || view.pos(k) === 'ADV' ||
    (view.pos(k) === 'ADP' && view.inTime[k + 1] === 1) || (g.timeWords.has(view.lower(k)) && view.mentionAt[k] < 0 && view.pos(k) !== 'VERB');
  while (j >= 0 && skippable(j)) j--;
  // A participle clause after a comma or conjunction ("…, saying", "… and urged") shares the main subject.
  if (j < 0 || view.pos(j) === 'CCONJ' || view.pos(j) === 'VERB' || view.pos(j) === 'AUX' || view.isQuoteMark(j) ||
      (view.isComma(j) && view.lower(i).endsWith('ing'))) {
    return mainSubject(view, ctx, i);
  }
  if (view.isComma(j)) {
    let k = j - 1;
    while (k >= 0 && !view.isComma(k) && !(view.isHardPunct(k))) k--;
    if (k >= 0 && view.isComma(k)) {
      const [a, b] = view.npEndingAt(k - 1);
      const before = a <= b ? view.heads(a, b) : [];
      if (before.length) return resolvePronouns(view, ctx, before, a, speech);
      const [c, d] = view.npStartingAt(k + 1, j);
      const inside = c <= d ? view.heads(c, d) : [];
      if (inside.length) return inside;
    }
    return mainSubject(view, ctx, i);
  }
  if (g.relativePronouns.has(view.lower(j)) && view.pos(j) !== 'SCONJ') {
    let k = j - 1;
    if (view.isComma(k)) k--;
    const [a, b] = view.npEndingAt(k);
    return a <= b ? view.heads(a, b) : [];
  }
  const [a, b] = view.npEndingAt(j);
  if (a > b) return mainSubject(view, ctx, i);
  if (a === b && view.pos(a) === 'PRON' && view.mentionAt[a] < 0) return resolvePronoun(view, ctx, a, speech);
  return view.heads(a, b);
}

function resolvePronouns(view: SentenceView, ctx: DocContext, list: Mention[], _a: number, _speech: number[]): Mention[] {
  return list.length ? list : ctx.topic;
}

/** A personal pronoun's antecedent: the speaker it reports ("Hungary said it …"), or the sentence's subject. */
function resolvePronoun(view: SentenceView, ctx: DocContext, p: number, speech: number[]): Mention[] {
  const s = [...speech].reverse().find((k) => k < p);
  if (s !== undefined) {
    const sc = view.chain(s);
    const subj = subjectOf(view, ctx, sc.start, s, speech.filter((k) => k < s));
    if (subj.length) return subj;
  }
  const main = mainSubject(view, ctx, p);
  return main.length ? main : ctx.topic;
}

/** The subject of the sentence's main verb: the noun phrase before its first finite verb. */
function mainSubject(view: SentenceView, ctx: DocContext, before: number): Mention[] {
  for (let v = 0; v < before; v++) {
    if (!(view.pos(v) === 'VERB' || view.pos(v) === 'AUX') || view.isAttributive(v) || view.isGerund(v)) continue;
    let j = view.chain(v).start - 1;
    while (j >= 0 && (view.inTime[j] === 1 || view.pos(j) === 'ADV')) j--;
    if (j < 0) return ctx.topic;
    if (view.pos(j) === 'PRON' && view.mentionAt[j] < 0) return ctx.topic;
    const [a, b] = view.npEndingAt(j);
    return a <= b ? view.heads(a, b) : [];
  }
  return [];
}

/** The recipient by the entry's slots, in order of preference. */
function recipientOf(view: SentenceView, slots: readonly string[], from: number, end: number): { mentions: Mention[]; viaWith: boolean } {
  for (const slot of slots) {
    if (slot === 'none') return { mentions: [], viaWith: false };
    if (slot === 'obj') {
      let adverbial = false;
      for (let k = from; k < end; k++) {
        // A place or time phrase ("in Hanoi", "after talks in Algiers") is not the object.
        if (view.pos(k) === 'ADP' || view.pos(k) === 'SCONJ') adverbial = ADVERBIAL_PREPOSITIONS.has(view.lower(k));
        const mi = view.mentionAt[k];
        if (mi < 0 || adverbial) continue;
        const m = view.mentions[mi];
        const [, b] = view.npStartingAt(m.t0, end);
        return { mentions: view.heads(m.t0, Math.max(b, m.t1 - 1)), viaWith: false };
      }
      continue;
    }
    for (let k = from; k < end; k++) {
      if (view.lower(k) !== slot) continue;
      if (slot === 'to' && view.isInfinitiveTo(k)) continue;
      const [a, b] = view.npStartingAt(k + 1, end);
      const heads = a <= b ? view.heads(a, b) : [];
      if (heads.length) return { mentions: heads, viaWith: slot === 'with' };
    }
  }
  return { mentions: [], viaWith: false };
}

/** Reported: inside a quote, under a speech verb ("X said Y attacked Z"), or "according to". */
function reportedBy(view: SentenceView, ctx: DocContext, i: number, chain: VerbChain, speech: number[], according: boolean): { reported: boolean; attribution: string | null } {
  const t = view.tokens[i];
  const quote = ctx.quotes.find((q) => q.start <= t.start && t.end <= q.end);
  if (quote) return { reported: true, attribution: quote.id };
  let governing = -1;
  for (const s of speech) {
    if (s < chain.start) governing = s;
  }
  if (governing < 0) {
    // A trailing attribution: "…, police said." — a comma, then only the speaker before the verb.
    for (const s of speech) {
      if (s <= i || view.lower(s).endsWith('ing')) continue;
      // The attribution closes the sentence: no clause of its own follows the speech verb.
      let after = s + 1;
      while (after < view.n && !view.isHardPunct(after) && view.pos(after) !== 'VERB' && view.pos(after) !== 'AUX' && !view.isClauseBreaker(after)) after++;
      if (after < view.n && !view.isHardPunct(after)) continue;
      let comma = -1;
      for (let k = i + 1; k < s; k++) if (view.isComma(k)) comma = k;
      if (comma < 0) continue;
      let verbs = 0;
      for (let k = comma + 1; k < s; k++) if (view.pos(k) === 'VERB' || view.pos(k) === 'AUX') verbs++;
      if (verbs === 0) { governing = s; break; }
    }
  }
  if (governing < 0) return { reported: according, attribution: null };
  const cue = view.tokens[governing];
  const q = ctx.quotes.find((qq) => qq.cue && qq.cue.start <= cue.start && cue.end <= qq.cue.end);
  return { reported: true, attribution: q ? q.id : null };
}

/** "has not confirmed whether …", "allegedly …". */
function isUnconfirmed(view: SentenceView, i: number, chain: VerbChain): boolean {
  const g = view.grammar;
  for (let k = Math.max(0, chain.start - 3); k < i; k++) if (g.unconfirmedWords.has(view.lower(k))) return true;
  for (let w = i - 1; w >= 0; w--) {
    if (view.isHardPunct(w) && !view.isComma(w)) return false;
    const lw = view.lower(w);
    if (lw === 'whether' || (lw === 'if' && view.pos(w) === 'SCONJ')) {
      for (let k = w - 1; k >= Math.max(0, w - 4); k--) if (g.unconfirmedVerbs.has(view.lemma(k))) return true;
      return lw === 'whether';
    }
  }
  return false;
}

/** The trigger sits in an if/unless clause. */
function inConditional(view: SentenceView, i: number): boolean {
  const g = view.grammar;
  for (let k = i - 1; k >= 0; k--) {
    if (view.isHardPunct(k)) return false;
    if (g.conditional.has(view.lower(k)) && view.pos(k) !== 'ADV') return true;
  }
  return false;
}

const PLACE_TARGETS = new Set<PloverType>(['ASSAULT', 'COERCE', 'MOBILIZE', 'AID']);
const ADVERBIAL_PREPOSITIONS = new Set(['in', 'at', 'after', 'before', 'during', 'near', 'outside', 'since', 'following', 'amid', 'despite', 'until', 'while', 'inside', 'throughout']);

/** The first place with a country after a token in the clause, as a participant. */
function placeAfter(view: SentenceView, from: number, end: number): Mention[] {
  for (const p of view.doc.places ?? []) {
    if (!p.country || p.start < view.tokens[Math.min(from, view.n - 1)].start) continue;
    if (end < view.n && p.start >= view.tokens[end].start) continue;
    if (p.end > view.sentence.end) continue;
    const [t0, t1] = view.tokenRange(p.start, p.end);
    return [{ t0, t1, start: p.start, end: p.end, resolved: true, participant: { name: p.name, country: p.country, sector: null, ref: null } }];
  }
  return [];
}

/** The first resolved mention after a token, up to the next comma or clause-final punctuation. */
function firstResolvedAfter(view: SentenceView, from: number): Mention[] {
  for (let k = from; k < view.n; k++) {
    if (view.isHardPunct(k) || view.isClauseBreaker(k)) break;
    const mi = view.mentionAt[k];
    if (mi >= 0 && view.mentions[mi].resolved) return [view.mentions[mi]];
  }
  return [];
}

/** The resolved mention nearest the trigger whose country is not the actor's, outside attributions. */
function nearestOtherParty(view: SentenceView, i: number, actor: Mention[], speech: number[]): Mention[] {
  const countries = new Set(actor.map((a) => a.participant.country));
  const lastSpeech = speech.length ? speech[speech.length - 1] : -1;
  let best: Mention | null = null;
  let bestD = Infinity;
  for (const m of view.mentions) {
    if (!m.resolved || countries.has(m.participant.country)) continue;
    // Skip the speaker of a trailing attribution ("…, Iraqi police said").
    if (lastSpeech > i && m.t0 > i && m.t0 < lastSpeech && speech.every((s) => s > m.t1)) {
      let comma = false;
      for (let k = i; k < m.t0; k++) if (view.isComma(k)) comma = true;
      if (comma) continue;
    }
    const d = m.t0 > i ? m.t0 - i : i - m.t1;
    if (d < bestD) { best = m; bestD = d; }
  }
  return best ? [best] : [];
}

/** The subject of the if/unless clause that follows, if any. */
function conditionSubject(view: SentenceView, from: number): Mention[] {
  const g = view.grammar;
  for (let k = from; k < view.n; k++) {
    if (view.isHardPunct(k) && !view.isComma(k)) return [];
    if (g.conditional.has(view.lower(k)) && view.lower(k) !== 'otherwise') {
      const [a, b] = view.npStartingAt(k + 1);
      return a <= b ? view.heads(a, b) : [];
    }
  }
  return [];
}

/** An if/unless clause follows in the same sentence ("willing to meet if Trump agrees"). */
function conditionalFollows(view: SentenceView, from: number): boolean {
  const g = view.grammar;
  for (let k = from; k < view.n; k++) {
    if (view.isHardPunct(k) && !view.isComma(k)) return false;
    if (g.conditional.has(view.lower(k)) && view.lower(k) !== 'otherwise') return true;
  }
  return false;
}

/**
 * "Russia said Sudan must return the helicopter": a statement that another party must or should
 * act is a REQUEST from the speaker to that party.
 */
function saidMust(view: SentenceView, ctx: DocContext, speech: number[], byHead: Map<number, Match>): Coded[] {
  const out: Coded[] = [];
  const rows = ctx.lexicon.entries.find((e) => e.id === 'request.demand')?.objects ?? null;
  const appealRows = ctx.lexicon.entries.find((e) => e.id === 'request.call-for')?.objects ?? null;
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
      const useRows = strong ? rows : appealRows;
      let row: ObjectRow | null = null;
      if (useRows) {
        let bestR = -1;
        for (let t = last + 1; t < Math.min(view.n, last + 12); t++) {
          if (view.isHardPunct(t)) break;
          for (let r = 0; r < useRows.length && (bestR < 0 || r < bestR); r++) {
            if (useRows[r].nouns.has(view.lower(t)) || useRows[r].nouns.has(view.lemma(t))) bestR = r;
          }
        }
        row = bestR >= 0 ? useRows[bestR] : null;
      }
      const cameo = row?.cameo ?? (strong ? '100' : '020');
      const cue = view.tokens[s];
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

function participant(m: Mention): EventParticipant {
  return { ...m.participant };
}

export interface CodeEventsOptions {
  /**
   * Code an event only when at least one participant resolved to a country or class code: an act
   * between parties no dictionary knows ("the company released a list") is not political news.
   */
  requirePlacedParticipant?: boolean;
}

const defaults: Required<CodeEventsOptions> = Object.freeze({ requirePlacedParticipant: true });

/** Codes every sentence of the document into `parley.document/1` events. */
export function codeEvents(doc: Document, lexicon: Lexicon, options: CodeEventsOptions = {}): Event[] {
  const actorsById = new Map((doc.actors ?? []).map((a) => [a.id, a] as const));
  const opts = { ...defaults, ...options };
  const ctx: DocContext = { lexicon, actorsById, quotes: doc.quotes ?? [], topic: [], requirePlaced: opts.requirePlacedParticipant };
  const events: Event[] = [];
  for (const sentence of doc.sentences ?? []) {
    const view = new SentenceView(doc, sentence, lexicon.grammar, actorsById);
    const coded = codeSentence(view, ctx);
    coded.sort((a, b) => a.first - b.first || a.last - b.last);
    for (const c of coded) {
      const first = view.tokens[c.first];
      const last = view.tokens[c.last];
      const quad = lexicon.cameo.get(c.cameo)?.quad ?? 0;
      const used = [...c.actor, ...c.recipient];
      events.push({
        id: '', type: c.type, mode: c.mode, cameo: c.cameo, quad,
        actor: c.actor.map(participant), recipient: c.recipient.map(participant),
        factuality: c.factuality, attribution: c.attribution,
        time: nearestTime(doc, view, c.head), place: nearestPlace(doc, view, c.head, used),
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

/** The time expression of the sentence nearest the trigger (report times only when nothing else). */
function nearestTime(doc: Document, view: SentenceView, head: number): string | null {
  const t = view.tokens[head];
  let best: { id: string; d: number } | null = null;
  for (const x of doc.times ?? []) {
    if (x.end <= view.sentence.start || x.start >= view.sentence.end) continue;
    const d = Math.abs((x.start < t.start ? t.start - x.end : x.start - t.end)) + (x.role === 'report' ? 10_000 : 0);
    if (!best || d < best.d) best = { id: x.id, d };
  }
  return best ? best.id : null;
}

/** The place of the sentence nearest the trigger that is not one of the event's participants. */
function nearestPlace(doc: Document, view: SentenceView, head: number, used: Mention[]): string | null {
  const t = view.tokens[head];
  let best: { id: string; d: number } | null = null;
  for (const p of doc.places ?? []) {
    if (p.end <= view.sentence.start || p.start >= view.sentence.end) continue;
    if (used.some((m) => m.start < p.end && p.start < m.end)) continue;
    const d = Math.abs(p.start < t.start ? t.start - p.end : p.start - t.end);
    if (!best || d < best.d) best = { id: p.id, d };
  }
  return best ? best.id : null;
}
