/** The API's error type and the error body of docs/api.md: `{ error: { code, message, details? } }`. */
import type { ZodError } from 'zod';

export type ErrorCode = 'bad_request' | 'unauthorized' | 'forbidden' | 'not_found' | 'conflict' | 'rate_limited' | 'internal';

export interface ErrorDetail {
  /** Field the problem is about (`since`, `actors.0.name`); empty for the request as a whole. */
  path: string;
  message: string;
}

export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: ErrorDetail[] };
}

const STATUS: Record<ErrorCode, number> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
  internal: 500,
};

/** Thrown by handlers (and the router) to answer with an error body. */
export class HttpError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: ErrorDetail[],
    status?: number,
    /** Extra response headers (e.g. Retry-After, Allow). */
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.status = status ?? STATUS[code];
  }

  body(): ErrorBody {
    return { error: { code: this.code, message: this.message, ...(this.details?.length ? { details: this.details } : {}) } };
  }
}

export const badRequest = (message: string, details?: ErrorDetail[]) => new HttpError('bad_request', message, details);
export const notFound = (message: string) => new HttpError('not_found', message);

/** A zod failure as a 400 whose details name each field (prefixed with where it was: query, body). */
export function fromZod(err: ZodError, where: string): HttpError {
  const details = err.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
  const first = details[0];
  const msg = first ? `invalid ${where}${first.path ? ` field "${first.path}"` : ''}: ${first.message}` : `invalid ${where}`;
  return badRequest(msg, details);
}
