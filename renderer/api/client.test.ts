import { assert, describe, it } from '../testing/node-test.ts';
import { getProject, listProducts, me, signIn } from '../../core/api/foundation.ts';
import { ApiError, buildPath, buildQuery, createApiClient, errorFromResponse } from './client.ts';

const user = {
  id: 'u1',
  email: 'designer@atelier.test',
  name: 'Camille Laurent',
  role: 'designer',
  preferences: { units: 'metric', theme: 'system', locale: 'en-US' },
  createdAt: '2025-01-01T00:00:00.000Z',
};

function fakeFetch(respond: (url: string, init: RequestInit) => Response | Promise<Response>) {
  const calls: { url: string; init: RequestInit }[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    calls.push({ url: String(input), init: init ?? {} });
    return respond(String(input), init ?? {});
  };
  return { fetch: fetch as typeof globalThis.fetch, calls };
}

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('buildPath', () => {
  it('substitutes and encodes path parameters', () => {
    assert.equal(buildPath('/api/projects/:projectId', { projectId: 'a b/c' }), '/api/projects/a%20b%2Fc');
  });
  it('refuses a missing parameter instead of calling a wrong URL', () => {
    assert.throws(() => buildPath('/api/rooms/:roomId', {}), /roomId/);
  });
});

describe('buildQuery', () => {
  it('leaves out undefined values and repeats arrays', () => {
    assert.equal(buildQuery({ q: 'oak sofa', category: undefined, limit: 20, tag: ['a', 'b'] }), '?q=oak+sofa&limit=20&tag=a&tag=b');
    assert.equal(buildQuery({}), '');
    assert.equal(buildQuery(undefined), '');
  });
});

describe('errorFromResponse', () => {
  it('reads the API error body', () => {
    const error = errorFromResponse(400, { error: { code: 'invalid_request', message: 'Invalid', issues: [{ path: 'body.email', message: 'must be an e-mail address' }] } });
    assert.equal(error.code, 'invalid_request');
    assert.equal(error.status, 400);
    assert.equal(error.issueFor('body.email'), 'must be an e-mail address');
  });
  it('copes with a body that is not the API shape (a proxy error page)', () => {
    const error = errorFromResponse(502, '<html>Bad gateway</html>', 'Bad Gateway');
    assert.equal(error.code, 'http_502');
    assert.equal(error.message, 'Bad Gateway');
  });
});

describe('createApiClient', () => {
  it('sends a JSON body with the session cookie and parses the answer with the contract', async () => {
    const { fetch, calls } = fakeFetch(() => json(200, { user }));
    const client = createApiClient({ fetch });
    const answer = await client.call(signIn, { body: { email: 'designer@atelier.test', password: 'secret' } });
    assert.equal(answer.user.name, 'Camille Laurent');
    assert.equal(calls[0]!.url, '/api/auth/sign-in');
    assert.equal(calls[0]!.init.method, 'POST');
    assert.equal(calls[0]!.init.credentials, 'same-origin');
    assert.deepEqual(JSON.parse(String(calls[0]!.init.body)), { email: 'designer@atelier.test', password: 'secret' });
  });

  it('builds paths and query strings from the endpoint', async () => {
    const { fetch, calls } = fakeFetch((url) => (url.includes('/api/catalog') ? json(200, { products: [], total: 0 }) : json(404, { error: { code: 'not_found', message: 'Project was not found' } })));
    const client = createApiClient({ fetch, baseUrl: 'http://127.0.0.1:4173' });
    await client.call(listProducts, { query: { q: 'sofa', category: 'sofa' } });
    assert.equal(calls[0]!.url, 'http://127.0.0.1:4173/api/catalog/products?q=sofa&category=sofa');
    await assert.rejects(client.call(getProject, { params: { projectId: 'p1' } }), (error: unknown) => error instanceof ApiError && error.code === 'not_found' && error.status === 404);
    assert.equal(calls[1]!.url, 'http://127.0.0.1:4173/api/projects/p1');
    assert.equal(calls[1]!.init.body, undefined);
  });

  it('reports a lost session once, but not a refused sign-in', async () => {
    let expired = 0;
    const { fetch } = fakeFetch(() => json(401, { error: { code: 'unauthenticated', message: 'Sign in to continue' } }));
    const client = createApiClient({ fetch, onUnauthenticated: () => expired++ });
    await assert.rejects(client.call(me), (error: unknown) => error instanceof ApiError && error.code === 'unauthenticated');
    assert.equal(expired, 1);
    await assert.rejects(client.call(signIn, { body: { email: 'a@b.test', password: 'x' } }));
    assert.equal(expired, 1);
  });

  it('turns a network failure into an ApiError with code "network"', async () => {
    const client = createApiClient({
      fetch: async () => {
        throw new TypeError('Failed to fetch');
      },
    });
    await assert.rejects(client.call(me), (error: unknown) => error instanceof ApiError && error.code === 'network' && error.status === 0);
  });

  it('refuses an answer that breaks the contract', async () => {
    const { fetch } = fakeFetch(() => json(200, { user: { ...user, role: 'wizard' } }));
    const client = createApiClient({ fetch });
    await assert.rejects(client.call(me), (error: unknown) => error instanceof ApiError && error.code === 'invalid_response' && error.issues.some((issue) => issue.path === 'response.user.role'));
  });
});

// Compile-time checks: the contract decides which inputs a call needs (`npm run typecheck`).
export function typeChecks(client: ReturnType<typeof createApiClient>) {
  // @ts-expect-error getProject needs its projectId parameter
  void client.call(getProject);
  // @ts-expect-error signIn needs a body with a password
  void client.call(signIn, { body: { email: 'a@b.test' } });
  // @ts-expect-error me takes no body
  void client.call(me, { body: {} });
  void client.call(me);
  void client.call(listProducts);
}
