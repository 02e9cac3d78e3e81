/**
 * `npm run bench`: every benchmark, each in its own process so one's memory never colours
 * another's. Figures are printed and saved under bench/results/. Benchmarks never run in CI and
 * never fail a build: budgets are read from their output.
 *
 *   npm run bench                 speed (10,000 articles), threads, actors, places
 *   npm run bench -- --all        also the HTTP load test, the queue benchmark (need Redis/PostgreSQL)
 *                                 and the fold growth benchmark (one long-running initiative)
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const all = process.argv.includes('--all');
const runs: [string, string[]][] = [
  ['speed', ['bench/speed.ts', '--articles', '10000']],
  ['threads', ['bench/threads.ts', '--articles', '240', '--initiatives', '12']],
  ['actors', ['bench/actors.ts']],
  ['places', ['bench/places.ts']],
  ...(all ? [
    ['load', ['bench/load.ts']], ['queue', ['bench/queue.ts']],
    ['fold-growth', ['bench/fold-growth.ts', '--corpus', 'initiative', '--articles', '20000', '--batch', '100']],
  ] as [string, string[]][] : []),
];
// The speed benchmark's worker threads run the compiled package: build it first (TypeScript only).
const build = spawnSync(process.execPath, [join('node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json'], { stdio: 'inherit' });
if (build.status !== 0) console.log('(tsc reported errors: dist/ may be partly stale for the worker threads)');
let failed = 0;
for (const [name, args] of runs) {
  console.log(`\n== ${name}`);
  const r = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', ...args], { stdio: 'inherit' });
  if (r.status !== 0) { failed++; console.log(`(${name} exited ${r.status})`); }
}
process.exit(failed ? 1 : 0);
