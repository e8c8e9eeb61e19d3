import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { StoreLocation } from '../../server/db/database.ts';
import { startStudioServer, type StudioServer, type StudioServerOptions } from '../../server/start.ts';

/**
 * Test stores on both engines. SQLite always; PostgreSQL when ATELIER_TEST_DATABASE_URL names a
 * server we may create databases on (.ci/run starts Debian's PostgreSQL and sets it). In CI a
 * missing PostgreSQL is a failure, not a skip.
 */
export interface TestStore {
  readonly engine: 'sqlite' | 'postgres';
  readonly location: StoreLocation;
  dispose(): Promise<void>;
}

export const POSTGRES_ADMIN_URL = process.env.ATELIER_TEST_DATABASE_URL;

export function engines(): ('sqlite' | 'postgres')[] {
  if (!POSTGRES_ADMIN_URL && process.env.CI) throw new Error('CI must set ATELIER_TEST_DATABASE_URL so the store tests run against PostgreSQL too');
  return POSTGRES_ADMIN_URL ? ['sqlite', 'postgres'] : ['sqlite'];
}

export function tempDir(prefix = 'atelier-test-'): { dir: string; dispose(): void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

export async function createTestStore(engine: 'sqlite' | 'postgres'): Promise<TestStore> {
  if (engine === 'sqlite') {
    const temp = tempDir();
    return { engine, location: { dataDir: temp.dir }, dispose: async () => temp.dispose() };
  }
  if (!POSTGRES_ADMIN_URL) throw new Error('ATELIER_TEST_DATABASE_URL is not set');
  const name = `atelier_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${name}`;
  const temp = tempDir();
  return {
    engine,
    location: { databaseUrl: url.toString(), dataDir: temp.dir },
    dispose: async () => {
      const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
      await client.connect();
      // A closed pool's connections are still saying goodbye (pg resolves end() before the
      // server has let them go); FORCE would kill them mid-way and their client would throw
      // "terminating connection due to administrator command" into whatever test runs next.
      for (let waited = 0; waited < 2000; waited += 20) {
        const { rows } = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1', [name]);
        if (rows[0]?.n === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
      temp.dispose();
    },
  };
}

export async function startTestServer(store: TestStore, options: Partial<StudioServerOptions> = {}): Promise<StudioServer> {
  return startStudioServer({ host: '127.0.0.1', port: 0, logLevel: 'silent', ...store.location, ...options });
}

/** A tiny cookie-keeping HTTP client for one signed-in person. */
export class ApiSession {
  readonly baseUrl: string;
  cookie = '';
  constructor(baseUrl: string) {
    this.baseUrl = baseUrl;
  }

  async request(method: string, pathname: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; json: any }> {
    const response = await fetch(this.baseUrl + pathname, {
      method,
      headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...(this.cookie ? { cookie: this.cookie } : {}), ...headers },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const setCookie = response.headers.get('set-cookie');
    if (setCookie) this.cookie = setCookie.split(';')[0]!;
    const text = await response.text();
    return { status: response.status, json: text ? JSON.parse(text) : null };
  }

  async signIn(email: string, password: string): Promise<any> {
    const result = await this.request('POST', '/api/auth/sign-in', { email, password });
    if (result.status !== 200) throw new Error(`sign-in as ${email} failed: ${result.status} ${JSON.stringify(result.json)}`);
    return result.json.user;
  }
}
