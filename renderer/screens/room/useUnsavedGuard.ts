import { useEffect } from 'react';

/**
 * While `dirty`, leaving asks first: closing or reloading the window (the browser's own
 * prompt), following an in-app link, or going back. Declining a hash change puts the editor's
 * address back before the app re-renders, so the draft survives.
 */
export function useUnsavedGuard(dirty: boolean, message: string): void {
  useEffect(() => {
    if (!dirty) return;
    const here = window.location.hash;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
    };
    const onClick = (event: MouseEvent) => {
      const link = (event.target as Element | null)?.closest?.('a[href^="#"]');
      if (!link || link.getAttribute('href') === here) return;
      if (!window.confirm(message)) {
        event.preventDefault();
        event.stopPropagation();
      }
      else window.removeEventListener('hashchange', onHashChange, true);
    };
    const onHashChange = () => {
      if (window.location.hash === here) return;
      if (!window.confirm(message)) window.history.replaceState(null, '', here);
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    document.addEventListener('click', onClick, true);
    window.addEventListener('hashchange', onHashChange, true);
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      document.removeEventListener('click', onClick, true);
      window.removeEventListener('hashchange', onHashChange, true);
    };
  }, [dirty, message]);
}
