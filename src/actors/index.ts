// PLACEHOLDER until the actors stage lands: keeps the engine's signature stable.
import { defineStage, type Stage } from '../document/pipeline.js';

export interface ActorDictionary { readonly placeholder: true }
export interface ResolvedActor { name: string; country: string | null; sector: string | null; wikidata: string | null; title?: string | null }
export interface ActorDictionaryOptions { extraFiles?: string[] }

export function loadActorDictionary(_options: ActorDictionaryOptions = {}): ActorDictionary {
  return { placeholder: true };
}
export function resolveActor(_dict: ActorDictionary, _text: string, _date: string | null): ResolvedActor | null {
  return null;
}
export function actorsStage(_dict: ActorDictionary): Stage {
  return defineStage({ name: 'actors', requires: ['tokens', 'sentences'], assigns: ['entities', 'actors'], run(doc) { doc.entities = []; doc.actors = []; } });
}
