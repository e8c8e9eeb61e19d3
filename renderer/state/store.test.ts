import { assert, describe, it } from '../testing/node-test.ts';
import { createAppStore } from './store.ts';
import { MAX_TOASTS, resolveScheme } from './uiSlice.ts';
import type { User } from './sessionSlice.ts';

const designer: User = {
  id: 'u1',
  email: 'designer@atelier.test',
  name: 'Camille Laurent',
  role: 'designer',
  preferences: { units: 'imperial', theme: 'dark', locale: 'en-GB' },
  createdAt: '2025-01-01T00:00:00.000Z',
};

describe('session slice', () => {
  it('starts unknown, so the app waits for the server before showing sign-in', () => {
    assert.equal(createAppStore().getState().sessionStatus, 'unknown');
  });

  it('takes the signed-in person’s preferences, theme included', () => {
    const store = createAppStore();
    store.getState().signedIn(designer);
    const state = store.getState();
    assert.equal(state.sessionStatus, 'signed-in');
    assert.equal(state.preferences.units, 'imperial');
    assert.equal(state.theme, 'dark');
  });

  it('applies a preference change to the user at once', () => {
    const store = createAppStore();
    store.getState().signedIn(designer);
    store.getState().setPreferences({ units: 'metric', theme: 'light' });
    const state = store.getState();
    assert.equal(state.preferences.units, 'metric');
    assert.equal(state.user?.preferences.units, 'metric');
    assert.equal(state.theme, 'light');
  });

  it('forgets the person on sign-out but keeps the theme on screen', () => {
    const store = createAppStore();
    store.getState().signedIn(designer);
    store.getState().signedOut();
    const state = store.getState();
    assert.equal(state.user, null);
    assert.equal(state.preferences.units, 'metric');
    assert.equal(state.theme, 'dark');
  });
});

describe('ui slice', () => {
  it('keeps only the newest toasts', () => {
    const store = createAppStore();
    for (let i = 0; i < MAX_TOASTS + 2; i++) store.getState().showToast('info', `message ${i}`);
    const toasts = store.getState().toasts;
    assert.equal(toasts.length, MAX_TOASTS);
    assert.equal(toasts.at(-1)?.message, `message ${MAX_TOASTS + 1}`);
    store.getState().dismissToast(toasts[0]!.id);
    assert.equal(store.getState().toasts.length, MAX_TOASTS - 1);
  });

  it('resolves "system" through the operating system’s scheme', () => {
    assert.equal(resolveScheme('system', 'dark'), 'dark');
    assert.equal(resolveScheme('light', 'dark'), 'light');
    assert.equal(resolveScheme('dark', 'light'), 'dark');
  });
});
