import type { Document, LayerName } from './document.js';
import { ParleyError } from './errors.js';

/**
 * A named step of the pipeline. It declares the layers it reads (`requires`) and the layers it
 * fills (`assigns`), so a pipeline whose needs are unmet is refused before any text is read.
 * `run` fills its layers on the document in place and never prints.
 */
export interface Stage {
  readonly name: string;
  readonly requires: readonly LayerName[];
  readonly assigns: readonly LayerName[];
  run(doc: Document): void;
}

export function defineStage(stage: Stage): Stage {
  return Object.freeze({ ...stage, requires: [...stage.requires], assigns: [...stage.assigns] });
}

export interface Pipeline {
  readonly stages: readonly Stage[];
  run(doc: Document): Document;
}

/**
 * Checks that each stage's needs are assigned by a stage before it, then returns a frozen pipeline.
 * Throws P012 naming the first unmet need.
 */
export function createPipeline(stages: readonly Stage[]): Pipeline {
  const available = new Set<LayerName>();
  const names = new Set<string>();
  for (const stage of stages) {
    if (names.has(stage.name)) throw new ParleyError('P012', `Stage "${stage.name}" appears twice in the pipeline`);
    names.add(stage.name);
    for (const need of stage.requires) {
      if (!available.has(need)) {
        const provider = stages.find((s) => s.assigns.includes(need));
        throw new ParleyError('P012', `Stage "${stage.name}" needs layer "${need}", which ${provider
          ? `stage "${provider.name}" assigns only later: move it before "${stage.name}"`
          : 'no stage in the pipeline assigns: add a stage that assigns it'}`);
      }
    }
    for (const layer of stage.assigns) available.add(layer);
  }
  const frozen = Object.freeze([...stages]);
  return Object.freeze({
    stages: frozen,
    run(doc: Document): Document {
      for (const stage of frozen) {
        stage.run(doc);
        for (const layer of stage.assigns) {
          // A stage that promises a layer and leaves it unset is a programming error, not bad data.
          if (!doc.has(layer)) throw new ParleyError('P012', `Stage "${stage.name}" did not assign layer "${layer}"`);
        }
      }
      return doc;
    },
  });
}
