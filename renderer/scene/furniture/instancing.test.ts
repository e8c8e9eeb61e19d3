import { assert, describe, it } from '../../testing/node-test.ts';
import { Color, Matrix4, Vector3 } from 'three';
import type { PlacedItem, Product } from '../../api/types.ts';
import { batchPieces, pieceMatrix, placeItem } from './instancing.ts';
import { resolvePieces } from './pieces.ts';

const product = (id: string, category: Product['category'], widthMm: number, depthMm: number, heightMm: number): Product => ({
  id,
  retailerId: 'r1',
  retailerName: 'Brindle & Birch',
  sku: id,
  name: id,
  category,
  widthMm,
  depthMm,
  heightMm,
  price: { amountMinor: 10_000, currency: 'USD' },
  colours: ['sage'],
  styleTags: [],
  materials: ['oak'],
  modelUrl: null,
  productUrl: null,
  imageUrl: null,
  finalSale: false,
});

const item = (id: string, productId: string | null, overrides: Partial<PlacedItem> = {}): PlacedItem => ({ id, productId, xMm: 1000, yMm: 2000, rotationDeg: 0, elevationMm: 0, quantity: 1, ...overrides });

describe('resolvePieces', () => {
  it('resolves products and the customer’s own pieces, and reports what it cannot draw', () => {
    const { pieces, unresolved } = resolvePieces(
      [item('a', 'chair'), item('b', null, { ownPiece: { name: 'Grandma’s chest', category: 'sideboard', widthMm: 900, depthMm: 400, heightMm: 700 } }), item('c', 'gone')],
      [product('chair', 'dining chair', 450, 520, 860)],
    );
    assert.deepEqual(
      pieces.map((piece) => [piece.itemId, piece.category, piece.widthMm]),
      [
        ['a', 'dining chair', 450],
        ['b', 'sideboard', 900],
      ],
    );
    assert.deepEqual(unresolved, ['c']);
  });
});

describe('pieceMatrix', () => {
  it('maps plan millimetres to scene metres, plan y to world z, and lifts by the elevation', () => {
    const position = new Vector3().setFromMatrixPosition(pieceMatrix({ xMm: 2600, yMm: 4140, elevationMm: 1300, rotationDeg: 0 }));
    assert.deepEqual(position.toArray(), [2.6, 1.3, 4.14]);
  });

  it('turns pieces counter-clockwise in the plan: a front (+y) turned 90° faces −x', () => {
    const matrix = pieceMatrix({ xMm: 0, yMm: 0, elevationMm: 0, rotationDeg: 90 });
    const front = new Vector3(0, 0, 1).transformDirection(matrix);
    assert.ok(Math.abs(front.x + 1) < 1e-9 && Math.abs(front.z) < 1e-9, `front is ${front.toArray()}`);
    const back = new Vector3(0, 0, 1).transformDirection(pieceMatrix({ xMm: 0, yMm: 0, elevationMm: 0, rotationDeg: 180 }));
    assert.ok(Math.abs(back.z + 1) < 1e-9);
  });
});

describe('batchPieces', () => {
  it('draws many pieces with one batch per shape and finish', () => {
    const chairs = Array.from({ length: 300 }, (_, i) => item(`c${i}`, i % 2 ? 'chair' : 'table', { xMm: i * 10 }));
    const { pieces } = resolvePieces(chairs, [product('chair', 'dining chair', 450, 520, 860), product('table', 'dining table', 1800, 900, 740)]);
    const batches = batchPieces(pieces);
    const parts = pieces.reduce((sum, piece) => sum + piece.parts.length, 0);
    assert.equal(
      batches.reduce((sum, batch) => sum + batch.count, 0),
      parts,
    );
    assert.ok(batches.length <= 8, `${batches.length} batches`);
    for (const batch of batches) {
      assert.equal(batch.matrices.length, batch.count * 16);
      assert.equal(batch.colours.length, batch.count * 3);
      assert.equal(batch.itemIds.length, batch.count);
      assert.equal(new Set(batches.map((b) => b.key)).size, batches.length);
    }
  });

  it('places every part at its piece', () => {
    const { pieces } = resolvePieces([item('a', 'chair', { xMm: 3000, yMm: 1000 })], [product('chair', 'dining chair', 450, 520, 860)]);
    for (const batch of batchPieces(pieces)) {
      for (let i = 0; i < batch.count; i++) {
        const position = new Vector3().setFromMatrixPosition(new Matrix4().fromArray(batch.matrices, i * 16));
        assert.ok(Math.abs(position.x - 3) <= 0.25 && Math.abs(position.z - 1) <= 0.3, `part at ${position.toArray()}`);
      }
    }
  });
});

describe('models in batches', () => {
  const sofa = { ...product('sofa', 'sofa', 2280, 980, 880), modelUrl: '/assets/models/sofa-3-seat.gltf', colours: ['navy'] };
  const loadSofa = async () => {
    const { readFileSync } = await import('node:fs');
    const { parseModel } = await import('../models/loader.ts');
    const bytes = readFileSync(new URL('../../../assets/models/sofa-3-seat.gltf', import.meta.url));
    return parseModel(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength), sofa.modelUrl, async () => new ArrayBuffer(0));
  };

  it('draws a piece with its model at the product’s true size, one batch per model mesh, in the chosen colour', async () => {
    const template = await loadSofa();
    const { pieces } = resolvePieces([item('a', 'sofa'), item('b', 'sofa', { xMm: 4000 })], [sofa]);
    const batches = batchPieces(pieces, new Map([[sofa.modelUrl, template]]));
    assert.equal(batches.length, template.parts.length);
    assert.ok(batches.every((batch) => batch.key.startsWith('model:') && batch.count === 2));
    const min = new Vector3(Infinity, Infinity, Infinity);
    const max = new Vector3(-Infinity, -Infinity, -Infinity);
    for (const batch of batches) {
      const part = batch.source.kind === 'model' ? batch.source.part : null;
      part!.geometry.computeBoundingBox();
      const box = part!.geometry.boundingBox!.clone().applyMatrix4(new Matrix4().fromArray(batch.matrices, 0));
      min.min(box.min);
      max.max(box.max);
    }
    const size = max.clone().sub(min).toArray().map((value) => Math.round(value * 1000));
    assert.deepEqual(size, [2280, 880, 980]);
    const fabric = batches.find((batch) => batch.source.kind === 'model' && batch.source.part.colour === null)!;
    const navy = new Color('#2b3a55');
    assert.deepEqual([...fabric.colours.slice(0, 3)].map((v) => v.toFixed(4)), [navy.r, navy.g, navy.b].map((v) => v.toFixed(4)));
  });

  it('falls back to the procedural piece while the model loads and when it failed', () => {
    const { pieces } = resolvePieces([item('a', 'sofa')], [sofa]);
    for (const models of [new Map(), new Map([[sofa.modelUrl, null]])]) {
      const batches = batchPieces(pieces, models);
      assert.ok(batches.length > 0 && batches.every((batch) => batch.source.kind === 'part'));
    }
  });

  it('moves one item’s instances for a drag preview and leaves the others', () => {
    const { pieces } = resolvePieces([item('a', 'chair'), item('b', 'chair', { xMm: 3000 })], [product('chair', 'dining chair', 450, 520, 860)]);
    const [batch] = batchPieces(pieces);
    const live = batch!.matrices.slice();
    const range = placeItem(batch!, 'a', { xMm: 1500, yMm: 2000, elevationMm: 0, rotationDeg: 0 }, live);
    assert.ok(range);
    const moved = new Vector3().setFromMatrixPosition(new Matrix4().fromArray(live, range[0] * 16));
    const before = new Vector3().setFromMatrixPosition(new Matrix4().fromArray(batch!.matrices, range[0] * 16));
    assert.ok(Math.abs(moved.x - before.x - 0.5) < 1e-6 && Math.abs(moved.z - before.z) < 1e-6);
    const other = batch!.ranges.get('b')!;
    assert.deepEqual([...live.slice(other[0] * 16, (other[0] + other[1]) * 16)], [...batch!.matrices.slice(other[0] * 16, (other[0] + other[1]) * 16)]);
  });
});
