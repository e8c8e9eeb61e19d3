import type { z } from 'zod';
import type { ApiErrorBody, BodyOf, Endpoint, ParamsOf, QueryOf, ResponseOf } from '../../core/api/endpoint.ts';

/**
 * The renderer's only way to reach the studio server: one typed `call` per endpoint contract
 * from `core/api`. The same contract validates the request on the server and the answer here,
 * so a drift between the two shows up as an `invalid_response` error instead of a broken screen.
 */

export interface ApiIssue {
  readonly path: string;
  readonly message: string;
}

/** Codes the client itself produces; every other code comes from the server's error body. */
export type ClientErrorCode = 'network' | 'invalid_response' | 'aborted';

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly issues: readonly ApiIssue[];
  readonly current: unknown;
  constructor(status: number, code: string, message: string, extra: { issues?: readonly ApiIssue[]; current?: unknown } = {}) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.issues = extra.issues ?? [];
    this.current = extra.current;
  }

  /** The message for one field ("body.email"), for showing beside a form input. */
  issueFor(path: string): string | undefined {
    return this.issues.find((issue) => issue.path === path)?.message;
  }
}

export function isApiError(value: unknown): value is ApiError {
  return value instanceof ApiError;
}

/** An input part is absent, optional or required depending on what the contract declares. */
type Part<K extends string, T> = unknown extends T
  ? { readonly [P in K]?: never }
  : Record<string, never> extends T
    ? { readonly [P in K]?: T }
    : { readonly [P in K]: T };

export type CallInput<E> = Part<'params', ParamsOf<E>> & Part<'query', QueryOf<E>> & Part<'body', BodyOf<E>> & { readonly signal?: AbortSignal };

type CallArgs<E> = Record<string, never> extends Omit<CallInput<E>, 'signal'> ? [input?: CallInput<E>] : [input: CallInput<E>];

export interface ApiClient {
  call<E extends Endpoint>(endpoint: E, ...args: CallArgs<E>): Promise<ResponseOf<E>>;
}

export interface ApiClientOptions {
  /** Origin of the studio server; empty for the page's own origin (web mode and Electron). */
  readonly baseUrl?: string;
  readonly fetch?: typeof fetch;
  /** Called when the server says the session is gone (401 on anything but sign-in). */
  readonly onUnauthenticated?: () => void;
}

/** Substitutes `:name` path parameters; a missing one is a programming error. */
export function buildPath(template: string, params: Readonly<Record<string, unknown>> | undefined): string {
  return template.replace(/:([A-Za-z_][A-Za-z0-9_]*)/g, (_match, name: string) => {
    const value = params?.[name];
    if (value === undefined || value === null || value === '') throw new Error(`Missing path parameter "${name}" for ${template}`);
    return encodeURIComponent(String(value));
  });
}

/** A query string from a flat object; undefined and null values are left out, arrays repeat the key. */
export function buildQuery(query: Readonly<Record<string, unknown>> | undefined): string {
  if (!query) return '';
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) for (const entry of value) search.append(key, String(entry));
    else search.append(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

function isErrorBody(value: unknown): value is ApiErrorBody {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error = (value as { error: unknown }).error;
  return typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'string' && typeof (error as { message?: unknown }).message === 'string';
}

/** Turns a non-2xx answer into an ApiError, whether or not the body is the API's JSON error shape. */
export function errorFromResponse(status: number, body: unknown, statusText = ''): ApiError {
  if (isErrorBody(body)) {
    const { code, message, issues, current } = body.error;
    return new ApiError(status, code, message, { issues: issues ?? [], current });
  }
  return new ApiError(status, `http_${status}`, statusText || `The server answered ${status}`);
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

export function createApiClient(options: ApiClientOptions = {}): ApiClient {
  const baseUrl = options.baseUrl ?? '';
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init));

  async function call<E extends Endpoint>(endpoint: E, ...args: CallArgs<E>): Promise<ResponseOf<E>> {
    const input = (args[0] ?? {}) as { params?: Record<string, unknown>; query?: Record<string, unknown>; body?: unknown; signal?: AbortSignal };
    const url = `${baseUrl}${buildPath(endpoint.path, input.params)}${buildQuery(input.query)}`;
    const hasBody = input.body !== undefined;
    const init: RequestInit = {
      method: endpoint.method,
      credentials: 'same-origin',
      headers: hasBody ? { accept: 'application/json', 'content-type': 'application/json' } : { accept: 'application/json' },
      ...(hasBody ? { body: JSON.stringify(input.body) } : {}),
      ...(input.signal ? { signal: input.signal } : {}),
    };

    let response: Response;
    try {
      response = await doFetch(url, init);
    } catch (cause) {
      if (input.signal?.aborted) throw new ApiError(0, 'aborted', 'The request was cancelled');
      throw new ApiError(0, 'network', cause instanceof Error ? cause.message : 'The studio server could not be reached');
    }

    const body = await readJson(response);
    if (!response.ok) {
      const error = errorFromResponse(response.status, body, response.statusText);
      if (response.status === 401 && endpoint.access.kind !== 'public') options.onUnauthenticated?.();
      throw error;
    }
    const parsed = (endpoint.response as z.ZodType).safeParse(body);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((issue) => ({ path: ['response', ...issue.path.map(String)].join('.'), message: issue.message }));
      throw new ApiError(response.status, 'invalid_response', `The server's answer to ${endpoint.id} did not match its contract`, { issues });
    }
    return parsed.data as ResponseOf<E>;
  }

  return { call };
}
