import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { DEMO, expect, test } from './fixtures.ts';
import { CatalogPage } from './pages/CatalogPage.ts';

const NATIVE_HEADER = 'sku,name,category,width_mm,depth_mm,height_mm,price,currency,colours,style_tags,materials,model_url,product_url,image_url,final_sale';
/** A demo product (assets/seed/catalog-brindle-birch.csv) whose price then drops, so its history has two points. */
const DRIFT_SOFA = 'BB-SOF-00954,Drift 2-seat sofa in velvet,sofa,1630,870,760,1150.00,USD,sand,modern|industrial,velvet|steel,,https://www.brindle-birch.example/products/bb-sof-00954,,false';

test.describe('Catalog', () => {
  test('the designer searches "velvet sofa", filters by retailer and max price, and opens a product’s price history', async ({ page, request, signInPage }, testInfo) => {
    // A price change arrives through a feed import: every change becomes a price observation.
    const signedIn = await request.post('/api/auth/sign-in', { data: DEMO.admin });
    expect(signedIn.ok()).toBe(true);
    const imported = await request.post('/api/catalog/imports', { data: { text: `${NATIVE_HEADER}\n${DRIFT_SOFA}\n`, retailer: { name: 'Brindle & Birch' }, fileName: 'price-drop.csv' } });
    expect(imported.ok(), await imported.text()).toBe(true);

    const catalog = new CatalogPage(page);
    await signInPage.goto();
    await signInPage.signIn(DEMO.designer);
    await catalog.open();

    await catalog.type('velvet sofa');
    await catalog.settled();
    await expect(catalog.cards.first()).toBeVisible();
    const unfiltered = await catalog.resultFacts();
    expect(new Set(unfiltered.map((result) => result.retailer)).size).toBeGreaterThan(1);

    await catalog.tick('Retailer', 'Brindle & Birch');
    await catalog.setMaxPrice('1500');
    await expect(page.getByText('USD', { exact: true })).toBeVisible();
    await catalog.settled();
    await expect.poll(async () => (await catalog.resultFacts()).every((result) => result.retailer === 'Brindle & Birch' && result.currency === 'USD' && result.priceMinor <= 150_000)).toBe(true);
    const filtered = await catalog.resultFacts();
    expect(filtered.length).toBeGreaterThan(0);
    expect(filtered.length).toBeLessThan(unfiltered.length);
    for (const result of filtered) expect(result.name.toLowerCase()).toMatch(/velvet|sofa/);
    expect(filtered.map((result) => result.name)).toContain('Drift 2-seat sofa in velvet');

    await catalog.openProduct('Drift 2-seat sofa in velvet');
    await expect(catalog.drawer.getByText('163 × 87 × 76 cm')).toBeVisible();
    expect(await catalog.chartPoints()).toBeGreaterThanOrEqual(2);
    await expect(catalog.priceChart).toHaveAttribute('aria-label', /2 observations; now \$1,150\.00/);
    await expect(catalog.drawer.getByRole('link', { name: 'View at Brindle & Birch' })).toHaveAttribute('rel', /noopener/);

    if (process.env.ATELIER_SCREENSHOT_DIR) {
      await mkdir(process.env.ATELIER_SCREENSHOT_DIR, { recursive: true });
      await page.screenshot({ path: path.join(process.env.ATELIER_SCREENSHOT_DIR, 'atelier-catalog-product.png') });
    }
    await testInfo.attach('catalog-product', { body: await page.screenshot(), contentType: 'image/png' });

    await page.keyboard.press('Escape');
    await expect(catalog.drawer).toBeHidden();
    // Focus goes back to the card that opened it; the keyboard reaches the results from the box.
    await expect(catalog.cards.filter({ hasText: 'Drift 2-seat sofa in velvet' })).toBeFocused();
    await catalog.search.focus();
    await page.keyboard.press('ArrowDown');
    await expect(catalog.cards.first()).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(catalog.priceChart).toBeVisible();
  });

  test('the admin imports a retailer’s own CSV through the wizard and sees the bad row’s line and reason', async ({ page, signInPage }) => {
    const catalog = new CatalogPage(page);
    await signInPage.goto();
    await signInPage.signIn(DEMO.admin);
    await catalog.open();
    await page.getByRole('link', { name: 'Import a feed' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Import a retailer feed' })).toBeVisible();

    const feed = ['Artikel;Bezeichnung;Kategorie;Breite (cm);Tiefe (cm);Höhe (cm);Preis;Farben', 'HN-001;Lotta Sessel in Samt;Sessel;78;82;79;549,00;Salbei', 'HN-002;Ole Sofa;sofa;200;90;80;-10,00;Grau', 'HN-003;Bruno Sofa;sofa;210;95;82;1.299,00;Sand', ''].join('\n');
    await page.getByLabel('Choose a CSV or JSON file').setInputFiles({ name: 'haus-nord.csv', mimeType: 'text/csv', buffer: Buffer.from(feed) });
    await page.getByRole('radio', { name: 'New retailer' }).check();
    await page.getByLabel('Retailer name').fill('Haus Nord');
    await page.getByLabel('Currency', { exact: true }).fill('EUR');

    // Columns, units and delimiter are guessed from the header; the number format is theirs.
    await expect(page.getByRole('combobox', { name: 'SKU' })).toHaveValue('Artikel');
    await expect(page.getByLabel('Dimensions in')).toHaveValue('cm');
    await page.getByLabel('Decimal separator').selectOption(',');
    await expect(page.getByLabel('Thousands separator')).toHaveValue('.');

    // Their category name is not ours: map it.
    await page.getByRole('combobox', { name: 'Sessel' }).selectOption('armchair');

    const preview = page.getByRole('table', { name: 'First rows' });
    await expect(preview.locator('tr[data-status="accepted"]')).toHaveCount(2);
    const rejected = preview.locator('tr[data-status="rejected"]');
    await expect(rejected).toHaveCount(1);
    await expect(rejected).toContainText('3');
    await expect(rejected).toContainText('must be greater than zero');

    await page.getByRole('button', { name: 'Import haus-nord.csv' }).click();
    const report = page.getByTestId('import-report');
    await expect(report.getByRole('heading', { name: 'Import finished' })).toBeVisible();
    await expect(report.locator('.import-report__figure').filter({ hasText: 'New' })).toContainText('2');
    await expect(report.locator('.import-report__figure').filter({ hasText: 'Rejected' })).toContainText('1');
    const rejectedRow = report.getByRole('table', { name: 'Rejected rows' }).getByRole('row').nth(1);
    await expect(rejectedRow.getByRole('cell').first()).toHaveText('3');
    await expect(rejectedRow).toContainText('HN-002');

    // The new retailer's products are searchable at once.
    await page.getByRole('link', { name: 'Open the catalog' }).click();
    await catalog.type('lotta');
    await expect(catalog.cards.filter({ hasText: 'Lotta Sessel in Samt' })).toBeVisible();
    await expect(catalog.cards.filter({ hasText: 'Lotta Sessel in Samt' })).toContainText('€549.00');
  });
});
