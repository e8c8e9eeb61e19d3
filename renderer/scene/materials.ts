/**
 * Shared GPU resources: one unit geometry per part shape and one material per finish, created
 * once for the app's lifetime. Instances scale and tint them, so they are never per-piece.
 */
import { BoxGeometry, CanvasTexture, CylinderGeometry, MeshBasicMaterial, MeshStandardMaterial, PlaneGeometry, RepeatWrapping, SphereGeometry, SRGBColorSpace, type BufferGeometry, type Material } from 'three';
import type { PartFinish, PartShape } from './furniture/kit.ts';

let geometries: Record<PartShape, BufferGeometry> | undefined;

export function partGeometry(shape: PartShape): BufferGeometry {
  geometries ??= {
    box: new BoxGeometry(1, 1, 1),
    cylinder: new CylinderGeometry(0.5, 0.5, 1, 28),
    taper: new CylinderGeometry(0.35, 0.5, 1, 28),
    sphere: new SphereGeometry(0.5, 24, 16),
  };
  return geometries[shape];
}

let materials: Record<PartFinish, Material> | undefined;

/** Materials are white: each instance's colour tints them. */
export function finishMaterial(finish: PartFinish): Material {
  materials ??= {
    fabric: new MeshStandardMaterial({ roughness: 0.92, metalness: 0 }),
    wood: new MeshStandardMaterial({ roughness: 0.6, metalness: 0 }),
    metal: new MeshStandardMaterial({ roughness: 0.35, metalness: 0.45 }),
    ceramic: new MeshStandardMaterial({ roughness: 0.3, metalness: 0 }),
    glass: new MeshStandardMaterial({ roughness: 0.05, metalness: 0.1, transparent: true, opacity: 0.35, depthWrite: false }),
    // Without an environment map a metallic mirror renders black; a bright, glossy surface with a
    // faint glow of its own reads as reflective glass in any room.
    mirror: new MeshStandardMaterial({ roughness: 0.15, metalness: 0, emissive: '#b8c6cf', emissiveIntensity: 0.35 }),
    glow: new MeshStandardMaterial({ roughness: 0.9, metalness: 0, emissive: '#fff1d6', emissiveIntensity: 0.45 }),
    leaf: new MeshStandardMaterial({ roughness: 0.75, metalness: 0 }),
  };
  return materials[finish];
}

/** Floor finishes that read as boards get a plank texture; everything else is a plain surface. */
export function floorKind(material: string): 'planks' | 'tiles' | 'plain' {
  const word = material.toLowerCase();
  if (/(oak|wood|walnut|ash|pine|parquet|plank|timber|bamboo|laminate|herringbone)/.test(word)) return 'planks';
  if (/(tile|stone|marble|terrazzo|porcelain|ceramic)/.test(word)) return 'tiles';
  return 'plain';
}

/** Metres one texture repeat covers; UVs of the floor are in metres. */
export const FLOOR_TEXTURE_METRES = 2.4;

let plankTexture: CanvasTexture | undefined;
let tileTexture: CanvasTexture | undefined;

/**
 * A light-grey pattern multiplied by the finish colour: boards 150 mm wide in staggered
 * lengths, or 600 mm tiles. Drawn once on a canvas; deterministic, so every room looks the same.
 */
export function floorTexture(kind: 'planks' | 'tiles'): CanvasTexture | undefined {
  if (typeof document === 'undefined') return undefined;
  if (kind === 'planks' && plankTexture) return plankTexture;
  if (kind === 'tiles' && tileTexture) return tileTexture;
  const size = 1024;
  const canvas = document.createElement('canvas');
  canvas.width = size;
  canvas.height = size;
  const context = canvas.getContext('2d');
  if (!context) return undefined;
  const pxPerMetre = size / FLOOR_TEXTURE_METRES;
  let seed = 7;
  const random = () => {
    seed = (seed * 16807) % 2147483647;
    return seed / 2147483647;
  };
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, size, size);
  if (kind === 'planks') {
    const plank = 0.15 * pxPerMetre;
    for (let row = 0; row * plank < size; row++) {
      let x = -random() * 1.2 * pxPerMetre;
      while (x < size) {
        const length = (0.8 + random() * 1.0) * pxPerMetre;
        const tone = Math.round(240 + random() * 15);
        context.fillStyle = `rgb(${tone}, ${tone}, ${tone})`;
        context.fillRect(x, row * plank, length, plank);
        // Faint grain lines along the board.
        context.strokeStyle = `rgba(0, 0, 0, ${0.02 + random() * 0.025})`;
        context.lineWidth = 1;
        for (let g = 0; g < 4; g++) {
          const y = row * plank + plank * (0.15 + random() * 0.7);
          context.beginPath();
          context.moveTo(x, y);
          context.bezierCurveTo(x + length * 0.3, y + (random() - 0.5) * 4, x + length * 0.7, y + (random() - 0.5) * 4, x + length, y);
          context.stroke();
        }
        context.fillStyle = 'rgba(0, 0, 0, 0.12)';
        context.fillRect(x, row * plank, 1.5, plank);
        x += length;
      }
      context.fillStyle = 'rgba(0, 0, 0, 0.1)';
      context.fillRect(0, row * plank, size, 1.5);
    }
  } else {
    const tile = 0.6 * pxPerMetre;
    for (let row = 0; row * tile < size; row++) {
      for (let col = 0; col * tile < size; col++) {
        const tone = Math.round(236 + random() * 16);
        context.fillStyle = `rgb(${tone}, ${tone}, ${tone})`;
        context.fillRect(col * tile, row * tile, tile, tile);
      }
    }
    context.fillStyle = 'rgba(0, 0, 0, 0.16)';
    for (let i = 0; i * tile < size; i++) {
      context.fillRect(i * tile, 0, 2, size);
      context.fillRect(0, i * tile, size, 2);
    }
  }
  const texture = new CanvasTexture(canvas);
  texture.colorSpace = SRGBColorSpace;
  texture.wrapS = RepeatWrapping;
  texture.wrapT = RepeatWrapping;
  texture.repeat.set(1 / FLOOR_TEXTURE_METRES, 1 / FLOOR_TEXTURE_METRES);
  texture.anisotropy = 4;
  if (kind === 'planks') plankTexture = texture;
  else tileTexture = texture;
  return texture;
}

let shadowResources: { geometry: BufferGeometry; material: Material } | undefined;

/**
 * The contact-shadow quad (1 × 1 m, lying flat) and its material: a feathered rounded rectangle,
 * darkest under the piece and fading out past its edges.
 */
export function contactShadowResources(): { geometry: BufferGeometry; material: Material } {
  if (shadowResources) return shadowResources;
  const geometry = new PlaneGeometry(1, 1).rotateX(-Math.PI / 2);
  const material = new MeshBasicMaterial({ color: '#2b2118', transparent: true, opacity: 0.5, depthWrite: false, toneMapped: false });
  if (typeof document !== 'undefined') {
    const size = 128;
    const canvas = document.createElement('canvas');
    canvas.width = size;
    canvas.height = size;
    const context = canvas.getContext('2d');
    if (context) {
      // alphaMap reads the green channel: white where the shadow is darkest, black where it ends.
      // Concentric rounded rectangles, each adding a little white, give a smooth falloff.
      context.fillStyle = '#000000';
      context.fillRect(0, 0, size, size);
      const steps = 24;
      for (let i = 0; i < steps; i++) {
        const inset = (i / steps) * size * 0.36;
        context.fillStyle = 'rgba(255, 255, 255, 0.09)';
        context.beginPath();
        context.roundRect(inset, inset, size - inset * 2, size - inset * 2, Math.max(size * 0.2 - inset * 0.4, 2));
        context.fill();
      }
      const texture = new CanvasTexture(canvas);
      material.alphaMap = texture;
      material.needsUpdate = true;
    }
  }
  shadowResources = { geometry, material };
  return shadowResources;
}
