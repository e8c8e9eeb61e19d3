/**
 * [Collab] One crash trial: a real `atelier server` process (SQLite, demo studio), one designer
 * client adding pieces at a steady rate, SIGKILL at a random moment, then:
 *   - the SQLite file passes `PRAGMA integrity_check`;
 *   - every edit the server acknowledged before dying is in the store (read straight from disk);
 *   - the server restarts on the same port and the SAME client reconnects and resyncs (timed);
 *   - the edits made while the server was down reach it too.
 * Used by test/integration/collab-crash.test.ts (a few trials) and the `collab` bench (20).
 * Everything is bounded: each wait has a deadline, and the client and processes are always ended.
 */
import { HocuspocusProvider } from '@hocuspocus/provider';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { addItem, defineOptionRoots, readItems } from '../core/options/index.ts';
import { createSession } from '../server/auth/sessions.ts';
import { loadOptionInto } from '../server/collab/store.ts';
import { openStore } from '../server/db/database.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const START_TIMEOUT_MS = 30_000;

export interface CrashTrialOptions {
  readonly edits?: number;
  readonly perSecond?: number;
  /** Kill after this many edits (default: random within the middle 80 %). */
  readonly killAfter?: number;
  readonly log?: (line: string) => void;
}

export interface CrashTrialResult {
  readonly sent: number;
  readonly killAfter: number;
  readonly acknowledgedBeforeKill: number;
  /** Acknowledged before the kill but missing from the store after it: must be 0. */
  readonly lostAcknowledged: number;
  readonly integrityOk: boolean;
  /** From the restarted server listening to the same client synced again. */
  readonly resyncMs: number;
  /** Sent (acknowledged or not) but missing on the server once the client had caught up: 0 expected. */
  readonly lostAfterResync: number;
}

export interface Running {
  readonly child: ChildProcess;
  readonly url: string;
  readonly exited: Promise<void>;
  /** Everything it printed so far (its log). */
  output(): string;
}

/** `atelier server --demo` on a data folder, as its own process (`nodeArgs`: flags for Node/V8). */
export function startServer(dataDir: string, port: number, nodeArgs: readonly string[] = []): Promise<Running> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeArgs, path.join(ROOT, 'bin/atelier.mjs'), 'server', '--port', String(port), '--data', dataDir, '--demo'], { stdio: ['ignore', 'pipe', 'pipe'] });
    const exited = new Promise<void>((done) => child.once('exit', () => done()));
    let out = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server did not start within ${START_TIMEOUT_MS} ms: ${out}`));
    }, START_TIMEOUT_MS);
    child.stdout!.on('data', (data: Buffer) => {
      out += data;
      const match = /listening on (http:\/\/\S+)/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve({ child, url: match[1]!, exited, output: () => out });
      }
    });
    child.stderr!.on('data', (data: Buffer) => (out += data));
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`server exited early (${code ?? signal}): ${out}`));
    });
  });
}

export async function stop(running: Running | undefined): Promise<void> {
  if (!running || running.child.exitCode !== null || running.child.signalCode !== null) return;
  running.child.kill('SIGKILL');
  await Promise.race([running.exited, sleep(5000)]);
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function until(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(10);
  }
}

const burstId = (i: number) => `burst-${String(i).padStart(4, '0')}`;

/** The ids of the option's items as the store on disk holds them (the server may be dead). */
async function storedIds(dataDir: string, optionId: string): Promise<Set<string>> {
  const store = await openStore({ dataDir });
  try {
    const doc = new Y.Doc();
    await loadOptionInto(store.db, optionId, doc);
    return new Set(readItems(doc).map((item) => item.id));
  } finally {
    await store.close();
  }
}

export async function runCrashTrial(options: CrashTrialOptions = {}): Promise<CrashTrialResult> {
  const edits = options.edits ?? 500;
  const interval = 1000 / (options.perSecond ?? 50);
  const killAfter = options.killAfter ?? Math.floor(edits * 0.1 + Math.random() * edits * 0.8);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'atelier-collab-crash-'));
  let server: Running | undefined;
  let provider: HocuspocusProvider | undefined;
  try {
    server = await startServer(dataDir, 0);
    const port = Number(new URL(server.url).port);
    const store = await openStore({ dataDir });
    const { optionId, token } = await (async () => {
      const option = await store.db
        .selectFrom('design_options')
        .innerJoin('rooms', 'rooms.id', 'design_options.room_id')
        .innerJoin('projects', 'projects.id', 'rooms.project_id')
        .select('design_options.id')
        .where('projects.name', '=', "Maya's living room")
        .executeTakeFirstOrThrow();
      const designer = await store.db.selectFrom('users').select('id').where('email', '=', 'designer@atelier.test').executeTakeFirstOrThrow();
      return { optionId: option.id, token: (await createSession(store.db, designer.id)).token };
    })();
    await store.close();

    const doc = new Y.Doc();
    defineOptionRoots(doc);
    let synced = 0;
    const syncedAt: number[] = [];
    provider = new HocuspocusProvider({
      url: `ws://127.0.0.1:${port}/collab`,
      name: `option:${optionId}`,
      token,
      document: doc,
      WebSocketPolyfill: WebSocket,
      // Reconnect quickly: the restarted server is back within a second or two.
      delay: 50,
      minDelay: 50,
      maxDelay: 250,
      factor: 1.5,
      onSynced: () => {
        synced += 1;
        syncedAt.push(Date.now());
      },
    } as ConstructorParameters<typeof HocuspocusProvider>[0]);
    const client = provider;
    await until(() => synced > 0 && client.unsyncedChanges === 0, 10_000, 'the first sync');
    const template = readItems(doc)[0]!;

    let sent = 0;
    let acknowledged = 0;
    let killed = false;
    client.on('unsyncedChanges', ({ number }: { number: number }) => {
      if (!killed) acknowledged = Math.max(acknowledged, sent - number);
    });

    let restart: Promise<{ running: Running; listeningAt: number; syncedBefore: number; integrityOk: boolean; lostAcknowledged: number }> | undefined;
    const first = server;
    for (let i = 0; i < edits; i++) {
      const started = Date.now();
      const result = addItem(doc, { ...template, id: burstId(i), xMm: template.xMm + (i % 50) }, 'designer');
      if (!result.ok) throw new Error(result.message);
      sent++;
      if (i === killAfter) {
        killed = true;
        first.child.kill('SIGKILL');
        const acknowledgedAtKill = () => acknowledged;
        restart = first.exited.then(async () => {
          // While the server is down, before the client can send anything again: what is on disk.
          const sqlite = new DatabaseSync(path.join(dataDir, 'atelier.sqlite'));
          const integrity = sqlite.prepare('PRAGMA integrity_check').all() as { integrity_check: string }[];
          sqlite.close();
          const ids = await storedIds(dataDir, optionId);
          let lostAcknowledged = 0;
          for (let k = 0; k < acknowledgedAtKill(); k++) if (!ids.has(burstId(k))) lostAcknowledged++;
          const syncedBefore = synced;
          const running = await startServer(dataDir, port);
          return { running, listeningAt: Date.now(), syncedBefore, integrityOk: integrity.length === 1 && integrity[0]!.integrity_check === 'ok', lostAcknowledged };
        });
        restart.catch(() => undefined);
      }
      await sleep(Math.max(0, interval - (Date.now() - started)));
    }
    if (!restart) throw new Error('the kill never happened');
    const acknowledgedBeforeKill = acknowledged;
    const { running, listeningAt, syncedBefore, integrityOk, lostAcknowledged } = await restart;
    server = running;
    await until(() => synced > syncedBefore, 5_000, 'the client to resync with the restarted server');
    const resyncMs = syncedAt[syncedBefore]! - listeningAt;
    // Every edit, including those made while the server was down, reaches the store (bounded wait;
    // the provider's unsynced count restarts at a reconnect, so the store itself is asked).
    let ids = await storedIds(dataDir, optionId);
    for (const deadline = Date.now() + 20_000; Date.now() < deadline && !Array.from({ length: sent }, (_, i) => burstId(i)).every((id) => ids.has(id)); ) {
      await sleep(200);
      ids = await storedIds(dataDir, optionId);
    }
    let lostAfterResync = 0;
    for (let i = 0; i < sent; i++) if (!ids.has(burstId(i))) lostAfterResync++;
    const result: CrashTrialResult = {
      sent,
      killAfter,
      acknowledgedBeforeKill,
      lostAcknowledged,
      integrityOk,
      resyncMs,
      lostAfterResync,
    };
    options.log?.(`crash trial: ${JSON.stringify(result)}`);
    return result;
  } finally {
    provider?.destroy();
    await stop(server);
    rmSync(dataDir, { recursive: true, force: true });
  }
}
