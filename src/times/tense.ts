/**
 * Tense of the clause a time expression sits in, read from wink-nlp tokens (UPOS + lemma; wink
 * gives no Penn tags, so past morphology is "surface differs from lemma and is not -s/-ing").
 * The normaliser needs it to pick the Monday before or after the publication date.
 */
import type { Token } from '../document/types.js';

export type Tense = 'past' | 'present' | 'future';

const FUTURE_AUX = new Set(['will', "'ll", '’ll', 'shall', 'wo', 'would', "'d", '’d']);
/** Modals look ahead from the time of writing: "may be signed on September 12". */
const MODAL = new Set(['may', 'might', 'could', 'can', 'should', 'must', 'ought', 'ca']);
/** Verbs that carry a participle's tense: "remain closed until Friday". */
const LINKING = new Set(['remain', 'stay', 'keep', 'get', 'become', 'seem', 'appear', 'look']);
const PAST_AUX = new Set(['was', 'were', 'had', 'did', "'d"]);
const PRESENT_AUX = new Set(['is', 'are', 'am', "'s", '’s', "'re", '’re', 'do', 'does']);
const PERFECT_AUX = new Set(['has', 'have', "'ve", '’ve']);
/** Words that, followed by "to" + verb, announce something still to come ("is set to begin"). */
const PROSPECTIVE = new Set([
  'set', 'scheduled', 'expected', 'due', 'planned', 'slated', 'poised', 'plans', 'plan', 'planning',
  'intends', 'intend', 'aims', 'aim', 'hopes', 'hope', 'wants', 'want', 'going', 'likely', 'ready',
  'seeks', 'seek', 'prepares', 'preparing', 'about',
]);
/** Participles of planning: whatever the auxiliary, the planned thing lies ahead. */
const PLANNED = new Set(['scheduled', 'slated', 'expected', 'planned', 'poised', 'due']);
/** Tokens that end the clause for the purpose of tense lookup. */
const CLAUSE_BREAK = new Set([';', ':', '—', '–', '--', '"', '“', '”', '(', ')']);
const SKIPPABLE = new Set(['not', "n't", 'n’t', 'also', 'still', 'already', 'just', 'now', 'then', 'never',
  'reportedly', 'formally', 'publicly', 'officially', 'repeatedly', 'finally', 'again', 'be', 'been', 'being']);

function morphologyTense(t: Token): Tense | null {
  const w = t.lower, lemma = t.lemma;
  if (w.endsWith('ing')) return null;
  if (w === lemma || isStemPlus(w, lemma, lemma.length, 's') || isStemPlus(w, lemma, lemma.length, 'es')
    || (lemma.endsWith('y') && isStemPlus(w, lemma, lemma.length - 1, 'ies'))) return 'present';
  return 'past';
}

/** Whether `word` is the first `stemLength` letters of `lemma` followed by `ending` (compared in place, no new strings). */
function isStemPlus(word: string, lemma: string, stemLength: number, ending: string): boolean {
  if (word.length !== stemLength + ending.length || !word.endsWith(ending)) return false;
  for (let i = 0; i < stemLength; i++) if (word.charCodeAt(i) !== lemma.charCodeAt(i)) return false;
  return true;
}

/**
 * The tense of the verb group whose verb is at `i`: auxiliaries to its left (skipping adverbs and
 * negation) decide; a bare verb falls back to its morphology.
 */
function verbGroupTense(tokens: readonly Token[], i: number, lo: number, depth = 0): Tense | null {
  const v = tokens[i];
  // "is scheduled for", "has been set for": the planned date lies ahead whatever the auxiliary.
  // "were expected to arrive before winter": a plan reported in the past still points ahead.
  if (PLANNED.has(v.lower) || (v.lower === 'set' && /^(?:to|for)$/.test(tokens[i + 1]?.lower ?? ''))) return 'future';
  for (let j = i - 1, seen = 0; j >= lo && seen < 4; j--) {
    const w = tokens[j].lower;
    if (SKIPPABLE.has(w) || tokens[j].pos === 'ADV') continue;
    seen++;
    if (FUTURE_AUX.has(w) || MODAL.has(w)) return 'future';
    if (tokens[j].pos === 'VERB' && depth === 0 && LINKING.has(tokens[j].lemma)) return verbGroupTense(tokens, j, lo, 1);
    if (w === 'to') return infinitiveTense(tokens, j, lo, depth);
    if (PAST_AUX.has(w) || PERFECT_AUX.has(w)) return 'past';
    if (PRESENT_AUX.has(w)) {
      // "is meeting on Friday" (progressive) and "is scheduled for Friday" look ahead.
      if (v.lower.endsWith('ing') || PROSPECTIVE.has(v.lower)) return 'future';
      return 'present';
    }
    if (w === 'did' || w === 'didn') return 'past';
    if (tokens[j].pos !== 'AUX') break;
  }
  return morphologyTense(v);
}

/** Verbs and nouns whose infinitive is still to come: "agreed to meet", "plans to travel", "an offer to host". */
const FORWARD = new Set([
  'agree', 'plan', 'decide', 'promise', 'vow', 'pledge', 'threaten', 'want', 'hope', 'intend', 'expect', 'aim',
  'seek', 'ask', 'urge', 'call', 'invite', 'offer', 'prepare', 'schedule', 'set', 'go', 'propose', 'undertake',
  'commit', 'arrange', 'try', 'attempt', 'need', 'wish', 'order', 'tell', 'allow', 'due', 'likely', 'ready',
  'able', 'unable', 'about', 'effort', 'bid', 'deadline', 'move', 'push', 'proposal', 'request', 'chance', 'opportunity',
]);

/**
 * Tense of an infinitive ("to" at `j`): ahead when its governor looks forward ("agreed to meet on
 * Friday", "is to sign"); otherwise the governor's own tense ("failed to reach a deal on Sunday",
 * "fired tear gas to disperse protesters on Monday night").
 */
function infinitiveTense(tokens: readonly Token[], j: number, lo: number, depth: number): Tense {
  for (let g = j - 1, seen = 0; g >= lo && seen < 4; g--) {
    const t = tokens[g];
    if (SKIPPABLE.has(t.lower) || t.pos === 'ADV' || t.pos === 'PART') continue;
    seen++;
    if (FORWARD.has(t.lemma) || FORWARD.has(t.lower)) return 'future';
    if (t.pos === 'AUX') return 'future'; // "is to sign", "was to arrive"
    if (t.pos === 'VERB') {
      if (depth > 1) return 'future';
      return verbGroupTense(tokens, g, lo, depth + 1) === 'past' ? 'past' : 'future';
    }
    if (t.pos === 'NOUN' || t.pos === 'PROPN' || t.pos === 'PRON') continue; // "fired tear gas to disperse"
    break;
  }
  return 'future';
}

function tokenTense(tokens: readonly Token[], i: number, lo: number): Tense | null {
  const t = tokens[i];
  if (t.pos === 'VERB') return verbGroupTense(tokens, i, lo);
  if (t.pos === 'AUX') {
    // A copula or auxiliary standing for its group ("was", "will be").
    if (FUTURE_AUX.has(t.lower) || MODAL.has(t.lower)) return 'future';
    if (PAST_AUX.has(t.lower)) return 'past';
    if (PRESENT_AUX.has(t.lower)) return 'present';
  }
  return null;
}

/**
 * Tense of the clause around tokens [first, last] of a sentence spanning tokens [lo, hi):
 * the nearest verb group, looking left first (news puts the verb before its date: "confirmed on
 * Monday"), then right ("On Monday, markets fell"). Null when the clause has no finite verb.
 */
export function clauseTense(tokens: readonly Token[], first: number, last: number, lo: number, hi: number): Tense | null {
  let left: { tense: Tense; dist: number } | null = null;
  for (let i = first - 1, d = 1; i >= lo && d <= 14; i--, d++) {
    if (CLAUSE_BREAK.has(tokens[i].text)) break;
    const t = tokenTense(tokens, i, lo);
    if (t) { left = { tense: t, dist: d }; break; }
  }
  let right: { tense: Tense; dist: number } | null = null;
  for (let i = last + 1, d = 1; i < hi && d <= 14; i++, d++) {
    if (CLAUSE_BREAK.has(tokens[i].text)) break;
    // A purpose infinitive after the date ("on Sunday to press their demands") does not date it.
    if (tokens[i - 1]?.lower === 'to' && i - 1 > last) continue;
    const t = tokenTense(tokens, i, lo);
    if (t) {
      // An auxiliary opens its group: take the whole group's tense ("will be delayed").
      right = { tense: t, dist: d };
      if (tokens[i].pos === 'AUX') {
        for (let k = i + 1; k < hi && k <= i + 3; k++) {
          if (tokens[k].pos === 'VERB') { right.tense = verbGroupTense(tokens, k, lo) ?? t; break; }
        }
      }
      break;
    }
  }
  if (left && right) return right.dist + 2 < left.dist ? right.tense : left.tense;
  return left?.tense ?? right?.tense ?? null;
}

