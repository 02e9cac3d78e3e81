#!/usr/bin/env node
// The `parley` command: the compiled CLI lives in dist/ (built by `npm install` via `prepare`).
import('../dist/src/cli/main.js').then((m) => m.runProcess(process.argv.slice(2))).then(
  (code) => { process.exitCode = code; },
  (err) => { process.stderr.write(`parley: ${err?.stack ?? err}\n`); process.exitCode = 70; },
);
