/**
 * The room in 3D at 300 pieces: `npm run bench -- room --json` (or `node bench/room.ts [--json]`).
 *
 * A studio server starts on a temporary data folder holding the demo studio and a 300-item
 * option from 25 products (bench/room-data.ts), serving a renderer built for this run. Chromium
 * (SwiftShader WebGL, 1280×720) opens the option twice: the real build (`?bench=1`) and the
 * naive build (`?bench=1&naive=1`: one mesh per part per piece, no instancing), and reads what
 * the scene exposes on `window.__atelierScene` (renderer/scene/FurnitureBatches.tsx):
 * - draw calls of one frame (`renderer.info.render.calls`), both builds;
 * - main-thread CPU per rendered frame while the camera orbits, both builds in alternating
 *   windows → `cpuPerFrameRatio`: the thread time of the renderer main thread's frame tasks (a
 *   trace of the window: each task that runs a BeginMainFrame — rAF callbacks with three.js's
 *   render, style, paint, commit) ÷ frames drawn. `threadTimePerFrameRatio` is the whole main
 *   thread's CPU over the window (CDP `Performance.getMetrics` ThreadTime) ÷ frames drawn: it
 *   also charges the page's timers, sockets and GC, which run per second, not per frame, so
 *   under SwiftShader's slow frames they weigh on the cheaper build most. `taskPerFrameRatio`
 *   is the same with TaskDuration (wall time);
 * - frames drawn in 5 s of idle (the canvas's `data-frames`), which must be 0;
 * - dragging a piece with the mouse: the `atelier:drag-handler` measures the editor's pointer
 *   handler records (p95), and the most renders in one animation frame.
 *
 * `ATELIER_RENDERER_DIR` reuses a built renderer; `ATELIER_BENCH_SHOTS=dir` saves screenshots.
 */
import { chromium, type CDPSession, type Page } from '@playwright/test';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { seedRoomBench, type RoomBenchData } from './room-data.ts';
import { benchRenderer, startStudioServer, stopStudioServer } from './studio-server.ts';
import { percentile } from './stats.ts';

const DESIGNER = { email: 'designer@atelier.test', password: 'atelier-demo-designer' };
/** The flags the e2e tests use (test/e2e/playwright.config.ts): WebGL through SwiftShader. */
const CHROMIUM_ARGS = ['--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-sandbox'];
const ORBIT_FRAMES = 40;
const ORBIT_ROUNDS = 3;
const IDLE_MS = 5000;
const DRAG_MOVES = 60;

export interface RoomBench {
  items: number;
  products: number;
  drawCalls: number;
  naiveDrawCalls: number;
  cpuPerFrameMs: number;
  naiveCpuPerFrameMs: number;
  cpuPerFrameRatio: number;
  threadTimePerFrameRatio: number;
  taskPerFrameRatio: number;
  idleFrames: number;
  dragHandlerP95Ms: number | null;
  dragMaxRendersPerFrame: number;
  targets: Record<string, string>;
  notes: string[];
  details: Record<string, unknown>;
}

const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;

const frames = (page: Page) => page.evaluate(() => Number(document.querySelector<HTMLCanvasElement>('[data-testid="room-view"] canvas')?.dataset.frames ?? '0'));

/** Opens the option and waits until all 300 pieces (and their models) are on screen. */
async function openRoom(page: Page, url: string, data: RoomBenchData, naive: boolean): Promise<void> {
  await page.goto(`${url}/?bench=1${naive ? '&naive=1' : ''}#/projects/${data.projectId}/options/${data.optionId}`);
  await page.waitForFunction(
    (items) => {
      const view = document.querySelector('[data-testid="room-view"]');
      const canvas = view?.querySelector('canvas');
      const probe = (window as { __atelierScene?: { pieces: number; modelsPending: number } }).__atelierScene;
      return view?.getAttribute('data-settled') === 'true' && canvas?.dataset.drawnPieces === String(items) && canvas.dataset.modelsPending === '0' && probe?.pieces === items && probe.modelsPending === 0;
    },
    data.items,
    { timeout: 120_000, polling: 200 },
  );
  // Let the last model swap and shader compiles finish.
  await page.evaluate(() => new Promise((done) => setTimeout(() => requestAnimationFrame(() => requestAnimationFrame(done)), 500)));
}

/**
 * Per rendered frame while the camera orbits, ms: main-thread CPU of the frame tasks (`cpuMs`),
 * of everything on the main thread (`threadMs`, ThreadTime) and its busy wall time (`taskMs`).
 */
export interface OrbitCost {
  readonly cpuMs: number;
  readonly threadMs: number;
  readonly taskMs: number;
  readonly frames: number;
}

/** A trace event as CDP's Tracing domain reports it (only the fields read here). */
export interface TraceEvent {
  readonly name: string;
  readonly ph: string;
  readonly pid: number;
  readonly tid: number;
  readonly ts: number;
  readonly dur?: number;
  readonly tdur?: number;
  readonly args?: { readonly name?: string };
}

/** The traced task that runs a frame: BeginMainFrame (rAF callbacks, style, layout, paint, commit). */
const FRAME_EVENT = 'ProxyMain::BeginMainFrame';
const TASK_EVENT = 'ThreadControllerImpl::RunTask';

/**
 * Thread time (ms) of the main-thread tasks that produced frames, from a trace: the renderer
 * main thread with the most BeginMainFrame events (the page that orbited), and on it every
 * top-level task containing one. Timers, socket messages and GC between frames are left out.
 */
export function frameTaskCpuMs(events: readonly TraceEvent[]): number {
  const mains = new Set(events.filter((event) => event.ph === 'M' && event.name === 'thread_name' && event.args?.name === 'CrRendererMain').map((event) => `${event.pid}:${event.tid}`));
  const frameCount = new Map<string, number>();
  for (const event of events) {
    const thread = `${event.pid}:${event.tid}`;
    if (event.name === FRAME_EVENT && mains.has(thread)) frameCount.set(thread, (frameCount.get(thread) ?? 0) + 1);
  }
  const thread = [...frameCount.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  if (!thread) return Number.NaN;
  const onThread = events.filter((event) => `${event.pid}:${event.tid}` === thread && event.ph === 'X');
  const frameStarts = onThread.filter((event) => event.name === FRAME_EVENT).map((event) => event.ts);
  let total = 0;
  for (const task of onThread) {
    if (task.name !== TASK_EVENT || task.tdur === undefined || task.dur === undefined) continue;
    const end = task.ts + task.dur;
    if (frameStarts.some((start) => start >= task.ts && start < end)) total += task.tdur;
  }
  return total / 1000;
}

/**
 * One orbit window, traced: frame tasks' thread time from the trace, and `Performance.getMetrics`
 * (ThreadTime, TaskDuration) before and after.
 */
async function orbitCost(page: Page, cdp: CDPSession, frameCount: number): Promise<OrbitCost> {
  const metrics = async () => new Map((await cdp.send('Performance.getMetrics')).metrics.map((metric) => [metric.name, metric.value]));
  const events: TraceEvent[] = [];
  const collect = (chunk: { value: object[] }) => void events.push(...(chunk.value as TraceEvent[]));
  cdp.on('Tracing.dataCollected', collect);
  const complete = new Promise<void>((done) => cdp.once('Tracing.tracingComplete', () => done()));
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: ['toplevel', 'cc'], recordMode: 'recordAsMuchAsPossible' }, transferMode: 'ReportEvents' });
  const startFrames = await frames(page);
  const before = await metrics();
  await page.evaluate((n) => (window as unknown as { __atelierScene: { orbit(frames: number, degrees: number): Promise<void> } }).__atelierScene.orbit(n, 1.5), frameCount);
  const after = await metrics();
  const drawn = Math.max((await frames(page)) - startFrames, 1);
  await cdp.send('Tracing.end');
  await complete;
  cdp.off('Tracing.dataCollected', collect);
  const delta = (name: string) => (((after.get(name) ?? Number.NaN) - (before.get(name) ?? Number.NaN)) * 1000) / drawn;
  return { cpuMs: frameTaskCpuMs(events) / drawn, threadMs: delta('ThreadTime'), taskMs: delta('TaskDuration'), frames: drawn };
}

/**
 * Both builds orbit in alternating windows (instanced, naive, instanced, …) and each keeps the
 * median of each figure over its windows, so a load spike from elsewhere on the machine hits both rather than one.
 */
async function cpuPerFrame(pages: { instanced: Page; naive: Page }): Promise<{ instanced: OrbitCost; naive: OrbitCost }> {
  const sessions = { instanced: await pages.instanced.context().newCDPSession(pages.instanced), naive: await pages.naive.context().newCDPSession(pages.naive) };
  await sessions.instanced.send('Performance.enable');
  await sessions.naive.send('Performance.enable');
  const windows: { instanced: OrbitCost[]; naive: OrbitCost[] } = { instanced: [], naive: [] };
  // Warm-up: shaders, JIT.
  await orbitCost(pages.instanced, sessions.instanced, 10);
  await orbitCost(pages.naive, sessions.naive, 10);
  for (let round = 0; round < ORBIT_ROUNDS; round++) {
    windows.instanced.push(await orbitCost(pages.instanced, sessions.instanced, ORBIT_FRAMES));
    windows.naive.push(await orbitCost(pages.naive, sessions.naive, ORBIT_FRAMES));
  }
  await sessions.instanced.detach();
  await sessions.naive.detach();
  const median = (list: readonly OrbitCost[], key: keyof OrbitCost) => [...list].map((cost) => cost[key]).sort((a, b) => a - b)[Math.floor(list.length / 2)]!;
  const medians = (list: readonly OrbitCost[]): OrbitCost => ({ cpuMs: median(list, 'cpuMs'), threadMs: median(list, 'threadMs'), taskMs: median(list, 'taskMs'), frames: median(list, 'frames') });
  return { instanced: medians(windows.instanced), naive: medians(windows.naive) };
}

const measure = (page: Page) => page.evaluate(() => (window as unknown as { __atelierScene: { measure(): { drawCalls: number; triangles: number } } }).__atelierScene.measure());

/** Drags one piece across the floor with the mouse, one move per animation frame. */
async function drag(page: Page, itemId: string): Promise<{ handlerMs: number[]; maxRendersPerFrame: number; moved: boolean }> {
  // Reset view may still be settling the camera: ask again over a few frames before giving up.
  const start = await page
    .waitForFunction((id) => (window as unknown as { __atelierScene: { screenPoint(id: string): { x: number; y: number } | null } }).__atelierScene.screenPoint(id), itemId, { timeout: 5_000, polling: 'raf' })
    .then((handle) => handle.jsonValue() as Promise<{ x: number; y: number }>)
    .catch(() => null);
  if (!start) throw new Error('the piece to drag is off screen (or not in the scene) 5 s after Reset view');
  await page.evaluate(() => {
    performance.clearMeasures('atelier:drag-handler');
    const canvas = document.querySelector<HTMLCanvasElement>('[data-testid="room-view"] canvas')!;
    const record = window as unknown as { __dragFrames: number[]; __dragStop: boolean };
    record.__dragFrames = [];
    record.__dragStop = false;
    const tick = () => {
      record.__dragFrames.push(Number(canvas.dataset.frames ?? '0'));
      if (!record.__dragStop) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  const framesBefore = await frames(page);
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  for (let i = 1; i <= DRAG_MOVES; i++) {
    await page.mouse.move(start.x + i * 3, start.y + Math.sin(i / 8) * 20);
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(done)));
  }
  await page.mouse.up();
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  const result = await page.evaluate(() => {
    const record = window as unknown as { __dragFrames: number[]; __dragStop: boolean };
    record.__dragStop = true;
    let most = 0;
    for (let i = 1; i < record.__dragFrames.length; i++) most = Math.max(most, record.__dragFrames[i]! - record.__dragFrames[i - 1]!);
    return { handlerMs: performance.getEntriesByName('atelier:drag-handler').map((entry) => entry.duration), maxRendersPerFrame: most };
  });
  return { ...result, moved: (await frames(page)) > framesBefore };
}

/** What one run measured, before it is reported. */
export interface RoomMeasurements {
  readonly data: Pick<RoomBenchData, 'items' | 'products' | 'productsWithModels' | 'roomMm'>;
  readonly instanced: { drawCalls: number; triangles: number };
  readonly naive: { drawCalls: number; triangles: number };
  readonly cpu: OrbitCost;
  readonly naiveCpu: OrbitCost;
  readonly idleFrames: number;
  readonly dragged: { handlerMs: readonly number[]; maxRendersPerFrame: number };
  readonly notes: readonly string[];
}

/** The one JSON object `npm run bench -- room --json` prints. */
export function roomReport(m: RoomMeasurements): RoomBench {
  return {
    items: m.data.items,
    products: m.data.products,
    drawCalls: m.instanced.drawCalls,
    naiveDrawCalls: m.naive.drawCalls,
    cpuPerFrameMs: round(m.cpu.cpuMs),
    naiveCpuPerFrameMs: round(m.naiveCpu.cpuMs),
    cpuPerFrameRatio: round(m.cpu.cpuMs / m.naiveCpu.cpuMs, 3),
    threadTimePerFrameRatio: round(m.cpu.threadMs / m.naiveCpu.threadMs, 3),
    taskPerFrameRatio: round(m.cpu.taskMs / m.naiveCpu.taskMs, 3),
    idleFrames: m.idleFrames,
    dragHandlerP95Ms: m.dragged.handlerMs.length ? round(percentile(m.dragged.handlerMs, 95)) : null,
    dragMaxRendersPerFrame: m.dragged.maxRendersPerFrame,
    targets: { drawCalls: '<= 60 (never > 200)', cpuPerFrameRatio: '<= 0.3', idleFrames: '0', dragHandlerP95Ms: '<= 4', dragMaxRendersPerFrame: '<= 1' },
    notes: [...m.notes],
    details: {
      viewport: '1280x720, Chromium with SwiftShader WebGL',
      productsWithModels: m.data.productsWithModels,
      roomMm: m.data.roomMm,
      triangles: m.instanced.triangles,
      naiveTriangles: m.naive.triangles,
      cpuPerFrameRatio: 'main-thread CPU (thread time) of the frame tasks per frame while orbiting (traced: tasks running BeginMainFrame), instanced ÷ naive, median of alternating windows',
      threadTimePerFrameRatio: 'all main-thread CPU (CDP ThreadTime) over the window per frame, including timers, sockets and GC between frames, instanced ÷ naive',
      threadTimePerFrameMs: { instanced: round(m.cpu.threadMs), naive: round(m.naiveCpu.threadMs) },
      taskPerFrameRatio: 'the same with CDP TaskDuration (wall time of main-thread tasks, includes waiting on the GPU process)',
      taskPerFrameMs: { instanced: round(m.cpu.taskMs), naive: round(m.naiveCpu.taskMs) },
      orbitFrames: { instanced: m.cpu.frames, naive: m.naiveCpu.frames },
      dragMoves: DRAG_MOVES,
      dragHandlerSamples: m.dragged.handlerMs.length,
    },
  };
}

export async function benchRoom(context: { readonly log: (line: string) => void } = { log: () => {} }): Promise<RoomBench> {
  const work = mkdtempSync(join(tmpdir(), 'atelier-room-bench-'));
  const staticDir = benchRenderer(work, context.log, 'room');
  const dataDir = join(work, 'data');
  context.log('room: seeding 300 pieces');
  const data = await seedRoomBench(dataDir);
  const server = await startStudioServer(dataDir, staticDir);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const shots = process.env.ATELIER_BENCH_SHOTS;
  if (shots) mkdirSync(shots, { recursive: true });
  const notes: string[] = [];
  try {
    const session = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const page = await session.newPage();
    await page.goto(server.url);
    await page.getByLabel('E-mail').fill(DESIGNER.email);
    await page.getByLabel('Password').fill(DESIGNER.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByLabel('Password').waitFor({ state: 'detached' });

    context.log('room: instanced build');
    await openRoom(page, server.url, data, false);
    if (shots) await page.screenshot({ path: join(shots, 'room-instanced.png') });
    const instanced = await measure(page);
    const idleStart = await frames(page);
    await page.waitForTimeout(IDLE_MS);
    const idleFrames = (await frames(page)) - idleStart;

    context.log('room: naive build');
    const naivePage = await session.newPage();
    await openRoom(naivePage, server.url, data, true);
    if (shots) await naivePage.screenshot({ path: join(shots, 'room-naive.png') });
    const naive = await measure(naivePage);
    context.log('room: orbiting both builds');
    const costs = await cpuPerFrame({ instanced: page, naive: naivePage });
    await naivePage.close();
    const cpu = costs.instanced;
    const naiveCpu = costs.naive;

    context.log('room: dragging a piece');
    await page.getByRole('button', { name: 'Reset view' }).click();
    const dragged = await drag(page, data.dragItemId);
    if (shots) await page.screenshot({ path: join(shots, 'room-after-drag.png') });
    if (dragged.handlerMs.length === 0) notes.push('dragHandlerP95Ms is null: the page recorded no performance.measure("atelier:drag-handler") entries while a piece was dragged with the mouse — the editor’s drag handler does not record them (or dragging pieces is not built yet).');

    return roomReport({ data, instanced, naive, cpu, naiveCpu, idleFrames, dragged, notes });
  } finally {
    await browser.close();
    await stopStudioServer(server.child);
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const json = process.argv.includes('--json');
  const report = await benchRoom(json ? undefined : { log: (line) => console.error(line) });
  console.log(json ? JSON.stringify(report) : JSON.stringify(report, null, 2));
}
