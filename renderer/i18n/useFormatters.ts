import { useMemo } from 'react';
import { selectLocale, selectUnits, useAppStore } from '../state/store.ts';
import { createFormatters, type Formatters } from './format.ts';

/** Formatters bound to the signed-in person's locale and units; stable until either changes. */
export function useFormatters(): Formatters {
  const locale = useAppStore(selectLocale);
  const units = useAppStore(selectUnits);
  return useMemo(() => createFormatters({ locale, units }), [locale, units]);
}
