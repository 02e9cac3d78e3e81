import { ParleyError } from '../document/errors.js';
import { processIo, reportError, type Io } from './io.js';
import { nodeFlagsFor, relaunch } from './relaunch.js';

type Run = (argv: string[], io: Io) => Promise<number>;

/**
 * The commands, loaded on demand: `parley read` never pays for the HTTP server, the queue or the
 * database drivers, which keeps a one-article read well under a second including start-up.
 */
const COMMANDS: Record<string, { summary: string; load: () => Promise<{ run: Run; help: string }> }> = {
  read: { summary: 'read articles (text, HTML, RSS/Atom, JSONL, URL) into parley.document/1', load: async () => { const m = await import('./commands/read.js'); return { run: m.readCommand, help: m.readHelp }; } },
  ingest: { summary: 'read and store articles (SQLite or PostgreSQL), or enqueue them', load: async () => { const m = await import('./commands/ingest.js'); return { run: m.ingestCommand, help: m.ingestHelp }; } },
  events: { summary: 'list stored events with filters', load: async () => { const m = await import('./commands/events.js'); return { run: m.eventsCommand, help: m.eventsHelp }; } },
  export: { summary: 'export stored events as jsonl, csv, gdelt or plover', load: async () => { const m = await import('./commands/events.js'); return { run: m.exportCommand, help: m.exportHelp }; } },
  threads: { summary: 'list diplomatic initiatives and their status histories', load: async () => { const m = await import('./commands/threads.js'); return { run: m.threadsCommand, help: m.threadsHelp }; } },
  resolve: { summary: 'print the coded actor a phrase resolves to', load: async () => { const m = await import('./commands/resolve.js'); return { run: m.resolveCommand, help: m.resolveHelp }; } },
  eval: { summary: 'score event coding against your gold', load: async () => { const m = await import('./commands/eval.js'); return { run: m.evalCommand, help: m.evalHelp }; } },
  serve: { summary: 'the HTTP API and web UI', load: async () => { const m = await import('./commands/serve.js'); return { run: m.serveCommand, help: m.serveHelp }; } },
  worker: { summary: 'process queued articles (BullMQ on Redis) into a store', load: async () => { const m = await import('./commands/worker.js'); return { run: m.workerCommand, help: m.workerHelp }; } },
  status: { summary: 'queue depth, throughput and failures', load: async () => { const m = await import('./commands/worker.js'); return { run: m.statusCommand, help: m.statusHelp }; } },
};

function usage(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((k) => k.length));
  return 'Parley reads news about diplomacy and conflict into evidence-linked event data.\n\n'
    + 'Usage: parley <command> [options]     (parley <command> --help for its options)\n\n'
    + Object.entries(COMMANDS).map(([k, c]) => `  ${k.padEnd(width)}  ${c.summary}`).join('\n') + '\n';
}

/** Runs the CLI; returns the exit code (0 ok, 1 some input was bad, 2 misuse). */
export async function main(argv: string[], io: Io = processIo()): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') { io.out(usage()); return name ? 0 : 2; }
  if (name === '--version' || name === '-v') { io.out('0.1.0\n'); return 0; }
  try {
    const entry = COMMANDS[name];
    if (!entry) throw new ParleyError('P001', `Unknown command "${name}": use ${Object.keys(COMMANDS).join(', ')}`);
    const command = await entry.load();
    if (rest.includes('--help') || rest.includes('-h')) { io.out(command.help + '\n'); return 0; }
    return await command.run(rest, io);
  } catch (err) {
    return reportError(io, err);
  }
}

/**
 * Runs the CLI as this process's command line (bin/parley.js): a command that needs Node.js
 * flags the process was not started with runs in a child process started with them (see
 * cli/relaunch.ts); every other command runs here.
 */
export async function runProcess(argv: string[] = process.argv.slice(2)): Promise<number> {
  const relaunched = relaunch(nodeFlagsFor(argv[0]));
  if (!relaunched) return main(argv);
  try {
    return await relaunched;
  } catch (err) {
    return reportError(processIo(), err);
  }
}

// Run directly (tsx src/cli/main.ts …) as well as through bin/parley.js.
if (import.meta.url === `file://${process.argv[1]}`) {
  runProcess().then((code) => { process.exitCode = code; });
}
