import { useFrame } from '@react-three/fiber';
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import type { Object3D } from 'three';
import type { PlanPoint } from '../../core/room.ts';
import { isWallCut } from './cutaway.ts';
import { wallFrames } from './plan.ts';

type Part = 'full' | 'stub';

/** Scene objects that belong to a wall, whole or cut; ref callbacks register them. */
export interface CutawayRegistry {
  ref(wallIndex: number, part: Part): (object: Object3D | null) => (() => void) | undefined;
}

const CutawayContext = createContext<CutawayRegistry | null>(null);

export function useCutaway(): CutawayRegistry {
  const registry = useContext(CutawayContext);
  if (!registry) throw new Error('useCutaway must be used inside <Cutaway>');
  return registry;
}

/**
 * Each rendered frame, shows a wall and what hangs on it, or its stub, depending on which side
 * of the wall the camera is. Mutates `visible` on registered objects; never sets React state.
 */
export function Cutaway({ outline, children }: { readonly outline: readonly PlanPoint[]; readonly children: ReactNode }) {
  const { registry, objects } = useMemo(() => {
    const objects = new Map<string, Set<Object3D>>();
    const callbacks = new Map<string, (object: Object3D | null) => (() => void) | undefined>();
    const registry: CutawayRegistry = {
      ref(wallIndex, part) {
        const key = `${part}:${wallIndex}`;
        let callback = callbacks.get(key);
        if (!callback) {
          callback = (object) => {
            if (!object) return undefined;
            const set = objects.get(key) ?? new Set<Object3D>();
            objects.set(key, set);
            set.add(object);
            return () => void set.delete(object);
          };
          callbacks.set(key, callback);
        }
        return callback;
      },
    };
    return { registry, objects };
  }, []);
  const walls = useMemo(() => wallFrames(outline), [outline]);

  useFrame(({ camera }) => {
    const eye = { x: camera.position.x * 1000, y: camera.position.z * 1000 };
    walls.forEach((wall, index) => {
      const cut = isWallCut(wall, eye);
      objects.get(`full:${index}`)?.forEach((object) => (object.visible = !cut));
      objects.get(`stub:${index}`)?.forEach((object) => (object.visible = cut));
    });
  });

  return <CutawayContext.Provider value={registry}>{children}</CutawayContext.Provider>;
}
