import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateSeedCatalog } from './generate.ts';

const here = dirname(fileURLToPath(import.meta.url));

test('the committed seed files are exactly what the generator writes', () => {
  for (const [file, contents] of generateSeedCatalog().files) {
    assert.equal(readFileSync(join(here, file), 'utf8'), contents, `${file} is stale: run node assets/seed/generate.ts`);
  }
});

test('generating twice gives identical files', () => {
  assert.deepEqual([...generateSeedCatalog().files], [...generateSeedCatalog().files]);
});
