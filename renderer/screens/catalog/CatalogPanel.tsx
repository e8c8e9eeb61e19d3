import { useCallback, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { listRetailers } from '../../../core/api/catalog.ts';
import type { Category } from '../../../core/catalog.ts';
import { markKeystroke, resultsCommitted } from '../../catalog/paintTiming.ts';
import { EMPTY_FILTERS, MAX_RESULTS, RESULTS_PER_PAGE, toggle, type CatalogFilters, type SearchSort } from '../../catalog/searchQuery.ts';
import { useCatalogSearch } from '../../catalog/useCatalogSearch.ts';
import { api } from '../../app/studio.ts';
import { useResource } from '../../app/useResource.ts';
import { useFormatters } from '../../i18n/useFormatters.ts';
import { selectLocale, selectUnits, useAppStore } from '../../state/store.ts';
import { dimensionsText } from '../../catalog/productText.ts';
import { ErrorState } from '../../ui/States.tsx';
import { Search } from './CatalogIcons.tsx';
import { FacetFilters } from './FacetFilters.tsx';
import { ProductDetail } from './ProductDetail.tsx';
import { ResultCard } from './ResultCard.tsx';
import { AddToRoom } from '../../editor/AddToRoom.tsx';
import './catalog.css';

/**
 * Search the catalog as you type, narrow by facets, price and footprint, and open a product.
 * `compact` is the narrow panel beside the room on the project page; the catalog screen shows
 * the filters as a column beside the results.
 */
export function CatalogPanel({ compact = false, projectId }: { readonly compact?: boolean; readonly projectId?: string }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const units = useAppStore(selectUnits);
  const locale = useAppStore(selectLocale);
  const [filters, setFilters] = useState<CatalogFilters>(EMPTY_FILTERS);
  const [openProductId, setOpenProductId] = useState<string | null>(null);
  const retailers = useResource('catalog:retailers', (signal) => api.call(listRetailers, { signal }));
  const resultsRef = useRef<HTMLUListElement>(null);

  // Any new question starts again from one page of results.
  const update = useCallback((change: Partial<CatalogFilters>) => setFilters((current) => ({ ...current, limit: RESULTS_PER_PAGE, ...change })), []);
  const retailerList = useMemo(() => (retailers.status === 'ready' ? retailers.data.retailers : []), [retailers.status, retailers.data]);

  // Prices compare within one currency: the selected retailers' if they share one.
  const selectedCurrencies = [...new Set(retailerList.filter((retailer) => filters.retailerIds.includes(retailer.id)).map((retailer) => retailer.currency))];
  const priceCurrency = selectedCurrencies.length === 1 ? selectedCurrencies[0]! : (filters.currency ?? retailerList[0]?.currency ?? null);
  const effective = filters.currency === priceCurrency ? filters : { ...filters, currency: priceCurrency };
  // [Intake] Inside a project, results rank by that project's customer's style profile.
  const shownSearch = useCatalogSearch(projectId ? { ...effective, projectId } : effective);

  const answer = shownSearch.answer;
  const answeredText = shownSearch.answeredFor?.text ?? null;
  // The results on screen answer the text in the box (spaces aside) once nothing is loading.
  useLayoutEffect(() => {
    if (answer && !shownSearch.loading) resultsCommitted();
  }, [answer, filters.text, shownSearch.loading]);

  const onSearchKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      resultsRef.current?.querySelector<HTMLButtonElement>('button')?.focus();
    } else if (event.key === 'Escape' && filters.text) {
      update({ text: '' });
    }
  };
  const onResultsKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const buttons = [...(resultsRef.current?.querySelectorAll<HTMLButtonElement>('button.result-card') ?? [])];
    const index = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (index < 0) return;
    const columns = Math.max(1, Math.round((resultsRef.current?.clientWidth ?? 1) / (buttons[0]?.offsetWidth || 1)));
    const step = { ArrowRight: 1, ArrowLeft: -1, ArrowDown: columns, ArrowUp: -columns }[event.key];
    if (!step) return;
    event.preventDefault();
    const next = buttons[index + step];
    if (next) next.focus();
    else if (step < 0) (event.currentTarget.closest('.catalog')?.querySelector('input[type="search"]') as HTMLInputElement | null)?.focus();
  };

  const sortOptions: { value: SearchSort; label: string }[] = [
    { value: 'relevance', label: t('catalog.sortRelevance') },
    { value: 'price-asc', label: t('catalog.sortPriceAsc') },
    { value: 'price-desc', label: t('catalog.sortPriceDesc') },
  ];
  const activeCount = filters.categories.length + filters.retailerIds.length + filters.styles.length + filters.colours.length + (filters.maxPrice ? 1 : 0) + (filters.fitsWidthMm ? 1 : 0);

  const filterColumn = (
    <FacetFilters
      filters={effective}
      facets={answer?.facets ?? null}
      retailers={retailerList}
      priceCurrency={priceCurrency}
      units={units}
      onChange={update}
      onToggleCategory={(value: Category) => update({ categories: toggle(filters.categories, value) })}
      onToggleRetailer={(value) => update({ retailerIds: toggle(filters.retailerIds, value) })}
      onToggleStyle={(value) => update({ styles: toggle(filters.styles, value) })}
      onToggleColour={(value) => update({ colours: toggle(filters.colours, value) })}
      onClear={activeCount ? () => setFilters({ ...EMPTY_FILTERS, text: filters.text, sort: filters.sort }) : undefined}
    />
  );

  return (
    <div className={compact ? 'catalog catalog--compact' : 'catalog'}>
      <div className="catalog__bar">
        <label className="search-box">
          <Search className="search-box__icon" />
          <span className="visually-hidden">{t('catalog.searchLabel')}</span>
          <input
            type="search"
            className="search-box__input"
            placeholder={t('catalog.searchPlaceholder')}
            value={filters.text}
            onInput={markKeystroke}
            onChange={(event) => update({ text: event.target.value })}
            onKeyDown={onSearchKeyDown}
            autoComplete="off"
            spellCheck={false}
            aria-controls="catalog-results"
          />
          {shownSearch.loading ? <span className="spinner search-box__spinner" aria-hidden="true" /> : null}
        </label>
        <label className="select-field">
          <span>{t('catalog.sortLabel')}</span>
          <select value={filters.sort} onChange={(event) => update({ sort: event.target.value as SearchSort })}>
            {sortOptions.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="catalog__body">
        {compact ? (
          <details className="catalog__filters-toggle">
            <summary>{activeCount ? t('catalog.filtersActive', { count: activeCount }) : t('catalog.filters')}</summary>
            {filterColumn}
          </details>
        ) : (
          <aside className="catalog__filters" aria-label={t('catalog.filters')}>
            {filterColumn}
          </aside>
        )}
        <section className="catalog__results" aria-label={t('catalog.results')} aria-busy={shownSearch.loading}>
          <div className="catalog__summary" role="status" aria-live="polite">
            {answer ? (
              <>
                <strong>{t('catalog.resultCount', { count: answer.total })}</strong>
                {answer.fits ? <span className="muted">{t('catalog.fitsApplied', { size: `${format.length(answer.fits.widthMm)} × ${format.length(answer.fits.depthMm)}` })}</span> : null}
                {!answer.matchedAllTerms && answer.total > 0 ? <span className="muted">{t('catalog.partialMatch')}</span> : null}
              </>
            ) : (
              <span className="muted">{t('catalog.searching')}</span>
            )}
          </div>
          {shownSearch.error ? <ErrorState error={shownSearch.error} onRetry={shownSearch.retry} /> : null}
          {answer && answer.total === 0 ? (
            <div className="state state--empty">
              <strong>{t('catalog.noResults')}</strong>
              <span>{t('catalog.noResultsHint')}</span>
            </div>
          ) : null}
          <ul id="catalog-results" className="result-grid" ref={resultsRef} onKeyDown={onResultsKeyDown} data-testid="catalog-results" data-query={answeredText ?? ''}>
            {answer?.hits.map((hit) => (
              <li key={hit.product.id}>
                <ResultCard product={hit.product} dimensions={dimensionsText(hit.product, units, locale)} format={format} t={t} onOpen={setOpenProductId} />
                {compact ? <AddToRoom product={hit.product} /> : null}
              </li>
            ))}
          </ul>
          {answer && answer.hits.length < answer.total && filters.limit < MAX_RESULTS ? (
            <button type="button" className="button button--secondary catalog__more" onClick={() => setFilters((current) => ({ ...current, limit: current.limit + RESULTS_PER_PAGE }))} disabled={shownSearch.loading}>
              {t('catalog.showMore', { shown: answer.hits.length, total: answer.total })}
            </button>
          ) : null}
        </section>
      </div>
      {openProductId ? <ProductDetail productId={openProductId} onClose={() => setOpenProductId(null)} /> : null}
    </div>
  );
}
