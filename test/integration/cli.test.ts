import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { tempDir } from './harness.ts';

const root = path.resolve(import.meta.dirname, '../..');

/** Runs the real `atelier` bin in a child process, as a person at a shell would. */
export function atelier(args: readonly string[], options: { stdin?: string; env?: Record<string, string> } = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(root, 'bin/atelier.mjs'), ...args], { env: { ...process.env, ...options.env }, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
    child.stdin.end(options.stdin ?? '');
  });
}

test('users add reads the password from stdin; users list --json shows the person', async () => {
  const data = tempDir();
  try {
    const added = await atelier(['users', 'add', '--email', 'Ines@Studio.test', '--name', 'Inès Duval', '--role', 'designer', '--data', data.dir], { stdin: 'a-strong-password\n' });
    assert.equal(added.code, 0, added.stderr);
    assert.match(added.stdout, /Added designer Inès Duval <ines@studio\.test>/);

    const listed = await atelier(['users', 'list', '--json'], { env: { ATELIER_DATA: data.dir } });
    assert.equal(listed.code, 0, listed.stderr);
    const { users } = JSON.parse(listed.stdout);
    assert.deepEqual(
      users.map((u: any) => [u.email, u.name, u.role]),
      [['ines@studio.test', 'Inès Duval', 'designer']],
    );

    const table = await atelier(['users', 'list', '--data', data.dir]);
    assert.match(table.stdout, /ines@studio\.test\s+Inès Duval\s+designer/);
  } finally {
    data.dispose();
  }
});

test('users add refuses bad input with a message naming it, and stores nothing', async () => {
  const data = tempDir();
  try {
    const badRole = await atelier(['users', 'add', '--email', 'a@b.test', '--name', 'A', '--role', 'wizard', '--data', data.dir], { stdin: 'long-enough-pw' });
    assert.equal(badRole.code, 2);
    assert.match(badRole.stderr, /--role must be one of customer, designer, support, admin; got "wizard"/);

    const shortPassword = await atelier(['users', 'add', '--email', 'a@b.test', '--name', 'A', '--role', 'admin', '--data', data.dir], { stdin: 'short' });
    assert.equal(shortPassword.code, 1);
    assert.match(shortPassword.stderr, /at least 10 characters/);

    const missing = await atelier(['users', 'add', '--email', 'a@b.test', '--data', data.dir]);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /--name, --role/);

    await atelier(['users', 'add', '--email', 'a@b.test', '--name', 'A', '--role', 'admin', '--data', data.dir], { stdin: 'long-enough-pw' });
    const twice = await atelier(['users', 'add', '--email', 'A@b.test', '--name', 'A2', '--role', 'admin', '--data', data.dir], { stdin: 'long-enough-pw' });
    assert.equal(twice.code, 1);
    assert.match(twice.stderr, /already an account for a@b\.test/);

    const listed = JSON.parse((await atelier(['users', 'list', '--json', '--data', data.dir])).stdout);
    assert.equal(listed.users.length, 1);
  } finally {
    data.dispose();
  }
});

test('an unknown command prints the help and fails', async () => {
  const result = await atelier(['frobnicate']);
  assert.equal(result.code, 2);
  assert.match(result.stderr, /unknown command "frobnicate"/);
  assert.match(result.stderr, /atelier users add/);
});
