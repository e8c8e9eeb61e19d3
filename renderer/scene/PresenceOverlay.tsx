/**
 * [Collab] What the others are doing, drawn in the 3D view: an outline box in each person's
 * colour around the pieces they have selected, and around the piece they are dragging at its
 * dragged position (their local preview, shared through awareness, never the document).
 * Draws nothing without a live option or peers; new presence invalidates one frame.
 */
import { useThree } from '@react-three/fiber';
import { useEffect, useMemo } from 'react';
import { BoxGeometry, EdgesGeometry } from 'three';
import { useCurrentLiveOption } from '../live/LiveOptionContext.ts';
import { usePeers } from '../live/useLiveOption.ts';
import type { ResolvedPiece } from './furniture/pieces.ts';
import { peerOutlines } from './presenceOutlines.ts';

const unitEdges = new EdgesGeometry(new BoxGeometry(1, 1, 1));

export function PresenceOverlay({ pieces }: { readonly pieces: readonly ResolvedPiece[] }) {
  const live = useCurrentLiveOption();
  const peers = usePeers(live);
  const invalidate = useThree((state) => state.invalidate);
  const canvas = useThree((state) => state.gl.domElement);
  const outlines = useMemo(() => peerOutlines(peers, pieces), [peers, pieces]);
  useEffect(() => {
    // What is outlined, for tests (WebGL pixels do not say whose box is whose).
    canvas.dataset.peerOutlines = outlines.map((outline) => outline.key).join(' ');
    invalidate();
  }, [canvas, invalidate, outlines]);
  return (
    <group name="presence">
      {outlines.map((outline) => (
        <lineSegments key={outline.key} geometry={unitEdges} matrixAutoUpdate={false} matrix={outline.matrix} renderOrder={10}>
          <lineBasicMaterial color={outline.colour} depthTest={false} transparent opacity={outline.dragging ? 0.95 : 0.8} />
        </lineSegments>
      ))}
    </group>
  );
}
