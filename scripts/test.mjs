#!/usr/bin/env node
// The one test command (`npm test`): builds the package (the CLI tests run the real, built
// `parley`), then runs every test file with node's test runner.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const run = (cmd, args) => spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: process.env }).status ?? 1;

if (run('npm', ['run', '--silent', 'build']) !== 0) process.exit(1);
const args = process.argv.slice(2);
// --coverage adds node's coverage table (lines, branches, functions per source file) to the report.
const coverage = args.includes('--coverage') ? ['--experimental-test-coverage'] : [];
const only = args.filter((a) => a !== '--coverage');
const files = only.length ? only : readdirSync(join(root, 'test')).filter((f) => f.endsWith('.test.ts')).sort().map((f) => join('test', f));
process.exit(run(process.execPath, ['--import', 'tsx', '--test', '--test-reporter', 'spec', ...coverage, ...files]));
