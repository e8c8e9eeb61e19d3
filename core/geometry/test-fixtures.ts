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
