import { pathToFileURL } from 'node:url';
import { ParleyError } from '../../document/errors.js';
import { queueStatus, startWorker, workerDefaults, type QueueStatus } from '../../queue/index.js';
import { parseCommandArgs, positiveInt } from '../args.js';
import { processIo, reportError, type Io } from '../io.js';
import { nodeFlagsFor, relaunch, StopSignals } from '../relaunch.js';

export const workerHelp = `parley worker --queue redis://… [--db postgres://…] [options]
  Takes articles queued by \`parley ingest --queue\`, reads them and stores them; run as many as you like.
  --queue redis://…   the queue (redis://host:6379[/DB][?queue=NAME], default queue name "parley")
  --db URL|PATH       postgres://… (or PARLEY_DATABASE_URL); a SQLite file only for a single worker
  --concurrency N     jobs held at once; with PostgreSQL half of them are written in each transaction while the other half is read (default ${workerDefaults.concurrency})
  --lock-ms MS        how long a silent worker keeps its jobs before others take them over (default ${workerDefaults.lockDurationMs})
  --fold-ms MS        while a backlog lasts, how often the threads are brought up to date (default ${workerDefaults.foldIntervalMs});
                      an empty queue folds at once
  --actors FILE       extra actor dictionary entries
  Stops cleanly on SIGINT/SIGTERM: in-flight articles are finished or returned to the queue.
  Runs in a child process started with --single-threaded-gc (PARLEY_WORKER_NODE_FLAGS sets other flags; "" runs it in place).`;

export const statusHelp = `parley status --queue redis://… [--json]
  Shows the queue's depth, throughput, failures and dead letters (articles that kept failing, with their error).`;

export async function workerCommand(argv: string[], io: Io): Promise<number> {
  const { values } = parseCommandArgs('worker', argv, {
    queue: { type: 'string' }, db: { type: 'string' }, concurrency: { type: 'string' }, 'lock-ms': { type: 'string' },
    'fold-ms': { type: 'string' }, actors: { type: 'string', multiple: true },
  });
  if (!values.queue) throw new ParleyError('P002', 'parley worker needs --queue redis://host:6379');
  const db = values.db ?? process.env.PARLEY_DATABASE_URL;
  if (!db) throw new ParleyError('P002', 'parley worker needs --db postgres://… (or PARLEY_DATABASE_URL)');
  const concurrency = Math.max(1, positiveInt('--concurrency', values.concurrency, workerDefaults.concurrency));
  const lockDurationMs = Math.max(1000, positiveInt('--lock-ms', values['lock-ms'], workerDefaults.lockDurationMs));
  const foldIntervalMs = positiveInt('--fold-ms', values['fold-ms'], workerDefaults.foldIntervalMs);
  const started = Date.now();
  let lastProgress = 0;
  const worker = await startWorker({
    queue: values.queue, db, concurrency, lockDurationMs, foldIntervalMs, actorFiles: values.actors ?? [],
    onJob: (e) => {
      if (e.kind === 'failed') {
        io.err(`${io.isTTY ? '\n' : ''}parley: job ${e.jobId} failed (attempt ${e.attempt}${e.final ? ', moved to the dead-letter queue' : ', will retry'}): ${e.error}\n`);
      } else if (io.isTTY && Date.now() - lastProgress > 250) {
        lastProgress = Date.now();
        const t = worker.totals;
        io.err(`\r${io.colors.cyan('worker')} ${t.completed} done · ${t.stored} stored · ${t.duplicates} duplicate · ${t.failed} failed · ${(t.completed / Math.max((Date.now() - started) / 1000, 0.001)).toFixed(0)}/s`);
      }
    },
    onFold: (e) => io.err(`${io.isTTY ? '\n' : ''}parley: thread fold failed (its articles stay pending for the next fold): ${e.error}\n`),
  });
  io.err(`worker ready on ${worker.target.display} (queue "${worker.target.name}", concurrency ${concurrency})\n`);
  await new Promise<void>((resolve) => {
    const signals = new StopSignals();
    const stop = (signal: string) => {
      const asked = signals.take(signal, Date.now());
      if (asked === 'copy') return;
      if (asked === 'stop now') { io.err(`parley: second ${signal}, exiting now; in-flight jobs return to the queue when their lock expires\n`); process.exit(130); }
      io.err(`${io.isTTY ? '\n' : ''}worker: ${signal}, finishing in-flight articles…\n`);
      resolve();
    };
    process.on('SIGINT', () => stop('SIGINT'));
    process.on('SIGTERM', () => stop('SIGTERM'));
  });
  const finished = await worker.close();
  // A database connection stuck in a transaction would keep the process alive: do not wait for it.
  if (!finished) setTimeout(() => process.exit(process.exitCode ?? 0), 200).unref();
  const t = worker.totals;
  const secs = (Date.now() - started) / 1000;
  if (!finished) io.err('worker: in-flight articles did not finish in time and were returned to the queue\n');
  const cpu = process.cpuUsage();
  io.err(`worker stopped after ${secs.toFixed(1)} s (${((cpu.user + cpu.system) / 1e6).toFixed(1)} s CPU): ${t.completed} done (${t.stored} stored, ${t.duplicates} already stored), ${t.failed} failed attempts, ${t.deadLettered} dead-lettered, ${t.events} events\n`);
  return 0;
}

export async function statusCommand(argv: string[], io: Io): Promise<number> {
  const { values } = parseCommandArgs('status', argv, { queue: { type: 'string' }, json: { type: 'boolean' } });
  if (!values.queue) throw new ParleyError('P002', 'parley status needs --queue redis://host:6379');
  const status = await queueStatus(values.queue);
  io.out(values.json ? `${JSON.stringify(status, null, 2)}\n` : formatStatus(status, io));
  return 0;
}

function formatStatus(s: QueueStatus, io: Io): string {
  const c = io.colors;
  const rate = (n: number) => `${n.toFixed(1)}/s`;
  const lines = [
    `${c.bold('queue')}       ${s.queue} on ${s.server}${s.paused ? c.yellow(' (paused)') : ''}`,
    `${c.bold('depth')}       ${s.depth}  (waiting ${s.counts.waiting}, active ${s.counts.active}, delayed for retry ${s.counts.delayed})`,
    `${c.bold('workers')}     ${s.workers}`,
    `${c.bold('throughput')}  ${rate(s.throughput.perSecond1m)} last minute, ${rate(s.throughput.perSecond5m)} last 5 min, ${rate(s.throughput.perSecond15m)} last 15 min; ${s.throughput.totalCompleted} done in all`,
    `${c.bold('failures')}    ${s.throughput.totalFailed} failed attempts, ${s.counts.failed} failed jobs kept, ${s.deadLetters.count} dead letter(s)`,
  ];
  for (const d of s.deadLetters.recent) lines.push(`  ${c.red('dead')} ${d.origin} after ${d.attempts} attempt(s), ${d.failedAt}: ${d.error}`);
  return `${lines.join('\n')}\n`;
}

// Runnable on its own (node --import tsx src/cli/commands/worker.ts --queue … --db …), which is
// how the tests start a worker as a real child process.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const io = processIo();
  (relaunch(nodeFlagsFor('worker')) ?? workerCommand(process.argv.slice(2), io)).catch((err) => reportError(io, err)).then((code) => {
    process.exitCode = code;
    // Whatever a failed start left open (a pool, a socket) must not keep the process alive.
    setTimeout(() => process.exit(code), 500).unref();
  });
}
