import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';

/**
 * [Collab] The live documents' writes to SQLite, from a worker thread, through shared memory.
 *
 * `node:sqlite` runs every statement synchronously on the calling thread, so writes on the relay's
 * thread hold up every message that arrives meanwhile. The worker has a connection of its own
 * (WAL lets the main connection read meanwhile; checkpoints run in their own worker,
 * db/checkpointer.ts). A message to a worker is not free either: under load, posting one batch cost
 * the relay's thread ~50–80 µs and its reply another task, 200 times a second. So the two threads
 * share a ring of bytes instead, and under load no message crosses between them:
 *
 * - The relay's thread copies each update into the ring (a few hundred bytes; its option id and
 *   length in a header) and publishes it by bumping a shared counter. It wakes the worker only if
 *   the worker sleeps for want of work (an idle store: the first update is written at once).
 * - The worker commits everything published so far in ONE transaction, in order, at most once per
 *   `windowMs` (a window lets updates gather, so that a commit carries tens of them), marks each
 *   entry committed or failed in its header, and bumps the done counter.
 * - The relay's thread waits for that counter asynchronously (`Atomics.waitAsync`) and settles the
 *   entries up to it, in order; their space in the ring is then free again.
 *
 * If a transaction fails, it is rolled back and its entries are written again one per
 * transaction, so that only the entry at fault is refused (an option deleted meanwhile breaks the
 * foreign key of its own updates, not everyone's); its error text comes back on a message port,
 * read synchronously. Payloads too large for the ring, and every compaction (the option's state
 * and JSON snapshot, taken from its live document, replace the updates stored for it so far), go
 * by that port and keep their place in the ring as a header. A full ring queues the relay's
 * entries in memory, in order, until space is freed.
 *
 * Inline so it also runs from the packaged desktop app's bundle.
 */

/** Control words shared by the two threads. */
const PUBLISHED = 0; // entries published by the relay's thread (a wrapping int32 count)
const DONE = 1; // entries the worker has settled (committed or failed)
const SLEEPING = 2; // 1 while the worker waits for the first entry
const CLOSING = 3; // 1 once the relay's thread asks the worker to finish and close
const CONTROL_WORDS = 4;

/** An entry: a header of int32 words, the option id (UTF-8), the payload; 4-byte aligned. */
const STATUS = 0; // PENDING, COMMITTED or FAILED, written by the worker
const KIND = 1;
const SIZE = 2; // bytes, header included
const ID_BYTES = 3;
const PAYLOAD_BYTES = 4;
const HEADER_BYTES = 20;
const PENDING = 0;
const COMMITTED = 1;
const FAILED = 2;
const KIND_APPEND = 1;
const KIND_BY_PORT = 2; // the request itself waits on the port
const KIND_WRAP = 3; // nothing more before the end of the ring: read on at 0

export const RING_BYTES = 8 * 1024 * 1024;
/** How often, at most, the worker commits. At 3,000 updates a second it makes batches of ~15. */
export const WRITE_WINDOW_MS = 5;
const MAX_ENTRIES_PER_COMMIT = 5_000;
/** The worker's idle wait is bounded, so that a close is seen even if its wake-up came early. */
const IDLE_WAIT_MS = 250;

const SCRIPT = `
const { workerData, receiveMessageOnPort } = require('node:worker_threads');
const { DatabaseSync } = require('node:sqlite');
const { file, controlBuffer, ringBuffer, port, windowMs } = workerData;
const control = new Int32Array(controlBuffer);
const ring = new Uint8Array(ringBuffer);
const words = new Int32Array(ringBuffer);
const RING = ring.length;
const db = new DatabaseSync(file, { timeout: 5000, enableForeignKeyConstraints: true });
db.exec('PRAGMA synchronous = NORMAL');
db.exec('PRAGMA busy_timeout = 5000');
db.exec('PRAGMA wal_autocheckpoint = 0');
const insert = db.prepare('INSERT INTO option_updates (option_id, "update", created_at) VALUES (?, ?, ?)');
const saveState = db.prepare('INSERT INTO option_states (option_id, state, updated_at) VALUES (?, ?, ?) ON CONFLICT (option_id) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at');
const dropUpdates = db.prepare('DELETE FROM option_updates WHERE option_id = ?');
const saveDocument = db.prepare('UPDATE design_options SET document = ?, updated_at = ? WHERE id = ?');
const text = new TextDecoder();

function run(entry, now) {
  if (entry.kind === ${KIND_APPEND}) {
    const id = text.decode(ring.subarray(entry.at + ${HEADER_BYTES}, entry.at + ${HEADER_BYTES} + entry.idBytes));
    const start = entry.at + ${HEADER_BYTES} + entry.idBytes;
    insert.run(id, ring.subarray(start, start + entry.payloadBytes), now);
    return;
  }
  const request = entry.request;
  if (request.kind === 'append') insert.run(request.optionId, request.update, now);
  else {
    saveState.run(request.optionId, request.state, now);
    dropUpdates.run(request.optionId);
    saveDocument.run(request.document, now, request.optionId);
  }
}

function transaction(entries, now) {
  db.exec('BEGIN IMMEDIATE');
  try {
    for (const entry of entries) run(entry, now);
    db.exec('COMMIT');
  } catch (error) {
    db.exec('ROLLBACK');
    throw error;
  }
}

function commit(entries) {
  const now = new Date().toISOString();
  try {
    transaction(entries, now);
    for (const entry of entries) words[entry.at / 4 + ${STATUS}] = ${COMMITTED};
    return;
  } catch (error) {
    if (entries.length === 1) return fail(entries[0], error);
  }
  for (const entry of entries) {
    try {
      transaction([entry], now);
      words[entry.at / 4 + ${STATUS}] = ${COMMITTED};
    } catch (error) {
      fail(entry, error);
    }
  }
}

function fail(entry, error) {
  words[entry.at / 4 + ${STATUS}] = ${FAILED};
  port.postMessage({ seq: entry.seq, error: String((error && error.message) || error) });
}

let next = 0;
let readAt = 0; // where entry \`next\` starts
let lastCommit = -Infinity;
for (;;) {
  if (Atomics.load(control, ${PUBLISHED}) === next) {
    if (Atomics.load(control, ${CLOSING}) === 1) break;
    Atomics.store(control, ${SLEEPING}, 1);
    Atomics.wait(control, ${PUBLISHED}, next, ${IDLE_WAIT_MS});
    Atomics.store(control, ${SLEEPING}, 0);
    continue;
  }
  const wait = lastCommit + windowMs - performance.now();
  if (wait > 0 && Atomics.load(control, ${CLOSING}) === 0) Atomics.wait(control, ${CLOSING}, 0, wait);
  lastCommit = performance.now();
  const published = Atomics.load(control, ${PUBLISHED});
  const entries = [];
  while (next !== published && entries.length < ${MAX_ENTRIES_PER_COMMIT}) {
    if (RING - readAt < ${HEADER_BYTES} || words[readAt / 4 + ${KIND}] === ${KIND_WRAP}) readAt = 0;
    const base = readAt / 4;
    const entry = { seq: next, at: readAt, kind: words[base + ${KIND}], idBytes: words[base + ${ID_BYTES}], payloadBytes: words[base + ${PAYLOAD_BYTES}], request: null };
    if (entry.kind === ${KIND_BY_PORT}) {
      const received = receiveMessageOnPort(port);
      if (!received) throw new Error('the collab store worker found no request on its port for entry ' + next);
      entry.request = received.message;
    }
    entries.push(entry);
    readAt += words[base + ${SIZE}];
    next = (next + 1) | 0;
  }
  commit(entries);
  Atomics.store(control, ${DONE}, next);
  Atomics.notify(control, ${DONE});
}
db.close();
port.close();
`;

/** An option's compacted form, taken from its live document (writer.ts). */
export interface Compaction {
  readonly optionId: string;
  /** The document's whole state, as one Yjs update. */
  readonly state: Uint8Array;
  /** Its JSON snapshot, for `design_options.document` (the REST API reads it). */
  readonly document: string;
}

/**
 * Where live updates and compactions are committed, in the order given; each promise settles once
 * its own request is committed (or refused). A compaction stores the state and snapshot and
 * deletes every update stored for the option before it: the caller guarantees they are all in
 * that state.
 */
export interface UpdateSink {
  append(optionId: string, update: Uint8Array): Promise<void>;
  compact(compaction: Compaction): Promise<void>;
  close(): Promise<void>;
}

type Request = { readonly kind: 'append'; readonly optionId: string; readonly update: Uint8Array } | ({ readonly kind: 'compact' } & Compaction);

interface Waiting {
  readonly request: Request;
  resolve(): void;
  reject(error: Error): void;
}

interface InFlight {
  readonly seq: number;
  readonly at: number;
  /** Where its space starts: `at`, or for the first entry after a wrap, the wrap mark (the worker reads it before the entry). */
  readonly from: number;
  resolve(): void;
  reject(error: Error): void;
}

const align = (bytes: number): number => (bytes + 3) & ~3;

export function sqliteWorkerSink(file: string, options: { readonly windowMs?: number; readonly ringBytes?: number } = {}): UpdateSink {
  const ringBytes = align(options.ringBytes ?? RING_BYTES);
  const control = new Int32Array(new SharedArrayBuffer(CONTROL_WORDS * 4));
  const ringBuffer = new SharedArrayBuffer(ringBytes);
  const ring = new Uint8Array(ringBuffer);
  const words = new Int32Array(ringBuffer);
  const { port1: port, port2 } = new MessageChannel();
  const worker = new Worker(SCRIPT, {
    eval: true,
    workerData: { file, controlBuffer: control.buffer, ringBuffer, port: port2, windowMs: options.windowMs ?? WRITE_WINDOW_MS },
    transferList: [port2],
  });
  worker.unref();
  port.unref();

  // Updates larger than this go by the port, so that one big update cannot fill the ring.
  const inlineLimit = ringBytes >>> 3;
  const encoder = new TextEncoder();
  const idBytes = new Map<string, Uint8Array>();
  const encodedId = (optionId: string): Uint8Array => {
    let encoded = idBytes.get(optionId);
    if (!encoded) {
      if (idBytes.size >= 10_000) idBytes.clear();
      idBytes.set(optionId, (encoded = encoder.encode(optionId)));
    }
    return encoded;
  };

  // inFlight[head] is the oldest unsettled entry; a settled one's slot is cleared at once (its
  // promise and everything waiting on it would otherwise live on, into the old generation).
  const inFlight: (InFlight | undefined)[] = [];
  let head = 0;
  const waiting: Waiting[] = [];
  let seq = 0;
  let writeAt = 0;
  let watching = false;
  let broken: Error | null = null;
  let exited: Promise<void> | null = null;

  /**
   * Where an entry of `size` bytes fits, or -1: the space from the oldest unsettled entry to the
   * last one written is taken. An entry that does not fit before the end of the ring starts at 0,
   * and a wrap mark tells the worker so (no mark is needed where not even a header fits); the
   * space from the mark to the end belongs to that entry until it is settled.
   */
  const placeFor = (size: number): number => {
    const wrap = (): number => {
      if (ringBytes - writeAt >= HEADER_BYTES) words[writeAt / 4 + KIND] = KIND_WRAP;
      return 0;
    };
    if (head === inFlight.length) return writeAt + size <= ringBytes ? writeAt : wrap();
    const tail = inFlight[head]!.from;
    if (tail < writeAt) return writeAt + size <= ringBytes ? writeAt : size <= tail ? wrap() : -1;
    return tail > writeAt && writeAt + size <= tail ? writeAt : -1;
  };

  /** Writes the request into the ring and publishes it; false if there is no room for it yet. */
  const place = (entry: Waiting): boolean => {
    const { request } = entry;
    const id = encodedId(request.optionId);
    const inline = request.kind === 'append' && request.update.byteLength <= inlineLimit;
    const payloadBytes = inline ? request.update.byteLength : 0;
    const size = align(HEADER_BYTES + id.byteLength + payloadBytes);
    const at = placeFor(size);
    if (at < 0) return false;
    const base = at / 4;
    words[base + STATUS] = PENDING;
    words[base + KIND] = inline ? KIND_APPEND : KIND_BY_PORT;
    words[base + SIZE] = size;
    words[base + ID_BYTES] = id.byteLength;
    words[base + PAYLOAD_BYTES] = payloadBytes;
    ring.set(id, at + HEADER_BYTES);
    if (inline) ring.set(request.update, at + HEADER_BYTES + id.byteLength);
    else port.postMessage(request);
    inFlight.push({ seq, at, from: at === writeAt ? at : writeAt, resolve: entry.resolve, reject: entry.reject });
    writeAt = at + size;
    seq = (seq + 1) | 0;
    Atomics.store(control, PUBLISHED, seq);
    if (Atomics.load(control, SLEEPING) === 1) Atomics.notify(control, PUBLISHED);
    return true;
  };

  const failure = (entrySeq: number): Error => {
    for (let received = receiveMessageOnPort(port); received; received = receiveMessageOnPort(port)) {
      const message = received.message as { seq: number; error: string };
      if (message.seq === entrySeq) return new Error(message.error);
    }
    return new Error('the collab store refused the update');
  };

  /** Settles every entry the worker has done, frees its space, and places what waits for it. */
  const settle = (): void => {
    watching = false;
    const done = Atomics.load(control, DONE);
    while (head < inFlight.length && ((done - inFlight[head]!.seq) | 0) > 0) {
      const entry = inFlight[head]!;
      inFlight[head++] = undefined;
      if (Atomics.load(words, entry.at / 4 + STATUS) === COMMITTED) entry.resolve();
      else entry.reject(failure(entry.seq));
    }
    if (head === inFlight.length) {
      inFlight.length = 0;
      head = 0;
    } else if (head >= 256) {
      inFlight.splice(0, head);
      head = 0;
    }
    let placed = 0;
    while (placed < waiting.length && place(waiting[placed]!)) placed++;
    if (placed > 0) waiting.splice(0, placed);
    watch();
  };

  // A pending Atomics.waitAsync does not keep the process alive; the worker does, while it has work.
  let referenced = false;
  const watch = (): void => {
    const idle = broken !== null || head === inFlight.length;
    // Once closing, the worker stays referenced until it exits.
    if (idle === referenced && !exited) {
      referenced = !idle;
      if (referenced) worker.ref();
      else worker.unref();
    }
    if (watching || idle) return;
    watching = true;
    const done = Atomics.load(control, DONE);
    if (((done - inFlight[head]!.seq) | 0) > 0) return queueMicrotask(settle);
    // Resolves once the worker moves DONE on (at once if it already has).
    const result = Atomics.waitAsync(control, DONE, done);
    if (result.async) void result.value.then(settle);
    else queueMicrotask(settle);
  };

  const failAll = (error: Error): void => {
    if (broken) return;
    broken = error;
    for (let i = head; i < inFlight.length; i++) inFlight[i]!.reject(error);
    inFlight.length = 0;
    head = 0;
    for (const entry of waiting.splice(0)) entry.reject(error);
  };
  worker.on('error', failAll);
  const stopped = new Promise<void>((resolve) =>
    worker.once('exit', () => {
      failAll(new Error('the collab store worker stopped'));
      resolve();
    }),
  );

  const enqueue = (request: Request): Promise<void> =>
    new Promise<void>((resolve, reject) => {
      if (broken) return reject(broken);
      if (exited) return reject(new Error('the collab store is closed'));
      const entry = { request, resolve, reject };
      if (waiting.length > 0 || !place(entry)) waiting.push(entry);
      watch();
    });

  return {
    append: (optionId, update) => enqueue({ kind: 'append', optionId, update }),
    compact: (compaction) => enqueue({ kind: 'compact', ...compaction }),
    close() {
      if (!exited) {
        worker.ref();
        Atomics.store(control, CLOSING, 1);
        Atomics.notify(control, PUBLISHED);
        Atomics.notify(control, CLOSING);
        exited = stopped;
      }
      return exited;
    },
  };
}
