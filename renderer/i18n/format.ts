/**
 * How money, lengths, areas and dates read to this person: their locale and their unit system.
 * Pure functions over core's formatters, so every screen says "4.2 m" or "13′ 9″" the same way.
 */
import { formatMoney, type Money } from '../../core/money.ts';
import { formatDimensions, formatLength, type UnitSystem } from '../../core/units.ts';

export interface FormatSettings {
  readonly locale: string;
  readonly units: UnitSystem;
}

const SQ_FT_PER_M2 = 10.763_910_4;

export interface Formatters {
  money(value: Money, options?: { signed?: boolean }): string;
  length(mm: number): string;
  dimensions(dims: { widthMm: number; depthMm: number; heightMm: number }): string;
  area(mm2: number): string;
  date(iso: string): string;
  dateTime(iso: string): string;
}

export function createFormatters({ locale, units }: FormatSettings): Formatters {
  const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
  const dateTimeFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const areaFormat = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const safeDate = (iso: string, format: Intl.DateTimeFormat) => {
    const date = new Date(iso);
    return Number.isNaN(date.getTime()) ? iso : format.format(date);
  };
  return {
    money: (value, options) => formatMoney(value, locale, options),
    length: (mm) => formatLength(mm, units, locale),
    dimensions: (dims) => formatDimensions(dims, units, locale),
    area: (mm2) => {
      const m2 = mm2 / 1_000_000;
      return units === 'imperial' ? `${areaFormat.format(m2 * SQ_FT_PER_M2)} sq ft` : `${areaFormat.format(m2)} m²`;
    },
    date: (iso) => safeDate(iso, dateFormat),
    dateTime: (iso) => safeDate(iso, dateTimeFormat),
  };
}

/** Morning before noon, afternoon until six, evening after. */
export function partOfDay(date: Date): 'morning' | 'afternoon' | 'evening' {
  const hour = date.getHours();
  if (hour < 12) return 'morning';
  if (hour < 18) return 'afternoon';
  return 'evening';
}
