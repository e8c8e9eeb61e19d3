/**
 * Sending a file's raw bytes to a binary endpoint (the typed JSON client does not carry bytes),
 * and making its thumbnail in the browser first: decode, scale to ~400 px on a canvas, encode as
 * WebP (JPEG where WebP encoding is missing). The server still sniffs both; nothing here is trusted.
 */
import type { z } from 'zod';
import type { AnyEndpoint, ParamsOf, QueryOf, ResponseOf } from '../../../core/api/endpoint.ts';
import { ApiError, buildPath, buildQuery, errorFromResponse } from '../../api/client.ts';

export const THUMBNAIL_EDGE = 400;

export async function sendFile<E extends AnyEndpoint>(endpoint: E, input: { params?: ParamsOf<E>; query?: QueryOf<E> }, body: Blob, signal?: AbortSignal): Promise<ResponseOf<E>> {
  const url = `${buildPath(endpoint.path, input.params as Record<string, unknown> | undefined)}${buildQuery(input.query as Record<string, unknown> | undefined)}`;
  let response: Response;
  try {
    response = await fetch(url, { method: endpoint.method, credentials: 'same-origin', headers: { accept: 'application/json', 'content-type': 'application/octet-stream' }, body, ...(signal ? { signal } : {}) });
  } catch (cause) {
    throw new ApiError(0, 'network', cause instanceof Error ? cause.message : 'The studio server could not be reached');
  }
  const text = await response.text();
  let json: unknown;
  try {
    json = text ? (JSON.parse(text) as unknown) : undefined;
  } catch {
    json = text;
  }
  if (!response.ok) throw errorFromResponse(response.status, json, response.statusText);
  const parsed = (endpoint.response as z.ZodType).safeParse(json);
  if (!parsed.success) throw new ApiError(response.status, 'invalid_response', `The server's answer to ${endpoint.id} did not match its contract`);
  return parsed.data as ResponseOf<E>;
}

/** The scaled size that fits `edge` on the longer side (never enlarged). */
export function thumbnailSize(width: number, height: number, edge = THUMBNAIL_EDGE): { width: number; height: number } {
  const scale = Math.min(1, edge / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

function canvasBlob(canvas: HTMLCanvasElement, type: string, quality: number): Promise<Blob | null> {
  return new Promise((resolve) => canvas.toBlob(resolve, type, quality));
}

/** A ~400 px WebP (or JPEG) of an image file; null when the browser cannot decode it. */
export async function makeThumbnail(file: Blob): Promise<Blob | null> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch {
    return null;
  }
  try {
    const size = thumbnailSize(bitmap.width, bitmap.height);
    const canvas = document.createElement('canvas');
    canvas.width = size.width;
    canvas.height = size.height;
    const context = canvas.getContext('2d');
    if (!context) return null;
    context.drawImage(bitmap, 0, 0, size.width, size.height);
    const webp = await canvasBlob(canvas, 'image/webp', 0.8);
    // Some engines fall back to PNG when they cannot encode WebP: JPEG is smaller then.
    if (webp && webp.type === 'image/webp') return webp;
    return canvasBlob(canvas, 'image/jpeg', 0.82);
  } finally {
    bitmap.close();
  }
}
