import type { z } from 'zod';
import type { Action } from '../permissions.ts';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * How the server decides who may call an endpoint. `public` needs no session; otherwise the
 * action is checked against the caller's role, and when `scope` names a path parameter the
 * caller's membership of the project that parameter leads to (project, room, option, …).
 */
export type Access =
  | { readonly kind: 'public' }
  | { readonly kind: 'session'; readonly action: Action; readonly scope?: { readonly param: string; readonly resource: ScopedResource } };

export type ScopedResource = 'project' | 'room' | 'option' | 'claim' | 'photo' | 'purchase';

/**
 * One API endpoint's contract, shared by the server (validation, authorization, OpenAPI) and
 * the renderer's typed client. Paths use `:name` parameters.
 */
export interface Endpoint<
  P extends z.ZodType = z.ZodType,
  Q extends z.ZodType = z.ZodType,
  B extends z.ZodType = z.ZodType,
  R extends z.ZodType = z.ZodType,
  A extends Access = Access,
> {
  readonly id: string;
  readonly method: HttpMethod;
  readonly path: string;
  readonly summary: string;
  readonly tag: string;
  readonly access: A;
  readonly params?: P;
  readonly query?: Q;
  readonly body?: B;
  readonly response: R;
  /** Largest accepted request body in bytes; the server's default applies when absent. */
  readonly bodyLimit?: number;
  /** `binary`: the body is the raw bytes of a file (any content type), not JSON. */
  readonly bodyFormat?: 'json' | 'binary';
  /** Status code of a successful answer (200 unless said). */
  readonly successStatus?: number;
}

export function endpoint<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType, R extends z.ZodType, const A extends Access>(
  spec: Endpoint<P, Q, B, R, A>,
): Endpoint<P, Q, B, R, A> {
  return spec;
}

/* eslint-disable @typescript-eslint/no-explicit-any -- inference helpers over any endpoint */
export type AnyEndpoint = Endpoint<any, any, any, any, any>;
export type ParamsOf<E> = E extends Endpoint<infer P, any, any, any, any> ? z.infer<P> : never;
export type QueryOf<E> = E extends Endpoint<any, infer Q, any, any, any> ? z.input<Q> : never;
export type BodyOf<E> = E extends Endpoint<any, any, infer B, any, any> ? z.input<B> : never;
export type ResponseOf<E> = E extends Endpoint<any, any, any, infer R, any> ? z.infer<R> : never;
/* eslint-enable @typescript-eslint/no-explicit-any */

/** The JSON shape of every error the API returns. */
export interface ApiErrorBody {
  readonly error: {
    readonly code: string;
    readonly message: string;
    /** For validation errors: each problem with its field path ("body.email"). */
    readonly issues?: readonly { readonly path: string; readonly message: string }[];
    /** For conflicts: the current state the caller should look at. */
    readonly current?: unknown;
  };
}
