import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import type { Document } from '../document/document.js';
import { defineStage, type Stage } from '../document/pipeline.js';
import type { Sentence, Token } from '../document/types.js';

type Wink = ReturnType<typeof winkNLP>;
let shared: Wink | undefined;

/**
 * wink-nlp adds each token it has not met to its lexicon for good (the model's own holds about
 * 87,600 lexemes), so in a long-running worker the lexicon grows with every new name and number:
 * about 390 bytes of heap a new token, measured over 20,000 synthetic articles with a new number
 * each (2026-12-06). Once a token's id reaches `limit`, the instance is made afresh after that
 * text (about 0.1 s and 6 MB), and the lexeme memo with it, since its ids are the old instance's.
 * `renewals` counts how often.
 */
export const winkLexicon = { limit: 1_000_000, renewals: 0 };

/** wink-nlp with the English lite model (~3 MB), loaded once per process and again when its lexicon is full. */
function wink(): Wink {
  shared ??= winkNLP(model, ['sbd', 'negation', 'pos']);
  return shared;
}

/** Drops the instance whose lexicon is full, and every memo of its ids. */
function renewWink(): void {
  shared = undefined;
  lexemeChunks = [];
  lexemesKnown = 0;
  winkLexicon.renewals++;
}

export interface Segmentation {
  tokens: Token[];
  sentences: Sentence[];
}

/**
 * What wink-nlp says of one lexeme (its uniqueId), whatever the token: wink-nlp reads a token's
 * value and type from the lexeme alone (`cache.value(id)`, `cache.property(id, 'tokenType')`),
 * and the lexicon is append-only, so an id always names the same value and type.
 */
interface LexemeFacts {
  value: string;
  lower: string;
  kind: string;
  /**
   * Lemmas by POS, for tokens that are not parts of a contraction. wink-nlp's `its.lemma` for
   * such a token reads only the lexeme (its spelling map, single-lemma flag and normal form) and
   * the token's POS, and its lemmatizer checks candidates against the built-in vocabulary only:
   * so the lemma is a function of (id, POS). A contraction's lemma is stored per token instead.
   * Most words are met with one POS: the first is kept apart from the others.
   */
  firstPos: string | undefined;
  firstLemma: string;
  otherLemmas: Map<string, string> | null;
}

/** The lemma already known for a lexeme with this POS, if any. */
function knownLemma(facts: LexemeFacts, pos: string): string | undefined {
  return facts.firstPos === pos ? facts.firstLemma : facts.otherLemmas?.get(pos);
}

function rememberLemma(facts: LexemeFacts, pos: string, lemma: string): void {
  if (facts.firstPos === undefined) { facts.firstPos = pos; facts.firstLemma = lemma; } else (facts.otherLemmas ??= new Map()).set(pos, lemma);
}

/** Lexemes already seen, by uniqueId. Bounded: cleared when full (it is a memo, not a record). */
const LEXEME_MEMO_LIMIT = 200_000;
/**
 * Ids are small integers (indices into wink-nlp's lexicon), so the memo is an array of arrays of
 * 1024 ids each: two array reads per token instead of a hash lookup. Chunks exist only for id
 * ranges met, so they grow at most with wink-nlp's own lexicon (8 bytes an id).
 */
const CHUNK_BITS = 10;
const CHUNK_MASK = (1 << CHUNK_BITS) - 1;
let lexemeChunks: (LexemeFacts | undefined)[][] = [];
let lexemesKnown = 0;

function knownLexeme(id: number): LexemeFacts | undefined {
  const chunk = lexemeChunks[id >> CHUNK_BITS];
  return chunk === undefined ? undefined : chunk[id & CHUNK_MASK];
}

function rememberLexeme(id: number, facts: LexemeFacts): void {
  if (lexemesKnown >= LEXEME_MEMO_LIMIT) { lexemeChunks = []; lexemesKnown = 0; }
  (lexemeChunks[id >> CHUNK_BITS] ??= new Array<LexemeFacts | undefined>(1 << CHUNK_BITS))[id & CHUNK_MASK] = facts;
  lexemesKnown++;
}

/**
 * Splits text into sentences and tokens with POS, lemma and negation, keeping UTF-16 offsets.
 * wink-nlp is lossless: each token's preceding spaces plus its value rebuild the text exactly,
 * which is what the offsets are computed from.
 *
 * A text repeats few words many times, so what depends on the word alone (value, lower case,
 * type, most lemmas) is read once per lexeme and remembered; wink-nlp is asked per token only
 * for what depends on the context (POS, negation, spaces, contraction).
 */
export function segment(text: string): Segmentation {
  const nlp = wink();
  const its = nlp.its;
  const doc = nlp.readDoc(text);
  const toks = doc.tokens();
  const ids = toks.out(its.uniqueId as never) as unknown as number[];
  const spaces = toks.out(its.precedingSpaces) as string[];
  const pos = toks.out(its.pos) as string[];
  const negs = toks.out(its.negationFlag) as unknown as boolean[];
  const contracted = toks.out(its.contractionFlag as never) as unknown as boolean[];
  const spans = doc.sentences().out(its.span as never) as unknown as [number, number][];

  const tokens: Token[] = new Array(ids.length);
  let offset = 0;
  let newestId = -1;
  for (let i = 0; i < ids.length; i++) {
    offset += spaces[i].length;
    if (ids[i] > newestId) newestId = ids[i];
    let facts = knownLexeme(ids[i]);
    if (facts === undefined) {
      const item = toks.itemAt(i);
      const value = item.out(its.value) as string;
      facts = { value, lower: value.toLowerCase(), kind: item.out(its.type) as string, firstPos: undefined, firstLemma: '', otherLemmas: null };
      rememberLexeme(ids[i], facts);
    }
    const p = pos[i];
    let lemma: string | undefined;
    if (contracted[i]) lemma = toks.itemAt(i).out(its.lemma as never) as unknown as string;
    else {
      lemma = knownLemma(facts, p);
      if (lemma === undefined) {
        lemma = toks.itemAt(i).out(its.lemma as never) as unknown as string;
        rememberLemma(facts, p, lemma);
      }
    }
    const v = facts.value;
    tokens[i] = {
      index: i, start: offset, end: offset + v.length, text: v, lower: facts.lower,
      pos: p, lemma, negated: Boolean(negs[i]), kind: facts.kind, sentence: 0,
    };
    offset += v.length;
  }
  const sentences: Sentence[] = [];
  for (let k = 0; k < spans.length; k++) {
    const [a, b] = spans[k];
    // Each token's sentence: the last span holding it (0 for a token in none). Whitespace-only
    // spans are dropped and the rest renumbered below; a token outside every kept sentence keeps
    // its span's index.
    for (let i = a; i <= b && i < tokens.length; i++) tokens[i].sentence = k;
    // wink-nlp counts whitespace runs with newlines as tokens; a sentence never starts or ends on one.
    let first = a, last = b;
    while (first < last && tokens[first].pos === 'SPACE') first++;
    while (last > first && tokens[last].pos === 'SPACE') last--;
    // A span with no token (whitespace-only text) or only whitespace is no sentence.
    if (!tokens[first] || tokens[first].pos === 'SPACE') continue;
    sentences.push({ index: sentences.length, start: tokens[first].start, end: tokens[last].end, tokenStart: first, tokenEnd: last + 1 });
  }
  // Re-number token sentence indices after dropping whitespace-only sentences.
  for (const s of sentences) for (let i = s.tokenStart; i < s.tokenEnd; i++) tokens[i].sentence = s.index;
  // This text is read whole; the next is read by a fresh instance if this one's lexicon is full.
  if (newestId >= winkLexicon.limit) renewWink();
  return { tokens, sentences };
}

/**
 * The pipeline's first stage: sentences and tokens. The model is loaded when the stage is made,
 * with the engine's other dictionaries, so the first document read does not pay for it.
 */
export function segmentStage(): Stage {
  wink();
  return defineStage({
    name: 'segment',
    requires: [],
    assigns: ['tokens', 'sentences'],
    run(doc: Document) {
      const { tokens, sentences } = segment(doc.text);
      doc.tokens = tokens;
      doc.sentences = sentences;
    },
  });
}
