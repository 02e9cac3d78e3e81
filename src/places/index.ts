/**
 * Places: a gazetteer of countries and GeoNames populated places, and the stage that turns names
 * used as locations ("talks in Kyiv", "a meeting on U.S. soil") into places with coordinates.
 * A name used as an actor ("Kyiv insists") is left to the actors stage and gives no place.
 */
export { loadGazetteer, type Gazetteer, type GazetteerOptions, type NameMatch, type PlaceRecord } from './gazetteer.js';
export { foldName } from './fold.js';
export { choosePlace, type PlaceContext } from './resolve.js';
export { findPlaces, placesStage } from './stage.js';
