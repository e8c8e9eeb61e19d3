import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { DEMO, DEMO_PROJECT, expect, test } from './fixtures.ts';

test.describe('Foundation', () => {
  test('the demo designer signs in, opens the demo project and sees the room drawn in 3D', async ({ page, signInPage, homePage, projectPage }, testInfo) => {
    await signInPage.goto();
    await signInPage.signIn(DEMO.designer);

    await expect(homePage.heading).toHaveText('Projects you design');
    await homePage.openProject(DEMO_PROJECT);

    await expect(projectPage.heading).toHaveText(DEMO_PROJECT);
    await expect(projectPage.pieces.first()).toBeVisible();
    const pieceCount = await projectPage.pieces.count();
    expect(pieceCount).toBeGreaterThanOrEqual(10);
    await expect(projectPage.total).toHaveText(/\$\d/);

    const drawn = await projectPage.waitForScene();
    expect(drawn).toBe(pieceCount);
    const pixels = await projectPage.canvasPixels();
    // A blank or single-colour canvas fails both: the room and its furniture fill much of the view.
    expect(pixels.nonBackground / (pixels.width * pixels.height)).toBeGreaterThan(0.2);
    expect(pixels.distinctColours).toBeGreaterThan(60);

    const screenshot = await page.screenshot();
    await testInfo.attach('designer-project', { body: screenshot, contentType: 'image/png' });
    if (process.env.ATELIER_SCREENSHOT_DIR) {
      await mkdir(process.env.ATELIER_SCREENSHOT_DIR, { recursive: true });
      await page.screenshot({ path: path.join(process.env.ATELIER_SCREENSHOT_DIR, 'atelier-designer-project.png') });
    }
  });

  test('each role’s home shows what that role works on', async ({ page, signInPage, homePage, shell }) => {
    const expectations = [
      { who: DEMO.customer, heading: 'Your projects', sees: [DEMO_PROJECT] },
      { who: DEMO.support, heading: 'All projects', sees: [DEMO_PROJECT, "Jonas's study"] },
      { who: DEMO.admin, heading: 'People', sees: [DEMO_PROJECT] },
    ];
    await signInPage.goto();
    for (const { who, heading, sees } of expectations) {
      await signInPage.signIn(who);
      await expect(homePage.heading).toHaveText(heading);
      for (const name of sees) await expect(homePage.project(name)).toBeVisible();
      if (who === DEMO.admin) await expect(page.getByRole('cell', { name: DEMO.designer.email })).toBeVisible();
      await shell.signOut();
      await expect(signInPage.heading).toBeVisible();
    }
  });

  test('a wrong password is refused with a clear message', async ({ signInPage }) => {
    await signInPage.goto();
    await signInPage.signIn({ email: DEMO.designer.email, password: 'not-the-password' });
    await expect(signInPage.error).toContainText('don’t match an account');
    await expect(signInPage.heading).toBeVisible();
  });

  test('the theme switches to dark from the settings menu and stays after a reload', async ({ page, signInPage, homePage, shell }) => {
    await signInPage.goto();
    await signInPage.signIn(DEMO.customer);
    await expect(homePage.heading).toHaveText('Your projects');
    await shell.chooseTheme('Light');
    await expect.poll(() => shell.scheme()).toBe('light');
    const lightBackground = await shell.backgroundColour();

    await shell.chooseTheme('Dark');
    await expect.poll(() => shell.scheme()).toBe('dark');
    expect(await shell.backgroundColour()).not.toBe(lightBackground);

    // The choice is saved with the person's preferences, not just in this page.
    await page.reload();
    await expect(homePage.heading).toHaveText('Your projects');
    await expect.poll(() => shell.scheme()).toBe('dark');
    await shell.chooseTheme('Light');
    await expect.poll(() => shell.scheme()).toBe('light');
  });
});
