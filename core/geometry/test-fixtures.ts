/** Rooms and openings the geometry tests share. */
import type { Opening, RoomShape } from '../room.ts';
import { rectangleOutline } from '../room.ts';

export function door(overrides: Partial<Opening> = {}): Opening {
  return { id: 'door-1', kind: 'door', wallIndex: 0, offsetMm: 600, widthMm: 900, heightMm: 2050, sillHeightMm: 0, swing: 'left', ...overrides };
}

export function windowOpening(overrides: Partial<Opening> = {}): Opening {
  return { id: 'window-1', kind: 'window', wallIndex: 1, offsetMm: 1000, widthMm: 1200, heightMm: 1400, sillHeightMm: 900, ...overrides };
}

/** The acceptance room: 4200 × 3600 mm with a 900 mm door on wall 1 (the near wall, y = 0). */
export function roomOf(overrides: Partial<RoomShape> = {}): RoomShape {
  return {
    outline: rectangleOutline(4200, 3600),
    ceilingHeightMm: 2500,
    wallThicknessMm: 120,
    openings: [door()],
    floor: { colour: '#c8a27a', material: 'oak' },
    walls: { colour: '#f1ece4', material: 'paint' },
    ...overrides,
  };
}

/**
 * A 12 × 10 m room with two doors and 300 pieces of 25 products on a jittered grid, some
 * touching, some overlapping: over a thousand warnings. Shared by the warning tests and
 * `npm run bench -- geometry`. Deterministic (a fixed linear congruential generator).
 */
export function crowdedRoom(): {
  readonly room: RoomShape;
  readonly pieces: { id: string; label: string; category: string; productKey: string; widthMm: number; depthMm: number; heightMm: number; xMm: number; yMm: number; rotationDeg: number }[];
} {
  const room = roomOf({ outline: rectangleOutline(12_000, 10_000), openings: [door(), door({ id: 'd2', wallIndex: 2, offsetMm: 5000 })] });
  let seed = 7;
  const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
  const categories = ['sofa', 'armchair', 'dining chair', 'dining table', 'coffee table', 'bookcase', 'lamp', 'plant', 'sideboard', 'wall art'];
  const pieces = Array.from({ length: 300 }, (_, i) => {
    const product = i % 25;
    const id = `item-${i}`;
    return {
      id,
      label: id,
      category: categories[product % categories.length]!,
      productKey: `product-${product}`,
      widthMm: 300 + product * 40,
      depthMm: 300 + ((product * 37) % 500),
      heightMm: 400 + product * 50,
      xMm: 400 + (i % 20) * 580 + Math.round(random() * 80),
      yMm: 400 + Math.floor(i / 20) * 620 + Math.round(random() * 80),
      rotationDeg: [0, 90, 180, 270, 30][i % 5]!,
    };
  });
  return { room, pieces };
}
