/** Dining, coffee and side tables, and desks. */
import type { Category } from '../../../core/catalog.ts';
import { shade, type PiecePalette } from './colours.ts';
import { clamp, fourLegs, isRoundish, type Extents, type PartList } from './kit.ts';

export function buildTable(list: PartList, category: Extract<Category, 'dining table' | 'coffee table' | 'side table' | 'desk'>, e: Extents, palette: PiecePalette): void {
  switch (category) {
    case 'dining table':
      return diningTable(list, e, palette);
    case 'coffee table':
      return lowTable(list, e, palette, clamp(e.h * 0.1, 0.02, 0.05));
    case 'side table':
      return lowTable(list, e, palette, clamp(e.h * 0.06, 0.018, 0.035));
    case 'desk':
      return desk(list, e, palette);
  }
}

const legFinish = (palette: PiecePalette) => (palette.frameIsMetal ? 'metal' : 'wood');

/** A round top on one pedestal with a disc foot. */
function pedestalTable(list: PartList, e: Extents, palette: PiecePalette, topThickness: number): void {
  const { w, d, h } = e;
  list.cylinder(palette.main, 'wood', [0, 0], [h - topThickness, h], w, d);
  const foot = Math.min(w, d) * 0.55;
  list.cylinder(palette.frame, legFinish(palette), [0, 0], [0, 0.025], foot);
  list.cylinder(palette.frame, legFinish(palette), [0, 0], [0.025, h - topThickness], clamp(Math.min(w, d) * 0.12, 0.04, 0.14));
}

function diningTable(list: PartList, e: Extents, palette: PiecePalette): void {
  const { w, d, h, hw, hd } = e;
  const top = clamp(h * 0.05, 0.02, 0.05);
  if (isRoundish(w, d)) return pedestalTable(list, e, palette, top);
  list.block(palette.main, 'wood', [-hw, hw], [h - top, h], [-hd, hd]);
  const inset = clamp(Math.min(w, d) * 0.06, 0.03, 0.1);
  const leg = clamp(Math.min(w, d) * 0.06, 0.035, 0.07);
  fourLegs(list, palette.frame, legFinish(palette), e, h - top, leg, inset, false);
  list.block(shade(palette.frame, -0.1), legFinish(palette), [-hw + inset + leg, hw - inset - leg], [h - top - 0.07, h - top], [-hd + inset + leg / 2, hd - inset - leg / 2]);
}

/** Coffee and side tables: round ones on a pedestal, square ones on four legs with a shelf. */
function lowTable(list: PartList, e: Extents, palette: PiecePalette, top: number): void {
  const { w, d, h, hw, hd } = e;
  if (isRoundish(w, d)) return pedestalTable(list, e, palette, top);
  list.block(palette.main, 'wood', [-hw, hw], [h - top, h], [-hd, hd]);
  const leg = clamp(Math.min(w, d) * 0.06, 0.025, 0.05);
  fourLegs(list, palette.frame, legFinish(palette), e, h - top, leg, 0.025, false);
  if (h > 0.3) {
    const inset = 0.025 + leg;
    list.block(shade(palette.main, -0.06), 'wood', [-hw + inset, hw - inset], [0.09, 0.09 + top * 0.8], [-hd + inset, hd - inset]);
  }
}

function desk(list: PartList, e: Extents, palette: PiecePalette): void {
  const { w, h, hw, hd } = e;
  const top = 0.03;
  list.block(palette.main, 'wood', [-hw, hw], [h - top, h], [-hd, hd]);
  const leg = 0.04;
  fourLegs(list, palette.frame, legFinish(palette), e, h - top, leg, 0.02, false);
  // A drawer pedestal on the right and a modesty panel at the back.
  const pedestal = clamp(w * 0.28, 0.25, 0.42);
  const pedestalLeft = hw - 0.02 - leg - pedestal;
  list.block(shade(palette.main, -0.05), 'wood', [pedestalLeft, hw - 0.02 - leg], [h - top - 0.16, h - top], [-hd + 0.04, hd - 0.03]);
  list.block('#2b2c2f', 'metal', [pedestalLeft + pedestal / 2 - 0.05, pedestalLeft + pedestal / 2 + 0.05], [h - top - 0.09, h - top - 0.075], [hd - 0.03, hd - 0.015]);
  list.block(shade(palette.main, -0.08), 'wood', [-hw + 0.06, pedestalLeft - 0.02], [h * 0.45, h - top], [-hd + 0.03, -hd + 0.05]);
}
