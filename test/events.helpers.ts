// Shared by the events tests: one engine, built once, and a compact view of the events it codes.
import { createEngine } from '../src/engine.js';
import type { Event, ParleyDocument } from '../src/document/types.js';

const engine = createEngine();

/** Reads one text (published 2024-03-05) through the whole pipeline. */
export function read(text: string): ParleyDocument {
  return engine.readText(text, { published: '2024-03-05' });
}

/** The events of one text. */
export function eventsOf(text: string): Event[] {
  return read(text).events;
}

/** "TYPE ACTORS>RECIPIENTS factuality", countries joined with '+' ('?' for a participant no dictionary placed). */
export function brief(e: Event): string {
  const side = (list: Event['actor']) => list.map((p) => p.country ?? '?').join('+');
  return `${e.type} ${side(e.actor)}>${side(e.recipient)} ${e.factuality}`;
}
