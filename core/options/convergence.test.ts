/**
 * [Collab]'s convergence property, held here in core where the edits live: 3–5 client replicas
 * of one option each make 200 random room edits through the document operations, while a
 * hostile network between them and the server's replica delivers updates late, out of order,
 * twice, or not at all, and connections die and come back. After one full state-vector sync
 * every replica — the server's too — must hold the identical document: same `toJSON()`, same
 * items, same state vector, nothing pending, no torn item.
 *
 * fast-check draws the shape of each run (client count, reorder window, loss, duplicate and
 * reconnect rates, seed); the 200 edits per client come from a small seeded generator, so a
 * failure replays from the printed seed and path. A run costs ~40 ms of CPU, nearly all of it
 * inside Yjs, so the 1,000 runs are split over worker threads (CONVERGENCE_WORKERS, default one
 * per core up to 4; 0 runs in-process). CONVERGENCE_RUNS (default 1000), CONVERGENCE_SEED.
 */
import assert from 'node:assert/strict';
import { availableParallelism } from 'node:os';
import { describe, it } from 'node:test';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import fc from 'fast-check';
import * as Y from 'yjs';
import { seededRandom } from '../random.ts';
import type { PlacedItem } from '../room.ts';
import { addItem, createOptionDoc, defineOptionRoots, duplicateItem, inspectItems, moveItem, optionItems, readItems, removeItem, rotateItem, setQuantity, swapItem } from './document.ts';

const RUNS = Number(process.env['CONVERGENCE_RUNS'] ?? 1000);
const EDITS_PER_REPLICA = 200;
const PRODUCTS = ['p-sofa', 'p-sofa-velvet', 'p-chair', 'p-chair-oak', 'p-lamp', 'p-rug'];
const OWN_PIECE = { name: 'Old armchair', category: 'armchair' as const, widthMm: 800, depthMm: 800, heightMm: 900 };

interface Scenario {
  /** Client replicas, each making EDITS_PER_REPLICA edits; the server's doc is one more replica. */
  readonly replicas: number;
  readonly seed: number;
  /** Most messages taken from a connection into one shuffled delivery: 1 keeps the order. */
  readonly reorderWindow: number;
  /** Percent of deliveries lost. A loss is the connection dying: all in flight on it is lost too. */
  readonly dropPercent: number;
  /** Percent of deliveries that also leave a copy queued, to arrive again later. */
  readonly duplicatePercent: number;
  /** Percent chance, per edit, that an offline client reconnects (the sync step, both ways). */
  readonly reconnectPercent: number;
  /** Roughly this percent of messages arrive while the edits go on; the rest stay in flight. */
  readonly deliveredPercent: number;
}

/** Seeded (core/random.ts), so a failing run replays from its seed. */
function generator(seed: number) {
  const next = seededRandom(seed);
  return {
    next,
    below: (n: number) => Math.floor(next() * n),
    pick: <T,>(values: readonly T[]): T => values[Math.floor(next() * values.length)]!,
  };
}
type Random = ReturnType<typeof generator>;

function baseItems(): PlacedItem[] {
  return Array.from({ length: 8 }, (_, i) => ({ id: `base-${i}`, productId: PRODUCTS[i % PRODUCTS.length]!, xMm: 500 * i, yMm: 1000, rotationDeg: 0, elevationMm: 0, quantity: 1 }));
}

/** One random room edit on a replica, through the same operations the app uses. */
function randomEdit(doc: Y.Doc, replica: number, edit: number, random: Random, everyId: string[]): void {
  const origin = `replica-${replica}`;
  const local = [...optionItems(doc).keys()];
  // Mostly pieces this replica can see; sometimes one it has not heard of or that is gone.
  const target = local.length > 0 && random.next() < 0.85 ? random.pick(local) : random.pick(everyId);
  const roll = random.next();
  if (roll < 0.16) {
    const id = `r${replica}-${edit}`;
    everyId.push(id);
    addItem(doc, { id, productId: random.pick(PRODUCTS), xMm: random.below(6000), yMm: random.below(5000), rotationDeg: 90 * random.below(4), elevationMm: 0, quantity: 1 }, origin);
  } else if (roll < 0.5) {
    moveItem(doc, target, { xMm: random.below(6000), yMm: random.below(5000) }, origin);
  } else if (roll < 0.64) {
    rotateItem(doc, target, 15 * random.below(24), origin);
  } else if (roll < 0.84) {
    const product = random.next() < 0.15 ? null : random.pick(PRODUCTS);
    swapItem(doc, target, product, origin, product === null ? { ownPiece: OWN_PIECE } : random.next() < 0.3 ? { colour: random.pick(['oak', 'walnut', 'green']) } : {});
  } else if (roll < 0.94) {
    removeItem(doc, target, origin);
  } else if (roll < 0.97) {
    setQuantity(doc, target, 1 + random.below(4), origin);
  } else {
    const id = `r${replica}-${edit}`;
    everyId.push(id);
    duplicateItem(doc, target, id, { dxMm: 300, dyMm: 0 }, origin);
  }
}

/** Brings `to` up to date with `from`: the sync step a provider runs on (re)connect. */
function pull(to: Y.Doc, from: Y.Doc): void {
  Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)), 'sync');
}

/** The final full state-vector sync through the server: every client up, then the server down to every client. */
function fullSync(server: Y.Doc, clients: readonly Y.Doc[]): void {
  for (const client of clients) pull(server, client);
  for (const client of clients) pull(client, server);
}

/** A client's WebSocket to the server: two queues of updates in flight, or offline. */
interface Connection {
  up: Uint8Array[];
  down: Uint8Array[];
  online: boolean;
}

interface RunResult {
  /** The server's doc first, then the clients'. */
  readonly docs: Y.Doc[];
  readonly delivered: number;
  readonly dropped: number;
  readonly duplicated: number;
  readonly reordered: number;
  readonly reconnected: number;
}

/**
 * One run, shaped like the product: clients connected to one server that applies what each
 * sends and broadcasts what its document integrated to every client (as Hocuspocus does). Every connection reorders within a burst, duplicates, and dies on a loss, taking
 * everything in flight with it; the client keeps editing offline and, on reconnect, runs the
 * sync step both ways. Losses never leave a client depending on an update nobody has: what
 * the server did not receive, no other client received either — which is also why this
 * topology, unlike a peer mesh, keeps Yjs's pending queues short and a run cheap.
 */
function runScenario(scenario: Scenario, beforeSync: (docs: readonly Y.Doc[]) => void = () => {}): RunResult {
  const random = generator(scenario.seed);
  const initial = Y.encodeStateAsUpdate(createOptionDoc({ items: baseItems() }));
  const server = defineOptionRoots(new Y.Doc());
  Y.applyUpdate(server, initial, 'sync');
  const clients = Array.from({ length: scenario.replicas }, () => {
    const doc = defineOptionRoots(new Y.Doc());
    Y.applyUpdate(doc, initial, 'sync');
    return doc;
  });
  const connections: Connection[] = clients.map(() => ({ up: [], down: [], online: true }));
  const stats = { delivered: 0, dropped: 0, duplicated: 0, reordered: 0, reconnected: 0 };

  // The server broadcasts each update its document integrates to every connected client, the
  // sender included, as y-websocket and Hocuspocus do: the integrated update may carry pending
  // structs from someone else that the sender still lacks.
  server.on('update', (update: Uint8Array) => {
    for (const connection of connections) if (connection.online) connection.down.push(update);
  });
  // A client sends its own edits. The listener is attached just around a local edit: while
  // anyone listens Yjs encodes an update for every transaction, and received ones need none.
  const senders = connections.map((connection) => (update: Uint8Array) => {
    if (connection.online) connection.up.push(update);
  });

  const disconnect = (connection: Connection) => {
    stats.dropped += connection.up.length + connection.down.length;
    connection.up = [];
    connection.down = [];
    connection.online = false;
  };
  const reconnect = (client: number) => {
    connections[client]!.online = true;
    pull(server, clients[client]!);
    pull(clients[client]!, server);
    stats.reconnected++;
  };
  /** The next 1 to `reorderWindow` messages one way on a connection, in a shuffled order. */
  const deliver = (client: number, direction: 'up' | 'down') => {
    const connection = connections[client]!;
    if (!connection.online) return;
    const burst = connection[direction].splice(0, 1 + random.below(scenario.reorderWindow));
    for (let i = burst.length - 1; i > 0; i--) {
      const j = random.below(i + 1);
      if (j !== i) stats.reordered++;
      [burst[i], burst[j]] = [burst[j]!, burst[i]!];
    }
    for (const update of burst) {
      if (!connection.online) {
        stats.dropped++;
        continue;
      }
      if (random.below(100) < scenario.duplicatePercent) {
        const queue = connection[direction];
        queue.splice(random.below(queue.length + 1), 0, update);
        stats.duplicated++;
      }
      if (random.below(100) < scenario.dropPercent) {
        stats.dropped++;
        disconnect(connection);
      } else {
        if (direction === 'up') Y.applyUpdate(server, update, client);
        else Y.applyUpdate(clients[client]!, update, 'network');
        stats.delivered++;
      }
    }
  };
  // Each edit makes about replicas + 1 messages (one up, one down to each client); a delivery
  // moves about (reorderWindow + 1) / 2. Deliveries per edit, so `deliveredPercent` arrive live:
  const deliveriesPerEdit = ((scenario.deliveredPercent / 100) * (scenario.replicas + 1) * 2) / (scenario.reorderWindow + 1);

  const everyId = baseItems().map((item) => item.id);
  const editsLeft = clients.map(() => EDITS_PER_REPLICA);
  let owed = 0;
  for (let remaining = EDITS_PER_REPLICA * clients.length; remaining > 0; remaining--) {
    let client = random.below(clients.length);
    while (editsLeft[client] === 0) client = (client + 1) % clients.length;
    const doc = clients[client]!;
    doc.on('update', senders[client]!);
    randomEdit(doc, client, EDITS_PER_REPLICA - editsLeft[client]!, random, everyId);
    doc.off('update', senders[client]!);
    editsLeft[client]!--;
    for (owed += deliveriesPerEdit; owed >= 1; owed--) {
      const to = random.below(clients.length);
      deliver(to, random.below(scenario.replicas + 1) === 0 ? 'up' : 'down');
    }
    if (random.below(100) < scenario.reconnectPercent) {
      const offline = connections.flatMap((connection, index) => (connection.online ? [] : [index]));
      if (offline.length > 0) reconnect(random.pick(offline));
    }
  }
  // Part of what is still in flight arrives; the rest is lost with the connections.
  for (let round = random.below(4); round > 0; round--) {
    for (let client = 0; client < clients.length; client++) {
      deliver(client, 'up');
      deliver(client, 'down');
    }
  }

  const docs = [server, ...clients];
  beforeSync(docs);
  fullSync(server, clients);
  return { docs, ...stats };
}

/** Identical documents everywhere — the server's (index 0) and every client's — with nothing left pending. */
function assertConverged(docs: readonly Y.Doc[]): void {
  const reference = docs[0]!;
  const { items, problems } = inspectItems(reference);
  assert.deepEqual(problems, [], 'a torn or invalid item');
  const json = canonicalJson(reference.toJSON());
  const itemsJson = JSON.stringify(items);
  const vector = Y.encodeStateVector(reference);
  for (const [index, doc] of docs.entries()) {
    const name = index === 0 ? 'the server' : `client ${index}`;
    assert.equal(doc.store.pendingStructs, null, `${name} still waits for missing updates`);
    assert.equal(doc.store.pendingDs, null, `${name} still waits for missing deletions`);
    // Compared as canonical JSON text: the same check as deepEqual, at a fraction of the cost.
    if (canonicalJson(doc.toJSON()) !== json) assert.deepEqual(doc.toJSON(), reference.toJSON(), `${name}: toJSON() differs`);
    if (JSON.stringify(readItems(doc)) !== itemsJson) assert.deepEqual(readItems(doc), items, `${name}: items differ`);
    assert.deepEqual(Y.encodeStateVector(doc), vector, `${name}: state vector differs`);
  }
}

/** JSON with object keys sorted: a Y.Map lists keys in the order this replica happened to receive them. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner !== null && typeof inner === 'object' && !Array.isArray(inner) ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : inner,
  );
}

const scenarioArb: fc.Arbitrary<Scenario> = fc.record({
  replicas: fc.integer({ min: 3, max: 5 }),
  seed: fc.integer(),
  reorderWindow: fc.integer({ min: 1, max: 6 }),
  dropPercent: fc.integer({ min: 0, max: 5 }),
  duplicatePercent: fc.integer({ min: 0, max: 20 }),
  reconnectPercent: fc.integer({ min: 1, max: 20 }),
  deliveredPercent: fc.integer({ min: 10, max: 50 }),
});

interface ShardReport {
  readonly runs: number;
  readonly edits: number;
  readonly delivered: number;
  readonly dropped: number;
  readonly cpuSeconds: number;
  readonly failure: string | null;
}

/** Runs `runs` seeds of the property; reports instead of throwing, so a worker can hand it back. */
function runShard(runs: number, seed: number, path?: string): ShardReport {
  // This thread's CPU, not the process's: shards run side by side in one process.
  const cpu = process.threadCpuUsage();
  const totals = { edits: 0, delivered: 0, dropped: 0 };
  const details = fc.check(
    fc.property(scenarioArb, (scenario) => {
      const run = runScenario(scenario);
      assertConverged(run.docs);
      totals.edits += scenario.replicas * EDITS_PER_REPLICA;
      totals.delivered += run.delivered;
      totals.dropped += run.dropped;
      for (const doc of run.docs) doc.destroy();
    }),
    { numRuns: runs, seed, ...(path ? { path } : {}) },
  );
  const used = process.threadCpuUsage(cpu);
  const failure = details.failed
    ? `${String(details.errorInstance instanceof Error ? details.errorInstance.message : details.errorInstance).slice(0, 2000)}\n` +
      `counterexample ${JSON.stringify(details.counterexample)}\n` +
      `replay: CONVERGENCE_WORKERS=0 CONVERGENCE_SEED=${details.seed} CONVERGENCE_PATH=${details.counterexamplePath ?? ''}`
    : null;
  return { runs: details.numRuns, ...totals, cpuSeconds: (used.user + used.system) / 1e6, failure };
}

// As a worker: run one shard and report back.
if (!isMainThread && (workerData as { shard?: unknown } | null)?.shard) {
  const { runs, seed } = workerData as { runs: number; seed: number };
  parentPort!.postMessage(runShard(runs, seed));
}

/** Splits the runs over worker threads (one per core, at most 4): the property is CPU-bound and each run independent. */
async function runSharded(runs: number, seed: number, workers: number): Promise<ShardReport[]> {
  if (workers <= 1) return [runShard(runs, seed, process.env['CONVERGENCE_PATH'])];
  return Promise.all(
    Array.from({ length: workers }, (_, index) => {
      const share = Math.floor(runs / workers) + (index < runs % workers ? 1 : 0);
      return new Promise<ShardReport>((resolve, reject) => {
        const worker = new Worker(new URL(import.meta.url), { workerData: { shard: true, runs: share, seed: seed + index } });
        worker.once('message', resolve);
        worker.once('error', reject);
        worker.once('exit', (code) => (code === 0 ? undefined : reject(new Error(`convergence worker ${index} exited with ${code}`))));
      });
    }),
  );
}

if (isMainThread) {
  describe('convergence of concurrent option edits', () => {
    it(`3–5 clients and a server × ${EDITS_PER_REPLICA} edits each over a lossy, reordering, duplicating network converge after a state-vector sync (${RUNS} runs)`, async () => {
      const started = performance.now();
      const seed = Number(process.env['CONVERGENCE_SEED'] ?? Date.now() % 2 ** 31);
      const workers = Number(process.env['CONVERGENCE_WORKERS'] ?? Math.min(4, availableParallelism()));
      const reports = await runSharded(RUNS, seed, workers);
      const failures = reports.flatMap((report) => (report.failure ? [report.failure] : []));
      assert.deepEqual(failures, [], `seed ${seed}`);
      const sum = (key: 'runs' | 'edits' | 'delivered' | 'dropped' | 'cpuSeconds') => reports.reduce((total, report) => total + report[key], 0);
      assert.equal(sum('runs'), RUNS);
      const wall = (performance.now() - started) / 1000;
      console.log(
        `convergence: ${sum('runs')} runs (seed ${seed}, ${Math.max(1, workers)} worker${workers > 1 ? 's' : ''}), ${sum('edits')} edits, ` +
          `${sum('delivered')} updates delivered live, ${sum('dropped')} lost; ${wall.toFixed(1)} s wall, ${sum('cpuSeconds').toFixed(1)} s CPU`,
      );
    });

    it('the network really is hostile: it reorders, duplicates, drops and reconnects, and replicas differ before the sync', () => {
      const scenario: Scenario = { replicas: 4, seed: 7, reorderWindow: 6, dropPercent: 3, duplicatePercent: 15, reconnectPercent: 5, deliveredPercent: 80 };
      let divergedBeforeSync = false;
      const run = runScenario(scenario, (docs) => {
        divergedBeforeSync = docs.some((doc) => canonicalJson(doc.toJSON()) !== canonicalJson(docs[0]!.toJSON()));
      });
      const { docs: _docs, ...stats } = run;
      for (const [name, count] of Object.entries(stats)) assert.ok(count > 0, `${name} never happened: ${JSON.stringify(stats)}`);
      assert.ok(divergedBeforeSync, 'the replicas already agreed before the final sync: the network was too kind to test anything');
      assertConverged(run.docs);
    });
  });
}
