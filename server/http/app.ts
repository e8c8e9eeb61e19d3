import { existsSync } from 'node:fs';
import path from 'node:path';
import { timingSafeEqual } from 'node:crypto';
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import type { Services } from './context.ts';
import { HttpError } from './errors.ts';
import { openApiDocument } from './openapi.ts';
import { registerRoutes } from './register.ts';
import { ALL_ROUTES } from '../routes/index.ts';

export interface AppOptions {
  readonly services: Services;
  /** Built renderer to serve (web mode and Electron); the API alone when absent. */
  readonly staticDir?: string;
  /** Electron's per-launch secret: when set, every request must carry it. */
  readonly launchSecret?: string;
  readonly logLevel?: string;
}

export const LAUNCH_SECRET_HEADER = 'x-atelier-launch-secret';

export const WEB_CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "media-src 'self' blob:",
  "connect-src 'self' ws: wss:",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join('; ');

function secretMatches(given: string | string[] | undefined, expected: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: { level: options.logLevel ?? 'info', redact: ['req.headers.cookie', 'req.headers.authorization', `req.headers["${LAUNCH_SECRET_HEADER}"]`] },
    bodyLimit: 1024 * 1024,
    trustProxy: false,
  });

  if (options.launchSecret) {
    const secret = options.launchSecret;
    app.addHook('onRequest', async (request) => {
      if (!secretMatches(request.headers[LAUNCH_SECRET_HEADER], secret)) {
        request.log.warn({ url: request.url }, 'request without the launch secret refused');
        throw new HttpError(403, 'forbidden', 'This server only answers the Atelier window that started it');
      }
    });
  }

  app.addHook('onSend', async (_request, reply, payload) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'no-referrer');
    reply.header('cross-origin-opener-policy', 'same-origin');
    if (!reply.hasHeader('content-security-policy')) reply.header('content-security-policy', WEB_CONTENT_SECURITY_POLICY);
    return payload;
  });

  app.setErrorHandler((error: FastifyError | HttpError, request, reply) => {
    if (error instanceof HttpError) {
      if (error.status >= 500) request.log.error({ err: error }, error.message);
      return reply.status(error.status).send(error.toBody());
    }
    const status = error.statusCode ?? 500;
    if (status === 413) {
      return reply.status(413).send({ error: { code: 'payload_too_large', message: `The request body is larger than this endpoint accepts (${request.routeOptions.bodyLimit ?? 'limit'} bytes)` } });
    }
    if (status >= 400 && status < 500) {
      return reply.status(status).send({ error: { code: error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' ? 'unsupported_media_type' : 'bad_request', message: error.message } });
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.status(500).send({ error: { code: 'internal', message: 'Something went wrong on the server; it has been logged' } });
  });

  registerRoutes(app, ALL_ROUTES, options.services);
  const document = openApiDocument(
    ALL_ROUTES.map((r) => r.endpoint),
    options.services.version,
  );
  app.get('/api/openapi.json', async () => document);

  const staticDir = options.staticDir && existsSync(path.join(options.staticDir, 'index.html')) ? path.resolve(options.staticDir) : undefined;
  if (staticDir) {
    await app.register(fastifyStatic, { root: staticDir, index: 'index.html', wildcard: false, cacheControl: true, maxAge: '1h' });
  }
  const assetsDir = path.resolve(import.meta.dirname, '../../assets/models');
  if (existsSync(assetsDir)) {
    await app.register(fastifyStatic, { root: assetsDir, prefix: '/assets/models/', decorateReply: !staticDir });
  }

  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/') || request.method !== 'GET' || !staticDir) {
      return reply.status(404).send({ error: { code: 'not_found', message: `No route for ${request.method} ${request.url.split('?')[0]}` } });
    }
    // The renderer routes on the client: any other GET gets the app shell.
    return reply.header('cache-control', 'no-cache').sendFile('index.html', staticDir);
  });

  return app;
}
