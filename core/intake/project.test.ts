import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { validationProblem } from '../options/item-fields.ts';
import { currencyForLocale, layoutKeptPieces, placeholderRoomShape, stageChangeText } from './project.ts';

describe('intake project', () => {
  it("lays the customer's pieces out inside the room without overlaps, as valid own pieces at no product", () => {
    const pieces = [
      { id: 'a', name: 'Grandma’s chair', category: 'armchair', widthMm: 800, depthMm: 800, heightMm: 900 },
      { id: 'b', name: 'Old sofa', category: 'sofa', widthMm: 2200, depthMm: 950, heightMm: 850 },
      { id: 'c', name: 'Bookcase', category: 'bookcase', widthMm: 1200, depthMm: 350, heightMm: 2000 },
    ];
    const room = { widthMm: 4000, depthMm: 3500 };
    const items = layoutKeptPieces(pieces, room, (piece) => `item-${piece.id}`);
    assert.deepEqual(items.map((i) => i.id), ['item-a', 'item-b', 'item-c']);
    for (const item of items) {
      assert.equal(item.productId, null);
      assert.equal(validationProblem(item), null);
      const own = item.ownPiece!;
      assert.ok(item.xMm - own.widthMm / 2 >= 0 && item.xMm + own.widthMm / 2 <= room.widthMm, `${own.name} inside in x`);
      assert.ok(item.yMm - own.depthMm / 2 >= 0 && item.yMm + own.depthMm / 2 <= room.depthMm, `${own.name} inside in y`);
    }
    for (let i = 0; i < items.length; i++) {
      for (let j = i + 1; j < items.length; j++) {
        const [a, b] = [items[i]!, items[j]!];
        const apart = Math.abs(a.xMm - b.xMm) * 2 >= a.ownPiece!.widthMm + b.ownPiece!.widthMm || Math.abs(a.yMm - b.yMm) * 2 >= a.ownPiece!.depthMm + b.ownPiece!.depthMm;
        assert.ok(apart, `${a.id} and ${b.id} do not overlap`);
      }
    }
    assert.equal(placeholderRoomShape('study').outline.length, 4);
  });

  it('currency from the locale region', () => {
    assert.equal(currencyForLocale('en-GB'), 'GBP');
    assert.equal(currencyForLocale('de-DE'), 'EUR');
    assert.equal(currencyForLocale('fr_BE'), 'EUR');
    assert.equal(currencyForLocale('en-US'), 'USD');
    assert.equal(currencyForLocale('en'), 'USD');
  });

  it('a stage change reads as a sentence naming the person and what comes next', () => {
    assert.equal(
      stageChangeText({ to: 'options_ready', actorName: 'Camille Laurent', optionCount: 2, next: { stage: 'approved', date: '2026-12-03' } }),
      'Camille finished your two options. Next: your approval, expected by Thursday 3 December.',
    );
    assert.equal(stageChangeText({ to: 'protected', actorName: 'Sam', optionCount: 0, next: null }), 'Sam turned on price protection for your purchases.');
  });
});
