/**
 * Procedural furniture: every catalog category becomes a handful of primitive parts sized from
 * the product's own width, depth and height, so a piece is always drawn at true size even
 * without a model file. The scene turns the parts into instances (see instancing.ts).
 */
import { extentsOf, PartList, type Part, type PieceSpec } from './kit.ts';
import { buildSeating } from './seating.ts';
import { buildTable } from './tables.ts';
import { buildStorage } from './storage.ts';
import { buildDecor } from './decor.ts';

export type { Part, PieceSpec } from './kit.ts';

export function furnitureParts(spec: PieceSpec): Part[] {
  const e = extentsOf(spec);
  const list = new PartList(e);
  switch (spec.category) {
    case 'sofa':
    case 'armchair':
    case 'dining chair':
    case 'office chair':
    case 'bed':
      buildSeating(list, spec.category, e, spec.palette);
      break;
    case 'dining table':
    case 'coffee table':
    case 'side table':
    case 'desk':
      buildTable(list, spec.category, e, spec.palette);
      break;
    case 'wardrobe':
    case 'bookcase':
    case 'shelf':
    case 'sideboard':
    case 'tv unit':
      buildStorage(list, spec.category, e, spec.palette);
      break;
    case 'lamp':
    case 'rug':
    case 'plant':
    case 'mirror':
    case 'wall art':
      buildDecor(list, spec.category, e, spec.palette);
      break;
  }
  // A size no builder can make sense of (a 1 cm sofa) is still shown, as a plain block.
  if (list.parts.length === 0) list.block(spec.palette.main, 'fabric', [-e.hw, e.hw], [0, e.h], [-e.hd, e.hd]);
  return list.parts;
}
