import { Queue } from 'bullmq';
import { parseQueueUrl, ready, redisOptions, type QueueTarget } from './connection.js';
import { deadLetterQueueName, jobOptions, type ArticleJob, type DeadLetter } from './jobs.js';

export interface QueueStatus {
  queue: string;
  server: string;
  /** Jobs not yet done: waiting + active + delayed (retries waiting out their backoff). */
  depth: number;
  counts: { waiting: number; active: number; delayed: number; completed: number; failed: number };
  /** True when the queue is paused (jobs wait until it is resumed). */
  paused: boolean;
  workers: number;
  /** Articles finished per second, averaged over the last 1, 5 and 15 whole minutes. */
  throughput: { perSecond1m: number; perSecond5m: number; perSecond15m: number; totalCompleted: number; totalFailed: number };
  deadLetters: { count: number; recent: Omit<DeadLetter, 'input'>[] };
}

const COUNTED = ['waiting', 'active', 'delayed', 'completed', 'failed', 'prioritized'] as const;

/** Reads the queue's depth, throughput (from BullMQ's per-minute metrics) and failures. */
export async function queueStatus(queue: string | QueueTarget, options: { recentDeadLetters?: number } = {}): Promise<QueueStatus> {
  const target = parseQueueUrl(queue);
  const q = new Queue(target.name, { connection: redisOptions(target, false) });
  const dead = new Queue<DeadLetter>(deadLetterQueueName(target.name), { connection: redisOptions(target, false) });
  q.on('error', () => {});
  dead.on('error', () => {});
  try {
    await ready(q, target);
    const raw = await q.getJobCounts(...COUNTED);
    const counts = {
      waiting: (raw.waiting ?? 0) + (raw.prioritized ?? 0), active: raw.active ?? 0, delayed: raw.delayed ?? 0,
      completed: raw.completed ?? 0, failed: raw.failed ?? 0,
    };
    const [paused, completed, failed, workers, deadCount, recent] = await Promise.all([
      q.isPaused(), q.getMetrics('completed', 0, 15), q.getMetrics('failed', 0, 0), q.getWorkersCount(),
      dead.getJobCountByTypes('waiting'), dead.getJobs(['waiting'], 0, (options.recentDeadLetters ?? 10) - 1, false),
    ]);
    // data[0] is the minute in progress; whole minutes follow, newest first.
    const minutes = completed.data.slice(1);
    const rate = (n: number) => (minutes.length ? minutes.slice(0, n).reduce((a, b) => a + b, 0) / (Math.min(n, minutes.length) * 60) : 0);
    return {
      queue: target.name,
      server: target.display,
      depth: counts.waiting + counts.active + counts.delayed,
      counts,
      paused,
      workers,
      throughput: {
        perSecond1m: rate(1), perSecond5m: rate(5), perSecond15m: rate(15),
        totalCompleted: completed.meta.count, totalFailed: failed.meta.count,
      },
      deadLetters: {
        count: deadCount,
        recent: recent.filter(Boolean).map((j) => { const { input: _input, ...rest } = j.data; return rest; }),
      },
    };
  } finally {
    await Promise.allSettled([q.close(), dead.close()]);
  }
}

/** The dead letters, oldest first, with their inputs. */
export async function listDeadLetters(queue: string | QueueTarget, options: { limit?: number } = {}): Promise<DeadLetter[]> {
  const target = parseQueueUrl(queue);
  const dead = new Queue<DeadLetter>(deadLetterQueueName(target.name), { connection: redisOptions(target, false) });
  dead.on('error', () => {});
  try {
    await ready(dead, target);
    const jobs = await dead.getJobs(['waiting'], 0, (options.limit ?? 1000) - 1, true);
    return jobs.filter(Boolean).map((j) => j.data);
  } finally {
    await dead.close();
  }
}

/** Puts dead letters back on the queue as fresh jobs (after a fix), and clears them. */
export async function requeueDeadLetters(queue: string | QueueTarget): Promise<number> {
  const target = parseQueueUrl(queue);
  const q = new Queue<ArticleJob>(target.name, { connection: redisOptions(target, false) });
  const dead = new Queue<DeadLetter>(deadLetterQueueName(target.name), { connection: redisOptions(target, false) });
  q.on('error', () => {});
  dead.on('error', () => {});
  let moved = 0;
  try {
    await ready(q, target);
    for (;;) {
      const jobs = (await dead.getJobs(['waiting'], 0, 499, true)).filter(Boolean);
      if (!jobs.length) break;
      for (const j of jobs) {
        // The old job (same id) sits in the failed set; remove it so the id can be used again.
        await (await q.getJob(j.data.jobId))?.remove().catch(() => {});
        await q.add('article', { origin: j.data.origin, input: j.data.input }, { ...jobOptions(), jobId: j.data.jobId });
        await j.remove();
        moved++;
      }
    }
  } finally {
    await Promise.allSettled([q.close(), dead.close()]);
  }
  return moved;
}
