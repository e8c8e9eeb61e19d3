import { useEffect, useMemo } from 'react';
import { InstancedBufferAttribute, InstancedMesh } from 'three';
import type { PlanPoint } from '../../core/room.ts';
import { useCutaway } from './Cutaway.tsx';
import { groupByHostWall } from './cutaway.ts';
import { batchPieces, type InstanceBatch } from './furniture/instancing.ts';
import type { ResolvedPiece } from './furniture/pieces.ts';
import { contactShadowResources, finishMaterial, partGeometry } from './materials.ts';
import { contactShadowMatrices } from './contactShadows.ts';


/**
 * All furniture as a few instanced meshes: one per part shape and finish for the pieces on the
 * floor, and a small set per wall for what hangs there, so it disappears with a cut-away wall.
 */
export function FurnitureBatches({ pieces, outline }: { readonly pieces: readonly ResolvedPiece[]; readonly outline: readonly PlanPoint[] }) {
  const cutaway = useCutaway();
  const groups = useMemo(() => {
    const { floor, walls } = groupByHostWall(pieces, outline);
    return { floor: batchPieces(floor), shadows: contactShadowMatrices(floor), walls: [...walls.entries()].map(([wallIndex, hung]) => ({ wallIndex, batches: batchPieces(hung) })) };
  }, [pieces, outline]);
  return (
    <group name="furniture">
      <ContactShadows matrices={groups.shadows} />
      {groups.floor.map((batch) => (
        <Batch key={batch.key} batch={batch} />
      ))}
      {groups.walls.map(({ wallIndex, batches }) => (
        <group key={wallIndex} ref={cutaway.ref(wallIndex, 'full')} name={`hung-on-wall-${wallIndex}`}>
          {batches.map((batch) => (
            <Batch key={batch.key} batch={batch} />
          ))}
        </group>
      ))}
    </group>
  );
}

function Batch({ batch }: { readonly batch: InstanceBatch }) {
  // Built imperatively so the instance colours exist before the first render compiles the shader.
  const mesh = useMemo(() => {
    const instanced = new InstancedMesh(partGeometry(batch.shape), finishMaterial(batch.finish), batch.count);
    instanced.instanceMatrix.array.set(batch.matrices);
    instanced.instanceMatrix.needsUpdate = true;
    instanced.instanceColor = new InstancedBufferAttribute(batch.colours, 3);
    instanced.computeBoundingBox();
    instanced.computeBoundingSphere();
    instanced.name = `furniture:${batch.key}`;
    instanced.userData = { itemIds: batch.itemIds };
    return instanced;
  }, [batch]);
  // Shared geometry and material stay; only this mesh's instance buffers go.
  useEffect(() => () => mesh.dispose(), [mesh]);
  return <primitive object={mesh} />;
}

/** Every floor piece's soft shadow in one instanced mesh. */
function ContactShadows({ matrices }: { readonly matrices: Float32Array }) {
  const mesh = useMemo(() => {
    const { geometry, material } = contactShadowResources();
    const instanced = new InstancedMesh(geometry, material, matrices.length / 16);
    instanced.instanceMatrix.array.set(matrices);
    instanced.computeBoundingSphere();
    instanced.name = 'contact-shadows';
    // Drawn before the (transparent) glass and after the floor, without writing depth.
    instanced.renderOrder = 1;
    return instanced;
  }, [matrices]);
  useEffect(() => () => mesh.dispose(), [mesh]);
  return <primitive object={mesh} />;
}
