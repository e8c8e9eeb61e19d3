import { assert, describe, it } from '../../testing/node-test.ts';
import { rectangleOutline, type RoomShape } from '../../../core/room.ts';
import { addOpening, isValid, moveCorner, openingProblems, problemsOf, removeOpening, sameDraft, shapeOf, slideOffset, snapCorner, snapDraggedCorner, updateOpening } from './draft.ts';

const shape = (overrides: Partial<RoomShape> = {}): RoomShape =>
  shapeOf({
    outline: rectangleOutline(4200, 3600),
    ceilingHeightMm: 2500,
    wallThicknessMm: 100,
    openings: [],
    floor: { colour: '#c8a27a', material: 'wood' },
    walls: { colour: '#f1ece4', material: 'paint' },
    ...overrides,
  });

describe('snapping while drawing', () => {
  it('puts corners on the 10 mm grid and straightens nearly square walls', () => {
    assert.deepEqual(snapCorner({ x: 1234.4, y: -5.2 }, null), { x: 1230, y: -10 });
    assert.deepEqual(snapCorner({ x: 4000, y: 180 }, { x: 0, y: 0 }), { x: 4000, y: 0 }, '2.6° off horizontal');
    assert.deepEqual(snapCorner({ x: 4150, y: 3600 }, { x: 4200, y: 0 }), { x: 4200, y: 3600 }, 'nearly vertical');
    assert.deepEqual(snapCorner({ x: 1000, y: 1000 }, { x: 0, y: 0 }), { x: 1000, y: 1000 }, 'a diagonal stays diagonal');
  });

  it('lines a dragged corner up with its neighbours', () => {
    const outline = rectangleOutline(4200, 3600);
    assert.deepEqual(snapDraggedCorner(outline, 2, { x: 4813, y: 3592 }, 40), { x: 4810, y: 3600 });
    assert.deepEqual(snapDraggedCorner(outline, 2, { x: 4185, y: 3000 }, 40), { x: 4200, y: 3000 });
  });
});

describe('editing the draft', () => {
  it('moves a corner and leaves the shape alone when nothing moved', () => {
    const s = shape();
    assert.equal(moveCorner(s, 2, { x: 4200, y: 3600 }), s);
    assert.deepEqual(moveCorner(s, 2, { x: 4800, y: 3600 }).outline[2], { x: 4800, y: 3600 });
  });

  it('adds a door centred on its wall with a unique id, edits and removes it', () => {
    const first = addOpening(shape(), 'door', 0);
    assert.equal(first.id, 'door-1');
    assert.deepEqual(first.shape.openings[0], { id: 'door-1', kind: 'door', wallIndex: 0, offsetMm: 1650, widthMm: 900, heightMm: 2050, sillHeightMm: 0, swing: 'left' });
    const second = addOpening(first.shape, 'window', 1);
    assert.equal(second.id, 'window-1');
    assert.equal(second.shape.openings[1]!.sillHeightMm, 900);
    const asWindow = updateOpening(second.shape, 'door-1', { kind: 'window' });
    assert.equal('swing' in asWindow.openings[0]!, false, 'a window has no swing');
    assert.equal(updateOpening(asWindow, 'door-1', { kind: 'door' }).openings[0]!.swing, 'left');
    assert.deepEqual(removeOpening(second.shape, 'door-1').openings.map((o) => o.id), ['window-1']);
  });

  it('slides an opening along its wall on the grid, never past its ends', () => {
    const { shape: s, id } = addOpening(shape(), 'door', 0);
    assert.equal(slideOffset(s, id, 1234), 1230);
    assert.equal(slideOffset(s, id, -300), 0);
    assert.equal(slideOffset(s, id, 9000), 3300);
  });
});

describe('problems', () => {
  it('puts a door wider than its wall beside the door and marks the wall', () => {
    const narrow = shape({ outline: rectangleOutline(800, 3000) });
    const { shape: s } = addOpening(narrow, 'door', 0);
    const problems = problemsOf({ name: 'Hall', shape: s }, 'Name the room');
    assert.equal(isValid(problems), false);
    assert.deepEqual(openingProblems(problems, 0), ['wall 1 (800 mm) is shorter than door 1 on it (900 mm wide)']);
    assert.ok(problems.walls.has(0));
    assert.deepEqual(problems.wallMessages.get(0), ['wall 1 (800 mm) is shorter than door 1 on it (900 mm wide)']);
    assert.ok(problems.openings.has('door-1'));
  });

  it('marks both walls that cross, and asks for a name', () => {
    const outline = [{ x: 0, y: 0 }, { x: 3000, y: 0 }, { x: 3000, y: 3000 }, { x: 1000, y: 3000 }, { x: 4000, y: 1500 }, { x: 0, y: 1500 }];
    const problems = problemsOf({ name: ' ', shape: shape({ outline }) }, 'Name the room');
    assert.deepEqual(problems.outline, ['wall 2 crosses wall 4', 'wall 2 crosses wall 5']);
    assert.deepEqual([...problems.walls].sort(), [1, 3, 4]);
    assert.equal(problems.byPath.get('name'), 'Name the room');
  });

  it('a sound room has none', () => {
    assert.equal(isValid(problemsOf({ name: 'Bedroom', shape: addOpening(shape(), 'door', 0).shape }, 'x')), true);
  });
});

describe('sameDraft', () => {
  it('compares drafts by what they would save', () => {
    const a = { name: 'Bedroom', shape: shape() };
    assert.equal(sameDraft(a, { name: 'Bedroom', shape: shapeOf(JSON.parse(JSON.stringify(a.shape))) }), true);
    assert.equal(sameDraft(a, { name: 'Bedroom', shape: moveCorner(a.shape, 1, { x: 4300, y: 0 }) }), false);
  });
});
