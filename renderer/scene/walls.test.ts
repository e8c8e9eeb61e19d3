import { assert, describe, it } from '../testing/node-test.ts';
import { rectangleOutline, type RoomShape } from '../../core/room.ts';
import { openingTrims, prismGeometry, skirtings, wallPrisms, wallSpans } from './walls.ts';

const room = (overrides: Partial<RoomShape> = {}): RoomShape => ({
  outline: rectangleOutline(5200, 4200),
  ceilingHeightMm: 2600,
  wallThicknessMm: 120,
  openings: [
    { id: 'w', kind: 'window', wallIndex: 0, offsetMm: 1800, widthMm: 1600, heightMm: 1400, sillHeightMm: 850 },
    { id: 'd', kind: 'door', wallIndex: 2, offsetMm: 600, widthMm: 900, heightMm: 2050, sillHeightMm: 0 },
  ],
  floor: { colour: '#c8a27a', material: 'oak' },
  walls: { colour: '#f1ece4', material: 'paint' },
  ...overrides,
});

describe('wallSpans', () => {
  it('leaves a window’s gap between a sill and a lintel', () => {
    assert.deepEqual(wallSpans(5200, 2600, [{ offsetMm: 1800, widthMm: 1600, sillHeightMm: 850, heightMm: 1400 }]), [
      { from: 0, to: 1800, bottom: 0, top: 2600 },
      { from: 1800, to: 3400, bottom: 0, top: 850 },
      { from: 1800, to: 3400, bottom: 2250, top: 2600 },
      { from: 3400, to: 5200, bottom: 0, top: 2600 },
    ]);
  });

  it('cuts a door to the floor and clips an opening that runs past the wall', () => {
    assert.deepEqual(wallSpans(1000, 2600, [{ offsetMm: 600, widthMm: 900, sillHeightMm: 0, heightMm: 2050 }]), [
      { from: 0, to: 600, bottom: 0, top: 2600 },
      { from: 600, to: 1000, bottom: 2050, top: 2600 },
    ]);
  });

  it('lowers everything to a cut-away height, keeping the door gap', () => {
    const spans = wallSpans(4200, 90, [{ offsetMm: 600, widthMm: 900, sillHeightMm: 0, heightMm: 2050 }]);
    assert.deepEqual(spans, [
      { from: 0, to: 600, bottom: 0, top: 90 },
      { from: 1500, to: 4200, bottom: 0, top: 90 },
    ]);
  });
});

describe('wallPrisms', () => {
  it('builds walls outside the outline, so the room keeps its measured inside', () => {
    const prisms = wallPrisms(room({ openings: [] }));
    assert.equal(prisms.length, 4);
    for (const prism of prisms) {
      const [innerStart, innerEnd, outerEnd, outerStart] = prism.quad;
      for (const inner of [innerStart, innerEnd]) assert.ok(inner.x >= 0 && inner.x <= 5200 && inner.y >= 0 && inner.y <= 4200);
      for (const outer of [outerEnd, outerStart]) assert.ok(outer.x <= 0 || outer.x >= 5200 || outer.y <= 0 || outer.y >= 4200, `outer corner ${JSON.stringify(outer)} is outside`);
    }
  });

  it('mitres the corners so neighbouring walls meet exactly', () => {
    const prisms = wallPrisms(room({ openings: [] }));
    const first = prisms.find((prism) => prism.wallIndex === 0)!;
    const last = prisms.find((prism) => prism.wallIndex === 3)!;
    assert.deepEqual(first.quad[3], { x: -120, y: -120 });
    assert.deepEqual(last.quad[2], { x: -120, y: -120 });
  });

  it('works whichever way the outline runs', () => {
    const clockwise = wallPrisms(room({ outline: [...rectangleOutline(5200, 4200)].reverse(), openings: [] }));
    const corners = clockwise.flatMap((prism) => [prism.quad[2], prism.quad[3]]);
    assert.ok(corners.some((corner) => corner.x === -120 && corner.y === -120));
    assert.ok(corners.every((corner) => Math.abs(corner.x) === 120 || Math.abs(corner.x - 5320) < 1e-9 || Math.abs(corner.y + 120) < 1e-9 || Math.abs(corner.y - 4320) < 1e-9));
  });

  it('cuts openings out of their walls', () => {
    const prisms = wallPrisms(room());
    assert.equal(prisms.filter((prism) => prism.wallIndex === 0).length, 4);
    assert.equal(prisms.filter((prism) => prism.wallIndex === 2).length, 3);
  });
});

describe('openingTrims', () => {
  it('glazes windows and cases doors', () => {
    const { frames, glass } = openingTrims(room());
    assert.equal(glass.length, 1);
    assert.equal(glass[0]!.bottomMm, 850 + 45);
    assert.ok(frames.some((frame) => frame.wallIndex === 2));
  });
});

describe('prismGeometry', () => {
  it('makes five faces per prism with normals pointing out of it', () => {
    const prisms = wallPrisms(room({ openings: [] }));
    const geometry = prismGeometry(prisms.slice(0, 1), '#ffffff', '#000000');
    const positions = geometry.getAttribute('position');
    const normals = geometry.getAttribute('normal');
    assert.equal(positions.count, 5 * 6);
    // Wall 0 runs along y = 0 and stands on the −y side: its outer face's normal points to −z in the scene.
    let outward = 0;
    for (let i = 0; i < normals.count; i++) if (normals.getZ(i) < -0.99) outward++;
    assert.equal(outward, 6);
  });
});

describe('skirtings', () => {
  it('runs a low board along each wall’s inner face, broken at a door but not under a window', () => {
    const room = {
      outline: rectangleOutline(4000, 3000),
      ceilingHeightMm: 2500,
      wallThicknessMm: 100,
      openings: [
        { id: 'd', kind: 'door' as const, wallIndex: 0, offsetMm: 1000, widthMm: 900, heightMm: 2000, sillHeightMm: 0 },
        { id: 'w', kind: 'window' as const, wallIndex: 1, offsetMm: 500, widthMm: 1200, heightMm: 1200, sillHeightMm: 900 },
      ],
      floor: { colour: '#cccccc', material: 'oak' },
      walls: { colour: '#eeeeee', material: 'paint' },
    };
    const boards = skirtings(room);
    assert.equal(boards.filter((board) => board.wallIndex === 0).length, 2);
    assert.equal(boards.filter((board) => board.wallIndex === 1).length, 1);
    assert.equal(boards.length, 5);
    for (const board of boards) assert.ok(board.bottomMm === 0 && board.topMm === 80);
    // Proud of the inner face, into the room (wall 0 is y = 0; the room is at y > 0).
    const first = boards.find((board) => board.wallIndex === 0)!;
    assert.ok(Math.max(...first.quad.map((p) => p.y)) === 12 && Math.min(...first.quad.map((p) => p.y)) === 0);
  });
});

describe('prismGeometry shading', () => {
  it('darkens wall faces a little toward the floor and leaves the caps alone', () => {
    const geometry = prismGeometry(wallPrisms(room()).filter((prism) => prism.wallIndex === 0), '#ffffff', '#808080');
    const position = geometry.getAttribute('position');
    const colour = geometry.getAttribute('color');
    let floorLevel = 1;
    let top = 0;
    for (let i = 0; i < position.count; i++) {
      if (colour.getX(i) < 0.6) continue; // the cap
      if (position.getY(i) === 0) floorLevel = Math.min(floorLevel, colour.getX(i));
      else top = Math.max(top, colour.getX(i));
    }
    assert.ok(Math.abs(floorLevel - 0.9) < 1e-6, `floor ${floorLevel}`);
    assert.ok(top > 0.99);
  });
});
