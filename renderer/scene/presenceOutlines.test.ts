import { Vector3, type Matrix4 } from 'three';
import { assert, describe, it } from '../testing/node-test.ts';
import type { PresenceState } from '../live/presence.ts';
import type { ResolvedPiece } from './furniture/pieces.ts';
import { peerOutlines } from './presenceOutlines.ts';

const sofa: ResolvedPiece = { itemId: 'sofa', category: 'sofa', widthMm: 2000, depthMm: 900, heightMm: 800, xMm: 1000, yMm: 2000, elevationMm: 0, rotationDeg: 0, parts: [] };
const lamp: ResolvedPiece = { ...sofa, itemId: 'lamp', category: 'lamp', widthMm: 400, depthMm: 400, heightMm: 1600, xMm: 3000, yMm: 500 };
const peer = (patch: Partial<PresenceState>): PresenceState => ({
  clientId: 7,
  user: { id: 'u1', name: 'Camille Laurent', role: 'designer', colour: '#1971c2' },
  selection: [],
  dragging: null,
  pointer: null,
  ...patch,
});
const centre = (matrix: Matrix4) => new Vector3().setFromMatrixPosition(matrix);

describe('peerOutlines', () => {
  it('boxes each selected piece in the peer’s colour, standing on the floor around the piece', () => {
    const [outline, ...rest] = peerOutlines([peer({ selection: ['sofa', 'gone'] })], [sofa, lamp]);
    assert.equal(rest.length, 0, 'an unknown id draws nothing');
    assert.equal(outline!.colour, '#1971c2');
    assert.equal(outline!.dragging, false);
    const c = centre(outline!.matrix);
    assert.ok(Math.abs(c.x - 1) < 1e-9 && Math.abs(c.y - 0.4) < 1e-9 && Math.abs(c.z - 2) < 1e-9);
    assert.deepEqual(outline!.size.map((v) => Math.round(v * 1000)), [2030, 830, 930]);
  });

  it('draws a dragged piece at the dragged placement, once, not also at its stored place', () => {
    const outlines = peerOutlines([peer({ selection: ['sofa'], dragging: { itemId: 'sofa', xMm: 2500, yMm: 1500, rotationDeg: 90 } })], [sofa]);
    assert.equal(outlines.length, 1);
    assert.equal(outlines[0]!.dragging, true);
    const c = centre(outlines[0]!.matrix);
    assert.ok(Math.abs(c.x - 2.5) < 1e-9 && Math.abs(c.z - 1.5) < 1e-9);
  });

  it('keeps people apart', () => {
    const outlines = peerOutlines([peer({ selection: ['sofa'] }), peer({ clientId: 8, user: { id: 'u2', name: 'Maya', role: 'customer', colour: '#2f9e44' }, selection: ['sofa'] })], [sofa]);
    assert.deepEqual(outlines.map((o) => o.colour), ['#1971c2', '#2f9e44']);
    assert.equal(new Set(outlines.map((o) => o.key)).size, 2);
  });
});
