/**
 * The geometry of a price-history step chart, apart from React so it is tested as numbers: a
 * price holds from one observation until the next, and the last one holds until `now`.
 */
export interface PricePoint {
  readonly at: number;
  readonly amountMinor: number;
}

export interface ChartBox {
  readonly width: number;
  readonly height: number;
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
}

export interface PriceChartGeometry {
  /** the SVG path of the step line */
  readonly line: string;
  /** the same, closed down to the x axis, for a soft fill */
  readonly area: string;
  /** one dot per observation */
  readonly dots: readonly { readonly x: number; readonly y: number; readonly point: PricePoint }[];
  readonly yTicks: readonly { readonly y: number; readonly amountMinor: number }[];
  readonly xTicks: readonly { readonly x: number; readonly at: number }[];
}

const DAY_MS = 86_400_000;

/** Round-ish tick values: 1, 2 or 5 × a power of ten. */
function niceStep(span: number, count: number): number {
  const raw = span / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(raw));
  const scaled = raw / power;
  return (scaled <= 1 ? 1 : scaled <= 2 ? 2 : scaled <= 5 ? 5 : 10) * power;
}

export function priceChartGeometry(points: readonly PricePoint[], now: number, box: ChartBox): PriceChartGeometry | null {
  if (points.length === 0) return null;
  const sorted = [...points].sort((a, b) => a.at - b.at);
  const first = sorted[0]!;
  const last = sorted[sorted.length - 1]!;
  // At least a week across, so a single observation still draws a line. Observations all within
  // a day (a feed imported twice in one afternoon) are spaced evenly instead, one step each.
  const byOrder = sorted.length > 1 && last.at - first.at < DAY_MS;
  const start = byOrder ? first.at : Math.min(first.at, now - 7 * DAY_MS);
  const end = Math.max(now, last.at);
  const amounts = sorted.map((point) => point.amountMinor);
  const low = Math.min(...amounts);
  const high = Math.max(...amounts);
  const pad = Math.max((high - low) * 0.15, high * 0.05, 1);
  const step = niceStep(high - low + 2 * pad, 4);
  const yMin = Math.max(0, Math.floor((low - pad) / step) * step);
  const yMax = Math.ceil((high + pad) / step) * step;

  const plotWidth = box.width - box.left - box.right;
  const plotHeight = box.height - box.top - box.bottom;
  /** Across the plot: by time, or by the observation's place in line (index -1: the end, now). */
  const share = (at: number, index: number) => (byOrder ? (index < 0 ? 1 : index / sorted.length) : (at - start) / (end - start || 1));
  const x = (at: number, index: number) => box.left + share(at, index) * plotWidth;
  const y = (amount: number) => box.top + (1 - (amount - yMin) / (yMax - yMin || 1)) * plotHeight;
  const round = (value: number) => Math.round(value * 10) / 10;

  const commands: string[] = [`M${round(x(first.at, 0))},${round(y(first.amountMinor))}`];
  for (let index = 1; index < sorted.length; index++) {
    const point = sorted[index]!;
    commands.push(`H${round(x(point.at, index))}`, `V${round(y(point.amountMinor))}`);
  }
  commands.push(`H${round(x(end, -1))}`);
  const line = commands.join(' ');
  const baseline = round(box.top + plotHeight);
  const area = `${line} V${baseline} H${round(x(first.at, 0))} Z`;

  const yTicks: { y: number; amountMinor: number }[] = [];
  for (let value = yMin; value <= yMax + step / 2; value += step) yTicks.push({ y: round(y(value)), amountMinor: value });
  const xTicks = byOrder
    ? [
        { x: round(x(first.at, 0)), at: first.at },
        { x: round(x(end, -1)), at: end },
      ]
    : [0, 0.5, 1].map((part) => {
        const at = start + (end - start) * part;
        return { x: round(box.left + part * plotWidth), at };
      });

  return { line, area, dots: sorted.map((point, index) => ({ x: round(x(point.at, index)), y: round(y(point.amountMinor)), point })), yTicks, xTicks };
}
