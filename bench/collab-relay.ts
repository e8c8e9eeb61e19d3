/**
 * [Collab] Relay under load: ROOMS option documents × 3 clients, each room receiving
 * UPDATES_PER_ROOM updates per second (each client moves its own piece), for a few seconds,
 * through (a) our studio server — authenticated connections, every update appended to the
 * store before it is relayed — and (b) a bare Hocuspocus server in the same run on the same
 * machine. Latency is sender's change → each other client's copy changed (all clients live in
 * this process, so one clock). Reports p50/p99, the ratio ours/bare, and updates lost.
 */
import { HocuspocusProvider } from '@hocuspocus/provider';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { createOptionDoc, defineOptionRoots, moveItem, optionItems, readItems } from '../core/options/index.ts';
import { createSession } from '../server/auth/sessions.ts';
import { openStore } from '../server/db/database.ts';
import { startServer, stop, type Running } from './collab-crash.ts';

export interface RelayOptions {
  readonly rooms?: number;
  readonly clientsPerRoom?: number;
  readonly updatesPerRoomPerSecond?: number;
  readonly seconds?: number;
  readonly log?: (line: string) => void;
}

export interface RelayResult {
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly delivered: number;
  readonly lost: number;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

interface Target {
  readonly url: string;
  readonly documentName: (room: number) => string;
  readonly token: (client: number) => string;
  /** Our server seeds each document itself; the bare one gets its content from the first client. */
  readonly seedFromClient: boolean;
}

const ROUND = (value: number) => Math.round(value * 100) / 100;

async function runRelay(target: Target, options: Required<Omit<RelayOptions, 'log'>>): Promise<RelayResult> {
  const { rooms, clientsPerRoom, updatesPerRoomPerSecond, seconds } = options;
  const latencies: number[] = [];
  const sentAt = new Map<string, number>();
  let expected = 0;
  let delivered = 0;
  const providers: HocuspocusProvider[] = [];
  const docs: Y.Doc[][] = [];
  try {
    for (let room = 0; room < rooms; room++) {
      const roomDocs: Y.Doc[] = [];
      for (let client = 0; client < clientsPerRoom; client++) {
        const doc = target.seedFromClient && client === 0 ? createOptionDoc({ items: benchItems(clientsPerRoom) }) : defineOptionRoots(new Y.Doc());
        roomDocs.push(doc);
        providers.push(
          new HocuspocusProvider({
            url: target.url,
            name: target.documentName(room),
            token: target.token(client),
            document: doc,
            WebSocketPolyfill: WebSocket,
          } as ConstructorParameters<typeof HocuspocusProvider>[0]),
        );
        // Receipt: a piece moved by someone else, identified by where it went.
        optionItems(doc).observeDeep((events, transaction) => {
          if (transaction.local) return;
          const now = performance.now();
          for (const event of events) {
            const itemId = event.path[0] as string | undefined;
            if (!itemId || !(event.target instanceof Y.Map)) continue;
            const position = (event.target as Y.Map<unknown>).get('position') as { xMm: number } | undefined;
            if (!position) continue;
            const sent = sentAt.get(`${room}:${itemId}:${position.xMm}`);
            if (sent !== undefined) {
              latencies.push(now - sent);
              delivered++;
            }
          }
        });
      }
      docs.push(roomDocs);
    }
    const allSynced = () => providers.every((provider) => provider.synced) && docs.every((roomDocs) => roomDocs.every((doc) => readItems(doc).length >= clientsPerRoom));
    for (const deadline = Date.now() + 30_000; !allSynced(); ) {
      if (Date.now() > deadline) throw new Error('clients did not sync within 30 s');
      await sleep(50);
    }

    // Client k of a room moves the k-th piece (ids read once, outside the timed loop).
    const pieceIds = docs.map((roomDocs) => readItems(roomDocs[0]!).map((item) => item.id).sort());
    // Each room's updates are spread over its clients; each tick sends one update per room.
    const interval = 1000 / updatesPerRoomPerSecond;
    const ticks = Math.round(seconds * updatesPerRoomPerSecond);
    const start = performance.now();
    for (let tick = 0; tick < ticks; tick++) {
      const client = tick % clientsPerRoom;
      for (let room = 0; room < rooms; room++) {
        const doc = docs[room]![client]!;
        const itemId = pieceIds[room]![client]!;
        const xMm = 100_000 + tick;
        sentAt.set(`${room}:${itemId}:${xMm}`, performance.now());
        moveItem(doc, itemId, { xMm, yMm: 500 }, 'bench');
        expected += clientsPerRoom - 1;
      }
      const wait = start + (tick + 1) * interval - performance.now();
      if (wait > 0) await sleep(wait);
    }
    for (const deadline = Date.now() + 5_000; delivered < expected && Date.now() < deadline; ) await sleep(50);
    latencies.sort((a, b) => a - b);
    return { p50Ms: ROUND(percentile(latencies, 50)), p99Ms: ROUND(percentile(latencies, 99)), delivered, lost: expected - delivered };
  } finally {
    for (const provider of providers) provider.destroy();
  }
}

function benchItems(count: number) {
  return Array.from({ length: count }, (_, i) => ({ id: `bench-${i}`, productId: null, xMm: 1000 + i * 500, yMm: 500, rotationDeg: 0, elevationMm: 0, quantity: 1, ownPiece: { name: 'Bench piece', category: 'side table', widthMm: 400, depthMm: 400, heightMm: 500 } }));
}

function startBare(): Promise<Running> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(import.meta.dirname, 'collab-bare-child.ts')], { stdio: ['ignore', 'pipe', 'pipe'] });
    const exited = new Promise<void>((done) => child.once('exit', () => done()));
    let out = '';
    child.stdout!.on('data', (data: Buffer) => {
      out += data;
      const match = /listening on (http:\/\/\S+)/.exec(out);
      if (match) resolve({ child, url: match[1]!, exited, output: () => out });
    });
    child.stderr!.on('data', (data: Buffer) => (out += data));
    child.once('exit', (code) => reject(new Error(`bare server exited (${code}): ${out}`)));
  });
}

export async function relayBenchmark(options: RelayOptions = {}): Promise<{ ours: RelayResult; bare: RelayResult; settings: Required<Omit<RelayOptions, 'log'>> }> {
  const settings = { rooms: options.rooms ?? 50, clientsPerRoom: options.clientsPerRoom ?? 3, updatesPerRoomPerSecond: options.updatesPerRoomPerSecond ?? 60, seconds: options.seconds ?? 5 };
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'atelier-collab-relay-'));
  let ours: Running | undefined;
  let bare: Running | undefined;
  try {
    ours = await startServer(dataDir, 0);
    const store = await openStore({ dataDir });
    const optionIds: string[] = [];
    const tokens: string[] = [];
    try {
      const room = await store.db
        .selectFrom('rooms')
        .innerJoin('projects', 'projects.id', 'rooms.project_id')
        .select('rooms.id')
        .where('projects.name', '=', "Maya's living room")
        .executeTakeFirstOrThrow();
      const now = new Date().toISOString();
      const document = JSON.stringify({ schemaVersion: 1, items: benchItems(settings.clientsPerRoom) });
      for (let i = 0; i < settings.rooms; i++) {
        const id = `relay-bench-${i}`;
        await store.db.insertInto('design_options').values({ id, room_id: room.id, name: `Relay ${i}`, document, created_at: now, updated_at: now }).execute();
        optionIds.push(id);
      }
      for (const email of ['designer@atelier.test', 'customer@atelier.test']) {
        const user = await store.db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow();
        tokens.push((await createSession(store.db, user.id)).token);
      }
    } finally {
      await store.close();
    }
    options.log?.(`relay: ${settings.rooms} rooms × ${settings.clientsPerRoom} clients × ${settings.updatesPerRoomPerSecond}/s for ${settings.seconds} s through the studio server…`);
    const oursResult = await runRelay({ url: `${ours.url.replace(/^http/, 'ws')}/collab`, documentName: (i) => `option:${optionIds[i]}`, token: (c) => tokens[c % tokens.length]!, seedFromClient: false }, settings);
    await stop(ours);
    ours = undefined;
    bare = await startBare();
    options.log?.('relay: the same through a bare Hocuspocus server…');
    const bareResult = await runRelay({ url: bare.url.replace(/^http/, 'ws'), documentName: (i) => `bare-${i}`, token: () => 'none', seedFromClient: true }, settings);
    return { ours: oursResult, bare: bareResult, settings };
  } finally {
    await stop(ours);
    await stop(bare);
    rmSync(dataDir, { recursive: true, force: true });
  }
}
