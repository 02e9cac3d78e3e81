import pc from 'picocolors';
import { ParleyError } from '../document/errors.js';

export interface Io {
  out(s: string): void;
  err(s: string): void;
  /** Colours only when stdout is a terminal and NO_COLOR is unset. */
  colors: ReturnType<typeof pc.createColors>;
  isTTY: boolean;
}

export function processIo(): Io {
  const isTTY = Boolean(process.stdout.isTTY);
  // A closed pipe (`parley read … | head`) is the reader's choice, not an error.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => { if (err.code === 'EPIPE') process.exit(0); throw err; });
  return {
    out: (s) => { process.stdout.write(s); },
    err: (s) => { process.stderr.write(s); },
    colors: pc.createColors(isTTY && !process.env.NO_COLOR),
    isTTY,
  };
}

/** Writes a coded error the way a person can act on, and returns the exit code for misuse. */
export function reportError(io: Io, err: unknown): number {
  if (err instanceof ParleyError) { io.err(`parley: ${err.message}\n`); return 2; }
  io.err(`parley: ${(err as Error)?.stack ?? String(err)}\n`);
  return 70;
}
