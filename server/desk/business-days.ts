/**
 * The filing target is counted in business days (Monday to Friday, UTC): a drop detected on a
 * Friday evening is due on Tuesday evening, not on Sunday.
 */
export function addBusinessDays(iso: string, days: number): string {
  const at = new Date(iso);
  let left = days;
  while (left > 0) {
    at.setUTCDate(at.getUTCDate() + 1);
    const weekday = at.getUTCDay();
    if (weekday !== 0 && weekday !== 6) left--;
  }
  return at.toISOString();
}
