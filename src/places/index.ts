/**
 * Places: a gazetteer of countries and GeoNames populated places, and the stage that turns names
 * used as locations into places with coordinates.
 *
 * What is a place (the rules live in locative.ts; test/places.stage.test.ts has the table):
 * - a name after a locative preposition: "talks in Kyiv", "across eastern Ukraine", "near Kharkov";
 * - "to X" after a word of movement ("travel to Washington"), not after one of telling or giving
 *   ("conveyed to Washington", "return the land to Syria"): there X is a recipient;
 * - "from X" unless X is a source ("a statement from Kyiv", "independence from Serbia");
 * - the object of a verb of visiting or attack ("visited Tokyo", "shelled Donetsk");
 * - a name coordinated with a place ("in Kyiv, Kharkiv and Odesa"), a dateline ("KYIV, Oct 14 -");
 * - a name before a land noun: "on U.S. soil", "in Ukraine's east".
 * Not a place: a name used as an actor ("Kyiv insists", "Washington's expectations"), a name that
 * modifies a title or group ("U.S. President Trump", "Kyiv officials"), and countries after
 * "between" ("talks between Ukraine and Russia" relates two actors). "officials in Washington" is
 * a place: the phrase says where they are, whatever the actors stage makes of it.
 */
export { loadGazetteer, type Gazetteer, type GazetteerOptions, type NameMatch, type PlaceRecord } from './gazetteer.js';
export { foldName } from './fold.js';
export { choosePlace, type PlaceContext } from './resolve.js';
export { findPlaces, placesStage } from './stage.js';
