/** Shapes the API sends that the web UI reads too (types only: the UI bundle imports this file). */

export interface Aggregates {
  events: number;
  truncated: boolean;
  /** Events per day and PLOVER type. */
  days: { date: string; type: string; count: number }[];
  /** Who acts on whom (actor country → recipient country), weighted by events. */
  dyads: { source: string; target: string; count: number; types: Record<string, number> }[];
  /** A display name for each node of the network (a country's government name as the articles give it). */
  names: Record<string, string>;
  /** Event places with their counts. */
  places: { name: string; country: string | null; lat: number; lon: number; count: number; types: Record<string, number> }[];
}
