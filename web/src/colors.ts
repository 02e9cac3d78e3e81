/** One colour per PLOVER type, grouped by QuadClass: cooperation in greens/blues, conflict in reds. */
export const TYPE_COLORS: Record<string, string> = {
  AGREE: '#1b7f5a', CONSULT: '#2f9e8f', SUPPORT: '#5bb974', CONCEDE: '#9ccc65',
  COOPERATE: '#2f6fbd', AID: '#5a8fd6', RETREAT: '#8fb3e8', REQUEST: '#7b61c9',
  ACCUSE: '#e0a030', REJECT: '#d4762c', THREATEN: '#c2571f', PROTEST: '#b08a2e',
  SANCTION: '#a64ca6', MOBILIZE: '#8c5a3c', COERCE: '#c43b4f', ASSAULT: '#8e1b2c',
};
export const PLOVER_TYPES = Object.keys(TYPE_COLORS);
export const FACTUALITIES = ['asserted', 'reported', 'negated', 'hypothetical', 'planned', 'unconfirmed'];
export const typeColor = (t: string) => TYPE_COLORS[t] ?? '#888';
/** The type an item has most events of. */
export const dominantType = (types: Record<string, number>) => Object.entries(types).sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
