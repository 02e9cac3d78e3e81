/**
 * Closed-class English words the recogniser leans on: determiners, quantifiers, locative
 * prepositions, pronouns, the phrases that mark an anonymous source. These are grammar, not
 * facts about actors, so they live in code; the actors themselves are in data/actors.
 */

const set = (words: string): ReadonlySet<string> => new Set(words.trim().split(/\s*\|\s*/));

/** Words that may open a noun phrase naming an actor ("that" is left out: in news it is mostly "said that"). */
export const DETERMINERS = set('the|a|an|this|these|those|both|all|some|several|many|most|other|another|any|each|its|their|our|his|her');

/** Determiners and numerals that make an unnamed person an anonymous source ("one senior official"). */
export const INDEFINITE = set('a|an|one|two|three|four|five|several|some|another|a few|few|other|two senior|three senior');

/**
 * Quantity phrases that may stand before a collective actor ("thousands of Iraqi Kurds", "a group
 * of Moroccan diplomats"); they are kept out of the actor's span.
 */
export const QUANTITY_NOUNS = set('group|groups|thousands|hundreds|dozens|tens|scores|millions|number|delegation|team|patch|contingent|handful|couple|batch|unit|units');

/** Modifiers that may stand between a determiner and the head of an actor phrase. */
export const MODIFIERS = set([
  'senior|top|high-ranking|high-level|ranking|junior|former|ex|outgoing|incoming|acting|interim|deputy|vice|chief|',
  'local|regional|provincial|federal|national|state|new|visiting|leading|key|western|eastern|northern|southern|',
  'unnamed|unidentified|anonymous|angry|young|armed|elite|government-backed|state-run|state-owned|pro-government|',
  'anti-government|ruling|opposition|radical|moderate|hardline|hard-line|militant|islamist|islamic|muslim|moslem|',
  'ethnic|separatist|nationalist|rebel|fundamentalist|foreign|defence|defense|security|military|civilian|',
  'veteran|retired|exiled|jailed|detained|fellow|rival|allied|coalition|peacekeeping|paramilitary|naval|',
  'intelligence|diplomatic|police|government|army|border|special|presidential|royal|municipal|city|top-level|',
  'high|supreme|constitutional|some|many|other|most|striking|protesting|demonstrating|heavily|well-armed|',
  'masked|suspected|alleged|so-called|self-proclaimed|breakaway|pro-western|pro-russian|pro-kremlin|pro-iranian|',
  'hundred|thousand|top-ranking|long-serving|newly|elected|appointed|current|then',
].join(''));

/** "former President X" is an elite (CAMEO ELI), no longer the office holder. */
export const FORMER = set('former|ex|ex-|then');

/** A place after one of these is where something happens, not who acts ("talks in Kyiv"). */
export const LOCATIVE = set('in|at|near|across|throughout|inside|within|outside|around|into|through|via|toward|towards|onto|beyond|along|outside of|all over');

/** "to" marks a place after a verb or noun of motion ("travel to Washington"), a recipient otherwise. */
export const MOTION = set('travel|travels|travelled|traveled|travelling|traveling|go|goes|went|going|gone|come|comes|came|coming|fly|flies|flew|flown|flying|return|returns|returned|returning|move|moved|moving|head|heads|headed|heading|arrive|arrived|arriving|trip|visit|visits|journey|flight|flights|flee|fled|fleeing|way|route|road|border|borders|deployed|deployment|moved|relocated|evacuated|evacuation|access|entry|transit|drive|drove|sail|sailed|march|marched|advance|advanced|return');

/** Nouns after a place name that make it a place ("U.S. soil", "Ukrainian territory"). */
export const PLACE_NOUNS = set('soil|territory|territories|border|borders|airspace|waters|coast|coastline|region|regions|city|cities|town|towns|capital|province|provinces|side|mainland|frontier|frontline|front|front line|land|lands|villages|village|countryside|streets|embassy|consulate|port|ports|airport|base|bases|shore');

/** Nouns before "of" + place that make it a place ("the town of Cizre", "the capital of Ukraine"). */
export const PLACE_OF = set('town|city|capital|village|province|region|outskirts|suburbs|centre|center|north|south|east|west|part|parts|area|areas|streets|heart|island|port|republic');

/** Third-person pronouns that may refer back to a person. */
export const PERSON_PRONOUNS = set('he|she|him|his|her|hers|himself|herself');

/** Nouns that make a person's surname stand for a government ("the Trump administration"). */
export const ADMINISTRATION_NOUNS = set('administration|government|cabinet|regime|presidency|camp|team|white house');

/** Heads that name an unnamed source, with no sector of their own. */
export const SOURCE_HEADS = set('source|sources|person|persons|people|insider|insiders|figure|figures|individual|individuals');

/** Heads that only name a source when an anonymity phrase follows ("people familiar with the talks"). */
export const WEAK_SOURCE_HEADS = set('person|persons|people|figure|figures|individual|individuals');

/**
 * Phrases after a person noun that mark an anonymous source. Each is a lower-case token sequence;
 * the span of the entity runs to the end of the phrase's clause.
 */
export const ANONYMITY_PHRASES: readonly string[][] = [
  'familiar with', 'close to', 'with knowledge of', 'with direct knowledge of', 'briefed on', 'who asked not to be named',
  'who asked not to be identified', 'who declined to be named', 'who declined to be identified', 'who requested anonymity',
  'speaking on condition of anonymity', 'who spoke on condition of anonymity', 'on condition of anonymity',
  'speaking anonymously', 'who spoke anonymously', 'not authorised to speak', 'not authorized to speak',
  'who was not authorised', 'who was not authorized', 'who could not be named', 'who cannot be named',
  'involved in the talks', 'involved in the negotiations', 'with knowledge', 'aware of',
].map((p) => p.split(' '));

/** Name particles that may stand in lower case inside a name ("Osama bin Laden", "Charles de Gaulle"). */
export const NAME_PARTICLES = set('bin|ibn|bint|al|el|de|da|del|della|di|van|von|der|den|la|le|du|abu|ben|dos|das|y|ul|ur|ud|bin-|al-|el-');

/** Honorifics that introduce a person without saying the office ("Mr Zelensky"). */
export const HONORIFICS = set('mr|mr.|mrs|mrs.|ms|ms.|dr|dr.|sir|dame|lord|lady|madam|mme|monsieur|herr');

/** Capitalised words that are never names of actors. */
export const NOT_NAMES = set([
  'monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|',
  'september|october|november|december|i|the|a|an|this|that|these|those|it|its|he|she|they|we|you|his|her|their|our|',
  'but|and|or|if|when|while|as|after|before|since|in|on|at|for|with|from|by|of|to|under|over|meanwhile|however|',
  'according|earlier|later|last|next|yesterday|today|tomorrow|tonight|there|here|what|who|which|why|how|where|',
  'mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|christmas|easter|ramadan|',
  'new|year|week|month|day|god|allah|internet|covid-19|covid|a.m.|p.m.|am|pm|gmt|utc|est|edt|bst|cet|cest|msk',
].join(''));

/** Word-level hints for the type of an unknown capitalised name. */
export const ORG_WORDS = set('party|front|union|council|agency|ministry|organization|organisation|movement|committee|company|corp|corp.|inc|inc.|ltd|group|bank|fund|forum|court|assembly|parliament|commission|association|federation|league|alliance|army|brigade|brigades|corps|guard|guards|force|forces|radio|television|tv|news|times|post|journal|herald|tribune|press|institute|university|foundation|network|office|department|service|services|authority|board|congress|senate|house|club|society|center|centre|church|mosque|airlines|airways|petroleum|oil|gas|telegraph|gazette|daily|weekly|agence|reuters|xinhua|tass|interfax|ria|ukrinform');
export const LOC_WORDS = set('sea|river|mountains|mountain|island|islands|strip|bank|peninsula|gulf|ocean|valley|province|region|lake|bay|desert|plain|plains|coast|hills|heights|canal|strait|straits|square|street|avenue|airport|bridge|district|oblast|county|state|city|town|village|camp|base|crossing|pass|border|corridor|plateau|basin|delta|mount|mt.');

/** Generic person heads that yield to a more telling modifier: "rebel leaders" are REB, "military officials" MIL. */
export const GENERIC_GOV_HEADS = set('official|officials|leader|leaders|leadership|spokesperson|spokesman|spokeswoman|aide|aides|adviser|advisers|advisor|advisors|representative|representatives|negotiator|negotiators|delegation|envoy|envoys|sources|source|chief|chiefs|head|heads|commander|commanders|officers|officer|members|member');

/** Regions and continents: places, never actors, and not unknown names either. */
export const REGIONS = set('west|the west|east|the east|europe|asia|africa|america|latin america|south america|north america|central america|middle east|the middle east|near east|far east|balkans|caucasus|central asia|south asia|southeast asia|east asia|west africa|east africa|north africa|southern africa|sahel|horn of africa|gulf|persian gulf|the gulf|scandinavia|baltics|the baltics|arctic|antarctica|oceania|pacific|atlantic|mediterranean|eurasia|levant|maghreb|indo-pacific|eastern europe|western europe|central europe');

/** Capitalised modifiers that say a group is regional, not the host country's ("European leaders in Brussels"). */
export const REGIONAL_ADJECTIVES = set('western|eastern|northern|southern|european|arab|african|asian|gulf|nordic|baltic|balkan|latin|foreign|international');

/** Nouns that take their sector from the word before: "opposition groups", "army units", "rebel supporters". */
export const GROUP_HEADS = set('group|groups|members|member|supporters|supporter|factions|faction|units|unit|personnel|staff|figures|representatives|circles|elements|loyalists|ranks|wing|branch|sources|source|spokesman|spokeswoman|spokesperson|officials|official|chiefs|chief|bosses|command|commanders|leaders|leader|leadership|delegation|delegates');

/** Singular heads that name one person ("one senior official"), so the entity is a PERSON. */
export const PERSON_HEAD = /(official|diplomat|soldier|aide|envoy|source|person|insider|officer|adviser|advisor|spokesman|spokeswoman|spokesperson|minister|leader|negotiator|ambassador|commander|general|lawmaker|legislator|senator|judge|prosecutor|journalist|reporter|activist|protester|protestor|demonstrator|militant|insurgent|gunman|fighter|rebel|civilian|resident|refugee|worker|student|doctor|priest|cleric|analyst|expert|figure|individual|member|representative|deputy|correspondent|editor|detainee|prisoner|hostage|migrant|guerrilla|guerilla|policeman|policewoman|trooper|marine|agent|spy|diplomat|mediator|observer|monitor|inspector|peacekeeper|chief|man|woman)$/;

/** Equipment nouns that stand for the force using them ("Israeli tanks", "coast guard vessels"). */
export const EQUIPMENT = set('vessels|vessel|ships|ship|boats|boat|warships|warship|jets|jet|aircraft|planes|plane|helicopters|helicopter|tanks|tank|drones|drone|convoy|convoys|patrols|patrol|positions|artillery|bulldozers|vehicles|armoured vehicles|missiles|missile|rockets|rocket|gunboats|frigates|frigate|destroyers|destroyer|submarines|submarine|bombers|fighter jets|warplanes|troops|units');

/** Ordinary words often written with a capital (sentence openers, titles) that are also someone's name: never a one-word alias of a person. */
export const COMMON_WORDS = set('will|may|can|must|long|young|little|hope|more|most|few|best|just|good|rich|strong|power|chance|mark|bill|sunday|friday|english|french|german|welsh|irish|head|chief|major|general|deputy|official|senior|junior|prime|minister|secretary|president|speaker|leader|north|south|east|west|street|nation|union|state|church|temple|law|justice|rule|reform|unity|victory|liberty|freedom|peace|war|fight|hero|saint|pope|prince|duke|earl|baron|knight|king');
