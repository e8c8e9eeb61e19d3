/**
 * [Collab] The others' pointers in the plan view: drop `<PeerPointers live={live} toPx={…} />`
 * into the plan's SVG (in its pixel space). `toPx` maps plan millimetres to that space. The
 * local pointer goes out with `live.presence.setLocal({ pointer: { xMm, yMm } })` on pointer
 * move (throttled inside) and `{ pointer: null }` on leave — `usePlanPointerPublisher` does it.
 */
import { useCallback } from 'react';
import type { LiveOption } from './liveOption.ts';
import { usePeers } from './useLiveOption.ts';

export interface PeerPointersProps {
  readonly live: LiveOption | null;
  readonly toPx: (point: { readonly xMm: number; readonly yMm: number }) => { readonly x: number; readonly y: number };
}

export function PeerPointers({ live, toPx }: PeerPointersProps) {
  const peers = usePeers(live);
  return (
    <g className="peer-pointers" pointerEvents="none" data-testid="peer-pointers">
      {peers.map((peer) => {
        if (!peer.pointer) return null;
        const { x, y } = toPx(peer.pointer);
        const label = peer.user.name.split(/\s+/)[0] ?? '';
        return (
          <g key={peer.clientId} transform={`translate(${x} ${y})`} data-user-id={peer.user.id}>
            <path d="M0 0 L0 16 L4.5 12 L8 19 L10.5 18 L7 11 L13 11 Z" fill={peer.user.colour} stroke="#ffffff" strokeWidth={1.2} />
            <rect x={12} y={14} rx={4} width={label.length * 7 + 10} height={18} fill={peer.user.colour} />
            <text x={17} y={27} fill="#ffffff" fontSize={11} fontWeight={600}>
              {label}
            </text>
          </g>
        );
      })}
    </g>
  );
}

/** Pointer handlers for the plan's SVG: `toMm` maps a pointer event to plan millimetres (null outside the plan). */
export function usePlanPointerPublisher(live: LiveOption | null, toMm: (event: { readonly clientX: number; readonly clientY: number }) => { xMm: number; yMm: number } | null) {
  const onPointerMove = useCallback(
    (event: { readonly clientX: number; readonly clientY: number }) => {
      const point = toMm(event);
      live?.presence.setLocal({ pointer: point ? { xMm: Math.round(point.xMm), yMm: Math.round(point.yMm) } : null });
    },
    [live, toMm],
  );
  const onPointerLeave = useCallback(() => live?.presence.setLocal({ pointer: null }), [live]);
  return { onPointerMove, onPointerLeave };
}
