import type { Locator, Page } from '@playwright/test';

export class HomePage {
  readonly page: Page;
  readonly heading: Locator;

  constructor(page: Page) {
    this.page = page;
    this.heading = page.getByRole('heading', { level: 1 });
  }

  /** A project's card (customer, designer) or its row link (support, admin). */
  project(name: string): Locator {
    return this.page.getByRole('link', { name: new RegExp(`^(Open )?${escapeRegExp(name)}$`) });
  }

  async openProject(name: string): Promise<void> {
    await this.project(name).click();
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
