/**
 * Money is an integer count of minor units plus an ISO-4217 currency code.
 * Never a float; a sum across currencies is an error, not a silent conversion.
 */
export interface Money {
  readonly amountMinor: number;
  readonly currency: string;
}

export class CurrencyMismatchError extends Error {
  readonly currencies: readonly string[];
  constructor(currencies: readonly string[]) {
    super(`Cannot combine amounts in different currencies: ${[...new Set(currencies)].join(', ')}`);
    this.name = 'CurrencyMismatchError';
    this.currencies = currencies;
  }
}

const CURRENCY_CODE = /^[A-Z]{3}$/;

export function isCurrencyCode(code: string): boolean {
  return CURRENCY_CODE.test(code);
}

export function money(amountMinor: number, currency: string): Money {
  if (!Number.isSafeInteger(amountMinor)) {
    throw new RangeError(`Money amount must be an integer count of minor units, got ${amountMinor}`);
  }
  if (!isCurrencyCode(currency)) {
    throw new RangeError(`Currency must be an ISO-4217 code like "USD", got "${currency}"`);
  }
  return { amountMinor, currency };
}

function assertSameCurrency(a: Money, b: Money): void {
  if (a.currency !== b.currency) throw new CurrencyMismatchError([a.currency, b.currency]);
}

export function addMoney(a: Money, b: Money): Money {
  assertSameCurrency(a, b);
  return money(a.amountMinor + b.amountMinor, a.currency);
}

export function subtractMoney(a: Money, b: Money): Money {
  assertSameCurrency(a, b);
  return money(a.amountMinor - b.amountMinor, a.currency);
}

export function multiplyMoney(a: Money, factor: number): Money {
  if (!Number.isSafeInteger(factor)) throw new RangeError(`Quantity must be an integer, got ${factor}`);
  return money(a.amountMinor * factor, a.currency);
}

/** Sums amounts of one currency. An empty list sums to zero in `currency`. */
export function sumMoney(amounts: readonly Money[], currency: string): Money {
  let total = 0;
  for (const amount of amounts) {
    if (amount.currency !== currency) throw new CurrencyMismatchError([currency, amount.currency]);
    total += amount.amountMinor;
  }
  return money(total, currency);
}

const digitsByCurrency = new Map<string, number>();

/** Number of minor units per major unit for a currency (JPY has none, KWD has three). */
export function minorUnitDigits(currency: string): number {
  let digits = digitsByCurrency.get(currency);
  if (digits === undefined) {
    digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    digitsByCurrency.set(currency, digits);
  }
  return digits;
}

// Building an Intl.NumberFormat costs far more than formatting with one (a feed may word
// thousands of notifications at once), so each locale × currency × sign style is built once.
const moneyFormats = new Map<string, Intl.NumberFormat>();

export function formatMoney(value: Money, locale = 'en-US', options: { signed?: boolean } = {}): string {
  const digits = minorUnitDigits(value.currency);
  const key = `${locale}|${value.currency}|${options.signed ? 's' : ''}`;
  let formatter = moneyFormats.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency: value.currency,
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
      signDisplay: options.signed ? 'exceptZero' : 'auto',
    });
    moneyFormats.set(key, formatter);
  }
  return formatter.format(value.amountMinor / 10 ** digits);
}

/**
 * Parses a decimal amount written by a person or a feed ("1299.99", "1,299.99") into minor units.
 * Exact: works on the digits, never through floating point.
 */
export function parseMoneyAmount(text: string, currency: string, separators: { decimal: string; thousands: string } = { decimal: '.', thousands: ',' }): number {
  const trimmed = text.trim();
  if (trimmed === '') throw new RangeError('amount is empty');
  const digits = minorUnitDigits(currency);
  const { decimal, thousands } = separators;
  let negative = false;
  let body = trimmed;
  if (body.startsWith('-')) {
    negative = true;
    body = body.slice(1);
  }
  const decimalAt = decimal ? body.lastIndexOf(decimal) : -1;
  let intPart = decimalAt >= 0 ? body.slice(0, decimalAt) : body;
  const fracPart = decimalAt >= 0 ? body.slice(decimalAt + decimal.length) : '';
  if (thousands && intPart.includes(thousands)) {
    const groups = intPart.split(thousands);
    const [head, ...rest] = groups;
    if (!head || head.length > 3 || rest.some((group) => group.length !== 3)) {
      throw new RangeError(`"${text}" has a thousands separator in the wrong place`);
    }
    intPart = groups.join('');
  }
  if (!/^\d+$/.test(intPart) || (fracPart !== '' && !/^\d+$/.test(fracPart))) {
    throw new RangeError(`"${text}" is not a number`);
  }
  if (fracPart.length > digits) {
    if (!/^0*$/.test(fracPart.slice(digits))) throw new RangeError(`"${text}" has more than ${digits} decimal places for ${currency}`);
  }
  const minor = Number(intPart) * 10 ** digits + Number((fracPart.slice(0, digits) || '0').padEnd(digits, '0'));
  if (!Number.isSafeInteger(minor)) throw new RangeError(`"${text}" is too large`);
  return negative ? -minor : minor;
}
