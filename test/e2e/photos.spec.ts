/**
 * [Intake]/[Room] Photos by the shot list, end to end: the customer uploads photos for the shot
 * list; a file that is not an image gets a clear error; the designer asks for one more photo with
 * an example and pins a photo beside the room; the customer sees the request as a task on her
 * home, fulfils it; each step is listed with who did it and when.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { DEMO, DEMO_PROJECT, expect, test } from './fixtures.ts';
import { PhotosPage } from './pages/PhotosPage.ts';
import { SignInPage } from './pages/SignInPage.ts';
import { HomePage } from './pages/HomePage.ts';
import { HTML_PRETENDING, solidPng } from '../fixtures/images.ts';

const png = (name: string, rgb: readonly [number, number, number]) => ({ name, mimeType: 'image/png', buffer: solidPng(640, 480, rgb) });

async function snap(page: Page, name: string): Promise<void> {
  if (!process.env.ATELIER_SCREENSHOT_DIR) return;
  await mkdir(process.env.ATELIER_SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(process.env.ATELIER_SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

async function signedIn(browser: Browser, baseURL: string, who: { email: string; password: string }): Promise<Page> {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  const signIn = new SignInPage(page);
  await signIn.goto();
  await signIn.signIn(who);
  await new HomePage(page).project(DEMO_PROJECT).waitFor();
  return page;
}

test('a customer photographs the room by the shot list; the designer asks for one more; she answers the task', async ({ browser, baseURL }) => {
  test.setTimeout(90_000);
  const maya = await signedIn(browser, baseURL!, DEMO.customer);
  await new HomePage(maya).openProject(DEMO_PROJECT);
  const photos = new PhotosPage(maya);
  await photos.openFromProject();
  const total = Number((await photos.progress.textContent())?.match(/of (\d+)/)?.[1]);
  expect(total).toBeGreaterThanOrEqual(8);
  await expect(photos.progress).toHaveText(`0 of ${total}`);

  await photos.addPhoto('Corner 1', png('corner-1.png', [190, 140, 100]));
  await expect(photos.progress).toHaveText(`1 of ${total}`);
  await photos.addPhoto('Corner 2', png('corner-2.png', [90, 140, 190]));
  await expect(photos.progress).toHaveText(`2 of ${total}`);
  await expect(photos.shot('Corner 1').getByRole('button', { name: /Open photo/ })).toHaveCount(1);
  // The thumbnail came from the browser's canvas, not the original.
  const thumb = await maya.request.get((await photos.shot('Corner 1').locator('img').getAttribute('src'))!);
  expect(thumb.headers()['content-type']).toMatch(/^image\/(webp|jpeg)$/);

  // A web page renamed to .jpg is refused with a sentence that says what it is.
  await photos.dropAnywhere({ name: 'holiday.jpg', mimeType: 'image/jpeg', buffer: HTML_PRETENDING });
  await expect(photos.problems).toContainText('holiday.jpg: An HTML document is not an image: send JPEG, PNG or WebP');
  await expect(photos.progress).toHaveText(`2 of ${total}`);

  // A feature of her own joins the list.
  await maya.getByLabel('Add a feature to photograph').fill('Radiator');
  await maya.getByRole('button', { name: 'Add to the list' }).click();
  await expect(photos.progress).toHaveText(`2 of ${total + 1}`);

  // The viewer: arrows step, Escape closes.
  await photos.shot('Corner 1').getByRole('button', { name: /Open photo/ }).click();
  await expect(photos.viewer).toBeVisible();
  await expect(photos.viewer).toContainText('1 of 2');
  await maya.keyboard.press('ArrowRight');
  await expect(photos.viewer).toContainText('2 of 2');
  await expect(photos.viewer.getByRole('img')).toHaveAttribute('alt', /Corner 2/);
  await maya.keyboard.press('Escape');
  await expect(photos.viewer).toBeHidden();
  await snap(maya, 'photos-customer');

  // The designer asks for one more photo, with an example, and pins a photo beside the room.
  const camille = await signedIn(browser, baseURL!, DEMO.designer);
  await new HomePage(camille).openProject(DEMO_PROJECT);
  const designerPhotos = new PhotosPage(camille);
  await designerPhotos.openFromProject();
  await expect(designerPhotos.progress).toHaveText(`2 of ${total + 1}`);
  await camille.getByLabel('Ask for one more photo').fill('The radiator under the window, from the side');
  await camille.locator('.request-form input[type=file]').setInputFiles(png('example.png', [40, 40, 40]));
  await expect(camille.getByText('Example: example.png')).toBeVisible();
  await camille.getByRole('button', { name: 'Send request' }).click();
  await expect(camille.getByTestId('photo-request')).toContainText('Waiting for the customer');
  await designerPhotos.shot('Corner 2').getByRole('button', { name: /Open photo/ }).click();
  await designerPhotos.viewer.getByRole('button', { name: 'Pin beside the 3D view' }).click();
  await expect(designerPhotos.viewer.getByRole('button', { name: 'Unpin' })).toBeVisible();
  await camille.keyboard.press('Escape');
  await snap(camille, 'photos-designer');
  await camille.getByRole('link', { name: 'Back to the project' }).click();
  const reference = camille.getByRole('region', { name: 'Reference photo' });
  await expect(reference.getByRole('img')).toBeVisible();
  await expect(reference).toContainText(`Room photos (2 of ${total + 2})`);

  // Maya sees the request as a task on her home and answers it.
  await maya.goto('/#/');
  const task = maya.getByTestId('photo-task');
  await expect(task).toContainText('Camille Laurent asked for one more photo');
  await expect(task).toContainText('The radiator under the window, from the side');
  await snap(maya, 'home-photo-task');
  await task.getByRole('link', { name: 'Add the photo' }).click();
  await expect(photos.heading).toBeVisible();
  const request = maya.getByTestId('photo-request');
  await expect(request.getByRole('img', { name: /Example of the photo wanted/ })).toBeVisible();
  await maya.getByLabel('Add the photo asked for: The radiator under the window, from the side').setInputFiles(png('radiator.png', [230, 230, 230]));
  await expect(maya.getByTestId('photo-request')).toHaveCount(0);
  await expect(maya.getByText('Maya Okafor sent this photo')).toBeVisible();
  await expect(photos.progress).toHaveText(`3 of ${total + 2}`);
  await maya.goto('/#/');
  await new HomePage(maya).project(DEMO_PROJECT).waitFor();
  await expect(maya.getByTestId('photo-task')).toHaveCount(0);

  // Each step, with who did it and when.
  await camille.reload();
  await designerPhotos.openFromProject();
  const steps = designerPhotos.activity.getByRole('listitem');
  await expect(steps).toHaveCount(4);
  await expect(steps.nth(0)).toContainText('Maya Okafor sent the photo asked for: The radiator under the window, from the side');
  await expect(steps.nth(1)).toContainText('Camille Laurent asked for one more photo: The radiator under the window, from the side');
  await expect(steps.nth(2)).toContainText('Maya Okafor added a photo: Corner 2');
  await expect(steps.nth(3)).toContainText('Maya Okafor added a photo: Corner 1');
  for (const time of await designerPhotos.activity.locator('time').all()) expect(Number.isNaN(Date.parse((await time.getAttribute('datetime'))!))).toBe(false);
  await expect(designerPhotos.activity.locator('time').first()).toHaveText(/\d{4}/);
  await snap(camille, 'photos-activity');
  // Camille was told the photo arrived.
  await camille.getByRole('button', { name: /^Notifications/ }).click();
  await expect(camille.getByText('Maya sent the photo you asked for')).toBeVisible();
});
