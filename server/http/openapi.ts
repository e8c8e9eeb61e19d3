import { z } from 'zod';
import type { AnyEndpoint as Endpoint } from '../../core/api/endpoint.ts';

/** The OpenAPI 3.1 document, generated from the same contracts the server enforces. */
export function openApiDocument(endpoints: readonly Endpoint[], version: string): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const endpoint of endpoints) {
    const path = endpoint.path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
    const parameters: unknown[] = [];
    for (const [where, schema] of [['path', endpoint.params], ['query', endpoint.query]] as const) {
      if (!schema) continue;
      const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as { properties?: Record<string, unknown>; required?: string[] };
      for (const [name, property] of Object.entries(json.properties ?? {})) {
        parameters.push({ name, in: where, required: where === 'path' || (json.required ?? []).includes(name), schema: property });
      }
    }
    const operation: Record<string, unknown> = {
      operationId: endpoint.id,
      summary: endpoint.summary,
      tags: [endpoint.tag],
      parameters,
      security: endpoint.access.kind === 'public' ? [] : [{ session: [] }],
      responses: {
        [String(endpoint.successStatus ?? 200)]: {
          description: 'OK',
          content: { 'application/json': { schema: z.toJSONSchema(endpoint.response, { io: 'output', unrepresentable: 'any' }) } },
        },
        ...(endpoint.access.kind === 'public' ? {} : { '401': { description: 'Not signed in' }, '403': { description: 'Not allowed' } }),
        '400': { description: 'Invalid request; `error.issues` names each field' },
      },
    };
    if (endpoint.access.kind === 'session') operation['x-atelier-action'] = endpoint.access.action;
    if (endpoint.body) {
      operation.requestBody = {
        required: true,
        content: { 'application/json': { schema: z.toJSONSchema(endpoint.body, { io: 'input', unrepresentable: 'any' }) } },
      };
    }
    (paths[path] ??= {})[endpoint.method.toLowerCase()] = operation;
  }
  paths['/api/openapi.json'] = {
    get: { operationId: 'openApi', summary: 'This document', tags: ['system'], security: [], responses: { '200': { description: 'OK' } } },
  };
  return {
    openapi: '3.1.0',
    info: { title: 'Atelier studio API', version },
    components: {
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: 'atelier_session' },
        bearer: { type: 'http', scheme: 'bearer' },
      },
    },
    paths,
  };
}
