/**
 * A claim's evidence for the retailer as one PDF: the purchase line, the retailer's policy and
 * window, the claim, and the price-history chart drawn as vectors — the price as a step line
 * (core/watch/chart.ts, the same geometry the app draws), the price paid dashed, the window
 * shaded, the drop marked — then every observation in a table. The standard Helvetica needs no
 * font file; text it cannot encode is written with a stand-in rather than failing the pack.
 */
import { LineCapStyle, PDFDocument, StandardFonts, rgb, type Color, type PDFFont, type PDFPage } from 'pdf-lib';
import type { ResponseOf } from '../../core/api/endpoint.ts';
import type { claimEvidence } from '../../core/api/watch.ts';
import { formatMoney, type Money } from '../../core/money.ts';
import { chartGeometry } from '../../core/watch/chart.ts';

export type ClaimEvidence = ResponseOf<typeof claimEvidence>;

export interface EvidencePdfOptions {
  /** When the pack is made (the chart runs until then, within the window). */
  readonly now: string;
  /** How amounts and dates are written (default en-US). */
  readonly locale?: string;
  /** What the CSV beside the PDF is called, to point at it. */
  readonly csvName?: string;
}

const PAGE = { width: 595.28, height: 841.89 };
const MARGIN = 48;
const INK = rgb(0.1, 0.1, 0.1);
const MUTED = rgb(0.42, 0.42, 0.42);
const RULE = rgb(0.85, 0.85, 0.85);
const PRICE = rgb(0.12, 0.31, 0.47);
const DROP = rgb(0.75, 0.22, 0.17);
const WINDOW = rgb(0.91, 0.95, 0.93);
const WINDOW_INK = rgb(0.18, 0.42, 0.31);

interface Writer {
  readonly doc: PDFDocument;
  readonly regular: PDFFont;
  readonly bold: PDFFont;
  page: PDFPage;
  /** The baseline of the next line, from the page's bottom. */
  y: number;
}

/** Characters Helvetica (WinAnsi) cannot write become their nearest plain form, or "?". */
function encodable(font: PDFFont, text: string): string {
  const known = new Set(font.getCharacterSet());
  let out = '';
  for (const char of text.replace(/[\u2009\u202f\u2007]/g, ' ').replace(/\u2212/g, '-').replace(/\u2192/g, '->')) {
    out += known.has(char.codePointAt(0)!) ? char : '?';
  }
  return out;
}

function text(w: Writer, value: string, at: { x: number; y: number; size?: number; font?: PDFFont; color?: Color; align?: 'left' | 'right' | 'center' }): number {
  const font = at.font ?? w.regular;
  const size = at.size ?? 10;
  const safe = encodable(font, value);
  const width = font.widthOfTextAtSize(safe, size);
  const x = at.align === 'right' ? at.x - width : at.align === 'center' ? at.x - width / 2 : at.x;
  w.page.drawText(safe, { x, y: at.y, size, font, color: at.color ?? INK });
  return width;
}

/** Cuts a line to fit `maxWidth`, with an ellipsis. */
function fitted(font: PDFFont, value: string, size: number, maxWidth: number): string {
  let safe = encodable(font, value);
  if (font.widthOfTextAtSize(safe, size) <= maxWidth) return safe;
  while (safe.length > 1 && font.widthOfTextAtSize(`${safe}...`, size) > maxWidth) safe = safe.slice(0, -1);
  return `${safe}...`;
}

export async function evidencePdf(evidence: ClaimEvidence, options: EvidencePdfOptions): Promise<Uint8Array> {
  const locale = options.locale ?? 'en-US';
  const money = (value: Money) => formatMoney(value, locale);
  const day = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });
  const dayTime = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'UTC', timeZoneName: 'short' });
  const shortDay = new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric', timeZone: 'UTC' });
  const date = (iso: string) => day.format(new Date(iso));
  const { claim, line, drop } = evidence;
  const policy = line.retailer.policy;
  const currency = evidence.paidUnitPrice.currency;

  const doc = await PDFDocument.create();
  const title = `Price adjustment evidence: ${line.product.name} (${line.retailer.name} SKU ${line.product.sku})`;
  doc.setTitle(title);
  doc.setSubject(`Claim ${claim.id} on order ${line.orderRef}`);
  doc.setKeywords([line.product.sku, line.orderRef, claim.id, line.retailer.name]);
  doc.setProducer('Atelier');
  doc.setCreator('Atelier refund desk');
  doc.setCreationDate(new Date(options.now));
  doc.setModificationDate(new Date(options.now));
  const w: Writer = { doc, regular: await doc.embedFont(StandardFonts.Helvetica), bold: await doc.embedFont(StandardFonts.HelveticaBold), page: doc.addPage([PAGE.width, PAGE.height]), y: PAGE.height - MARGIN };
  const contentWidth = PAGE.width - 2 * MARGIN;

  // Heading.
  w.y -= 14;
  text(w, 'Price adjustment claim: evidence', { x: MARGIN, y: w.y, size: 18, font: w.bold });
  w.y -= 20;
  w.page.drawText(fitted(w.regular, `${line.product.name} - ${line.retailer.name} SKU ${line.product.sku}`, 12, contentWidth), { x: MARGIN, y: w.y, size: 12, font: w.regular, color: INK });
  w.y -= 24;

  // The facts a retailer checks, label beside value.
  const windowText = line.watch.windowStart && line.watch.windowEnd ? `${dayTime.format(new Date(line.watch.windowStart))} to ${dayTime.format(new Date(line.watch.windowEnd))}` : 'not started (waiting for delivery)';
  const lineTotal: Money = { amountMinor: line.unitPricePaid.amountMinor * line.quantity, currency };
  const facts: [string, string][] = [
    ['Order', `${line.orderRef} at ${line.retailer.name}`],
    ['Purchased', `${date(line.purchasedAt)}${line.deliveredAt ? `, delivered ${date(line.deliveredAt)}` : ''}`],
    ['Purchase line', `${line.quantity} x ${money(line.unitPricePaid)} = ${money(lineTotal)}${line.finalSale ? ' (final sale)' : ''}`],
    ['Policy', `${policy.windowDays}-day price adjustment window from ${policy.windowFrom}; ${policy.adjustments === 'one' ? 'one adjustment' : 'unlimited adjustments'}; final sale ${policy.excludeFinalSale ? 'excluded' : 'covered'}`],
    ['Window', windowText],
    ['Price drop', `${money(drop.from)} to ${money(drop.to)} on ${dayTime.format(new Date(drop.observedAt))} (${money(drop.perUnit)} per unit)`],
    ['Claim amount', `${money(claim.amount)} (${line.quantity} x ${money(drop.perUnit)})`],
    ['Claim', `${claim.id}, ${claim.status}`],
  ];
  const labelWidth = 92;
  for (const [label, value] of facts) {
    text(w, label, { x: MARGIN, y: w.y, size: 10, font: w.bold, color: MUTED });
    w.page.drawText(fitted(w.regular, value, 10, contentWidth - labelWidth), { x: MARGIN + labelWidth, y: w.y, size: 10, font: label === 'Claim amount' ? w.bold : w.regular, color: INK });
    w.y -= 15;
  }
  w.y -= 10;

  // The chart.
  text(w, 'Price history', { x: MARGIN, y: w.y, size: 12, font: w.bold });
  w.y -= 8;
  drawChart(w, evidence, { top: w.y, height: 250, width: contentWidth, now: options.now, money: (minor) => money({ amountMinor: minor, currency }), tick: (ms) => shortDay.format(new Date(ms)) });
  w.y -= 250 + 14;
  drawLegend(w);
  w.y -= 26;

  // Every observation, continuing on new pages.
  const rows = evidence.history;
  text(w, `Observations (${rows.length})${options.csvName ? `, also in ${options.csvName}` : ''}`, { x: MARGIN, y: w.y, size: 12, font: w.bold });
  w.y -= 18;
  const columns = [
    { label: 'Observed', x: MARGIN },
    { label: 'Price', x: MARGIN + 190, align: 'right' as const },
    { label: 'Source', x: MARGIN + 205 },
    { label: 'Note', x: MARGIN + 360 },
  ];
  const header = () => {
    for (const c of columns) text(w, c.label, { x: c.x, y: w.y, size: 9, font: w.bold, color: MUTED, align: c.align });
    w.y -= 4;
    w.page.drawLine({ start: { x: MARGIN, y: w.y }, end: { x: PAGE.width - MARGIN, y: w.y }, thickness: 0.5, color: RULE });
    w.y -= 11;
  };
  header();
  for (const point of rows) {
    if (w.y < MARGIN + 24) {
      w.page = doc.addPage([PAGE.width, PAGE.height]);
      w.y = PAGE.height - MARGIN - 10;
      header();
    }
    const color = point.isEvidence ? DROP : INK;
    const font = point.isEvidence ? w.bold : w.regular;
    text(w, dayTime.format(new Date(point.observedAt)), { x: columns[0]!.x, y: w.y, size: 9, font, color });
    text(w, money(point.unitPrice), { x: columns[1]!.x, y: w.y, size: 9, font, color, align: 'right' });
    w.page.drawText(fitted(w.regular, sourceName(point.source), 9, 150), { x: columns[2]!.x, y: w.y, size: 9, font: w.regular, color: MUTED });
    const note = point.isEvidence ? 'the drop claimed' : point.inWindow ? (point.belowReference ? 'in window, below reference' : 'in window') : 'outside the window';
    text(w, note, { x: columns[3]!.x, y: w.y, size: 9, font, color: point.isEvidence ? DROP : MUTED });
    w.y -= 13;
  }

  const pages = doc.getPages();
  pages.forEach((page, index) => {
    w.page = page;
    text(w, `Atelier evidence pack, made ${dayTime.format(new Date(options.now))}`, { x: MARGIN, y: MARGIN - 20, size: 8, color: MUTED });
    text(w, `Page ${index + 1} of ${pages.length}`, { x: PAGE.width - MARGIN, y: MARGIN - 20, size: 8, color: MUTED, align: 'right' });
  });
  return doc.save();
}

interface ChartBox {
  readonly top: number;
  readonly width: number;
  readonly height: number;
  readonly now: string;
  readonly money: (minor: number) => string;
  readonly tick: (ms: number) => string;
}

/** The chart's geometry is in SVG's terms (y down from the box's top); the page's y runs up. */
function drawChart(w: Writer, evidence: ClaimEvidence, box: ChartBox): void {
  const { line, claim } = evidence;
  const currency = evidence.paidUnitPrice.currency;
  const paid = evidence.paidUnitPrice.amountMinor;
  const g = chartGeometry({
    points: evidence.history
      .filter((p) => p.unitPrice.currency === currency)
      .map((p) => ({ id: p.observationId, at: Date.parse(p.observedAt), price: p.unitPrice.amountMinor, isEvidence: p.isEvidence, inWindow: p.inWindow })),
    paid,
    windowStart: line.watch.windowStart ? Date.parse(line.watch.windowStart) : null,
    windowEnd: line.watch.windowEnd ? Date.parse(line.watch.windowEnd) : null,
    now: Date.parse(box.now),
    width: box.width,
    height: box.height,
    padding: { top: 12, right: 12, bottom: 26, left: 78 },
  });
  const ox = MARGIN;
  const X = (x: number) => ox + x;
  const Y = (y: number) => box.top - y;
  const page = w.page;
  const { plot } = g;

  if (g.band) {
    page.drawRectangle({ x: X(g.band.x0), y: Y(plot.bottom), width: g.band.x1 - g.band.x0, height: plot.bottom - plot.top, color: WINDOW });
    text(w, 'Adjustment window', { x: X(g.band.x0) + 4, y: Y(plot.top) - 11, size: 8, color: WINDOW_INK });
  }
  for (const tick of g.yTicks) {
    if (tick.y < plot.top - 0.5 || tick.y > plot.bottom + 0.5) continue;
    page.drawLine({ start: { x: X(plot.left), y: Y(tick.y) }, end: { x: X(plot.right), y: Y(tick.y) }, thickness: 0.4, color: RULE });
    text(w, box.money(tick.price), { x: X(plot.left) - 6, y: Y(tick.y) - 3, size: 8, color: MUTED, align: 'right' });
  }
  for (const tick of g.xTicks) {
    page.drawLine({ start: { x: X(tick.x), y: Y(plot.bottom) }, end: { x: X(tick.x), y: Y(plot.bottom) - 4 }, thickness: 0.6, color: MUTED });
    text(w, box.tick(tick.at), { x: X(tick.x), y: Y(plot.bottom) - 14, size: 8, color: MUTED, align: 'center' });
  }
  page.drawLine({ start: { x: X(plot.left), y: Y(plot.top) }, end: { x: X(plot.left), y: Y(plot.bottom) }, thickness: 0.8, color: MUTED });
  page.drawLine({ start: { x: X(plot.left), y: Y(plot.bottom) }, end: { x: X(plot.right), y: Y(plot.bottom) }, thickness: 0.8, color: MUTED });

  // The price paid, dashed; the claim's reference too when a filed adjustment moved it.
  page.drawLine({ start: { x: X(plot.left), y: Y(g.paidY) }, end: { x: X(plot.right), y: Y(g.paidY) }, thickness: 1, color: MUTED, dashArray: [5, 3] });
  text(w, `Paid ${box.money(paid)}`, { x: X(plot.right) - 2, y: Y(g.paidY) + 4, size: 8, color: MUTED, align: 'right' });
  const reference = claim.referenceUnitPrice.amountMinor;
  if (reference !== paid) {
    page.drawLine({ start: { x: X(plot.left), y: Y(g.y(reference)) }, end: { x: X(plot.right), y: Y(g.y(reference)) }, thickness: 0.8, color: MUTED, dashArray: [2, 2] });
    text(w, `Reference ${box.money(reference)}`, { x: X(plot.right) - 2, y: Y(g.y(reference)) + 4, size: 8, color: MUTED, align: 'right' });
  }

  if (g.path) page.drawSvgPath(g.path, { x: ox, y: box.top, borderColor: PRICE, borderWidth: 1.6, borderLineCap: LineCapStyle.Round });
  for (const dot of g.dots) if (!dot.isEvidence) page.drawCircle({ x: X(dot.cx), y: Y(dot.cy), size: 2.2, color: PRICE });

  if (g.evidence) {
    // The drop: a bracket from the reference down to the evidence, with what it is worth per unit.
    const { cx, cy } = g.evidence;
    const refY = g.y(reference);
    const bx = cx + 10 < plot.right - 90 ? cx + 10 : cx - 10;
    page.drawLine({ start: { x: X(bx), y: Y(refY) }, end: { x: X(bx), y: Y(cy) }, thickness: 1.2, color: DROP });
    page.drawLine({ start: { x: X(bx) - 3, y: Y(refY) }, end: { x: X(bx) + 3, y: Y(refY) }, thickness: 1.2, color: DROP });
    page.drawLine({ start: { x: X(bx) - 3, y: Y(cy) }, end: { x: X(bx) + 3, y: Y(cy) }, thickness: 1.2, color: DROP });
    page.drawCircle({ x: X(cx), y: Y(cy), size: 4.5, color: DROP, borderColor: rgb(1, 1, 1), borderWidth: 1 });
    const label = `-${box.money(reference - evidence.drop.to.amountMinor)} to ${box.money(evidence.drop.to.amountMinor)}`;
    const right = bx >= cx;
    const labelWidth = w.bold.widthOfTextAtSize(encodable(w.bold, label), 9);
    const labelX = X(bx) + (right ? 6 : -6 - labelWidth);
    const labelY = Y((refY + cy) / 2) - 3;
    // On a white card, so the step line behind it does not cross the words.
    w.page.drawRectangle({ x: labelX - 3, y: labelY - 3, width: labelWidth + 6, height: 13, color: rgb(1, 1, 1), opacity: 0.9 });
    text(w, label, { x: labelX, y: labelY, size: 9, font: w.bold, color: DROP });
  }
}

function drawLegend(w: Writer): void {
  const y = w.y;
  let x = MARGIN;
  w.page.drawLine({ start: { x, y: y + 3 }, end: { x: x + 18, y: y + 3 }, thickness: 1.6, color: PRICE });
  x += 22 + text(w, 'Price seen at the retailer', { x: x + 22, y, size: 8, color: MUTED }) + 16;
  w.page.drawLine({ start: { x, y: y + 3 }, end: { x: x + 18, y: y + 3 }, thickness: 1, color: MUTED, dashArray: [5, 3] });
  x += 22 + text(w, 'Price paid', { x: x + 22, y, size: 8, color: MUTED }) + 16;
  w.page.drawCircle({ x: x + 4, y: y + 3, size: 4, color: DROP });
  x += 12 + text(w, 'The drop claimed', { x: x + 12, y, size: 8, color: MUTED }) + 16;
  w.page.drawRectangle({ x, y: y - 1, width: 14, height: 8, color: WINDOW });
  text(w, 'Adjustment window', { x: x + 18, y, size: 8, color: MUTED });
}

/** A file path reads as its file name; a feed URL as its host and path. */
function sourceName(source: string): string {
  if (/^https?:\/\//i.test(source)) return source.replace(/^https?:\/\//i, '');
  return source.split(/[\\/]/).pop() ?? source;
}
