/**
 * [Collab] Remote paint: two Chromium pages on the same option (the designer in the plan view,
 * the customer in the split view), on the studio server over loopback. The designer selects the
 * sofa and nudges it with the arrow keys — the real editor, one edit per key press. Each page
 * marks its own clock (performance.timeOrigin + now(), one system clock for both pages): the
 * designer's page at the keydown; the customer's page at the animation frame after the sofa's
 * plan piece took its new place (`data-x-mm`; the plan's SVG is painted in that frame) —
 * remote paint — and again once its 3D view drew a frame after that (the canvas frame probe
 * `data-frames` moved on) — remote 3D frame, which on a machine without a GPU measures
 * SwiftShader. Latency = customer's mark − designer's mark. Both pages also mark when the update
 * message leaves / arrives on their WebSocket, which splits it into sender, wire (+ server) and
 * receiver (apply, React, the next frame). ATELIER_COLLAB_PAINT_PROFILE=file.cpuprofile writes
 * the customer page's CPU profile over the nudges.
 */
import { chromium, type Page } from '@playwright/test';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchRenderer, startStudioServer, stopStudioServer } from './studio-server.ts';
import { percentileOfSorted } from './stats.ts';

const SOFA = 'Elio low 3-seat sofa';
const NUDGES = 40;
const GAP_MS = 120;

export interface RemotePaintResult {
  readonly samples: number;
  /** Keydown → the other page's 3D view drew a frame with the change (software WebGL here). */
  readonly remote3dFrameP50Ms: number;
  readonly remote3dFrameP95Ms: number;
  readonly remotePaintP50Ms: number;
  readonly remotePaintP95Ms: number;
  readonly remotePaintMaxMs: number;
  /** Key press → the update leaves the designer's page → arrives on the customer's → painted there. */
  readonly breakdown: { readonly samples: number; readonly senderP50Ms: number; readonly senderP95Ms: number; readonly wireP50Ms: number; readonly wireP95Ms: number; readonly receiverP50Ms: number; readonly receiverP95Ms: number };
}

async function openProject(page: Page, url: string, email: string, password: string, view: 'Plan' | 'Split'): Promise<void> {
  await page.goto(url);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByText("Maya's living room").first().click();
  await page.getByTestId('live-bar').locator('[data-status="synced"]').waitFor({ timeout: 30_000 });
  await page.getByRole('toolbar', { name: 'Editing tools' }).getByRole('radio', { name: view, exact: true }).click();
  await page.locator(`[data-testid="plan-piece"][aria-label="${SOFA}"]`).waitFor();
}

/**
 * Installed in both pages before the app loads: marks (page clock, ms since the epoch) when a
 * Hocuspocus document update (`documentName · 0 sync · 2 update`) leaves through or arrives on a
 * WebSocket, to split the remote paint into the sender, the wire + server, and the receiver.
 */
function watchUpdateMessages(): void {
  const sent: number[] = [];
  const received: number[] = [];
  Object.assign(window, { __updatesSent: sent, __updatesReceived: received });
  const isUpdate = (data: unknown): boolean => {
    if (!(data instanceof ArrayBuffer) && !ArrayBuffer.isView(data)) return false;
    const bytes = data instanceof ArrayBuffer ? new Uint8Array(data) : new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    // varUint length of the name (names here are shorter than 128 bytes), the name, type, subtype.
    const length = bytes[0]!;
    return length < 128 && bytes[1 + length] === 0 && bytes[2 + length] === 2;
  };
  const Native = window.WebSocket;
  class Watched extends Native {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols);
      this.addEventListener('message', (event) => {
        if (isUpdate(event.data)) received.push(performance.timeOrigin + performance.now());
      });
    }
    override send(data: string | ArrayBufferLike | Blob | ArrayBufferView): void {
      if (isUpdate(data)) sent.push(performance.timeOrigin + performance.now());
      super.send(data);
    }
  }
  window.WebSocket = Watched;
}

export async function remotePaintBenchmark(log: (line: string) => void = () => {}): Promise<RemotePaintResult> {
  const work = mkdtempSync(join(tmpdir(), 'atelier-collab-paint-'));
  const staticDir = benchRenderer(work, log, 'collab-paint');
  const dataDir = join(work, 'data');
  const { child, url } = await startStudioServer(dataDir, staticDir);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--no-sandbox', '--disable-background-networking'],
  });
  try {
    const designer = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    const customer = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    await designer.addInitScript(watchUpdateMessages);
    await customer.addInitScript(watchUpdateMessages);
    await openProject(designer, url, 'designer@atelier.test', 'atelier-demo-designer', 'Plan');
    await openProject(customer, url, 'customer@atelier.test', 'atelier-demo-customer', 'Split');
    const sofa = `[data-testid="plan-piece"][aria-label="${SOFA}"]`;

    // The customer's page marks the frame after each change of the sofa's place was drawn.
    await customer.evaluate((selector) => {
      const marks: { x: string; painted: number; frame: number }[] = [];
      (window as unknown as { __remotePaints: typeof marks }).__remotePaints = marks;
      const piece = document.querySelector(selector)!;
      const canvas = document.querySelector('[data-testid="room-view"] canvas') as HTMLCanvasElement;
      new MutationObserver(() => {
        const x = piece.getAttribute('data-x-mm')!;
        const frames = canvas.dataset.frames;
        // The plan's SVG is painted in the frame after the change; the 3D view when its probe moves on.
        requestAnimationFrame(() => {
          const painted = performance.timeOrigin + performance.now();
          // A hidden 3D view (plan only) draws nothing.
          if (canvas.offsetParent === null) return void marks.push({ x, painted, frame: NaN });
          const waitForFrame = () => {
            if (canvas.dataset.frames !== frames) requestAnimationFrame(() => marks.push({ x, painted, frame: performance.timeOrigin + performance.now() }));
            else requestAnimationFrame(waitForFrame);
          };
          waitForFrame();
        });
      }).observe(piece, { attributes: true, attributeFilter: ['data-x-mm'] });
    }, sofa);
    // The designer's page marks each arrow keydown before the editor handles it.
    await designer.evaluate(() => {
      const marks: number[] = [];
      (window as unknown as { __keys: number[] }).__keys = marks;
      window.addEventListener('keydown', (event) => {
        if (event.key.startsWith('Arrow')) marks.push(performance.timeOrigin + performance.now());
      }, { capture: true });
    });
    await designer.locator(sofa).focus();

    const latencies: number[] = [];
    const cdp = process.env.ATELIER_COLLAB_PAINT_PROFILE ? await customer.context().newCDPSession(customer) : null;
    if (cdp) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await cdp.send('Profiler.start');
    }
    for (let i = 0; i < NUDGES; i++) {
      await designer.keyboard.press(i % 2 === 0 ? 'ArrowRight' : 'ArrowLeft');
      await customer.waitForFunction((count) => (window as unknown as { __remotePaints: unknown[] }).__remotePaints.length >= count, i + 1, { timeout: 10_000 });
      await customer.waitForTimeout(GAP_MS);
    }
    if (cdp) {
      const { profile } = await cdp.send('Profiler.stop');
      writeFileSync(process.env.ATELIER_COLLAB_PAINT_PROFILE!, JSON.stringify(profile));
    }
    const keys = await designer.evaluate(() => (window as unknown as { __keys: number[] }).__keys);
    const paints = await customer.evaluate(() => (window as unknown as { __remotePaints: { painted: number; frame: number }[] }).__remotePaints);
    const sent = await designer.evaluate(() => (window as unknown as { __updatesSent: number[] }).__updatesSent);
    const received = await customer.evaluate(() => (window as unknown as { __updatesReceived: number[] }).__updatesReceived);
    const toFrame: number[] = [];
    const sender: number[] = [];
    const wire: number[] = [];
    const receiver: number[] = [];
    for (let i = 0; i < Math.min(keys.length, paints.length); i++) {
      const key = keys[i]!;
      const painted = paints[i]!.painted;
      latencies.push(painted - key);
      toFrame.push(paints[i]!.frame - key);
      // The designer's update for this key press, and its arrival on the customer's page.
      const out = sent.find((at) => at >= key && at <= painted);
      const arrived = out === undefined ? undefined : received.find((at) => at >= out - 1 && at <= painted);
      if (out !== undefined && arrived !== undefined) {
        sender.push(out - key);
        wire.push(arrived - out);
        receiver.push(painted - arrived);
      }
    }
    const sorted = (values: number[]) => values.sort((a, b) => a - b);
    const round = (value: number) => Math.round(value * 10) / 10;
    const p = (values: number[], q: number) => round(percentileOfSorted(sorted(values), q));
    return {
      samples: latencies.length,
      remote3dFrameP50Ms: p(toFrame, 50),
      remote3dFrameP95Ms: p(toFrame, 95),
      remotePaintP50Ms: p(latencies, 50),
      remotePaintP95Ms: p(latencies, 95),
      remotePaintMaxMs: round(sorted(latencies)[latencies.length - 1] ?? NaN),
      breakdown: { samples: wire.length, senderP50Ms: p(sender, 50), senderP95Ms: p(sender, 95), wireP50Ms: p(wire, 50), wireP95Ms: p(wire, 95), receiverP50Ms: p(receiver, 50), receiverP95Ms: p(receiver, 95) },
    };
  } finally {
    await browser.close();
    await stopStudioServer(child);
    rmSync(work, { recursive: true, force: true });
  }
}
