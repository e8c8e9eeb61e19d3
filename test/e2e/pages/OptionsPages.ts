import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { readCsv } from '../../../core/catalog/csv.ts';

/** [Options] on the project page: the Versions panel (note, publish, approve) and comments. */
export class VersionsPanel {
  readonly page: Page;
  readonly panel: Locator;
  readonly note: Locator;
  readonly noteInput: Locator;
  readonly shoppingListLink: Locator;

  constructor(page: Page) {
    this.page = page;
    this.panel = page.getByRole('region', { name: 'Versions' });
    this.note = this.panel.getByTestId('version-note');
    this.noteInput = this.panel.getByLabel(/^Note for the customer with v\d+$/);
    this.shoppingListLink = this.panel.getByRole('link', { name: 'Shopping list' });
  }

  publishButton(label: string): Locator {
    return this.panel.getByRole('button', { name: `Publish ${label}` });
  }

  approveButton(): Locator {
    return this.panel.getByRole('button', { name: /^Approve / });
  }

  async publish(label: string, note: string): Promise<void> {
    await this.noteInput.fill(note);
    await this.publishButton(label).click();
  }
}

/** The shopping list screen. */
export class ShoppingListPage {
  readonly page: Page;
  readonly heading: Locator;
  readonly lines: Locator;
  readonly total: Locator;
  readonly subtotals: Locator;
  readonly exportLink: Locator;

  constructor(page: Page) {
    this.page = page;
    this.heading = page.getByRole('heading', { name: 'Shopping list', level: 1 });
    this.lines = page.getByTestId('shopping-line');
    this.total = page.getByTestId('shopping-total');
    this.subtotals = page.getByTestId('retailer-subtotal');
    this.exportLink = page.getByRole('link', { name: 'Export CSV' });
  }

  /** Each line as the table shows it: product name and line total text. */
  async rows(): Promise<{ name: string; lineTotal: string }[]> {
    const out: { name: string; lineTotal: string }[] = [];
    for (const line of await this.lines.all()) {
      const name = (await line.locator('td').first().locator('a, :scope').first().innerText()).split('\n')[0]!.trim();
      out.push({ name, lineTotal: (await line.getByTestId('line-total').innerText()).trim() });
    }
    return out;
  }
}

/** "$1,299.00" → 129900 (the demo studio's amounts are in US dollars). */
export function centsOf(text: string): number {
  const match = /(-)?\$?([\d,]+)\.(\d{2})/.exec(text.replace(/\s/g, ''));
  if (!match) throw new Error(`not an amount: ${text}`);
  return (match[1] ? -1 : 1) * (Number(match[2]!.replace(/,/g, '')) * 100 + Number(match[3]));
}

/** A full-page screenshot into ATELIER_SCREENSHOT_DIR, when set. */
export async function snap(page: Page, name: string): Promise<void> {
  if (!process.env.ATELIER_SCREENSHOT_DIR) return;
  await mkdir(process.env.ATELIER_SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(process.env.ATELIER_SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

/** The shopping list's CSV export read back with the catalog's own CSV reader (RFC 4180). */
export async function parseCsv(text: string): Promise<string[][]> {
  const rows: string[][] = [];
  for await (const event of readCsv([text])) if (event.kind === 'record') rows.push([...event.fields]);
  return rows;
}
