// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/**
 * Layering, enforced: core ← server ← electron/main; core ← renderer; core ← electron/preload.
 * A wrong-way import fails `npm run lint` (see test/integration/layering.test.ts).
 */
const layer = (from, forbidden, why) => ({
  files: [`${from}/**/*.{ts,tsx}`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [{ group: forbidden, message: why }],
      },
    ],
  },
});

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'child_process', 'net', 'http', 'https', 'crypto', 'stream', 'worker_threads', 'zlib', 'url', 'util', 'events'];

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'release/**', 'test-results/**', 'playwright-report/**', 'test/lint-fixtures/**', '.data/**', '.proto/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['test/**/*.ts', '**/*.test.ts', 'bench/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  layer(
    'core',
    ['**/server/**', '**/renderer/**', '**/electron/**', 'react', 'react-dom', 'three', '@react-three/*', 'electron', 'fastify', 'kysely', 'pg', ...nodeBuiltins],
    'core/ is the pure domain: no I/O, no UI, no Node built-ins; it must not import server, renderer or electron code.',
  ),
  layer('server', ['**/renderer/**', '**/electron/**', 'react', 'react-dom', 'three', 'electron'], 'server/ may import core only (and Node libraries), never renderer or electron code.'),
  layer('renderer', ['**/server/**', '**/electron/**', 'electron', ...nodeBuiltins], 'renderer/ talks to the server over HTTP/WebSocket and to Electron through the preload bridge; it imports core only.'),
  layer('electron/preload', ['**/server/**', '**/renderer/**', '**/electron/main/**'], 'the preload imports only core contracts and electron.'),
  layer('electron/main', ['**/renderer/**', '**/electron/preload/**'], 'electron/main may import core and server, never renderer code.'),
  {
    // Tests beside core and renderer code run in Node: they may use node:test and node:assert.
    files: ['core/**/*.test.ts', 'core/**/test-fixtures.ts', 'renderer/**/*.test.ts', 'renderer/testing/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
);
