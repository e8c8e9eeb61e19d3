/**
 * [Desk] A claim's evidence pack, on both engines: the zip from the app and the files from
 * `atelier claims evidence` hold the same PDF (it parses back; its pages say the product, SKU,
 * amounts in the claim's currency, and draw the chart as vectors with the paid price dashed) and
 * the same CSV (its rows are the stored observations); who may download it follows who may see
 * the claim.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { PDFDocument } from 'pdf-lib';
import { sql } from 'kysely';
import { engines, tempDir, type ApiSession } from './harness.ts';
import { daysAgo, startClaimsWorld, type ClaimsWorld } from './claims-world.ts';
import { pdfText } from './pdf-text.ts';
import { atelierJson, storeArgs } from './watch-fixtures.ts';

async function download(session: ApiSession | null, url: string): Promise<{ status: number; type: string; disposition: string; bytes: Uint8Array }> {
  const response = await fetch(url, { headers: session?.cookie ? { cookie: session.cookie } : {} });
  return { status: response.status, type: response.headers.get('content-type') ?? '', disposition: response.headers.get('content-disposition') ?? '', bytes: new Uint8Array(await response.arrayBuffer()) };
}

/** Whether one of the strings the PDF draws contains `expected`. */
const says = (drawn: readonly string[], expected: string) => drawn.some((t) => t.includes(expected));

/** The CSV's data rows as cells (the files hold no quoted cells here). */
const csvRows = (text: string) => text.trim().split('\r\n').slice(1).map((line) => line.split(','));

for (const engine of engines()) {
  describe(`[Desk] evidence pack on ${engine}`, () => {
    let world: ClaimsWorld;
    // Jonas's chairs: sixty prices seen over the window, so the observations run onto a second page.
    const chairRows = Array.from({ length: 60 }, (_, i) => `Nordhus,CHAIR-2,${i === 30 ? '430.00' : '449.00'},EUR,${new Date(Date.now() - 8 * 86_400_000 + i * 3_600_000).toISOString()}`);

    before(async () => {
      world = await startClaimsWorld(engine, [
        { source: 'before-the-window.csv', rows: [`Alba Home,SOFA-1,1200.00,USD,${daysAgo(10)}`] },
        { source: 'monday.csv', rows: [`Alba Home,SOFA-1,1190.00,USD,${daysAgo(3)}`, ...chairRows] },
        { source: 'https://feeds.alba.test/prices.csv', rows: [`Alba Home,SOFA-1,1080.00,USD,${daysAgo(2)}`] },
      ]);
    });
    after(async () => {
      await world?.close();
    });

    /** The stored observations of a product inside the evidence's range, as the CSV should list them. */
    async function storedObservations(sku: string): Promise<string[][]> {
      return world.withDb(async (db) => {
        const rows = await db
          .selectFrom('price_observations as o')
          .innerJoin('products as p', 'p.id', 'o.product_id')
          .innerJoin('retailers as r', 'r.id', 'p.retailer_id')
          .select(['r.name', 'p.sku', 'o.price_minor', 'o.currency', 'o.observed_at', 'o.source'])
          .where('p.sku', '=', sku)
          .where('o.observed_at', '>=', daysAgo(60))
          .orderBy('o.observed_at')
          .orderBy(sql`o.id`)
          .execute();
        return rows.map((o) => [o.name, o.sku, (o.price_minor / 100).toFixed(2), o.currency, o.observed_at, o.source]);
      });
    }

    test('support downloads the zip: a PDF that parses back and says what the retailer needs, and the observations CSV', async () => {
      const sup = await world.as('sup@t.test');
      const zip = await download(sup, `${world.server.url}/api/desk/claims/${world.mayaClaim}/evidence-pack`);
      assert.equal(zip.status, 200, strFromU8(zip.bytes));
      assert.equal(zip.type, 'application/zip');
      assert.equal(zip.disposition, 'attachment; filename="evidence-P-1-SOFA-1.zip"');
      const files = unzipSync(zip.bytes);
      assert.deepEqual(Object.keys(files).sort(), ['evidence-P-1-SOFA-1-observations.csv', 'evidence-P-1-SOFA-1.pdf']);

      const pdfBytes = files['evidence-P-1-SOFA-1.pdf']!;
      const pdf = await PDFDocument.load(pdfBytes);
      assert.equal(pdf.getPageCount(), 1);
      assert.match(pdf.getTitle() ?? '', /Alba sofa \(Alba Home SKU SOFA-1\)/);
      const text = await pdfText(pdfBytes);
      for (const expected of [
        'Alba sofa - Alba Home SKU SOFA-1',
        'P-1 at Alba Home',
        '1 x $1,200.00 = $1,200.00',
        '14-day price adjustment window from purchase; one adjustment; final sale excluded',
        '$1,200.00 to $1,080.00',
        '$120.00 (1 x $120.00)',
        'Paid $1,200.00',
        '-$120.00 to $1,080.00',
        'Observations (3), also in evidence-P-1-SOFA-1-observations.csv',
        'feeds.alba.test/prices.csv',
        'Page 1 of 1',
      ]) {
        assert.ok(says(text, expected), `the PDF says "${expected}": ${text.join(' | ')}`);
      }
      // The y axis in dollars with cents, the x axis in dates.
      assert.ok(text.some((t) => /^\$1,\d{3}\.\d{2}$/.test(t)), 'price ticks in the claim’s currency');
      assert.ok(text.some((t) => /^[A-Z][a-z]{2} \d{1,2}$/.test(t)), 'date ticks');
      // Drawn as vectors: the price paid as a dashed line, the step line as a stroked path.
      const raw = (await pdfText(pdfBytes, { raw: true })).join('\n');
      assert.match(raw, /\[5 3\] 0 d/, 'a dashed line (the price paid)');
      assert.match(raw, /\d+(\.\d+)? \d+(\.\d+)? l\s/, 'line segments');

      const csv = strFromU8(files['evidence-P-1-SOFA-1-observations.csv']!);
      assert.match(csv, /^retailer,sku,price,currency,observed_at,source,in_window,below_reference,evidence\r\n/);
      assert.deepEqual(
        csvRows(csv).map((cells) => cells.slice(0, 6)),
        await storedObservations('SOFA-1'),
      );
      assert.deepEqual(csvRows(csv).map((cells) => cells.slice(6)), [
        ['no', 'no', 'no'],
        ['yes', 'yes', 'no'],
        ['yes', 'yes', 'yes'],
      ]);
    });

    test('each file alone; many observations run onto more pages; euros stay euros', async () => {
      const sup = await world.as('sup@t.test');
      const pdf = await download(sup, `${world.server.url}/api/desk/claims/${world.jonasClaim}/evidence-pack?format=pdf`);
      assert.equal(pdf.status, 200);
      assert.equal(pdf.type, 'application/pdf');
      assert.equal(strFromU8(pdf.bytes.slice(0, 5)), '%PDF-');
      const doc = await PDFDocument.load(pdf.bytes);
      assert.equal(doc.getPageCount(), 2, 'sixty observations do not fit under the chart');
      const text = await pdfText(pdf.bytes);
      assert.ok(says(text, '2 x €450.00 = €900.00'), text.join(' | '));
      assert.ok(says(text, '30-day price adjustment window from delivery; unlimited adjustments; final sale covered'));
      assert.ok(says(text, 'Page 2 of 2'));
      assert.ok(!text.some((t) => t.includes('$')), 'no dollar anywhere on a euro claim');
      const csv = await download(sup, `${world.server.url}/api/desk/claims/${world.jonasClaim}/evidence-pack?format=csv`);
      assert.equal(csv.type, 'text/csv; charset=utf-8');
      assert.deepEqual(
        csvRows(strFromU8(csv.bytes)).map((cells) => cells.slice(0, 6)),
        await storedObservations('CHAIR-2'),
      );
      assert.equal(csvRows(strFromU8(csv.bytes)).length, 60);
      const bad = await sup.request('GET', `/api/desk/claims/${world.jonasClaim}/evidence-pack?format=svg`);
      assert.equal(bad.status, 400);
      assert.match(bad.json.error.message, /format/);
    });

    test('who may download it: the claim’s customer, the project’s designer, support and admin — nobody else', async () => {
      const cases: [string | null, string, number][] = [
        ['maya@t.test', world.mayaClaim, 200],
        ['maya@t.test', world.jonasClaim, 403],
        ['jonas@t.test', world.jonasClaim, 200],
        ['jonas@t.test', world.mayaClaim, 403],
        ['des@t.test', world.mayaClaim, 200],
        ['des@t.test', world.jonasClaim, 403],
        ['other-des@t.test', world.mayaClaim, 403],
        ['admin@t.test', world.jonasClaim, 200],
        ['sup@t.test', 'no-such-claim', 404],
        [null, world.mayaClaim, 401],
      ];
      for (const [email, claim, expected] of cases) {
        const session = email ? await world.as(email) : null;
        const result = await download(session, `${world.server.url}/api/desk/claims/${claim}/evidence-pack`);
        assert.equal(result.status, expected, `${email ?? 'signed out'} → ${claim === world.mayaClaim ? 'Maya’s claim' : claim === world.jonasClaim ? 'Jonas’s claim' : claim}`);
        if (expected === 200) assert.equal(result.type, 'application/zip');
      }
    });

    test('atelier claims evidence ID --out DIR writes the same PDF and CSV the app downloads', async () => {
      const out = tempDir('atelier-evidence-');
      try {
        const dir = path.join(out.dir, 'pack');
        const result = await atelierJson(['claims', 'evidence', world.mayaClaim, '--out', dir, ...storeArgs(world.store.location)]);
        assert.equal(result.claimId, world.mayaClaim);
        assert.equal(result.observations, 3);
        assert.deepEqual(
          result.files.map((f: any) => [f.kind, path.basename(f.path)]),
          [
            ['pdf', 'evidence-P-1-SOFA-1.pdf'],
            ['csv', 'evidence-P-1-SOFA-1-observations.csv'],
          ],
        );
        const pdf = readFileSync(path.join(dir, 'evidence-P-1-SOFA-1.pdf'));
        assert.equal(result.files[0].bytes, pdf.byteLength);
        assert.equal((await PDFDocument.load(pdf)).getPageCount(), 1);
        assert.ok(says(await pdfText(pdf), 'Alba sofa - Alba Home SKU SOFA-1'));
        const sup = await world.as('sup@t.test');
        const fromApp = await download(sup, `${world.server.url}/api/desk/claims/${world.mayaClaim}/evidence-pack?format=csv`);
        assert.equal(readFileSync(path.join(dir, 'evidence-P-1-SOFA-1-observations.csv'), 'utf8'), strFromU8(fromApp.bytes));
        const missing = await atelierJson(['claims', 'evidence', 'no-such-claim', '--out', dir, ...storeArgs(world.store.location)]).catch((error: Error) => error);
        assert.ok(missing instanceof Error && /No claim "no-such-claim"/.test(missing.message), String(missing));
      } finally {
        out.dispose();
      }
    });
  });
}
