import { expect, type Locator, type Page } from '@playwright/test';

export interface CanvasPixels {
  readonly width: number;
  readonly height: number;
  /** Pixels whose colour differs clearly from the background (the top-left corner). */
  readonly nonBackground: number;
  /** Distinct colours after quantising to 5 bits per channel. */
  readonly distinctColours: number;
}

export class ProjectPage {
  readonly page: Page;
  readonly heading: Locator;
  readonly roomView: Locator;
  readonly canvas: Locator;
  readonly pieces: Locator;
  readonly total: Locator;

  constructor(page: Page) {
    this.page = page;
    this.heading = page.getByRole('heading', { level: 1 });
    this.roomView = page.getByTestId('room-view');
    this.canvas = this.roomView.locator('canvas');
    this.pieces = page.getByRole('region', { name: 'Pieces' }).getByRole('listitem');
    this.total = page.getByTestId('option-total');
  }

  /**
   * Waits until the option's pieces are loaded and a frame containing them has been drawn
   * (the scene marks the canvas with the number of pieces in its last frame).
   */
  async waitForScene(): Promise<number> {
    await expect(this.roomView).toHaveAttribute('data-settled', 'true');
    const expected = Number(await this.roomView.getAttribute('data-pieces'));
    await expect(this.canvas).toHaveAttribute('data-drawn-pieces', String(expected));
    return expected;
  }

  /** Reads the WebGL canvas back through a 2D canvas (the scene keeps its drawing buffer). */
  async canvasPixels(): Promise<CanvasPixels> {
    return this.canvas.evaluate((element) => {
      const source = element as HTMLCanvasElement;
      const copy = document.createElement('canvas');
      copy.width = source.width;
      copy.height = source.height;
      const context = copy.getContext('2d');
      if (!context) throw new Error('no 2D context');
      context.drawImage(source, 0, 0);
      const { data } = context.getImageData(0, 0, copy.width, copy.height);
      const [r0, g0, b0] = [data[0]!, data[1]!, data[2]!];
      const colours = new Set<number>();
      let nonBackground = 0;
      for (let i = 0; i < data.length; i += 4) {
        const r = data[i]!;
        const g = data[i + 1]!;
        const b = data[i + 2]!;
        if (Math.abs(r - r0) + Math.abs(g - g0) + Math.abs(b - b0) > 24) nonBackground++;
        colours.add(((r >> 3) << 10) | ((g >> 3) << 5) | (b >> 3));
      }
      return { width: copy.width, height: copy.height, nonBackground, distinctColours: colours.size };
    });
  }
}
