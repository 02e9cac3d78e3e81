import type { EventFilter } from '../store/types.js';
import { PLOVER_TYPES, FACTUALITIES } from '../document/types.js';
import { ParleyError } from '../document/errors.js';
import { parseDate } from '../ingest/normalize.js';
import { choice, positiveInt } from './args.js';

/** The event filter flags shared by `events` and `export`. */
export const FILTER_OPTIONS = {
  db: { type: 'string' }, actor: { type: 'string' }, recipient: { type: 'string' }, country: { type: 'string' },
  type: { type: 'string' }, factuality: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' },
  text: { type: 'string' }, article: { type: 'string' }, limit: { type: 'string' }, offset: { type: 'string' },
} as const;

export const FILTER_HELP = `  --db PATH|URL       the store (default ./parley.db)
  --actor CODE        actor country (ISO-3 or IGO/NGO/IMG)     --recipient CODE   recipient country
  --country CODE      either side                               --type TYPE        PLOVER type
  --factuality F      asserted, reported, negated, hypothetical, planned or unconfirmed
  --from DATE --to DATE   event date range (inclusive)          --text "words"     full-text search in the article
  --article ID        one article                               --limit N --offset N`;

const day = (flag: string, v: string | undefined) => {
  if (v === undefined) return undefined;
  const d = parseDate(v);
  if (!d) throw new ParleyError('P020', `${flag} "${v}" is not a date: use YYYY-MM-DD`);
  return d;
};

export function filterFromFlags(values: Record<string, string | boolean | string[] | undefined>, defaultLimit: number): EventFilter {
  const s = (k: string) => values[k] as string | undefined;
  const code = (flag: string, v: string | undefined) => {
    if (v === undefined) return undefined;
    if (!/^[A-Za-z]{3}$/.test(v)) throw new ParleyError('P003', `${flag} takes a three-letter country or class code such as UKR, USA or IGO, not "${v}"`);
    return v.toUpperCase();
  };
  return {
    actorCountry: code('--actor', s('actor')), recipientCountry: code('--recipient', s('recipient')), country: code('--country', s('country')),
    type: s('type') === undefined ? undefined : choice('event type', s('type')!.toUpperCase(), PLOVER_TYPES, 'AGREE'),
    factuality: s('factuality') === undefined ? undefined : choice('factuality', s('factuality'), FACTUALITIES, 'asserted'),
    from: day('--from', s('from')), to: day('--to', s('to')), text: s('text'), articleId: s('article'),
    limit: positiveInt('--limit', s('limit'), defaultLimit), offset: positiveInt('--offset', s('offset'), 0),
  };
}
