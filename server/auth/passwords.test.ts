import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hashPassword, verifyPassword } from './passwords.ts';

test('a hashed password verifies and a wrong one does not', async () => {
  const stored = await hashPassword('correct horse battery');
  assert.match(stored, /^scrypt\$/);
  assert.equal(await verifyPassword('correct horse battery', stored), true);
  assert.equal(await verifyPassword('correct horse batterY', stored), false);
});

test('the same password hashes differently each time (salted)', async () => {
  assert.notEqual(await hashPassword('same password!'), await hashPassword('same password!'));
});

test('a malformed stored hash never verifies', async () => {
  assert.equal(await verifyPassword('x', 'plain-text'), false);
});
