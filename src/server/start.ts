import { isIP } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { ParleyError } from '../document/errors.js';
import { buildServer, type ServerOptions } from './app.js';

export interface StartOptions extends ServerOptions {
  port?: number;
  host?: string;
  /** Close the server and the store on SIGINT/SIGTERM (default true). */
  handleSignals?: boolean;
}

export interface RunningServer {
  app: FastifyInstance;
  /** The address it listens on, e.g. http://127.0.0.1:8080 */
  url: string;
  /** Resolves once the server has closed (after a signal or `close()`). */
  closed: Promise<void>;
  close(): Promise<void>;
}

export const startDefaults = Object.freeze({ port: 8080, host: '127.0.0.1' });

/** True for 127.0.0.0/8, ::1 and localhost: addresses only this machine can reach. */
export function isLoopbackHost(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (h === 'localhost' || h === '::1') return true;
  if (isIP(h) === 4) return h.startsWith('127.');
  return /^::ffff:127\./.test(h);
}

/**
 * Builds the app and listens. Without an API key, writes would be open to anyone who can reach
 * the port, so the server refuses any host but loopback.
 */
export async function startServer(options: StartOptions = {}): Promise<RunningServer> {
  const { port = startDefaults.port, host = startDefaults.host, handleSignals = true, ...serverOptions } = options;
  const apiKey = serverOptions.apiKey !== undefined ? serverOptions.apiKey : (process.env.PARLEY_API_KEY || null);
  if (!apiKey && !isLoopbackHost(host)) {
    throw new ParleyError('P003', `Refusing to listen on ${host} without an API key: set PARLEY_API_KEY (writes need it), or use --host 127.0.0.1`);
  }
  const app = await buildServer({ ...serverOptions, apiKey });
  if (!apiKey) app.log.warn('PARLEY_API_KEY is not set: writes (POST) are open, to this machine only (listening on loopback)');
  await app.listen({ port, host });
  const address = app.server.address();
  const shownHost = host.includes(':') ? `[${host}]` : host;
  const url = `http://${shownHost}:${typeof address === 'object' && address ? address.port : port}`;

  let resolveClosed!: () => void;
  const closed = new Promise<void>((r) => { resolveClosed = r; });
  let closing: Promise<void> | null = null;
  const close = () => (closing ??= app.close().then(() => {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    resolveClosed();
  }));
  function onSignal(signal: NodeJS.Signals) {
    app.log.info({ signal }, 'shutting down: closing connections and the store');
    void close();
  }
  if (handleSignals) {
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
  }
  return { app, url, closed, close };
}
