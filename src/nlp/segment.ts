import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import type { Document } from '../document/document.js';
import { defineStage, type Stage } from '../document/pipeline.js';
import type { Sentence, Token } from '../document/types.js';

type Wink = ReturnType<typeof winkNLP>;
let shared: Wink | undefined;

/** wink-nlp with the English lite model, loaded once per process (the model is ~3 MB). */
function wink(): Wink {
  shared ??= winkNLP(model, ['sbd', 'negation', 'pos']);
  return shared;
}

export interface Segmentation {
  tokens: Token[];
  sentences: Sentence[];
}

/**
 * Splits text into sentences and tokens with POS, lemma and negation, keeping UTF-16 offsets.
 * wink-nlp is lossless: each token's preceding spaces plus its value rebuild the text exactly,
 * which is what the offsets are computed from.
 */
export function segment(text: string): Segmentation {
  const nlp = wink();
  const its = nlp.its;
  const doc = nlp.readDoc(text);
  const toks = doc.tokens();
  const values = toks.out(its.value) as string[];
  const spaces = toks.out(its.precedingSpaces) as string[];
  const pos = toks.out(its.pos) as string[];
  const lemmas = toks.out(its.lemma as never) as unknown as string[];
  const negs = toks.out(its.negationFlag) as unknown as boolean[];
  const types = toks.out(its.type) as string[];
  const spans = doc.sentences().out(its.span as never) as unknown as [number, number][];

  const sentenceOf = new Int32Array(values.length);
  spans.forEach(([a, b], k) => { for (let i = a; i <= b; i++) sentenceOf[i] = k; });

  const tokens: Token[] = new Array(values.length);
  let offset = 0;
  for (let i = 0; i < values.length; i++) {
    offset += spaces[i].length;
    const v = values[i];
    tokens[i] = {
      index: i, start: offset, end: offset + v.length, text: v, lower: v.toLowerCase(),
      pos: pos[i], lemma: lemmas[i], negated: Boolean(negs[i]), kind: types[i], sentence: sentenceOf[i],
    };
    offset += v.length;
  }
  const sentences: Sentence[] = [];
  for (const [a, b] of spans) {
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
  return { tokens, sentences };
}

/** The pipeline's first stage: sentences and tokens. */
export function segmentStage(): Stage {
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
