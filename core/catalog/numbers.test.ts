import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseMoneyAmount } from '../money.ts';
import { parseExactDecimal, parseLengthMm, parsePriceMinor, type NumberFormat } from './numbers.ts';

const FORMATS: readonly NumberFormat[] = [
  { decimal: '.', thousands: ',' },
  { decimal: ',', thousands: '.' },
  { decimal: ',', thousands: ' ' },
  { decimal: '.', thousands: "'" },
  { decimal: '.', thousands: '' },
];

/** Writes a non-negative integer count of hundredths the way a feed in `format` would. */
function writeHundredths(hundredths: number, format: NumberFormat, grouped: boolean): string {
  const whole = String(Math.floor(hundredths / 100));
  const fraction = String(hundredths % 100).padStart(2, '0');
  const groupedWhole = grouped && format.thousands !== '' ? whole.replace(/\B(?=(\d{3})+(?!\d))/g, format.thousands) : whole;
  return `${groupedWhole}${format.decimal}${fraction}`;
}

test('lengths in mm, cm, m and inches become whole millimetres', () => {
  const point: NumberFormat = { decimal: '.', thousands: ',' };
  assert.equal(parseLengthMm('2100', 'mm', point), 2100);
  assert.equal(parseLengthMm('210.5', 'cm', point), 2105);
  assert.equal(parseLengthMm('2.1', 'm', point), 2100);
  assert.equal(parseLengthMm('33', 'in', point), 838);
  assert.equal(parseLengthMm('0.5', 'mm', point), 1);
  assert.equal(parseLengthMm('82,5', 'cm', { decimal: ',', thousands: '' }), 825);
  assert.equal(parseLengthMm('1,200', 'mm', point), 1200);
});

test('a unit written in the cell wins over the column unit', () => {
  const point: NumberFormat = { decimal: '.', thousands: ',' };
  assert.equal(parseLengthMm('82 cm', 'mm', point), 820);
  assert.equal(parseLengthMm('30"', 'cm', point), 762);
  assert.equal(parseLengthMm('12 in', 'mm', point), 305);
  assert.equal(parseLengthMm('2 m', 'mm', point), 2000);
  assert.equal(parseLengthMm('450mm', 'in', point), 450);
});

test('misplaced thousands separators and non-numbers are refused with a reason', () => {
  const point: NumberFormat = { decimal: '.', thousands: ',' };
  assert.throws(() => parseExactDecimal('12,99', point), /thousands separator in the wrong place/);
  assert.throws(() => parseExactDecimal('1,29.00', point), /thousands separator in the wrong place/);
  assert.throws(() => parseExactDecimal(',500', point), /thousands separator in the wrong place/);
  assert.throws(() => parseExactDecimal('1299.00', { decimal: ',', thousands: '.' }), /thousands separator in the wrong place/);
  assert.throws(() => parseExactDecimal('1,299.00', { decimal: '.', thousands: '' }), /thousands separator "," which|does not use/);
  for (const bad of ['abc', '', '  ', '1e3', '12.', '.5', '--1', '1.2.3', 'NaN', 'twelve']) {
    assert.throws(() => parseExactDecimal(bad, point), RangeError, bad);
  }
});

test('prices become minor units of the currency, exactly', () => {
  const point: NumberFormat = { decimal: '.', thousands: ',' };
  assert.equal(parsePriceMinor('1,299.99', 'USD', point), 129999);
  assert.equal(parsePriceMinor('1299', 'GBP', point), 129900);
  assert.equal(parsePriceMinor('0.10', 'EUR', point), 10);
  assert.equal(parsePriceMinor('1.299,5', 'EUR', { decimal: ',', thousands: '.' }), 129950);
  assert.equal(parsePriceMinor('1500', 'JPY', point), 1500);
  assert.equal(parsePriceMinor('12.500', 'USD', point), 1250);
  assert.throws(() => parsePriceMinor('12.505', 'USD', point), /more than 2 decimal places/);
  assert.equal(parsePriceMinor('-5.00', 'USD', point), -500);
});

test('property: a price written in any format reads back as the same minor units', () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 99_999_999_999 }), fc.constantFrom(...FORMATS), fc.boolean(), (hundredths, format, grouped) => {
      assert.equal(parsePriceMinor(writeHundredths(hundredths, format, grouped), 'USD', format), hundredths);
    }),
  );
});

test('property: agrees with core parseMoneyAmount on point-decimal text', () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 9_999_999_999 }), fc.boolean(), (hundredths, grouped) => {
      const text = writeHundredths(hundredths, { decimal: '.', thousands: ',' }, grouped);
      assert.equal(parsePriceMinor(text, 'USD', { decimal: '.', thousands: ',' }), parseMoneyAmount(text, 'USD'));
    }),
  );
});

test('property: whole millimetres round-trip through every unit within half a millimetre', () => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 20_000 }), (mm) => {
      const point: NumberFormat = { decimal: '.', thousands: '' };
      assert.equal(parseLengthMm(String(mm), 'mm', point), mm);
      assert.equal(parseLengthMm((mm / 10).toFixed(1), 'cm', point), mm);
      assert.equal(parseLengthMm((mm / 1000).toFixed(3), 'm', point), mm);
      // 0.01 in is 0.254 mm, so two decimals of inches always land on the same millimetre.
      assert.equal(parseLengthMm((mm / 25.4).toFixed(2), 'in', point), mm);
    }),
  );
});

test('property: parsing is monotonic — a larger number never gives fewer millimetres', () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 0, max: 10_000_000 }), fc.constantFrom('mm', 'cm', 'm', 'in' as const), (a, b, unit) => {
      const format: NumberFormat = { decimal: '.', thousands: '' };
      const [low, high] = a <= b ? [a, b] : [b, a];
      const read = (thousandths: number) => parseLengthMm((thousandths / 1000).toFixed(3), unit, format);
      assert.ok(read(low) <= read(high));
    }),
  );
});

test('property: a grouping separator anywhere but between groups of three is refused', () => {
  fc.assert(
    fc.property(fc.stringMatching(/^[1-9]\d{0,8}$/), fc.integer({ min: 1, max: 8 }), (digits, at) => {
      fc.pre(at < digits.length && (digits.length - at) % 3 !== 0);
      const text = `${digits.slice(0, at)},${digits.slice(at)}`;
      assert.throws(() => parseExactDecimal(text, { decimal: '.', thousands: ',' }), /wrong place/);
    }),
  );
});
