/**
 * [Options] When the furniture took new pieces into the scene: FurnitureBatches reports each
 * commit of its pieces (after its instance buffers are written, before the frame that draws
 * them). three-free, so the main bundle can listen without loading the scene: the swap's paint
 * probe (swap/swapStore.ts) waits for the commit that holds the swapped piece — the 3D view
 * renders in react-three-fiber's own React root, a task after the page's commit.
 */
let commits = 0;
let mounted = 0;
const listeners = new Set<() => void>();

/** FurnitureBatches: a commit of new pieces. */
export function noteFurnitureCommit(): void {
  commits++;
  for (const listener of [...listeners]) listener();
}

/** FurnitureBatches: mounted (returns the unmount). */
export function noteFurnitureMounted(): () => void {
  mounted++;
  return () => void mounted--;
}

/** How many commits so far; whether any furniture is mounted at all (no 3D view: nothing to wait for). */
export function furnitureCommits(): { readonly count: number; readonly mounted: boolean } {
  return { count: commits, mounted: mounted > 0 };
}

export function onFurnitureCommit(listener: () => void): () => void {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}
