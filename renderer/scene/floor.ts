/** The floor: the room's outline triangulated, lying at y = 0 and facing up. */
import { BufferGeometry, Float32BufferAttribute, ShapeUtils, Vector2 } from 'three';
import type { PlanPoint } from '../../core/room.ts';
import { mmToMetres } from './plan.ts';

/** UVs are in metres, so a tiled floor texture keeps its real plank size in any room. */
export function floorGeometry(outline: readonly PlanPoint[]): BufferGeometry {
  const contour = outline.map((p) => new Vector2(mmToMetres(p.x), mmToMetres(p.y)));
  const triangles = ShapeUtils.triangulateShape(contour, []);
  const positions: number[] = [];
  const uvs: number[] = [];
  for (const triangle of triangles) {
    const [a, b, c] = triangle.map((index) => contour[index]!) as [Vector2, Vector2, Vector2];
    // Face up (+y): seen from above, world (x, z) runs clockwise when plan (x, y) runs counter-clockwise.
    const cross = (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x);
    const ordered = cross > 0 ? [a, c, b] : [a, b, c];
    for (const point of ordered) {
      positions.push(point.x, 0, point.y);
      uvs.push(point.x, point.y);
    }
  }
  const geometry = new BufferGeometry();
  geometry.setAttribute('position', new Float32BufferAttribute(positions, 3));
  geometry.setAttribute('normal', new Float32BufferAttribute(positions.map((_, i) => (i % 3 === 1 ? 1 : 0)), 3));
  geometry.setAttribute('uv', new Float32BufferAttribute(uvs, 2));
  geometry.computeBoundingSphere();
  return geometry;
}
