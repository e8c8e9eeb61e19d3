/**
 * [Collab] The outline boxes PresenceOverlay draws for the others: pure three.js math, tested in Node.
 */
import { Matrix4 } from 'three';
import type { PresenceState } from '../live/presence.ts';
import { pieceMatrix } from './furniture/instancing.ts';
import type { ResolvedPiece } from './furniture/pieces.ts';
import { mmToMetres } from './plan.ts';

/** Outlines stand a little off the piece so they are not hidden inside its surfaces. */
const MARGIN_MM = 30;

export interface PeerOutline {
  readonly key: string;
  readonly colour: string;
  readonly matrix: Matrix4;
  readonly size: readonly [number, number, number];
  readonly dragging: boolean;
}

/** Pure: the boxes to draw for the peers, one per selected or dragged piece per person. */
export function peerOutlines(peers: readonly PresenceState[], pieces: readonly ResolvedPiece[]): PeerOutline[] {
  const byId = new Map(pieces.map((piece) => [piece.itemId, piece]));
  const outlines: PeerOutline[] = [];
  for (const peer of peers) {
    const dragged = peer.dragging ? byId.get(peer.dragging.itemId) : undefined;
    const ids = new Set(peer.selection);
    if (dragged) ids.delete(dragged.itemId);
    const add = (piece: ResolvedPiece, placement: Pick<ResolvedPiece, 'xMm' | 'yMm' | 'rotationDeg' | 'elevationMm'>, dragging: boolean) => {
      const size = [mmToMetres(piece.widthMm + MARGIN_MM), mmToMetres(piece.heightMm + MARGIN_MM), mmToMetres(piece.depthMm + MARGIN_MM)] as const;
      // A unit box, lifted to stand on the floor (or its elevation), scaled to the piece.
      const matrix = pieceMatrix(placement)
        .multiply(new Matrix4().makeTranslation(0, mmToMetres(piece.heightMm) / 2, 0))
        .multiply(new Matrix4().makeScale(...size));
      outlines.push({ key: `${peer.clientId}:${piece.itemId}:${dragging ? 'drag' : 'sel'}`, colour: peer.user.colour, matrix, size, dragging });
    };
    if (dragged && peer.dragging) add(dragged, { xMm: peer.dragging.xMm, yMm: peer.dragging.yMm, rotationDeg: peer.dragging.rotationDeg, elevationMm: dragged.elevationMm }, true);
    for (const id of ids) {
      const piece = byId.get(id);
      if (piece) add(piece, piece, false);
    }
  }
  return outlines;
}
