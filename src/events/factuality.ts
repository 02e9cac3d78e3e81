/**
 * Factuality cues: how the article commits to an event — quotes and speech verbs (reported),
 * "has not confirmed whether" (unconfirmed), if-clauses and the content of demands
 * (hypothetical), clauses that look forward (before/until).
 */
import type { Quote } from '../document/types.js';
import type { SentenceView, VerbChain } from './sentence.js';

const REQUEST_WORDS = new Set(['demand', 'insist', 'urge', 'propose', 'recommend', 'suggest', 'ask', 'require', 'request', 'call', 'appeal', 'plea', 'order', 'decree']);

/** Reported: inside a quote, under a speech verb ("X said Y attacked Z"), or "according to". */
export function reportedBy(view: SentenceView, quotes: readonly Quote[], i: number, chain: VerbChain, speech: number[], according: boolean): { reported: boolean; attribution: string | null } {
  const t = view.token(i);
  const quote = quotes.find((q) => q.start <= t.start && t.end <= q.end);
  if (quote) return { reported: true, attribution: quote.id };
  let governing = -1;
  for (const s of speech) {
    if (s < chain.start && !inRelativeAside(view, s, i)) governing = s;
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
  const cue = view.token(governing);
  const q = quotes.find((qq) => qq.cue && qq.cue.start <= cue.start && cue.end <= qq.cue.end);
  return { reported: true, attribution: q ? q.id : null };
}

/**
 * A speech verb inside a relative aside that closes before the trigger does not govern it:
 * "Russia, which said it wanted peace, attacked Ukraine".
 */
function inRelativeAside(view: SentenceView, s: number, i: number): boolean {
  let rel = -1;
  for (let k = s - 1; k >= 0 && k >= s - 4; k--) {
    if (view.grammar.relativePronouns.has(view.lower(k)) && view.lower(k) !== 'that') { rel = k; break; }
    if (view.isHardPunct(k)) break;
  }
  if (rel < 0 || !view.isComma(rel - 1)) return false;
  for (let k = s + 1; k < i; k++) if (view.isComma(k)) return true;
  return false;
}

/** "has not confirmed whether …", "allegedly …". */
export function isUnconfirmed(view: SentenceView, i: number, chain: VerbChain): boolean {
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
export function inConditional(view: SentenceView, i: number): boolean {
  const g = view.grammar;
  for (let k = i - 1; k >= 0; k--) {
    if (view.isHardPunct(k)) return false;
    if (g.conditional.has(view.lower(k)) && view.pos(k) !== 'ADV') return true;
  }
  return false;
}

/** An if/unless clause follows in the same sentence ("willing to meet if Chile agrees"). */
export function conditionalFollows(view: SentenceView, from: number): boolean {
  const g = view.grammar;
  for (let k = from; k < view.n; k++) {
    if (view.isHardPunct(k) && !view.isComma(k)) return false;
    if (g.conditional.has(view.lower(k)) && view.lower(k) !== 'otherwise') return true;
  }
  return false;
}

/** The clause is the content of a demand ("demanded that Peru lift the curfew"): not a fact. */
export function underRequest(view: SentenceView, start: number): boolean {
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

/** A clause that looks forward: "before the rebels disarm", "until new elections are held". */
export function inFutureClause(view: SentenceView, start: number): boolean {
  for (let k = start - 1; k >= 0; k--) {
    if (view.isHardPunct(k)) return false;
    const w = view.lower(k);
    if ((w === 'before' || w === 'until') && !view.lower(k + 1).endsWith('ing')) return true;
    if (view.isClauseBreaker(k)) return false;
  }
  return false;
}
