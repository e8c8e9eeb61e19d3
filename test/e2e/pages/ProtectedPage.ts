import type { Locator, Page } from '@playwright/test';

/** The header's notification bell and its panel. */
export class NotificationCentre {
  readonly page: Page;
  readonly bell: Locator;
  readonly panel: Locator;
  readonly items: Locator;

  constructor(page: Page) {
    this.page = page;
    this.bell = page.getByRole('button', { name: /^Notifications/ });
    this.panel = page.getByRole('dialog', { name: 'Notifications' });
    this.items = this.panel.getByRole('listitem');
  }

  async open(): Promise<void> {
    if (!(await this.panel.isVisible())) await this.bell.click();
    await this.panel.waitFor();
  }

  item(text: string | RegExp): Locator {
    return this.items.filter({ hasText: text });
  }
}

/** Protected purchases (#/protected) and a claim's evidence (#/claims/:id). */
export class ProtectedPage {
  readonly page: Page;
  readonly headerLink: Locator;
  readonly heading: Locator;
  readonly purchases: Locator;
  readonly empty: Locator;
  readonly claimedTotal: Locator;
  readonly chart: Locator;
  readonly dropMarker: Locator;
  readonly paidLine: Locator;
  readonly claimAmount: Locator;

  constructor(page: Page) {
    this.page = page;
    this.headerLink = page.getByRole('banner').getByRole('link', { name: 'Protected purchases' });
    this.heading = page.getByRole('heading', { level: 1 });
    this.purchases = page.getByTestId('protected-purchase');
    this.empty = page.getByTestId('protected-empty');
    this.claimedTotal = page.getByTestId('claimed-total');
    this.chart = page.getByTestId('claim-chart');
    this.dropMarker = page.getByTestId('drop-marker');
    this.paidLine = page.getByTestId('paid-line');
    this.claimAmount = page.getByTestId('claim-amount');
  }

  async goto(): Promise<void> {
    await this.page.goto('/#/protected');
  }

  purchase(product: string): Locator {
    return this.page.getByRole('article', { name: product });
  }

  claims(product: string): Locator {
    return this.purchase(product).getByTestId('claim-row');
  }

  async openEvidence(product: string): Promise<void> {
    await this.purchase(product).getByRole('link', { name: `See the evidence for the ${product} claim` }).click();
  }
}
