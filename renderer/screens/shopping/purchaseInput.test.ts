import { assert, describe, it } from '../../testing/node-test.ts';
import { checkPurchase, localDay, priceText } from './purchaseInput.ts';

describe('mark purchased input', () => {
  const today = '2026-11-26';
  it('turns the typed price into minor units and the day into an instant', () => {
    assert.deepEqual(checkPurchase({ orderRef: ' A-17 ', price: '1,299.50', date: '2026-11-20' }, 'USD', today), { ok: true, orderRef: 'A-17', unitPricePaid: { amountMinor: 129_950, currency: 'USD' }, purchasedAt: '2026-11-20T00:00:00Z' });
    assert.deepEqual(checkPurchase({ orderRef: 'J', price: '500', date: today }, 'JPY', today).ok, true);
  });
  it('refuses a negative or zero price, a missing order, a bad or future date — naming the field', () => {
    assert.deepEqual(checkPurchase({ orderRef: 'A', price: '-12.00', date: today }, 'USD', today), { ok: false, field: 'price', problem: 'priceNotPositive' });
    assert.deepEqual(checkPurchase({ orderRef: 'A', price: '0', date: today }, 'USD', today), { ok: false, field: 'price', problem: 'priceNotPositive' });
    assert.deepEqual(checkPurchase({ orderRef: 'A', price: 'twelve', date: today }, 'USD', today), { ok: false, field: 'price', problem: 'priceInvalid' });
    assert.deepEqual(checkPurchase({ orderRef: '  ', price: '1', date: today }, 'USD', today), { ok: false, field: 'orderRef', problem: 'orderRefRequired' });
    assert.deepEqual(checkPurchase({ orderRef: 'A', price: '1', date: '2026-11-27' }, 'USD', today), { ok: false, field: 'date', problem: 'dateInFuture' });
    assert.deepEqual(checkPurchase({ orderRef: 'A', price: '1', date: '26/11/2026' }, 'USD', today), { ok: false, field: 'date', problem: 'dateInvalid' });
  });
  it('starts the price field at the list price, in major units', () => {
    assert.equal(priceText({ amountMinor: 129_900, currency: 'USD' }), '1299.00');
    assert.equal(priceText({ amountMinor: 500, currency: 'JPY' }), '500');
    assert.equal(localDay(new Date(2026, 0, 5)), '2026-01-05');
  });
});
