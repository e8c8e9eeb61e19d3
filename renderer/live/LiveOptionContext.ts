/**
 * The live option of the screen, for components deep inside it (the 3D scene's presence
 * overlay, the plan's pointers). react-three-fiber bridges React context into the Canvas.
 */
import { createContext, useContext } from 'react';
import type { LiveOption } from './liveOption.ts';

export const LiveOptionContext = createContext<LiveOption | null>(null);

export function useCurrentLiveOption(): LiveOption | null {
  return useContext(LiveOptionContext);
}
