import type { PlaceRecord } from './gazetteer.js';

/** What the article tells about where it is, to choose among places of one name. */
export interface PlaceContext {
  /** How often the article names each country (ISO alpha-3) or a place that lies only in it. */
  countryMentions: ReadonlyMap<string, number>;
  /** US state codes (GeoNames admin1) named anywhere in the article. */
  usStates: ReadonlySet<string>;
  /** A qualifier written after the name: "Springfield, Illinois" or "Odessa, Texas" or "Lviv, Ukraine". */
  qualifier?: { country?: string; admin1?: string };
}

const defaults = Object.freeze({
  /** A country beats a city of the same name ("Panama", "Singapore", "Djibouti"). */
  countryBonus: 50,
  /** The feature bonus, in the same unit as log10(population). */
  featureBonus: Object.freeze({ PPLC: 1, PPLG: 1, PPLA: 0.3 } as Record<string, number>),
  /** The country the article talks most about adds up to this much (Odessa, Texas in a Texas story). */
  articleCountryWeight: 1.5,
  /** A US state named in the article. */
  articleStateBonus: 1.5,
});

/**
 * Chooses among places that share a name. In order of strength: a written qualifier
 * ("Springfield, Illinois"), a country over a city, then a score of size (log10 of population),
 * capital status, and how much the article talks about each place's country — so "Donetsk" is the
 * Ukrainian city of a million even in a story that names Russia more, while "Odessa" in a story
 * about Texas is Odessa, Texas.
 */
export function choosePlace(records: readonly PlaceRecord[], context: PlaceContext): PlaceRecord {
  if (records.length === 1) return records[0];
  let pool = records;
  const q = context.qualifier;
  if (q) {
    const qualified = records.filter((r) => (!q.country || r.country === q.country) && (!q.admin1 || r.admin1 === q.admin1));
    if (qualified.length) pool = qualified;
  }
  let most = 0;
  for (const n of context.countryMentions.values()) most = Math.max(most, n);
  let best = pool[0], bestScore = -Infinity;
  for (const r of pool) {
    let score = Math.log10(r.population + 10) + (defaults.featureBonus[r.feature] ?? 0);
    if (r.feature === 'COUNTRY') score += defaults.countryBonus;
    if (most > 0) score += defaults.articleCountryWeight * (context.countryMentions.get(r.country) ?? 0) / most;
    if (r.country === 'USA' && r.admin1 && context.usStates.has(r.admin1)) score += defaults.articleStateBonus;
    if (score > bestScore) { best = r; bestScore = score; }
  }
  return best;
}
