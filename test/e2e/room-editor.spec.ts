/**
 * [Room] The placement editor end to end (issue 3's acceptance): the demo designer builds a
 * 4200 × 3600 mm room with a 900 mm door, drags a sofa from the catalog into the 3D view, moves
 * it with the mouse, undoes the move, sees the plan view's dimensions, and a 2400 mm-deep sofa
 * is flagged as not fitting through an 800 mm door.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { DEMO, DEMO_PROJECT, expect, test } from './fixtures.ts';
import { RoomEditorPage } from './pages/RoomEditorPage.ts';
import { RoomShellPage } from './pages/roomShell.ts';

const NATIVE_HEADER = 'sku,name,category,width_mm,depth_mm,height_mm,price,currency,colours,style_tags,materials,model_url,product_url,image_url,final_sale';
const DEEP_SOFA = 'BB-SOF-E2E-2400,Vast lounger deep sofa,sofa,2600,2400,850,3100.00,USD,sand,modern,linen,,https://www.brindle-birch.example/products/bb-sof-e2e-2400,,false';

test.describe('Room editor', () => {
  test('a sofa dragged from the catalog into a new 4200 × 3600 mm room, moved, undone, measured on the plan; a 2400 mm-deep sofa is flagged at an 800 mm door', async ({ page, signInPage, homePage, request }, testInfo) => {
    test.setTimeout(240_000);
    // A 2400 mm-deep sofa in the catalog (the admin imports it through the real API).
    await request.post('/api/auth/sign-in', { data: DEMO.admin });
    const imported = await request.post('/api/catalog/imports', { data: { text: `${NATIVE_HEADER}\n${DEEP_SOFA}\n`, retailer: { name: 'Brindle & Birch' }, fileName: 'deep-sofa.csv' } });
    expect(imported.ok(), await imported.text()).toBe(true);

    await signInPage.goto();
    await signInPage.signIn(DEMO.designer);
    await homePage.openProject(DEMO_PROJECT);

    // The room, with the room shell editor: 4200 × 3600 mm, a 900 mm door on wall 1.
    const shell = new RoomShellPage(page);
    await shell.startNewRoom();
    await shell.setName('Reading room');
    await shell.useRectangle(4200, 3600);
    await shell.selectWall(1);
    await shell.addOpening('door');
    expect(await shell.openingField('Width')).toBe('900');
    await shell.setOpening({ offsetMm: 300 });
    await shell.save();
    await page.getByRole('link', { name: `Back to ${DEMO_PROJECT}` }).click();

    const editor = new RoomEditorPage(page);
    await editor.openRoom('Reading room');
    await editor.waitForDrawn(0);

    // Place a sofa by dragging its catalog card into the 3D view.
    await editor.openCatalog();
    await editor.search('Elio low 3-seat sofa');
    const dropAt = await editor.dragCardIntoView(editor.card('Elio low 3-seat sofa'));
    await expect(editor.pieces).toHaveCount(1);
    await expect(editor.pieces.first()).toContainText('Elio low 3-seat sofa');
    await editor.waitForDrawn(1);
    // The new piece is selected: its size shows in the room.
    await expect(page.getByTestId('selection-size')).toHaveText('2.28 m × 98 cm × 88 cm');

    // Move it: press on the sofa in the 3D view and drag it to the right on the floor.
    await editor.dragOnCanvas(dropAt, { x: dropAt.x + 120, y: dropAt.y });
    await editor.setView('Split');
    await expect(editor.planPieces).toHaveCount(1);
    const moved = await editor.placement();

    // Undo takes the whole drag back in one step (the sofa stays, where it was dropped); redo moves it again.
    await editor.leaveFields();
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await editor.placement()).xMm).toBeLessThan(moved.xMm - 300);
    await expect(editor.pieces).toHaveCount(1);
    const dropped = await editor.placement();
    expect(dropped.rotationDeg).toBe(0);
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(() => editor.placement()).toEqual(moved);
    await page.keyboard.press('Control+z');
    await expect.poll(() => editor.placement()).toEqual(dropped);

    // The plan view: the room's wall lengths, and the selected sofa's size and distances to the walls.
    await editor.setView('Plan');
    await expect(editor.roomView).toBeHidden();
    await expect.poll(() => editor.plan.getByTestId('plan-dimensions').locator('text').allTextContents()).toEqual(['4.2 m', '3.6 m', '4.2 m', '3.6 m']);
    await expect(editor.planPieces.first()).toHaveAttribute('aria-pressed', 'true');
    const selection = editor.plan.getByTestId('plan-selection');
    await expect(selection.locator('text').first()).toHaveText('2.28 m');
    await expect(selection.locator('text').nth(1)).toHaveText('98 cm');
    await expect(selection.locator('[data-testid^="plan-wall-distance-"]')).toHaveCount(2);

    // The measure tool: two clicks on the plan give a distance in the person's units.
    await editor.toolbar.getByRole('button', { name: 'Measure a distance' }).click();
    const planBox = (await editor.plan.boundingBox())!;
    await page.mouse.click(planBox.x + planBox.width * 0.3, planBox.y + planBox.height * 0.5);
    await page.mouse.click(planBox.x + planBox.width * 0.6, planBox.y + planBox.height * 0.5);
    await expect(page.getByTestId('measure-result')).toHaveText(/^Distance: \d/);
    await editor.leaveFields();
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('measure-result')).toBeHidden();

    // A screenshot that shows the room: 3D and plan side by side (the catalog closed for room).
    await page.getByRole('button', { name: 'Close catalog' }).click();
    await editor.setView('Split');
    await editor.waitForDrawn(1);
    const folder = path.resolve(process.env.ATELIER_E2E_OUTPUT ?? testInfo.outputDir);
    await mkdir(folder, { recursive: true });
    const shot = await page.locator('.project__body').screenshot({ path: path.join(folder, 'room-editor.png') });
    await testInfo.attach('room-editor', { body: shot, contentType: 'image/png' });

    // The door narrowed to 800 mm; the 2400 mm-deep sofa is flagged as not fitting through it.
    await shell.editShownRoom();
    await shell.opening('door 1 · wall 1').click();
    await shell.setOpening({ widthMm: 800 });
    await shell.save();
    await page.getByRole('link', { name: `Back to ${DEMO_PROJECT}` }).click();
    await editor.openRoom('Reading room');
    await editor.openCatalog();
    await editor.search('Vast lounger deep sofa');
    const card = editor.card('Vast lounger deep sofa');
    const cardItem = page.getByTestId('catalog-results').getByRole('listitem').filter({ has: card });
    // Before buying: the catalog says so beside the card…
    await expect(cardItem.getByTestId('doorway-fit')).toHaveText('May not fit through the door');
    await cardItem.getByRole('button', { name: 'Add Vast lounger deep sofa to the room' }).click();
    await expect(editor.pieces).toHaveCount(2);
    // …the piece list says so on its line, and the warnings list names the door.
    const line = editor.pieces.filter({ hasText: 'Vast lounger deep sofa' });
    await expect(line.getByTestId('doorway-fit')).toHaveText('May not fit through the door');
    const doorway = editor.warnings.locator('[data-kind="doorway-fit"]').filter({ hasText: 'Vast lounger deep sofa' });
    await expect(doorway).toHaveCount(1);
    await expect(doorway).toContainText('Vast lounger deep sofa may not fit through door 1 (80 cm × 2.05 m)');
    // In place too: the deep sofa is outlined (amber) on the plan.
    await editor.setView('Plan');
    await expect(editor.plan.getByRole('button', { name: 'Vast lounger deep sofa' })).toHaveClass(/plan-piece--(warning|error)/);
  });

  test('the customer selects a piece and sees its size, the warnings and doorway fit, but cannot move or delete it', async ({ page, signInPage, homePage }) => {
    test.setTimeout(120_000);
    await signInPage.goto();
    await signInPage.signIn(DEMO.customer);
    await homePage.openProject(DEMO_PROJECT);
    const editor = new RoomEditorPage(page);
    await expect(editor.pieces.first()).toBeVisible();
    const count = await editor.pieces.count();
    expect(count).toBeGreaterThan(5);
    await expect(editor.pieces.getByTestId('doorway-fit').first()).toBeVisible();
    await expect(editor.warnings).toBeVisible();

    await editor.setView('Plan');
    const first = editor.pieces.first();
    await first.getByRole('button').first().click();
    await expect(first).toHaveAttribute('aria-current', 'true');
    await expect(editor.plan.getByTestId('plan-selection')).toBeVisible();
    await expect(editor.toolbar.getByRole('button', { name: 'Delete piece' })).toBeDisabled();
    await editor.leaveFields();
    await page.keyboard.press('Delete');
    await expect(editor.pieces).toHaveCount(count);
  });
});
