import { assert, describe, it } from '../testing/node-test.ts';
import { Matrix4, Vector3 } from 'three';
import { contactShadowMatrices, insideFootprint } from './contactShadows.ts';
import type { ResolvedPiece } from './furniture/pieces.ts';

const piece = (category: ResolvedPiece['category'], overrides: Partial<ResolvedPiece> = {}): ResolvedPiece => ({
  itemId: category,
  category,
  widthMm: 1000,
  depthMm: 500,
  heightMm: 800,
  xMm: 2000,
  yMm: 2000,
  elevationMm: 0,
  rotationDeg: 0,
  parts: [],
  ...overrides,
});

describe('insideFootprint', () => {
  it('respects the piece’s rotation', () => {
    const sideways = piece('sofa', { rotationDeg: 90 });
    assert.equal(insideFootprint({ x: 2000, y: 2400 }, sideways), true);
    assert.equal(insideFootprint({ x: 2400, y: 2000 }, sideways), false);
  });
});

describe('contactShadowMatrices', () => {
  it('gives every standing piece a shadow, none to rugs or hung pieces', () => {
    const matrices = contactShadowMatrices([piece('sofa'), piece('rug', { heightMm: 15, widthMm: 3000, depthMm: 3000 }), piece('mirror', { elevationMm: 1200 })]);
    assert.equal(matrices.length, 16);
  });

  it('puts a shadow on top of the rug a piece stands on, and just above the floor elsewhere', () => {
    const matrices = contactShadowMatrices([piece('coffee table'), piece('rug', { heightMm: 15, widthMm: 3000, depthMm: 3000 }), piece('sofa', { xMm: 9000 })]);
    const heights = [0, 1].map((i) => new Vector3().setFromMatrixPosition(new Matrix4().fromArray(matrices, i * 16)).y);
    assert.ok(Math.abs(heights[0]! - 0.017) < 1e-9, `on the rug: ${heights[0]}`);
    assert.ok(Math.abs(heights[1]! - 0.002) < 1e-9, `on the floor: ${heights[1]}`);
  });
});
