import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../server/db/database.ts';
import { seedRoomBench } from './room-data.ts';
import { frameTaskCpuMs, roomReport, type TraceEvent } from './room.ts';

test('the room benchmark seeds 300 placed items from 25 products, inside the room (no browser; timings are not asserted)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'atelier-room-bench-test-'));
  try {
    const data = await seedRoomBench(dir);
    assert.equal(data.items, 300);
    assert.equal(data.products, 25);
    assert.ok(data.productsWithModels >= 8, `${data.productsWithModels} products with models`);
    assert.ok(data.roomMm.width <= 30_000 && data.roomMm.depth <= 30_000);
    const store = await openStore({ dataDir: dir });
    try {
      const row = await store.db.selectFrom('design_options').select('document').where('id', '=', data.optionId).executeTakeFirstOrThrow();
      const items = (JSON.parse(row.document) as { items: { id: string; productId: string; xMm: number; yMm: number }[] }).items;
      assert.equal(items.length, 300);
      assert.equal(new Set(items.map((item) => item.productId)).size, 25);
      assert.ok(items.some((item) => item.id === data.dragItemId));
      for (const item of items) assert.ok(item.xMm >= 0 && item.xMm <= data.roomMm.width && item.yMm >= 0 && item.yMm <= data.roomMm.depth, `${item.xMm},${item.yMm} inside`);
    } finally {
      await store.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the room report has the figures the issue asks for, and a null drag figure says why', () => {
  const report = roomReport({
    data: { items: 300, products: 25, productsWithModels: 16, roomMm: { width: 20_000, depth: 15_000 } },
    instanced: { drawCalls: 40, triangles: 1000 },
    naive: { drawCalls: 1200, triangles: 1000 },
    cpu: { cpuMs: 2, threadMs: 3, taskMs: 4, frames: 60 },
    naiveCpu: { cpuMs: 10, threadMs: 12, taskMs: 10, frames: 60 },
    idleFrames: 0,
    dragged: { handlerMs: [], maxRendersPerFrame: 1 },
    notes: ['no drag measures'],
  });
  for (const key of ['drawCalls', 'naiveDrawCalls', 'cpuPerFrameRatio', 'idleFrames', 'dragHandlerP95Ms'] as const) assert.ok(key in report, key);
  assert.equal(report.cpuPerFrameRatio, 0.2);
  assert.equal(report.taskPerFrameRatio, 0.4);
  assert.equal(report.threadTimePerFrameRatio, 0.25);
  assert.equal(report.dragHandlerP95Ms, null);
  assert.equal(report.notes.length, 1);
  const dragged = roomReport({ ...{ data: { items: 1, products: 1, productsWithModels: 0, roomMm: { width: 1, depth: 1 } }, instanced: { drawCalls: 1, triangles: 1 }, naive: { drawCalls: 1, triangles: 1 }, cpu: { cpuMs: 1, threadMs: 1, taskMs: 1, frames: 1 }, naiveCpu: { cpuMs: 1, threadMs: 1, taskMs: 1, frames: 1 }, idleFrames: 0, notes: [] }, dragged: { handlerMs: Array.from({ length: 100 }, (_, i) => i / 10), maxRendersPerFrame: 1 } });
  assert.equal(dragged.dragHandlerP95Ms, 9.4);
});

test('frame CPU from a trace counts the orbiting page main thread tasks that ran a frame, not its timers nor other threads', () => {
  const main = (pid: number, tid: number): TraceEvent => ({ name: 'thread_name', ph: 'M', pid, tid, ts: 0, args: { name: 'CrRendererMain' } });
  const task = (pid: number, ts: number, tdur: number): TraceEvent => ({ name: 'ThreadControllerImpl::RunTask', ph: 'X', pid, tid: 1, ts, dur: tdur * 2, tdur });
  const frame = (pid: number, ts: number): TraceEvent => ({ name: 'ProxyMain::BeginMainFrame', ph: 'X', pid, tid: 1, ts, dur: 10, tdur: 5 });
  const events = [
    main(7, 1),
    main(8, 1),
    // The orbiting page: two frame tasks (1.5 ms + 2 ms thread time) and a timer task between them.
    task(7, 1000, 1500),
    frame(7, 1100),
    task(7, 5000, 800),
    task(7, 9000, 2000),
    frame(7, 9050),
    // The other page drew one frame; a GPU-process thread ran a long task.
    task(8, 1000, 9000),
    frame(8, 1200),
    { name: 'ThreadControllerImpl::RunTask', ph: 'X', pid: 9, tid: 3, ts: 0, dur: 50_000, tdur: 40_000 },
  ];
  assert.equal(frameTaskCpuMs(events), 3.5);
  assert.ok(Number.isNaN(frameTaskCpuMs([])));
});
