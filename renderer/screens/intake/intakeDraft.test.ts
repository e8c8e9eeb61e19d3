import { assert, describe, it } from '../../testing/node-test.ts';
import { draftToRequest, emptyPiece, emptyRoom, typedBudgetMinor, typedLengthMm, type IntakeDraft } from './intakeDraft.ts';

const draft = (over: Partial<IntakeDraft> = {}): IntakeDraft => ({ name: 'Our flat', rooms: [{ ...emptyRoom('living', 'Living room'), newPieces: [{ ...emptyPiece(), name: 'Chair', width: '80', depth: '82.5', height: '95' }] }], budget: '8,000', targetDate: '', address: '', style: null, ...over });

describe('intake draft', () => {
  it('lengths in the person’s units become whole millimetres', () => {
    assert.equal(typedLengthMm('82.5', 'metric'), 825);
    assert.equal(typedLengthMm('82,5', 'metric'), 825);
    assert.equal(typedLengthMm('31.5', 'imperial'), 800);
    assert.equal(typedLengthMm('0', 'metric'), null);
    assert.equal(typedLengthMm('-3', 'metric'), null);
    assert.equal(typedLengthMm('wide', 'metric'), null);
  });

  it('the budget in major units becomes minor units; negative or garbled is refused', () => {
    assert.equal(typedBudgetMinor('8,000.50', 'GBP'), 800_050);
    assert.equal(typedBudgetMinor('1 200', 'EUR'), 120_000);
    assert.equal(typedBudgetMinor('-5', 'GBP'), null);
    assert.equal(typedBudgetMinor('lots', 'GBP'), null);
  });

  it('a complete draft becomes the request; missing answers are named by the API’s paths', () => {
    const ok = draftToRequest(draft(), 'GBP', 'metric');
    assert.ok(ok.ok);
    if (ok.ok) {
      assert.deepEqual(ok.body.budget, { amountMinor: 800_000, currency: 'GBP' });
      assert.deepEqual(ok.body.rooms?.[0]?.newPieces?.[0], { name: 'Chair', category: 'armchair', widthMm: 800, depthMm: 825, heightMm: 950 });
      assert.equal(ok.body.targetDate, null);
      assert.equal('style' in ok.body, false, 'a known style is not sent again');
    }
    const skipped = draftToRequest(draft({ style: { cards: {}, colours: { temperature: 'either', lightness: 'either', intensity: 'either' }, materials: [], retailerIds: [] } }), 'GBP', 'metric');
    assert.ok(skipped.ok && !('style' in skipped.body), 'a skipped style step sends no profile');
    const answered = draftToRequest(draft({ style: { cards: { 'boho-layers': 'like' }, colours: { temperature: 'either', lightness: 'either', intensity: 'either' }, materials: [], retailerIds: [] } }), 'GBP', 'metric');
    assert.ok(answered.ok && answered.body.style?.cards['boho-layers'] === 'like');
    const bad = draftToRequest(draft({ name: ' ', rooms: [], budget: '-1' }), 'GBP', 'metric');
    assert.ok(!bad.ok);
    if (!bad.ok) assert.deepEqual(bad.problems.map((p) => p.path), ['body.name', 'body.rooms', 'body.budget.amountMinor']);
    const piece = draftToRequest(draft({ rooms: [{ ...emptyRoom('study', 'Study'), newPieces: [{ ...emptyPiece(), name: 'Desk', width: '140', depth: '', height: '74' }] }] }), 'GBP', 'metric');
    assert.ok(!piece.ok);
    if (!piece.ok) assert.deepEqual(piece.problems, [{ path: 'body.rooms.0.newPieces.0.depthMm', message: 'positiveLength' }]);
  });
});
