import type { Locator, Page } from '@playwright/test';

export interface UploadFile {
  readonly name: string;
  readonly mimeType: string;
  readonly buffer: Buffer;
}

/** [Intake] A project's room photos by the shot list, and the customer's photo tasks on home. */
export class PhotosPage {
  readonly page: Page;
  readonly heading: Locator;
  readonly progress: Locator;
  readonly problems: Locator;
  readonly activity: Locator;
  readonly viewer: Locator;

  constructor(page: Page) {
    this.page = page;
    this.heading = page.getByRole('heading', { name: 'Room photos', level: 1 });
    this.progress = page.getByTestId('shot-progress');
    this.problems = page.locator('.room-photos__problems');
    this.activity = page.getByRole('region', { name: 'What happened' });
    this.viewer = page.getByRole('dialog', { name: /^Photo:/ });
  }

  async openFromProject(): Promise<void> {
    // The project page loads three.js and the live option first: give it time on a busy machine.
    await this.page.getByRole('link', { name: 'Photos', exact: true }).click({ timeout: 30_000 });
    await this.heading.waitFor();
  }

  shot(label: string): Locator {
    return this.page.locator('.shot').filter({ has: this.page.locator('.shot__label', { hasText: new RegExp(`^${label}$`) }) });
  }

  async addPhoto(shotLabel: string, file: UploadFile): Promise<void> {
    await this.page.getByLabel(`Add a photo: ${shotLabel}`, { exact: true }).setInputFiles(file);
  }

  async dropAnywhere(file: UploadFile): Promise<void> {
    await this.page.getByTestId('room-drop').locator('input[type=file]').setInputFiles(file);
  }
}
