import { footprintInsideRoom, footprintOf, type RoomPiece } from '../../core/geometry/index.ts';
import { readItem } from '../../core/options/index.ts';
import { rectangleOutline, type Opening, type PlacedItem, type RoomShape } from '../../core/room.ts';
import { assert, describe, it } from '../testing/node-test.ts';
import { EDITOR_COMMANDS, setActiveEditor } from './commands.ts';
import { createEditorController, type NoticeKey } from './controller.ts';
import { selectionDimensions, wallDistances } from './dimensions.ts';
import { createDragSession, trackDrag } from './dragSession.ts';
import { subscribeDragPreview, type DragPreview } from './dragPreview.ts';
import { createEditorStore } from './editorStore.ts';
import { defaultElevationMm, dropPlacement, hangOnWall, nudgeDelta, nudgePlacement, turnedRotation } from './placement.ts';
import { filterCommands, moveHighlight } from './palette.ts';
import { createRoomPieceCache, type ProductFacts } from './roomPieces.ts';
import { createTestLive } from './testLive.ts';
import { doorwayFitOf, editorWarnings, severityByItem } from './warnings.ts';

const outline = rectangleOutline(4200, 3600);
const door = (widthMm: number): Opening => ({ id: 'door-1', kind: 'door', wallIndex: 0, offsetMm: 300, widthMm, heightMm: 2040, sillHeightMm: 0, swing: 'left' });
const room = (doorWidth = 900): RoomShape => ({ outline, ceilingHeightMm: 2500, wallThicknessMm: 120, openings: [door(doorWidth)], floor: { colour: '#c8a27a', material: 'oak' }, walls: { colour: '#f1ece4', material: 'paint' } });

const sofa: ProductFacts = { id: 'p-sofa', name: 'Oslo sofa', category: 'sofa', widthMm: 2100, depthMm: 900, heightMm: 820 };
const deepSofa: ProductFacts = { id: 'p-deep', name: 'Lounge sofa', category: 'sofa', widthMm: 2600, depthMm: 2400, heightMm: 850 };
const table: ProductFacts = { id: 'p-table', name: 'Coffee table', category: 'coffee table', widthMm: 1200, depthMm: 600, heightMm: 420 };
const mirror: ProductFacts = { id: 'p-mirror', name: 'Round mirror', category: 'mirror', widthMm: 800, depthMm: 40, heightMm: 800 };
const products = new Map([sofa, deepSofa, table, mirror].map((p) => [p.id, p]));

const item = (id: string, productId: string, xMm: number, yMm: number, rotationDeg = 0, elevationMm = 0): PlacedItem => ({ id, productId, xMm, yMm, rotationDeg, elevationMm, quantity: 1 });
const piece = (id: string, p: ProductFacts, xMm: number, yMm: number, rotationDeg = 0): RoomPiece => ({ id, label: p.name, category: p.category, productKey: p.id, widthMm: p.widthMm, depthMm: p.depthMm, heightMm: p.heightMm, xMm, yMm, rotationDeg, elevationMm: 0 });

function setup(items: PlacedItem[] = [], shape = room()) {
  const live = createTestLive(items);
  const notices: { tone: string; key: NoticeKey; params?: Record<string, string> }[] = [];
  let selected: string | null = null;
  let counter = 0;
  const controller = createEditorController({
    live,
    shape: () => shape,
    products: () => products,
    notify: (tone, key, params) => notices.push({ tone, key, ...(params ? { params } : {}) }),
    selection: { get: () => selected, set: (id) => (selected = id) },
    newId: () => `new-${++counter}`,
  });
  return { live, controller, notices, select: (id: string | null) => (selected = id), selected: () => selected };
}

describe('placement', () => {
  it('drops a piece near a wall flat against it, facing into the room', () => {
    const drop = dropPlacement({ outline, piece: sofa, proposed: { xMm: 2100, yMm: 500, rotationDeg: 0 }, neighbours: [] });
    assert.ok(drop.ok);
    assert.deepEqual(drop.placement, { xMm: 2100, yMm: 450, rotationDeg: 0 });
    assert.equal(drop.wallIndex, 0);
    assert.equal(drop.clamped, false);
  });

  it('clamps a piece dropped outside the room inside it, and refuses one that cannot fit', () => {
    const drop = dropPlacement({ outline, piece: sofa, proposed: { xMm: 5000, yMm: 1800, rotationDeg: 0 }, neighbours: [] });
    assert.ok(drop.ok);
    assert.equal(drop.clamped, true);
    assert.ok(footprintInsideRoom(footprintOf(sofa, drop.placement), outline));
    const huge = { ...sofa, widthMm: 5000, depthMm: 4000 };
    assert.deepEqual(dropPlacement({ outline, piece: huge, proposed: { xMm: 2100, yMm: 1800, rotationDeg: 0 }, neighbours: [] }), { ok: false, reason: 'does-not-fit' });
  });

  it('turns a piece that only fits the other way round when clamping', () => {
    const long = { ...sofa, widthMm: 4000, depthMm: 600 };
    const drop = dropPlacement({ outline: rectangleOutline(3000, 4200), piece: long, proposed: { xMm: 1500, yMm: 2100, rotationDeg: 0 }, neighbours: [] });
    assert.ok(drop.ok);
    assert.equal(drop.placement.rotationDeg % 180, 90);
  });

  it('hangs a mirror on the nearest wall, back to it, within the wall', () => {
    const hung = hangOnWall(outline, mirror, { x: 4100, y: 3500 });
    // Nearest is the right wall (x = 4200) or the far wall; either way flush and inside.
    assert.ok(hung.inside);
    assert.ok([1, 2].includes(hung.wallIndex!));
    const onRight = hangOnWall(outline, mirror, { x: 4000, y: 1800 });
    assert.deepEqual(onRight.placement, { xMm: 4180, yMm: 1800, rotationDeg: 90 });
    assert.equal(defaultElevationMm('mirror', 800), 1100);
    assert.equal(defaultElevationMm('sofa', 800), 0);
  });

  it('nudges by 10 mm, 100 mm with Shift, up the plan is −y, and keeps pieces inside', () => {
    assert.deepEqual(nudgeDelta('ArrowRight', false), { dxMm: 10, dyMm: 0 });
    assert.deepEqual(nudgeDelta('ArrowUp', true), { dxMm: 0, dyMm: -100 });
    assert.deepEqual(nudgeDelta('ArrowDown', false), { dxMm: 0, dyMm: 10 });
    assert.deepEqual(nudgePlacement(outline, sofa, { xMm: 2100, yMm: 1000, rotationDeg: 0 }, { dxMm: 10, dyMm: 0 }), { xMm: 2110, yMm: 1000, rotationDeg: 0 });
    assert.equal(nudgePlacement(outline, sofa, { xMm: 2100, yMm: 450, rotationDeg: 0 }, { dxMm: 0, dyMm: -10 }), null);
  });

  it('turns by quarter turns, or freely', () => {
    assert.equal(turnedRotation(0, 90, false), 90);
    assert.equal(turnedRotation(270, 90, false), 0);
    assert.equal(turnedRotation(30, 90, false), 90);
    assert.equal(turnedRotation(30, 15, true), 45);
  });
});

describe('drag session', () => {
  it('follows the pointer from where it grabbed, snaps, and ignores a jitter below the threshold', () => {
    const others = [piece('t', table, 2100, 1800)];
    const session = createDragSession({ outline, piece: piece('s', sofa, 2100, 1000), others, grab: { x: 2000, y: 1000 } });
    session.move({ x: 2005, y: 1003 }, false);
    assert.equal(session.result(), null);
    const moved = session.move({ x: 1000, y: 500 }, false);
    // The pointer was 100 mm left of the centre; the back snaps to the near wall.
    assert.equal(moved.placement.yMm, 450);
    assert.equal(moved.wallIndex, 0);
    assert.ok(session.result());
  });
});

describe('a tracked drag', () => {
  it('publishes a preview per move, writes once on drop, and puts the piece back when the write is refused', () => {
    const seen: (DragPreview | null)[] = [];
    const stop = subscribeDragPreview((preview) => seen.push(preview));
    const writes: unknown[] = [];
    const start = () => createDragSession({ outline, piece: piece('s', sofa, 2100, 1800), others: [], grab: { x: 2100, y: 1800 } });
    const ok = trackDrag(start(), 0, (id, placement) => (writes.push([id, placement]), true));
    ok.move({ x: 2200, y: 1800 }, false);
    ok.move({ x: 2300, y: 1800 }, false);
    ok.end(true);
    assert.deepEqual(writes, [['s', { xMm: 2300, yMm: 1800, rotationDeg: 0 }]]);
    assert.deepEqual(seen.map((p) => p?.placement.xMm ?? null), [2200, 2300, null]);
    assert.ok(performance.getEntriesByName('atelier:drag-handler').length >= 2);

    seen.length = 0;
    const refused = trackDrag(start(), 0, () => false);
    refused.move({ x: 2500, y: 1800 }, false);
    refused.end(true);
    assert.deepEqual(seen.map((p) => p?.placement.xMm ?? null), [2500, 2100, null]);
    stop();
  });
});

describe('warnings', () => {
  it('marks overlapping pieces red and narrow walkways amber; the walkway minimum is configurable', () => {
    const pieces = [piece('a', sofa, 1500, 1000), piece('b', sofa, 1600, 1100)];
    const warnings = editorWarnings(room(), pieces, { minWalkwayMm: 600, units: 'metric' });
    assert.equal(warnings[0]!.kind, 'overlap');
    assert.equal(severityByItem(warnings).get('a'), 'error');

    const apart = [piece('a', sofa, 1500, 450), piece('b', sofa, 1500, 450 + 900 + 500)];
    const at600 = editorWarnings(room(), apart, { minWalkwayMm: 600, units: 'metric' });
    assert.ok(at600.some((w) => w.kind === 'narrow-walkway'));
    assert.equal(severityByItem(at600).get('b'), 'warning');
    const at400 = editorWarnings(room(), apart, { minWalkwayMm: 400, units: 'metric' });
    assert.ok(!at400.some((w) => w.kind === 'narrow-walkway' && w.itemIds.length === 2));
  });

  it('flags a 2400 mm-deep sofa as not fitting through an 800 mm door, and a normal one as fitting', () => {
    const tight = doorwayFitOf(room(800), deepSofa);
    assert.equal(tight.fitsAll, false);
    assert.equal(tight.doors[0]!.fit.fits, false);
    assert.equal(doorwayFitOf(room(900), sofa).fitsAll, true);
    const warnings = editorWarnings(room(800), [piece('d', deepSofa, 2100, 1800)], { minWalkwayMm: 600, units: 'metric' });
    assert.ok(warnings.some((w) => w.kind === 'doorway-fit' && w.itemIds.includes('d')));
  });
});

describe('selection dimensions', () => {
  it('gives the clear distance to the nearer wall on each axis', () => {
    const fp = footprintOf(sofa, { xMm: 1500, yMm: 1000, rotationDeg: 0 });
    const walls = wallDistances(fp, outline);
    assert.deepEqual(
      walls.map((w) => [w.side, Math.round(w.lengthMm)]),
      [
        ['back', 550],
        ['left', 450],
      ],
    );
    const dims = selectionDimensions(fp, outline);
    assert.equal(Math.round(dims.width.lengthMm), 2100);
    assert.equal(Math.round(dims.depth.lengthMm), 900);
  });
});

describe('editor controller', () => {
  it('adds a product at a point as one undo step and selects it', () => {
    const { live, controller, selected } = setup();
    const id = controller.addProduct(sofa, { x: 2100, y: 500 });
    assert.equal(id, 'new-1');
    assert.equal(selected(), 'new-1');
    assert.deepEqual(readItem(live.doc, 'new-1'), { id: 'new-1', productId: 'p-sofa', xMm: 2100, yMm: 450, rotationDeg: 0, elevationMm: 0, quantity: 1 });
    controller.undo();
    assert.equal(readItem(live.doc, 'new-1'), undefined);
    assert.equal(selected(), null);
  });

  it('hangs a wall piece at eye level when added', () => {
    const { live, controller } = setup();
    const id = controller.addProduct(mirror, { x: 4000, y: 1800 })!;
    assert.deepEqual(readItem(live.doc, id), { id, productId: 'p-mirror', xMm: 4180, yMm: 1800, rotationDeg: 90, elevationMm: 1100, quantity: 1 });
  });

  it('writes a drag once: move and turn are one undo step', () => {
    const { live, controller } = setup([item('s', 'p-sofa', 2100, 1000)]);
    assert.ok(controller.place('s', { xMm: 500, yMm: 2100, rotationDeg: 270 }));
    assert.deepEqual(readItem(live.doc, 's'), item('s', 'p-sofa', 500, 2100, 270));
    controller.undo();
    assert.deepEqual(readItem(live.doc, 's'), item('s', 'p-sofa', 2100, 1000));
    controller.redo();
    assert.equal(readItem(live.doc, 's')!.rotationDeg, 270);
  });

  it('clamps a drop outside the room with a message, refuses what cannot fit', () => {
    const { live, controller, notices } = setup([item('s', 'p-sofa', 2100, 1000)]);
    assert.ok(controller.place('s', { xMm: 4500, yMm: 1000, rotationDeg: 0 }));
    const moved = readItem(live.doc, 's')!;
    assert.equal(moved.xMm, 4200 - 1050);
    assert.equal(notices.at(-1)!.key, 'editor.notice.clamped');

    const small = setup([item('d', 'p-deep', 1500, 1500)], { ...room(), outline: rectangleOutline(2000, 2000) });
    assert.equal(small.controller.place('d', { xMm: 1600, yMm: 1500, rotationDeg: 0 }), false);
    assert.equal(small.notices.at(-1)!.key, 'editor.notice.doesNotFit');
  });

  it('nudges, turns, duplicates and deletes the selection', () => {
    const { live, controller, select, selected } = setup([item('s', 'p-sofa', 2100, 1800)]);
    select('s');
    controller.nudgeSelected('ArrowRight', false);
    controller.nudgeSelected('ArrowRight', true);
    assert.equal(readItem(live.doc, 's')!.xMm, 2210);
    controller.rotateSelected(90, false);
    assert.equal(readItem(live.doc, 's')!.rotationDeg, 90);
    const copy = controller.duplicateSelected()!;
    assert.equal(selected(), copy);
    assert.deepEqual(readItem(live.doc, copy), { ...item(copy, 'p-sofa', 2410, 2000, 90) });
    assert.ok(controller.deleteSelected());
    assert.equal(readItem(live.doc, copy), undefined);
    assert.equal(selected(), null);
    controller.undo();
    assert.ok(readItem(live.doc, copy));
  });

  it('tells the designer when a collaborator removed the piece, and refuses edits when read-only', () => {
    const { live, controller, notices, select } = setup([item('s', 'p-sofa', 2100, 1000)]);
    select('s');
    live.doc.transact(() => live.doc.getMap('items').delete('s'), 'someone-else');
    assert.equal(controller.place('s', { xMm: 2000, yMm: 1000, rotationDeg: 0 }), false);
    assert.equal(notices.at(-1)!.key, 'editor.notice.removedElsewhere');
    live.readOnly = true;
    assert.equal(controller.addProduct(sofa, null), null);
    assert.equal(notices.at(-1)!.key, 'editor.notice.readOnly');
  });
});

describe('room piece cache', () => {
  it('keeps a piece object while its item object and product stay the same', () => {
    const cache = createRoomPieceCache();
    const a = item('a', 'p-sofa', 1000, 1000);
    const b = item('b', 'p-table', 2000, 2000);
    const first = cache([a, b], products);
    const b2 = { ...b, xMm: 2100 };
    const second = cache([a, b2], products);
    assert.equal(first[0], second[0]);
    assert.notEqual(first[1], second[1]);
    assert.equal(second[1]!.xMm, 2100);
  });
});

describe('editor store', () => {
  it('measures between two clicks, then starts again; remembers the walkway minimum within limits', () => {
    const saved = new Map<string, string>();
    const storage = { getItem: (k: string) => saved.get(k) ?? null, setItem: (k: string, v: string) => void saved.set(k, v) };
    const store = createEditorStore(storage);
    store.getState().measurePoint({ x: 0, y: 0 });
    store.getState().measurePoint({ x: 3000, y: 4000 });
    assert.deepEqual(store.getState().measure, { a: { x: 0, y: 0 }, b: { x: 3000, y: 4000 } });
    store.getState().measurePoint({ x: 1, y: 1 });
    assert.deepEqual(store.getState().measure, { a: { x: 1, y: 1 }, b: null });
    store.getState().setMinWalkwayMm(50);
    assert.equal(store.getState().minWalkwayMm, 300);
    store.getState().setMinWalkwayMm(750);
    assert.equal(createEditorStore(storage).getState().minWalkwayMm, 750);
  });
});

describe('command palette filter', () => {
  const entries = [
    { id: 'edit.undo', label: 'Undo' },
    { id: 'edit.duplicate', label: 'Duplicate piece' },
    { id: 'edit.delete', label: 'Delete piece' },
    { id: 'view.plan', label: 'Plan view' },
    { id: 'tool.measure', label: 'Measure a distance' },
  ];

  it('keeps every entry for an empty query and ranks labels starting with the query first', () => {
    assert.equal(filterCommands(entries, '  ').length, entries.length);
    assert.deepEqual(
      filterCommands(entries, 'p').map((e) => e.id),
      ['view.plan', 'edit.duplicate', 'edit.delete'],
    );
    assert.deepEqual(
      filterCommands(entries, 'del pie').map((e) => e.id),
      ['edit.delete'],
    );
    assert.deepEqual(filterCommands(entries, 'zebra'), []);
  });

  it('moves the highlight round the list', () => {
    assert.equal(moveHighlight(0, 3, 'ArrowUp'), 2);
    assert.equal(moveHighlight(2, 3, 'ArrowDown'), 0);
    assert.equal(moveHighlight(1, 3, 'End'), 2);
    assert.equal(moveHighlight(0, 0, 'ArrowDown'), -1);
  });
});

describe('editor commands', () => {
  it('are in the shared command list with the native menu ids, and act on the active editor only', () => {
    const ids = EDITOR_COMMANDS.map((command) => command.id);
    for (const menu of ['edit.undo', 'edit.redo', 'edit.duplicate', 'edit.delete', 'view.plan', 'view.perspective', 'view.palette']) assert.ok(ids.includes(menu), menu);
    const state = {} as Parameters<(typeof EDITOR_COMMANDS)[number]['isAvailable']>[0];
    setActiveEditor(null);
    assert.ok(EDITOR_COMMANDS.every((command) => !command.isAvailable(state)));
    const { controller, select, live } = setup([item('s', 'p-sofa', 2100, 1800)]);
    setActiveEditor(controller);
    const run = (id: string, shiftKey = false) => EDITOR_COMMANDS.find((command) => command.id === id)!.perform(state, { shiftKey, altKey: false });
    assert.equal(EDITOR_COMMANDS.find((command) => command.id === 'edit.delete')!.isAvailable(state), false);
    select('s');
    run('edit.nudgeRight', true);
    assert.equal(readItem(live.doc, 's')!.xMm, 2200);
    run('edit.undo');
    assert.equal(readItem(live.doc, 's')!.xMm, 2100);
    run('edit.delete');
    assert.equal(readItem(live.doc, 's'), undefined);
    setActiveEditor(null);
  });
});
