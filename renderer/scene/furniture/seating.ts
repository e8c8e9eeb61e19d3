/** Sofas, armchairs, chairs and beds: the upholstered pieces. */
import type { Category } from '../../../core/catalog.ts';
import { shade, type PiecePalette } from './colours.ts';
import { clamp, fourLegs, splitSpan, type Extents, type PartList } from './kit.ts';

const BEDDING = '#f2f0eb';
const PILLOW = '#f7f6f2';

export function buildSeating(list: PartList, category: Extract<Category, 'sofa' | 'armchair' | 'dining chair' | 'office chair' | 'bed'>, e: Extents, palette: PiecePalette): void {
  switch (category) {
    case 'sofa':
      return upholsteredSeat(list, e, palette, false);
    case 'armchair':
      return upholsteredSeat(list, e, palette, true);
    case 'dining chair':
      return diningChair(list, e, palette);
    case 'office chair':
      return officeChair(list, e, palette);
    case 'bed':
      return bed(list, e, palette);
  }
}

/** Seat depth a person actually sits in; anything deeper on a sofa is a chaise. */
const SEAT_DEPTH = 1.0;

function upholsteredSeat(list: PartList, e: Extents, palette: PiecePalette, single: boolean): void {
  const { w, d, h, hw, hd } = e;
  const fabric = palette.main;
  const frameFabric = shade(fabric, -0.07);
  const cushion = shade(fabric, 0.05);
  const frameFinish = palette.frameIsMetal ? 'metal' : 'wood';

  const legTop = clamp(h * 0.1, 0.02, 0.12);
  const seatTop = clamp(h * 0.5, legTop + 0.12, 0.48);
  const baseTop = seatTop - clamp(h * 0.14, 0.05, 0.14);
  const armWidth = single ? clamp(w * 0.14, 0.06, 0.18) : clamp(w * 0.07, 0.08, 0.2);
  const armTop = clamp(h * 0.72, seatTop + 0.08, h);
  const backDepth = clamp(d * 0.18, 0.1, 0.24);

  // A sofa deeper than a seat plus its back has a chaise on the right-hand end.
  const chaise = !single && d > SEAT_DEPTH + backDepth + 0.3 && w > 1.6;
  const mainFront = chaise ? -hd + backDepth + SEAT_DEPTH : hd;
  const chaiseWidth = chaise ? clamp(w * 0.32, 0.7, 1.0) : 0;

  fourLegs(list, palette.frame, frameFinish, e, legTop, 0.04, 0.04);
  list.block(frameFabric, 'fabric', [-hw, hw], [legTop, baseTop], [-hd, mainFront]);
  list.block(frameFabric, 'fabric', [-hw, hw], [legTop, h], [-hd, -hd + backDepth]);
  list.block(frameFabric, 'fabric', [-hw, -hw + armWidth], [legTop, armTop], [-hd, mainFront]);
  if (!chaise) list.block(frameFabric, 'fabric', [hw - armWidth, hw], [legTop, armTop], [-hd, hd]);

  const innerLeft = -hw + armWidth;
  const innerRight = chaise ? hw : hw - armWidth;
  const innerWidth = innerRight - innerLeft;
  const seats = single ? 1 : innerWidth > 1.9 ? 3 : innerWidth > 1.05 ? 2 : 1;
  for (const span of splitSpan(innerLeft + 0.005, innerRight - 0.005, seats, 0.012)) {
    list.block(cushion, 'fabric', span, [baseTop, seatTop], [-hd + backDepth, mainFront - 0.01]);
    // Back cushions lean on the frame and stop short of its top, so the back reads as one piece from behind.
    list.block(cushion, 'fabric', span, [seatTop, Math.max(seatTop + 0.05, h - 0.06)], [-hd + backDepth, -hd + backDepth + clamp(d * 0.16, 0.1, 0.18)]);
  }

  if (chaise) {
    list.block(frameFabric, 'fabric', [hw - chaiseWidth, hw], [legTop, baseTop], [mainFront, hd]);
    list.block(cushion, 'fabric', [hw - chaiseWidth + 0.005, hw - 0.005], [baseTop, seatTop], [mainFront - 0.01, hd - 0.01]);
  }
}

function diningChair(list: PartList, e: Extents, palette: PiecePalette): void {
  const { h, hw, hd } = e;
  const frameFinish = palette.frameIsMetal ? 'metal' : 'wood';
  const seatY = clamp(h * 0.53, 0.25, 0.48);
  const leg = clamp(e.w * 0.07, 0.022, 0.04);
  fourLegs(list, palette.frame, frameFinish, e, seatY, leg, 0.015, false);
  list.block(palette.main, 'fabric', [-hw, hw], [seatY, seatY + 0.045], [-hd, hd]);
  // Two back posts carry a curved-looking rail: a panel in the seat's colour near the top.
  const postX = hw - leg / 2 - 0.015;
  for (const side of [-1, 1] as const) {
    list.block(palette.frame, frameFinish, [side * postX - leg / 2, side * postX + leg / 2], [seatY + 0.045, h], [-hd + 0.015, -hd + 0.015 + leg]);
  }
  const railHeight = clamp((h - seatY) * 0.42, 0.08, 0.26);
  list.block(palette.main, 'fabric', [-postX + leg / 2, postX - leg / 2], [h - railHeight, h - 0.01], [-hd + 0.01, -hd + 0.035]);
}

function officeChair(list: PartList, e: Extents, palette: PiecePalette): void {
  const { h, hw, hd } = e;
  const seatY = clamp(h * 0.5, 0.3, 0.5);
  const base = palette.metal;
  const caster = 0.05;
  // The five-star base, drawn as a cross of two arms with a caster under each end.
  list.block(base, 'metal', [-hw * 0.9, hw * 0.9], [caster, caster + 0.03], [-0.025, 0.025]);
  list.block(base, 'metal', [-0.025, 0.025], [caster, caster + 0.03], [-hd * 0.9, hd * 0.9]);
  for (const [x, z] of [[-hw * 0.85, 0], [hw * 0.85, 0], [0, -hd * 0.85], [0, hd * 0.85]] as const) {
    list.sphere('#202124', 'metal', [x, caster / 2, z], [caster, caster, caster]);
  }
  list.cylinder(base, 'metal', [0, 0], [caster + 0.03, seatY - 0.07], 0.055);
  list.block(palette.main, 'fabric', [-hw * 0.8, hw * 0.8], [seatY - 0.08, seatY], [-hd * 0.72, hd * 0.85]);
  const backFront = -hd * 0.82 + 0.07;
  list.block(palette.main, 'fabric', [-hw * 0.7, hw * 0.7], [seatY + 0.1, h], [-hd * 0.82, backFront]);
  list.block(base, 'metal', [-0.03, 0.03], [seatY - 0.06, seatY + 0.14], [-hd * 0.85, -hd * 0.72]);
  for (const side of [-1, 1] as const) {
    const x = side * hw * 0.86;
    list.block(base, 'metal', [x - 0.015, x + 0.015], [seatY - 0.04, seatY + 0.2], [-0.02, 0.02]);
    list.block('#2b2c2f', 'fabric', [x - 0.035, x + 0.035], [seatY + 0.2, seatY + 0.23], [-hd * 0.35, hd * 0.45]);
  }
}

function bed(list: PartList, e: Extents, palette: PiecePalette): void {
  const { w, d, h, hw, hd } = e;
  const frameFinish = palette.frameIsMetal ? 'metal' : 'wood';
  const headDepth = clamp(d * 0.04, 0.05, 0.1);
  const legTop = clamp(h * 0.08, 0.03, 0.1);
  const frameTop = clamp(h * 0.3, legTop + 0.1, 0.34);
  const mattressTop = Math.min(frameTop + 0.22, h - 0.02);
  const sleepFrom = -hd + headDepth;

  fourLegs(list, palette.frame, frameFinish, e, legTop, 0.05, 0.05, false);
  list.block(palette.main, 'fabric', [-hw, hw], [legTop, frameTop], [sleepFrom, hd]);
  list.block(palette.main, 'fabric', [-hw, hw], [legTop, h], [-hd, sleepFrom]);
  list.block(BEDDING, 'fabric', [-hw + 0.03, hw - 0.03], [frameTop, mattressTop], [sleepFrom + 0.01, hd - 0.03]);
  // The duvet covers the lower two thirds, a shade lighter than the bed itself.
  const duvet = shade(palette.main, 0.6);
  list.block(duvet, 'fabric', [-hw + 0.015, hw - 0.015], [frameTop + 0.06, Math.min(mattressTop + 0.03, h)], [sleepFrom + (d - headDepth) * 0.33, hd - 0.015]);
  const pillows = w > 1.2 ? 2 : 1;
  const pillowDepth = clamp((d - headDepth) * 0.2, 0.2, 0.4);
  for (const span of splitSpan(-hw + 0.1, hw - 0.1, pillows, 0.08)) {
    const height = Math.max(Math.min(0.13, h - mattressTop), 0.01);
    list.sphere(PILLOW, 'fabric', [(span[0] + span[1]) / 2, mattressTop + height / 2, sleepFrom + 0.04 + pillowDepth / 2], [span[1] - span[0], height, pillowDepth]);
  }
}
