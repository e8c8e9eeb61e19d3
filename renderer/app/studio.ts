/**
 * The app's conversation with the studio server about the session: who is signed in and what
 * they prefer. Screens call these; the store only holds the answers.
 */
import * as endpoints from '../../core/api/foundation.ts';
import { createApiClient } from '../api/client.ts';
import { useAppStore } from '../state/store.ts';
import type { Preferences } from '../state/sessionSlice.ts';
import type { ThemePreference } from '../state/uiSlice.ts';
import { i18n } from '../i18n/i18n.ts';

export const api = createApiClient({
  onUnauthenticated: () => {
    const state = useAppStore.getState();
    if (state.sessionStatus !== 'signed-in') return;
    state.signedOut();
    state.showToast('info', i18n.t('errors.unauthenticated'));
  },
});

const THEME_KEY = 'atelier.theme';

/** The theme chosen on this device, used before anyone signs in. */
export function storedTheme(): ThemePreference | null {
  try {
    const value = window.localStorage.getItem(THEME_KEY);
    return value === 'light' || value === 'dark' || value === 'system' ? value : null;
  } catch {
    return null;
  }
}

function storeTheme(theme: ThemePreference): void {
  try {
    window.localStorage.setItem(THEME_KEY, theme);
  } catch {
    // Private windows may refuse storage; the theme then lasts for this session only.
  }
}

/** Asks the server who we are; a 401 simply means nobody is signed in. */
export async function restoreSession(): Promise<void> {
  try {
    const { user } = await api.call(endpoints.me);
    useAppStore.getState().signedIn(user);
    storeTheme(user.preferences.theme);
  } catch {
    useAppStore.getState().signedOut();
  }
}

export async function signIn(email: string, password: string): Promise<void> {
  const { user } = await api.call(endpoints.signIn, { body: { email, password } });
  useAppStore.getState().signedIn(user);
  storeTheme(user.preferences.theme);
}

export async function signOut(): Promise<void> {
  try {
    await api.call(endpoints.signOut);
  } finally {
    // Even if the server is unreachable, this window forgets the person.
    useAppStore.getState().signedOut();
    window.location.hash = '#/';
  }
}

/** Counts preference saves, so a slow answer to an older save never undoes a newer choice. */
let latestSave = 0;

/**
 * Applies a preference at once and saves it; if saving fails, the old value comes back and a
 * toast says why. Signed out, only the theme applies, and only on this device.
 */
export async function savePreferences(patch: Partial<Preferences>): Promise<void> {
  const store = useAppStore.getState();
  if (patch.theme) storeTheme(patch.theme);
  if (store.sessionStatus !== 'signed-in') {
    if (patch.theme) store.setTheme(patch.theme);
    return;
  }
  const save = ++latestSave;
  const before = store.preferences;
  store.setPreferences(patch);
  try {
    const { user } = await api.call(endpoints.updatePreferences, { body: patch });
    if (save === latestSave) useAppStore.getState().signedIn(user);
  } catch (error) {
    if (save === latestSave) {
      useAppStore.getState().setPreferences(before);
      if (patch.theme) storeTheme(before.theme);
    }
    const message = error instanceof Error ? error.message : '';
    useAppStore.getState().showToast('error', i18n.t('settings.saveFailed', { message }));
  }
}
