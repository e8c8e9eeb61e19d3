/**
 * [Collab] Relay under load: ROOMS option documents × 3 clients, each room receiving
 * UPDATES_PER_ROOM updates per second (the 3 clients take turns, each moving its own piece),
 * through (a) our studio server — authenticated connections, every update queued for the store
 * before it is relayed and acknowledged only once committed, compaction after 1,000 — and (b) a
 * bare Hocuspocus server (its defaults, no hooks, nothing stored), each in its own process, both
 * up at once and driven in alternating SEGMENT_S turns (A B B A A B …) so that both meet the
 * same background load on a shared machine. Bare Hocuspocus also sends every update back to its
 * sender; ours does not (server/collab/relay.ts): `echoes` counts those.
 *
 * The load generator is cheap on purpose, so that it measures the servers and not itself: raw
 * `ws` sockets speaking the Hocuspocus protocol (collab-wire.ts) and Yjs update messages encoded
 * before the clock starts (each client builds its own chain of moves on a copy of the document
 * it was sent). Rooms are spread evenly over each 1/60 s, as independent rooms would be.
 * Latency = send → receipt at each other client of the room, both read from one monotonic clock
 * (performance.now(), one process); every update is identified by its first struct's
 * (client, clock) in the relayed bytes, and each of the 2 other clients must receive it:
 * `lost` counts (update, receiver) pairs missing DRAIN_MS after the last send. Samples of the
 * first WARMUP_S second are dropped (JIT). The generator reports its own lag (actual send −
 * scheduled time), event-loop delay and CPU, and each server's CPU share while it was driven
 * and its main thread's garbage-collection pauses (gcPauses), so that a starved machine, or the
 * collector, can be told apart from a slow server.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { createOptionDoc, moveItem, readItems } from '../core/options/index.ts';
import { createSession } from '../server/auth/sessions.ts';
import { openStore } from '../server/db/database.ts';
import { startServer, stop, type Running } from './collab-crash.ts';
import { authMessage, firstStructId, readIncoming, structKey, syncStep1Message, updateMessage } from './collab-wire.ts';
import { percentileOfSorted } from './stats.ts';

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
  readonly maxMs: number;
  /** (update, receiver) pairs expected / received (measured part) and missing (whole run). */
  readonly expected: number;
  readonly delivered: number;
  readonly lost: number;
  readonly duplicates: number;
  /** Updates sent back to their own sender (which already has them). */
  readonly echoes: number;
  /** Sender's update → its acknowledgement (SyncStatus) back, p99. */
  readonly ackP99Ms: number;
  /** How late the generator sent against its schedule, p99 (a generator that keeps up: ~1 ms). */
  readonly sendLagP99Ms: number;
  /** The generator's event-loop delay, p99. */
  readonly generatorLoopDelayP99Ms: number;
  /** The server process's CPU time over the timed run, as a share of one core. */
  readonly serverCpuPercent: number | null;
  /** The load generator's (this process's) CPU time over the same time. */
  readonly generatorCpuPercent: number;
  /**
   * The generator's own garbage-collection pauses while this server was driven (its segments and
   * their drains): a pause there delays the receipts, and so the latency, of this server alone.
   */
  readonly generatorGc: { readonly pauses: number; readonly maxMs: number; readonly totalMs: number };
}

type Settings = Required<Omit<RelayOptions, 'log'>>;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
/**
 * Each server is driven this long in all. A p99 over 6 s (~30,000 receipts per server) moved by
 * ±40 % from run to run on a 2-core machine; over 20 s it settles. 20 s at 60 updates a second
 * also takes every room past COMPACT_AFTER_UPDATES, so compaction is part of what is measured.
 */
const RELAY_SECONDS = 20;
const WARMUP_S = 1;
const DRAIN_MS = 5_000;
const SEGMENT_S = 0.5;
const SEGMENT_DRAIN_MS = 2_000;

const ROUND = (value: number) => Math.round(value * 100) / 100;

interface Target {
  readonly url: string;
  readonly documentName: (room: number) => string;
  readonly token: (client: number) => string;
  /** Our server seeds each document itself; the bare one gets its content from the first client. */
  readonly seedFromClient: boolean;
  readonly pid: number;
}

/** One raw client: its socket, and what it has been told. */
class WireClient {
  readonly socket: WebSocket;
  authenticated = false;
  state: Uint8Array | null = null;
  acks = 0;
  /** Send times of my updates not yet acknowledged, oldest first. */
  readonly pendingAcks: number[] = [];
  onUpdate: (update: Uint8Array, at: number) => void = () => {};
  onAck: (at: number) => void = () => {};
  private failure: Error | null = null;

  constructor(url: string, documentName: string, token: string) {
    this.socket = new WebSocket(url, { perMessageDeflate: false });
    this.socket.binaryType = 'nodebuffer';
    this.socket.on('open', () => {
      this.socket.send(authMessage(documentName, token));
      this.socket.send(syncStep1Message(documentName, new Uint8Array([0])));
    });
    this.socket.on('message', (data: Buffer) => {
      const at = performance.now();
      const message = readIncoming(data);
      if (message.kind === 'update') this.onUpdate(message.update, at);
      else if (message.kind === 'ack') {
        this.acks++;
        this.onAck(at);
      } else if (message.kind === 'state') this.state ??= message.update;
      else if (message.kind === 'authenticated') this.authenticated = true;
      else if (message.kind === 'denied') this.failure = new Error(`refused: ${documentName}`);
    });
    this.socket.on('error', (error) => (this.failure = error));
  }

  check(): void {
    if (this.failure) throw this.failure;
  }

  close(): void {
    this.socket.terminate();
  }
}

async function until(condition: () => boolean, timeoutMs: number, what: string, check: () => void = () => {}): Promise<void> {
  for (const deadline = Date.now() + timeoutMs; !condition(); ) {
    check();
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

/** utime + stime of a process in ms (Linux /proc; null elsewhere). */
function cpuMs(pid: number): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return null;
  }
}

interface Planned {
  readonly room: number;
  readonly client: number;
  readonly message: Uint8Array;
  readonly key: number;
  readonly due: number;
}

interface Session {
  readonly target: Target;
  readonly clients: readonly (readonly WireClient[])[];
  /** Updates in sending order: tick by tick, each tick one per room. */
  readonly plan: readonly Planned[];
  readonly sentAt: Float64Array;
  /** Per update, per other client of its room: when it arrived. */
  readonly receivedAt: Float64Array;
  readonly lags: number[];
  readonly ackLatencies: number[];
  readonly loopDelay: ReturnType<typeof monitorEventLoopDelay>;
  duplicates: number;
  echoes: number;
  serverCpuMs: number | null;
  generatorCpuMs: number;
  sendingMs: number;
  /** performance.now() spans [start, end] in which this session was driven (segment and drain). */
  readonly driven: [number, number][];
  /** The generator's GC pauses (start, duration) that fell in those spans. */
  readonly generatorPauses: number[];
}

/** Connects a target's clients, and encodes each client's chain of moves of its own piece. */
async function openSession(target: Target, settings: Settings): Promise<Session> {
  const { rooms, clientsPerRoom, updatesPerRoomPerSecond, seconds } = settings;
  const clients: WireClient[][] = [];
  // The bare server's documents are seeded by each room's first client.
  const openRoom = async (room: number): Promise<WireClient[]> => {
    const name = target.documentName(room);
    const connect = (client: number) => new WireClient(target.url, name, target.token(client));
    if (!target.seedFromClient) return Array.from({ length: clientsPerRoom }, (_, client) => connect(client));
    const first = connect(0);
    await until(() => first.state !== null, 30_000, `${name} to open`, () => first.check());
    first.socket.send(updateMessage(name, Y.encodeStateAsUpdate(createOptionDoc({ items: benchItems(clientsPerRoom) }))));
    await until(() => first.acks > 0, 30_000, `${name} to be seeded`, () => first.check());
    first.state = null; // read again, with the seed
    first.socket.send(syncStep1Message(name, new Uint8Array([0])));
    return [first, ...Array.from({ length: clientsPerRoom - 1 }, (_, client) => connect(client + 1))];
  };
  try {
    for (let room = 0; room < rooms; room++) clients.push(await openRoom(room));
    const all = clients.flat();
    await until(() => all.every((client) => client.authenticated && client.state !== null), 30_000, 'every client to sync', () => all.forEach((client) => client.check()));
  } catch (error) {
    for (const client of clients.flat()) client.close();
    throw error;
  }

  const interval = 1000 / updatesPerRoomPerSecond;
  const ticks = Math.round(seconds * updatesPerRoomPerSecond);
  const byRoom: Planned[][] = [];
  for (let room = 0; room < rooms; room++) {
    const name = target.documentName(room);
    const chains = clients[room]!.map((client) => {
      const doc = new Y.Doc();
      Y.applyUpdate(doc, client.state!);
      return doc;
    });
    const pieceIds = readItems(chains[0]!).map((item) => item.id).sort();
    if (pieceIds.length < clientsPerRoom) throw new Error(`${name} has ${pieceIds.length} pieces`);
    const roomPlan: Planned[] = [];
    for (let tick = 0; tick < ticks; tick++) {
      const client = tick % clientsPerRoom;
      const doc = chains[client]!;
      const clock = Y.getState(doc.store, doc.clientID);
      let update: Uint8Array | null = null;
      const capture = (bytes: Uint8Array) => (update = bytes);
      doc.on('update', capture);
      moveItem(doc, pieceIds[client]!, { xMm: 100_000 + tick, yMm: 500 }, 'bench');
      doc.off('update', capture);
      if (!update) throw new Error('a move produced no update');
      // Rooms spread evenly over each interval.
      roomPlan.push({ room, client, message: updateMessage(name, update), key: structKey(doc.clientID, clock), due: tick * interval + (room * interval) / rooms });
    }
    byRoom.push(roomPlan);
    for (const doc of chains) doc.destroy();
  }
  // Every message in one buffer, in sending order: tens of thousands of small ArrayBuffers kept
  // for the whole run would make the generator's own collections longer (see generatorGc).
  const ordered: Planned[] = [];
  for (let tick = 0; tick < ticks; tick++) for (let room = 0; room < rooms; room++) ordered.push(byRoom[room]![tick]!);
  const packed = new Uint8Array(ordered.reduce((total, entry) => total + entry.message.byteLength, 0));
  let offset = 0;
  const plan: Planned[] = ordered.map((entry) => {
    packed.set(entry.message, offset);
    const message = packed.subarray(offset, (offset += entry.message.byteLength));
    return { ...entry, message };
  });

  const receivers = clientsPerRoom - 1;
  const session: Session = {
    target,
    clients,
    plan,
    sentAt: new Float64Array(plan.length).fill(NaN),
    receivedAt: new Float64Array(plan.length * receivers).fill(NaN),
    lags: [],
    ackLatencies: [],
    loopDelay: monitorEventLoopDelay({ resolution: 1 }),
    duplicates: 0,
    echoes: 0,
    serverCpuMs: 0,
    generatorCpuMs: 0,
    sendingMs: 0,
    driven: [],
    generatorPauses: [],
  };
  const index = new Map<number, number>(plan.map((entry, i) => [entry.key, i]));
  clients.forEach((roomClients) =>
    roomClients.forEach((client, clientIndex) => {
      client.onAck = (at) => {
        const sent = client.pendingAcks.shift();
        if (sent !== undefined) session.ackLatencies.push(at - sent);
      };
      client.onUpdate = (update, at) => {
        const id = firstStructId(update);
        const i = id ? index.get(structKey(id.client, id.clock)) : undefined;
        if (i === undefined) return;
        const entry = plan[i]!;
        if (entry.client === clientIndex) {
          session.echoes++; // the sender's own update, sent back to it
          return;
        }
        // Receiver slot: the other clients in order, skipping the sender.
        const cell = i * receivers + (clientIndex < entry.client ? clientIndex : clientIndex - 1);
        if (!Number.isNaN(session.receivedAt[cell]!)) session.duplicates++;
        else session.receivedAt[cell] = at;
      };
    }),
  );
  return session;
}

/** Sends ticks [from, to) on schedule, then waits (bounded) for them to arrive everywhere. */
async function sendSegment(session: Session, from: number, to: number, settings: Settings): Promise<void> {
  const { rooms } = settings;
  const first = from * rooms;
  const last = Math.min(session.plan.length, to * rooms);
  if (first >= last) return;
  const offset = session.plan[first]!.due;
  const span: [number, number] = [performance.now(), Infinity];
  session.driven.push(span);
  const cpuBefore = cpuMs(session.target.pid);
  const ownBefore = process.cpuUsage();
  session.loopDelay.enable();
  const start = performance.now() + 20;
  await new Promise<void>((done) => {
    let next = first;
    const pump = () => {
      const now = performance.now();
      while (next < last && start + session.plan[next]!.due - offset <= now) {
        const entry = session.plan[next]!;
        const client = session.clients[entry.room]![entry.client]!;
        const sent = performance.now();
        session.sentAt[next] = sent;
        client.pendingAcks.push(sent);
        client.socket.send(entry.message);
        session.lags.push(sent - (start + entry.due - offset));
        next++;
      }
      if (next >= last) done();
      else setTimeout(pump, Math.max(0, start + session.plan[next]!.due - offset - performance.now()));
    };
    setTimeout(pump, 20);
  });
  session.sendingMs += performance.now() - start;
  const cpuAfter = cpuMs(session.target.pid);
  const own = process.cpuUsage(ownBefore);
  session.generatorCpuMs += (own.user + own.system) / 1000;
  session.serverCpuMs = cpuBefore !== null && cpuAfter !== null && session.serverCpuMs !== null ? session.serverCpuMs + cpuAfter - cpuBefore : null;
  const receivers = settings.clientsPerRoom - 1;
  const arrived = () => {
    for (let cell = first * receivers; cell < last * receivers; cell++) if (Number.isNaN(session.receivedAt[cell]!)) return false;
    return true;
  };
  for (const deadline = Date.now() + SEGMENT_DRAIN_MS; !arrived() && Date.now() < deadline; ) await sleep(20);
  session.loopDelay.disable();
  span[1] = performance.now();
}

function summarise(session: Session, settings: Settings): RelayResult {
  const receivers = settings.clientsPerRoom - 1;
  const warmupTicks = Math.round(WARMUP_S * settings.updatesPerRoomPerSecond);
  const latencies: number[] = [];
  let lost = 0;
  let expected = 0;
  for (let i = 0; i < session.plan.length; i++) {
    const measured = Math.floor(i / settings.rooms) >= warmupTicks;
    for (let slot = 0; slot < receivers; slot++) {
      const at = session.receivedAt[i * receivers + slot]!;
      if (Number.isNaN(at)) lost++;
      else if (measured) latencies.push(at - session.sentAt[i]!);
      if (measured) expected++;
    }
  }
  latencies.sort((a, b) => a - b);
  const lags = [...session.lags].sort((a, b) => a - b);
  const acks = [...session.ackLatencies].sort((a, b) => a - b);
  return {
    p50Ms: ROUND(percentileOfSorted(latencies, 50)),
    p99Ms: ROUND(percentileOfSorted(latencies, 99)),
    maxMs: ROUND(latencies[latencies.length - 1] ?? NaN),
    expected,
    delivered: latencies.length,
    lost,
    duplicates: session.duplicates,
    echoes: session.echoes,
    ackP99Ms: ROUND(percentileOfSorted(acks, 99)),
    sendLagP99Ms: ROUND(percentileOfSorted(lags, 99)),
    generatorLoopDelayP99Ms: ROUND(session.loopDelay.percentile(99) / 1e6),
    serverCpuPercent: session.serverCpuMs === null ? null : ROUND((session.serverCpuMs / session.sendingMs) * 100),
    generatorCpuPercent: ROUND((session.generatorCpuMs / session.sendingMs) * 100),
    generatorGc: {
      pauses: session.generatorPauses.length,
      maxMs: ROUND(Math.max(0, ...session.generatorPauses)),
      totalMs: ROUND(session.generatorPauses.reduce((total, pause) => total + pause, 0)),
    },
  };
}

function benchItems(count: number) {
  return Array.from({ length: count }, (_, i) => ({ id: `bench-${i}`, productId: null, xMm: 1000 + i * 500, yMm: 500, rotationDeg: 0, elevationMm: 0, quantity: 1, ownPiece: { name: 'Bench piece', category: 'side table', widthMm: 400, depthMm: 400, heightMm: 500 } }));
}

/** SIGTERM (a profile or log gets written), SIGKILL after 5 s. */
async function stopGracefully(running: Running | undefined): Promise<void> {
  if (!running || running.child.exitCode !== null || running.child.signalCode !== null) return;
  running.child.kill('SIGTERM');
  await Promise.race([running.exited, sleep(5000)]);
  await stop(running);
}

function startBare(nodeArgs: readonly string[]): Promise<Running> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeArgs, path.join(import.meta.dirname, 'collab-bare-child.ts')], { stdio: ['ignore', 'pipe', 'pipe'] });
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

const TRACE_GC = '--trace-gc-nvp';

export interface GcPauses {
  readonly scavenges: number;
  readonly scavengeMaxMs: number;
  /** Full collections (mark-compact), the long pauses. */
  readonly markCompacts: number;
  readonly markCompactMaxMs: number;
  readonly pauseTotalMs: number;
}

/**
 * The main thread's garbage-collection pauses in a process's --trace-gc-nvp output: one line per
 * collection, `[pid:isolate:thread] … ms: pause=… gc=s|mc|…`; thread 0 is the main thread (the
 * others are workers, such as the store's, whose pauses do not hold the relay).
 */
export function gcPauses(output: string): GcPauses {
  let scavenges = 0;
  let scavengeMaxMs = 0;
  let markCompacts = 0;
  let markCompactMaxMs = 0;
  let pauseTotalMs = 0;
  for (const match of output.matchAll(/^\[\d+:0x[0-9a-f]+:0\]\s+\d+ ms: pause=([\d.]+) .*?\bgc=(\w+)/gm)) {
    const pause = Number(match[1]);
    pauseTotalMs += pause;
    if (match[2] === 's' || match[2] === 'ms') {
      scavenges++;
      scavengeMaxMs = Math.max(scavengeMaxMs, pause);
    } else {
      markCompacts++;
      markCompactMaxMs = Math.max(markCompactMaxMs, pause);
    }
  }
  return { scavenges, scavengeMaxMs: ROUND(scavengeMaxMs), markCompacts, markCompactMaxMs: ROUND(markCompactMaxMs), pauseTotalMs: ROUND(pauseTotalMs) };
}

export async function relayBenchmark(options: RelayOptions = {}): Promise<{ ours: RelayResult & { gc: GcPauses }; bare: RelayResult & { gc: GcPauses }; settings: Settings }> {
  const settings: Settings = { rooms: options.rooms ?? 50, clientsPerRoom: options.clientsPerRoom ?? 3, updatesPerRoomPerSecond: options.updatesPerRoomPerSecond ?? 60, seconds: options.seconds ?? RELAY_SECONDS };
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'atelier-collab-relay-'));
  let ours: Running | undefined;
  let bare: Running | undefined;
  const sessions: Session[] = [];
  try {
    // Each server prints one line per garbage collection (V8's --trace-gc-nvp), so that a slow
    // run can be put down to its collector or not (gcPauses).
    ours = await startServer(dataDir, 0, [TRACE_GC]);
    bare = await startBare([TRACE_GC]);
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
    const oursSession = await openSession({ url: `${ours.url.replace(/^http/, 'ws')}/collab`, documentName: (i) => `option:${optionIds[i]}`, token: (c) => tokens[c % tokens.length]!, seedFromClient: false, pid: ours.child.pid! }, settings);
    sessions.push(oursSession);
    const bareSession = await openSession({ url: bare.url.replace(/^http/, 'ws'), documentName: (i) => `bare-${i}`, token: () => 'none', seedFromClient: true, pid: bare.child.pid! }, settings);
    sessions.push(bareSession);
    // Alternating segments, A B B A A B B A …, so that both servers meet the same background load.
    const ticks = Math.round(settings.seconds * settings.updatesPerRoomPerSecond);
    const segmentTicks = Math.max(1, Math.round(SEGMENT_S * settings.updatesPerRoomPerSecond));
    options.log?.(`relay: ${settings.rooms} rooms × ${settings.clientsPerRoom} clients × ${settings.updatesPerRoomPerSecond}/s, ${settings.seconds} s through each server in ${SEGMENT_S} s turns…`);
    const gcFrom = { ours: ours.output().length, bare: bare.output().length };
    // The generator's own pauses, put down to the session being driven when each began.
    const generatorGc = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) sessions.find((session) => session.driven.some(([start, end]) => entry.startTime >= start && entry.startTime <= end))?.generatorPauses.push(entry.duration);
    });
    generatorGc.observe({ entryTypes: ['gc'] });
    // Whatever the setup left behind is collected now, not in the middle of the timed run
    // (`npm run bench` runs Node with --expose-gc).
    (globalThis as { gc?: () => void }).gc?.();
    for (let segment = 0; segment * segmentTicks < ticks; segment++) {
      const from = segment * segmentTicks;
      const order = segment % 2 === 0 ? [oursSession, bareSession] : [bareSession, oursSession];
      for (const session of order) await sendSegment(session, from, from + segmentTicks, settings);
    }
    const complete = () => sessions.every((session) => session.receivedAt.every((value) => !Number.isNaN(value)));
    for (const deadline = Date.now() + DRAIN_MS; !complete() && Date.now() < deadline; ) await sleep(50);
    // Observer entries arrive a turn late.
    await sleep(0);
    generatorGc.disconnect();
    const result = {
      ours: { ...summarise(oursSession, settings), gc: gcPauses(ours.output().slice(gcFrom.ours)) },
      bare: { ...summarise(bareSession, settings), gc: gcPauses(bare.output().slice(gcFrom.bare)) },
      settings,
    };
    options.log?.(`relay: ours ${JSON.stringify(result.ours)}`);
    options.log?.(`relay: bare ${JSON.stringify(result.bare)}`);
    return result;
  } finally {
    for (const session of sessions) for (const client of session.clients.flat()) client.close();
    await stopGracefully(ours);
    await stopGracefully(bare);
    rmSync(dataDir, { recursive: true, force: true });
  }
}
