// PLACEHOLDER until the places stage lands.
import { defineStage, type Stage } from '../document/pipeline.js';
export interface Gazetteer { readonly placeholder: true }
export function loadGazetteer(): Gazetteer { return { placeholder: true }; }
export function placesStage(_gazetteer: Gazetteer): Stage {
  return defineStage({ name: 'places', requires: ['entities', 'actors'], assigns: ['places'], run(doc) { doc.places = []; } });
}
