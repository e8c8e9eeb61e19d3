/**
 * [Intake] Their data is theirs, end to end: a customer chooses how each kind of news reaches
 * them and sets quiet hours; downloads everything as a zip (records and photos); deletes a
 * project and then the account after typing what is deleted, and can no longer sign in.
 */
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { expect, test } from './fixtures.ts';
import { HomePage } from './pages/HomePage.ts';
import { PhotosPage } from './pages/PhotosPage.ts';
import { solidPng } from '../fixtures/images.ts';

const JONAS = { email: 'jonas@atelier.test', password: 'atelier-demo-jonas' };
const PROJECT = "Jonas's study";

async function snap(page: Page, name: string): Promise<void> {
  if (!process.env.ATELIER_SCREENSHOT_DIR) return;
  await mkdir(process.env.ATELIER_SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(process.env.ATELIER_SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

test('a customer sets how they are told, exports everything, deletes a project and the account', async ({ page, signInPage }, testInfo) => {
  test.setTimeout(90_000);
  await signInPage.goto();
  await signInPage.signIn(JONAS);
  const home = new HomePage(page);
  await home.project(PROJECT).waitFor();

  // A photo of the study, so the export has one.
  await home.openProject(PROJECT);
  const photos = new PhotosPage(page);
  await photos.openFromProject();
  await photos.addPhoto('Corner 1', { name: 'study-corner.png', mimeType: 'image/png', buffer: solidPng(320, 240, [120, 160, 90]) });
  await expect(photos.progress).toHaveText(/^1 of /);

  // Notification settings: refunds never, comments in the app only, quiet hours at night.
  await page.getByRole('link', { name: 'Account' }).click();
  await expect(page.getByRole('heading', { name: 'Account', level: 1 })).toBeVisible();
  await page.getByRole('radiogroup', { name: 'Refunds' }).getByRole('radio', { name: 'Don’t tell me' }).click();
  await page.getByRole('radiogroup', { name: 'Comments' }).getByRole('radio', { name: 'In the app' }).click();
  await page.getByLabel('Hold desktop alerts during quiet hours').check();
  await page.getByLabel('From').fill('21:30');
  await page.getByLabel('Until').fill('07:15');
  await page.getByLabel('Time zone').fill('Europe/Oslo');
  await page.getByRole('button', { name: 'Save notification settings' }).click();
  await expect(page.getByText('Notification settings saved.')).toBeVisible();
  await page.reload();
  await expect(page.getByRole('radiogroup', { name: 'Refunds' }).getByRole('radio', { name: 'Don’t tell me' })).toHaveAttribute('aria-checked', 'true');
  await expect(page.getByLabel('From')).toHaveValue('21:30');
  await snap(page, 'account');

  // Export: a zip of JSON records and the photo.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download my data' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^atelier-export-\d{4}-\d{2}-\d{2}\.zip$/);
  const file = testInfo.outputPath('export.zip');
  await download.saveAs(file);
  const entries = unzipSync(new Uint8Array(await readFile(file)));
  const json = (name: string) => JSON.parse(strFromU8(entries[name]!)) as Record<string, unknown> & Record<string, unknown>[];
  expect((json('profile.json') as { email?: string }).email).toBe(JONAS.email);
  expect((json('profile.json') as { notificationSettings?: { channels: { refund: string } } }).notificationSettings?.channels.refund).toBe('none');
  expect((json('records/projects.json') as unknown as { name: string }[]).map((p) => p.name)).toEqual([PROJECT]);
  const files = json('files.json') as unknown as { path: string; name: string }[];
  expect(files.map((f) => f.name)).toEqual(['study-corner.png']);
  expect(entries[files[0]!.path]!.length).toBeGreaterThan(0);

  // Delete the project: the button stays off until the name is typed.
  await page.getByRole('button', { name: `Delete “${PROJECT}”…` }).click();
  const confirmProject = page.getByRole('button', { name: 'Delete for good' });
  await expect(confirmProject).toBeDisabled();
  await page.getByLabel(`Type the project’s name, ${PROJECT}, to confirm`).fill(PROJECT);
  await confirmProject.click();
  await expect(page.getByRole('button', { name: `Delete “${PROJECT}”…` })).toHaveCount(0);

  // Delete the account: typed e-mail, then signed out and unable to sign in again.
  await page.getByRole('button', { name: 'Delete my account…' }).click();
  await page.getByLabel(`Type your e-mail address, ${JONAS.email}, to confirm`).fill(JONAS.email);
  await snap(page, 'account-delete');
  await page.getByRole('button', { name: 'Delete for good' }).click();
  await expect(signInPage.heading).toBeVisible();
  await signInPage.signIn(JONAS);
  await expect(signInPage.error).toContainText('don’t match an account');
});
