import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../db/schema.ts';
import { importProducts } from './import.ts';
import { PolicySchema, setRetailer } from './retailers.ts';
import { rowsFromFile } from './feed.ts';

const SeedManifest = z.object({
  version: z.literal(1),
  retailers: z.array(z.object({ name: z.string(), currency: z.string(), policy: PolicySchema, catalogFile: z.string() })),
});

/** Loads the seed catalog (assets/seed): retailers with their policies, then each native CSV. */
export async function importSeedCatalog(db: Kysely<Database>, seedDir: string): Promise<{ products: number; rejected: number }> {
  const manifest = SeedManifest.parse(JSON.parse(readFileSync(path.join(seedDir, 'retailers.json'), 'utf8')));
  let products = 0;
  let rejected = 0;
  for (const entry of manifest.retailers) {
    const { retailer } = await setRetailer(db, { name: entry.name, currency: entry.currency, policy: entry.policy });
    const report = await importProducts(db, retailer.id, rowsFromFile(path.join(seedDir, entry.catalogFile), { currency: retailer.currency }), 'seed');
    products += report.imported + report.updated + report.unchanged;
    rejected += report.rejected.length;
    if (report.rejected.length) throw new Error(`Seed catalog ${entry.catalogFile} has rejected rows: ${JSON.stringify(report.rejected.slice(0, 3))}`);
  }
  return { products, rejected };
}
