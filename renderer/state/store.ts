import { create } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { StateCreator } from 'zustand';
import { createSessionSlice, type SessionSlice } from './sessionSlice.ts';
import { createUiSlice, resolveScheme, type UiSlice } from './uiSlice.ts';

/**
 * One store, composed from typed slices. Components select the least they need with the
 * atomic selectors below (or their own `useAppStore((s) => s.x)`), so a toast never
 * re-renders the 3D view.
 */
export type AppState = SessionSlice & UiSlice;

const createAppState: StateCreator<AppState> = (...args) => ({
  ...createSessionSlice(...args),
  ...createUiSlice(...args),
});

export const useAppStore = create<AppState>()(createAppState);

/** A fresh store outside React, for unit tests. */
export function createAppStore() {
  return createStore<AppState>()(createAppState);
}

export const selectUser = (state: AppState) => state.user;
export const selectRole = (state: AppState) => state.user?.role ?? null;
export const selectSessionStatus = (state: AppState) => state.sessionStatus;
export const selectUnits = (state: AppState) => state.preferences.units;
export const selectLocale = (state: AppState) => state.preferences.locale;
export const selectTheme = (state: AppState) => state.theme;
export const selectScheme = (state: AppState) => resolveScheme(state.theme, state.systemScheme);
export const selectToasts = (state: AppState) => state.toasts;
