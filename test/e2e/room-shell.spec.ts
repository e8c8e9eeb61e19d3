/**
 * [Room] The room shell editor end to end: the demo designer builds a 4200 × 3600 mm room with a
 * 900 mm door, saves it, reopens it and sees it; a door wider than its wall is refused with the
 * message, in the editor and by the server; an L drawn corner by corner; a save that lost a race
 * shows the conflict. Screenshots (plan and 3D) go to ATELIER_E2E_OUTPUT or the test's folder.
 */
import type { Page } from '@playwright/test';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { DEMO, DEMO_PROJECT, expect, test } from './fixtures.ts';
import type { HomePage } from './pages/HomePage.ts';
import { RoomShellPage } from './pages/roomShell.ts';
import type { SignInPage } from './pages/SignInPage.ts';

/** Signs in as the demo designer and opens the demo project. */
async function asDesignerOnDemoProject(page: Page, signInPage: SignInPage, homePage: HomePage): Promise<RoomShellPage> {
  await signInPage.goto();
  await signInPage.signIn(DEMO.designer);
  await homePage.openProject(DEMO_PROJECT);
  return new RoomShellPage(page);
}

test.describe('Room shell', () => {
  test('the designer builds a 4200 × 3600 mm room with a 900 mm door, saves, reopens and sees it', async ({ page, signInPage, homePage, request }, testInfo) => {
    const shell = await asDesignerOnDemoProject(page, signInPage, homePage);
    await shell.startNewRoom();
    await expect(shell.saveButton).toBeDisabled();
    await expect(shell.name).toHaveAttribute('aria-invalid', 'true');

    await shell.setName('Guest bedroom');
    await shell.useRectangle(4200, 3600);
    await expect.poll(() => shell.dimensionLabels()).toEqual(['4.2 m', '3.6 m', '4.2 m', '3.6 m']);
    await shell.selectWall(1);
    await shell.addOpening('door');
    await expect(shell.opening('door 1 · wall 1')).toBeVisible();
    expect(await shell.openingField('Width')).toBe('900');
    await shell.setOpening({ offsetMm: 600 });
    // Sliding the door along its wall in the plan moves it in the form, on the 10 mm grid.
    await shell.dragOpening('door-1', 60);
    await expect.poll(async () => Number(await shell.openingField('From the wall’s start'))).toBeGreaterThan(900);

    await shell.save();
    const roomId = shell.roomId();
    const stored = await (async () => {
      await request.post('/api/auth/sign-in', { data: DEMO.designer });
      return (await (await request.get(`/api/rooms/${roomId}`)).json()).room;
    })();
    expect(stored.name).toBe('Guest bedroom');
    expect(stored.outline).toEqual([{ x: 0, y: 0 }, { x: 4200, y: 0 }, { x: 4200, y: 3600 }, { x: 0, y: 3600 }]);
    const offset = stored.openings[0]?.offsetMm as number;
    expect(offset).toBeGreaterThan(900);
    expect(offset % 10).toBe(0);
    expect(stored.openings).toEqual([{ id: 'door-1', kind: 'door', wallIndex: 0, offsetMm: offset, widthMm: 900, heightMm: 2050, sillHeightMm: 0, swing: 'left' }]);

    // Reopen: a fresh load of the editor shows the saved room.
    await page.reload();
    await expect(shell.heading).toHaveText('Room shell: Guest bedroom');
    await expect(shell.name).toHaveValue('Guest bedroom');
    await expect.poll(() => shell.dimensionLabels()).toEqual(['4.2 m', '3.6 m', '4.2 m', '3.6 m']);
    await shell.opening('door 1 · wall 1').click();
    await expect(shell.openingInput('From the wall’s start')).toHaveValue(String(offset));
    await expect(shell.openingInput('Width')).toHaveValue('900');
    await expect(shell.plan.locator('[data-opening-id="door-1"] .plan__door-arc')).toHaveCount(1);
    await expect(shell.status).toHaveText('All changes saved');

    // The project page lists it, with its first (empty) option.
    await page.getByRole('link', { name: `Back to ${DEMO_PROJECT}` }).click();
    await expect(page.getByRole('button', { name: /^Guest bedroom/ })).toBeVisible();

    const folder = path.resolve(process.env.ATELIER_E2E_OUTPUT ?? testInfo.outputDir);
    await mkdir(folder, { recursive: true });
    await page.goto(`/#/projects/${stored.projectId}/rooms/${roomId}/edit`);
    await expect.poll(() => shell.dimensionLabels()).toHaveLength(4);
    await shell.opening('door 1 · wall 1').click();
    await page.screenshot({ path: path.join(folder, 'room-shell.png') });

    // The same room in the 3D preview: a drawn frame, not a blank canvas.
    await page.getByRole('radio', { name: '3D' }).click();
    const canvas = page.getByTestId('room-shell-preview').locator('canvas');
    await expect(canvas).toBeVisible();
    await expect(canvas).toHaveAttribute('data-drawn-pieces', '0');
    await page.screenshot({ path: path.join(folder, 'room-shell-3d.png') });
  });

  test('a door wider than its wall is refused with the message, and leaving with changes asks first', async ({ page, signInPage, homePage, request }, testInfo) => {
    const shell = await asDesignerOnDemoProject(page, signInPage, homePage);
    await shell.startNewRoom();
    await shell.setName('Box room');
    await shell.useRectangle(800, 3000);
    await shell.selectWall(1);
    await shell.addOpening('door');
    await expect(shell.openingProblems).toHaveText(['wall 1 (800 mm) is shorter than door 1 on it (900 mm wide)']);
    await expect(shell.saveButton).toBeDisabled();
    await expect(shell.status).toHaveText('1 problem to fix before saving');
    await expect(shell.wall(1).locator('xpath=..')).toHaveClass(/plan__wall--fault/);
    await expect(shell.wallFault(1)).toHaveAttribute('aria-label', 'wall 1 (800 mm) is shorter than door 1 on it (900 mm wide)');
    const folder = path.resolve(process.env.ATELIER_E2E_OUTPUT ?? testInfo.outputDir);
    await mkdir(folder, { recursive: true });
    await page.screenshot({ path: path.join(folder, 'room-shell-refused.png') });

    await shell.setOpening({ widthMm: 700, offsetMm: 50 });
    await expect(shell.openingProblems).toHaveCount(0);
    await expect(shell.wallFault(1)).toHaveCount(0);
    // By keyboard: the focused door slides along its wall, and stops at its end.
    await shell.plan.locator('[data-opening-id="door-1"] .plan__opening-hit').focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect(shell.openingInput('From the wall’s start')).toHaveValue('70');
    await page.keyboard.press('Shift+ArrowRight');
    await expect(shell.openingInput('From the wall’s start')).toHaveValue('100');
    await expect(shell.saveButton).toBeEnabled();

    // Leaving with unsaved changes asks; staying keeps the draft.
    page.once('dialog', (dialog) => void dialog.dismiss());
    await page.getByRole('link', { name: `Back to ${DEMO_PROJECT}` }).click();
    await expect(shell.heading).toHaveText('New room');
    await expect(shell.name).toHaveValue('Box room');

    // The server refuses the same mistake with the same words, whatever the client.
    await request.post('/api/auth/sign-in', { data: DEMO.designer });
    const projectId = /#\/projects\/([^/]+)/.exec(page.url())![1]!;
    const refused = await request.post(`/api/projects/${projectId}/rooms`, {
      data: {
        name: 'Box room',
        shape: {
          outline: [{ x: 0, y: 0 }, { x: 800, y: 0 }, { x: 800, y: 3000 }, { x: 0, y: 3000 }],
          ceilingHeightMm: 2500,
          wallThicknessMm: 100,
          openings: [{ id: 'door-1', kind: 'door', wallIndex: 0, offsetMm: 0, widthMm: 900, heightMm: 2050, sillHeightMm: 0 }],
          floor: { colour: '#c8a27a', material: 'wood' },
          walls: { colour: '#f1ece4', material: 'paint' },
        },
      },
    });
    expect(refused.status()).toBe(400);
    expect((await refused.json()).error.message).toContain('wall 1 (800 mm) is shorter than door 1 on it (900 mm wide)');
  });

  test('an L-shaped outline drawn corner by corner, then a corner dragged, saves as drawn', async ({ page, signInPage, homePage, request }) => {
    const shell = await asDesignerOnDemoProject(page, signInPage, homePage);
    await shell.startNewRoom();
    await shell.setName('Drawn den');
    // Slightly off-grid and off-square clicks land on the 10 mm grid at right angles.
    await shell.drawOutline([
      { x: 0, y: 0 },
      { x: 5003, y: 40 },
      { x: 5000, y: 2500 },
      { x: 3000, y: 2530 },
      { x: 3010, y: 4000 },
      { x: 0, y: 4000 },
    ]);
    await expect.poll(() => shell.dimensionLabels()).toEqual(['5 m', '2.5 m', '2 m', '1.5 m', '3 m', '4 m']);
    await shell.dragCorner(3, { x: 5600, y: 2500 });
    await expect.poll(() => shell.dimensionLabels()).toEqual(['5 m', '2.57 m', '2.6 m', '1.5 m', '3 m', '4 m']);
    // Dropped a little off, the corner lines up with its neighbour (5600 mm across).
    await shell.dragCorner(2, { x: 5630, y: 15 });
    await expect.poll(() => shell.dimensionLabels()).toEqual(['5.6 m', '2.5 m', '2.6 m', '1.5 m', '3 m', '4 m']);
    await shell.save();
    await request.post('/api/auth/sign-in', { data: DEMO.designer });
    const room = (await (await request.get(`/api/rooms/${shell.roomId()}`)).json()).room;
    expect(room.outline).toEqual([{ x: 0, y: 0 }, { x: 5600, y: 0 }, { x: 5600, y: 2500 }, { x: 3000, y: 2500 }, { x: 3000, y: 4000 }, { x: 0, y: 4000 }]);

    // Nobody has furnished it yet, so it can be deleted (with its empty option).
    await shell.deleteRoom();
    await expect(page.getByRole('button', { name: /^Living room/ })).toBeVisible();
    await expect(page.getByRole('button', { name: /^Drawn den/ })).toHaveCount(0);
    expect((await request.get(`/api/rooms/${room.id}`)).status()).toBe(404);
  });

  test('saving over someone else’s change shows the conflict; loading theirs replaces the draft', async ({ page, signInPage, homePage, request }) => {
    const shell = await asDesignerOnDemoProject(page, signInPage, homePage);
    await shell.editShownRoom();
    const roomId = shell.roomId();
    await expect(shell.status).toHaveText('All changes saved');
    await shell.ceilingHeight.fill('2700');
    await expect(shell.status).toHaveText('Unsaved changes');

    // Meanwhile another session renames the room.
    await request.post('/api/auth/sign-in', { data: DEMO.designer });
    const current = (await (await request.get(`/api/rooms/${roomId}`)).json()).room;
    const renamed = await request.put(`/api/rooms/${roomId}`, { data: { expectedUpdatedAt: current.updatedAt, name: 'Living room (measured)' } });
    expect(renamed.status()).toBe(200);

    await shell.saveButton.click();
    await expect(page.getByRole('alert').filter({ hasText: 'Someone else saved this room while you were editing it.' })).toBeVisible();
    await page.getByRole('button', { name: 'Load their version' }).click();
    await expect(shell.name).toHaveValue('Living room (measured)');
    await expect(shell.ceilingHeight).toHaveValue(String(current.ceilingHeightMm));
    await expect(shell.status).toHaveText('All changes saved');
  });
});
