/**
 * Properties of the geometry over random rooms and pieces. The unit tests show each function on
 * hand-worked cases; these show the invariants hold wherever fast-check can reach.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { rectangleOutline } from '../room.ts';
import { clampIntoRoom } from './clamp.ts';
import { narrowPassages } from './clearance.ts';
import { doorwayFits } from './doors.ts';
import { footprintGap, footprintInsideRoom, footprintOf, footprintsOverlap, overlapDepthMm, type Placement } from './footprint.ts';
import { pointInPolygon, signedAreaMm2 } from './polygon.ts';
import { lShapeOutline } from './presets.ts';
import { wallCrossings } from './simple.ts';
import { snapPlacement } from './snap.ts';

const mm = (min: number, max: number) => fc.integer({ min, max });
const pointArb = fc.record({ x: mm(-20_000, 20_000), y: mm(-20_000, 20_000) });
const rotationArb = fc.oneof(fc.constantFrom(0, 90, 180, 270), fc.double({ min: -360, max: 360, noNaN: true }));
const sizeArb = fc.record({ widthMm: mm(50, 3000), depthMm: mm(50, 3000) });
const placementArb = (span = 10_000): fc.Arbitrary<Placement> => fc.record({ xMm: mm(-span, span), yMm: mm(-span, span), rotationDeg: rotationArb });

/** A convex outline: corners on a circle of radius r around (cx, cy), jittered but well spread. */
const convexRoomArb = fc
  .record({ n: fc.integer({ min: 4, max: 10 }), r: mm(2000, 9000), cx: mm(-3000, 3000), cy: mm(-3000, 3000), jitter: fc.array(fc.double({ min: -0.25, max: 0.25, noNaN: true }), { minLength: 10, maxLength: 10 }) })
  .map(({ n, r, cx, cy, jitter }) => ({
    r,
    centre: { x: cx, y: cy },
    outline: Array.from({ length: n }, (_, i) => {
      const angle = ((i + jitter[i]!) / n) * 2 * Math.PI;
      return { x: Math.round(cx + r * Math.cos(angle)), y: Math.round(cy + r * Math.sin(angle)) };
    }),
  }));

const roomArb = fc.oneof(
  fc.record({ w: mm(1500, 12_000), d: mm(1500, 12_000) }).map(({ w, d }) => rectangleOutline(w, d)),
  fc.record({ w: mm(3000, 12_000), d: mm(3000, 12_000), cw: fc.double({ min: 0.2, max: 0.8, noNaN: true }), cd: fc.double({ min: 0.2, max: 0.8, noNaN: true }) }).map(({ w, d, cw, cd }) => lShapeOutline(w, d, Math.round(w * cw), Math.round(d * cd))),
  convexRoomArb.map((room) => room.outline),
);

const rotate = <T>(list: readonly T[], k: number) => list.map((_, i) => list[(i + k) % list.length]!);

describe('polygon properties', () => {
  it('area does not change when the outline is moved, started at another corner, or reversed', () => {
    fc.assert(
      fc.property(fc.array(pointArb, { minLength: 3, maxLength: 12 }), pointArb, fc.nat(), (outline, shift, k) => {
        const area = signedAreaMm2(outline);
        assert.equal(signedAreaMm2(outline.map((p) => ({ x: p.x + shift.x, y: p.y + shift.y }))), area);
        assert.equal(signedAreaMm2(rotate(outline, k % outline.length)), area);
        assert.equal(signedAreaMm2([...outline].reverse()), -area || 0);
      }),
    );
  });

  it('point in polygon agrees with the obvious test for rectangles, whatever the corner order', () => {
    fc.assert(
      fc.property(mm(-5000, 5000), mm(-5000, 5000), mm(1, 8000), mm(1, 8000), fc.nat(3), fc.boolean(), mm(-9000, 14_000), mm(-9000, 14_000), (x0, y0, w, d, k, reverse, px, py) => {
        const rect = rectangleOutline(w, d).map((p) => ({ x: p.x + x0, y: p.y + y0 }));
        const outline = rotate(reverse ? [...rect].reverse() : rect, k);
        // Half the time, test a point on the boundary or at a corner.
        const p = px % 2 === 0 ? { x: px, y: py } : { x: [x0, x0 + w][Math.abs(py) % 2]!, y: Math.abs(py) % 3 === 0 ? y0 + (Math.abs(px) % (d + 1)) : py };
        const expected = p.x >= x0 && p.x <= x0 + w && p.y >= y0 && p.y <= y0 + d;
        assert.equal(pointInPolygon(p, outline), expected, JSON.stringify({ outline, p }));
      }),
    );
  });

  it('point in polygon agrees with the two rectangles an L-shape is made of', () => {
    fc.assert(
      fc.property(mm(3000, 9000), mm(3000, 9000), mm(500, 2500), mm(500, 2500), mm(-100, 9100), mm(-100, 9100), (w, d, cw, cd, x, y) => {
        const inLower = x >= 0 && x <= w && y >= 0 && y <= d - cd;
        const inLeft = x >= 0 && x <= w - cw && y >= 0 && y <= d;
        assert.equal(pointInPolygon({ x, y }, lShapeOutline(w, d, cw, cd)), inLower || inLeft);
      }),
    );
  });

  it('finds the same crossings wherever the outline starts', () => {
    fc.assert(
      fc.property(fc.array(pointArb, { minLength: 3, maxLength: 8 }), fc.nat(), (outline, k) => {
        const shift = k % outline.length;
        assert.equal(wallCrossings(rotate(outline, shift)).length, wallCrossings(outline).length);
      }),
    );
  });
});

describe('footprint properties', () => {
  it('overlap, overlap depth and gap are symmetric', () => {
    fc.assert(
      fc.property(sizeArb, placementArb(3000), sizeArb, placementArb(3000), (sa, pa, sb, pb) => {
        const a = footprintOf(sa, pa);
        const b = footprintOf(sb, pb);
        assert.equal(footprintsOverlap(a, b), footprintsOverlap(b, a));
        assert.equal(overlapDepthMm(a, b), overlapDepthMm(b, a));
        assert.equal(footprintGap(a, b).gapMm, footprintGap(b, a).gapMm);
      }),
    );
  });

  it('gap is zero exactly when the pieces touch or overlap, and never less than their separation', () => {
    fc.assert(
      fc.property(sizeArb, placementArb(3000), sizeArb, placementArb(3000), (sa, pa, sb, pb) => {
        const a = footprintOf(sa, pa);
        const b = footprintOf(sb, pb);
        const depth = overlapDepthMm(a, b);
        const { gapMm, from, to } = footprintGap(a, b);
        if (depth >= 0) assert.equal(gapMm, 0);
        else {
          assert.ok(gapMm > 0 && gapMm >= -depth - 1e-6, `gap ${gapMm} vs separation ${-depth}`);
          assert.ok(Math.abs(Math.hypot(to.x - from.x, to.y - from.y) - gapMm) < 1e-6);
        }
        if (footprintsOverlap(a, b)) assert.equal(gapMm, 0);
      }),
    );
  });

  it('a piece clamped into a convex room is inside it, whenever it is small enough to fit', () => {
    fc.assert(
      fc.property(convexRoomArb, fc.double({ min: 0.05, max: 1, noNaN: true }), fc.double({ min: 0.2, max: 1, noNaN: true }), placementArb(15_000), (room, scaleDiagonal, aspect, placement) => {
        // Corners within 0.38 r of the centre fit in any of these rooms (its inner circle is at least that big).
        const diagonal = 0.7 * room.r * scaleDiagonal;
        const size = { widthMm: Math.max(1, Math.floor(diagonal / Math.hypot(1, aspect))), depthMm: Math.max(1, Math.floor((diagonal * aspect) / Math.hypot(1, aspect))) };
        const clamped = clampIntoRoom(room.outline, size, placement);
        assert.equal(clamped.inside, true);
        assert.ok(footprintInsideRoom(footprintOf(size, clamped.placement), room.outline));
        assert.equal(clamped.placement.rotationDeg, placement.rotationDeg);
        assert.ok(Number.isInteger(clamped.placement.xMm) && Number.isInteger(clamped.placement.yMm));
      }),
    );
  });

  it('a clamped piece in any room is inside whenever clamping says so, and unmoved if it already was', () => {
    fc.assert(
      fc.property(roomArb, sizeArb, placementArb(12_000), (outline, size, placement) => {
        const before = footprintInsideRoom(footprintOf(size, placement), outline);
        const clamped = clampIntoRoom(outline, size, placement);
        if (before) assert.deepEqual(clamped, { placement, moved: false, inside: true, distanceMm: 0 });
        if (clamped.inside) assert.ok(footprintInsideRoom(footprintOf(size, clamped.placement), outline));
      }),
    );
  });

  it('a clamped piece in a rectangle room lands as near as the rectangle allows', () => {
    fc.assert(
      fc.property(mm(1500, 9000), mm(1500, 9000), sizeArb, placementArb(12_000), (w, d, size, placement) => {
        const fp = footprintOf(size, placement);
        const bw = fp.bounds.maxX - fp.bounds.minX;
        const bd = fp.bounds.maxY - fp.bounds.minY;
        fc.pre(bw <= w && bd <= d);
        const clamped = clampIntoRoom(rectangleOutline(w, d), size, placement);
        // The exact answer clamps the centre into [bw/2, w − bw/2] × [bd/2, d − bd/2].
        const ex = Math.min(Math.max(placement.xMm, bw / 2), w - bw / 2);
        const ey = Math.min(Math.max(placement.yMm, bd / 2), d - bd / 2);
        assert.ok(Math.abs(clamped.placement.xMm - ex) <= 1 && Math.abs(clamped.placement.yMm - ey) <= 1, JSON.stringify({ clamped, ex, ey }));
      }),
    );
  });
});

describe('snapping properties', () => {
  it('never moves a piece that was inside the room outside it', () => {
    const neighbourArb = fc.array(fc.record({ size: sizeArb, placement: placementArb(8000) }), { maxLength: 6 });
    fc.assert(
      fc.property(roomArb, sizeArb, placementArb(10_000), neighbourArb, fc.boolean(), fc.constantFrom<'back' | 'nearest'>('back', 'nearest'), mm(0, 600), (outline, size, raw, others, freeRotation, wallSide, wallThresholdMm) => {
        const start = clampIntoRoom(outline, size, raw);
        fc.pre(start.inside);
        const neighbours = others.map((o, i) => ({ id: `n${i}`, footprint: footprintOf(o.size, o.placement) }));
        const snapped = snapPlacement(outline, size, start.placement, neighbours, { freeRotation, wallSide, wallThresholdMm });
        assert.equal(snapped.inside, true);
        assert.ok(footprintInsideRoom(footprintOf(size, snapped.placement), outline), JSON.stringify({ outline, size, start, snapped }));
      }),
    );
  });
});

describe('walkway properties', () => {
  it('the pruned search finds exactly the narrow pairs a brute-force search finds', () => {
    const piecesArb = fc.array(fc.record({ size: sizeArb, placement: placementArb(4000) }), { maxLength: 25 });
    fc.assert(
      fc.property(piecesArb, mm(100, 1200), (raw, minWalkwayMm) => {
        const pieces = raw.map((p, i) => ({ id: `p${i}`, footprint: footprintOf(p.size, p.placement) }));
        const found = narrowPassages(rectangleOutline(20_000, 20_000).map((p) => ({ x: p.x - 10_000, y: p.y - 10_000 })), pieces, { minWalkwayMm })
          .filter((p) => p.between === 'pieces')
          .map((p) => p.pieceIds.join('|'))
          .sort();
        const expected: string[] = [];
        for (let i = 0; i < pieces.length; i++) {
          for (let j = i + 1; j < pieces.length; j++) {
            const gap = footprintGap(pieces[i]!.footprint, pieces[j]!.footprint).gapMm;
            if (gap > 1 && gap < minWalkwayMm) expected.push(`p${i}|p${j}`);
          }
        }
        assert.deepEqual(found, expected.sort());
      }),
    );
  });
});

describe('doorway properties', () => {
  const productArb = fc.record({ widthMm: mm(100, 3500), depthMm: mm(100, 3500), heightMm: mm(100, 3500) });
  const doorArb = fc.record({ widthMm: mm(500, 2000), heightMm: mm(1800, 2600) });

  it('a bigger door never turns "fits" into "does not fit"', () => {
    fc.assert(
      fc.property(productArb, doorArb, mm(0, 500), mm(0, 500), (product, door, more, higher) => {
        if (doorwayFits(product, door).fits) assert.equal(doorwayFits(product, { widthMm: door.widthMm + more, heightMm: door.heightMm + higher }).fits, true);
      }),
    );
  });

  it('fits exactly when two of the sides pass the door with the margin to spare', () => {
    fc.assert(
      fc.property(productArb, doorArb, mm(0, 100), (product, door, margin) => {
        const sides = [product.widthMm, product.depthMm, product.heightMm];
        const brute = sides.some((a, i) => sides.some((b, j) => i !== j && a + margin <= door.widthMm && b + margin <= door.heightMm));
        const fit = doorwayFits(product, door, margin);
        assert.equal(fit.fits, brute);
        assert.equal(fit.fits, fit.clearanceMm >= margin);
        const { acrossMm, upMm, alongMm } = fit.bestOrientation;
        assert.deepEqual([acrossMm, upMm, alongMm].sort((x, y) => x - y), [...sides].sort((x, y) => x - y));
      }),
    );
  });
});
