import type { FastifyInstance, FastifyRequest, RouteOptions } from 'fastify';
import { formatMegabytes } from '../../core/files/sniff.ts';
import type { z } from 'zod';
import { can, needsMembership } from '../../core/permissions.ts';
import type { Access, AnyEndpoint as Endpoint } from '../../core/api/endpoint.ts';
import { SESSION_COOKIE, userForToken } from '../auth/sessions.ts';
import type { User } from '../auth/users.ts';
import type { RouteImpl, Services } from './context.ts';
import { HttpError, forbidden, notFound, unauthenticated, validationError } from './errors.ts';
import { isProjectMember, RESOURCE_LABEL, SCOPE_RESOLVERS } from './scopes.ts';
import { readCookie } from './cookies.ts';

export const DEFAULT_BODY_LIMIT = 256 * 1024;

/** Reads the session token from the cookie, or from `Authorization: Bearer` for non-browser clients. */
export function sessionToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice('Bearer '.length).trim() || null;
  return readCookie(request.headers.cookie, SESSION_COOKIE);
}

export async function authenticate(request: FastifyRequest, services: Services): Promise<User | null> {
  const token = sessionToken(request);
  return token ? userForToken(services.db, token) : null;
}

function parseOrThrow<S extends z.ZodType>(schema: S | undefined, value: unknown, where: 'params' | 'query' | 'body'): z.infer<S> | undefined {
  if (!schema) return undefined;
  const result = schema.safeParse(value ?? (where === 'body' ? undefined : {}));
  if (!result.success) throw validationError(where, result.error);
  return result.data;
}

/**
 * The one place every request is authorised: the caller's role must allow the action, and for
 * project-scoped endpoints the caller must be a member of the project the path leads to, or
 * own the resource (see ScopeTarget) — unless the role acts studio-wide.
 */
async function authorize(endpoint: Endpoint, user: User | null, services: Services, params: Record<string, string> | undefined): Promise<void> {
  const access: Access = endpoint.access;
  if (access.kind === 'public') return;
  if (!user) throw unauthenticated();
  if (!access.scope) {
    if (!can(user, access.action)) throw forbidden();
    return;
  }
  const id = params?.[access.scope.param];
  const resolve = SCOPE_RESOLVERS[access.scope.resource];
  if (!id || !resolve) throw new Error(`Endpoint ${endpoint.id} names scope ${access.scope.resource} without a resolver`);
  const target = await resolve(services.db, id);
  if (!target) throw notFound(RESOURCE_LABEL[access.scope.resource]);
  // A resource's owner (a customer's own purchase, even outside any project) counts as a member.
  const { projectId, ownerId, projectIds } = typeof target === 'string' ? { projectId: target, ownerId: null, projectIds: undefined } : target;
  const candidates = projectIds ?? (projectId !== null ? [projectId] : []);
  const member = needsMembership(user.role, access.action) ? ownerId === user.id || (await isMemberOfAny(services.db, candidates, user.id)) : undefined;
  if (!can(user, access.action, member)) throw forbidden(projectId ? 'You are not a member of this project' : 'This belongs to someone else');
}

async function isMemberOfAny(db: Services['db'], projectIds: readonly string[], userId: string): Promise<boolean> {
  for (const projectId of projectIds) if (await isProjectMember(db, projectId, userId)) return true;
  return false;
}

export function registerRoutes(app: FastifyInstance, routes: readonly RouteImpl[], services: Services): void {
  for (const { endpoint, handler } of routes) {
    const access: Access = endpoint.access;
    const scope = access.kind === 'session' ? access.scope : undefined;
    if (scope && !SCOPE_RESOLVERS[scope.resource]) throw new Error(`Endpoint ${endpoint.id}: no scope resolver for "${scope.resource}"`);
    const route: RouteOptions = {
      method: endpoint.method,
      url: endpoint.path,
      bodyLimit: endpoint.bodyLimit ?? DEFAULT_BODY_LIMIT,
      handler: async (request, reply) => {
        const user = await authenticate(request, services);
        if (endpoint.access.kind === 'session' && !user) throw unauthenticated();
        const params = parseOrThrow(endpoint.params, request.params, 'params');
        await authorize(endpoint, user, services, params as Record<string, string> | undefined);
        const query = parseOrThrow(endpoint.query, request.query, 'query');
        const body = parseOrThrow(endpoint.body, request.body, 'body');
        const result = await handler({ params: params ?? {}, query: query ?? {}, body, user, services, request, reply } as never);
        const checked = endpoint.response.safeParse(result);
        if (!checked.success) {
          request.log.error({ endpoint: endpoint.id, issues: checked.error.issues }, 'response does not match its contract');
          throw new HttpError(500, 'internal', 'The server produced an invalid answer');
        }
        reply.status(endpoint.successStatus ?? 200);
        return checked.data;
      },
    };
    if (endpoint.bodyFormat === 'binary') app.register(async (scope) => binaryScope(scope, route));
    else app.route(route);
  }
}

/**
 * A file upload takes its body as raw bytes whatever the content type claims (the handler
 * sniffs what it really is), and a body announced larger than the endpoint accepts is refused
 * with the sizes before any of it is read.
 */
function binaryScope(scope: FastifyInstance, route: RouteOptions): void {
  const limit = route.bodyLimit ?? DEFAULT_BODY_LIMIT;
  scope.removeAllContentTypeParsers();
  scope.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
  scope.addHook('onRequest', async (request) => {
    const length = Number(request.headers['content-length'] ?? 0);
    if (length > limit) throw new HttpError(413, 'too_large', `This file is ${formatMegabytes(length)}; uploads here can be at most ${formatMegabytes(limit)}`);
  });
  scope.route(route);
}
