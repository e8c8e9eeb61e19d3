import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Access, AnyEndpoint, Endpoint } from '../../core/api/endpoint.ts';
import type { User } from '../auth/users.ts';
import type { Database } from '../db/schema.ts';
import type { Engine } from '../db/database.ts';

/** What every handler receives: validated input, the caller, and the studio's services. */
export interface Services {
  readonly db: Kysely<Database>;
  readonly engine: Engine;
  readonly dataDir: string | undefined;
  readonly demo: boolean;
  readonly version: string;
}

export interface HandlerContext<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType, A extends Access> {
  readonly params: z.infer<P>;
  readonly query: z.infer<Q>;
  readonly body: z.infer<B>;
  /** The signed-in caller; null only on public endpoints. */
  readonly user: A extends { kind: 'public' } ? User | null : User;
  readonly services: Services;
  readonly request: FastifyRequest;
  readonly reply: FastifyReply;
}

export type Handler<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType, R extends z.ZodType, A extends Access> = (
  context: HandlerContext<P, Q, B, A>,
) => Promise<z.input<R>>;

export interface RouteImpl {
  readonly endpoint: AnyEndpoint;
  readonly handler: (context: HandlerContext<z.ZodType, z.ZodType, z.ZodType, Access>) => Promise<unknown>;
}

/** Pairs a contract with its handler; the type system checks the handler against the contract. */
export function implement<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType, R extends z.ZodType, A extends Access>(
  endpoint: Endpoint<P, Q, B, R, A>,
  handler: Handler<P, Q, B, R, A>,
): RouteImpl {
  return { endpoint, handler: handler as unknown as RouteImpl['handler'] };
}
