import { ParleyError } from '../../document/errors.js';
import { parseDate } from '../../ingest/normalize.js';
import { loadActorDictionary, resolveActor } from '../../actors/index.js';
import { parseCommandArgs } from '../args.js';
import type { Io } from '../io.js';

export const resolveHelp = `parley resolve "TEXT" [--date YYYY-MM-DD] [--actors FILE]
  Prints the coded actor a phrase resolves to on a date, as JSON, or null.`;

export async function resolveCommand(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs('resolve', argv, { date: { type: 'string' }, actors: { type: 'string', multiple: true } });
  if (!positionals.length) throw new ParleyError('P002', 'parley resolve needs a phrase, e.g. parley resolve "Zelensky" --date 2025-10-14');
  let date: string | null = null;
  if (values.date !== undefined) {
    date = parseDate(values.date);
    if (!date) throw new ParleyError('P020', `--date "${values.date}" is not a date: use YYYY-MM-DD`);
  }
  const dict = loadActorDictionary({ extraFiles: values.actors ?? [] });
  io.out(JSON.stringify(resolveActor(dict, positionals.join(' '), date), null, 2) + '\n');
  return 0;
}
