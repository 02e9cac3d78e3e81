import { describe, test, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pc from 'picocolors';
import type { Io } from '../src/cli/io.js';
import { enqueueCommand } from '../src/cli/commands/queue.js';
import { statusCommand, workerCommand } from '../src/cli/commands/worker.js';
import { syntheticArticles } from './queue.synthetic.js';
import { tempDir } from './helpers.js';
import { dropQueue, serviceSkip, testQueueUrl } from './services.js';

function captureIo(): Io & { stdout: string; stderr: string } {
  const io = { stdout: '', stderr: '', isTTY: false, colors: pc.createColors(false), out(s: string) { io.stdout += s; }, err(s: string) { io.stderr += s; } };
  return io;
}

const usage: [string, string[], RegExp][] = [
  ['worker without --queue', [], /P002.*--queue/],
  ['worker without --db', ['--queue', 'redis://127.0.0.1:6379'], /P002.*--db/],
  ['worker with an unknown flag', ['--queue', 'redis://x', '--db', 'postgres://x', '--bogus'], /P001.*--concurrency/],
  ['worker with a fold interval that is no number', ['--queue', 'redis://x', '--db', 'postgres://x', '--fold-ms', 'soon'], /P003.*--fold-ms/],
  ['worker with a non-redis queue URL', ['--queue', 'amqp://127.0.0.1', '--db', 'postgres://x'], /P060.*redis:\/\//],
];
for (const [name, argv, error] of usage) {
  test(`cli › ${name} is a coded error`, async () => {
    const saved = process.env.PARLEY_DATABASE_URL;
    delete process.env.PARLEY_DATABASE_URL;
    try {
      await assert.rejects(workerCommand(argv, captureIo()), error);
    } finally {
      if (saved !== undefined) process.env.PARLEY_DATABASE_URL = saved;
    }
  });
}

const skip = await serviceSkip('redis');

describe('cli › queue commands', { skip }, () => {
  const queue = testQueueUrl('parley-cli');
  after(async () => { await dropQueue(queue); });

  test('cli › ingest --queue enqueues a JSONL file and names its unreadable lines', async () => {
    const dir = tempDir();
    const file = join(dir, 'wire.jsonl');
    writeFileSync(file, [...syntheticArticles(3).map((a) => JSON.stringify(a)), '{not json', JSON.stringify({ id: 'blank', text: '' })].join('\n') + '\n');
    const io = captureIo();
    assert.equal(await enqueueCommand([file], { queue, published: '2025-10-14' }, io), 1);
    assert.match(io.stderr, /enqueued 3 article\(s\) in [\d.]+ s: 0 already queued, 2 unreadable/);
    assert.match(io.stderr, /wire\.jsonl:4: P106/);
    assert.match(io.stderr, /wire\.jsonl:5: P100/);
    const again = captureIo();
    await enqueueCommand([file], { queue }, again);
    assert.match(again.stderr, /enqueued 0 article\(s\) in [\d.]+ s: 3 already queued/);
  });

  test('cli › status shows depth, workers, throughput and dead letters', async () => {
    const io = captureIo();
    assert.equal(await statusCommand(['--queue', queue], io), 0);
    assert.match(io.stdout, /depth\s+3 {2}\(waiting 3, active 0, delayed for retry 0\)/);
    assert.match(io.stdout, /workers\s+0/);
    assert.match(io.stdout, /throughput\s+0\.0\/s last minute/);
    assert.match(io.stdout, /failures\s+0 failed .*0 dead letter/);
    const json = captureIo();
    await statusCommand(['--queue', queue, '--json'], json);
    assert.equal(JSON.parse(json.stdout).depth, 3);
  });

  test('cli › status names an unreachable queue server', async () => {
    await assert.rejects(statusCommand(['--queue', 'redis://127.0.0.1:1'], captureIo()), /\[P060\] Cannot reach the queue at redis:\/\/127\.0\.0\.1:1/);
  });
});
