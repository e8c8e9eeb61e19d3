/**
 * A loaded glTF model as something to instance: its meshes flattened to (geometry, material,
 * matrix) parts, normalised so the model's bounding box is the unit footprint box
 * (x, z ∈ [−½, ½], y ∈ [0, 1]). Scaling that box by a product's width × height × depth draws the
 * model at the product's true size, whatever size or origin the file was authored at.
 *
 * Colour: the material covering the largest surface (upholstery on a sofa, the top and body of
 * a table) takes the piece's chosen colour; every other material keeps its authored colour, and
 * lamp shades, glass and mirrors are never tinted. Materials are cloned white so one material
 * serves every instance and the instance colour carries the tint. Pure three.js math, no DOM.
 */
import { Box3, Color, Matrix4, MeshStandardMaterial, Vector3, type BufferGeometry, type Material, type Mesh, type Object3D } from 'three';

export interface ModelPart {
  readonly geometry: BufferGeometry;
  /** White (or texture only): the instance colour tints it. */
  readonly material: Material;
  /** From the mesh's own space to the unit footprint box. */
  readonly matrix: Matrix4;
  /** The authored colour in the working (linear) colour space; null takes the piece's main colour. */
  readonly colour: Color | null;
}

export interface ModelTemplate {
  readonly url: string;
  readonly parts: readonly ModelPart[];
  /** The model's size as authored, metres (x, y, z). */
  readonly authoredSize: Vector3;
}

/** Materials that keep their look whatever colour the customer picks. */
const NEVER_TINTED = /(shade|glass|mirror|light|bulb|lamp|emissi|screen)/i;
/** Lamp shades glow softly, as the procedural lamps do. */
const GLOWING = /(shade|bulb|light)/i;

function surfaceArea(geometry: BufferGeometry, matrix: Matrix4): number {
  const position = geometry.getAttribute('position');
  if (!position) return 0;
  const index = geometry.getIndex();
  const count = index ? index.count : position.count;
  const a = new Vector3();
  const b = new Vector3();
  const c = new Vector3();
  let area = 0;
  for (let i = 0; i + 2 < count; i += 3) {
    const [ia, ib, ic] = index ? [index.getX(i), index.getX(i + 1), index.getX(i + 2)] : [i, i + 1, i + 2];
    a.fromBufferAttribute(position, ia).applyMatrix4(matrix);
    b.fromBufferAttribute(position, ib).applyMatrix4(matrix);
    c.fromBufferAttribute(position, ic).applyMatrix4(matrix);
    area += b.sub(a).cross(c.sub(a)).length() / 2;
  }
  return area;
}

function whiteClone(material: Material): Material {
  const clone = material.clone();
  if (clone instanceof MeshStandardMaterial) {
    clone.color.set(1, 1, 1);
    if (GLOWING.test(material.name) && clone.emissive.getHex() === 0) {
      clone.emissive.set('#fff1d6');
      clone.emissiveIntensity = 0.45;
    }
  }
  return clone;
}

function authoredColour(material: Material): Color {
  return material instanceof MeshStandardMaterial ? material.color.clone() : new Color(1, 1, 1);
}

/** Flattens a loaded glTF scene into instancing parts (see the module comment). */
export function templateFromScene(root: Object3D, url: string): ModelTemplate {
  root.updateMatrixWorld(true);
  const meshes: { geometry: BufferGeometry; material: Material; world: Matrix4 }[] = [];
  root.traverse((object) => {
    const mesh = object as Mesh;
    if (!mesh.isMesh || !mesh.geometry.getAttribute('position')) return;
    // Multi-material meshes are split by GLTFLoader already; an array here is not glTF.
    const material = Array.isArray(mesh.material) ? mesh.material[0] : mesh.material;
    if (!material) return;
    meshes.push({ geometry: mesh.geometry, material, world: mesh.matrixWorld.clone() });
  });
  if (meshes.length === 0) throw new Error(`${url}: the model has no meshes`);

  const bounds = new Box3();
  const box = new Box3();
  for (const mesh of meshes) {
    mesh.geometry.computeBoundingBox();
    bounds.union(box.copy(mesh.geometry.boundingBox!).applyMatrix4(mesh.world));
  }
  const size = bounds.getSize(new Vector3());
  if (!(size.x > 0 && size.y > 0 && size.z > 0)) throw new Error(`${url}: the model is flat or empty`);

  // The largest tintable surface takes the piece's colour.
  const areas = new Map<Material, number>();
  for (const mesh of meshes) {
    if (NEVER_TINTED.test(mesh.material.name) || mesh.material.transparent) continue;
    areas.set(mesh.material, (areas.get(mesh.material) ?? 0) + surfaceArea(mesh.geometry, mesh.world));
  }
  const tinted = [...areas.entries()].sort((x, y) => y[1] - x[1])[0]?.[0];

  const toUnit = new Matrix4().makeScale(1 / size.x, 1 / size.y, 1 / size.z).multiply(new Matrix4().makeTranslation(-(bounds.min.x + bounds.max.x) / 2, -bounds.min.y, -(bounds.min.z + bounds.max.z) / 2));
  const clones = new Map<Material, Material>();
  const parts = meshes.map((mesh): ModelPart => {
    let material = clones.get(mesh.material);
    if (!material) {
      material = whiteClone(mesh.material);
      clones.set(mesh.material, material);
    }
    return { geometry: mesh.geometry, material, matrix: new Matrix4().multiplyMatrices(toUnit, mesh.world), colour: mesh.material === tinted ? null : authoredColour(mesh.material) };
  });
  return { url, parts, authoredSize: size };
}

/** From the unit footprint box to a piece of the given size in millimetres (piece-local frame). */
export function fitToSize(dims: { readonly widthMm: number; readonly depthMm: number; readonly heightMm: number }, target = new Matrix4()): Matrix4 {
  return target.makeScale(Math.max(dims.widthMm, 10) / 1000, Math.max(dims.heightMm, 10) / 1000, Math.max(dims.depthMm, 10) / 1000);
}
