/**
 * glTF JSON → one GLB in memory. The app's content-security policy lets the page fetch only its
 * own origin (no `data:` or `blob:` URLs), so a .gltf whose buffers are base64 data URIs (the
 * seed models) or separate .bin files cannot be handed to three's loader as is: every buffer is
 * decoded or fetched here and packed into the GLB's one binary chunk, and the loader then parses
 * it without any request of its own. Pure; no three.js, no DOM.
 */

interface GltfBuffer {
  byteLength: number;
  uri?: string;
}
interface GltfBufferView {
  buffer: number;
  byteOffset?: number;
  byteLength: number;
}
interface GltfJson {
  buffers?: GltfBuffer[];
  bufferViews?: GltfBufferView[];
  [key: string]: unknown;
}

const GLB_MAGIC = 0x46546c67; // "glTF"
const CHUNK_JSON = 0x4e4f534a;
const CHUNK_BIN = 0x004e4942;

/** Whether the bytes are already a binary glTF. */
export function isGlb(bytes: ArrayBuffer): boolean {
  return bytes.byteLength >= 12 && new DataView(bytes).getUint32(0, true) === GLB_MAGIC;
}

/** Bytes of a base64 `data:` URI, or null when the URI is not one. */
export function decodeDataUri(uri: string): Uint8Array | null {
  const match = /^data:[^,]*;base64,(.*)$/s.exec(uri);
  if (!match) return null;
  const binary = atob(match[1]!);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

const pad4 = (n: number) => (4 - (n % 4)) % 4;

/**
 * Packs a glTF's JSON and all its buffers into a GLB. `external(uri)` supplies buffers that are
 * not data URIs (resolved against the model's URL by the caller).
 */
export async function gltfToGlb(json: GltfJson, external: (uri: string) => Promise<Uint8Array>): Promise<ArrayBuffer> {
  const buffers = json.buffers ?? [];
  const sources = await Promise.all(buffers.map(async (buffer) => (buffer.uri === undefined ? new Uint8Array(buffer.byteLength) : (decodeDataUri(buffer.uri) ?? (await external(buffer.uri))))));
  // Each buffer starts on a 4-byte boundary of the one binary chunk.
  const starts: number[] = [];
  let binLength = 0;
  for (const source of sources) {
    starts.push(binLength);
    binLength += source.byteLength + pad4(source.byteLength);
  }
  const packed: GltfJson = {
    ...json,
    buffers: buffers.length ? [{ byteLength: binLength }] : [],
    bufferViews: (json.bufferViews ?? []).map((view) => ({ ...view, buffer: 0, byteOffset: (view.byteOffset ?? 0) + (starts[view.buffer] ?? 0) })),
  };
  if (!buffers.length) delete packed.buffers;
  const jsonBytes = new TextEncoder().encode(JSON.stringify(packed));
  const jsonLength = jsonBytes.byteLength + pad4(jsonBytes.byteLength);
  const total = 12 + 8 + jsonLength + (binLength ? 8 + binLength : 0);
  const out = new ArrayBuffer(total);
  const view = new DataView(out);
  const bytes = new Uint8Array(out);
  view.setUint32(0, GLB_MAGIC, true);
  view.setUint32(4, 2, true);
  view.setUint32(8, total, true);
  view.setUint32(12, jsonLength, true);
  view.setUint32(16, CHUNK_JSON, true);
  bytes.set(jsonBytes, 20);
  // JSON is padded with spaces, as the spec asks.
  bytes.fill(0x20, 20 + jsonBytes.byteLength, 20 + jsonLength);
  if (binLength) {
    const binStart = 20 + jsonLength;
    view.setUint32(binStart, binLength, true);
    view.setUint32(binStart + 4, CHUNK_BIN, true);
    sources.forEach((source, index) => bytes.set(source, binStart + 8 + starts[index]!));
  }
  return out;
}
