import { assert, describe, it } from '../../testing/node-test.ts';
import { csvHeader, guessColumns, guessDelimiter, guessUnits, INITIAL_MAPPING, looksLikeCsv, previewSample, toServerMapping, unknownCategories } from './importMapping.ts';

describe('import mapping', () => {
  it('guesses a German feed’s columns, units and delimiter', () => {
    const header = ['Artikel', 'Bezeichnung', 'Kategorie', 'Breite (cm)', 'Tiefe (cm)', 'Höhe (cm)', 'Preis', 'Farben'];
    const columns = guessColumns(header);
    assert.deepEqual(columns, { sku: 'Artikel', name: 'Bezeichnung', category: 'Kategorie', width: 'Breite (cm)', depth: 'Tiefe (cm)', height: 'Höhe (cm)', price: 'Preis', colours: 'Farben' });
    assert.equal(guessUnits(header, columns), 'cm');
    assert.equal(guessDelimiter('Artikel;Bezeichnung;Kategorie\n1;2;3'), ';');
  });

  it('builds the server mapping only once every required column is mapped', () => {
    assert.equal(toServerMapping(INITIAL_MAPPING, 'EUR'), null);
    const mapping = { ...INITIAL_MAPPING, decimalSeparator: ',' as const, thousandsSeparator: ',' as const, columns: guessColumns(['sku', 'name', 'category', 'width_mm', 'depth_mm', 'height_mm', 'price']) };
    const server = toServerMapping(mapping, 'EUR');
    assert.ok(server);
    assert.equal(server.thousandsSeparator, '', 'the same separator twice falls back to none');
    assert.equal(server.defaultCurrency, 'EUR');
  });

  it('reads unknown categories from the preview’s reasons and samples whole lines', () => {
    assert.deepEqual(unknownCategories(['Kategorie: "Sessel" is not one of our categories', 'price: must be greater than zero']), ['Sessel']);
    const sample = previewSample('a\nbb\nccc\n', 5);
    assert.deepEqual(sample, { text: 'a\nbb\n', complete: false });
  });
});

describe('csv header', () => {
  it('splits the first line under the chosen delimiter, quotes respected', () => {
    assert.deepEqual(csvHeader('\uFEFFArtikel;"Breite; cm";Preis\r\n1;2;3', ';'), ['Artikel', 'Breite; cm', 'Preis']);
    assert.equal(looksLikeCsv('[{"sku":1}]'), false);
    assert.equal(looksLikeCsv('sku,name'), true);
  });
});
