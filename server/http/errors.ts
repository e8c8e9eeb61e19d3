import type { z } from 'zod';
import type { ApiErrorBody } from '../../core/api/endpoint.ts';

/** An error meant for the API caller: status, a stable code and a sentence a person can act on. */
export class HttpError extends Error {
  readonly status: number;
  readonly code: string;
  readonly issues: { path: string; message: string }[] | undefined;
  readonly current: unknown;
  constructor(status: number, code: string, message: string, extra: { issues?: { path: string; message: string }[]; current?: unknown } = {}) {
    super(message);
    this.name = 'HttpError';
    this.status = status;
    this.code = code;
    this.issues = extra.issues;
    this.current = extra.current;
  }

  toBody(): ApiErrorBody {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(this.issues ? { issues: this.issues } : {}),
        ...(this.current !== undefined ? { current: this.current } : {}),
      },
    };
  }
}

/** A zod failure as a 400 that names every field ("body.email: must be an e-mail address"). */
export function validationError(where: 'params' | 'query' | 'body', error: z.ZodError): HttpError {
  const issues = error.issues.map((issue) => ({
    path: [where, ...issue.path.map(String)].join('.'),
    message: issue.message,
  }));
  const summary = issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ');
  return new HttpError(400, 'invalid_request', `Invalid request — ${summary}`, { issues });
}

export const notFound = (what: string) => new HttpError(404, 'not_found', `${what} was not found`);
export const forbidden = (message = 'You do not have access to this') => new HttpError(403, 'forbidden', message);
export const unauthenticated = () => new HttpError(401, 'unauthenticated', 'Sign in to continue');
