/**
 * The geometry of a claim's price-history chart: a step line of the observed prices over time
 * (a price holds until the next observation), the price paid as a reference line, the adjustment
 * window as a band, and the drop the claim rests on. Pure, so it is tested without a browser.
 */

export interface ChartPoint {
  readonly id: string;
  /** Milliseconds since the epoch. */
  readonly at: number;
  /** Minor units. */
  readonly price: number;
  readonly isEvidence: boolean;
  readonly inWindow: boolean;
}

export interface ChartInput {
  readonly points: readonly ChartPoint[];
  readonly paid: number;
  readonly windowStart: number | null;
  readonly windowEnd: number | null;
  /** The chart runs at least until now (capped at the window's end). */
  readonly now: number;
  readonly width: number;
  readonly height: number;
  readonly padding: { readonly top: number; readonly right: number; readonly bottom: number; readonly left: number };
}

export interface ChartGeometry {
  readonly x: (at: number) => number;
  readonly y: (price: number) => number;
  /** The step line through every observation, held flat to the right edge. */
  readonly path: string;
  readonly dots: readonly { readonly id: string; readonly cx: number; readonly cy: number; readonly isEvidence: boolean; readonly inWindow: boolean }[];
  readonly paidY: number;
  /** The adjustment window, clipped to the plot; null without one. */
  readonly band: { readonly x0: number; readonly x1: number } | null;
  readonly evidence: { readonly cx: number; readonly cy: number } | null;
  readonly yTicks: readonly { readonly price: number; readonly y: number }[];
  readonly xTicks: readonly { readonly at: number; readonly x: number }[];
  readonly plot: { readonly left: number; readonly right: number; readonly top: number; readonly bottom: number };
}

const DAY_MS = 86_400_000;

/** Round steps for price ticks (minor units): 1, 2, 5 × 10^n. */
export function niceStep(span: number, count: number): number {
  const raw = Math.max(span / Math.max(count, 1), 1);
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const normalised = raw / magnitude;
  const nice = normalised <= 1 ? 1 : normalised <= 2 ? 2 : normalised <= 5 ? 5 : 10;
  return nice * magnitude;
}

export function chartGeometry(input: ChartInput): ChartGeometry {
  const { padding, width, height } = input;
  const plot = { left: padding.left, right: width - padding.right, top: padding.top, bottom: height - padding.bottom };
  const points = [...input.points].sort((a, b) => a.at - b.at || a.id.localeCompare(b.id));

  // Time: from the earliest of the first observation and the window's start, to the latest of the
  // last observation and now (never past the window's end, which may be weeks away).
  const times = points.map((p) => p.at);
  if (input.windowStart !== null) times.push(input.windowStart);
  const first = times.length ? Math.min(...times) : input.now - DAY_MS;
  const horizon = input.windowEnd !== null ? Math.min(input.now, input.windowEnd) : input.now;
  let last = Math.max(horizon, ...points.map((p) => p.at));
  if (last - first < DAY_MS) last = first + DAY_MS;
  const span = last - first;
  const t0 = first - span * 0.02;
  const t1 = last + span * 0.04;
  const x = (at: number) => plot.left + ((at - t0) / (t1 - t0)) * (plot.right - plot.left);

  // Price: every observation and the price paid, with room above and below.
  const prices = [input.paid, ...points.map((p) => p.price)];
  const low = Math.min(...prices);
  const high = Math.max(...prices);
  const pad = Math.max((high - low) * 0.18, high * 0.02, 100);
  const step = niceStep(high - low + 2 * pad, 4);
  const p0 = Math.max(0, Math.floor((low - pad) / step) * step);
  const p1 = Math.ceil((high + pad) / step) * step;
  const y = (price: number) => plot.bottom - ((price - p0) / (p1 - p0)) * (plot.bottom - plot.top);

  let path = '';
  points.forEach((point, index) => {
    const px = x(point.at);
    const py = y(point.price);
    if (index === 0) path += `M${fmt(px)},${fmt(py)}`;
    else path += `H${fmt(px)}V${fmt(py)}`;
  });
  if (points.length) path += `H${fmt(x(last))}`;

  const dots = points.map((p) => ({ id: p.id, cx: x(p.at), cy: y(p.price), isEvidence: p.isEvidence, inWindow: p.inWindow }));
  const evidencePoint = dots.find((d) => d.isEvidence) ?? null;

  let band: ChartGeometry['band'] = null;
  if (input.windowStart !== null) {
    const x0 = Math.max(plot.left, x(input.windowStart));
    const x1 = Math.min(plot.right, input.windowEnd !== null ? x(input.windowEnd) : plot.right);
    if (x1 > x0) band = { x0, x1 };
  }

  const yTicks: { price: number; y: number }[] = [];
  for (let price = p0; price <= p1 + step / 2; price += step) yTicks.push({ price, y: y(price) });

  const xTicks: { at: number; x: number }[] = [];
  const tickCount = 4;
  for (let i = 0; i <= tickCount; i++) {
    const at = first + ((last - first) * i) / tickCount;
    xTicks.push({ at, x: x(at) });
  }

  return { x, y, path, dots, paidY: y(input.paid), band, evidence: evidencePoint ? { cx: evidencePoint.cx, cy: evidencePoint.cy } : null, yTicks, xTicks, plot };
}

function fmt(value: number): string {
  return (Math.round(value * 10) / 10).toString();
}
