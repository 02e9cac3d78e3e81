import { spawn } from 'node:child_process';
import { constants } from 'node:os';

/**
 * Node.js flags a command's process runs with. V8 reads them when the process starts; a running
 * process cannot set them on itself (V8 aborts when `--single-threaded-gc` is set by
 * `v8.setFlagsFromString` while it collects), so a command that needs them runs in a child
 * process started with them (`relaunch`).
 *
 * `parley worker`: `--single-threaded-gc` makes V8 collect garbage on the JavaScript thread alone,
 * without its helper threads. A worker shares the machine's cores with other workers, PostgreSQL
 * and Redis, so a helper thread does not run beside an idle core but takes one from another
 * process. Measured with `bench/queue.ts` (20,000 articles, 2 cores, three interleaved pairs of
 * runs): two workers reached 493 articles/s without the helpers and 466 with them, one worker 355
 * and 372; the cost is memory (one worker's peak RSS 749 MB against 577 MB over 10,000
 * articles). `PARLEY_WORKER_NODE_FLAGS` replaces the list ("" runs the worker in the process
 * started).
 */
export function nodeFlagsFor(command: string | undefined): readonly string[] {
  if (command !== 'worker') return [];
  const chosen = process.env.PARLEY_WORKER_NODE_FLAGS;
  return chosen === undefined ? ['--single-threaded-gc'] : chosen.split(/\s+/).filter(Boolean);
}

/**
 * Copies of one signal that arrive this close together are one request (see `relaunch`); a person
 * pressing Ctrl-C twice is slower than this.
 */
export const SAME_SIGNAL_MS = 100;

/**
 * What the stop signals a process gets ask of it: the first asks it to stop cleanly, any later
 * one to stop at once, and a copy of the one before (the same signal within `SAME_SIGNAL_MS`,
 * as a control group's signal reaches a relaunched child both directly and through its
 * launcher) asks nothing new.
 */
export class StopSignals {
  private last: { signal: string; at: number } | null = null;

  take(signal: string, now: number): 'stop' | 'stop now' | 'copy' {
    const last = this.last;
    if (last && last.signal === signal && now - last.at < SAME_SIGNAL_MS) return 'copy';
    this.last = { signal, at: now };
    return last ? 'stop now' : 'stop';
  }
}

/** Names, in a relaunched process's environment, the process that launched it. */
const LAUNCHER_PID = 'PARLEY_LAUNCHER_PID';

/**
 * Runs this process's command line again in a child process started with `flags`, and stands in
 * for it until it exits: resolves to the exit code to end with (the child's, or 128 + the number
 * of the signal that ended it). Returns null when this process should run the command itself:
 * it has the flags already, there are none, it is the relaunched child, or the platform has no
 * POSIX signals to pass on.
 *
 * The child is what a user would otherwise have started, so that signals mean the same:
 * - it runs in a process group of its own, so a Ctrl-C at the terminal reaches the launcher alone,
 *   and the launcher passes on every SIGINT, SIGTERM and SIGHUP it gets (a second Ctrl-C still
 *   means "stop now"). A signal sent to every process of a control group (systemd's default)
 *   reaches both, and the child gets it twice within a few milliseconds: `parley worker` counts
 *   such copies once (`StopSignals`);
 * - when the launcher dies without passing anything on (SIGKILL), the child kills itself with
 *   SIGKILL as soon as the channel between them closes, so killing the process one started kills
 *   the worker (its jobs return to the queue when their locks expire, as for any worker that dies).
 */
export function relaunch(flags: readonly string[]): Promise<number> | null {
  if (process.env[LAUNCHER_PID] === String(process.ppid) && process.channel) {
    followLauncher();
    return null;
  }
  if (!flags.length || flags.every((f) => process.execArgv.includes(f)) || process.platform === 'win32') return null;
  return new Promise<number>((resolve, reject) => {
    const child = spawn(process.execPath, [...flags, ...process.execArgv, process.argv[1], ...process.argv.slice(2)], {
      stdio: ['inherit', 'inherit', 'inherit', 'ipc'], detached: true, env: { ...process.env, [LAUNCHER_PID]: String(process.pid) },
    });
    const pass = (signal: NodeJS.Signals) => { child.kill(signal); };
    const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
    for (const s of signals) process.on(s, pass);
    child.once('error', (err) => { for (const s of signals) process.off(s, pass); reject(err); });
    child.once('exit', (code, signal) => {
      for (const s of signals) process.off(s, pass);
      resolve(code ?? 128 + (signal ? constants.signals[signal] ?? 0 : 0));
    });
  });
}

/** In a relaunched child: die with the launcher (see `relaunch`). */
function followLauncher(): void {
  process.on('disconnect', () => process.kill(process.pid, 'SIGKILL'));
  // The channel only watches the launcher: it must not keep the process alive by itself.
  process.channel?.unref();
}
