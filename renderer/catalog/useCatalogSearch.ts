import { useEffect, useRef, useState } from 'react';
import { searchCatalog } from '../../core/api/catalog.ts';
import type { ResponseOf } from '../../core/api/endpoint.ts';
import { isApiError } from '../api/client.ts';
import { api } from '../app/studio.ts';
import { searchKey, toSearchParams, type CatalogFilters } from './searchQuery.ts';

export type SearchAnswer = ResponseOf<typeof searchCatalog>;

/** Short enough to feel instant, long enough that a fast typist's burst is one request. */
export const SEARCH_DEBOUNCE_MS = 16;

export interface CatalogSearchState {
  /** the last answer; kept on screen while a newer one loads */
  readonly answer: SearchAnswer | null;
  /** the filters `answer` is for */
  readonly answeredFor: CatalogFilters | null;
  readonly loading: boolean;
  readonly error: unknown;
  retry(): void;
}

/**
 * Results that follow the filters as they change: a request starts `SEARCH_DEBOUNCE_MS` after
 * the last change, the one before it is aborted, and a stale answer never overwrites a newer one.
 */
export function useCatalogSearch(filters: CatalogFilters): CatalogSearchState {
  const key = searchKey(filters);
  const [state, setState] = useState<{ answer: SearchAnswer | null; answeredFor: CatalogFilters | null; answeredKey: string | null; error: unknown }>({ answer: null, answeredFor: null, answeredKey: null, error: null });
  const [attempt, setAttempt] = useState(0);
  const filtersRef = useRef(filters);
  filtersRef.current = filters;

  useEffect(() => {
    const controller = new AbortController();
    const requested = filtersRef.current;
    const timer = setTimeout(() => {
      api.call(searchCatalog, { query: toSearchParams(requested), signal: controller.signal }).then(
        (answer) => {
          if (!controller.signal.aborted) setState({ answer, answeredFor: requested, answeredKey: key, error: null });
        },
        (error: unknown) => {
          if (controller.signal.aborted || (isApiError(error) && error.code === 'aborted')) return;
          setState((previous) => ({ ...previous, answeredKey: key, error }));
        },
      );
    }, SEARCH_DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [key, attempt]);

  return {
    answer: state.answer,
    answeredFor: state.answeredFor,
    loading: state.answeredKey !== key,
    error: state.answeredKey === key ? state.error : null,
    retry: () => setAttempt((value) => value + 1),
  };
}
