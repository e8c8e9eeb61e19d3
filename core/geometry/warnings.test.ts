import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { crowdedRoom, door, roomOf } from './test-fixtures.ts';
import { roomWarnings, standCloseByDesign, tucksUnder, type RoomPiece } from './warnings.ts';

function piece(id: string, category: string, [widthMm, depthMm, heightMm]: [number, number, number], [xMm, yMm, rotationDeg]: [number, number, number], extra: Partial<RoomPiece> = {}): RoomPiece {
  return { id, label: id, category, productKey: `p-${id}`, widthMm, depthMm, heightMm, xMm, yMm, rotationDeg, ...extra };
}

const SOFA: [number, number, number] = [2100, 900, 850];

/** The acceptance room furnished: one thing wrong of each kind, and several things that are fine. */
const living: RoomPiece[] = [
  piece('sofa', 'sofa', SOFA, [2100, 3150, 180]),
  piece('coffee table', 'coffee table', [1200, 600, 400], [2100, 2100, 0]),
  piece('rug', 'rug', [2400, 1700, 10], [2100, 2300, 0]),
  piece('armchair', 'armchair', [800, 800, 800], [3800, 3200, 180]),
  piece('sideboard', 'sideboard', [1600, 450, 800], [1400, 225, 0]),
  piece('bookcase', 'bookcase', [800, 300, 1800], [150, 2000, 270]),
  piece('lamp', 'lamp', [400, 400, 1600], [250, 2500, 0]),
  piece('plant', 'plant', [400, 400, 1200], [-200, 1000, 0]),
  piece('art', 'wall art', [1000, 40, 700], [2100, 3580, 180], { elevationMm: 1300 }),
];

describe('roomWarnings', () => {
  const warnings = roomWarnings(roomOf(), living);
  const of = (kind: string) => warnings.filter((w) => w.kind === kind);

  it('flags the lamp standing in the bookcase, and nothing on the rug or behind the art', () => {
    assert.deepEqual(of('overlap').map((w) => [w.itemIds, w.message]), [[['bookcase', 'lamp'], 'bookcase and lamp overlap']]);
  });

  it('flags the plant outside the room', () => {
    assert.deepEqual(of('outside-room').map((w) => [w.itemIds, w.message, w.at]), [[['plant'], 'plant is not inside the room', { x: -200, y: 1000 }]]);
  });

  it('flags the 250 mm squeeze between sofa and armchair, not the coffee table in front of the sofa', () => {
    const narrow = of('narrow-walkway');
    assert.deepEqual(narrow.map((w) => [w.itemIds, w.message]), [[['sofa', 'armchair'], 'only 25 cm between sofa and armchair; a walkway needs 60 cm']]);
    assert.deepEqual(narrow[0]!.at, { x: 3275, y: 3200 });
  });

  it('flags the sideboard in the door’s swing', () => {
    assert.deepEqual(of('door-swing-blocked').map((w) => [w.itemIds, w.message]), [[['sideboard'], 'sideboard blocks door 1 from opening']]);
  });

  it('does not flag a shelf hung above the door', () => {
    const shelf = piece('shelf', 'shelf', [900, 250, 300], [1050, 125, 0], { elevationMm: 2100 });
    assert.deepEqual(roomWarnings(roomOf(), [shelf]).filter((w) => w.kind === 'door-swing-blocked'), []);
    assert.equal(roomWarnings(roomOf(), [{ ...shelf, elevationMm: 1500 }]).filter((w) => w.kind === 'door-swing-blocked').length, 1);
  });

  it('finds every piece fits through the 900 mm door', () => {
    assert.deepEqual(of('doorway-fit'), []);
  });

  it('flags a 2400 mm-deep sofa as not fitting through an 800 mm door, once for all its copies', () => {
    const room = roomOf({ openings: [door({ widthMm: 800 })] });
    const big = { widthMm: 2500, depthMm: 2400, heightMm: 900, productKey: 'big-sofa' };
    const result = roomWarnings(room, [piece('big 1', 'sofa', SOFA, [1300, 2000, 0], big), piece('big 2', 'sofa', SOFA, [1300, 2000, 0], big)]).filter((w) => w.kind === 'doorway-fit');
    assert.equal(result.length, 1);
    const [fit] = result;
    assert.deepEqual(fit!.itemIds, ['big 1', 'big 2']);
    assert.equal(fit!.kind === 'doorway-fit' && fit!.fit.fits, false);
    assert.equal(fit!.message, 'big 1 may not fit through door 1 (80 cm × 2.05 m): its smallest cross-section, 90 cm × 2.4 m, is larger');
    assert.deepEqual(fit!.at, { x: 1000, y: 0 });
  });

  it('says which door a piece does fit through, in the user’s units', () => {
    const room = roomOf({ openings: [door({ widthMm: 800 }), door({ id: 'patio', wallIndex: 2, offsetMm: 1000, widthMm: 1600 })] });
    const [fit] = roomWarnings(room, [piece('sofa', 'sofa', SOFA, [2100, 1800, 0])], { units: 'imperial' }).filter((w) => w.kind === 'doorway-fit');
    assert.equal(fit!.message, 'sofa may not fit through door 1 (2′ 7″ × 6′ 9″): its smallest cross-section, 2′ 9″ × 2′ 11″, is larger; it fits through door 2');
  });

  it('lets chairs tuck under their table unless companions are turned off', () => {
    const dining = [piece('table', 'dining table', [1600, 900, 750], [2100, 1800, 0]), piece('chair', 'dining chair', [450, 500, 800], [2100, 1800 + 450 + 100, 180])];
    assert.deepEqual(roomWarnings(roomOf({ openings: [] }), dining), []);
    assert.deepEqual(roomWarnings(roomOf({ openings: [] }), dining, { allowCompanions: false }).map((w) => w.kind), ['overlap']);
  });

  it('flags two pictures hung over each other, not a picture above a sideboard', () => {
    const wall = [
      piece('art 1', 'wall art', [800, 40, 600], [1000, 3580, 180], { elevationMm: 1400 }),
      // Right over the sideboard's middle, higher than its top.
      piece('art 2', 'wall art', [800, 40, 600], [1400, 3580, 180], { elevationMm: 1600 }),
      piece('mirror', 'mirror', [800, 40, 600], [3000, 3580, 180], { elevationMm: 500 }),
      piece('art 3', 'wall art', [800, 40, 600], [3000, 3580, 180], { elevationMm: 1200 }),
      piece('sideboard', 'sideboard', [1600, 450, 800], [800, 3375, 180]),
    ];
    assert.deepEqual(roomWarnings(roomOf({ openings: [] }), wall).map((w) => [w.kind, w.itemIds]), [['overlap', ['art 1', 'art 2']]]);
  });
});

describe('companion rules', () => {
  it('pairs pieces that belong together, either way round', () => {
    assert.equal(standCloseByDesign('sofa', 'coffee table'), true);
    assert.equal(standCloseByDesign('side table', 'bed'), true);
    assert.equal(standCloseByDesign('dining chair', 'dining chair'), true);
    assert.equal(standCloseByDesign('lamp', 'wardrobe'), true);
    assert.equal(standCloseByDesign('sofa', 'armchair'), false);
    assert.equal(standCloseByDesign('wardrobe', 'bed'), false);
    assert.equal(tucksUnder('desk', 'office chair'), true);
    assert.equal(tucksUnder('coffee table', 'sofa'), false);
  });
});

describe('at 300 pieces', () => {
  // How long this takes is measured by `npm run bench -- geometry`, not here.
  const { room, pieces } = crowdedRoom();

  it('works out over a thousand warnings of every floor kind, the same each time', () => {
    const warnings = roomWarnings(room, pieces);
    assert.ok(warnings.length > 1000, `${warnings.length} warnings`);
    const kinds = new Set(warnings.map((w) => w.kind));
    for (const kind of ['overlap', 'narrow-walkway', 'door-swing-blocked'] as const) assert.ok(kinds.has(kind), `no ${kind} warning`);
    assert.deepEqual(roomWarnings(room, [...pieces].reverse()).map(warningKey).sort(), warnings.map(warningKey).sort());
  });
});

const warningKey = (w: { kind: string; itemIds: readonly string[] }) => `${w.kind}:${[...w.itemIds].sort().join('|')}`;
