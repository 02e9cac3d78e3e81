/**
 * Resolution: turns recognised mentions into coded actors valid on the publication date, and
 * links mentions of the same actor within the article (surnames, "the Ukrainian President",
 * "he", "the rebels").
 *
 * Dates. A person's role is the one whose [start, end] holds the date. With a date past all
 * roles the person is a former office holder: CAMEO codes them as elites (ELI) of their last
 * country. With no date at all (an undated text), the person's most recent role is used: an
 * undated report is read as current news, and the dictionary is kept to today.
 */
import type { Actor, Entity } from '../document/types.js';
import { sortByInsertion } from '../document/sort.js';
import type { ActorDictionary, Office, PersonRecord, RoleRecord, TitleRecord, UnitRecord } from './dictionary.js';
import type { Mention, Ref } from './recognize.js';

/** An actor as `resolveActor` and the output give it; `office` is Parley's extra field. */
export interface ResolvedActor {
  name: string;
  country: string | null;
  sector: string | null;
  wikidata: string | null;
  title?: string | null;
  office?: Office | null;
}

export interface RoleChoice {
  role: RoleRecord | null;
  /** current: a role holds on the date; former: all roles ended before it; future: none began yet. */
  status: 'current' | 'former' | 'future' | 'undated';
}

/** The role a person holds on a date (YYYY-MM-DD, or null for undated text). */
export function roleOn(person: PersonRecord, date: string | null, prefer?: TitleRecord | null): RoleChoice {
  const roles = person.roles;
  if (!roles.length) return { role: null, status: 'undated' };
  const rank = (r: RoleRecord): number => {
    let score = 0;
    if (prefer && (r.office === prefer.office && prefer.office !== 'other' || (r.title ?? '').toLowerCase() === prefer.title.toLowerCase())) score += 10;
    score += r.office === 'head-of-state' ? 4 : r.office === 'head-of-government' ? 3 : r.office === 'foreign-minister' ? 2 : r.office === 'defence-minister' ? 1 : 0;
    return score;
  };
  if (date === null) {
    // Undated: the most recent role (latest start), preferring the office the text names.
    const pool = prefer && roles.some((r) => rank(r) >= 10) ? roles.filter((r) => rank(r) >= 10) : roles;
    const latest = [...pool].sort((a, b) => b.from.localeCompare(a.from) || rank(b) - rank(a))[0];
    return { role: latest, status: 'undated' };
  }
  const d = date.slice(0, 10);
  const current = roles.filter((r) => r.from <= d && d <= r.to).sort((a, b) => rank(b) - rank(a) || b.from.localeCompare(a.from));
  if (current.length) return { role: current[0], status: 'current' };
  const past = roles.filter((r) => r.to < d).sort((a, b) => b.to.localeCompare(a.to));
  if (past.length) return { role: past[0], status: 'former' };
  return { role: [...roles].sort((a, b) => a.from.localeCompare(b.from))[0], status: 'future' };
}

/** The coded actor for a person on a date. */
export function personActor(person: PersonRecord, date: string | null, title: TitleRecord | null, former: boolean): ResolvedActor {
  const { role, status } = roleOn(person, date, title);
  if (!role) return { name: person.name, country: null, sector: null, wikidata: person.wikidata, title: null, office: null };
  if (former || status === 'former') {
    return { name: person.name, country: role.country, sector: 'ELI', wikidata: person.wikidata, title: null, office: null };
  }
  if (status === 'future') return { name: person.name, country: role.country, sector: null, wikidata: person.wikidata, title: null, office: null };
  return { name: person.name, country: role.country, sector: role.sector, wikidata: person.wikidata, title: role.title, office: role.office };
}

/** Who holds an office in a country on a date, when exactly one person does. */
export function officeHolder(dict: ActorDictionary, country: string, title: TitleRecord, date: string): PersonRecord | null {
  const d = date.slice(0, 10);
  const found = new Set<PersonRecord>();
  for (const p of dict.peopleByCountry.get(country) ?? []) {
    for (const r of p.roles) {
      if (r.country !== country || !(r.from <= d && d <= r.to)) continue;
      const sameOffice = title.office !== 'other' && r.office === title.office;
      const sameTitle = (r.title ?? '').toLowerCase() === title.title.toLowerCase();
      if (sameOffice || sameTitle) found.add(p);
    }
  }
  return found.size === 1 ? [...found][0] : null;
}

interface Slot {
  actor: Actor & { office?: Office | null };
  /** Person-like: can be "he", "the President", a surname. */
  personal: boolean;
  /** Lower-cased name tokens, for surname coreference. */
  nameTokens: string[];
}

export interface ResolveResult {
  entities: (Entity & { asActor: boolean; country: string | null })[];
  actors: (Actor & { office?: Office | null })[];
  /** Unknown names and unresolved offices, for diagnostics. */
  unknown: { code: 'P200' | 'P201'; detail: string; start: number; end: number }[];
}

const stripDeterminer = (s: string): string => {
  // Each of these words starts with t, a, o, s, i or h (in either case: ASCII only, as the
  // regex's case folding keeps to ASCII): a label starting otherwise is left as it is at once.
  const c = s.charCodeAt(0) | 0x20;
  if (c !== 116 && c !== 97 && c !== 111 && c !== 115 && c !== 105 && c !== 104) return s;
  return s.replace(/^(the|a|an|one|some|several|two|three|its|their|his|her)\s+/i, '');
};

type Seen = { m: Mention; slot: Slot };

/** One article's resolution state: the actors so far, in text order, for coreference. */
class ArticleResolver {
  private readonly slots = new Map<string, Slot>();
  /**
   * The slots of people (current and former) and of collectives, kept apart from `slots` so that
   * finding one needs no key string built per mention. An article names few collectives: they
   * are searched in a list (no map per country to make).
   */
  private readonly people = new Map<PersonRecord, Slot>();
  private formerPeople: Map<PersonRecord, Slot> | null = null;
  private readonly collectives: { country: string | null; sector: string | null; slot: Slot }[] = [];
  /** The slots of organisations, armed groups and seats by unit and sector (a short list too). */
  private readonly units: { unit: UnitRecord; sector: string; slot: Slot }[] = [];
  private readonly slotList: Slot[] = [];
  /**
   * The mentions another mention's ref points to (the person in "the Trump administration", the
   * office an envoy serves): the only ones that can be asked for twice, so the only ones whose
   * result is kept here. Null when the article has none (most articles).
   */
  private readonly referenced: Set<Mention> | null;
  private readonly actorOf = new Map<Mention, Slot | null>();
  readonly unknown: ResolveResult['unknown'] = [];
  /** Mentions already resolved, in text order, for "the rebels", "he", "its troops". */
  readonly seen: Seen[] = [];
  /** Last names of people the article names but the dictionary does not know (made at the first: most articles have none). */
  private unknownSurnames: Set<string> | null = null;
  /** Acronyms the article defines in brackets: "(FIS)" (made at the first). */
  private acronyms: Map<string, Slot> | null = null;

  constructor(
    private readonly dict: ActorDictionary, private readonly text: string, private readonly date: string | null, mentions: readonly Mention[],
  ) {
    let referenced: Set<Mention> | null = null;
    for (let k = 0; k < mentions.length; k++) {
      const ref = mentions[k].ref;
      if (ref.kind === 'collective' && ref.via) (referenced ??= new Set()).add(ref.via);
      else if (ref.kind === 'personGroup') (referenced ??= new Set()).add(ref.person);
    }
    this.referenced = referenced;
  }

  private slot(key: string, make: ResolvedActor | (() => ResolvedActor), personal: boolean, nameTokens: string[] = []): Slot {
    let s = this.slots.get(key);
    if (!s) {
      s = this.newSlot(typeof make === 'function' ? make() : make, personal, nameTokens);
      this.slots.set(key, s);
    }
    return s;
  }

  /** A new actor, listed after those before it (the caller files it where it will find it again). */
  private newSlot(r: ResolvedActor, personal: boolean, nameTokens: string[]): Slot {
    const actor: Actor & { office?: Office | null } = {
      id: '', name: r.name, country: r.country, sector: r.sector, title: r.title ?? null, wikidata: r.wikidata, mentions: [],
    };
    if (r.office !== undefined) actor.office = r.office;
    const s: Slot = { actor, personal, nameTokens };
    this.slotList.push(s);
    return s;
  }

  private countryName(iso3: string | null): string | null { return iso3 ? this.dict.countries.get(iso3)?.name ?? iso3 : null; }

  private personSlot(person: PersonRecord, title: TitleRecord | null, former: boolean): Slot {
    const byPerson = former ? (this.formerPeople ??= new Map()) : this.people;
    let s = byPerson.get(person);
    if (!s) {
      s = this.newSlot(personActor(person, this.date, title, former), true, [person.name.toLowerCase().split(/\s+/).pop()!]);
      byPerson.set(person, s);
    }
    return s;
  }

  /** The collective of a country and sector; when new, named from `label` (or, when that is empty, the country's name). */
  private collectiveSlot(country: string | null, sector: string | null, label: string): Slot {
    const collectives = this.collectives;
    for (let k = 0; k < collectives.length; k++) {
      const c = collectives[k];
      if (c.country === country && c.sector === sector) return c.slot;
    }
    // The country's record, looked up once (`countryName` would look it up for each use).
    const record = country ? this.dict.countries.get(country) : undefined;
    const countryName = country ? record?.name ?? country : null;
    if (!label && country) label = countryName!;
    const bare = stripDeterminer(label);
    // "their forces" after "Bosnian Serbs" is named "Bosnian forces", not "forces".
    const named = country && bare && !/\p{Lu}/u.test(bare) && country !== 'IGO' ? `${record?.demonym ?? countryName} ${bare}` : bare;
    const s = this.newSlot({
      name: country && sector === 'GOV' ? countryName! : named || countryName || sector || 'unknown',
      country, sector, wikidata: country && sector === 'GOV' ? record?.wikidata ?? null : null, title: null,
    }, false, []);
    collectives.push({ country, sector, slot: s });
    return s;
  }

  private unitSlot(unit: UnitRecord, sector: string): Slot {
    const units = this.units;
    for (let k = 0; k < units.length; k++) {
      const u = units[k];
      if (u.unit === unit && u.sector === sector) return u.slot;
    }
    const s = this.newSlot({ name: unit.name, country: unit.country, sector, wikidata: unit.wikidata, title: null }, false, []);
    units.push({ unit, sector, slot: s });
    return s;
  }

  /**
   * The actor of a mention. Each mention is resolved once: in text order by `resolveMentions`, and
   * a referenced one maybe before, by the mention that refers to it (its result is kept for both).
   */
  resolve(m: Mention): Slot | null {
    if (this.referenced === null || !this.referenced.has(m)) return this.resolveRef(m, m.ref);
    const known = this.actorOf.get(m);
    if (known !== undefined) return known;
    this.actorOf.set(m, null);
    const s = this.resolveRef(m, m.ref);
    this.actorOf.set(m, s);
    return s;
  }

  /** The nearest actor mentioned before m (within `sentences` sentences) that fits. */
  private recentBefore(m: Mention, fits: (s: Slot) => boolean, sentences = Infinity): Slot | null {
    const seen = this.seen;
    for (let k = seen.length - 1; k >= 0; k--) {
      const x = seen[k];
      if (x.m.start >= m.start) continue;
      if (m.sentence - x.m.sentence > sentences) break;
      if (fits(x.slot)) return x.slot;
    }
    return null;
  }

  private resolveRef(m: Mention, ref: Ref): Slot | null {
    const { text, date, dict } = this;
    switch (ref.kind) {
      case 'person': {
        // "Fritz Henderson … Henderson said": a surname the article gave to someone the dictionary
        // does not know is that person, not the dictionary's namesake.
        if (this.unknownSurnames && !ref.title) {
          const said = text.slice(m.start, m.end);
          if (!/\s/.test(said) && this.unknownSurnames.has(said.toLowerCase())) return null;
        }
        return this.personSlot(ref.person, ref.title, ref.former);
      }
      case 'named': {
        // A person the dictionary does not know: later surnames link to it ("Tom King … King said").
        const key = `n:${ref.name.toLowerCase()}`;
        return this.slots.get(key) ?? this.slot(key, { name: ref.name, country: ref.country, sector: ref.sector, wikidata: null, title: ref.title }, true,
          ref.name.toLowerCase().split(/\s+/));
      }
      case 'unit': {
        const u = ref.unit;
        // A seat of power is its government (or branch): "the White House" is the United States' GOV.
        if (u.kind === 'seat' && /^[A-Z]{3}$/.test(u.country)) return this.collectiveSlot(u.country, ref.sector, u.name);
        return this.unitSlot(u, ref.sector);
      }
      case 'collective': {
        let country = ref.country;
        if (ref.via) {
          const inner = this.resolve(ref.via);
          country = inner?.actor.country ?? ref.via.country ?? null;
          if (!country) return null;
        }
        if (!country && ref.possessor) {
          // "its troops", "their forces": the country of the nearest actor before, in this sentence.
          const personal = ref.possessor === 'his' || ref.possessor === 'her';
          const near = this.recentBefore(m, (s) => s.personal === personal && !!s.actor.country && s.actor.country !== 'IGO', 0);
          if (near) country = near.actor.country;
        }
        if (country && ref.definite && m.type === 'PERSON' && ref.sector === 'GOV' && /(leader|ruler|head of state|head of government|strongman)$/i.test(ref.label)) {
          // "the Ukrainian leader": the person of that country the article last named.
          const near = this.recentBefore(m, (s) => s.personal && s.actor.country === country && s.actor.sector === 'GOV');
          if (near) return near;
        }
        if (!country && ref.definite && ref.sector && (m.type === 'GROUP' || m.type === 'PERSON') && !/^(the )?\S*(missile|drone|rocket|shell|jet|plane|tank|warship|ship|artillery)s?$/i.test(ref.label)) {
          // "the rebels", "the army": the last actor of that sector with a country.
          const sector = ref.sector;
          const near = this.recentBefore(m, (s) => s.actor.sector === sector && !!s.actor.country && !s.personal);
          if (near) return near;
        }
        if (ref.named) {
          // A named organisation of a known country ("the Serbian Workers' Union") is an actor of its own.
          return this.slot(`named:${ref.label.toLowerCase()}`, { name: ref.label.replace(/^the\s+/i, ''), country, sector: ref.sector, wikidata: null, title: null }, false);
        }
        if (m.anonymous) {
          return this.slot(`anon:${m.start}`, { name: text.slice(m.start, m.end), country, sector: ref.sector, wikidata: null, title: null }, false);
        }
        if (!country && !ref.sector) return null;
        // An empty label names the collective after its country (when it is new).
        return this.collectiveSlot(country, ref.sector, ref.label);
      }
      case 'office': {
        const title = ref.title;
        if (ref.former) {
          return ref.country ? this.slot(`o:${ref.country}/${title.title}/former`, { name: `former ${ref.label}`, country: ref.country, sector: 'ELI', wikidata: null, title: null }, true) : null;
        }
        if (ref.country && date) {
          const holder = officeHolder(dict, ref.country, title, date);
          if (holder) return this.personSlot(holder, title, false);
        }
        // The article's own office holder: "President Volodymyr Zelensky … the Ukrainian President".
        const country = ref.country;
        const near = this.recentBefore(m, (s) => s.personal && (!country || s.actor.country === country) &&
          ((s.actor.title ?? '').toLowerCase() === title.title.toLowerCase() || (!!s.actor.office && s.actor.office === title.office && title.office !== 'other')));
        if (near) return near;
        if (m.anonymous && ref.country) {
          return this.slot(`anon:${m.start}`, { name: text.slice(m.start, m.end), country: ref.country, sector: title.sector, wikidata: null, title: title.title }, false);
        }
        if (!ref.country) {
          if (/^(a|an|one)\s/i.test(text.slice(m.start, m.end))) return null;
          this.unknown.push({ code: 'P201', detail: `"${text.slice(m.start, m.end)}": whose ${title.title} the article does not say`, start: m.start, end: m.end });
          return null;
        }
        return this.slot(`o:${ref.country}/${title.title}`, {
          name: ref.label.replace(/^the\s+/i, ''), country: ref.country, sector: title.sector, wikidata: null, title: title.title, office: title.office,
        }, true, []);
      }
      case 'personGroup': {
        const inner = this.resolve(ref.person);
        if (!inner || !inner.actor.country) return null;
        return this.collectiveSlot(inner.actor.country, ref.sector, ref.sector === 'GOV' ? '' : ref.label);
      }
      case 'unknown': {
        // "the Islamic Salvation Front (FIS)": an acronym in brackets right after an actor is that actor,
        // here and later in the article.
        const acronym = this.acronyms?.get(ref.name);
        if (acronym) return acronym;
        const prev = this.seen[this.seen.length - 1];
        // (The closing bracket is asked about first: it rules out most names without cutting out the text before them.)
        if (prev && text.charAt(m.end) === ')' && /^\s*\(\s*$/.test(text.slice(prev.m.end, m.start)) && /^[A-Z][A-Za-z.\-/]{1,9}$/.test(ref.name)) {
          (this.acronyms ??= new Map()).set(ref.name, prev.slot);
          return prev.slot;
        }
        const words = ref.name.toLowerCase().split(/\s+/);
        const last = words[words.length - 1];
        for (let k = this.slotList.length - 1; k >= 0; k--) {
          const s = this.slotList[k];
          if (!s.personal || !s.nameTokens.length) continue;
          if (s.nameTokens[s.nameTokens.length - 1] === last && (words.length === 1 || s.nameTokens.join(' ').endsWith(words.join(' ')))) return s;
        }
        if (m.type === 'PERSON' && words.length >= 2) (this.unknownSurnames ??= new Set()).add(last);
        // An unknown name used as a location is left to the places stage, without a diagnostic.
        if (m.type !== 'GPE' && m.type !== 'LOC') this.unknown.push({ code: 'P200', detail: `"${ref.name}"`, start: m.start, end: m.end });
        return null;
      }
      case 'pronoun': return null;
    }
  }

  /** "he" links to the one person named before it in this sentence, else in the previous one. */
  pronoun(p: { start: number; end: number; sentence: number }): Slot | null {
    const here = new Set<Slot>(), prev = new Set<Slot>();
    for (const x of this.seen) {
      if (!x.slot.personal || x.m.start >= p.start) continue;
      if (x.m.sentence === p.sentence) here.add(x.slot);
      else if (x.m.sentence === p.sentence - 1) prev.add(x.slot);
    }
    return here.size === 1 ? [...here][0] : here.size === 0 && prev.size === 1 ? [...prev][0] : null;
  }
}

const byPosition = (a: Mention, b: Mention): number => a.start - b.start || a.end - b.end;

/** Are the mentions already in position order? (Sentence by sentence they mostly are.) */
function inPositionOrder(mentions: readonly Mention[]): boolean {
  for (let k = 1; k < mentions.length; k++) if (byPosition(mentions[k - 1], mentions[k]) > 0) return false;
  return true;
}

/**
 * Resolves mentions (any order) and pronoun candidates into entities and actors for one article.
 * `text` is the article text, `date` its publication date or null.
 */
export function resolveMentions(
  dict: ActorDictionary, text: string, date: string | null, mentions: Mention[],
  pronouns: { start: number; end: number; sentence: number }[],
): ResolveResult {
  // The sort is stable, so mentions already in order would come out as they are: no copy to sort
  // then. Recognition emits them nearly in order (a phrase's nested names just before the phrase),
  // so each moves only a few places: insertion, not the built-in sort.
  const ordered = inPositionOrder(mentions) ? mentions : sortByInsertion(mentions.slice(), byPosition);
  const r = new ArticleResolver(dict, text, date, ordered);

  // Resolve in text order, pronouns interleaved (a pronoun inside a mention, "his government", is not one).
  const free = pronouns.length ? pronouns.filter((p) => !ordered.some((m) => m.start <= p.start && p.end <= m.end)) : pronouns;
  /** The actor of each mention of `ordered`, by index; pronouns that refer back, with theirs. */
  const slots = new Array<Slot | null>(ordered.length);
  const pronounMentions: Mention[] = [];
  const pronounSlots: Slot[] = [];
  let k = 0;
  for (let x = 0; x < ordered.length; x++) {
    const m = ordered[x];
    while (k < free.length && free[k].start < m.start) resolvePronoun(free[k++]);
    const s = r.resolve(m);
    slots[x] = s;
    if (s && m.asActor) r.seen.push({ m, slot: s });
  }
  while (k < free.length) resolvePronoun(free[k++]);

  function resolvePronoun(p: { start: number; end: number; sentence: number }): void {
    const pick = r.pronoun(p);
    if (!pick) return;
    const m: Mention = { start: p.start, end: p.end, sentence: p.sentence, type: 'PERSON', ref: { kind: 'pronoun' }, asActor: true, country: pick.actor.country, anonymous: false, nested: false };
    r.seen.push({ m, slot: pick });
    pronounMentions.push(m);
    pronounSlots.push(pick);
  }

  const entities: ResolveResult['entities'] = [];
  let actorCount = 0;
  const actors: ResolveResult['actors'] = [];
  // Mentions and pronouns in position order: both lists are in order, and no pronoun shares a
  // mention's span (one inside a mention is none), so they are merged, mentions first on a tie.
  for (let x = 0, y = 0; x < ordered.length || y < pronounMentions.length;) {
    const fromMentions = y >= pronounMentions.length || (x < ordered.length && byPosition(ordered[x], pronounMentions[y]) <= 0);
    const m = fromMentions ? ordered[x] : pronounMentions[y];
    const slot = fromMentions ? slots[x++] : pronounSlots[y++];
    // Nested names are not actor mentions; a place used as a location keeps its government as actor.
    const s = m.nested ? null : slot;
    const id = `e${entities.length + 1}`;
    if (s) {
      if (!s.actor.id) { s.actor.id = `a${++actorCount}`; actors.push(s.actor); }
      s.actor.mentions.push(id);
    }
    const e: ResolveResult['entities'][number] = {
      id, text: text.slice(m.start, m.end), start: m.start, end: m.end, type: m.type, actor: s ? s.actor.id : null,
      asActor: m.asActor, country: m.country ?? s?.actor.country ?? null,
    };
    if (m.anonymous) e.anonymous = true;
    entities.push(e);
  }
  return { entities, actors, unknown: r.unknown };
}
