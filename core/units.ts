/** Lengths are integer millimetres in storage; these helpers format them for people. */
export type UnitSystem = 'metric' | 'imperial';

export const MM_PER_INCH = 25.4;

/** Building an Intl.NumberFormat costs far more than using one: a list of 300 pieces formats ~1,000 lengths per render. */
const numberFormats = new Map<string, Intl.NumberFormat>();
function decimals(locale: string, maximumFractionDigits: number): Intl.NumberFormat {
  const key = `${locale}|${maximumFractionDigits}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { maximumFractionDigits });
    numberFormats.set(key, format);
  }
  return format;
}

export function formatLength(mm: number, system: UnitSystem, locale = 'en-US'): string {
  if (system === 'imperial') {
    const totalInches = Math.round(mm / MM_PER_INCH);
    const feet = Math.floor(Math.abs(totalInches) / 12);
    const inches = Math.abs(totalInches) % 12;
    const sign = totalInches < 0 ? '−' : '';
    if (feet === 0) return `${sign}${inches}″`;
    return `${sign}${feet}′ ${inches}″`;
  }
  const abs = Math.abs(mm);
  if (abs >= 1000) {
    return `${decimals(locale, 2).format(mm / 1000)} m`;
  }
  if (abs >= 100) {
    return `${decimals(locale, 1).format(mm / 10)} cm`;
  }
  return `${decimals(locale, 0).format(mm)} mm`;
}

/** "W × D × H" of a piece, in the user's units. */
export function formatDimensions(dims: { widthMm: number; depthMm: number; heightMm: number }, system: UnitSystem, locale = 'en-US'): string {
  if (system === 'imperial') {
    const inch = (mm: number) => decimals(locale, 1).format(mm / MM_PER_INCH);
    return `${inch(dims.widthMm)} × ${inch(dims.depthMm)} × ${inch(dims.heightMm)} in`;
  }
  const cm = (mm: number) => decimals(locale, 1).format(mm / 10);
  return `${cm(dims.widthMm)} × ${cm(dims.depthMm)} × ${cm(dims.heightMm)} cm`;
}

export type LengthUnit = 'mm' | 'cm' | 'm' | 'in';

export function toMillimetres(value: number, unit: LengthUnit): number {
  const factor = unit === 'mm' ? 1 : unit === 'cm' ? 10 : unit === 'm' ? 1000 : MM_PER_INCH;
  return Math.round(value * factor);
}
