/**
 * [Room] Page object for the room shell editor (`#/projects/:id/rooms/new` and
 * `#/projects/:id/rooms/:roomId/edit`). Lengths are given in millimetres; the signed-in person
 * is expected to use metric units (the demo accounts do).
 */
import { expect, type Locator, type Page } from '@playwright/test';

export interface OpeningFields {
  readonly offsetMm?: number;
  readonly widthMm?: number;
  readonly heightMm?: number;
  readonly sillHeightMm?: number;
}

export class RoomShellPage {
  readonly page: Page;
  readonly heading: Locator;
  readonly name: Locator;
  readonly ceilingHeight: Locator;
  readonly wallThickness: Locator;
  readonly plan: Locator;
  readonly dimensions: Locator;
  readonly saveButton: Locator;
  readonly status: Locator;
  readonly openingProblems: Locator;
  readonly outlineProblems: Locator;

  constructor(page: Page) {
    this.page = page;
    this.heading = page.getByRole('heading', { level: 1 });
    this.name = page.getByLabel('Name', { exact: true });
    this.ceilingHeight = page.getByLabel('Ceiling height');
    this.wallThickness = page.getByLabel('Wall thickness');
    this.plan = page.getByTestId('room-plan');
    this.dimensions = page.getByTestId('plan-dimensions').locator('text');
    this.saveButton = page.getByRole('button', { name: /^(Save room|Create room)$/ });
    this.status = page.locator('.room-shell__status');
    this.openingProblems = page.getByTestId('opening-problem');
    this.outlineProblems = page.getByRole('alert', { name: 'Problems with the outline' });
  }

  /** From the project page: its "New room" button. */
  async startNewRoom(): Promise<void> {
    await this.page.getByRole('link', { name: 'New room' }).click();
    await expect(this.heading).toHaveText('New room');
    await expect(this.plan).toBeVisible();
  }

  /** From the project page: "Edit room" for the room shown. */
  async editShownRoom(): Promise<void> {
    await this.page.getByRole('link', { name: 'Edit room' }).click();
    await expect(this.plan).toBeVisible();
  }

  async setName(name: string): Promise<void> {
    await this.name.fill(name);
  }

  async useRectangle(widthMm: number, depthMm: number): Promise<void> {
    await this.page.getByRole('radio', { name: 'Rectangle' }).click();
    await this.page.getByLabel('Width', { exact: true }).first().fill(String(widthMm));
    await this.page.getByLabel('Depth', { exact: true }).first().fill(String(depthMm));
    await this.page.getByRole('button', { name: 'Use this outline' }).click();
  }

  async useLShape(widthMm: number, depthMm: number, cutWidthMm: number, cutDepthMm: number): Promise<void> {
    await this.page.getByRole('radio', { name: 'L-shape' }).click();
    await this.page.getByLabel('Width', { exact: true }).first().fill(String(widthMm));
    await this.page.getByLabel('Depth', { exact: true }).first().fill(String(depthMm));
    await this.page.getByLabel('Cut-out width').fill(String(cutWidthMm));
    await this.page.getByLabel('Cut-out depth').fill(String(cutDepthMm));
    await this.page.getByRole('button', { name: 'Use this outline' }).click();
  }

  /**
   * Where a plan point (mm) is on the screen, from the transform the plan publishes — read once
   * it has settled (a resize refits the plan a frame later).
   */
  async screenPoint(p: { x: number; y: number }): Promise<{ x: number; y: number }> {
    const read = () =>
      this.plan.evaluate(
        (element) =>
          new Promise<string>((resolve) =>
            requestAnimationFrame(() =>
              requestAnimationFrame(() => {
                const box = element.getBoundingClientRect();
                resolve(JSON.stringify([box.x, box.y, ...['data-scale', 'data-origin-x', 'data-origin-y'].map((name) => Number(element.getAttribute(name)))]));
              }),
            ),
          ),
      );
    let previous = '';
    let current = await read();
    for (let tries = 0; current !== previous && tries < 20; tries++) [previous, current] = [current, await read()];
    const [x, y, scale, originX, originY] = JSON.parse(current) as number[];
    return { x: x! + originX! + p.x * scale!, y: y! + originY! + p.y * scale! };
  }

  /** Draws an outline corner by corner in the plan and closes it on the first corner. */
  async drawOutline(corners: readonly { x: number; y: number }[]): Promise<void> {
    await this.page.getByRole('radio', { name: 'Draw' }).click();
    await this.page.getByRole('button', { name: 'Draw in the plan' }).click();
    for (const corner of [...corners, corners[0]!]) {
      const at = await this.screenPoint(corner);
      await this.page.mouse.move(at.x, at.y);
      await this.page.mouse.down();
      await this.page.mouse.up();
    }
    await expect(this.page.getByRole('button', { name: 'Draw in the plan' })).toBeVisible();
  }

  /** Drags a corner handle to a plan point (mm). */
  async dragCorner(number: number, to: { x: number; y: number }): Promise<void> {
    const handle = this.plan.getByRole('button', { name: `Corner ${number}`, exact: true });
    const box = await handle.boundingBox();
    if (!box) throw new Error(`corner ${number} is not in the plan`);
    const target = await this.screenPoint(to);
    await this.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await this.page.mouse.down();
    for (let step = 1; step <= 5; step++) await this.page.mouse.move(box.x + box.width / 2 + ((target.x - box.x - box.width / 2) * step) / 5, box.y + box.height / 2 + ((target.y - box.y - box.height / 2) * step) / 5);
    await this.page.mouse.up();
  }

  /** A wall's hit target in the plan ("Wall 1, 4.2 m"). */
  wall(number: number): Locator {
    return this.plan.getByRole('button', { name: new RegExp(`^Wall ${number},`) });
  }

  /** The marker on a wall at fault; its accessible name is what is wrong. */
  wallFault(number: number): Locator {
    return this.plan.locator(`[data-fault-wall="${number - 1}"]`);
  }

  async selectWall(number: number): Promise<void> {
    await this.wall(number).dispatchEvent('pointerdown', { button: 0, pointerId: 1, isPrimary: true });
    await expect(this.page.getByText(`On wall ${number}`, { exact: true })).toBeVisible();
  }

  /** Adds a door (or window) to the selected wall; the new opening is selected for editing. */
  async addOpening(kind: 'door' | 'window'): Promise<void> {
    await this.page.getByRole('button', { name: new RegExp(`^Add ${kind} to wall \\d+$`) }).click();
  }

  async setOpening(fields: OpeningFields): Promise<void> {
    const form = this.page.getByRole('group', { name: /^Edit (door|window) \d+$/ });
    const fill = async (label: string, value: number | undefined) => {
      if (value !== undefined) await form.getByLabel(label, { exact: true }).fill(String(value));
    };
    await fill('From the wall’s start', fields.offsetMm);
    await fill('Width', fields.widthMm);
    await fill('Height', fields.heightMm);
    await fill('Sill height', fields.sillHeightMm);
  }

  /** A field of the opening being edited (its value follows drags and keys a frame later: use expect). */
  openingInput(label: 'From the wall’s start' | 'Width' | 'Height' | 'Sill height'): Locator {
    return this.page.getByRole('group', { name: /^Edit (door|window) \d+$/ }).getByLabel(label, { exact: true });
  }

  async openingField(label: 'From the wall’s start' | 'Width' | 'Height' | 'Sill height'): Promise<string> {
    return this.openingInput(label).inputValue();
  }

  /** The list entry of an opening ("door 1 · wall 1"). */
  opening(label: string): Locator {
    return this.page.getByRole('button', { name: new RegExp(`^${label}`) });
  }

  /** Drags an opening along its wall by a number of screen pixels. */
  async dragOpening(openingId: string, dxPx: number, dyPx = 0): Promise<void> {
    const handle = this.plan.locator(`[data-opening-id="${openingId}"] .plan__opening-hit`);
    const box = await handle.boundingBox();
    if (!box) throw new Error(`opening ${openingId} is not in the plan`);
    const x = box.x + box.width / 2;
    const y = box.y + box.height / 2;
    await this.page.mouse.move(x, y);
    await this.page.mouse.down();
    for (let step = 1; step <= 5; step++) await this.page.mouse.move(x + (dxPx * step) / 5, y + (dyPx * step) / 5);
    await this.page.mouse.up();
  }

  /** The plan's wall dimension labels, e.g. ["4.2 m", "3.6 m", …]. */
  async dimensionLabels(): Promise<string[]> {
    return this.dimensions.allTextContents();
  }

  /** Saves and waits until the editor says everything is saved. */
  async save(): Promise<void> {
    await expect(this.saveButton).toBeEnabled();
    await this.saveButton.click();
    await expect(this.status).toHaveText('All changes saved');
  }

  /** Deletes the room being edited, accepting the confirmation. */
  async deleteRoom(): Promise<void> {
    this.page.once('dialog', (dialog) => void dialog.accept());
    await this.page.getByRole('button', { name: 'Delete room' }).click();
  }

  /** The room's id from the editor's address (after the first save). */
  roomId(): string {
    const match = /\/rooms\/([^/]+)\/edit/.exec(new URL(this.page.url()).hash);
    if (!match?.[1]) throw new Error(`not editing a saved room: ${this.page.url()}`);
    return decodeURIComponent(match[1]);
  }
}
