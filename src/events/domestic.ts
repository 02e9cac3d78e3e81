/**
 * Domestic actors: event coders give a party the text leaves without a country the one state its
 * sentence names (rebels or refugees in a sentence about one government, "the government of
 * President X" where X is the only state named). Parley does the same, for the kinds of party
 * that convention fits, and marks the country as taken from the sentence
 * (`EventParticipant.countryFrom`).
 */
import type { Document } from '../document/document.js';
import type { Actor, Entity, EventParticipant, Place, PloverType } from '../document/types.js';

/** Codes of actors that are not states: international and non-governmental organisations, armed groups without a home. */
const NOT_STATES = new Set(['IGO', 'NGO', 'IMG', 'ISM', 'UIS', 'MNC']);

/** Words by which a name claims more than one state's scope ("the Global Climate Forum"): no domestic actor. */
const INTERNATIONAL_NAME = /\b(?:world|international|global|transnational|multinational)\b/i;

/** A name that says it is a firm ("Apex Motors", "Orion Airlines Ltd"): firms are often foreign to the state a sentence names. */
const FIRM_NAME = /\b(?:corp|corporation|inc|ltd|llc|plc|company|holdings|motors|airlines|airways|bank|industries|technologies)\b/i;

/**
 * Types whose parties are most often of two states (meetings and visits, aid, cooperation): a
 * party the text does not place is not taken for the other's compatriot ("X visited Kenya").
 */
const BETWEEN_STATES = new Set<PloverType>(['CONSULT', 'AID', 'COOPERATE']);

/**
 * Sectors of a state's own organs, and of parties often foreign to the state a sentence names
 * (firms, the press, aid groups): a state's drones, an unnamed governor, foreign companies in
 * Russia are not placed by the sentence.
 */
const STATE_OR_FOREIGN_SECTORS = new Set(['GOV', 'MIL', 'COP', 'SPY', 'LEG', 'JUD', 'ELI', 'BUS', 'MED', 'JRN', 'NGO', 'IGO']);

/** The states one document names, and the party each of its sentences' events may take. */
export class DomesticStates {
  /** How often the article names each state, and the most any has: counted when a sentence first needs it. */
  private named: { counts: Map<string, number>; most: number } | null = null;

  constructor(private readonly doc: Document, private readonly actorsById: ReadonlyMap<string, Actor>) {}

  /**
   * The one state a sentence names, through its actors (countries, nationalities, people the
   * dictionaries place, groups) and its places; null when it names none or several, or when the
   * article names another state more ("rebels accused Russia" in a story on Syria: the sentence's
   * one state is not theirs). Organisations that are not states (the UN) name no state.
   */
  stateOf(entities: readonly Entity[], places: readonly Place[]): string | null {
    let sole: string | null = null;
    const take = (country: string | null | undefined): boolean => {
      if (!country || NOT_STATES.has(country)) return true;
      if (sole !== null && sole !== country) return false;
      sole = country;
      return true;
    };
    for (const e of entities) if (e.actor && !take(this.actorsById.get(e.actor)?.country)) return null;
    for (const p of places) if (!take(p.country)) return null;
    if (sole === null) return null;
    const named = (this.named ??= this.countStates());
    return (named.counts.get(sole) ?? 0) < named.most ? null : sole;
  }

  /**
   * The state an event's parties on one side may take: the sentence's (`state`), unless the type's
   * parties are most often of two states, or the side is an attack's and its target is that state
   * itself: whoever fires rockets at Israel is most likely not Israeli, while gunmen attacking a
   * hotel in Mogadishu or rebels a police station in Mali are of the place.
   */
  stateFor(type: PloverType, side: 'actor' | 'recipient', state: string | null, targets: readonly EventParticipant[]): string | null {
    if (!state || BETWEEN_STATES.has(type)) return null;
    if (side === 'actor' && type === 'ASSAULT' && targets.some((t) => t.country === state && t.sector === 'GOV')) return null;
    return state;
  }

  /**
   * The participant as the event keeps it: with the sentence's state (`state`, or null for none)
   * when the text gives it no country and it is of a kind event coders place so (`domesticKind`).
   */
  participant(p: EventParticipant, state: string | null): EventParticipant {
    if (p.country || !state || !domesticKind(p, p.ref ? this.actorsById.get(p.ref) : undefined)) return { ...p };
    return { ...p, country: state, countryFrom: 'sentence' };
  }

  /** How many mentions of each state the article has (its actors' and places'). */
  private countStates(): { counts: Map<string, number>; most: number } {
    const counts = new Map<string, number>();
    const bump = (c: string | null | undefined): void => { if (c && !NOT_STATES.has(c)) counts.set(c, (counts.get(c) ?? 0) + 1); };
    for (const e of this.doc.entities ?? []) if (e.actor) bump(this.actorsById.get(e.actor)?.country);
    for (const p of this.doc.places ?? []) bump(p.country);
    let most = 0;
    for (const n of counts.values()) most = Math.max(most, n);
    return { counts, most };
  }
}

/**
 * Whether a participant with no country is one event coders place in the sentence's state: a
 * named office holder no dictionary knows ("President X"), a domestic group (rebels, students,
 * refugees, radicals), or an unknown proper name (a party, a newspaper), unless the name claims
 * international scope or is a firm's. An unnamed office ("the governor") or a state organ is not.
 * (A firm whose name does not say so, "Boeing", is still taken for the sentence's; its country is
 * marked as taken from the sentence, for a reader to weigh.)
 */
function domesticKind(p: EventParticipant, actor: Actor | undefined): boolean {
  if (INTERNATIONAL_NAME.test(p.name)) return false;
  if (actor?.title && /^\p{Lu}/u.test(actor.name)) return true;
  if (p.sector) return !STATE_OR_FOREIGN_SECTORS.has(p.sector);
  return /^\p{Lu}/u.test(p.name.replace(/^the\s+/i, '')) && !FIRM_NAME.test(p.name);
}
