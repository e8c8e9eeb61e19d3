import { assert, describe, it } from '../../testing/node-test.ts';
import fc from 'fast-check';
import { CATEGORIES, type Category } from '../../../core/catalog.ts';
import { paletteFor } from './colours.ts';
import { furnitureParts } from './parts.ts';
import type { Part } from './kit.ts';

/** The axis-aligned bounds of a part, allowing for its quarter-turn rotation about x. */
function boundsOf(part: Part): { min: number[]; max: number[] } {
  const size = [...part.size];
  if (part.rotation && Math.abs(Math.abs(part.rotation[0]) - Math.PI / 2) < 1e-9) [size[1], size[2]] = [size[2]!, size[1]!];
  return { min: part.center.map((c, i) => c - size[i]! / 2), max: part.center.map((c, i) => c + size[i]! / 2) };
}

function assertTrueSize(category: Category, widthMm: number, depthMm: number, heightMm: number): void {
  const parts = furnitureParts({ category, widthMm, depthMm, heightMm, palette: paletteFor(category, undefined, [], []) });
  assert.ok(parts.length > 0, `${category} has parts`);
  const [w, d, h] = [widthMm / 1000, depthMm / 1000, heightMm / 1000];
  const tolerance = 0.0015;
  for (const part of parts) {
    for (const value of [...part.center, ...part.size]) assert.ok(Number.isFinite(value), `${category}: finite numbers`);
    assert.ok(part.size.every((s) => s > 0), `${category}: positive sizes`);
    assert.match(part.colour, /^#[0-9a-f]{6}$/);
    const { min, max } = boundsOf(part);
    const where = `${category} ${widthMm}×${depthMm}×${heightMm}: part ${JSON.stringify(part)}`;
    assert.ok(min[0]! >= -w / 2 - tolerance && max[0]! <= w / 2 + tolerance, `${where} stays within the width`);
    assert.ok(min[1]! >= -tolerance && max[1]! <= h + tolerance, `${where} stays within the height`);
    assert.ok(min[2]! >= -d / 2 - tolerance && max[2]! <= d / 2 + tolerance, `${where} stays within the depth`);
  }
}

describe('furnitureParts', () => {
  it('draws every category inside its true bounding box at catalog sizes', () => {
    const typical: Record<Category, [number, number, number]> = {
      sofa: [2280, 980, 880],
      armchair: [730, 760, 880],
      'dining chair': [465, 545, 850],
      'office chair': [645, 610, 900],
      'dining table': [1820, 980, 730],
      'coffee table': [1200, 600, 400],
      'side table': [450, 450, 550],
      desk: [1400, 700, 750],
      bed: [1600, 2100, 1100],
      wardrobe: [1800, 600, 2100],
      bookcase: [900, 350, 1900],
      shelf: [800, 220, 300],
      sideboard: [1600, 450, 780],
      'tv unit': [1550, 390, 475],
      lamp: [450, 450, 1600],
      rug: [2000, 3000, 15],
      plant: [500, 500, 1500],
      mirror: [700, 30, 700],
      'wall art': [900, 30, 600],
    };
    for (const category of CATEGORIES) assertTrueSize(category, ...typical[category]);
  });

  it('draws a corner sofa with a chaise and a round dining table on a pedestal', () => {
    const sofa = furnitureParts({ category: 'sofa', widthMm: 3030, depthMm: 1830, heightMm: 890, palette: paletteFor('sofa', 'navy', [], []) });
    assert.ok(sofa.some((part) => part.center[2] > 0.5), 'the chaise reaches forward');
    const table = furnitureParts({ category: 'dining table', widthMm: 1200, depthMm: 1200, heightMm: 750, palette: paletteFor('dining table', 'oak', [], []) });
    assert.ok(table.some((part) => part.shape === 'cylinder' && part.size[0] === 1.2), 'a round top');
  });

  it('stays inside its bounds for any size from 1 cm to 30 m (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...CATEGORIES), fc.integer({ min: 10, max: 30_000 }), fc.integer({ min: 10, max: 30_000 }), fc.integer({ min: 10, max: 30_000 }), (category, w, d, h) => {
        assertTrueSize(category, w, d, h);
      }),
      { numRuns: 400 },
    );
  });
});
