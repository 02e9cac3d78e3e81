import type {
  Actor, Article, Diagnostic, Entity, Event, ParleyDocument, Place, Quote, Sentence, Thread,
  TimeExpression, Token,
} from './types.js';
import { SCHEMA } from './types.js';
import type { DiagnosticCode } from './errors.js';
import { DIAGNOSTICS } from './errors.js';

/** The sentence of an ordered list that contains an offset (binary search), or undefined. */
export function sentenceContaining(sentences: readonly Sentence[], offset: number): Sentence | undefined {
  let lo = 0, hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (offset < sentences[mid].start) hi = mid - 1;
    else if (offset >= sentences[mid].end) lo = mid + 1;
    else return sentences[mid];
  }
  return undefined;
}

/** The names of the annotation layers a stage may need or add. */
export type LayerName =
  | 'tokens' | 'sentences' | 'entities' | 'actors' | 'times' | 'places' | 'quotes' | 'events' | 'threads';

/**
 * One article and all its annotation layers. Stages fill layers in place; `toOutput` gives the
 * `parley.document/1` view. A layer that is `undefined` has not been computed; an empty array means
 * the stage ran and found nothing.
 */
export class Document {
  readonly article: Article;
  readonly text: string;
  tokens?: Token[];
  sentences?: Sentence[];
  entities?: Entity[];
  actors?: Actor[];
  times?: TimeExpression[];
  places?: Place[];
  quotes?: Quote[];
  events?: Event[];
  threads?: Thread[];
  readonly diagnostics: Diagnostic[] = [];

  constructor(article: Article) {
    this.article = article;
    this.text = article.text;
  }

  has(layer: LayerName): boolean {
    return this[layer] !== undefined;
  }

  /** Records a data problem on this article; never throws. */
  diagnose(code: DiagnosticCode, detail?: string, span?: { start: number; end: number }): void {
    const message = detail ? `${DIAGNOSTICS[code]}: ${detail}` : DIAGNOSTICS[code];
    const d: Diagnostic = { code, message };
    if (span) { d.start = span.start; d.end = span.end; }
    this.diagnostics.push(d);
  }

  /** The sentence that contains the offset, or undefined. */
  sentenceAt(offset: number): Sentence | undefined {
    return this.sentences ? sentenceContaining(this.sentences, offset) : undefined;
  }

  /** The tokens that overlap a span. */
  tokensIn(start: number, end: number): Token[] {
    const t = this.tokens ?? [];
    let lo = 0, hi = t.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (t[mid].end <= start) lo = mid + 1; else hi = mid; }
    const out: Token[] = [];
    for (let i = lo; i < t.length && t[i].start < end; i++) out.push(t[i]);
    return out;
  }

  toOutput(): ParleyDocument {
    return {
      schema: SCHEMA,
      article: this.article,
      entities: this.entities ?? [],
      actors: this.actors ?? [],
      times: this.times ?? [],
      places: this.places ?? [],
      quotes: this.quotes ?? [],
      events: this.events ?? [],
      threads: this.threads ?? [],
      diagnostics: this.diagnostics,
    };
  }
}
