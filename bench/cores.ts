/**
 * How far two CPU-bound processes scale on this machine, with nothing else to share the cores
 * with: each process reads the queue benchmark's synthetic articles (test/queue.synthetic.ts)
 * with the engine, as a queue worker reads them (the document and its JSON), and no queue,
 * store or database is involved. It runs one process alone, then two at once, for a number of
 * rounds, and reports articles/s and CPU milliseconds an article for each, and the ratio of the
 * two processes' articles/s together to one's alone.
 *
 * The queue benchmark (bench/queue.ts) asks two workers to reach 1.6 times one worker's articles/s
 * on two cores while PostgreSQL and Redis run on the same cores. The ratio here is what reading
 * alone reaches, with nothing else on the cores; between rounds it also shows how much the
 * machine's own speed varies for the same work.
 *
 *   node --import tsx bench/cores.ts [--articles 6000] [--rounds 3] [--warmup 1000]
 */
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createEngine } from '../src/engine.js';
import { syntheticArticles } from '../test/queue.synthetic.js';

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '6000' }, rounds: { type: 'string', default: '3' },
    warmup: { type: 'string', default: '1000' }, child: { type: 'string' },
  },
});
const articles = Number(values.articles);
const warmup = Number(values.warmup);

interface ChildResult { articles: number; seconds: number; cpuSeconds: number }

/** A child: warms up, says it is ready, waits for "go" on stdin, reads its articles, prints one JSON line. */
async function child(offset: number): Promise<void> {
  const engine = createEngine();
  const read = (a: { id: string; text: string; published?: string; title?: string; source?: string; url?: string }) =>
    JSON.stringify(engine.readInput(a).toOutput()).length;
  // Other articles than the measured ones, so that the measured ones are read for the first time.
  for (const a of syntheticArticles(warmup, 10_000_000 + offset)) read(a);
  const batch = syntheticArticles(articles, offset);
  process.stdout.write('ready\n');
  await new Promise<void>((resolve) => process.stdin.once('data', () => resolve()));
  const cpu0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  let chars = 0;
  for (const a of batch) chars += read(a);
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const cpu = process.cpuUsage(cpu0);
  const result: ChildResult & { chars: number } = { articles: batch.length, seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6, chars };
  process.stdout.write(`${JSON.stringify(result)}\n`);
  process.exit(0);
}

/** Starts `count` children, lets them go together once all are warm, and collects their results. */
async function runTogether(count: number): Promise<ChildResult[]> {
  const script = fileURLToPath(import.meta.url);
  const procs = Array.from({ length: count }, (_, i) =>
    spawn(process.execPath, [...process.execArgv, script, '--child', String(i * 1_000_000), '--articles', String(articles), '--warmup', String(warmup)],
      { stdio: ['pipe', 'pipe', 'inherit'] }));
  const outputs = procs.map((p) => {
    let text = '';
    let readyResolve!: () => void;
    const ready = new Promise<void>((r) => { readyResolve = r; });
    p.stdout!.on('data', (d: Buffer) => { text += d.toString(); if (text.includes('ready\n')) readyResolve(); });
    const done = new Promise<ChildResult>((resolve, reject) => p.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`child exited with ${code}`));
      resolve(JSON.parse(text.split('\n').filter(Boolean).at(-1)!) as ChildResult);
    }));
    return { ready, done };
  });
  await Promise.all(outputs.map((o) => o.ready));
  for (const p of procs) p.stdin!.write('go\n');
  return Promise.all(outputs.map((o) => o.done));
}

async function main(): Promise<void> {
  if (values.child !== undefined) return child(Number(values.child));
  const rounds: { one: ChildResult; two: ChildResult[]; ratio: number }[] = [];
  console.log(`${cpus().length} cores (${cpus()[0]?.model}), ${articles} articles a process after ${warmup} to warm up`);
  for (let r = 1; r <= Number(values.rounds); r++) {
    const [one] = await runTogether(1);
    const two = await runTogether(2);
    const rate = (c: ChildResult) => c.articles / c.seconds;
    const ratio = two.reduce((s, c) => s + rate(c), 0) / rate(one);
    rounds.push({ one, two, ratio });
    const msCpu = (c: ChildResult) => ((c.cpuSeconds * 1000) / c.articles).toFixed(3);
    console.log(`round ${r}: one process ${rate(one).toFixed(1)} articles/s (${msCpu(one)} ms CPU an article); ` +
      `two at once ${two.map((c) => rate(c).toFixed(1)).join(' + ')} articles/s (${two.map(msCpu).join(', ')} ms CPU an article); ` +
      `ratio ${ratio.toFixed(2)}x; load ${loadavg()[0].toFixed(2)}`);
  }
  const ratios = rounds.map((r) => r.ratio).sort((a, b) => a - b);
  const mid = ratios.length / 2;
  const median = ratios.length % 2 ? ratios[Math.floor(mid)] : (ratios[mid - 1] + ratios[mid]) / 2;
  console.log(`two processes against one: ${ratios.map((x) => x.toFixed(2)).join(', ')} (median ${median.toFixed(2)}x)`);
  const dir = fileURLToPath(new URL('./results/', import.meta.url));
  mkdirSync(dir, { recursive: true });
  const file = `${dir}cores-${new Date().toISOString().replace(/[:.]/g, '-')}.json`;
  writeFileSync(file, JSON.stringify({ machine: { cores: cpus().length, model: cpus()[0]?.model }, articles, warmup, rounds }, null, 2));
  console.log(`saved ${file}`);
}

await main();
