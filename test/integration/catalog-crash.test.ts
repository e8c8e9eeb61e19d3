import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { generateSyntheticCsv } from '../../assets/seed/generate.ts';
import { atelier, catalogCounts, spawnAtelier, storeArgs, withDb } from './catalog-fixtures.ts';
import { createTestStore, engines, tempDir } from './harness.ts';

/** Kills the child with SIGKILL as soon as it reports progress; resolves with how it ended. */
function killMidImport(args: readonly string[]): Promise<{ signal: NodeJS.Signals | null; progressed: boolean; stdout: string }> {
  return new Promise((resolve, reject) => {
    const child = spawnAtelier(args);
    let progressed = false;
    let stdout = '';
    child.stdout.on('data', (data) => (stdout += data));
    child.stderr.on('data', (data: Buffer) => {
      if (!progressed && /rows read/.test(data.toString())) {
        progressed = true;
        child.kill('SIGKILL');
      }
    });
    child.on('error', reject);
    child.on('close', (_code, signal) => resolve({ signal, progressed, stdout }));
  });
}

for (const engine of engines()) {
  test(`an import killed half-way leaves the catalog as it was, and can simply be run again (${engine})`, async () => {
    const store = await createTestStore(engine);
    const files = tempDir('atelier-catalog-crash-');
    try {
      const small = generateSyntheticCsv(300);
      const large = generateSyntheticCsv(40_000);
      writeFileSync(path.join(files.dir, 'small.csv'), small.csv);
      writeFileSync(path.join(files.dir, 'large.csv'), large.csv);
      const importArgs = (file: string) => ['catalog', 'import', path.join(files.dir, file), '--retailer', 'Brindle & Birch', '--currency', large.currency, '--progress', ...storeArgs(store)];

      const seeded = await atelier([...importArgs('small.csv'), '--json']);
      assert.equal(seeded.code, 0, seeded.stderr);
      const before = await withDb(store, catalogCounts);
      assert.equal(before.products, 300);

      const killed = await killMidImport(importArgs('large.csv'));
      assert.equal(killed.progressed, true, 'the import was under way when it was killed');
      assert.equal(killed.signal, 'SIGKILL');
      assert.equal(killed.stdout, '', 'it never reported a finished import');

      await withDb(store, async (db) => {
        assert.deepEqual(await catalogCounts(db), before, 'not one row of the killed import is visible');
        if (engine === 'sqlite') {
          const { rows } = await sql<{ integrity_check: string }>`PRAGMA integrity_check`.execute(db);
          assert.deepEqual(rows, [{ integrity_check: 'ok' }]);
        }
      });

      const rerun = await atelier([...importArgs('large.csv'), '--json']);
      assert.equal(rerun.code, 0, rerun.stderr);
      const report = JSON.parse(rerun.stdout);
      assert.equal(report.imported + report.updated + report.unchanged, 40_000);
      assert.deepEqual(report.rejected, []);
      const after = await withDb(store, catalogCounts);
      assert.equal(after.products, before.products + report.imported);
    } finally {
      await store.dispose();
      files.dispose();
    }
  });
}
