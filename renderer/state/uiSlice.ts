import type { StateCreator } from 'zustand';
import type { AppState } from './store.ts';

export type ThemePreference = 'light' | 'dark' | 'system';
export type ColourScheme = 'light' | 'dark';

export type ToastTone = 'info' | 'success' | 'error';

export interface Toast {
  readonly id: number;
  readonly tone: ToastTone;
  /** Already translated: toasts are shown as given. */
  readonly message: string;
}

export interface UiSlice {
  /** What the person chose; `system` follows the operating system. */
  readonly theme: ThemePreference;
  /** What the operating system currently prefers (kept current by a media-query listener). */
  readonly systemScheme: ColourScheme;
  readonly toasts: readonly Toast[];
  setTheme(theme: ThemePreference): void;
  setSystemScheme(scheme: ColourScheme): void;
  showToast(tone: ToastTone, message: string): number;
  dismissToast(id: number): void;
}

/** Toasts beyond this many push out the oldest, so a burst of errors never covers the screen. */
export const MAX_TOASTS = 3;

let nextToastId = 1;

export const createUiSlice: StateCreator<AppState, [], [], UiSlice> = (set) => ({
  theme: 'system',
  systemScheme: 'light',
  toasts: [],
  setTheme: (theme) => set({ theme }),
  setSystemScheme: (systemScheme) => set({ systemScheme }),
  showToast: (tone, message) => {
    const id = nextToastId++;
    set((state) => ({ toasts: [...state.toasts, { id, tone, message }].slice(-MAX_TOASTS) }));
    return id;
  },
  dismissToast: (id) => set((state) => ({ toasts: state.toasts.filter((toast) => toast.id !== id) })),
});

/** The scheme actually shown. */
export function resolveScheme(theme: ThemePreference, systemScheme: ColourScheme): ColourScheme {
  return theme === 'system' ? systemScheme : theme;
}
