import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en.ts';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en };
  }
}

/**
 * Starts i18next with the bundled languages. Resources are bundled (no HTTP backend): the app
 * must work offline, and English is small. Synchronous, so the first render is translated.
 */
export function initI18n(language = 'en') {
  if (i18next.isInitialized) return i18next;
  void i18next.use(initReactI18next).init({
    lng: language,
    fallbackLng: 'en',
    resources: { en: { translation: en } },
    defaultNS: 'translation',
    initAsync: false,
    interpolation: { escapeValue: false }, // React escapes already
    returnNull: false,
  });
  return i18next;
}

/** The app's i18next instance, for code outside React (toasts raised by actions). */
export const i18n = initI18n();
