import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { inflateSync } from 'node:zlib';
import { PDFDocument, PDFRawStream, PDFName } from 'pdf-lib';
import { buildOptionPdf, winAnsi } from './optionPdf.ts';
import { planShape } from './planDrawing.ts';

/** Every page content stream, inflated, with its hex-encoded text strings decoded. */
async function pageTexts(bytes: Uint8Array): Promise<{ pages: number; text: string }> {
  const pdf = await PDFDocument.load(bytes);
  let text = '';
  for (const page of pdf.getPages()) {
    const contents = page.node.Contents();
    const refs = contents && 'asArray' in contents ? (contents as unknown as { asArray(): unknown[] }).asArray() : [contents];
    for (const ref of refs) {
      const stream = pdf.context.lookup(ref as never);
      if (!(stream instanceof PDFRawStream)) continue;
      const raw = stream.getContents();
      const filter = stream.dict.get(PDFName.of('Filter'));
      const decoded = filter ? inflateSync(raw).toString('latin1') : Buffer.from(raw).toString('latin1');
      text += decoded.replace(/<([0-9A-Fa-f]+)>\s*Tj/g, (_m, hex: string) => `${Buffer.from(hex, 'hex').toString('latin1')}\n`);
    }
  }
  return { pages: pdf.getPageCount(), text };
}

const outline = [
  { x: 0, y: 0 },
  { x: 5200, y: 0 },
  { x: 5200, y: 4200 },
  { x: 0, y: 4200 },
];
const items = [
  { id: 'a', productId: 'p1', xMm: 1500, yMm: 1500, rotationDeg: 0, elevationMm: 0, quantity: 1 },
  { id: 'b', productId: 'p2', xMm: 3500, yMm: 2500, rotationDeg: 90, elevationMm: 0, quantity: 2 },
];
const names: Record<string, { widthMm: number; depthMm: number; name: string }> = { p1: { widthMm: 2000, depthMm: 900, name: 'Oslo 3-seat sofa' }, p2: { widthMm: 600, depthMm: 600, name: 'Ashby rattan dining chair' } };
const labels = { view: 'The room', plan: 'Plan', items: 'Pieces', quantity: 'Qty', unitPrice: 'Unit price', lineTotal: 'Line total', subtotals: 'By retailer', total: 'Total' };

describe('buildOptionPdf', () => {
  it('writes the plan with wall lengths, every line, the retailer subtotals and the total', async () => {
    const plan = planShape(outline, items, (item) => names[item.productId!] ?? null);
    const bytes = await buildOptionPdf({
      title: 'Maya’s living room — Option A',
      subtitle: 'Living room · v2',
      viewPng: null,
      plan,
      formatLength: (mm) => `${(mm / 1000).toFixed(2)} m`,
      lines: [
        { name: 'Oslo 3-seat sofa', retailer: 'Nordhaus', quantity: 1, unitPrice: '$1,499.00', lineTotal: '$1,499.00' },
        { name: 'Ashby rattan dining chair', retailer: 'Brindle & Birch', quantity: 2, unitPrice: '$345.00', lineTotal: '$690.00' },
      ],
      subtotals: [
        { retailer: 'Brindle & Birch', subtotal: '$690.00' },
        { retailer: 'Nordhaus', subtotal: '$1,499.00' },
      ],
      total: '$2,189.00',
      labels,
    });
    const { pages, text } = await pageTexts(bytes);
    assert.equal(pages, 2);
    for (const expected of ['Maya’s living room — Option A', '5.20 m', '4.20 m', 'Oslo 3-seat sofa', 'Ashby rattan dining chair', 'Brindle & Birch', '$690.00', '$1,499.00', 'By retailer', '$2,189.00']) {
      assert.ok(text.includes(winAnsi(expected).replace('’', '\x92').replace('—', '\x97')), `missing ${expected}`);
    }
  });

  it('runs onto more pages for a long list', async () => {
    const lines = Array.from({ length: 120 }, (_, i) => ({ name: `Piece ${i}`, retailer: 'R', quantity: 1, unitPrice: '$1.00', lineTotal: '$1.00' }));
    const bytes = await buildOptionPdf({ title: 'Big', subtitle: '', viewPng: null, plan: planShape(outline, [], () => null), formatLength: String, lines, subtotals: [], total: '$120.00', labels });
    const { pages, text } = await pageTexts(bytes);
    assert.ok(pages >= 4, `pages: ${pages}`);
    assert.ok(text.includes('Piece 119') && text.includes('$120.00'));
  });

  it('keeps text the standard fonts can encode', () => {
    assert.equal(winAnsi('−$35.00 · 35′ 2″ 日本'), '-$35.00 · 35\' 2" ??');
  });
});
