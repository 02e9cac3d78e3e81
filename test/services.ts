import { connect } from 'node:net';
import { randomBytes } from 'node:crypto';
import pg from 'pg';

/**
 * The real services some tests need. A test asks `serviceSkip(name)` before it starts: false
 * means go ahead; a string is the skip reason when the service is unreachable. With
 * PARLEY_REQUIRE_SERVICES=1 (CI) an unreachable service throws instead, so it fails loudly.
 */
export const services = Object.freeze({
  postgres: process.env.PARLEY_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
  redis: process.env.PARLEY_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
});

type ServiceName = keyof typeof services;

const probes: Record<ServiceName, () => Promise<void>> = {
  async postgres() {
    const client = new pg.Client({ connectionString: services.postgres, connectionTimeoutMillis: 3000 });
    try {
      await client.connect();
      await client.query('SELECT 1');
    } finally {
      await client.end().catch(() => {});
    }
  },
  redis: () => new Promise<void>((resolve, reject) => {
    const url = new URL(services.redis);
    const socket = connect({ host: url.hostname, port: Number(url.port || 6379) });
    const fail = (err: Error) => { socket.destroy(); reject(err); };
    socket.setTimeout(3000, () => fail(new Error('timed out')));
    socket.on('error', fail);
    socket.on('connect', () => socket.write('PING\r\n'));
    socket.on('data', (data) => {
      socket.destroy();
      // A password-protected server answers -NOAUTH, which still proves it is there.
      if (/^(\+PONG|-NOAUTH)/.test(data.toString())) resolve(); else reject(new Error(`unexpected reply ${JSON.stringify(data.toString().slice(0, 40))}`));
    });
  }),
};

const cache = new Map<ServiceName, Promise<string | false>>();

/** False when the service answers; otherwise the reason to skip (or a throw under CI). */
export function serviceSkip(name: ServiceName): Promise<string | false> {
  let answer = cache.get(name);
  if (!answer) {
    answer = probes[name]().then(() => false as const, (err: Error) => {
      const where = name === 'postgres' ? 'PostgreSQL' : 'Redis';
      const reason = `${where} is unreachable at ${redact(services[name])} (${err.message || (err as { code?: string }).code}): skipping; start it, or set PARLEY_REQUIRE_SERVICES=1 to make this a failure`;
      if (process.env.PARLEY_REQUIRE_SERVICES === '1') throw new Error(`PARLEY_REQUIRE_SERVICES=1 but ${reason.split(': skipping')[0]}`);
      return reason;
    });
    cache.set(name, answer);
  }
  return answer;
}

function redact(url: string): string {
  return url.replace(/\/\/[^@/]*@/, '//');
}

/** A unique name for a database, schema or queue of one test run. */
export function uniqueName(prefix: string): string {
  return `${prefix}_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
}

/** Creates a fresh, empty database for one test run; `drop()` removes it (closing its sessions). */
export async function createTestDatabase(prefix = 'parley_test'): Promise<{ url: string; name: string; drop(): Promise<void> }> {
  const name = uniqueName(prefix);
  const admin = new pg.Client({ connectionString: services.postgres });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(services.postgres);
  url.pathname = `/${name}`;
  return {
    url: url.href,
    name,
    async drop() {
      const c = new pg.Client({ connectionString: services.postgres });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}

/** A redis:// URL for a queue of its own (removed by `dropQueue`). */
export function testQueueUrl(prefix = 'parley-test'): string {
  const url = new URL(services.redis);
  url.searchParams.set('queue', uniqueName(prefix).replace(/_/g, '-'));
  return url.href;
}

/** Removes a test queue and its dead-letter queue from Redis. */
export async function dropQueue(queueUrl: string): Promise<void> {
  const { Queue } = await import('bullmq');
  const { parseQueueUrl, deadLetterQueueName } = await import('../src/queue/index.js');
  const target = parseQueueUrl(queueUrl);
  for (const name of [target.name, deadLetterQueueName(target.name)]) {
    const q = new Queue(name, { connection: { host: target.host, port: target.port, db: target.db } });
    await q.obliterate({ force: true }).catch(() => {});
    await q.close();
  }
}

/** Polls until `check` returns a truthy value (which it returns), or fails after `timeoutMs`. */
export async function waitFor<T>(what: string, check: () => Promise<T> | T, timeoutMs = 20_000, everyMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
