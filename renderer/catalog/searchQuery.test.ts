import { assert, describe, it } from '../testing/node-test.ts';
import { EMPTY_FILTERS, maxPriceMinor, searchKey, toSearchParams } from './searchQuery.ts';

describe('catalog search query', () => {
  it('sends only what is chosen, the price cap in minor units of its currency', () => {
    const query = toSearchParams({ ...EMPTY_FILTERS, text: '  velvet sofa ', retailerIds: ['r1', 'r2'], maxPrice: '1,500', currency: 'USD', fitsWidthMm: 900, fitsDepthMm: 500 }) as Record<string, unknown>;
    assert.equal(query.q, 'velvet sofa');
    assert.equal(query.retailerId, 'r1,r2');
    assert.equal(query.maxPriceMinor, 150_000);
    assert.equal(query.currency, 'USD');
    assert.equal(query.fits, '900x500');
    assert.equal(query.category, undefined);
  });

  it('leaves out a price cap that is not an amount, and JPY has no minor units', () => {
    const query = toSearchParams({ ...EMPTY_FILTERS, maxPrice: 'cheap', currency: 'USD' }) as Record<string, unknown>;
    assert.equal(query.maxPriceMinor, undefined);
    assert.equal(query.currency, undefined);
    assert.equal(maxPriceMinor('1500', 'JPY'), 1500);
    assert.equal(maxPriceMinor('0', 'USD'), null);
  });

  it('keys equal questions equally, so trailing spaces never fetch again', () => {
    assert.equal(searchKey({ ...EMPTY_FILTERS, text: 'oak' }), searchKey({ ...EMPTY_FILTERS, text: 'oak ' }));
    assert.notEqual(searchKey({ ...EMPTY_FILTERS, text: 'oak' }), searchKey({ ...EMPTY_FILTERS, text: 'oa' }));
  });
});
