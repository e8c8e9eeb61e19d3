import type { Locator, Page } from '@playwright/test';

/** The refund desk: the queue (support's home, #/desk) and one claim (#/desk/claims/:id). */
export class DeskPage {
  readonly page: Page;
  readonly heading: Locator;
  readonly queue: Locator;
  readonly rows: Locator;
  readonly customerFilter: Locator;
  readonly claim: Locator;
  readonly claimed: Locator;
  readonly refunded: Locator;
  readonly conflict: Locator;
  readonly audit: Locator;
  readonly timeline: Locator;

  constructor(page: Page) {
    this.page = page;
    this.heading = page.getByRole('heading', { name: 'Refund desk' });
    this.queue = page.getByTestId('desk-queue');
    this.rows = page.getByTestId('desk-row');
    this.customerFilter = page.getByLabel('Customer');
    this.claim = page.getByTestId('desk-claim');
    this.claimed = page.getByTestId('desk-claimed');
    this.refunded = page.getByTestId('desk-refunded');
    this.conflict = page.getByTestId('desk-conflict');
    this.audit = page.getByTestId('desk-audit');
    this.timeline = page.getByTestId('desk-timeline');
  }

  count(status: string): Locator {
    return this.page.getByTestId(`desk-count-${status}`);
  }

  row(product: string): Locator {
    return this.rows.filter({ hasText: product });
  }

  async open(product: string): Promise<void> {
    await this.row(product).getByRole('link').click();
  }

  async file(channel: string, reference: string): Promise<void> {
    const form = this.page.getByRole('form', { name: 'File with retailer' });
    await form.getByLabel('Channel').selectOption(channel);
    await form.getByLabel('Retailer’s reference').fill(reference);
    await form.getByRole('button', { name: 'File with retailer' }).click();
  }

  async refund(amount: string): Promise<void> {
    const form = this.page.getByRole('form', { name: 'Mark refunded' });
    await form.getByLabel(/^Amount refunded/).fill(amount);
    await form.getByRole('button', { name: 'Mark refunded' }).click();
  }
}
