/**
 * [Options] end to end on the demo studio: the designer publishes v1 of Maya's option with a
 * note and a photo; Maya signs in, reads the note and approves; the shopping list's totals equal the option's
 * total and the CSV export holds the same lines; marking a line purchased records it, and the
 * purchase shows on Protected purchases. (The swap step of issue 5's e2e belongs to the swap work.)
 */
import { solidPng } from '../fixtures/images.ts';
import { DEMO, DEMO_PROJECT, expect, test } from './fixtures.ts';
import { HomePage } from './pages/HomePage.ts';
import { centsOf, parseCsv, ShoppingListPage, snap, VersionsPanel } from './pages/OptionsPages.ts';
import { ProtectedPage } from './pages/ProtectedPage.ts';
import { ProjectPage } from './pages/ProjectPage.ts';
import { SignInPage } from './pages/SignInPage.ts';

const NOTE = 'Maya — warm oak, a deep sofa, two armchairs by the window. Tell me what you think of the rug!';


test('the designer publishes v1 with a note; the customer reads it, approves, and buys from the shopping list', async ({ page, browser, baseURL }) => {
  test.setTimeout(120_000);
  // The designer publishes v1.
  await new SignInPage(page).goto();
  await new SignInPage(page).signIn(DEMO.designer);
  await new HomePage(page).openProject(DEMO_PROJECT);
  const designerVersions = new VersionsPanel(page);
  await expect(designerVersions.panel).toContainText('Not published yet');
  await page.getByLabel('Photo or short video (optional)').setInputFiles({ name: 'sketch.png', mimeType: 'image/png', buffer: Buffer.from(solidPng(64, 48)) });
  await designerVersions.publish('v1', NOTE);
  await expect(designerVersions.note).toHaveText(NOTE);
  await expect(designerVersions.panel.getByText(/Published by Camille Laurent/)).toBeVisible();
  await snap(page, 'options-designer-published');

  // The customer, in a browser of her own, is told, reads the note and approves.
  const context = await browser.newContext({ baseURL: baseURL! });
  const maya = await context.newPage();
  await new SignInPage(maya).goto();
  await new SignInPage(maya).signIn(DEMO.customer);
  await new HomePage(maya).openProject(DEMO_PROJECT);
  const versions = new VersionsPanel(maya);
  await expect(versions.note).toHaveText(NOTE);
  await expect(versions.panel.getByRole('img', { name: 'Attached by Camille Laurent' })).toBeVisible();
  const project = new ProjectPage(maya);
  await expect(project.total).not.toHaveText('—');
  const optionTotal = centsOf(await project.total.innerText());
  await snap(maya, 'options-customer-reads-note');
  // Side by side (one option here): the compare view shows the same total; the version reads the same note.
  await versions.panel.getByRole('link', { name: 'Compare options' }).click();
  const card = maya.getByTestId('compare-card');
  await expect(card).toHaveCount(1);
  expect(centsOf(await card.getByTestId('compare-total').innerText())).toBe(optionTotal);
  await expect(card).toContainText('under budget');
  await expect(card.locator('svg.option-plan rect')).not.toHaveCount(0);
  await snap(maya, 'options-compare');
  await maya.getByRole('link', { name: /^Option A/ }).click();
  // The project page (with its 3D view) loads again: give a loaded machine time.
  const v1Link = versions.panel.getByRole('navigation', { name: 'Published versions' }).getByRole('link').first();
  await expect(v1Link).toBeVisible({ timeout: 30_000 });
  await v1Link.click();
  await expect(maya.getByTestId('version-note')).toHaveText(NOTE);
  await expect(maya.getByText('Nothing changed.')).toBeVisible();
  expect(await project.waitForScene()).toBeGreaterThan(0); // the version in the 3D view, read-only
  await snap(maya, 'options-version');
  await maya.getByRole('link', { name: 'Back to the option' }).click();
  await expect(versions.approveButton()).toBeVisible({ timeout: 30_000 });
  await versions.approveButton().click();
  await expect(versions.panel.getByText(/^Approved: v1, by Maya Okafor/)).toBeVisible();
  await expect(versions.approveButton()).toHaveCount(0);

  // The shopping list: totals equal the option's total.
  await versions.shoppingListLink.click();
  const shopping = new ShoppingListPage(maya);
  await expect(shopping.heading).toBeVisible();
  await expect(shopping.lines.first()).toBeVisible();
  expect(centsOf(await shopping.total.innerText())).toBe(optionTotal);
  const subtotals = await Promise.all((await shopping.subtotals.all()).map(async (cell) => centsOf(await cell.innerText())));
  expect(subtotals.reduce((a, b) => a + b, 0)).toBe(optionTotal);
  const rows = await shopping.rows();
  expect(rows.reduce((sum, row) => sum + centsOf(row.lineTotal), 0)).toBe(optionTotal);
  await snap(maya, 'options-shopping-list');

  // The CSV export holds the same lines and totals.
  const href = await shopping.exportLink.getAttribute('href');
  const response = await maya.request.get(href!);
  expect(response.headers()['content-type']).toContain('text/csv');
  const csv = await parseCsv(await response.text());
  const items = csv.filter((row) => row[0] === 'item');
  expect(items.map((row) => [row[2], Math.round(Number(row[7]) * 100)])).toEqual(rows.map((row) => [row.name, centsOf(row.lineTotal)]));
  expect(Math.round(Number(csv.find((row) => row[0] === 'total')![7]) * 100)).toBe(optionTotal);

  // Mark one line purchased; it shows on the list and on Protected purchases.
  const first = shopping.lines.first();
  const product = rows[0]!.name;
  await first.getByRole('button', { name: 'Mark purchased' }).click();
  const form = maya.getByRole('form', { name: `Record the purchase of ${product}` });
  await form.getByLabel('Price paid per unit (USD)').fill('-5');
  await form.getByLabel('Order reference').fill('FW-20931');
  await form.getByRole('button', { name: 'Record purchase' }).click();
  await expect(form.getByText('The price paid must be more than zero — it cannot be negative.')).toBeVisible();
  await form.getByLabel('Price paid per unit (USD)').fill((centsOf(rows[0]!.lineTotal) / 100).toFixed(2));
  await form.getByRole('button', { name: 'Record purchase' }).click();
  await expect(first).toContainText('Order FW-20931');
  await expect(maya.getByText('1 of')).toBeVisible();
  await snap(maya, 'options-marked-purchased');
  const protectedPage = new ProtectedPage(maya);
  await protectedPage.headerLink.click();
  await expect(protectedPage.heading).toHaveText('Protected purchases');
  await expect(protectedPage.purchases.filter({ hasText: product }).first()).toBeVisible();
  await snap(maya, 'options-protected');
  await context.close();
});

test('the designer duplicates an option, renames the copy, compares the two and deletes the copy', async ({ page }) => {
  test.setTimeout(120_000);
  await new SignInPage(page).goto();
  await new SignInPage(page).signIn(DEMO.designer);
  await new HomePage(page).openProject(DEMO_PROJECT);
  // Let the 3D view settle first: the sidebar's buttons hold still for a click on a loaded machine.
  await new ProjectPage(page).waitForScene();
  const versions = new VersionsPanel(page);
  const options = page.getByRole('region', { name: 'Design options' });
  await expect(options.getByRole('button')).toHaveCount(1);
  await versions.panel.getByRole('button', { name: 'Duplicate' }).click({ timeout: 30_000 });
  await expect(versions.panel.getByLabel('Option name')).toHaveValue(/\(copy\)$/);
  await versions.panel.getByLabel('Option name').fill('Option B — lighter');
  await versions.panel.getByRole('button', { name: 'Duplicate' }).last().click({ timeout: 30_000 });
  await expect(options.getByRole('button')).toHaveCount(2, { timeout: 30_000 });
  await expect(options.getByRole('button', { name: /^Option B — lighter/ })).toHaveAttribute('aria-pressed', 'true');
  await versions.panel.getByRole('button', { name: 'Rename' }).click({ timeout: 30_000 });
  await versions.panel.getByLabel('New name').fill('Option B — airy');
  await versions.panel.getByRole('button', { name: 'Save' }).click({ timeout: 30_000 });
  await expect(options.getByRole('button', { name: /^Option B — airy/ })).toBeVisible({ timeout: 30_000 });

  // The project page keeps a 3D view busy: follow the link's address rather than wait for a still click target on a loaded machine.
  await page.goto(`/${(await versions.panel.getByRole('link', { name: 'Compare 2 options' }).getAttribute('href'))!}`);
  const cards = page.getByTestId('compare-card');
  await expect(cards).toHaveCount(2);
  const totals = await Promise.all((await cards.getByTestId('compare-total').all()).map(async (cell) => centsOf(await cell.innerText())));
  expect(totals[0]).toBe(totals[1]);
  await snap(page, 'options-compare-two');
  await cards.getByRole('link', { name: 'Option B — airy' }).click({ timeout: 30_000 });

  await expect(versions.panel.getByRole('button', { name: 'Delete' })).toBeVisible({ timeout: 30_000 });
  await versions.panel.getByRole('button', { name: 'Delete' }).click({ timeout: 30_000 });
  await versions.panel.getByRole('button', { name: 'Delete option' }).click({ timeout: 30_000 });
  await expect(options.getByRole('button')).toHaveCount(1, { timeout: 30_000 });
});
