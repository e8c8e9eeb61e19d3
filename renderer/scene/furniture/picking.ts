/**
 * Which placed item a ray hit. Instanced furniture meshes carry `userData.itemIds` (one id per
 * instance, so `hit.instanceId` indexes it); the naive comparison build's meshes carry
 * `userData.itemId` on the piece's group. Works with a react-three-fiber pointer event (it has
 * `object` and `instanceId`) and with a three.js Raycaster intersection alike.
 */
import type { Object3D } from 'three';

export interface FurnitureHit {
  readonly object: Object3D;
  readonly instanceId?: number | undefined;
}

export function itemIdOfHit(hit: FurnitureHit): string | null {
  const ids = hit.object.userData.itemIds as readonly string[] | undefined;
  if (ids && hit.instanceId !== undefined) return ids[hit.instanceId] ?? null;
  for (let object: Object3D | null = hit.object; object; object = object.parent) {
    const id = object.userData.itemId as string | undefined;
    if (id) return id;
  }
  return null;
}

/** The first furniture item among sorted intersections (nearest first), skipping walls and floor. */
export function firstItemHit(hits: readonly FurnitureHit[]): { itemId: string; hit: FurnitureHit } | null {
  for (const hit of hits) {
    const itemId = itemIdOfHit(hit);
    if (itemId) return { itemId, hit };
  }
  return null;
}
