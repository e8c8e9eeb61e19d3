import type { Locator, Page } from '@playwright/test';

/** The header every signed-in screen shares, and the person menu in it. */
export class AppShell {
  readonly page: Page;
  readonly menuButton: Locator;
  readonly menu: Locator;

  constructor(page: Page) {
    this.page = page;
    this.menuButton = page.getByRole('button', { name: 'Settings' });
    this.menu = page.getByRole('dialog', { name: 'Settings' });
  }

  async openMenu(): Promise<void> {
    if (!(await this.menu.isVisible())) await this.menuButton.click();
    await this.menu.waitFor();
  }

  async chooseTheme(theme: 'Light' | 'Dark' | 'System'): Promise<void> {
    await this.openMenu();
    await this.menu.getByRole('radiogroup', { name: 'Theme' }).getByRole('radio', { name: theme }).click();
  }

  async chooseUnits(units: 'Metric' | 'Imperial'): Promise<void> {
    await this.openMenu();
    await this.menu.getByRole('radiogroup', { name: 'Units' }).getByRole('radio', { name: units }).click();
  }

  async signOut(): Promise<void> {
    await this.openMenu();
    await this.menu.getByRole('button', { name: 'Sign out' }).click();
  }

  /** The colour scheme the page shows: the `data-theme` on <html>. */
  async scheme(): Promise<string | null> {
    return this.page.locator('html').getAttribute('data-theme');
  }

  /** The page's computed background colour, to prove the theme changed what people see. */
  async backgroundColour(): Promise<string> {
    return this.page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  }
}
