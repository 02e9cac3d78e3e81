import type { Token } from '../document/types.js';

/**
 * Whether a place name is used as a location ("talks in Kyiv", "attacks across eastern Ukraine",
 * "a meeting on U.S. soil") rather than as an actor ("Kyiv insists", "Washington's expectations").
 * Only locative uses become places; the actors stage reads the others.
 */

const defaults = Object.freeze({
  /** Prepositions that put what follows in a place. */
  locativePrepositions: new Set([
    'in', 'at', 'near', 'across', 'outside', 'around', 'into', 'inside', 'throughout', 'within',
    'towards', 'toward', 'through', 'via', 'along', 'beyond', 'between', 'off', 'over', 'above',
    'under', 'beneath', 'amid', 'nearby', 'opposite', 'past', 'behind',
  ]),
  /** "to X" is a destination after a word of movement, a recipient otherwise ("conveyed to Washington"). */
  motionWords: new Set([
    'travel', 'trip', 'visit', 'fly', 'flight', 'go', 'come', 'return', 'arrive', 'arrival', 'head',
    'move', 'journey', 'drive', 'sail', 'deploy', 'redeploy', 'relocate', 'evacuate', 'flee', 'way',
    'road', 'route', 'march', 'advance', 'retreat', 'withdraw', 'escape', 'transfer', 'bus', 'walk',
    'ride', 'voyage', 'tour', 'deployment', 'pilgrimage', 'mission', 'delegation', 'back', 'close',
    'closer', 'next', 'fled', 'went', 'came', 'flew', 'travelled', 'traveled', 'trek', 'push',
    'spread', 'extend', 'expand',
  ]),
  /** Motion words that also mean giving: a destination only right before "to". */
  transferVerbs: new Set(['return', 'transfer', 'send', 'move', 'deploy', 'redeploy', 'evacuate']),
  /** "from X" after these words names who speaks or gives, not where ("a statement from Kyiv"). */
  sourceWords: new Set([
    'official', 'officials', 'delegation', 'delegations', 'envoy', 'envoys', 'diplomat', 'diplomats',
    'leader', 'leaders', 'representative', 'representatives', 'statement', 'statements', 'message',
    'messages', 'call', 'calls', 'letter', 'request', 'requests', 'demand', 'demands', 'response',
    'signal', 'signals', 'word', 'pressure', 'support', 'aid', 'help', 'assistance', 'backing',
    'approval', 'funding', 'guarantee', 'guarantees', 'commitment', 'commitments', 'warning',
    'warnings', 'reaction', 'criticism', 'hear', 'heard', 'receive', 'received', 'receiving',
    'invitation', 'offer', 'proposal', 'answer', 'reply', 'note', 'loan', 'loans', 'supplies',
    'weapons', 'money', 'comment', 'comments', 'confirmation', 'news',
    // "independence from Iraq": the party one separates from.
    'independence', 'secession', 'separation', 'autonomy',
  ]),
  /** Verbs whose object is a place: "visited Kyiv", "shelled Kharkiv", "captured Avdiivka". */
  placeObjectVerbs: new Set([
    'visit', 'tour', 'enter', 'reach', 'leave', 'capture', 'seize', 'shell', 'bomb', 'strike',
    'attack', 'raid', 'storm', 'encircle', 'surround', 'liberate', 'recapture', 'occupy', 'evacuate',
    'besiege', 'target', 'hit', 'pound', 'overrun',
  ]),
  /** Words that may stand between a preposition and the name: "in the Ukrainian port city of Odesa". */
  settingWords: new Set([
    'city', 'town', 'village', 'capital', 'port', 'region', 'province', 'oblast', 'district', 'state',
    'suburbs', 'suburb', 'outskirts', 'centre', 'center', 'heart', 'streets', 'area', 'coast',
    'border', 'borders', 'edge', 'frontline', 'front', 'of', 'parts', 'part', 'cities', 'towns',
    'villages', 'regions', 'areas', 'downtown', 'embassy', 'consulate', 'airport', 'skies',
  ]),
  /** "on X" is locative only with one of these around: "on the outskirts of Kyiv", "on U.S. soil". */
  onWords: new Set(['outskirts', 'edge', 'border', 'borders', 'frontier', 'coast', 'shores', 'banks', 'front', 'frontline', 'streets', 'soil', 'territory', 'ground', 'land', 'outskirt', 'side', 'way', 'road']),
  /** Nouns right after a name that keep it a location: "on U.S. soil", "in Ukraine's east". */
  locationNouns: new Set([
    'soil', 'territory', 'territories', 'ground', 'land', 'lands', 'airspace', 'waters', 'streets',
    'east', 'west', 'north', 'south', 'northeast', 'northwest', 'southeast', 'southwest', 'capital',
    'region', 'regions', 'border', 'borders', 'coast', 'frontline', 'front', 'provinces', 'province',
    'cities', 'city', 'towns', 'villages', 'countryside', 'outskirts', 'suburbs', 'centre', 'center',
    'oblast', 'heartland', 'interior', 'shores', 'ports', 'port',
  ]),
  /** Nouns a place name modifies rather than locates: "U.S. officials", "the Gaza ceasefire". */
  modifiedHeads: new Set([
    'official', 'officials', 'force', 'forces', 'troop', 'troops', 'president', 'minister', 'government',
    'military', 'army', 'war', 'talk', 'talks', 'ceasefire', 'deal', 'envoy', 'delegation', 'leader',
    'leaders', 'authority', 'authorities', 'custody', 'offensive', 'counteroffensive', 'sanction',
    'sanctions', 'aid', 'policy', 'administration', 'diplomat', 'diplomats', 'soldier', 'soldiers',
    'negotiator', 'negotiators', 'counterpart', 'counterparts', 'embassy', 'ambassador', 'intelligence',
    'navy', 'police', 'court', 'parliament', 'lawmaker', 'lawmakers', 'senator', 'general', 'spokesman',
    'spokeswoman', 'spokesperson', 'media', 'press', 'agency', 'company', 'companies', 'bank', 'economy',
    'team', 'plan', 'proposal', 'summit', 'meeting', 'visit', 'trip', 'crisis', 'conflict', 'issue',
    'question', 'front', 'campaign', 'operation', 'strike', 'strikes', 'attack', 'attacks',
  ]),
  /** Words a back-walk may cross after a conjunction: "across Europe and the U.S.". */
  conjunctions: new Set(['and', 'or', ',', '&']),
  /** Words that may follow a name without making it a modifier: "in Kyiv Monday". */
  timeWords: /^(today|yesterday|tonight|monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|last|this|next|earlier|later|on|in)$/i,
  /** How far back from a name the walk looks for its preposition. */
  maxBackTokens: 8,
});

const possessive = (t: Token | undefined): boolean => !!t && /^['’]s?$/.test(t.text);

/** The tokens of one candidate name and of its sentence. */
export interface NameTokens {
  /** Index of the name's first token. */
  first: number;
  /** Index after the name's last token. */
  end: number;
  /** The sentence's token range. */
  sentenceStart: number;
  sentenceEnd: number;
}

/**
 * Decides locative use from the words around a name, and returns what made it locative — the
 * preposition ("in", "between", …), "object" for the object of a verb like "visited", "chain" for
 * a name coordinated with a locative one — or null when the name is not used as a location.
 * `endsLocative(i)` tells whether a locative name ends at token i, which lets a coordinated name
 * inherit the preposition of the one before: "in Kyiv, Kharkiv and Odesa".
 */
export function locativeUse(tokens: readonly Token[], name: NameTokens, endsLocative: (tokenIndex: number) => boolean): string | null {
  const after = tokens[name.end];
  // "Washington's expectations" is the government; "Ukraine's east" is the land.
  if (possessive(after) && name.end + 1 < name.sentenceEnd) {
    let k = name.end + 1;
    // "Ukraine's war-torn east": adjectives may come between; "east" itself may be tagged ADJ.
    while (k < name.sentenceEnd && tokens[k].pos === 'ADJ' && !defaults.locationNouns.has(tokens[k].lower)) k++;
    if (!defaults.locationNouns.has(tokens[k]?.lower ?? '')) return null;
  }
  const followedByLocationNoun = !!after && defaults.locationNouns.has(after.lower) && !possessive(after);
  // A name that modifies a noun is not a location: "U.S. President Donald Trump", "Kyiv officials".
  // Only a proper noun or a known head counts: wink-nlp tags some verbs as nouns ("fighting in
  // Lebanon spread"), and such a verb must not cost the place.
  if (after && name.end < name.sentenceEnd && !followedByLocationNoun && !defaults.timeWords.test(after.text) &&
    (after.pos === 'PROPN' && /^\p{Lu}/u.test(after.text) || after.pos === 'NOUN' && defaults.modifiedHeads.has(after.lemma.toLowerCase()))) return null;

  let sawSetting = false;
  let sawConjunction = false;
  for (let i = name.first - 1, steps = 0; i >= name.sentenceStart && steps < defaults.maxBackTokens; i--, steps++) {
    const t = tokens[i];
    const w = t.lower;
    if (t.pos === 'SPACE') continue;
    if (defaults.conjunctions.has(w)) {
      if (endsLocative(i - 1)) return 'chain';
      // A comma alone ends the phrase: "Under the plan, Israel will evacuate".
      if (w === ',') return null;
      sawConjunction = true;
      continue;
    }
    if (w === 'to') return isDestination(tokens, i, name.sentenceStart) ? w : null;
    if (w === 'from') return defaults.sourceWords.has(previousContentWord(tokens, i, name.sentenceStart)) ? null : w;
    if (w === 'on' || w === 'upon') return sawSetting || followedByLocationNoun ? w : null;
    if (defaults.locativePrepositions.has(w)) return w;
    if (!sawConjunction && defaults.placeObjectVerbs.has(t.lemma.toLowerCase()) && (t.pos === 'VERB' || t.pos === 'NOUN')) return 'object';
    if (defaults.settingWords.has(w)) {
      if (w !== 'of') sawSetting = true;
      continue;
    }
    if (t.pos === 'DET' || t.pos === 'ADJ' || t.pos === 'NUM' || w === '-') continue;
    // After a conjunction the walk crosses the first conjunct: "across Europe and the U.S.".
    if (sawConjunction && (t.pos === 'PROPN' || t.pos === 'NOUN')) continue;
    return null;
  }
  return null;
}

/** "travel to Washington" is a destination; "conveyed to Washington" is a recipient. */
function isDestination(tokens: readonly Token[], toIndex: number, sentenceStart: number): boolean {
  for (let i = toIndex - 1, seen = 0; i >= sentenceStart && seen < 4; i--) {
    const t = tokens[i];
    if (t.pos === 'SPACE') continue;
    seen++;
    const lemma = t.lemma.toLowerCase();
    if (defaults.motionWords.has(lemma) || defaults.motionWords.has(t.lower)) {
      // "return to Geneva" is movement; "return the Golan Heights to Syria" is giving back.
      return seen === 1 || !defaults.transferVerbs.has(lemma);
    }
    if (t.pos === 'PUNCT' || t.pos === 'VERB' && !defaults.motionWords.has(t.lemma.toLowerCase())) return false;
  }
  return false;
}

/** The word before `index`, skipping adjectives and determiners: "a [new] statement from". */
function previousContentWord(tokens: readonly Token[], index: number, sentenceStart: number): string {
  for (let i = index - 1; i >= sentenceStart; i--) {
    const t = tokens[i];
    if (t.pos === 'SPACE' || t.pos === 'ADJ' || t.pos === 'DET') continue;
    return t.lower;
  }
  return '';
}
