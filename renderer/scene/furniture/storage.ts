/** Wardrobes, bookcases, wall shelves, sideboards and TV units. */
import type { Category } from '../../../core/catalog.ts';
import { seededRandom } from '../../../core/random.ts';
import { shade, type PiecePalette } from './colours.ts';
import { clamp, fourLegs, splitSpan, type Extents, type PartList, type Range } from './kit.ts';

export function buildStorage(list: PartList, category: Extract<Category, 'wardrobe' | 'bookcase' | 'shelf' | 'sideboard' | 'tv unit'>, e: Extents, palette: PiecePalette): void {
  switch (category) {
    case 'wardrobe':
      return wardrobe(list, e, palette);
    case 'bookcase':
      return bookcase(list, e, palette);
    case 'shelf':
      return wallShelf(list, e, palette);
    case 'sideboard':
      return cabinet(list, e, palette, clamp(e.h * 0.2, 0.05, 0.18), e.w > 1.5 ? 4 : e.w > 0.9 ? 3 : 2, 'doors');
    case 'tv unit':
      return cabinet(list, e, palette, clamp(e.h * 0.22, 0.04, 0.14), e.w > 1.4 ? 3 : 2, 'drawers');
  }
}

const BOOK_COLOURS = ['#8a4b3a', '#3f5a6b', '#c9b48a', '#5d6b4f', '#e3dccd', '#2f3a44', '#a0694a', '#7a7f86', '#b9a27a'];

/** Seeded by the piece's size, so the same bookcase always holds the same books (a seed of 0 counts as 1). */
const booksRandom = (seed: number): (() => number) => seededRandom(seed >>> 0 || 1);

/** Rows of books standing on a shelf from `x` within `height` and `depth`, filling about 60 %. */
function books(list: PartList, random: () => number, x: Range, y: number, height: number, z: Range): void {
  const width = x[1] - x[0];
  if (width < 0.1 || height < 0.08) return;
  let cursor = x[0] + 0.02 + random() * width * 0.15;
  while (cursor < x[1] - 0.05) {
    const run = 4 + Math.floor(random() * 8);
    for (let i = 0; i < run && cursor < x[1] - 0.03; i++) {
      const thickness = 0.018 + random() * 0.022;
      const tall = height * (0.62 + random() * 0.3);
      const colour = BOOK_COLOURS[Math.floor(random() * BOOK_COLOURS.length)] ?? BOOK_COLOURS[0]!;
      list.block(colour, 'fabric', [cursor, Math.min(cursor + thickness, x[1] - 0.005)], [y, y + tall], z);
      cursor += thickness + 0.002;
    }
    cursor += 0.08 + random() * width * 0.35;
  }
}

function wardrobe(list: PartList, e: Extents, palette: PiecePalette): void {
  const { w, h, hw, hd } = e;
  const plinth = clamp(h * 0.04, 0.04, 0.1);
  const front = hd - 0.035;
  list.block(shade(palette.main, -0.35), 'wood', [-hw + 0.02, hw - 0.02], [0, plinth], [-hd + 0.02, front - 0.02]);
  list.block(palette.main, 'wood', [-hw, hw], [plinth, h], [-hd, front]);
  const doors = w > 1.6 ? 3 : w > 0.7 ? 2 : 1;
  const spans = splitSpan(-hw + 0.006, hw - 0.006, doors, 0.006);
  spans.forEach((span, index) => {
    list.block(shade(palette.main, 0.04), 'wood', span, [plinth + 0.006, h - 0.006], [front, hd - 0.015]);
    // Handles sit on the edge next to the middle of the wardrobe.
    const handleX = index < doors / 2 ? span[1] - 0.04 : span[0] + 0.04;
    list.block(palette.metal, 'metal', [handleX - 0.007, handleX + 0.007], [h * 0.45, h * 0.45 + 0.28], [hd - 0.015, hd]);
  });
}

function bookcase(list: PartList, e: Extents, palette: PiecePalette): void {
  const { w, d, h, hw, hd } = e;
  const board = clamp(w * 0.025, 0.018, 0.03);
  const body = palette.main;
  list.block(shade(body, -0.08), 'wood', [-hw, hw], [0, h], [-hd, -hd + 0.01]);
  list.block(body, 'wood', [-hw, -hw + board], [0, h], [-hd, hd]);
  list.block(body, 'wood', [hw - board, hw], [0, h], [-hd, hd]);
  const shelves = Math.max(2, Math.round((h - 0.08) / 0.36));
  const pitch = (h - board) / shelves;
  const random = booksRandom(Math.round(w * 1000) * 31 + Math.round(h * 1000) * 17 + Math.round(d * 1000));
  for (let i = 0; i <= shelves; i++) {
    const y = i * pitch;
    list.block(body, 'wood', [-hw + board, hw - board], [y, y + board], [-hd + 0.01, hd]);
    if (i < shelves) books(list, random, [-hw + board, hw - board], y + board, pitch - board - 0.01, [-hd + 0.02, -hd + 0.02 + Math.max(d * 0.75, 0.02)]);
  }
}

function wallShelf(list: PartList, e: Extents, palette: PiecePalette): void {
  const { w, d, h, hw, hd } = e;
  const board = clamp(h * 0.1, 0.012, 0.025);
  const tiers = h < 0.12 ? 1 : Math.max(1, Math.round(h / 0.3));
  const pitch = tiers === 1 ? 0 : (h - board) / (tiers - 1);
  const random = booksRandom(Math.round(w * 1000) * 13 + Math.round(h * 1000));
  for (let i = 0; i < tiers; i++) {
    const y = tiers === 1 ? h - board : i * pitch;
    list.block(palette.main, 'wood', [-hw, hw], [y, y + board], [-hd, hd]);
    for (const side of [-1, 1] as const) {
      const x = side * (hw - Math.min(0.08, w * 0.15));
      list.block(palette.metal, 'metal', [x - 0.008, x + 0.008], [Math.max(y - 0.05, 0), y], [-hd, -hd + d * 0.8]);
    }
    if (i < tiers - 1 || tiers === 1) {
      const space = tiers === 1 ? 0 : pitch - board - 0.01;
      if (space > 0.1) books(list, random, [-hw, hw * 0.2], y + board, space, [-hd + 0.01, -hd + Math.max(d * 0.8, 0.02)]);
    }
  }
}

/** Sideboards and TV units: a low body on legs with door or drawer fronts. */
function cabinet(list: PartList, e: Extents, palette: PiecePalette, legTop: number, fronts: number, kind: 'doors' | 'drawers'): void {
  const { h, hw, hd } = e;
  const face = hd - 0.02;
  const legFinish = palette.frameIsMetal ? 'metal' : 'wood';
  fourLegs(list, palette.frame, legFinish, e, legTop, 0.035, 0.04, true);
  list.block(palette.main, 'wood', [-hw, hw], [legTop, h - 0.025], [-hd, face]);
  list.block(shade(palette.main, -0.05), 'wood', [-hw, hw], [h - 0.025, h], [-hd, hd]);
  const frontColour = shade(palette.main, 0.05);
  for (const span of splitSpan(-hw + 0.01, hw - 0.01, fronts, 0.006)) {
    list.block(frontColour, 'wood', span, [legTop + 0.01, h - 0.035], [face, hd - 0.008]);
    const mid = (span[0] + span[1]) / 2;
    const handleY = kind === 'drawers' ? (legTop + h) / 2 : h - 0.09;
    list.block(palette.metal, 'metal', [mid - 0.05, mid + 0.05], [handleY - 0.006, handleY + 0.006], [hd - 0.008, hd]);
  }
}
