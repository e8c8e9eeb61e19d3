/**
 * The live swap end to end in core: swaps applied to the option document, priced from what the
 * document reads back. The deltas shown before each swap add up to the change in the total,
 * and a swap refused because a collaborator removed the piece shows no delta and changes nothing.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import * as Y from 'yjs';
import { money } from '../money.ts';
import { lookupFrom, optionTotal, swapDelta } from '../pricing/totals.ts';
import { createOptionDoc, readItem, readItems, removeItem, swapItem } from './document.ts';

const catalog = Array.from({ length: 8 }, (_, i) => ({ id: `p${i}`, retailerId: `r${i % 3}`, price: money(1_000 + i * 2_345, 'USD') }));
const lookup = lookupFrom(catalog);

describe('the live swap, priced', () => {
  it('Σ swap deltas = final total − first total, whatever the swaps and removals', () => {
    const scenarioArb = fc.record({
      items: fc.array(fc.record({ product: fc.option(fc.nat(7), { nil: null, freq: 5 }), quantity: fc.integer({ min: 1, max: 9 }) }), { minLength: 1, maxLength: 20 }),
      steps: fc.array(fc.record({ at: fc.nat(), to: fc.option(fc.nat(7), { nil: null, freq: 5 }), collaboratorRemovesIt: fc.constantFrom(false, false, false, false, true) }), { maxLength: 40 }),
    });
    fc.assert(
      fc.property(scenarioArb, ({ items, steps }) => {
        const doc = createOptionDoc({
          items: items.map((row, i) => ({ id: `i${String(i).padStart(2, '0')}`, productId: row.product === null ? null : `p${row.product}`, xMm: i * 100, yMm: 0, rotationDeg: 0, elevationMm: 0, quantity: row.quantity })),
        });
        const ids = readItems(doc).map((item) => item.id);
        const first = optionTotal(readItems(doc), lookup, 'USD').amountMinor;
        let shown = 0;
        let removedTotal = 0;
        for (const step of steps) {
          const id = ids[step.at % ids.length]!;
          const to = step.to === null ? null : `p${step.to}`;
          const before = readItem(doc, id);
          if (before && step.collaboratorRemovesIt) {
            // A collaborator removes it between the customer's drag and drop.
            removedTotal += optionTotal([before], lookup, 'USD').amountMinor;
            removeItem(doc, id, 'collaborator');
          }
          const target = readItem(doc, id);
          const delta = target ? swapDelta(target, to, lookup, 'USD').amountMinor : 0;
          const state = Y.encodeStateVector(doc);
          const result = swapItem(doc, id, to, 'me');
          if (!result.ok) {
            assert.equal(result.reason, 'item-missing');
            assert.equal(target, undefined);
            assert.deepEqual(Y.encodeStateVector(doc), state, 'a refused swap changes nothing');
            continue;
          }
          assert.equal(result.value.previousProductId, target!.productId);
          shown += delta;
        }
        assert.equal(shown - removedTotal, optionTotal(readItems(doc), lookup, 'USD').amountMinor - first);
      }),
      { numRuns: 300 },
    );
  });
});
