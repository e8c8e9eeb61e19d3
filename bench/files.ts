/**
 * [Intake] Photos in the SQL store, through the real HTTP server on SQLite: upload (sniff, hash,
 * BLOB insert in a transaction with its timeline event) and download of a 12 MB photo, against a
 * baseline of the same bytes written to a file (write + fsync) and read back in the same run; and
 * a customer's export (zip of records and 30 photos of 1 MB). Target: a photo round trip within
 * 4× the plain file's, so keeping photos in the store (one transaction, one backup, one export)
 * costs little over files on disk.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, open, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createUser } from '../server/auth/users.ts';
import { openStore } from '../server/db/database.ts';
import { startStudioServer } from '../server/start.ts';
import type { BenchContext } from './registry.ts';

const PHOTO_BYTES = 12 * 1024 * 1024;
const ROUNDS = 8;
const EXPORT_PHOTOS = 30;

function jpegLike(size: number): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(size);
  bytes.set(randomBytes(size));
  bytes.set([0xff, 0xd8, 0xff, 0xe0]);
  return bytes;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const round = (n: number) => Math.round(n * 100) / 100;

export async function filesBenchmark(context: BenchContext): Promise<Record<string, unknown>> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'atelier-bench-files-'));
  try {
    const { db, close } = await openStore({ dataDir });
    const customer = await createUser(db, { email: 'bench@t.test', name: 'Bench Customer', role: 'customer', password: 'bench-password-1' });
    const now = new Date().toISOString();
    const shape = { outline: [{ x: 0, y: 0 }, { x: 4000, y: 0 }, { x: 4000, y: 3000 }, { x: 0, y: 3000 }], ceilingHeightMm: 2500, wallThicknessMm: 100, openings: [], floor: { colour: '#c8b090', material: 'oak' }, walls: { colour: '#f0ede6', material: 'paint' } };
    await db.insertInto('projects').values({ id: 'p', name: 'Bench', stage: 'photos', customer_id: customer.id, budget_minor: null, budget_currency: null, created_at: now, updated_at: now }).execute();
    await db.insertInto('project_members').values({ project_id: 'p', user_id: customer.id, role: 'customer', added_at: now }).execute();
    await db.insertInto('rooms').values({ id: 'r', project_id: 'p', name: 'Room', shape: JSON.stringify(shape), created_at: now, updated_at: now }).execute();
    await close();

    const server = await startStudioServer({ host: '127.0.0.1', port: 0, logLevel: 'silent', dataDir });
    try {
      const signIn = await fetch(`${server.url}/api/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'bench@t.test', password: 'bench-password-1' }) });
      const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0]!;
      const photo = jpegLike(PHOTO_BYTES);
      const store: number[] = [];
      const uploads: number[] = [];
      const plain: number[] = [];
      for (let i = 0; i < ROUNDS; i++) {
        // Alternate so a busy machine slows both alike.
        let t = performance.now();
        const sent = await fetch(`${server.url}/api/rooms/r/photos?shot=wall:1`, { method: 'POST', headers: { cookie, 'content-type': 'application/octet-stream' }, body: photo });
        const { photo: stored } = (await sent.json()) as { photo: { url: string } };
        uploads.push(performance.now() - t);
        const back = Buffer.from(await (await fetch(server.url + stored.url, { headers: { cookie } })).arrayBuffer());
        store.push(performance.now() - t);
        if (back.length !== photo.length) throw new Error('the photo came back with another size');

        t = performance.now();
        const file = path.join(dataDir, `plain-${i}.jpg`);
        const handle = await open(file, 'w');
        await handle.writeFile(photo);
        await handle.sync();
        await handle.close();
        const read = await readFile(file);
        plain.push(performance.now() - t);
        if (read.length !== photo.length) throw new Error('the plain file came back with another size');
        context.log(`round ${i + 1}: store ${round(store[i]!)} ms, plain file ${round(plain[i]!)} ms`);
      }

      const small = jpegLike(1024 * 1024);
      for (let i = 0; i < EXPORT_PHOTOS; i++) await fetch(`${server.url}/api/rooms/r/photos`, { method: 'POST', headers: { cookie, 'content-type': 'application/octet-stream' }, body: small });
      const t = performance.now();
      const zip = await (await fetch(`${server.url}/api/me/export`, { headers: { cookie } })).arrayBuffer();
      const exportMs = performance.now() - t;

      const storeMs = median(store);
      const plainMs = median(plain);
      return {
        photoMb: PHOTO_BYTES / 1024 / 1024,
        rounds: ROUNDS,
        storeRoundTripMs: round(storeMs),
        storeUploadMs: round(median(uploads)),
        plainFileRoundTripMs: round(plainMs),
        ratio: round(storeMs / plainMs),
        target: 'ratio ≤ 4',
        meetsTarget: storeMs / plainMs <= 4,
        exportPhotos: EXPORT_PHOTOS + ROUNDS,
        exportMb: round(zip.byteLength / 1024 / 1024),
        exportMs: round(exportMs),
      };
    } finally {
      await server.close();
    }
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}
