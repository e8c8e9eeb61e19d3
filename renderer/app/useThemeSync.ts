import { useEffect } from 'react';
import { selectScheme, useAppStore } from '../state/store.ts';
import { storedTheme } from './studio.ts';

/**
 * Keeps `<html data-theme>` in step with the chosen theme and, for "system", with the
 * operating system's preference as it changes.
 */
export function useThemeSync(): void {
  const scheme = useAppStore(selectScheme);

  useEffect(() => {
    const stored = storedTheme();
    if (stored && useAppStore.getState().sessionStatus !== 'signed-in') useAppStore.getState().setTheme(stored);
    const query = window.matchMedia('(prefers-color-scheme: dark)');
    const update = () => useAppStore.getState().setSystemScheme(query.matches ? 'dark' : 'light');
    update();
    query.addEventListener('change', update);
    return () => query.removeEventListener('change', update);
  }, []);

  useEffect(() => {
    const root = document.documentElement;
    root.dataset.theme = scheme;
    root.style.colorScheme = scheme;
  }, [scheme]);
}
