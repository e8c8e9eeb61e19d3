/**
 * [Watch] end to end through the CLI alone: a retailer with a 14-day window, purchases, a feed with drops inside and outside the window,
 * a rise, a repeated row and a further drop → `atelier claims list --json` shows exactly the
 * expected claims and amounts. On both engines.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestStore, engines, tempDir, type TestStore } from './harness.ts';
import { atelier, atelierJson, PRICES_HEADER, PURCHASES_HEADER, storeArgs, writeCsv } from './watch-fixtures.ts';

for (const engine of engines()) {
  describe(`[Watch] through the CLI on ${engine}`, () => {
    let store: TestStore;
    let files: { dir: string; dispose(): void };
    let s: string[];

    before(async () => {
      store = await createTestStore(engine);
      files = tempDir();
      s = storeArgs(store.location);
    });
    after(async () => {
      files?.dispose();
      await store?.dispose();
    });

    test('retailer, purchases, a feed, and exactly the expected claims', async () => {
      const retailer = await atelierJson(['retailer', 'set', 'Alba Home', '--currency', 'USD', '--window-days', '14', '--window-from', 'purchase', '--adjustments', 'one', '--exclude-final-sale', 'true', ...s]);
      assert.equal(retailer.created, true);
      assert.deepEqual(retailer.retailer.policy, { windowDays: 14, windowFrom: 'purchase', adjustments: 'one', excludeFinalSale: true });
      for (const [email, name] of [['maya@t.test', 'Maya'], ['jonas@t.test', 'Jonas']]) {
        const added = await atelier(['users', 'add', '--email', email!, '--name', name!, '--role', 'customer', ...s], { stdin: 'a-long-password' });
        assert.equal(added.code, 0, added.stderr);
      }
      const catalog = writeCsv(files.dir, 'alba-catalog.csv', 'sku,name,category,width_mm,depth_mm,height_mm,price,currency,colours,style_tags,materials,model_url,product_url,image_url,final_sale', [
        'SOFA-1,Alba sofa,sofa,2100,900,820,1200.00,USD,sand,modern,linen,,,,false',
        'LAMP-1,Orbit lamp,lamp,300,300,1500,99.00,USD,black,modern,steel,,,,false',
        'CHAIR-3,Kite chair,armchair,800,820,780,450.00,USD,rust,modern,velvet,,,,false',
      ]);
      const products = await atelierJson(['catalog', 'import', catalog, '--retailer', 'Alba Home', ...s]);
      assert.equal(products.imported, 3, JSON.stringify(products));

      const purchases = writeCsv(files.dir, 'purchases.csv', PURCHASES_HEADER, [
        'maya@t.test,Alba Home,SOFA-1,1,1200.00,USD,2025-03-01T10:00:00Z,,ORD-100',
        'maya@t.test,Alba Home,LAMP-1,2,99.00,USD,2025-03-01T10:00:00Z,2025-03-03T15:00:00Z,ORD-100',
        'jonas@t.test,Alba Home,CHAIR-3,1,450.00,USD,2025-03-10T09:00:00Z,,ORD-200',
      ]);
      const imported = await atelierJson(['purchases', 'import', purchases, ...s]);
      assert.equal(imported.linesAdded, 3);
      assert.deepEqual(imported.rejected, []);

      const feed = writeCsv(files.dir, 'feed.csv', PRICES_HEADER, [
        'Alba Home,SOFA-1,1150.00,USD,2025-03-03T10:00:00Z', // drop inside the window
        'Alba Home,SOFA-1,1250.00,USD,2025-03-04T10:00:00Z', // a rise
        'Alba Home,SOFA-1,1150.00,USD,2025-03-03T10:00:00Z', // the same row again
        'Alba Home,LAMP-1,89.00,USD,2025-03-16T10:00:00Z', // after the lamp's window (ends 15 Mar 10:00)
        'Alba Home,LAMP-1,95.00,USD,2025-03-14T09:00:00Z', // inside: 2 × 4.00
        'Alba Home,CHAIR-3,430.00,USD,2025-03-09T10:00:00Z', // before Jonas bought it
        'Alba Home,SOFA-1,1080.00,USD,2025-03-12T10:00:00Z', // a further drop: the claim grows
        'Alba Home,CHAIR-3,440.00,USD,2025-03-20T10:00:00Z', // inside Jonas's window
      ]);
      const prices = await atelierJson(['prices', 'import', feed, ...s]);
      assert.equal(prices.observationsAdded, 7);
      assert.equal(prices.observationsKnown, 1);
      assert.deepEqual(prices.rejected, []);

      const expected = [
        { sku: 'SOFA-1', email: 'maya@t.test', sequence: 1, status: 'detected', amount: { amountMinor: 12_000, currency: 'USD' }, seen: 108_000, at: '2025-03-12T10:00:00.000Z', firstDropAt: '2025-03-03T10:00:00.000Z' },
        { sku: 'LAMP-1', email: 'maya@t.test', sequence: 1, status: 'detected', amount: { amountMinor: 800, currency: 'USD' }, seen: 9_500, at: '2025-03-14T09:00:00.000Z', firstDropAt: '2025-03-14T09:00:00.000Z' },
        { sku: 'CHAIR-3', email: 'jonas@t.test', sequence: 1, status: 'detected', amount: { amountMinor: 1_000, currency: 'USD' }, seen: 44_000, at: '2025-03-20T10:00:00.000Z', firstDropAt: '2025-03-20T10:00:00.000Z' },
      ];
      const shape = (claims: any[]) =>
        claims
          .map((c) => ({ sku: c.product.sku, email: c.customer.email, sequence: c.sequence, status: c.status, amount: c.amount, seen: c.observation.unitPrice.amountMinor, at: c.observation.observedAt, firstDropAt: c.firstDropAt }))
          .sort((a, b) => a.at.localeCompare(b.at));
      const sortByAt = (list: typeof expected) => [...list].sort((a, b) => a.at.localeCompare(b.at));
      assert.deepEqual(shape((await atelierJson(['claims', 'list', ...s])).claims), sortByAt(expected));

      const again = await atelierJson(['prices', 'import', feed, ...s]);
      assert.equal(again.observationsAdded, 0);
      assert.equal(again.claimsOpened + again.claimsGrown, 0);
      assert.deepEqual(shape((await atelierJson(['claims', 'list', ...s])).claims), sortByAt(expected));

      const jonas = await atelierJson(['claims', 'list', '--customer', 'jonas@t.test', ...s]);
      assert.deepEqual(shape(jonas.claims), [expected[2]]);
      assert.deepEqual((await atelierJson(['claims', 'list', '--status', 'filed', ...s])).claims, []);

      const table = await atelier(['claims', 'list', ...s]);
      assert.match(table.stdout, /maya@t\.test\s+Alba sofa \(Alba Home SOFA-1\)\s+ORD-100\s+1 × \$1,200\.00\s+\$1,080\.00 on 2025-03-12\s+\$120\.00/);

      const swept = await atelierJson(['watch', 'run', '--as-of', '2025-04-01T00:00:00Z', ...s]);
      assert.deepEqual([swept.watchesChecked, swept.claimsOpened, swept.claimsGrown, swept.watchesClosed], [3, 0, 0, 3]);
      const nothingLeft = await atelierJson(['watch', 'run', '--as-of', '2025-04-01T00:00:00Z', ...s]);
      assert.equal(nothingLeft.watchesChecked, 0);
    });

    test('bad input on the command line is refused with a message', async () => {
      const status = await atelier(['claims', 'list', '--status', 'won', ...s]);
      assert.equal(status.code, 2);
      assert.match(status.stderr, /--status must be one of detected, filed, refunded, denied, expired/);
      const asOf = await atelier(['watch', 'run', '--as-of', 'next tuesday', ...s]);
      assert.equal(asOf.code, 2);
      assert.match(asOf.stderr, /--as-of must be an ISO-8601 date/);
      const window = await atelier(['retailer', 'set', 'Alba Home', '--window-days', 'two', ...s]);
      assert.equal(window.code, 2);
      const missing = await atelier(['prices', 'import', '/no/such/file.csv', ...s]);
      assert.equal(missing.code, 2);
      assert.match(missing.stderr, /no such file/);
      const header = writeCsv(files.dir, 'wrong.csv', 'sku,price', ['SOFA-1,1.00']);
      const wrong = await atelier(['prices', 'import', header, ...s]);
      assert.equal(wrong.code, 1);
      assert.match(wrong.stderr, /Line 1 is not a prices header \(missing retailer, currency, observed_at\)/);
    });
  });
}
