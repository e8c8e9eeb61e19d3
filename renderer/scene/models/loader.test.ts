import { readFileSync } from 'node:fs';
import { assert, describe, it } from '../../testing/node-test.ts';
import { Color, Matrix4, Vector3 } from 'three';
import { gltfToGlb, isGlb } from './glb.ts';
import { parseModel } from './loader.ts';
import { fitToSize } from './template.ts';

const modelFile = (name: string) => new URL(`../../../assets/models/${name}`, import.meta.url);
const bytesOf = (name: string) => {
  const buffer = readFileSync(modelFile(name));
  return buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength);
};
const noFetch = async (url: string): Promise<ArrayBuffer> => {
  throw new Error(`unexpected fetch ${url}`);
};

describe('gltfToGlb', () => {
  it('packs data-URI and external buffers into one binary chunk, keeping each view’s bytes', async () => {
    const a = Uint8Array.from([1, 2, 3]);
    const b = Uint8Array.from([9, 8, 7, 6, 5]);
    const json = {
      asset: { version: '2.0' },
      buffers: [
        { byteLength: 3, uri: `data:application/octet-stream;base64,${Buffer.from(a).toString('base64')}` },
        { byteLength: 5, uri: 'parts.bin' },
      ],
      bufferViews: [
        { buffer: 0, byteOffset: 1, byteLength: 2 },
        { buffer: 1, byteOffset: 2, byteLength: 3 },
      ],
    };
    const requested: string[] = [];
    const glb = await gltfToGlb(json, async (uri) => (requested.push(uri), b));
    assert.deepEqual(requested, ['parts.bin']);
    assert.equal(isGlb(glb), true);
    const view = new DataView(glb);
    const jsonLength = view.getUint32(12, true);
    const packed = JSON.parse(new TextDecoder().decode(new Uint8Array(glb, 20, jsonLength))) as { buffers: { uri?: string }[]; bufferViews: { buffer: number; byteOffset: number; byteLength: number }[] };
    assert.equal(packed.buffers.length, 1);
    assert.equal(packed.buffers[0]!.uri, undefined);
    const bin = new Uint8Array(glb, 20 + jsonLength + 8);
    const bytes = (index: number) => [...bin.slice(packed.bufferViews[index]!.byteOffset, packed.bufferViews[index]!.byteOffset + packed.bufferViews[index]!.byteLength)];
    assert.deepEqual(bytes(0), [2, 3]);
    assert.deepEqual(bytes(1), [7, 6, 5]);
    assert.equal(glb.byteLength % 4, 0);
  });
});

describe('parseModel', () => {
  it('turns a seed model into parts whose bounds are the unit footprint box', async () => {
    const template = await parseModel(bytesOf('sofa-3-seat.gltf'), '/assets/models/sofa-3-seat.gltf', noFetch);
    assert.ok(template.parts.length >= 2);
    assert.ok(Math.abs(template.authoredSize.x - 2.1) < 0.01, `authored width ${template.authoredSize.x}`);
    const min = new Vector3(Infinity, Infinity, Infinity);
    const max = new Vector3(-Infinity, -Infinity, -Infinity);
    for (const part of template.parts) {
      part.geometry.computeBoundingBox();
      const box = part.geometry.boundingBox!.clone().applyMatrix4(part.matrix);
      min.min(box.min);
      max.max(box.max);
    }
    for (const [value, expected] of [[min.x, -0.5], [max.x, 0.5], [min.y, 0], [max.y, 1], [min.z, -0.5], [max.z, 0.5]] as const) {
      assert.ok(Math.abs(value - expected) < 1e-5, `${value} ≈ ${expected}`);
    }
  });

  it('tints the largest surface (the upholstery) and keeps the legs’ authored colour', async () => {
    const template = await parseModel(bytesOf('sofa-3-seat.gltf'), '/assets/models/sofa-3-seat.gltf', noFetch);
    const byName = new Map(template.parts.map((part) => [part.material.name, part]));
    assert.equal(byName.get('fabric')?.colour, null);
    assert.ok(byName.get('walnut')?.colour instanceof Color);
  });

  it('never tints a lamp shade', async () => {
    const template = await parseModel(bytesOf('floor-lamp.gltf'), '/assets/models/floor-lamp.gltf', noFetch);
    const shade = template.parts.find((part) => part.material.name === 'shade');
    assert.ok(shade?.colour instanceof Color);
    assert.equal(template.parts.find((part) => part.material.name === 'steel')?.colour, null);
  });

  it('rejects bytes that are not a model', async () => {
    await assert.rejects(parseModel(new TextEncoder().encode('not a model').buffer, '/x.gltf', noFetch));
  });
});

describe('fitToSize', () => {
  it('scales the unit box to the product’s width, height and depth in metres', () => {
    const corner = new Vector3(0.5, 1, 0.5).applyMatrix4(fitToSize({ widthMm: 2280, depthMm: 980, heightMm: 880 }, new Matrix4()));
    assert.deepEqual(corner.toArray().map((value) => Math.round(value * 1000)), [1140, 880, 490]);
  });
});
