import { expect, type Locator, type Page } from '@playwright/test';

export interface ResultFacts {
  readonly name: string;
  readonly retailer: string;
  readonly priceMinor: number;
  readonly currency: string;
}

/** The catalog screen (#/catalog), its product drawer, and the import wizard (#/catalog/import). */
export class CatalogPage {
  readonly page: Page;
  readonly search: Locator;
  readonly results: Locator;
  readonly cards: Locator;
  readonly drawer: Locator;
  readonly priceChart: Locator;

  constructor(page: Page) {
    this.page = page;
    this.search = page.getByRole('searchbox', { name: 'Search the catalog' });
    this.results = page.getByTestId('catalog-results');
    this.cards = page.getByTestId('result-card');
    this.drawer = page.getByRole('dialog');
    this.priceChart = this.drawer.getByTestId('price-chart');
  }

  async open(): Promise<void> {
    await this.page.getByRole('link', { name: 'Catalog', exact: true }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'Catalog' })).toBeVisible();
  }

  async type(text: string): Promise<void> {
    await this.search.click();
    await this.search.pressSequentially(text, { delay: 40 });
  }

  filterGroup(name: string): Locator {
    return this.page.getByRole('group', { name });
  }

  async tick(group: string, option: string): Promise<void> {
    await this.filterGroup(group).getByRole('checkbox', { name: option }).check();
  }

  async setMaxPrice(amount: string): Promise<void> {
    await this.page.getByLabel(/^Max price in/).fill(amount);
  }

  /** Waits until the results shown answer the current filters (no request in flight). */
  async settled(): Promise<void> {
    await expect(this.page.getByRole('region', { name: 'Results' })).toHaveAttribute('aria-busy', 'false');
  }

  async resultFacts(): Promise<ResultFacts[]> {
    return this.cards.evaluateAll((cards) =>
      cards.map((card) => ({
        name: card.querySelector('.result-card__name')?.textContent ?? '',
        retailer: card.getAttribute('data-retailer') ?? '',
        priceMinor: Number(card.getAttribute('data-price-minor')),
        currency: card.getAttribute('data-currency') ?? '',
      })),
    );
  }

  async openProduct(name: string): Promise<void> {
    await this.cards.filter({ hasText: name }).first().click();
    await expect(this.drawer.getByRole('heading', { name })).toBeVisible();
  }

  /** Data points the price chart drew. */
  async chartPoints(): Promise<number> {
    await expect(this.priceChart).toBeVisible();
    return this.priceChart.locator('circle.price-chart__point').count();
  }
}
