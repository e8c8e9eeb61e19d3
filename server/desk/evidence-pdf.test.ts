import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PDFDocument } from 'pdf-lib';
import { pdfText } from '../../test/integration/pdf-text.ts';
import { evidencePdf, type ClaimEvidence } from './evidence-pdf.ts';

const yen = (amountMinor: number) => ({ amountMinor, currency: 'JPY' });
const point = (id: string, at: string, price: number, marks: { inWindow?: boolean; isEvidence?: boolean } = {}) => ({ observationId: id, unitPrice: yen(price), observedAt: at, source: '/feeds/kyoto.csv', inWindow: marks.inWindow ?? true, belowReference: price < 120_000, isEvidence: marks.isEvidence ?? false });

/** A claim on a yen purchase whose name Helvetica cannot write in full. */
function evidence(history: ClaimEvidence['history']): ClaimEvidence {
  const claim = { id: 'c-1', lineId: 'l-1', sequence: 1, status: 'detected' as const, referenceUnitPrice: yen(120_000), amount: yen(30_000), evidence: { observationId: 'o-2', unitPrice: yen(105_000), observedAt: '2025-03-10T09:00:00.000Z' }, firstDropAt: '2025-03-10T09:00:00.000Z', refundedAmount: null, version: 1, createdAt: '2025-03-10T09:05:00.000Z', updatedAt: '2025-03-10T09:05:00.000Z' };
  return {
    claim,
    line: {
      id: 'l-1',
      customerId: 'u-1',
      projectId: null,
      product: { id: 'p-1', name: '北欧 Sofá “Kyō”', sku: 'KY-7', imageUrl: null },
      retailer: { id: 'r-1', name: 'Kyōto Living', policy: { windowDays: 14, windowFrom: 'purchase', adjustments: 'one', excludeFinalSale: true } },
      quantity: 2,
      unitPricePaid: yen(120_000),
      purchasedAt: '2025-03-01T09:00:00.000Z',
      deliveredAt: null,
      orderRef: 'KY-1',
      finalSale: false,
      watch: { status: 'open', closedReason: null, closedAt: null, windowStart: '2025-03-01T09:00:00.000Z', windowEnd: '2025-03-15T09:00:00.000Z', daysLeft: 3 },
      claims: [claim],
    },
    history,
    paidUnitPrice: yen(120_000),
    drop: { from: yen(120_000), to: yen(105_000), perUnit: yen(15_000), observedAt: '2025-03-10T09:00:00.000Z', firstDropAt: '2025-03-10T09:00:00.000Z' },
  };
}

describe('evidencePdf', () => {
  it('writes yen without minor units and stands in for what the font cannot write, rather than failing', async () => {
    const bytes = await evidencePdf(evidence([point('o-1', '2025-03-02T09:00:00.000Z', 120_000), point('o-2', '2025-03-10T09:00:00.000Z', 105_000, { isEvidence: true })]), { now: '2025-03-12T00:00:00.000Z' });
    const text = await pdfText(bytes);
    const says = (expected: string) => text.some((t) => t.includes(expected));
    assert.ok(says('?? Sofá “Ky?” - Ky?to Living SKU KY-7'), text.join(' | '));
    assert.ok(says('2 x ¥120,000 = ¥240,000'), text.join(' | '));
    assert.ok(says('¥30,000 (2 x ¥15,000)'));
    assert.ok(!text.some((t) => /¥[\d,]+\.\d/.test(t)), 'no decimals on yen');
    assert.ok(says('Mar 1, 2025, 09:00 AM UTC to Mar 15, 2025, 09:00 AM UTC'));
    assert.equal((await PDFDocument.load(bytes)).getCreationDate()?.toISOString(), '2025-03-12T00:00:00.000Z', 'dated when made, not when saved');
  });

  it('draws a chart with no observations in the claimed currency (only the price paid)', async () => {
    const bytes = await evidencePdf(evidence([]), { now: '2025-03-12T00:00:00.000Z' });
    assert.equal((await PDFDocument.load(bytes)).getPageCount(), 1);
    assert.ok((await pdfText(bytes)).some((t) => t === 'Observations (0)'));
  });
});
