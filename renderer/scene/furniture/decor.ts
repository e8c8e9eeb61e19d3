/** Lamps, rugs, plants, mirrors and wall art. */
import type { Category } from '../../../core/catalog.ts';
import { isGreenish, shade, type PiecePalette } from './colours.ts';
import { clamp, isRoundish, type Extents, type PartList } from './kit.ts';

const LINEN_SHADE = '#f1ead9';
const LEAF = '#4f7a55';
const POT = '#d8d2c6';
const SOIL = '#4a3b2f';
const MAT = '#f4f1ea';
const GLASS = '#c9d3d8';

export function buildDecor(list: PartList, category: Extract<Category, 'lamp' | 'rug' | 'plant' | 'mirror' | 'wall art'>, e: Extents, palette: PiecePalette): void {
  switch (category) {
    case 'lamp':
      return e.h >= 1 ? floorLamp(list, e, palette) : tableLamp(list, e, palette);
    case 'rug':
      return rug(list, e, palette);
    case 'plant':
      return plant(list, e, palette);
    case 'mirror':
      return mirror(list, e, palette);
    case 'wall art':
      return wallArt(list, e, palette);
  }
}

function floorLamp(list: PartList, e: Extents, palette: PiecePalette): void {
  const { w, d, h } = e;
  const size = Math.min(w, d);
  const shadeHeight = clamp(h * 0.2, 0.18, 0.4);
  list.cylinder(palette.main, 'metal', [0, 0], [0, 0.03], size * 0.6);
  list.cylinder(palette.main, 'metal', [0, 0], [0.03, h - shadeHeight * 0.5], 0.022);
  list.taper(LINEN_SHADE, 'glow', [0, 0], [h - shadeHeight, h], size);
}

function tableLamp(list: PartList, e: Extents, palette: PiecePalette): void {
  const { w, d, h } = e;
  const size = Math.min(w, d);
  const baseTop = h * 0.5;
  list.cylinder(palette.main, 'ceramic', [0, 0], [0, baseTop * 0.85], size * 0.5);
  list.cylinder(palette.metal, 'metal', [0, 0], [baseTop * 0.85, baseTop + 0.02], 0.02);
  list.taper(LINEN_SHADE, 'glow', [0, 0], [baseTop, h], size);
}

function rug(list: PartList, e: Extents, palette: PiecePalette): void {
  const { w, d, h, hw, hd } = e;
  const pile = clamp(h, 0.004, 0.03);
  const border = Math.min(w, d) * 0.06;
  if (isRoundish(w, d)) {
    list.cylinder(shade(palette.main, -0.18), 'fabric', [0, 0], [0, pile * 0.9], w, d);
    list.cylinder(palette.main, 'fabric', [0, 0], [0, pile], w - border * 2, d - border * 2);
    return;
  }
  list.block(shade(palette.main, -0.18), 'fabric', [-hw, hw], [0, pile * 0.9], [-hd, hd]);
  list.block(palette.main, 'fabric', [-hw + border, hw - border], [0, pile], [-hd + border, hd - border]);
}

function plant(list: PartList, e: Extents, palette: PiecePalette): void {
  const { w, d, h } = e;
  const size = Math.min(w, d);
  const potHeight = clamp(h * 0.28, 0.12, 0.45);
  const potWidth = clamp(size * 0.6, 0.12, 0.5);
  const pot = isGreenish(palette.main) ? POT : palette.main;
  list.taper(pot, 'ceramic', [0, 0], [0, potHeight], potWidth, true);
  list.cylinder(SOIL, 'fabric', [0, 0], [potHeight - 0.02, potHeight - 0.005], potWidth * 0.92);
  const leaf = isGreenish(palette.main) ? palette.main : LEAF;
  const tree = h > 1.2;
  if (tree) list.cylinder('#6b5643', 'wood', [0, 0], [potHeight, h * 0.6], 0.03);
  // Foliage: a few overlapping clumps, kept inside the plant's footprint and height.
  const crownBottom = tree ? h * 0.45 : potHeight;
  const crown = h - crownBottom;
  const clumps: readonly [number, number, number, number][] = [
    [0, 0.55, 0, 1],
    [-0.28, 0.4, 0.12, 0.72],
    [0.26, 0.45, -0.1, 0.7],
    [0.05, 0.3, 0.28, 0.64],
    [-0.08, 0.72, -0.22, 0.6],
  ];
  clumps.forEach(([fx, fy, fz, scale], index) => {
    const sx = Math.min(w * 0.62 * scale, w - Math.abs(fx) * w);
    const sz = Math.min(d * 0.62 * scale, d - Math.abs(fz) * d);
    const sy = Math.min(crown * 0.6 * scale, crown);
    const cy = clamp(crownBottom + crown * fy, crownBottom + sy / 2, h - sy / 2);
    list.sphere(shade(leaf, index % 2 === 0 ? 0 : -0.12), 'leaf', [fx * w * 0.5, cy, fz * d * 0.5], [sx, sy, sz]);
  });
}

function mirror(list: PartList, e: Extents, palette: PiecePalette): void {
  const { w, h, hw, hd } = e;
  const glassFront = hd;
  const frameFront = hd - 0.004;
  const depth = e.d;
  if (isRoundish(w, h)) {
    list.disc(palette.main, 'metal', [0, h / 2, (-hd + frameFront) / 2], w, frameFront + hd);
    list.disc(GLASS, 'mirror', [0, h / 2, glassFront - 0.003], w - Math.min(0.05, w * 0.08), Math.min(0.006, depth));
    return;
  }
  const rim = Math.min(0.035, w * 0.08, h * 0.08);
  list.block(palette.main, 'metal', [-hw, hw], [0, h], [-hd, frameFront]);
  list.block(GLASS, 'mirror', [-hw + rim, hw - rim], [rim, h - rim], [frameFront, glassFront]);
}

function wallArt(list: PartList, e: Extents, palette: PiecePalette): void {
  const { w, h, hw, hd } = e;
  const frame = palette.frameIsMetal ? palette.metal : palette.frame;
  const rim = Math.min(0.025, w * 0.06, h * 0.06);
  const mat = Math.min(w, h) * 0.1;
  list.block(frame, palette.frameIsMetal ? 'metal' : 'wood', [-hw, hw], [0, h], [-hd, hd - 0.004]);
  list.block(MAT, 'fabric', [-hw + rim, hw - rim], [rim, h - rim], [hd - 0.004, hd - 0.002]);
  const left = -hw + rim + mat;
  const right = hw - rim - mat;
  const bottom = rim + mat;
  const top = h - rim - mat;
  list.block(palette.main, 'fabric', [left, right], [bottom, top], [hd - 0.002, hd - 0.001]);
  // A quiet abstract shape: a darker field across the lower third and a light sun above it.
  list.block(shade(palette.main, -0.25), 'fabric', [left, right], [bottom, bottom + (top - bottom) * 0.35], [hd - 0.001, hd]);
  const sun = Math.min(right - left, top - bottom) * 0.32;
  list.disc(shade(palette.main, 0.55), 'fabric', [left + (right - left) * 0.66, bottom + (top - bottom) * 0.66, hd - 0.0005], sun, 0.001);
}
