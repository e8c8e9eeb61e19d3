/**
 * [Options] issue 5's acceptance, the swap part: the designer builds an option of five pieces
 * from the catalog ("Add to the room") and publishes v1 with a note; Maya signs in, reads the
 * note, selects the chair, and swaps it for a dearer alternative — the difference shown is the
 * catalog price difference to the cent, the total moves by it, the ribbon says "vs v1"; one undo
 * puts it back and dragging the alternative onto the chair's line swaps it again; she approves, and the shopping list's totals equal the
 * option's total and the CSV export holds the same lines.
 */
import { readFile } from 'node:fs/promises';
import { PDFDocument } from 'pdf-lib';
import { DEMO, DEMO_PROJECT, expect, test } from './fixtures.ts';
import { HomePage } from './pages/HomePage.ts';
import { centsOf, parseCsv, ShoppingListPage, snap, VersionsPanel } from './pages/OptionsPages.ts';
import { ProjectPage } from './pages/ProjectPage.ts';
import { SignInPage } from './pages/SignInPage.ts';

const NOTE = 'Maya — a lighter take: one armchair by the window, a round table. Swap anything you like.';
const OPTION = 'Option S — swaps';
const SEARCHES = ['chair', 'sofa', 'coffee table', 'floor lamp', 'rug'];

/** The scene settles after the option switch; a read during the switch sees the previous count, so try once more. */
async function sceneDrawn(project: ProjectPage): Promise<void> {
  await project.waitForScene().catch(() => project.waitForScene());
}


test('the customer swaps a chair for a dearer one: the difference is the catalog difference, the total follows, and the shopping list agrees', async ({ page, browser, baseURL }) => {
  test.setTimeout(180_000);
  // The designer builds a new option of five pieces and publishes v1.
  await new SignInPage(page).goto();
  await new SignInPage(page).signIn(DEMO.designer);
  await new HomePage(page).openProject(DEMO_PROJECT);
  const designer = new ProjectPage(page);
  await sceneDrawn(designer);
  await page.getByRole('button', { name: 'New option' }).click({ timeout: 30_000 });
  await page.getByLabel('Option name').fill(OPTION);
  await page.getByRole('button', { name: 'Create', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Design options' }).getByRole('button', { name: new RegExp(OPTION) })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('region', { name: 'Pieces' }).getByText('No pieces')).toBeVisible({ timeout: 30_000 }).catch(() => undefined);
  await page.locator('button[aria-controls="project-catalog"]').click();
  const catalog = page.locator('#project-catalog');
  const search = catalog.getByRole('searchbox').or(catalog.getByLabel('Search the catalog')).first();
  const added: string[] = [];
  for (const [index, term] of SEARCHES.entries()) {
    await search.fill(term);
    const results = catalog.getByTestId('catalog-results');
    await expect(results).toHaveAttribute('data-query', term, { timeout: 30_000 });
    // A product in the project's currency (retailers sell in several).
    const usd = results.locator('li').filter({ has: page.locator('[data-currency="USD"]') }).first();
    const add = usd.getByRole('button', { name: /^Add .* to the room$/ });
    added.push(/^Add (.*) to the room$/.exec((await add.getAttribute('aria-label'))!)![1]!);
    await add.click();
    await expect(designer.pieces).toHaveCount(index + 1, { timeout: 30_000 });
  }
  const versions = new VersionsPanel(page);
  await versions.publish('v1', NOTE);
  await expect(versions.note).toHaveText(NOTE, { timeout: 30_000 });
  await snap(page, 'swap-designer-published');

  // Maya signs in, opens the option and reads the note.
  const context = await browser.newContext({ baseURL: baseURL! });
  const maya = await context.newPage();
  await new SignInPage(maya).goto();
  await new SignInPage(maya).signIn(DEMO.customer);
  await new HomePage(maya).openProject(DEMO_PROJECT);
  const project = new ProjectPage(maya);
  await maya.getByRole('region', { name: 'Design options' }).getByRole('button', { name: new RegExp(OPTION) }).click({ timeout: 30_000 });
  const mayaVersions = new VersionsPanel(maya);
  await expect(mayaVersions.note).toHaveText(NOTE, { timeout: 30_000 });
  await expect(project.pieces).toHaveCount(5, { timeout: 30_000 });
  await sceneDrawn(project);
  await expect(maya.getByTestId('ribbon-vs-version')).toHaveText('$0.00 vs v1');
  const totalBefore = centsOf(await project.total.innerText());

  // She selects the chair; its alternatives show with their price difference.
  const chairName = added[0]!;
  const chairItemId = (await project.pieces.filter({ hasText: chairName }).first().getAttribute('data-item-id'))!;
  const chairLine = project.pieces.and(maya.locator(`[data-item-id="${chairItemId}"]`));
  const chairPrice = centsOf(await chairLine.locator('.piece__price').innerText());
  await chairLine.getByRole('button', { name: chairName }).click();
  const alternatives = maya.getByTestId('alternatives');
  await expect(alternatives.getByRole('heading')).toHaveText(`Alternatives for ${chairName}`);
  const cards = alternatives.getByTestId('alternative');
  await expect(cards.first()).toBeVisible({ timeout: 30_000 });
  const offered = await cards.evaluateAll((elements) => elements.map((element) => ({ id: element.getAttribute('data-product-id')!, price: Number(element.getAttribute('data-price-minor')), delta: element.getAttribute('data-delta-minor'), name: element.querySelector('.swap-card__name')!.textContent! })));
  for (const card of offered) if (card.delta !== '') expect(Number(card.delta)).toBe(card.price - chairPrice);
  const dearer = offered.find((card) => card.delta !== '' && Number(card.delta) > 0);
  expect(dearer, 'a dearer alternative in the same currency').toBeTruthy();
  await snap(maya, 'swap-alternatives');

  // The keyboard path: focus the card's Swap button and press Enter.
  const swapButton = alternatives.getByRole('button', { name: `Swap ${chairName} for ${dearer!.name}` });
  await swapButton.focus();
  await maya.keyboard.press('Enter');
  const difference = dearer!.price - chairPrice;
  const swapped = maya.getByTestId('swap-delta');
  await expect(swapped).toHaveAttribute('data-delta-minor', String(difference));
  await expect(swapped).toContainText(dearer!.name);
  expect(centsOf((await swapped.innerText()).split(dearer!.name)[1]!)).toBe(difference);
  await expect(chairLine).toContainText(dearer!.name);
  await expect.poll(async () => centsOf(await project.total.innerText())).toBe(totalBefore + difference);
  expect(centsOf(await maya.getByTestId('ribbon-total').innerText())).toBe(totalBefore + difference);
  expect(centsOf(await maya.getByTestId('ribbon-vs-version').innerText())).toBe(difference);
  await expect(maya.getByTestId('ribbon-vs-version')).toContainText('vs v1');
  await snap(maya, 'swap-done');

  // The swap is one undo step: undo puts the chair back, redo swaps again.
  await maya.getByRole('button', { name: 'Undo swap' }).click();
  await expect(chairLine).toContainText(chairName);
  await expect.poll(async () => centsOf(await project.total.innerText())).toBe(totalBefore);
  await expect(maya.getByTestId('ribbon-vs-version')).toHaveText('$0.00 vs v1');
  // Swapped again by dragging the alternative onto the chair's line in the piece list.
  // (HTML drag events with one DataTransfer: the card's dragstart fills it, the line's drop reads it.)
  const transfer = await maya.evaluateHandle(() => new DataTransfer());
  await alternatives.getByTestId('alternative').filter({ hasText: dearer!.name }).first().dispatchEvent('dragstart', { dataTransfer: transfer });
  await chairLine.locator('.piece__meta').dispatchEvent('dragover', { dataTransfer: transfer });
  await chairLine.locator('.piece__meta').dispatchEvent('drop', { dataTransfer: transfer });
  await expect(chairLine).toContainText(dearer!.name);
  const optionTotal = totalBefore + difference;
  await expect.poll(async () => centsOf(await project.total.innerText())).toBe(optionTotal);

  // Share it: the option as a PDF (the view, the plan, the list with the new total) and the plan as a PNG.
  const share = maya.getByRole('group', { name: 'Share this option' });
  const [pdfDownload] = await Promise.all([maya.waitForEvent('download'), share.getByRole('button', { name: 'PDF' }).click()]);
  expect(pdfDownload.suggestedFilename()).toMatch(/\.pdf$/);
  const pdfBytes = await readFile((await pdfDownload.path())!);
  expect(pdfBytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const pdf = await PDFDocument.load(pdfBytes);
  expect(pdf.getPageCount()).toBeGreaterThanOrEqual(2);
  const [planDownload] = await Promise.all([maya.waitForEvent('download'), share.getByRole('button', { name: 'Plan image' }).click()]);
  const png = await readFile((await planDownload.path())!);
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const [viewDownload] = await Promise.all([maya.waitForEvent('download'), share.getByRole('button', { name: '3D image' }).click()]);
  expect(viewDownload.suggestedFilename()).toMatch(/3D\.png$/);

  // She approves; the shopping list's totals equal the option's total; the CSV matches the list.
  await mayaVersions.approveButton().click({ timeout: 30_000 });
  await expect(mayaVersions.panel.getByText(/^Approved: /)).toBeVisible({ timeout: 30_000 });
  await mayaVersions.shoppingListLink.click();
  const shopping = new ShoppingListPage(maya);
  await expect(shopping.heading).toBeVisible();
  await expect(shopping.lines.first()).toBeVisible();
  expect(centsOf(await shopping.total.innerText())).toBe(optionTotal);
  const subtotals = await Promise.all((await shopping.subtotals.all()).map(async (cell) => centsOf(await cell.innerText())));
  expect(subtotals.reduce((a, b) => a + b, 0)).toBe(optionTotal);
  const rows = await shopping.rows();
  expect(rows.map((row) => row.name)).toContain(dearer!.name);
  expect(rows.reduce((sum, row) => sum + centsOf(row.lineTotal), 0)).toBe(optionTotal);
  const href = await shopping.exportLink.getAttribute('href');
  const response = await maya.request.get(href!);
  const csv = await parseCsv(await response.text());
  const items = csv.filter((row) => row[0] === 'item');
  expect(items.map((row) => [row[2], Math.round(Number(row[7]) * 100)])).toEqual(rows.map((row) => [row.name, centsOf(row.lineTotal)]));
  expect(Math.round(Number(csv.find((row) => row[0] === 'total')![7]) * 100)).toBe(optionTotal);
  await snap(maya, 'swap-shopping-list');
  await context.close();
});
