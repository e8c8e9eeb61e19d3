import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { searchCatalog } from '../../../core/api/catalog.ts';
import type { ResponseOf } from '../../../core/api/endpoint.ts';
import { isCategory, type Category } from '../../../core/catalog.ts';
import type { UnitSystem } from '../../../core/units.ts';
import type { CatalogFilters } from '../../catalog/searchQuery.ts';
import { Ruler } from './CatalogIcons.tsx';

type Facets = NonNullable<ResponseOf<typeof searchCatalog>['facets']>;
interface FacetOption {
  readonly value: string;
  readonly label: string;
  readonly count: number;
}

export interface RetailerChoice {
  readonly id: string;
  readonly name: string;
  readonly currency: string;
}

const COLLAPSED = 6;
const MM_PER_UNIT: Record<UnitSystem, number> = { metric: 10, imperial: 25.4 };

/** The answer's facet values, plus any chosen value the answer no longer counts (so it can be unticked). */
function withSelected(options: readonly FacetOption[], selected: readonly string[], label: (value: string) => string): FacetOption[] {
  const missing = selected.filter((value) => !options.some((option) => option.value === value)).map((value) => ({ value, label: label(value), count: 0 }));
  return [...options, ...missing];
}

export function FacetFilters(props: {
  readonly filters: CatalogFilters;
  readonly facets: Facets | null;
  readonly retailers: readonly RetailerChoice[];
  readonly priceCurrency: string | null;
  readonly units: UnitSystem;
  readonly onChange: (change: Partial<CatalogFilters>) => void;
  readonly onToggleCategory: (value: Category) => void;
  readonly onToggleRetailer: (value: string) => void;
  readonly onToggleStyle: (value: string) => void;
  readonly onToggleColour: (value: string) => void;
  readonly onClear: (() => void) | undefined;
}) {
  const { t } = useTranslation();
  const { filters, facets, retailers, units } = props;
  const retailerName = (id: string) => retailers.find((retailer) => retailer.id === id)?.name ?? id;
  const categoryLabel = (value: string) => (isCategory(value) ? t(`category.${value}`) : value);
  const currencies = [...new Set(retailers.map((retailer) => retailer.currency))].sort();
  const singleRetailerCurrency = filters.retailerIds.length > 0 && new Set(retailers.filter((r) => filters.retailerIds.includes(r.id)).map((r) => r.currency)).size === 1;

  return (
    <div className="facets">
      {props.onClear ? (
        <button type="button" className="link-button facets__clear" onClick={props.onClear}>
          {t('catalog.clearFilters')}
        </button>
      ) : null}
      <FacetGroup
        title={t('catalog.category')}
        options={withSelected(facets?.category.map((option) => ({ ...option, label: categoryLabel(option.value) })) ?? [], filters.categories, categoryLabel)}
        selected={filters.categories}
        onToggle={(value) => {
          if (isCategory(value)) props.onToggleCategory(value);
        }}
      />
      <FacetGroup
        title={t('catalog.retailer')}
        options={withSelected(facets?.retailer ?? [], filters.retailerIds, retailerName)}
        selected={filters.retailerIds}
        onToggle={props.onToggleRetailer}
      />
      <Group title={t('catalog.maxPrice')}>
        <div className="price-filter">
          <input
            className="field__input field__input--sm"
            inputMode="decimal"
            aria-label={t('catalog.maxPriceIn', { currency: props.priceCurrency ?? '' })}
            placeholder={t('catalog.any')}
            value={filters.maxPrice}
            onChange={(event) => props.onChange({ maxPrice: event.target.value })}
          />
          {singleRetailerCurrency || currencies.length < 2 ? (
            <span className="price-filter__currency">{props.priceCurrency}</span>
          ) : (
            <select className="price-filter__select" aria-label={t('catalog.currency')} value={props.priceCurrency ?? ''} onChange={(event) => props.onChange({ currency: event.target.value })}>
              {currencies.map((code) => (
                <option key={code} value={code}>
                  {code}
                </option>
              ))}
            </select>
          )}
        </div>
        {filters.maxPrice && !singleRetailerCurrency && currencies.length > 1 ? <p className="facets__hint">{t('catalog.priceCurrencyHint', { currency: props.priceCurrency ?? '' })}</p> : null}
      </Group>
      <FitsFilter key={units} units={units} widthMm={filters.fitsWidthMm} depthMm={filters.fitsDepthMm} onChange={(fitsWidthMm, fitsDepthMm) => props.onChange({ fitsWidthMm, fitsDepthMm })} />
      <FacetGroup title={t('catalog.style')} options={withSelected(facets?.style ?? [], filters.styles, (value) => value)} selected={filters.styles} onToggle={props.onToggleStyle} />
      <FacetGroup title={t('catalog.colour')} options={withSelected(facets?.colour ?? [], filters.colours, (value) => value)} selected={filters.colours} onToggle={props.onToggleColour} />
    </div>
  );
}

function Group({ title, children }: { readonly title: string; readonly children: ReactNode }) {
  const id = useId();
  return (
    <section className="facet" aria-labelledby={id}>
      <h3 id={id} className="facet__title">
        {title}
      </h3>
      {children}
    </section>
  );
}

function FacetGroup({ title, options, selected, onToggle }: { readonly title: string; readonly options: readonly FacetOption[]; readonly selected: readonly string[]; readonly onToggle: (value: string) => void }) {
  const { t } = useTranslation();
  const [expanded, setExpanded] = useState(false);
  if (options.length === 0) return null;
  const shown = expanded ? options : options.slice(0, COLLAPSED);
  return (
    <Group title={title}>
      <ul className="facet__list" role="group" aria-label={title}>
        {shown.map((option) => (
          <li key={option.value}>
            <label className="facet__option">
              <input type="checkbox" checked={selected.includes(option.value)} onChange={() => onToggle(option.value)} />
              <span className="facet__label">{option.label}</span>
              <span className="facet__count">{option.count}</span>
            </label>
          </li>
        ))}
      </ul>
      {options.length > COLLAPSED ? (
        <button type="button" className="link-button" aria-expanded={expanded} onClick={() => setExpanded(!expanded)}>
          {expanded ? t('catalog.showFewer') : t('catalog.showAll', { count: options.length })}
        </button>
      ) : null}
    </Group>
  );
}

/** "Fits W × D", typed in the person's units (cm or in) and sent in millimetres. */
function FitsFilter({ units, widthMm, depthMm, onChange }: { readonly units: UnitSystem; readonly widthMm: number | null; readonly depthMm: number | null; readonly onChange: (widthMm: number | null, depthMm: number | null) => void }) {
  const { t } = useTranslation();
  const perUnit = MM_PER_UNIT[units];
  const toText = (mm: number | null) => (mm ? String(Math.round((mm / perUnit) * 10) / 10) : '');
  const [width, setWidth] = useState(toText(widthMm));
  const [depth, setDepth] = useState(toText(depthMm));
  const unit = units === 'metric' ? t('catalog.unitCm') : t('catalog.unitIn');
  const commit = (nextWidth: string, nextDepth: string) => {
    const w = Number(nextWidth.replace(',', '.'));
    const d = Number(nextDepth.replace(',', '.'));
    const valid = w > 0 && d > 0 && Number.isFinite(w) && Number.isFinite(d);
    onChange(valid ? Math.round(w * perUnit) : null, valid ? Math.round(d * perUnit) : null);
  };
  return (
    <Group title={t('catalog.fits')}>
      <div className="fits-filter">
        <Ruler className="fits-filter__icon" />
        <input
          className="field__input field__input--sm"
          inputMode="decimal"
          aria-label={t('catalog.fitsWidth', { unit })}
          placeholder={t('catalog.widthShort')}
          value={width}
          onChange={(event) => {
            setWidth(event.target.value);
            commit(event.target.value, depth);
          }}
        />
        <span aria-hidden="true">×</span>
        <input
          className="field__input field__input--sm"
          inputMode="decimal"
          aria-label={t('catalog.fitsDepth', { unit })}
          placeholder={t('catalog.depthShort')}
          value={depth}
          onChange={(event) => {
            setDepth(event.target.value);
            commit(width, event.target.value);
          }}
        />
        <span className="fits-filter__unit">{unit}</span>
      </div>
    </Group>
  );
}
