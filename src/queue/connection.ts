import type { ConnectionOptions } from 'bullmq';
import { ParleyError } from '../document/errors.js';

/** Where a queue lives: a Redis server and the queue's name on it. */
export interface QueueTarget {
  /** The BullMQ queue name (`?queue=NAME` in the URL, default "parley"). */
  name: string;
  host: string;
  port: number;
  db: number;
  username?: string;
  password?: string;
  tls: boolean;
  /** The URL without its password, for messages. */
  display: string;
}

export const connectionDefaults = Object.freeze({
  queueName: 'parley',
  /** How long a short-lived client (enqueue, status) waits for Redis before giving up. */
  connectTimeoutMs: 5000,
});

/**
 * Parses `redis://[user:password@]host[:port][/db][?queue=NAME]` (or `rediss://` for TLS).
 * Several pipelines can share one Redis by using different queue names.
 */
export function parseQueueUrl(spec: string | QueueTarget): QueueTarget {
  if (typeof spec !== 'string') return spec;
  let url: URL;
  try {
    url = new URL(spec);
  } catch {
    throw new ParleyError('P060', `"${spec}" is not a queue URL: use redis://host:6379 (optionally /DB and ?queue=NAME)`);
  }
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:') {
    throw new ParleyError('P060', `Unsupported queue URL "${url.protocol}//…": use redis://host:6379 or rediss:// for TLS`);
  }
  const db = url.pathname && url.pathname !== '/' ? Number(url.pathname.slice(1)) : 0;
  if (!Number.isInteger(db) || db < 0) throw new ParleyError('P060', `Queue URL database "${url.pathname.slice(1)}" must be a number (redis://host:6379/0)`);
  const name = url.searchParams.get('queue') || connectionDefaults.queueName;
  if (!/^[\w.-]+$/.test(name)) throw new ParleyError('P060', `Queue name "${name}" may use letters, digits, ".", "_" and "-" only`);
  const display = new URL(url.href);
  display.password = '';
  return {
    name,
    host: url.hostname.replace(/^\[|\]$/g, '') || '127.0.0.1',
    port: url.port ? Number(url.port) : 6379,
    db,
    username: url.username ? decodeURIComponent(url.username) : undefined,
    password: url.password ? decodeURIComponent(url.password) : undefined,
    tls: url.protocol === 'rediss:',
    display: display.href,
  };
}

/**
 * ioredis options for BullMQ. A long-lived worker reconnects for ever; a short-lived client
 * (`persistent: false`) gives up after a few tries so a command never hangs on a dead server.
 */
export function redisOptions(target: QueueTarget, persistent: boolean): ConnectionOptions {
  return {
    host: target.host, port: target.port, db: target.db,
    username: target.username, password: target.password,
    ...(target.tls ? { tls: {} } : {}),
    connectTimeout: connectionDefaults.connectTimeoutMs,
    maxRetriesPerRequest: persistent ? null : 2,
    retryStrategy: persistent ? (times: number) => Math.min(times * 500, 5000) : (times: number) => (times > 3 ? null : times * 300),
  };
}

/** Resolves when a BullMQ client is connected, or throws a P060 naming the server. */
export async function ready(client: { waitUntilReady(): Promise<unknown> }, target: QueueTarget): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${connectionDefaults.connectTimeoutMs} ms`)), connectionDefaults.connectTimeoutMs);
  });
  try {
    await Promise.race([client.waitUntilReady(), timeout]);
  } catch (err) {
    throw new ParleyError('P060', `Cannot reach the queue at ${target.display}: ${(err as Error).message}`);
  } finally {
    clearTimeout(timer);
  }
}
