/**
 * Loads furniture models (`product.modelUrl`, served from /assets/models/) with three's
 * GLTFLoader, once per URL for the app's lifetime. A model that cannot be fetched or parsed
 * rejects; the scene then draws the procedural piece instead (never a blank).
 */
import { GLTFLoader } from 'three/examples/jsm/loaders/GLTFLoader.js';
import { gltfToGlb, isGlb } from './glb.ts';
import { templateFromScene, type ModelTemplate } from './template.ts';

/** Models bigger than this are refused rather than stalling the page. */
const MAX_MODEL_BYTES = 25 * 1024 * 1024;

/**
 * Bytes of a .gltf or .glb → a template. `fetchBytes` resolves the model's own external
 * buffers (relative URIs), which are packed into one GLB first so the loader requests nothing.
 */
export async function parseModel(bytes: ArrayBuffer, url: string, fetchBytes: (url: string) => Promise<ArrayBuffer>): Promise<ModelTemplate> {
  const glb = isGlb(bytes)
    ? bytes
    : await gltfToGlb(JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>, async (uri) => new Uint8Array(await fetchBytes(new URL(uri, new URL(url, globalThis.location?.href ?? 'http://localhost/')).href)));
  const gltf = await new GLTFLoader().parseAsync(glb, '');
  return templateFromScene(gltf.scene, url);
}

async function fetchBytes(url: string): Promise<ArrayBuffer> {
  const response = await fetch(url, { credentials: 'same-origin' });
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  const length = Number(response.headers.get('content-length') ?? '0');
  if (length > MAX_MODEL_BYTES) throw new Error(`${url}: the model is larger than ${MAX_MODEL_BYTES} bytes`);
  return response.arrayBuffer();
}

const cache = new Map<string, Promise<ModelTemplate>>();

/** The model at `url`, loaded once; the same promise for every caller. */
export function loadModel(url: string): Promise<ModelTemplate> {
  let pending = cache.get(url);
  if (!pending) {
    pending = fetchBytes(url).then((bytes) => parseModel(bytes, url, fetchBytes));
    cache.set(url, pending);
  }
  return pending;
}
