import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';

const root = path.resolve(import.meta.dirname, '../..');
const fixture = readFileSync(path.join(root, 'test/lint-fixtures/core-imports-server.ts'), 'utf8');

async function lintAs(filePath: string, text: string) {
  const eslint = new ESLint({ cwd: root });
  const [result] = await eslint.lintText(text, { filePath: path.join(root, filePath) });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports');
}

test('lint fails when core imports from server', async () => {
  const messages = await lintAs('core/wrong-way.ts', fixture);
  assert.equal(messages.length, 1);
  assert.equal(messages[0]!.severity, 2);
  assert.match(messages[0]!.message, /core\/ is the pure domain/);
});

test('lint fails when core imports renderer code, React or a Node built-in', async () => {
  for (const source of ["import { App } from '../renderer/App.tsx';", "import React from 'react';", "import { readFileSync } from 'node:fs';"]) {
    const messages = await lintAs('core/wrong-way.ts', `${source}\nexport const x = 1;\n`);
    assert.equal(messages.length, 1, source);
  }
});

test('lint fails when the renderer imports server or electron code', async () => {
  const messages = await lintAs('renderer/wrong-way.ts', "import { startStudioServer } from '../server/start.ts';\nexport const x = startStudioServer;\n");
  assert.equal(messages.length, 1);
});

test('the same import is fine the right way round (server imports core)', async () => {
  const messages = await lintAs('server/right-way.ts', "import { money } from '../core/money.ts';\nexport const x = money;\n");
  assert.deepEqual(messages, []);
});
