import { readFile } from 'node:fs/promises';
import { ParleyError } from '../../document/errors.js';
import { parseJsonl } from '../../ingest/sources.js';
import { readRecord } from '../../batch.js';
import { createEngine } from '../../engine.js';
import { formatEventScore, scoreEvents } from '../../events/index.js';
import { choice, parseCommandArgs, positiveInt } from '../args.js';
import type { Io } from '../io.js';

export const evalHelp = `parley eval GOLD.jsonl [--system OUTPUT.jsonl] [--show N] [--format text|json]
  Scores event coding against your gold: PLOVER lines {id, text, events:[{type, mode, actor:[{country}], recipient:[…]}]}
  give type and event P/R/F1, actor and recipient accuracy and a per-type table; CAMEO dyad lines
  {id, text, events:[{source, target, code}]} give root- and full-code dyad P/R/F1. Without --system,
  Parley reads the gold texts itself. Only asserted and reported events count.`;

export async function evalCommand(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs('eval', argv, {
    system: { type: 'string' }, show: { type: 'string' }, format: { type: 'string' }, actors: { type: 'string', multiple: true },
  });
  if (positionals.length !== 1) throw new ParleyError('P002', 'parley eval needs one GOLD.jsonl file');
  const format = choice('format', values.format, ['text', 'json'] as const, 'text');
  const show = positiveInt('--show', values.show, 0);
  const goldText = await readFile(positionals[0], 'utf8').catch(() => { throw new ParleyError('P011', `No such file: ${positionals[0]}`); });
  const goldLines = goldText.split('\n').filter((l) => l.trim());
  let documents: unknown[];
  if (values.system) {
    const sys = await readFile(values.system, 'utf8').catch(() => { throw new ParleyError('P011', `No such file: ${values.system}`); });
    documents = sys.split('\n').filter((l) => l.trim()).map((l) => { try { return JSON.parse(l); } catch { return null; } });
  } else {
    const engine = createEngine({ actorFiles: values.actors ?? [] });
    documents = [...parseJsonl(goldText, positionals[0])].map((r) => readRecord(engine, r).document);
  }
  const score = scoreEvents(goldLines, documents);
  if (format === 'json') io.out(JSON.stringify(score, null, 2) + '\n');
  else io.out(formatEventScore(score, show));
  return 0;
}
