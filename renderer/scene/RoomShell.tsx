import { useEffect, useMemo } from 'react';
import { MeshStandardMaterial, type BufferGeometry } from 'three';
import type { RoomShape } from '../../core/room.ts';
import { useCutaway } from './Cutaway.tsx';
import { shade } from './furniture/colours.ts';
import { floorGeometry } from './floor.ts';
import { floorKind, floorTexture } from './materials.ts';
import { openingTrims, prismGeometry, skirtings, wallPrisms, type Prism } from './walls.ts';

/** Walls between the camera and the room drop to this height, so the room is seen into, dollhouse-style. */
const CUTAWAY_MM = 90;
const TRIM_COLOUR = '#f7f6f3';
// Daylight through the glass: a pale sky tint that glows a little, so windows read as bright.
const GLASS_COLOUR = '#cfe0ea';

/** A wall without windows has no glass (nor, without openings or skirting, trims): an empty mesh would still cost a draw call every frame. */
const drawable = (geometry: BufferGeometry) => (geometry.getAttribute('position')?.count ?? 0) > 0;

/**
 * The room's shell: floor, walls with their openings, window glass and door casings. Each wall
 * also has a low stub that <Cutaway> shows instead when the camera looks through that wall.
 */
export function RoomShell({ room }: { readonly room: RoomShape }) {
  const walls = useMemo(() => {
    const full = wallPrisms(room);
    const stubs = wallPrisms(room, CUTAWAY_MM);
    const trims = openingTrims(room);
    const boards = skirtings(room);
    const cap = shade(room.walls.colour, -0.32);
    const onWall = (index: number) => (prism: Prism) => prism.wallIndex === index;
    return room.outline.map((_corner, index) => ({
      full: prismGeometry(full.filter(onWall(index)), room.walls.colour, cap),
      stub: prismGeometry(stubs.filter(onWall(index)), room.walls.colour, cap),
      // Casings and glass belong to the full wall: a cut-away wall shows only its stub.
      trims: prismGeometry([...trims.frames, ...boards].filter(onWall(index)), TRIM_COLOUR),
      glass: prismGeometry(trims.glass.filter(onWall(index)), GLASS_COLOUR),
    }));
  }, [room]);

  const wallMaterial = useMemo(() => new MeshStandardMaterial({ vertexColors: true, roughness: 0.95 }), []);
  // Light bounced round a real room keeps even the walls turned from the light fairly bright.
  useEffect(() => {
    wallMaterial.emissive.set(room.walls.colour);
    wallMaterial.emissiveIntensity = 0.16;
  }, [wallMaterial, room.walls.colour]);
  const trimMaterial = useMemo(() => new MeshStandardMaterial({ vertexColors: true, roughness: 0.5 }), []);
  const glassMaterial = useMemo(() => new MeshStandardMaterial({ vertexColors: true, roughness: 0.05, metalness: 0.1, transparent: true, opacity: 0.55, depthWrite: false, emissive: '#e4eef3', emissiveIntensity: 0.45 }), []);
  useEffect(
    () => () => {
      wallMaterial.dispose();
      trimMaterial.dispose();
      glassMaterial.dispose();
    },
    [wallMaterial, trimMaterial, glassMaterial],
  );

  const floor = useMemo(() => floorGeometry(room.outline), [room.outline]);
  const floorMaterial = useMemo(() => {
    const kind = floorKind(room.floor.material);
    const map = kind === 'plain' ? undefined : floorTexture(kind);
    return new MeshStandardMaterial({ color: room.floor.colour, roughness: kind === 'tiles' ? 0.45 : 0.78, ...(map ? { map } : {}) });
  }, [room.floor.colour, room.floor.material]);

  useEffect(
    () => () => {
      for (const wall of walls) {
        wall.full.dispose();
        wall.stub.dispose();
        wall.trims.dispose();
        wall.glass.dispose();
      }
    },
    [walls],
  );
  useEffect(() => () => floor.dispose(), [floor]);
  useEffect(() => () => floorMaterial.dispose(), [floorMaterial]);

  const cutaway = useCutaway();

  return (
    <group name="room-shell">
      <mesh geometry={floor} material={floorMaterial} name="floor" />
      {walls.map((wall, index) => (
        <group key={index}>
          <group ref={cutaway.ref(index, 'full')}>
            {drawable(wall.full) ? <mesh geometry={wall.full} material={wallMaterial} /> : null}
            {drawable(wall.trims) ? <mesh geometry={wall.trims} material={trimMaterial} /> : null}
            {drawable(wall.glass) ? <mesh geometry={wall.glass} material={glassMaterial} /> : null}
          </group>
          <mesh ref={cutaway.ref(index, 'stub')} geometry={wall.stub} material={wallMaterial} visible={false} />
        </group>
      ))}
    </group>
  );
}
