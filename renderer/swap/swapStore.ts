/**
 * [Options] The last swap made on this page (what the price ribbon says about it) and the
 * bench's marks. One tiny store: the drop handler writes it in the same event as the live edit,
 * so React commits the swapped piece, the list's total and the ribbon's difference together.
 */
import { create } from 'zustand';
import type { Money } from '../../core/money.ts';
import type { Product } from '../api/types.ts';
import { furnitureCommits, onFurnitureCommit } from '../scene/furnitureCommits.ts';

export interface LastSwap {
  /** Increases with every swap (the ribbon's paint probe keys on it). */
  readonly seq: number;
  readonly optionId: string;
  readonly itemId: string;
  /** The record the swap was priced with (the ribbon prices with it until the cache has it). */
  readonly product: Product;
  readonly delta: Money;
  readonly totalAfter: Money;
  readonly nudged: boolean;
  readonly fits: boolean;
}

interface SwapState {
  readonly last: LastSwap | null;
  record(swap: Omit<LastSwap, 'seq'>): void;
  clear(): void;
}

export const useSwapStore = create<SwapState>((set, get) => ({
  last: null,
  record: (swap) => set({ last: { ...swap, seq: (get().last?.seq ?? 0) + 1 } }),
  clear: () => set({ last: null }),
}));

/** Performance marks for `npm run bench -- swap`: the drop handler's start and the difference's paint. */
export const SWAP_DROP_MARK = 'atelier:swap-drop';
export const SWAP_PAINT_MARK = 'atelier:swap-painted';
export const SWAP_MEASURE = 'atelier:swap-drop-to-paint';
/** Drop to React's commit of the difference (the part of drop-to-paint that is ours, not the browser's frame). */
export const SWAP_COMMIT_MEASURE = 'atelier:swap-drop-to-commit';

/** At the drop handler's start; `ifNone` keeps a mark the handler already made (the swap action marks too, for the keyboard path). */
export function markSwapDrop(ifNone = false): void {
  if (ifNone && performance.getEntriesByName(SWAP_DROP_MARK, 'mark').length > 0) return;
  performance.clearMarks(SWAP_DROP_MARK);
  performance.mark(SWAP_DROP_MARK);
}

/** A refused swap paints no difference: its mark must not time the next one. */
export function clearSwapDrop(): void {
  performance.clearMarks(SWAP_DROP_MARK);
}

/** Longest the probe waits for the 3D view to take the swapped piece before it marks anyway. */
const SCENE_WAIT_MS = 2000;
let waitingForScene: (() => void) | null = null;

/**
 * After React committed the difference (the ribbon's layout effect): the paint that shows the
 * swap is the first animation frame after BOTH that commit and the 3D view's commit of the new
 * pieces (react-three-fiber renders its scene in its own React root, a task later; see
 * scene/furnitureCommits.ts) — the room then draws the swapped piece in that frame's callbacks.
 * A message posted from that frame's callback runs after its paint. Without a 3D view (none
 * mounted), the DOM commit alone arms it.
 */
export function markSwapPaintedAfterNextFrame(): void {
  if (performance.getEntriesByName(SWAP_DROP_MARK, 'mark').length === 0) return;
  performance.measure(SWAP_COMMIT_MEASURE, SWAP_DROP_MARK);
  waitingForScene?.();
  const scene = furnitureCommits();
  if (!scene.mounted) {
    markAfterNextFrame();
    return;
  }
  const stop = () => {
    unsubscribe();
    clearTimeout(timer);
    waitingForScene = null;
  };
  const unsubscribe = onFurnitureCommit(() => {
    stop();
    markAfterNextFrame();
  });
  const timer = setTimeout(() => {
    stop();
    markAfterNextFrame();
  }, SCENE_WAIT_MS);
  waitingForScene = stop;
}

function markAfterNextFrame(): void {
  requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      if (performance.getEntriesByName(SWAP_DROP_MARK, 'mark').length === 0) return;
      performance.mark(SWAP_PAINT_MARK);
      performance.measure(SWAP_MEASURE, SWAP_DROP_MARK, SWAP_PAINT_MARK);
      performance.clearMarks(SWAP_DROP_MARK);
    };
    channel.port2.postMessage(null);
  });
}
