/**
 * The price chart of a claim's evidence pack as a standalone SVG, for the retailer: the price as
 * a step line, the price paid dashed, the window shaded, the drop marked. No CSS, no fonts to
 * load — it reads the same in a mail client, a browser or a PDF.
 */
import { formatMoney, type Money } from '../../core/money.ts';

export interface ChartInput {
  readonly title: string;
  readonly paid: Money;
  readonly windowStart: string | null;
  readonly windowEnd: string | null;
  readonly points: readonly { readonly at: string; readonly price: number; readonly isEvidence: boolean }[];
}

const W = 800;
const H = 360;
const PAD = { top: 48, right: 28, bottom: 40, left: 96 };

const escapeXml = (text: string) => text.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);

export function evidenceSvg(input: ChartInput): string {
  const times = input.points.map((p) => Date.parse(p.at));
  if (input.windowStart) times.push(Date.parse(input.windowStart));
  if (input.windowEnd) times.push(Date.parse(input.windowEnd));
  const prices = [...input.points.map((p) => p.price), input.paid.amountMinor];
  const t0 = Math.min(...times);
  const t1 = Math.max(...times, t0 + 1);
  const lo = Math.min(...prices) * 0.95;
  const hi = Math.max(...prices) * 1.05 || 1;
  const x = (ms: number) => PAD.left + ((ms - t0) / (t1 - t0)) * (W - PAD.left - PAD.right);
  const y = (minor: number) => PAD.top + (1 - (minor - lo) / (hi - lo || 1)) * (H - PAD.top - PAD.bottom);
  const fmt = (minor: number) => formatMoney({ amountMinor: minor, currency: input.paid.currency });
  const parts: string[] = [];
  parts.push(`<rect width="${W}" height="${H}" fill="#ffffff"/>`);
  parts.push(`<text x="${PAD.left}" y="28" font-family="sans-serif" font-size="16" fill="#1a1a1a">${escapeXml(input.title)}</text>`);
  if (input.windowStart && input.windowEnd) {
    const a = x(Date.parse(input.windowStart));
    const b = x(Date.parse(input.windowEnd));
    parts.push(`<rect x="${a.toFixed(1)}" y="${PAD.top}" width="${(b - a).toFixed(1)}" height="${H - PAD.top - PAD.bottom}" fill="#e8f1ec"/>`);
    parts.push(`<text x="${(a + 6).toFixed(1)}" y="${PAD.top + 16}" font-family="sans-serif" font-size="12" fill="#2f6b4f">Adjustment window</text>`);
  }
  const paidY = y(input.paid.amountMinor).toFixed(1);
  parts.push(`<line x1="${PAD.left}" x2="${W - PAD.right}" y1="${paidY}" y2="${paidY}" stroke="#555" stroke-dasharray="6 4"/>`);
  parts.push(`<text x="${PAD.left - 8}" y="${paidY}" text-anchor="end" dominant-baseline="middle" font-family="sans-serif" font-size="12" fill="#555">Paid ${escapeXml(fmt(input.paid.amountMinor))}</text>`);
  const sorted = [...input.points].sort((a, b) => a.at.localeCompare(b.at));
  if (sorted.length) {
    let d = `M${x(Date.parse(sorted[0]!.at)).toFixed(1)},${y(sorted[0]!.price).toFixed(1)}`;
    for (let i = 1; i < sorted.length; i++) d += ` H${x(Date.parse(sorted[i]!.at)).toFixed(1)} V${y(sorted[i]!.price).toFixed(1)}`;
    d += ` H${(W - PAD.right).toFixed(1)}`;
    parts.push(`<path d="${d}" fill="none" stroke="#1f4e79" stroke-width="2"/>`);
  }
  for (const p of sorted) {
    const cx = x(Date.parse(p.at)).toFixed(1);
    const cy = y(p.price).toFixed(1);
    parts.push(`<circle cx="${cx}" cy="${cy}" r="${p.isEvidence ? 6 : 3}" fill="${p.isEvidence ? '#c0392b' : '#1f4e79'}"/>`);
    if (p.isEvidence) parts.push(`<text x="${cx}" y="${(Number(cy) + 22).toFixed(1)}" text-anchor="middle" font-family="sans-serif" font-size="12" fill="#c0392b">${escapeXml(`${fmt(p.price)} on ${p.at.slice(0, 10)}`)}</text>`);
  }
  parts.push(`<text x="${PAD.left}" y="${H - 12}" font-family="sans-serif" font-size="11" fill="#777">${escapeXml(new Date(t0).toISOString().slice(0, 10))}</text>`);
  parts.push(`<text x="${W - PAD.right}" y="${H - 12}" text-anchor="end" font-family="sans-serif" font-size="11" fill="#777">${escapeXml(new Date(t1).toISOString().slice(0, 10))}</text>`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" role="img" aria-label="${escapeXml(input.title)}">${parts.join('')}</svg>\n`;
}
