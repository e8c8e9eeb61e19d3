/**
 * [Room] Page object for the placement editor on the project page: the catalog panel beside the
 * room, the 3D view's canvas, the plan view, the toolbar (3D | Plan | Split, undo…), the piece
 * list and the warnings list. Drags use the real mouse (down, moves in steps, up).
 */
import { expect, type Locator, type Page } from '@playwright/test';

export interface PlanPlacement {
  readonly xMm: number;
  readonly yMm: number;
  readonly rotationDeg: number;
}

export class RoomEditorPage {
  readonly page: Page;
  readonly roomView: Locator;
  readonly canvas: Locator;
  readonly plan: Locator;
  readonly planPieces: Locator;
  readonly toolbar: Locator;
  readonly pieces: Locator;
  readonly warnings: Locator;
  readonly catalogSearch: Locator;
  readonly cards: Locator;

  constructor(page: Page) {
    this.page = page;
    this.roomView = page.getByTestId('room-view');
    this.canvas = this.roomView.locator('canvas');
    this.plan = page.getByTestId('plan-view');
    this.planPieces = this.plan.getByTestId('plan-piece');
    this.toolbar = page.getByRole('toolbar', { name: 'Editing tools' });
    this.pieces = page.getByRole('region', { name: 'Pieces' }).getByRole('listitem');
    this.warnings = page.getByTestId('warning-list');
    this.catalogSearch = page.getByRole('searchbox', { name: 'Search the catalog' });
    this.cards = page.getByTestId('result-card');
  }

  /** Picks a room in the project's room list. */
  async openRoom(name: string): Promise<void> {
    // The project page builds the 3D scene first: on a loaded machine that takes a while.
    await this.page.getByRole('button', { name: new RegExp(`^${name}`) }).click({ timeout: 30_000 });
    await expect(this.page.getByTestId('room-view')).toHaveAttribute('data-settled', 'true');
  }

  async openCatalog(): Promise<void> {
    if (!(await this.catalogSearch.isVisible())) await this.page.getByRole('button', { name: 'Catalog', exact: true }).click();
    await expect(this.catalogSearch).toBeVisible();
  }

  /** Types a query and waits until the results answer it. */
  async search(text: string): Promise<void> {
    await this.catalogSearch.fill(text);
    await expect(this.page.getByTestId('catalog-results')).toHaveAttribute('data-query', text);
  }

  card(name: string): Locator {
    return this.cards.filter({ hasText: name }).first();
  }

  /** Drags a catalog card onto the 3D view and drops it `at` (client pixels; the canvas's middle by default). */
  async dragCardIntoView(card: Locator, at?: { x: number; y: number }): Promise<{ x: number; y: number }> {
    const from = await card.boundingBox();
    const canvas = await this.canvas.boundingBox();
    if (!from || !canvas) throw new Error('card or canvas not on screen');
    const to = at ?? { x: canvas.x + canvas.width / 2, y: canvas.y + canvas.height / 2 };
    await this.page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await this.page.mouse.down();
    await this.page.mouse.move(from.x + from.width / 2 + 10, from.y + from.height / 2, { steps: 2 });
    await this.page.mouse.move(to.x, to.y, { steps: 12 });
    await this.page.mouse.up();
    return to;
  }

  /** A real mouse drag on the canvas, from one client point to another. */
  async dragOnCanvas(from: { x: number; y: number }, to: { x: number; y: number }, steps = 15): Promise<void> {
    await this.page.mouse.move(from.x, from.y);
    await this.page.mouse.down();
    await this.page.mouse.move(to.x, to.y, { steps });
    await this.page.mouse.up();
  }

  async waitForDrawn(pieces: number): Promise<void> {
    await expect(this.roomView).toHaveAttribute('data-pieces', String(pieces));
    await expect(this.canvas).toHaveAttribute('data-drawn-pieces', String(pieces));
  }

  async setView(mode: '3D' | 'Plan' | 'Split'): Promise<void> {
    await this.toolbar.getByRole('radio', { name: mode, exact: true }).click();
  }

  /** Where the plan draws a piece (plan millimetres), read from the plan view (Plan or Split). */
  async placement(index = 0): Promise<PlanPlacement> {
    const piece = this.planPieces.nth(index);
    return {
      xMm: Number(await piece.getAttribute('data-x-mm')),
      yMm: Number(await piece.getAttribute('data-y-mm')),
      rotationDeg: Number(await piece.getAttribute('data-rotation-deg')),
    };
  }

  /** Moves focus off any text field, so editing shortcuts reach the editor. */
  async leaveFields(): Promise<void> {
    await this.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  }
}
