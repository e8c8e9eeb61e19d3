import { useCallback, useEffect, useRef, useState } from 'react';
import { isApiError } from '../api/client.ts';

/** After the studio server could not be reached while the browser is online: 1 s, 2 s, 4 s … at most 30 s. */
export function networkRetryDelayMs(failuresInARow: number): number {
  return Math.min(30_000, 1000 * 2 ** Math.max(0, Math.min(failuresInARow - 1, 5)));
}

export type Resource<T> =
  | { readonly status: 'loading'; readonly data?: undefined; readonly error?: undefined }
  | { readonly status: 'ready'; readonly data: T; readonly error?: undefined }
  | { readonly status: 'error'; readonly data?: undefined; readonly error: unknown };

/**
 * Loads data for a screen: re-runs when `key` changes, cancels the previous request, offers
 * `reload` for a "Try again" button, and after a failure loads again once the browser is back
 * online. A failure to reach the server while the browser is online (the server restarting, or
 * the network back a moment before the browser noticed — the 'online' event then came first) is
 * tried again after a pause that doubles each time (networkRetryDelayMs); other errors wait for
 * the person. `load` is read at call time, so it need not be memoised.
 */
export function useResource<T>(key: string | null, load: (signal: AbortSignal) => Promise<T>): Resource<T> & { reload(): void } {
  const [state, setState] = useState<{ key: string | null; attempt: number; resource: Resource<T> }>({ key, attempt: 0, resource: { status: 'loading' } });
  const [attempt, setAttempt] = useState(0);
  const networkFailures = useRef(0);

  // A new key shows "loading" in the same render instead of the previous key's data.
  const current = state.key === key && state.attempt === attempt ? state.resource : ({ status: 'loading' } as const);

  useEffect(() => {
    if (key === null) return;
    const controller = new AbortController();
    load(controller.signal).then(
      (data) => {
        if (controller.signal.aborted) return;
        networkFailures.current = 0;
        setState({ key, attempt, resource: { status: 'ready', data } });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        networkFailures.current = isNetworkFailure(error) ? networkFailures.current + 1 : 0;
        setState({ key, attempt, resource: { status: 'error', error } });
      },
    );
    return () => controller.abort();
    // `load` is deliberately not a dependency: the key says when the data changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, attempt]);

  const reload = useCallback(() => setAttempt((value) => value + 1), []);
  // A load that failed (offline, most often) is tried again when the browser is back online.
  const failed = current.status === 'error';
  const unreachable = failed && isNetworkFailure(current.error);
  useEffect(() => {
    if (!failed) return;
    window.addEventListener('online', reload);
    const retry = unreachable && navigator.onLine ? window.setTimeout(reload, networkRetryDelayMs(networkFailures.current)) : undefined;
    return () => {
      window.removeEventListener('online', reload);
      window.clearTimeout(retry);
    };
  }, [failed, unreachable, reload]);
  return { ...current, reload };
}

function isNetworkFailure(error: unknown): boolean {
  return isApiError(error) && error.code === 'network';
}
