import { assert, describe, it } from '../../testing/node-test.ts';
import { Matrix4, Vector3 } from 'three';
import type { PlacedItem, Product } from '../../api/types.ts';
import { batchPieces, pieceMatrix } from './instancing.ts';
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
