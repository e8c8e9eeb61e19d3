/**
 * Writes the seed furniture models: small, valid glTF 2.0 files built from boxes, each with its
 * geometry embedded as a base64 buffer so one file is one model.
 *
 * Conventions every model here follows (the renderer relies on them):
 * - metres, +Y up, the piece's front faces +Z;
 * - the origin is the centre of the footprint on the floor, so a model drops onto the floor plan
 *   at its placed item's position without offsets;
 * - the model's bounding box is its nominal size (`extras.nominalSizeMm`); the renderer scales it
 *   non-uniformly to the product's own width × height × depth.
 *
 * Run: `node assets/models/generate.ts` (deterministic: the same files every time).
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

type Vec3 = readonly [number, number, number];
interface Box {
  /** centre, metres */
  readonly at: Vec3;
  /** full size, metres */
  readonly size: Vec3;
}
interface Part {
  readonly material: string;
  readonly boxes: readonly Box[];
}
interface ModelSpec {
  readonly file: string;
  readonly name: string;
  readonly parts: readonly Part[];
}

const MATERIALS: Record<string, { colour: readonly [number, number, number]; roughness: number; metallic: number }> = {
  fabric: { colour: [0.42, 0.47, 0.44], roughness: 0.95, metallic: 0 },
  oak: { colour: [0.66, 0.5, 0.33], roughness: 0.7, metallic: 0 },
  walnut: { colour: [0.36, 0.24, 0.16], roughness: 0.65, metallic: 0 },
  steel: { colour: [0.2, 0.2, 0.22], roughness: 0.4, metallic: 0.9 },
  linen: { colour: [0.85, 0.82, 0.76], roughness: 0.95, metallic: 0 },
  shade: { colour: [0.95, 0.92, 0.85], roughness: 0.9, metallic: 0 },
};

/** A box resting on the floor (y = 0 at its bottom) is easier to write than a centred one. */
function onFloor(x: number, z: number, width: number, height: number, depth: number, lift = 0): Box {
  return { at: [x, lift + height / 2, z], size: [width, height, depth] };
}

/** Four legs at the corners of a rectangle, inset from its edges. */
function legs(width: number, depth: number, height: number, thickness: number, inset: number): Box[] {
  const x = width / 2 - inset - thickness / 2;
  const z = depth / 2 - inset - thickness / 2;
  return [
    onFloor(-x, -z, thickness, height, thickness),
    onFloor(x, -z, thickness, height, thickness),
    onFloor(-x, z, thickness, height, thickness),
    onFloor(x, z, thickness, height, thickness),
  ];
}

const MODELS: readonly ModelSpec[] = [
  {
    file: 'armchair-box.gltf',
    name: 'Box armchair',
    parts: [
      {
        material: 'fabric',
        boxes: [
          onFloor(0, 0.03, 0.62, 0.18, 0.68, 0.12), // seat
          onFloor(0, -0.33, 0.8, 0.68, 0.16, 0.12), // back
          onFloor(-0.35, 0.03, 0.1, 0.45, 0.84, 0.12), // arms
          onFloor(0.35, 0.03, 0.1, 0.45, 0.84, 0.12),
        ],
      },
      { material: 'oak', boxes: legs(0.8, 0.84, 0.12, 0.04, 0.04) },
    ],
  },
  {
    file: 'sofa-3-seat.gltf',
    name: 'Three-seat sofa',
    parts: [
      {
        material: 'fabric',
        boxes: [
          onFloor(0, 0.06, 1.9, 0.2, 0.66, 0.14),
          onFloor(0, -0.36, 2.1, 0.7, 0.18, 0.14),
          onFloor(-0.99, 0.06, 0.12, 0.48, 0.9, 0.14),
          onFloor(0.99, 0.06, 0.12, 0.48, 0.9, 0.14),
          onFloor(-0.63, -0.2, 0.6, 0.4, 0.14, 0.34), // back cushions
          onFloor(0, -0.2, 0.6, 0.4, 0.14, 0.34),
          onFloor(0.63, -0.2, 0.6, 0.4, 0.14, 0.34),
        ],
      },
      { material: 'walnut', boxes: legs(2.1, 0.9, 0.14, 0.05, 0.06) },
    ],
  },
  {
    file: 'dining-chair.gltf',
    name: 'Dining chair',
    parts: [
      {
        material: 'oak',
        boxes: [
          onFloor(0, 0.02, 0.44, 0.03, 0.46, 0.44), // seat
          onFloor(0, -0.23, 0.44, 0.28, 0.025, 0.5), // back rail
          ...legs(0.45, 0.52, 0.44, 0.035, 0.02),
          onFloor(-0.19, -0.235, 0.035, 0.36, 0.035, 0.44), // back posts
          onFloor(0.19, -0.235, 0.035, 0.36, 0.035, 0.44),
        ],
      },
    ],
  },
  {
    file: 'dining-table.gltf',
    name: 'Dining table',
    parts: [
      {
        material: 'oak',
        boxes: [onFloor(0, 0, 1.8, 0.04, 0.9, 0.71), onFloor(0, 0, 1.6, 0.08, 0.72, 0.63), ...legs(1.8, 0.9, 0.63, 0.07, 0.06)],
      },
    ],
  },
  {
    file: 'coffee-table.gltf',
    name: 'Coffee table',
    parts: [
      { material: 'walnut', boxes: [onFloor(0, 0, 1.2, 0.035, 0.6, 0.385), onFloor(0, 0, 1.08, 0.02, 0.48, 0.12)] },
      { material: 'steel', boxes: legs(1.2, 0.6, 0.385, 0.025, 0.03) },
    ],
  },
  {
    file: 'side-table.gltf',
    name: 'Side table',
    parts: [
      { material: 'oak', boxes: [onFloor(0, 0, 0.45, 0.03, 0.45, 0.52)] },
      { material: 'steel', boxes: legs(0.45, 0.45, 0.52, 0.02, 0.02) },
    ],
  },
  {
    file: 'bookcase.gltf',
    name: 'Bookcase',
    parts: [
      {
        material: 'oak',
        boxes: [
          onFloor(-0.385, 0, 0.03, 1.8, 0.32),
          onFloor(0.385, 0, 0.03, 1.8, 0.32),
          onFloor(0, -0.15, 0.74, 1.8, 0.02),
          ...[0, 0.44, 0.88, 1.32, 1.77].map((y) => onFloor(0, 0.01, 0.74, 0.03, 0.3, y)),
        ],
      },
    ],
  },
  {
    file: 'bed-double.gltf',
    name: 'Double bed',
    parts: [
      { material: 'walnut', boxes: [onFloor(0, 0.03, 1.5, 0.25, 2.04, 0.1), onFloor(0, -1.03, 1.6, 1.05, 0.06)] },
      { material: 'linen', boxes: [onFloor(0, 0.05, 1.42, 0.22, 1.96, 0.35)] },
      { material: 'steel', boxes: legs(1.5, 2.04, 0.1, 0.05, 0.05) },
    ],
  },
  {
    file: 'sideboard.gltf',
    name: 'Sideboard',
    parts: [
      { material: 'walnut', boxes: [onFloor(0, 0, 1.6, 0.6, 0.45, 0.18)] },
      { material: 'steel', boxes: legs(1.6, 0.45, 0.18, 0.03, 0.06) },
    ],
  },
  {
    file: 'floor-lamp.gltf',
    name: 'Floor lamp',
    parts: [
      { material: 'steel', boxes: [onFloor(0, 0, 0.3, 0.03, 0.3), onFloor(0, 0, 0.025, 1.25, 0.025, 0.03)] },
      { material: 'shade', boxes: [onFloor(0, 0, 0.42, 0.32, 0.42, 1.25)] },
    ],
  },
];

/** The six faces of a box as 24 vertices (flat normals) and 36 indices. */
function boxGeometry(box: Box, firstVertex: number): { positions: number[]; normals: number[]; indices: number[] } {
  const [cx, cy, cz] = box.at;
  const [hx, hy, hz] = [box.size[0] / 2, box.size[1] / 2, box.size[2] / 2];
  const faces: { normal: Vec3; corners: Vec3[] }[] = [
    { normal: [1, 0, 0], corners: [[hx, -hy, hz], [hx, -hy, -hz], [hx, hy, -hz], [hx, hy, hz]] },
    { normal: [-1, 0, 0], corners: [[-hx, -hy, -hz], [-hx, -hy, hz], [-hx, hy, hz], [-hx, hy, -hz]] },
    { normal: [0, 1, 0], corners: [[-hx, hy, hz], [hx, hy, hz], [hx, hy, -hz], [-hx, hy, -hz]] },
    { normal: [0, -1, 0], corners: [[-hx, -hy, -hz], [hx, -hy, -hz], [hx, -hy, hz], [-hx, -hy, hz]] },
    { normal: [0, 0, 1], corners: [[-hx, -hy, hz], [hx, -hy, hz], [hx, hy, hz], [-hx, hy, hz]] },
    { normal: [0, 0, -1], corners: [[hx, -hy, -hz], [-hx, -hy, -hz], [-hx, hy, -hz], [hx, hy, -hz]] },
  ];
  const positions: number[] = [];
  const normals: number[] = [];
  const indices: number[] = [];
  faces.forEach((face, faceIndex) => {
    for (const [x, y, z] of face.corners) {
      positions.push(round(cx + x), round(cy + y), round(cz + z));
      normals.push(...face.normal);
    }
    const base = firstVertex + faceIndex * 4;
    indices.push(base, base + 1, base + 2, base, base + 2, base + 3);
  });
  return { positions, normals, indices };
}

/** Rounded to 0.1 mm so the float32 bytes never depend on float formatting quirks. */
function round(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}

function padTo4(bytes: number): number {
  return (4 - (bytes % 4)) % 4;
}

/** Shifts every box so the footprint's centre sits on the origin, whatever the spec's authoring. */
function centredOnFootprint(spec: ModelSpec): ModelSpec {
  const boxes = spec.parts.flatMap((part) => part.boxes);
  const minX = Math.min(...boxes.map((box) => box.at[0] - box.size[0] / 2));
  const maxX = Math.max(...boxes.map((box) => box.at[0] + box.size[0] / 2));
  const minZ = Math.min(...boxes.map((box) => box.at[2] - box.size[2] / 2));
  const maxZ = Math.max(...boxes.map((box) => box.at[2] + box.size[2] / 2));
  const [dx, dz] = [(minX + maxX) / 2, (minZ + maxZ) / 2];
  return {
    ...spec,
    parts: spec.parts.map((part) => ({ ...part, boxes: part.boxes.map((box) => ({ ...box, at: [box.at[0] - dx, box.at[1], box.at[2] - dz] as const })) })),
  };
}

export function buildGltf(authored: ModelSpec): object {
  const spec = centredOnFootprint(authored);
  const chunks: Buffer[] = [];
  let byteLength = 0;
  const bufferViews: object[] = [];
  const accessors: object[] = [];
  const primitives: object[] = [];
  const materialNames = [...new Set(spec.parts.map((part) => part.material))];
  const overallMin = [Infinity, Infinity, Infinity];
  const overallMax = [-Infinity, -Infinity, -Infinity];

  const addView = (data: Buffer, target: number): number => {
    const padding = padTo4(byteLength);
    if (padding) {
      chunks.push(Buffer.alloc(padding));
      byteLength += padding;
    }
    bufferViews.push({ buffer: 0, byteOffset: byteLength, byteLength: data.length, target });
    chunks.push(data);
    byteLength += data.length;
    return bufferViews.length - 1;
  };

  for (const part of spec.parts) {
    const positions: number[] = [];
    const normals: number[] = [];
    const indices: number[] = [];
    for (const box of part.boxes) {
      const geometry = boxGeometry(box, positions.length / 3);
      positions.push(...geometry.positions);
      normals.push(...geometry.normals);
      indices.push(...geometry.indices);
    }
    const min = [Infinity, Infinity, Infinity];
    const max = [-Infinity, -Infinity, -Infinity];
    for (let i = 0; i < positions.length; i += 3) {
      for (let axis = 0; axis < 3; axis++) {
        const value = Math.fround(positions[i + axis] ?? 0);
        min[axis] = Math.min(min[axis] ?? Infinity, value);
        max[axis] = Math.max(max[axis] ?? -Infinity, value);
        overallMin[axis] = Math.min(overallMin[axis] ?? Infinity, value);
        overallMax[axis] = Math.max(overallMax[axis] ?? -Infinity, value);
      }
    }
    const positionView = addView(Buffer.from(new Float32Array(positions).buffer), 34962);
    const normalView = addView(Buffer.from(new Float32Array(normals).buffer), 34962);
    const indexView = addView(Buffer.from(new Uint16Array(indices).buffer), 34963);
    const vertexCount = positions.length / 3;
    accessors.push({ bufferView: positionView, componentType: 5126, count: vertexCount, type: 'VEC3', min, max });
    accessors.push({ bufferView: normalView, componentType: 5126, count: vertexCount, type: 'VEC3' });
    accessors.push({ bufferView: indexView, componentType: 5123, count: indices.length, type: 'SCALAR' });
    primitives.push({
      attributes: { POSITION: accessors.length - 3, NORMAL: accessors.length - 2 },
      indices: accessors.length - 1,
      material: materialNames.indexOf(part.material),
      mode: 4,
    });
  }
  const tail = padTo4(byteLength);
  if (tail) chunks.push(Buffer.alloc(tail));
  const buffer = Buffer.concat(chunks);
  const sizeMm = [0, 1, 2].map((axis) => Math.round(((overallMax[axis] ?? 0) - (overallMin[axis] ?? 0)) * 1000));

  return {
    asset: { version: '2.0', generator: 'atelier assets/models/generate.ts' },
    scene: 0,
    scenes: [{ name: spec.name, nodes: [0] }],
    nodes: [{ name: spec.name, mesh: 0 }],
    meshes: [{ name: spec.name, primitives }],
    materials: materialNames.map((name) => {
      const material = MATERIALS[name];
      if (!material) throw new Error(`unknown material ${name}`);
      return {
        name,
        pbrMetallicRoughness: { baseColorFactor: [...material.colour, 1], metallicFactor: material.metallic, roughnessFactor: material.roughness },
      };
    }),
    accessors,
    bufferViews,
    buffers: [{ byteLength: buffer.length, uri: `data:application/octet-stream;base64,${buffer.toString('base64')}` }],
    extras: { nominalSizeMm: { width: sizeMm[0], height: sizeMm[1], depth: sizeMm[2] } },
  };
}

export const MODEL_FILES = MODELS.map((model) => model.file);

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const here = dirname(fileURLToPath(import.meta.url));
  for (const spec of MODELS) {
    writeFileSync(join(here, spec.file), `${JSON.stringify(buildGltf(spec), null, 2)}\n`);
    console.log(`wrote assets/models/${spec.file}`);
  }
}
