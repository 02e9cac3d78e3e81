import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { ParleyError } from '../document/errors.js';

export interface FetchLimits {
  maxBytes: number;
  timeoutMs: number;
  maxRedirects: number;
  /** Allow loopback, private and link-local targets (off by default: a server must not be a proxy into its own network). */
  allowPrivate: boolean;
}

export const defaults: Readonly<FetchLimits> = Object.freeze({
  maxBytes: 5 * 1024 * 1024,
  timeoutMs: 10_000,
  maxRedirects: 3,
  allowPrivate: false,
});

export type FetchOptions = Partial<FetchLimits>;

export interface Fetched {
  url: string;
  contentType: string;
  bytes: Uint8Array;
}

/** True for loopback, private, link-local, unique-local, CGNAT, multicast and unspecified addresses. */
export function isPrivateAddress(address: string): boolean {
  const v = isIP(address);
  if (v === 4) {
    const [a, b] = address.split('.').map(Number);
    return a === 0 || a === 10 || a === 127 || (a === 169 && b === 254) || (a === 172 && b >= 16 && b <= 31)
      || (a === 192 && b === 168) || (a === 100 && b >= 64 && b <= 127) || a >= 224;
  }
  if (v === 6) {
    const x = address.toLowerCase();
    if (x === '::' || x === '::1') return true;
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(x);
    if (mapped) return isPrivateAddress(mapped[1]);
    return /^f[cd]/.test(x) || /^fe[89ab]/.test(x) || x.startsWith('ff');
  }
  return true;
}

async function assertPublic(url: URL, allowPrivate: boolean): Promise<void> {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ParleyError('P050', `Only http and https URLs can be fetched, not ${url.protocol}`);
  }
  if (allowPrivate) return;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const addresses = isIP(host) ? [host] : (await lookup(host, { all: true }).catch(() => {
    throw new ParleyError('P051', `Cannot resolve host ${host}`);
  })).map((a) => a.address);
  const bad = addresses.find(isPrivateAddress);
  if (bad) {
    throw new ParleyError('P050', `Refusing to fetch ${url.href}: ${host} resolves to the non-public address ${bad} (allow it explicitly with --allow-private or PARLEY_ALLOW_PRIVATE_FETCH=1)`);
  }
}

/**
 * Fetches a URL for reading: refuses loopback, private and link-local targets unless allowed,
 * follows at most a few redirects (each checked again), and caps size and time.
 */
export async function safeFetch(href: string, options: FetchOptions = {}): Promise<Fetched> {
  const opts = { ...defaults, ...options };
  let url = new URL(href);
  for (let hop = 0; ; hop++) {
    await assertPublic(url, opts.allowPrivate);
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), opts.timeoutMs);
    try {
      const res = await fetch(url, { redirect: 'manual', signal: controller.signal, headers: { 'user-agent': 'parley/0.1 (+news event coder)' } });
      if (res.status >= 300 && res.status < 400 && res.headers.get('location')) {
        if (hop >= opts.maxRedirects) throw new ParleyError('P051', `Too many redirects (more than ${opts.maxRedirects}) from ${href}`);
        url = new URL(res.headers.get('location') as string, url);
        continue;
      }
      if (!res.ok) throw new ParleyError('P051', `${url.href} answered HTTP ${res.status}`);
      const declared = Number(res.headers.get('content-length') ?? 0);
      if (declared > opts.maxBytes) throw new ParleyError('P051', `${url.href} is ${declared} bytes, over the ${opts.maxBytes}-byte limit`);
      const chunks: Uint8Array[] = [];
      let size = 0;
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        size += chunk.length;
        if (size > opts.maxBytes) { controller.abort(); throw new ParleyError('P051', `${url.href} is over the ${opts.maxBytes}-byte limit`); }
        chunks.push(chunk);
      }
      return { url: url.href, contentType: res.headers.get('content-type') ?? '', bytes: Buffer.concat(chunks) };
    } catch (err) {
      if (err instanceof ParleyError) throw err;
      const reason = controller.signal.aborted ? `timed out after ${opts.timeoutMs} ms` : String((err as Error).message);
      throw new ParleyError('P051', `Fetching ${url.href} failed: ${reason}`);
    } finally {
      clearTimeout(timer);
    }
  }
}
