// temporary profiling harness (not committed)
import { createEngine } from '../src/engine.js';
import { generateCorpus } from './corpus.js';
const corpus = generateCorpus({ articles: 4000, initiatives: 200 });
const engine = createEngine();
for (let r = 0; r < 1; r++) for (let i = 0; i < corpus.length; i += 25) for (const d of engine.readInputs(corpus.slice(i, i + 25))) { if (d instanceof Error) throw d; d.toOutput(); }
