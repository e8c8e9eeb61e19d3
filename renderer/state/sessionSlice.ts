import type { StateCreator } from 'zustand';
import type { Preferences, User } from '../api/types.ts';
import type { AppState } from './store.ts';

export type { Preferences, User } from '../api/types.ts';

/** `unknown` until the first GET /api/me answers, so the app never flashes the sign-in screen. */
export type SessionStatus = 'unknown' | 'signed-out' | 'signed-in';

export const DEFAULT_PREFERENCES: Preferences = { units: 'metric', theme: 'system', locale: 'en-US' };

export interface SessionSlice {
  readonly sessionStatus: SessionStatus;
  readonly user: User | null;
  /** The signed-in user's preferences, or the defaults while signed out. */
  readonly preferences: Preferences;
  signedIn(user: User): void;
  signedOut(): void;
  /** Applies a preference change at once (optimistic); the caller saves it and reverts on failure. */
  setPreferences(patch: Partial<Preferences>): void;
}

export const createSessionSlice: StateCreator<AppState, [], [], SessionSlice> = (set) => ({
  sessionStatus: 'unknown',
  user: null,
  preferences: DEFAULT_PREFERENCES,
  signedIn: (user) => set({ sessionStatus: 'signed-in', user, preferences: user.preferences, theme: user.preferences.theme }),
  signedOut: () => set({ sessionStatus: 'signed-out', user: null, preferences: DEFAULT_PREFERENCES }),
  setPreferences: (patch) =>
    set((state) => {
      const preferences = { ...state.preferences, ...patch };
      return {
        preferences,
        user: state.user ? { ...state.user, preferences } : null,
        ...(patch.theme ? { theme: patch.theme } : {}),
      };
    }),
});
