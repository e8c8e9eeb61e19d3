import type { Page } from '@playwright/test';
import { DEMO, DEMO_PROJECT, expect, test } from './fixtures.ts';

const frames = (page: Page) => page.evaluate(() => Number(document.querySelector<HTMLCanvasElement>('[data-testid="room-view"] canvas')?.dataset.frames ?? '0'));

test.describe('Room view', () => {
  test('the demo room draws its glTF models, the camera presets move the view, and an idle view draws nothing', async ({ page, signInPage, homePage, projectPage }) => {
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'warning' && /Furniture model/.test(message.text())) problems.push(message.text());
    });
    await signInPage.goto();
    await signInPage.signIn(DEMO.designer);
    await homePage.openProject(DEMO_PROJECT);
    await projectPage.waitForScene();
    // Every model the demo's products name loads (a failure would fall back to the procedural piece, and warn).
    await expect(projectPage.canvas).toHaveAttribute('data-models-pending', '0');
    expect(problems).toEqual([]);

    const presets = page.getByRole('toolbar', { name: 'Camera views' });
    await expect(presets.getByRole('button')).toHaveCount(6);
    const eye = presets.getByRole('button', { name: /^Eye level/ });
    const before = await projectPage.canvasPixels();
    const framesBefore = await frames(page);
    await eye.click();
    await expect(eye).toHaveAttribute('aria-pressed', 'true');
    await expect.poll(() => frames(page)).toBeGreaterThan(framesBefore);
    await page.waitForTimeout(700);
    const inside = await projectPage.canvasPixels();
    expect(inside.distinctColours).toBeGreaterThan(40);
    expect(inside).not.toEqual(before);

    // Settled: no frames while nothing changes.
    const settled = await frames(page);
    await page.waitForTimeout(1500);
    expect(await frames(page)).toBe(settled);

    const corner = presets.getByRole('button', { name: 'Back-left corner' });
    await corner.click();
    await expect(corner).toHaveAttribute('aria-pressed', 'true');
    await expect(eye).toHaveAttribute('aria-pressed', 'false');
    await page.getByRole('button', { name: 'Reset view' }).click();
    await page.waitForTimeout(700);
    const reset = await projectPage.canvasPixels();
    expect(reset.nonBackground / (reset.width * reset.height)).toBeGreaterThan(0.2);
  });
});
