/**
 * [Watch] in the app: a purchase and a price feed go in through the `atelier` CLI against the
 * running demo server's store (SQLite in WAL mode, so the CLI writes while the server serves);
 * the customer is told about the drop, sees the claim on Protected purchases and its evidence.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Page } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { PDFDocument } from 'pdf-lib';
import { DEMO, expect, test } from './fixtures.ts';
import { NotificationCentre, ProtectedPage } from './pages/ProtectedPage.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const run = promisify(execFile);

/** A USD retailer of the seed catalog whose 30-day window runs from purchase, and one of its sofas (not final sale). */
const RETAILER = 'Fernway Goods';
const SKU = 'FW702366';
const PRODUCT = 'Cove 3-seat sofa in velvet';
/** A customer of its own: the demo's second customer may already be deleted by the privacy test on this worker's server. */
const NEWCOMER = { email: 'nora.lind@example.test', name: 'Nora Lind', password: 'a-long-enough-passphrase' };

function nodeBinary(): string {
  const pinned = path.join(ROOT, 'node_modules', 'node', 'bin', 'node');
  return existsSync(pinned) ? pinned : process.execPath;
}

async function atelier(dataDir: string, ...args: string[]): Promise<unknown> {
  const { stdout } = await run(nodeBinary(), [path.join(ROOT, 'bin', 'atelier.mjs'), ...args, '--data', dataDir, '--json'], { cwd: ROOT });
  return JSON.parse(stdout) as unknown;
}

/** Saves a screenshot for people to look at when ATELIER_SCREENSHOT_DIR is set. */
async function snap(page: Page, name: string): Promise<void> {
  if (!process.env.ATELIER_SCREENSHOT_DIR) return;
  await mkdir(process.env.ATELIER_SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(process.env.ATELIER_SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

/** Adds a customer through `atelier users add`, the password on standard input as a person would pipe it. */
async function addCustomer(dataDir: string, person: { email: string; name: string; password: string }): Promise<void> {
  const child = execFile(nodeBinary(), [path.join(ROOT, 'bin', 'atelier.mjs'), 'users', 'add', '--email', person.email, '--name', person.name, '--role', 'customer', '--data', dataDir], { cwd: ROOT });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdin?.end(`${person.password}\n`);
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`atelier users add exited with ${code}: ${stderr}`);
}

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z');

test.describe('Protected purchases', () => {
  test('a customer without purchases is told what price protection is', async ({ page, signInPage, studio }) => {
    await addCustomer(studio.dataDir, NEWCOMER);
    const protectedPage = new ProtectedPage(page);
    await signInPage.goto();
    await signInPage.signIn(NEWCOMER);
    await expect(protectedPage.headerLink).toBeVisible();
    await protectedPage.headerLink.click();
    await expect(protectedPage.heading).toHaveText('Protected purchases');
    await expect(protectedPage.empty).toContainText('Atelier watches their prices');
    await snap(page, 'atelier-protected-empty');
  });

  test('a price drop inside the window reaches the customer as a notification, a claim and its evidence', async ({ page, signInPage, studio }, testInfo) => {
    // The desktop app's bridge, stubbed: new notifications must be raised through it.
    await page.addInitScript(() => {
      const shown: { title: string; body: string }[] = [];
      Object.assign(window, { __shownNotifications: shown });
      Object.defineProperty(window, 'atelier', {
        value: {
          platform: 'linux',
          showNotification: async (request: { title: string; body: string }) => {
            shown.push(request);
          },
          openExternal: async () => false,
          pickImages: async () => [],
          saveFile: async () => false,
          onMenuCommand: () => () => {},
        },
      });
    });

    const dir = testInfo.outputPath('feeds');
    await mkdir(dir, { recursive: true });
    const purchases = path.join(dir, 'purchases.csv');
    const prices = path.join(dir, 'prices.csv');
    await writeFile(purchases, ['customer_email,retailer,sku,quantity,unit_price,currency,purchased_at,delivered_at,order_ref', `${DEMO.customer.email},${RETAILER},${SKU},1,1079.99,USD,${daysAgo(4)},,FW-E2E-1001`].join('\n') + '\n');
    await writeFile(
      prices,
      [
        'retailer,sku,price,currency,observed_at',
        // Before the purchase: outside the window, so it does not count however low it is.
        `${RETAILER},${SKU},899.99,USD,${daysAgo(9)}`,
        `${RETAILER},${SKU},1079.99,USD,${daysAgo(3)}`,
        // The drop: $1,079.99 → $959.99, inside the window.
        `${RETAILER},${SKU},959.99,USD,${daysAgo(2)}`,
        // A rise changes nothing.
        `${RETAILER},${SKU},999.99,USD,${daysAgo(1)}`,
      ].join('\n') + '\n',
    );

    await atelier(studio.dataDir, 'retailer', 'set', RETAILER, '--window-days', '30', '--window-from', 'purchase');
    const bought = (await atelier(studio.dataDir, 'purchases', 'import', purchases)) as { linesAdded: number; rejected: unknown[] };
    expect(bought.rejected).toEqual([]);
    expect(bought.linesAdded).toBe(1);
    const observed = (await atelier(studio.dataDir, 'prices', 'import', prices)) as { claimsOpened: number; rejected: unknown[] };
    expect(observed.rejected).toEqual([]);
    expect(observed.claimsOpened).toBe(1);

    // The customer signs in: the bell has the news, and the desktop was told too.
    const protectedPage = new ProtectedPage(page);
    const centre = new NotificationCentre(page);
    await signInPage.goto();
    await signInPage.signIn(DEMO.customer);
    await expect(centre.bell).toHaveAccessibleName('Notifications, 1 unread');
    const headline = `The ${PRODUCT} dropped by $120.00 — we’re claiming it for you`;
    await expect.poll(() => page.evaluate(() => (window as unknown as { __shownNotifications: { title: string }[] }).__shownNotifications.map((n) => n.title))).toEqual([headline]);
    await centre.open();
    await expect(centre.item(headline)).toBeVisible();
    await expect(centre.item(headline)).toContainText('You paid $1,079.99');
    await snap(page, 'atelier-notifications');
    await page.keyboard.press('Escape');

    // Protected purchases: the line, its watch and the claim with the exact amount.
    await protectedPage.headerLink.click();
    await expect(protectedPage.heading).toHaveText('Protected purchases');
    const line = protectedPage.purchase(PRODUCT);
    await expect(line).toContainText(RETAILER);
    await expect(line).toContainText('Paid $1,079.99');
    await expect(line.getByTestId('watch-status')).toContainText('Watching');
    await expect(line.getByTestId('watch-status')).toContainText('26 days left');
    await expect(protectedPage.claims(PRODUCT)).toHaveCount(1);
    await expect(protectedPage.claims(PRODUCT)).toContainText('Detected');
    await expect(protectedPage.claims(PRODUCT)).toContainText('$120.00 claimed');
    await expect(protectedPage.claimedTotal).toContainText('$120.00');
    await snap(page, 'atelier-protected-purchases');

    // The evidence: the words, the amount, and the chart with the paid line and the drop marked.
    await protectedPage.openEvidence(PRODUCT);
    await expect(protectedPage.heading).toHaveText(headline);
    await expect(protectedPage.claimAmount).toHaveText('$120.00');
    await expect(protectedPage.chart).toBeVisible();
    await expect(protectedPage.chart).toHaveAttribute('data-paid', '107999');
    await expect(protectedPage.chart).toHaveAttribute('data-drop-to', '95999');
    expect(Number(await protectedPage.chart.getAttribute('data-points'))).toBeGreaterThanOrEqual(4);
    await expect(protectedPage.paidLine).toBeAttached();
    await expect(protectedPage.dropMarker).toBeVisible();
    await expect(protectedPage.dropMarker).toContainText('−$120.00');
    await expect(protectedPage.dropMarker).toContainText('$959.99');
    // Drawn where it should be: the drop sits below the price-paid line.
    const paidY = Number(await protectedPage.paidLine.getAttribute('y1'));
    const dropY = Number(await protectedPage.dropMarker.getByTestId('drop-point').getAttribute('cy'));
    expect(dropY).toBeGreaterThan(paidY + 20);

    const screenshot = await page.screenshot({ fullPage: true });
    await testInfo.attach('claim-evidence', { body: screenshot, contentType: 'image/png' });
    await snap(page, 'atelier-claim-evidence');

    // The customer exports the evidence pack: one zip with the PDF (it parses back and names the
    // product) and the CSV of the prices seen.
    const downloading = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Export evidence pack' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe(`evidence-FW-E2E-1001-${SKU}.zip`);
    const zipPath = testInfo.outputPath('evidence.zip');
    await download.saveAs(zipPath);
    const files = unzipSync(new Uint8Array(await readFile(zipPath)));
    expect(Object.keys(files).sort()).toEqual([`evidence-FW-E2E-1001-${SKU}-observations.csv`, `evidence-FW-E2E-1001-${SKU}.pdf`]);
    const pdf = await PDFDocument.load(files[`evidence-FW-E2E-1001-${SKU}.pdf`]!);
    expect(pdf.getPageCount()).toBe(1);
    expect(pdf.getTitle()).toContain(`SKU ${SKU}`);
    const csv = strFromU8(files[`evidence-FW-E2E-1001-${SKU}-observations.csv`]!);
    expect(csv).toContain(`${RETAILER},${SKU},959.99,USD,`);

    // Opening the notification goes to the same evidence and marks it read.
    await page.goto('/#/');
    await centre.open();
    await centre.item(headline).getByRole('link').click();
    await expect(page).toHaveURL(/#\/claims\//);
    await expect(protectedPage.heading).toHaveText(headline);
    await expect(centre.bell).toHaveAccessibleName('Notifications');
    await page.reload();
    await expect(centre.bell).toHaveAccessibleName('Notifications');
    // Already announced on this device: a reload does not raise it again.
    expect(await page.evaluate(() => (window as unknown as { __shownNotifications: unknown[] }).__shownNotifications.length)).toBe(0);

    // A further drop while the app is open: the claim grows, and the app hears of it when the
    // window regains focus (or at the next poll) without a reload.
    const further = path.join(dir, 'prices-further.csv');
    await writeFile(further, ['retailer,sku,price,currency,observed_at', `${RETAILER},${SKU},909.99,USD,${daysAgo(0.5)}`].join('\n') + '\n');
    const grown = (await atelier(studio.dataDir, 'prices', 'import', further)) as { claimsGrown: number };
    expect(grown.claimsGrown).toBe(1);
    await page.evaluate(() => window.dispatchEvent(new Event('focus')));
    await expect(centre.bell).toHaveAccessibleName('Notifications, 1 unread');
    const grownHeadline = `The ${PRODUCT} dropped further, to $909.99 — we’re now claiming $170.00`;
    await expect.poll(() => page.evaluate(() => (window as unknown as { __shownNotifications: { title: string }[] }).__shownNotifications.map((n) => n.title))).toEqual([grownHeadline]);
    await protectedPage.headerLink.click();
    await expect(protectedPage.claims(PRODUCT)).toHaveCount(1);
    await expect(protectedPage.claims(PRODUCT)).toContainText('$170.00 claimed');
    await expect(protectedPage.claimedTotal).toContainText('$170.00');
  });
});
