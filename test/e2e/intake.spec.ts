/**
 * [Intake] in the app: a new customer (added with the `atelier` CLI against the running demo
 * server's store) starts a project — rooms and what they are for, a piece they keep, budget, date,
 * address — and answers the style profile; the project page shows what waits on them and the
 * timeline with names and dates; the designer takes the project from the unassigned list, moves it
 * on with a note and reads the style summary; the customer sees the designer's step; a second
 * project asks only for what is new.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Page } from '@playwright/test';
import { solidPng } from '../fixtures/images.ts';
import { DEMO, expect, test } from './fixtures.ts';
import { IntakePage, TrackerPanel } from './pages/IntakePage.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const run = promisify(execFile);
const IRIS = { email: 'iris@atelier.test', password: 'atelier-e2e-iris', name: 'Iris Quinn' };
const FLAT = "Iris's flat";

function nodeBinary(): string {
  const pinned = path.join(ROOT, 'node_modules', 'node', 'bin', 'node');
  return existsSync(pinned) ? pinned : process.execPath;
}

async function addCustomer(dataDir: string): Promise<void> {
  const child = run(nodeBinary(), [path.join(ROOT, 'bin', 'atelier.mjs'), 'users', 'add', '--email', IRIS.email, '--name', IRIS.name, '--role', 'customer', '--data', dataDir, '--json'], { cwd: ROOT });
  child.child.stdin?.end(IRIS.password);
  await child;
}

async function snap(page: Page, name: string): Promise<void> {
  if (!process.env.ATELIER_SCREENSHOT_DIR) return;
  await mkdir(process.env.ATELIER_SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(process.env.ATELIER_SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

/** A calendar day as the app shows it (en-US, medium): "Dec 3, 2026". */
const DAY = /[A-Z][a-z]{2} \d{1,2}, \d{4}/;

test('a new customer starts a project and a style profile; the designer takes it on; a second project asks only for what is new', async ({ page, signInPage, shell, studio }) => {
  test.setTimeout(120_000);
  await addCustomer(studio.dataDir);
  const intake = new IntakePage(page);
  const tracker = new TrackerPanel(page);

  // ── The customer's first project ───────────────────────────────────────────────────────
  await signInPage.goto();
  await signInPage.signIn(IRIS);
  await expect(page.getByText('No projects yet. Start one — it takes a few minutes.')).toBeVisible();
  await page.getByRole('link', { name: 'Start a new project' }).click();
  await expect(intake.heading).toHaveText('Start a project');
  await expect(intake.steps.getByRole('listitem')).toHaveText(['Rooms', 'Your pieces', 'Budget and date', 'Your style', 'Review', 'Photos']);

  await intake.next.click();
  await expect(page.getByText('This is needed.').first()).toBeVisible();
  await page.getByLabel('Project name').fill(FLAT);
  await intake.describeRoom(1, { name: 'Living room', kind: 'Living room', purpose: 'Reading and friends over' });
  await page.getByRole('button', { name: 'Add a room' }).click();
  await intake.describeRoom(2, { name: 'Study', kind: 'Study', purpose: 'Working from home' });
  await intake.next.click();

  await intake.addNewPiece('Living room', { name: 'Grandma’s armchair', category: 'armchair', width: '80', depth: '82', height: '95' });
  await page.getByLabel('Add a photo of Grandma’s armchair').setInputFiles({ name: 'armchair.png', mimeType: 'image/png', buffer: solidPng(320, 240, [150, 110, 80]) });
  await expect(page.getByRole('img', { name: 'Your Grandma’s armchair' })).toBeVisible();
  await intake.next.click();

  await expect(page.getByLabel('Budget (USD)')).toBeVisible();
  await page.getByLabel('Budget (USD)').fill('6,000');
  await page.getByLabel('When would you like it done?').fill('2099-06-30');
  await page.getByLabel('Address (for deliveries)').fill('12 Elm Row, Edinburgh');
  await intake.next.click();

  await intake.answerCard('Scandinavian calm', 'Like');
  await intake.answerCard('Quiet Japandi', 'Like');
  await intake.answerCard('Industrial loft', 'Pass');
  await page.getByRole('radiogroup', { name: 'Warm or cool' }).getByRole('radio', { name: 'Warm' }).click();
  await page.getByRole('radiogroup', { name: 'Light or dark' }).getByRole('radio', { name: 'Light' }).click();
  await page.getByLabel('oak', { exact: true }).check();
  await expect(page.getByText('3 of 12 answered.')).toBeVisible();
  await snap(page, 'intake-style');
  await intake.next.click();

  await expect(page.getByText('Living room (Living room) — Reading and friends over · 1 piece you keep')).toBeVisible();
  await expect(page.getByText('3 cards answered')).toBeVisible();
  await intake.start.click();

  // Started: the photo step follows, room by room by the shot list ([Files] draws it).
  await expect(page.getByRole('heading', { name: 'Photos of your rooms' })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Living room' })).toBeVisible();
  await page.getByRole('button', { name: `Go to ${FLAT}` }).click();

  // The project page: what waits on her, and the story so far with names and dates.
  await expect(page.getByRole('heading', { name: FLAT, level: 1 })).toBeVisible();
  await expect(tracker.next).toContainText('Waiting on you: Add photos of your room, following the shot list.');
  await expect(page.getByText('Grandma’s armchair').first()).toBeVisible();
  await tracker.open();
  await expect(tracker.event('Iris Quinn started “Iris\'s flat”: two rooms, a budget of $6,000.00.')).toBeVisible();
  await expect(tracker.event(/^.*Iris finished the intake\. Next: design work to begin, expected by \w+day \d+ \w+\./)).toBeVisible();
  await expect(tracker.timeline.locator('time').first()).toHaveText(DAY);
  await expect(page.getByRole('list', { name: 'Stages' }).getByRole('listitem').filter({ hasText: 'Designing' })).toContainText(new RegExp(`Expected ${DAY.source}`));
  await snap(page, 'intake-project');
  await shell.signOut();

  // ── The designer takes it on ───────────────────────────────────────────────────────────
  await signInPage.signIn(DEMO.designer);
  const unassigned = page.getByRole('region', { name: 'Waiting for a designer' });
  await expect(unassigned.getByText(FLAT)).toBeVisible();
  await expect(unassigned.getByText(/Iris Quinn · Living room, Study · \$6,000\.00 · wanted by Jun 30, 2099/)).toBeVisible();
  await unassigned.getByRole('button', { name: `Take ${FLAT}` }).click();
  await expect(page.getByRole('heading', { name: FLAT, level: 1 })).toBeVisible();
  await tracker.open();
  await expect(tracker.event('Camille is your designer for “Iris\'s flat”.')).toBeVisible();
  await page.getByLabel('Move the project to').selectOption({ label: 'Designing' });
  await page.getByLabel('A personal note (optional)').fill('Starting with the living room — the armchair stays by the window.');
  const clip = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypisom'), Buffer.alloc(256, 1)]);
  await page.getByLabel('Add a short video').setInputFiles({ name: 'hello.mp4', mimeType: 'video/mp4', buffer: clip });
  await expect(page.getByText('hello.mp4')).toBeVisible();
  await page.getByRole('button', { name: 'Move to Designing' }).click();
  const started = tracker.event(/Camille started designing your room\. Next: your options, expected by/);
  await expect(started).toContainText('“Starting with the living room — the armchair stays by the window.” — Camille Laurent');
  await expect(started.locator('video[aria-label="A video from Camille Laurent"]')).toHaveCount(1);
  await snap(page, 'intake-designer-tracker');

  await tracker.region.getByRole('link', { name: 'Style profile' }).click();
  await expect(page.getByRole('heading', { name: 'Iris Quinn’s brief' })).toBeVisible();
  await expect(page.getByText(/Likes:\s*scandinavian, japandi/)).toBeVisible();
  await expect(page.getByText(/Rather not:\s*industrial/)).toBeVisible();
  await expect(page.getByText('Reading and friends over')).toBeVisible();
  await expect(page.getByText(/Grandma’s armchair — /)).toBeVisible();
  await expect(page.getByRole('img', { name: 'Photo of Grandma’s armchair' })).toBeVisible();
  await snap(page, 'intake-style-summary');
  await shell.signOut();

  // ── The customer sees the designer's step; a second project asks only what is new ────────
  await signInPage.signIn(IRIS);
  const card = page.getByRole('link', { name: `Open ${FLAT}` });
  await expect(card).toContainText(new RegExp(`Next: Options ready, expected ${DAY.source}`));
  await snap(page, 'intake-home');
  await page.getByRole('link', { name: 'Start a new project' }).click();
  await expect(intake.heading).toHaveText('Start another project');
  // Only what is new: no style step (and below: pieces, address and currency already known).
  await expect(intake.steps.getByRole('listitem')).toHaveText(['Rooms', 'Your pieces', 'Budget and date', 'Review', 'Photos']);
  await page.getByLabel('Project name').fill('The cottage');
  await intake.describeRoom(1, { name: 'Bedroom', kind: 'Bedroom', purpose: 'Sleep, and a reading corner' });
  await intake.next.click();
  await expect(page.getByRole('group', { name: 'Pieces you already told us about, for Bedroom' })).toBeVisible();
  await page.getByRole('checkbox', { name: /Grandma’s armchair/ }).check();
  await intake.next.click();
  await expect(page.getByLabel('Address (for deliveries)')).toHaveValue('12 Elm Row, Edinburgh');
  await expect(page.getByLabel('Budget (USD)')).toHaveAttribute('placeholder', 'Last time: $6,000.00');
  await page.getByLabel('Budget (USD)').fill('3000');
  await intake.next.click();
  await expect(page.getByText(/Known: scandinavian, japandi/)).toBeVisible();
  await intake.start.click();
  await page.getByRole('button', { name: 'Go to The cottage' }).click();
  await expect(page.getByRole('heading', { name: 'The cottage', level: 1 })).toBeVisible();
  await expect(tracker.next).toContainText('Waiting on you: Add photos of your room');
  await expect(page.getByText('Grandma’s armchair').first()).toBeVisible();
  await snap(page, 'intake-second-project');
});
