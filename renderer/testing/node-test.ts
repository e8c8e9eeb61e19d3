/**
 * Unit tests of pure renderer code run under `node:test`. The renderer's layering rule forbids
 * Node built-ins (the app itself never runs in Node), so this one file is the tests' only door
 * to them; app code must never import it.
 */
// eslint-disable-next-line no-restricted-imports -- test runner, not app code
export { default as assert } from 'node:assert/strict';
// eslint-disable-next-line no-restricted-imports -- test runner, not app code
export { describe, it } from 'node:test';
