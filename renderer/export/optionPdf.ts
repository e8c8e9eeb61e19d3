/**
 * [Options] An option as a PDF to share (pdf-lib): page 1 the rendered 3D view and the plan with
 * its wall lengths (vectors), then the item list with unit prices, line totals, retailer
 * subtotals and the total. Amounts and lengths arrive formatted (the person's locale and units);
 * this only lays them out. Pure: bytes in, bytes out.
 */
import { PDFDocument, rgb, StandardFonts, type PDFFont, type PDFPage } from 'pdf-lib';
import { fitPlan, type PlanShape } from './planDrawing.ts';

export interface PdfLine {
  readonly name: string;
  readonly retailer: string;
  readonly quantity: number;
  readonly unitPrice: string;
  readonly lineTotal: string;
}

export interface OptionPdfInput {
  readonly title: string;
  readonly subtitle: string;
  /** PNG bytes of the 3D view (the canvas keeps its drawing buffer); null leaves it out. */
  readonly viewPng: Uint8Array | null;
  readonly plan: PlanShape;
  readonly formatLength: (mm: number) => string;
  readonly lines: readonly PdfLine[];
  readonly subtotals: readonly { readonly retailer: string; readonly subtotal: string }[];
  readonly total: string;
  readonly labels: { readonly view: string; readonly plan: string; readonly items: string; readonly quantity: string; readonly unitPrice: string; readonly lineTotal: string; readonly subtotals: string; readonly total: string };
}

const A4 = { width: 595.28, height: 841.89 } as const;
const MARGIN = 40;
const INK = rgb(0.17, 0.16, 0.15);
const MUTED = rgb(0.4, 0.39, 0.37);

/** The standard PDF fonts speak WinAnsi: anything else becomes a near equivalent or "?". */
export function winAnsi(text: string): string {
  return text
    .replace(/[\u2212\u2013]/g, '-')
    .replace(/[\u2032]/g, "'")
    .replace(/[\u2033]/g, '"')
    .replace(/[\u00a0\u202f\u2009]/g, ' ')
    .replace(/[^\u0020-\u007e\u00a1-\u00ff\u2014\u2018\u2019\u201c\u201d\u2022\u2026\u20ac\u00d7]/g, '?');
}

function text(page: PDFPage, font: PDFFont, value: string, x: number, y: number, size: number, colour = INK): void {
  page.drawText(winAnsi(value), { x, y, size, font, color: colour });
}

function fitted(font: PDFFont, value: string, size: number, width: number): string {
  let out = winAnsi(value);
  while (out.length > 1 && font.widthOfTextAtSize(out, size) > width) out = `${out.slice(0, -2)}…`;
  return out;
}

export async function buildOptionPdf(input: OptionPdfInput): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(winAnsi(input.title));
  pdf.setCreator('Atelier');
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);

  // Page 1: the view and the plan.
  const first = pdf.addPage([A4.width, A4.height]);
  let y = A4.height - MARGIN - 18;
  text(first, bold, input.title, MARGIN, y, 18);
  y -= 18;
  text(first, font, input.subtitle, MARGIN, y, 11, MUTED);
  y -= 24;
  const boxWidth = A4.width - 2 * MARGIN;
  if (input.viewPng) {
    const image = await pdf.embedPng(input.viewPng);
    const scale = Math.min(boxWidth / image.width, 300 / image.height);
    text(first, bold, input.labels.view, MARGIN, y, 12);
    y -= 8 + image.height * scale;
    first.drawImage(image, { x: MARGIN, y, width: image.width * scale, height: image.height * scale });
    y -= 24;
  }
  text(first, bold, input.labels.plan, MARGIN, y, 12);
  const planHeight = y - MARGIN - 8;
  const top = y - 8;
  const { at } = fitPlan(input.plan.bounds, boxWidth, planHeight, 24);
  // Plan y grows downwards on screen; the PDF's grows upwards.
  const page = (p: { x: number; y: number }) => {
    const q = at(p);
    return { x: MARGIN + q.x, y: top - q.y };
  };
  const outline = input.plan.outline.map(page);
  outline.forEach((p, i) => first.drawLine({ start: p, end: outline[(i + 1) % outline.length]!, thickness: 2, color: INK }));
  for (const wall of input.plan.walls) {
    const mid = page({ x: (wall.from.x + wall.to.x) / 2, y: (wall.from.y + wall.to.y) / 2 });
    const label = winAnsi(input.formatLength(wall.lengthMm));
    text(first, font, label, mid.x - font.widthOfTextAtSize(label, 8) / 2, mid.y + 4, 8, MUTED);
  }
  for (const piece of input.plan.pieces) {
    const corners = piece.corners.map(page);
    corners.forEach((p, i) => first.drawLine({ start: p, end: corners[(i + 1) % corners.length]!, thickness: 0.75, color: rgb(0.42, 0.31, 0.16) }));
    const c = page(piece.centre);
    const label = fitted(font, piece.label, 6, 90);
    text(first, font, label, c.x - font.widthOfTextAtSize(label, 6) / 2, c.y - 2, 6);
  }

  // The item list (as many pages as it takes), retailer subtotals and the total.
  let list = pdf.addPage([A4.width, A4.height]);
  y = A4.height - MARGIN - 16;
  text(list, bold, input.labels.items, MARGIN, y, 14);
  const columns = { name: MARGIN, qty: 330, unit: 380, total: 470 };
  const header = () => {
    y -= 22;
    text(list, bold, input.labels.quantity, columns.qty, y, 9);
    text(list, bold, input.labels.unitPrice, columns.unit, y, 9);
    text(list, bold, input.labels.lineTotal, columns.total, y, 9);
    y -= 6;
  };
  header();
  for (const line of input.lines) {
    if (y < MARGIN + 40) {
      list = pdf.addPage([A4.width, A4.height]);
      y = A4.height - MARGIN;
      header();
    }
    y -= 14;
    text(list, font, fitted(font, line.name, 9, columns.qty - columns.name - 8), columns.name, y, 9);
    text(list, font, String(line.quantity), columns.qty, y, 9);
    text(list, font, line.unitPrice, columns.unit, y, 9);
    text(list, font, line.lineTotal, columns.total, y, 9);
    y -= 10;
    text(list, font, fitted(font, line.retailer, 7, columns.qty - columns.name - 8), columns.name, y, 7, MUTED);
  }
  if (y < MARGIN + 40 + 14 * (input.subtotals.length + 2)) {
    list = pdf.addPage([A4.width, A4.height]);
    y = A4.height - MARGIN;
  }
  y -= 24;
  text(list, bold, input.labels.subtotals, MARGIN, y, 11);
  for (const group of input.subtotals) {
    y -= 14;
    text(list, font, group.retailer, MARGIN, y, 9);
    text(list, font, group.subtotal, columns.total, y, 9);
  }
  y -= 20;
  text(list, bold, input.labels.total, MARGIN, y, 12);
  text(list, bold, input.total, columns.total, y, 12);
  return pdf.save();
}
