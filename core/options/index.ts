/**
 * Design options: the live Yjs document per option (document.ts — read it first), the layout
 * of one item inside it (item-fields.ts), the plain snapshots that published versions store
 * and their migrations (snapshot.ts), and what changed between two versions (diff.ts).
 * Prices come from ../pricing. Pure: no clock, no store, no network; the server and the
 * renderer bring the Y.Doc and its provider.
 */
export * from './document.ts';
export * from './snapshot.ts';
export * from './diff.ts';
export { normaliseDegrees, type ItemFields, type OwnPiece, type Position } from './item-fields.ts';
