import { parseArgs, type ParseArgsConfig } from 'node:util';

type Parsed<O extends Options> = ReturnType<typeof parseArgs<{ args: string[]; options: O; allowPositionals: true; strict: true }>>;
import { ParleyError } from '../document/errors.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * Parses a command's flags strictly: an unknown flag is a coded error that lists the valid ones.
 */
export function parseCommandArgs<O extends Options>(command: string, argv: string[], options: O): Parsed<O> {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true }) as Parsed<O>;
  } catch (err) {
    const valid = Object.keys(options).map((k) => `--${k}`).join(', ');
    const msg = (err as Error).message.replace(/\. To specify a positional argument.*$/s, '');
    throw new ParleyError('P001', `${msg} for "parley ${command}". Valid options: ${valid}`);
  }
}

/** Checks a value against a list of choices, with a coded error naming them. */
export function choice<T extends string>(what: string, value: string | undefined, choices: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if ((choices as readonly string[]).includes(value)) return value as T;
  throw new ParleyError('P010', `Unknown ${what} "${value}": use ${choices.slice(0, -1).join(', ')} or ${choices[choices.length - 1]}`);
}

export function positiveInt(what: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new ParleyError('P003', `${what} must be a whole number, not "${value}"`);
  return n;
}
