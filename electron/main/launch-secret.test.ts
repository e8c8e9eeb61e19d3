/**
 * The contract between the Electron window and the embedded server, checked without Electron:
 * the headers `withLaunchSecret` adds are exactly what the server demands, and nothing less
 * gets an answer.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { LAUNCH_SECRET_HEADER as SERVER_HEADER } from '../../server/http/app.ts';
import { startStudioServer } from '../../server/start.ts';
import { LAUNCH_SECRET_HEADER, withLaunchSecret } from './security.ts';

describe('the launch secret between window and embedded server', () => {
  const secret = randomBytes(32).toString('hex');
  let dataDir = '';
  let server: Awaited<ReturnType<typeof startStudioServer>> | undefined;
  let appOrigin = '';

  before(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'atelier-launch-secret-'));
    server = await startStudioServer({ host: '127.0.0.1', port: 0, dataDir, launchSecret: secret, logLevel: 'silent' });
    appOrigin = new URL(server.url).origin;
  });

  after(async () => {
    await server?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('uses the header name the server checks', () => {
    assert.equal(LAUNCH_SECRET_HEADER, SERVER_HEADER);
  });

  it('is answered when the window adds the secret', async () => {
    const url = `${appOrigin}/api/openapi.json`;
    const response = await fetch(url, { headers: withLaunchSecret(url, {}, appOrigin, secret) });
    assert.equal(response.status, 200);
  });

  it('is refused without the secret or with a wrong one', async () => {
    const url = `${appOrigin}/api/openapi.json`;
    assert.equal((await fetch(url)).status, 403);
    assert.equal((await fetch(url, { headers: withLaunchSecret(url, {}, appOrigin, 'b'.repeat(64)) })).status, 403);
  });
});
