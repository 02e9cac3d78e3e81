import type { Diagnostic } from '../document/types.js';
import { diagnostic } from './normalize.js';

/** True when the bytes look like a binary file (a NUL byte in the first 8 KiB). */
export function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  for (let i = 0; i < n; i++) if (bytes[i] === 0) return true;
  return false;
}

/**
 * Decodes bytes as UTF-8. Invalid sequences are replaced by U+FFFD and reported, so one bad byte
 * costs a character, not the article.
 */
export function decodeUtf8(bytes: Uint8Array, origin: string): { text: string; diagnostics: Diagnostic[] } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), diagnostics: [] };
  } catch {
    const text = new TextDecoder('utf-8').decode(bytes);
    const bad = (text.match(/\uFFFD/g) ?? []).length;
    return { text, diagnostics: [diagnostic('P103', `${origin}: ${bad} invalid byte sequence(s) replaced by U+FFFD`)] };
  }
}
