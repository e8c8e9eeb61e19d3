import { assert, describe, it } from '../../testing/node-test.ts';
import type { PlacedItem, Product } from '../../api/types.ts';
import { parseRoute, routeHref, type Route } from '../../app/routes.ts';
import { footprints } from './footprints.ts';

describe('[Options] routes', () => {
  it('a version, the compare view and the shopping list round-trip through the hash', () => {
    const routes: Route[] = [
      { name: 'option-version', projectId: 'p 1', optionId: 'o/2', number: 3 },
      { name: 'compare', projectId: 'p1', roomId: 'r1' },
      { name: 'shopping', projectId: 'p1', optionId: 'o1' },
    ];
    for (const route of routes) assert.deepEqual(parseRoute(routeHref(route)), route);
    assert.deepEqual(parseRoute('#/projects/p1/options/o1'), { name: 'project', projectId: 'p1', optionId: 'o1' });
    assert.deepEqual(parseRoute('#/projects/p1/options/o1/versions/x'), { name: 'project', projectId: 'p1', optionId: 'o1' }, 'a version number is digits');
  });
});

describe('[Options] plan footprints', () => {
  const product = (id: string, category: Product['category'], widthMm: number, depthMm: number) => ({ id, name: id, category, widthMm, depthMm, heightMm: 500 }) as unknown as Product;
  const placed = (id: string, productId: string | null, extra: Partial<PlacedItem> = {}): PlacedItem => ({ id, productId, xMm: 100, yMm: 200, rotationDeg: 90, elevationMm: 0, quantity: 1, ...extra });
  it('each piece at its true size and turn, rugs underneath, the customer’s own pieces marked, unknown products left out', () => {
    const shapes = footprints(
      [placed('a', 'sofa'), placed('b', 'rug'), placed('c', null, { ownPiece: { name: 'Old chest', category: 'sideboard', widthMm: 900, depthMm: 450, heightMm: 800 } }), placed('d', 'gone')],
      [product('sofa', 'sofa', 2200, 950), product('rug', 'rug', 2400, 1700)],
    );
    assert.deepEqual(
      shapes.map((s) => [s.id, s.widthMm, s.depthMm, s.rotationDeg, s.own]),
      [
        ['b', 2400, 1700, 90, false],
        ['a', 2200, 950, 90, false],
        ['c', 900, 450, 90, true],
      ],
    );
  });
});
