/**
 * [Collab] Two people in Maya's living room at once, each in their own browser context: the
 * designer (plan view) drags the sofa with the mouse; the customer (split view) sees it move,
 * sees the designer's avatar in the header and the designer's selection outlined in the 3D view.
 * The customer selects the lamp (its alternatives load), drops offline, swaps the lamp through
 * the alternatives panel while the designer moves the sofa again, and comes back: both see the
 * new lamp and the sofa's new place. The designer drops offline, nudges the sofa (the header
 * says one edit waits) and comes back: the customer sees it. A chat message goes each way
 * without a reload.
 */
import type { Browser, Page } from '@playwright/test';
import { DEMO, DEMO_PROJECT, expect, test } from './fixtures.ts';

const SOFA = 'Elio low 3-seat sofa';
/** The demo room's lamp (server/demo/seed.ts: the first USD lamp by SKU). */
const LAMP = 'Fjord linen desk lamp';

async function openAs(browser: Browser, baseURL: string, who: { email: string; password: string }, view: 'Plan' | 'Split') {
  const context = await browser.newContext({ baseURL, viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await page.goto('/');
  await page.getByLabel('E-mail').fill(who.email);
  await page.getByLabel('Password').fill(who.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByText(DEMO_PROJECT).first().click();
  await expect(page.getByTestId('live-bar').getByRole('status')).toHaveAttribute('data-status', 'synced', { timeout: 30_000 });
  await page.getByRole('toolbar', { name: 'Editing tools' }).getByRole('radio', { name: view, exact: true }).click();
  return { context, page, sofa: page.locator(`[data-testid="plan-piece"][aria-label="${SOFA}"]`), pieces: page.getByRole('region', { name: 'Pieces' }).getByRole('listitem') };
}

const xOf = async (page: Page) => Number(await page.locator(`[data-testid="plan-piece"][aria-label="${SOFA}"]`).getAttribute('data-x-mm'));

test('designer and customer in the same option: live moves, presence, offline and back, chat', async ({ browser, baseURL }, testInfo) => {
  test.setTimeout(120_000);
  const designer = await openAs(browser, baseURL!, DEMO.designer, 'Plan');
  const customer = await openAs(browser, baseURL!, DEMO.customer, 'Split');
  try {
    // Each sees the other in the header.
    await expect(customer.page.getByTestId('live-bar').getByText('Camille Laurent (designer) is here')).toBeAttached();
    await expect(designer.page.getByTestId('live-bar').getByText('Maya Okafor (customer) is here')).toBeAttached();

    // The designer drags the sofa on the plan with the mouse.
    await expect(designer.sofa).toBeVisible();
    const sofaId = (await designer.sofa.getAttribute('data-item-id'))!;
    const startX = await xOf(designer.page);
    const box = (await designer.sofa.boundingBox())!;
    await designer.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await designer.page.mouse.down();
    await designer.page.mouse.move(box.x + box.width / 2 - 60, box.y + box.height / 2, { steps: 12 });
    await designer.page.mouse.up();
    await expect.poll(() => xOf(designer.page)).not.toBe(startX);
    const movedX = await xOf(designer.page);

    // The customer sees it move, in the plan and in a new 3D frame, and the designer's selection outlined.
    await expect.poll(() => xOf(customer.page), { timeout: 5_000 }).toBe(movedX);
    const canvas = customer.page.getByTestId('room-view').locator('canvas');
    await expect(canvas).toHaveAttribute('data-peer-outlines', new RegExp(`:${sofaId}:sel`));
    await customer.page.screenshot({ path: testInfo.outputPath('customer-sees-designer.png') });

    // The customer selects the lamp while online (its alternatives load), then drops offline.
    const customerLamp = customer.pieces.filter({ hasText: LAMP });
    await expect(customerLamp).toHaveCount(1);
    const lampId = (await customerLamp.getAttribute('data-item-id'))!;
    await customerLamp.getByRole('button', { name: LAMP }).click();
    const alternatives = customer.page.getByTestId('alternatives');
    await expect(alternatives.getByRole('heading')).toHaveText(`Alternatives for ${LAMP}`);
    const cards = alternatives.getByTestId('alternative');
    await expect(cards.first()).toBeVisible({ timeout: 30_000 });
    // A lamp in the option's currency (an empty delta means another currency).
    const offered = await cards.evaluateAll((elements) => elements.map((element) => ({ id: element.getAttribute('data-product-id')!, delta: element.getAttribute('data-delta-minor'), name: element.querySelector('.swap-card__name')!.textContent! })));
    const newLamp = offered.find((card) => card.delta !== '' && card.name !== LAMP);
    expect(newLamp, 'an alternative lamp in the same currency').toBeTruthy();
    await customer.context.setOffline(true);
    const customerStatus = customer.page.getByTestId('live-bar').getByRole('status');
    await expect(customerStatus).toHaveAttribute('data-status', 'offline');

    // Meanwhile the designer moves the sofa again.
    await designer.sofa.focus();
    await designer.page.keyboard.press('Shift+ArrowUp');
    await expect.poll(() => xOf(designer.page)).toBe(movedX);
    const afterNudgeY = await designer.sofa.getAttribute('data-y-mm');
    expect(afterNudgeY).not.toBe(await customer.sofa.getAttribute('data-y-mm'));

    // Offline, the customer swaps the lamp in the alternatives panel: her page shows it, one edit waits.
    await alternatives.getByRole('button', { name: `Swap ${LAMP} for ${newLamp!.name}` }).click();
    const customerLampLine = customer.pieces.and(customer.page.locator(`[data-item-id="${lampId}"]`));
    await expect(customerLampLine).toContainText(newLamp!.name);
    await expect(customerStatus).toContainText('1 edit waiting');
    const designerLampLine = designer.pieces.and(designer.page.locator(`[data-item-id="${lampId}"]`));
    await expect(designerLampLine).toContainText(LAMP);

    // Back online: both see the new lamp and the sofa's new place.
    await customer.context.setOffline(false);
    await expect(customerStatus).toHaveAttribute('data-status', 'synced', { timeout: 15_000 });
    await expect(customerStatus).not.toContainText('waiting');
    await expect(customer.sofa).toHaveAttribute('data-y-mm', afterNudgeY!);
    await expect(designerLampLine).toContainText(newLamp!.name, { timeout: 5_000 });
    for (const side of [designer, customer]) {
      await expect(side.page.locator(`[data-testid="plan-piece"][data-item-id="${lampId}"]`)).toHaveAttribute('aria-label', newLamp!.name);
      await expect(side.sofa).toHaveAttribute('data-y-mm', afterNudgeY!);
      await expect.poll(() => xOf(side.page)).toBe(movedX);
    }
    // The alternatives for the new lamp could not load offline: they do once the connection is back.
    await expect(alternatives.getByTestId('alternative').first()).toBeVisible({ timeout: 10_000 });
    await expect(alternatives.getByRole('alert')).toHaveCount(0);
    await customer.page.screenshot({ path: testInfo.outputPath('customer-back-online.png') });

    // The designer drops offline and nudges: the edit waits, then reaches the customer.
    await designer.context.setOffline(true);
    const designerStatus = designer.page.getByTestId('live-bar').getByRole('status');
    await expect(designerStatus).toHaveAttribute('data-status', 'offline');
    await designer.sofa.focus();
    await designer.page.keyboard.press('Shift+ArrowRight');
    await expect(designerStatus).toContainText('1 edit waiting');
    const offlineX = await xOf(designer.page);
    expect(offlineX).not.toBe(movedX);
    await expect.poll(() => xOf(customer.page)).toBe(movedX);
    await designer.context.setOffline(false);
    await expect(designerStatus).toHaveAttribute('data-status', 'synced', { timeout: 15_000 });
    await expect(designerStatus).not.toContainText('waiting');
    await expect.poll(() => xOf(customer.page), { timeout: 5_000 }).toBe(offlineX);

    // Chat: the designer writes; the customer's badge lights up without a reload, and the reply comes back.
    await designer.page.getByTestId('chat-button').click();
    await designer.page.getByLabel('Your message').fill('I moved the sofa towards the window — what do you think?');
    await designer.page.getByLabel('Your message').press('Enter');
    await expect(customer.page.getByTestId('chat-unread')).toHaveText('1', { timeout: 3_000 });
    await customer.page.getByTestId('chat-button').click();
    await expect(customer.page.getByTestId('chat-panel').getByText('I moved the sofa towards the window — what do you think?')).toBeVisible();
    await expect(customer.page.getByTestId('chat-unread')).toHaveCount(0);
    await customer.page.getByLabel('Your message').fill('Love it!');
    await customer.page.getByRole('button', { name: 'Send' }).click();
    await expect(designer.page.getByTestId('chat-panel').getByText('Love it!')).toBeVisible({ timeout: 3_000 });
    await designer.page.screenshot({ path: testInfo.outputPath('designer-chat.png') });
  } finally {
    await designer.context.close();
    await customer.context.close();
  }
});
