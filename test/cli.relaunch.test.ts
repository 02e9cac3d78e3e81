import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { nodeFlagsFor, SAME_SIGNAL_MS, StopSignals } from '../src/cli/relaunch.js';

const flagCases: [string, string | undefined, string | undefined, string[]][] = [
  ['the worker, by default', 'worker', undefined, ['--single-threaded-gc']],
  ['the worker, flags chosen in the environment', 'worker', '--max-semi-space-size=32  --single-threaded-gc', ['--max-semi-space-size=32', '--single-threaded-gc']],
  ['the worker, none chosen', 'worker', '', []],
  ['another command', 'read', undefined, []],
  ['no command', undefined, undefined, []],
];
for (const [name, command, chosen, expected] of flagCases) {
  test(`relaunch › node flags for ${name}`, () => {
    const saved = process.env.PARLEY_WORKER_NODE_FLAGS;
    if (chosen === undefined) delete process.env.PARLEY_WORKER_NODE_FLAGS; else process.env.PARLEY_WORKER_NODE_FLAGS = chosen;
    try {
      assert.deepEqual(nodeFlagsFor(command), expected);
    } finally {
      if (saved === undefined) delete process.env.PARLEY_WORKER_NODE_FLAGS; else process.env.PARLEY_WORKER_NODE_FLAGS = saved;
    }
  });
}

const signalCases: [string, [string, number][], string[]][] = [
  ['one signal', [['SIGTERM', 0]], ['stop']],
  ['a copy of it', [['SIGTERM', 0], ['SIGTERM', SAME_SIGNAL_MS - 1]], ['stop', 'copy']],
  ['the same signal again later', [['SIGTERM', 0], ['SIGTERM', SAME_SIGNAL_MS]], ['stop', 'stop now']],
  ['another signal at once', [['SIGTERM', 0], ['SIGINT', 1]], ['stop', 'stop now']],
  ['Ctrl-C twice, each copied', [['SIGINT', 0], ['SIGINT', 2], ['SIGINT', 900], ['SIGINT', 903]], ['stop', 'copy', 'stop now', 'copy']],
];
for (const [name, signals, expected] of signalCases) {
  test(`relaunch › stop signals: ${name}`, () => {
    const stops = new StopSignals();
    assert.deepEqual(signals.map(([s, at]) => stops.take(s, 1_000_000 + at)), expected);
  });
}

interface Probe { pid: number; ppid: number; execArgv: string[] }

/** Starts the probe command with `nodeFlags` on its own command line, relaunching with `flags`. */
async function startProbe(nodeFlags: string[], flags: string[]): Promise<{ child: ChildProcess; probe: Probe; exit: Promise<[number | null, string | null]> }> {
  const child = spawn(process.execPath, [...nodeFlags, '--import', 'tsx', 'test/fixtures/relaunch-probe.ts', ...flags], { stdio: ['ignore', 'pipe', 'inherit'] });
  const exit = once(child, 'exit') as Promise<[number | null, string | null]>;
  let out = '';
  child.stdout!.on('data', (d) => { out += String(d); });
  while (!out.includes('\n')) {
    if (child.exitCode !== null) throw new Error('the probe exited before it reported');
    await new Promise((r) => setTimeout(r, 20));
  }
  return { child, probe: JSON.parse(out.split('\n')[0]) as Probe, exit };
}

const alive = (pid: number) => { try { process.kill(pid, 0); return true; } catch { return false; } };

describe('relaunch › a command that needs node flags', { skip: process.platform === 'win32' ? 'POSIX signals' : false }, () => {
  const where: [string, string[], string[], boolean][] = [
    ['runs in a child started with the flags', [], ['--single-threaded-gc'], true],
    ['runs in place when started with the flags', ['--single-threaded-gc'], ['--single-threaded-gc'], false],
    ['runs in place without flags', [], [], false],
  ];
  for (const [name, nodeFlags, flags, relaunched] of where) {
    test(`relaunch › ${name}`, async () => {
      const { child, probe, exit } = await startProbe(nodeFlags, flags);
      if (relaunched) {
        assert.equal(probe.ppid, child.pid);
        for (const f of flags) assert.ok(probe.execArgv.includes(f), probe.execArgv.join(' '));
      } else {
        assert.equal(probe.pid, child.pid);
      }
      child.kill('SIGTERM');
      await exit;
    });
  }

  test('relaunch › passes on each signal once, and ends with the child\'s exit code', async () => {
    const { child, exit } = await startProbe([], ['--single-threaded-gc']);
    child.kill('SIGTERM');
    // The probe exits with 10 + the SIGTERMs it got by 300 ms after the first.
    assert.deepEqual(await exit, [11, null]);
  });

  test('relaunch › a child killed by a signal: the launcher exits with 128 + its number', async () => {
    const { probe, exit } = await startProbe([], ['--single-threaded-gc']);
    process.kill(probe.pid, 'SIGKILL');
    assert.deepEqual(await exit, [137, null]);
  });

  test('relaunch › the child dies with a launcher killed by SIGKILL', async () => {
    const { child, probe, exit } = await startProbe([], ['--single-threaded-gc']);
    assert.ok(alive(probe.pid));
    child.kill('SIGKILL');
    await exit;
    for (let waited = 0; alive(probe.pid) && waited < 5000; waited += 20) await new Promise((r) => setTimeout(r, 20));
    assert.equal(alive(probe.pid), false, 'the relaunched child is gone');
  });
});
