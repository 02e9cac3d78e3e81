import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { ParleyError } from '../document/errors.js';

/** The one error shape of the API: `{ error: { code, message } }`. */
export interface ApiErrorBody {
  error: { code: string; message: string };
}

/** An error a handler throws on purpose, with the HTTP status and code the client sees. */
export class HttpError extends Error {
  constructor(readonly statusCode: number, readonly code: string, message: string) {
    super(message);
    this.name = 'HttpError';
  }
}

export const notFound = (what: string) => new HttpError(404, 'not_found', `${what} not found`);

/** Status codes for Parley's own coded errors: a refused fetch is the client's fault, a failed one is upstream's. */
const PARLEY_STATUS: Record<string, number> = { P050: 400, P051: 502, P030: 503, P031: 500 };

/** Fastify's own error codes, mapped to stable API codes. */
const FASTIFY_CODES: Record<string, [number, string]> = {
  FST_ERR_CTP_BODY_TOO_LARGE: [413, 'payload_too_large'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, 'unsupported_media_type'],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'validation'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [400, 'validation'],
};

type AjvIssue = { keyword: string; instancePath?: string; params?: Record<string, unknown>; message?: string };

/**
 * Ajv reports every branch of an anyOf; an article without content is the common case, so say
 * that plainly instead of three "must have required property" lines.
 */
function validationMessage(err: FastifyError & { validation?: unknown; validationContext?: string }): string {
  const issues = (err.validation ?? []) as AjvIssue[];
  const missing = issues.filter((i) => i.keyword === 'required').map((i) => String(i.params?.missingProperty));
  if (['text', 'html', 'url'].every((k) => missing.includes(k))) {
    const at = issues.find((i) => i.keyword === 'required')?.instancePath || '';
    return `${err.validationContext ?? 'body'}${at} needs one of "text", "html" or "url"`;
  }
  const extra = issues.find((i) => i.keyword === 'additionalProperties');
  if (extra) return `${err.validationContext ?? 'request'}${extra.instancePath ?? ''} has an unknown field "${String(extra.params?.additionalProperty)}"`;
  return err.message;
}

/** Turns any error into a status and the API's error body; internal details never leak. */
export function toApiError(err: unknown): { status: number; body: ApiErrorBody; internal: boolean } {
  const body = (status: number, code: string, message: string, internal = false) => ({ status, body: { error: { code, message } }, internal });
  if (err instanceof HttpError) return body(err.statusCode, err.code, err.message);
  if (err instanceof ParleyError) {
    const status = PARLEY_STATUS[err.code] ?? 400;
    return body(status, err.code, err.message.replace(/^\[P\d+\] /, ''), status >= 500);
  }
  const fe = err as FastifyError & { validation?: unknown };
  if (fe?.validation) return body(400, 'validation', validationMessage(fe));
  if (fe?.code && FASTIFY_CODES[fe.code]) {
    const [status, code] = FASTIFY_CODES[fe.code];
    return body(status, code, fe.message);
  }
  if (fe?.statusCode === 429) return body(429, 'rate_limited', fe.message || 'Too many requests: slow down');
  if (fe instanceof SyntaxError || fe?.statusCode === 400) return body(400, 'validation', `The request body is not valid: ${fe.message}`);
  if (typeof fe?.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) return body(fe.statusCode, 'bad_request', fe.message);
  return body(500, 'internal', 'Internal server error (details are in the server log)', true);
}

export function sendError(err: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const { status, body, internal } = toApiError(err);
  if (internal) request.log.error({ err }, 'request failed');
  else request.log.info({ code: body.error.code, status }, body.error.message);
  return reply.status(status).type('application/json; charset=utf-8').send(body);
}
