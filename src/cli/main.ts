import { ParleyError } from '../document/errors.js';
import { processIo, reportError, type Io } from './io.js';
import { readCommand, readHelp } from './commands/read.js';
import { resolveCommand, resolveHelp } from './commands/resolve.js';
import { ingestCommand, ingestHelp } from './commands/ingest.js';
import { eventsCommand, eventsHelp, exportCommand, exportHelp } from './commands/events.js';
import { threadsCommand, threadsHelp } from './commands/threads.js';
import { evalCommand, evalHelp } from './commands/eval.js';
import { serveCommand, serveHelp } from './commands/serve.js';

type Command = { run: (argv: string[], io: Io) => Promise<number>; help: string };

const COMMANDS: Record<string, Command> = {
  read: { run: readCommand, help: readHelp },
  ingest: { run: ingestCommand, help: ingestHelp },
  events: { run: eventsCommand, help: eventsHelp },
  export: { run: exportCommand, help: exportHelp },
  threads: { run: threadsCommand, help: threadsHelp },
  resolve: { run: resolveCommand, help: resolveHelp },
  eval: { run: evalCommand, help: evalHelp },
  serve: { run: serveCommand, help: serveHelp },
};

function usage(): string {
  return `Parley reads news about diplomacy and conflict into evidence-linked event data.\n\nUsage: parley <command> [options]\n\n${Object.values(COMMANDS).map((c) => c.help).join('\n\n')}\n`;
}

/** Runs the CLI; returns the exit code (0 ok, 1 some input was bad, 2 misuse). */
export async function main(argv: string[], io: Io = processIo()): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') { io.out(usage()); return name ? 0 : 2; }
  if (name === '--version' || name === '-v') { io.out('0.1.0\n'); return 0; }
  const command = COMMANDS[name];
  try {
    if (!command) throw new ParleyError('P001', `Unknown command "${name}": use ${Object.keys(COMMANDS).join(', ')}`);
    if (rest.includes('--help') || rest.includes('-h')) { io.out(command.help + '\n'); return 0; }
    return await command.run(rest, io);
  } catch (err) {
    return reportError(io, err);
  }
}

// Run directly (tsx src/cli/main.ts …) as well as through bin/parley.js.
if (import.meta.url === `file://${process.argv[1]}`) {
  main(process.argv.slice(2)).then((code) => { process.exitCode = code; });
}
