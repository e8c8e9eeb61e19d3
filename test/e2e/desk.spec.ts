/**
 * [Desk] in the app: two claims for a new customer go in through the `atelier` CLI against the
 * running demo server's store; support signs in to the queue (most urgent first), opens the
 * claim, files it and records a partial refund; the customer signs in and sees the refund and
 * the timeline event.
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
import { DeskPage } from './pages/DeskPage.ts';
import { NotificationCentre, ProtectedPage } from './pages/ProtectedPage.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const run = promisify(execFile);

// A customer of this spec's own, and products no other spec prices, so specs sharing the
// worker's server do not see each other's claims or notifications.
const NORA = { email: 'nora@atelier.test', password: 'atelier-e2e-nora', name: 'Nora Lind' };
const CHAIR = { retailer: 'Fernway Goods', sku: 'FW700728', name: 'Yara leather dining chair' }; // 30 days from purchase
const TEAK = { retailer: 'Brindle & Birch', sku: 'BB-DCH-00105', name: 'Sill dining chair in teak' }; // 14 days from delivery

function nodeBinary(): string {
  const pinned = path.join(ROOT, 'node_modules', 'node', 'bin', 'node');
  return existsSync(pinned) ? pinned : process.execPath;
}

async function atelier(dataDir: string, args: string[], stdin?: string): Promise<unknown> {
  const child = run(nodeBinary(), [path.join(ROOT, 'bin', 'atelier.mjs'), ...args, '--data', dataDir, '--json'], { cwd: ROOT });
  if (stdin !== undefined) child.child.stdin?.end(stdin);
  const { stdout } = await child;
  return JSON.parse(stdout) as unknown;
}

async function snap(page: Page, name: string): Promise<void> {
  if (!process.env.ATELIER_SCREENSHOT_DIR) return;
  await mkdir(process.env.ATELIER_SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(process.env.ATELIER_SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z');

test('support files a claim and records a partial refund; the customer sees the refund and the timeline event', async ({ page, signInPage, shell, studio }, testInfo) => {
  const dir = testInfo.outputPath('desk-feeds');
  await mkdir(dir, { recursive: true });
  const purchases = path.join(dir, 'purchases.csv');
  const prices = path.join(dir, 'prices.csv');
  await writeFile(
    purchases,
    [
      'customer_email,retailer,sku,quantity,unit_price,currency,purchased_at,delivered_at,order_ref',
      `${NORA.email},${CHAIR.retailer},${CHAIR.sku},1,109.99,USD,${daysAgo(4)},,FW-DESK-1`,
      `${NORA.email},${TEAK.retailer},${TEAK.sku},2,450.00,USD,${daysAgo(10)},${daysAgo(6)},BB-DESK-2`,
    ].join('\n') + '\n',
  );
  await writeFile(
    prices,
    ['retailer,sku,price,currency,observed_at', `${CHAIR.retailer},${CHAIR.sku},99.99,USD,${daysAgo(2)}`, `${TEAK.retailer},${TEAK.sku},420.00,USD,${daysAgo(3)}`].join('\n') + '\n',
  );
  await atelier(studio.dataDir, ['users', 'add', '--email', NORA.email, '--name', NORA.name, '--role', 'customer'], NORA.password);
  const bought = (await atelier(studio.dataDir, ['purchases', 'import', purchases])) as { linesAdded: number; rejected: unknown[] };
  expect(bought.rejected).toEqual([]);
  expect(bought.linesAdded).toBe(2);
  const observed = (await atelier(studio.dataDir, ['prices', 'import', prices])) as { claimsOpened: number };
  expect(observed.claimsOpened).toBe(2);

  // Support's home is the queue: the teak chairs (8 days left, $60.00) before the leather chair (26 days left, $10.00).
  const desk = new DeskPage(page);
  await signInPage.goto();
  await signInPage.signIn(DEMO.support);
  await expect(desk.heading).toBeVisible();
  await desk.customerFilter.fill('nora');
  await expect(desk.rows).toHaveCount(2);
  await expect(desk.rows.nth(0)).toContainText(TEAK.name);
  await expect(desk.rows.nth(0).getByTestId('days-left')).toHaveText('8 days');
  await expect(desk.rows.nth(0)).toContainText('$60.00');
  await expect(desk.rows.nth(1)).toContainText(CHAIR.name);
  await expect(desk.rows.nth(1).getByTestId('days-left')).toHaveText('26 days');
  await expect(desk.count('detected')).toContainText(/\d+/);
  await snap(page, 'atelier-desk-queue');

  // The claim on one screen: file it with the retailer, then record a partial refund.
  await desk.open(TEAK.name);
  await expect(desk.claim).toBeVisible();
  await expect(desk.claimed).toHaveText('$60.00');
  await expect(page.getByTestId('claim-chart')).toBeVisible();
  // The evidence pack for the retailer, one click: the PDF and the observations in a zip.
  const downloading = page.waitForEvent('download');
  await desk.claim.getByRole('link', { name: 'Export evidence pack' }).click();
  const pack = await downloading;
  expect(pack.suggestedFilename()).toBe(`evidence-BB-DESK-2-${TEAK.sku}.zip`);
  const zipPath = testInfo.outputPath('evidence.zip');
  await pack.saveAs(zipPath);
  const files = unzipSync(new Uint8Array(await readFile(zipPath)));
  expect((await PDFDocument.load(files[`evidence-BB-DESK-2-${TEAK.sku}.pdf`]!)).getTitle()).toContain(`SKU ${TEAK.sku}`);
  expect(strFromU8(files[`evidence-BB-DESK-2-${TEAK.sku}-observations.csv`]!)).toContain(`${TEAK.retailer},${TEAK.sku},420.00,USD,`);
  await desk.file('portal', 'BB-RMA-5521');
  await expect(page.getByTestId('desk-filed')).toContainText('BB-RMA-5521');
  await expect(desk.claim.locator('.claim-pill')).toHaveText('Filed');
  await desk.refund('45.00');
  await expect(desk.claim.locator('.claim-pill')).toHaveText('Refunded');
  await expect(desk.refunded).toHaveText('$45.00');
  await expect(desk.audit.getByRole('listitem')).toHaveCount(2);
  await expect(desk.audit).toContainText('Sam Rivera: file');
  await expect(desk.audit).toContainText('Sam Rivera: refund');
  await snap(page, 'atelier-desk-claim');

  // Two agents: the leather chair is filed from the command line while it is open here, so
  // filing it on screen is a conflict that shows the claim as it is now, overwriting nothing.
  await page.goto('/#/desk');
  await desk.customerFilter.fill('nora');
  await desk.open(CHAIR.name);
  await expect(desk.claim.locator('.claim-pill')).toHaveText('Detected');
  const claimId = decodeURIComponent(/#\/desk\/claims\/([^/?]+)/.exec(page.url())![1]!);
  await atelier(studio.dataDir, ['claims', 'file', claimId, '--ref', 'FW-CLI-1', '--as', DEMO.support.email]);
  await desk.file('email', 'FW-SCREEN-2');
  await expect(desk.conflict).toHaveText('Someone else just changed this claim — here is its current state.');
  await expect(desk.claim.locator('.claim-pill')).toHaveText('Filed');
  await expect(page.getByTestId('desk-filed')).toContainText('FW-CLI-1');
  await expect(desk.audit.getByRole('listitem')).toHaveCount(1);
  await shell.signOut();

  // The customer: told in plain words, and the timeline says what happened.
  await signInPage.signIn(NORA);
  const centre = new NotificationCentre(page);
  await centre.open();
  await expect(centre.item('Refunded $45.00 to your card')).toBeVisible();
  await expect(centre.item('Refunded $45.00 to your card')).toContainText('of the $60.00 we claimed');
  await expect(centre.item(`Filed with ${TEAK.retailer} today; they usually answer within 5 days`)).toBeVisible();
  await centre.item('Refunded $45.00 to your card').getByRole('link').click();
  await expect(page).toHaveURL(/#\/desk\/claims\//);
  await expect(desk.refunded).toHaveText('$45.00');
  await expect(desk.timeline).toContainText(`${TEAK.retailer} refunded $45.00 of $60.00 claimed for the ${TEAK.name} price drop.`);
  await expect(page.getByText('You can see this claim; support acts on it.')).toBeVisible();
  await snap(page, 'atelier-desk-customer');

  const protectedPage = new ProtectedPage(page);
  await protectedPage.goto();
  await expect(protectedPage.claims(TEAK.name)).toContainText('Refunded');
});
