/**
 * Parley's two error channels. Misuse of the library or the CLI throws a `ParleyError` whose code
 * and message say how to fix it; bad data never throws, it becomes a `Diagnostic` on the article
 * (see `diagnostics.ts`) and the batch goes on.
 */

/** The catalogue of error codes: one line each, so codes stay unique and documented. */
export const ERRORS = {
  P001: 'Unknown option',
  P002: 'Missing argument',
  P003: 'Invalid option value',
  P010: 'Unknown format',
  P011: 'File not found',
  P012: 'Pipeline requirements not met',
  P013: 'Unknown stage',
  P020: 'Invalid date',
  P030: 'Store error',
  P031: 'Unsupported database URL',
  P040: 'Invalid data file',
  P050: 'Fetch refused',
  P051: 'Fetch failed',
  P060: 'Queue error',
  P070: 'Evaluation input error',
} as const;

export type ErrorCode = keyof typeof ERRORS;

export class ParleyError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string) {
    super(`[${code}] ${message}`);
    this.name = 'ParleyError';
    this.code = code;
  }
}

/** Diagnostic codes for bad data: the article is kept (or skipped) and the batch goes on. */
export const DIAGNOSTICS = {
  P100: 'empty article',
  P101: 'binary content',
  P102: 'article over the size limit',
  P103: 'invalid UTF-8 replaced',
  P104: 'HTML page without an article',
  P105: 'malformed feed',
  P106: 'malformed JSONL line',
  P107: 'invalid publication date ignored',
  P108: 'missing text',
  P109: 'unreadable input',
  P190: 'internal error while reading the article (the batch goes on)',
  P200: 'unknown actor name',
  P201: 'ambiguous actor',
  P300: 'time expression not normalised',
  P301: 'relative time without a publication date',
  P400: 'quote without a speaker',
  P500: 'event without an actor',
} as const;

export type DiagnosticCode = keyof typeof DIAGNOSTICS;
