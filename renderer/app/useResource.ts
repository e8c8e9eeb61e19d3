import { useCallback, useEffect, useState } from 'react';

export type Resource<T> =
  | { readonly status: 'loading'; readonly data?: undefined; readonly error?: undefined }
  | { readonly status: 'ready'; readonly data: T; readonly error?: undefined }
  | { readonly status: 'error'; readonly data?: undefined; readonly error: unknown };

/**
 * Loads data for a screen: re-runs when `key` changes, cancels the previous request, offers
 * `reload` for a "Try again" button, and after a failure loads again once the browser is back
 * online. `load` is read at call time, so it need not be memoised.
 */
export function useResource<T>(key: string | null, load: (signal: AbortSignal) => Promise<T>): Resource<T> & { reload(): void } {
  const [state, setState] = useState<{ key: string | null; attempt: number; resource: Resource<T> }>({ key, attempt: 0, resource: { status: 'loading' } });
  const [attempt, setAttempt] = useState(0);

  // A new key shows "loading" in the same render instead of the previous key's data.
  const current = state.key === key && state.attempt === attempt ? state.resource : ({ status: 'loading' } as const);

  useEffect(() => {
    if (key === null) return;
    const controller = new AbortController();
    load(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setState({ key, attempt, resource: { status: 'ready', data } });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ key, attempt, resource: { status: 'error', error } });
      },
    );
    return () => controller.abort();
    // `load` is deliberately not a dependency: the key says when the data changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, attempt]);

  const reload = useCallback(() => setAttempt((value) => value + 1), []);
  // A load that failed (offline, most often) is tried again when the browser is back online.
  const failed = current.status === 'error';
  useEffect(() => {
    if (!failed) return;
    window.addEventListener('online', reload);
    return () => window.removeEventListener('online', reload);
  }, [failed, reload]);
  return { ...current, reload };
}
