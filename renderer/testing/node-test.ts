/**
 * Unit tests of pure renderer code run under `node:test`. The renderer's layering rule forbids
 * Node built-ins (the app itself never runs in Node), so this one file is the tests' only door
 * to them; app code must never import it.
 */
 
export { default as assert } from 'node:assert/strict';
 
export { describe, it } from 'node:test';
