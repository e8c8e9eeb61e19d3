import { useEffect, useId, useMemo, useState, type ChangeEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { importCatalogFeed, IMPORT_MAX_CHARS, listRetailers, previewImport } from '../../../core/api/catalog.ts';
import { CATEGORIES, type Category } from '../../../core/catalog.ts';
import type { ResponseOf } from '../../../core/api/endpoint.ts';
import type { MappedField } from '../../../core/catalog/mapping.ts';
import { routeHref } from '../../app/routes.ts';
import { api } from '../../app/studio.ts';
import { useResource } from '../../app/useResource.ts';
import { useFormatters } from '../../i18n/useFormatters.ts';
import { selectRole, useAppStore } from '../../state/store.ts';
import { AppHeader } from '../../ui/AppHeader.tsx';
import { Button } from '../../ui/Button.tsx';
import { ArrowLeft } from '../../ui/Icons.tsx';
import { EmptyState, ErrorState } from '../../ui/States.tsx';
import { Upload } from './CatalogIcons.tsx';
import {
  csvHeader,
  guessColumns,
  guessDelimiter,
  guessUnits,
  INITIAL_MAPPING,
  looksLikeCsv,
  MAPPED_FIELDS,
  missingRequired,
  previewSample,
  REQUIRED_FIELDS,
  toServerMapping,
  unknownCategories,
  type WizardMapping,
} from './importMapping.ts';
import { ImportReport } from './ImportReport.tsx';
import './catalog.css';

type Preview = ResponseOf<typeof previewImport>;
type Report = ResponseOf<typeof importCatalogFeed>;
interface Feed {
  readonly name: string;
  readonly size: number;
  readonly text: string;
}

const PREVIEW_DEBOUNCE_MS = 200;

/** `#/catalog/import`: an admin maps a retailer's feed onto ours, checks the first rows, imports. */
export function ImportWizardScreen() {
  const { t } = useTranslation();
  const role = useAppStore(selectRole);
  return (
    <div className="page page--catalog">
      <AppHeader trail={t('catalogImport.title')} />
      <main className="catalog-page import-page" id="main">
        <a className="back-link" href={routeHref({ name: 'catalog' })}>
          <ArrowLeft />
          {t('catalogImport.back')}
        </a>
        <div className="catalog-page__head">
          <div>
            <h1>{t('catalogImport.title')}</h1>
            <p className="muted">{t('catalogImport.subtitle')}</p>
          </div>
        </div>
        {role === 'admin' ? (
          <ImportWizard />
        ) : (
          <EmptyState>
            <strong>{t('catalogImport.adminOnly')}</strong>
          </EmptyState>
        )}
      </main>
    </div>
  );
}

function ImportWizard() {
  const { t } = useTranslation();
  const retailers = useResource('catalog:retailers', (signal) => api.call(listRetailers, { signal }));
  const [feed, setFeed] = useState<Feed | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [retailerMode, setRetailerMode] = useState<'existing' | 'new'>('existing');
  const [existingId, setExistingId] = useState('');
  const [newName, setNewName] = useState('');
  const [newCurrency, setNewCurrency] = useState('');
  const [mapping, setMapping] = useState<WizardMapping>(INITIAL_MAPPING);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [previewError, setPreviewError] = useState<unknown>(null);
  const [previewing, setPreviewing] = useState(false);
  const [seenCategories, setSeenCategories] = useState<readonly string[]>([]);
  const [importing, setImporting] = useState(false);
  const [importError, setImportError] = useState<unknown>(null);
  const [report, setReport] = useState<Report | null>(null);

  const retailerList = retailers.status === 'ready' ? retailers.data.retailers : [];
  const existing = retailerList.find((retailer) => retailer.id === existingId) ?? null;
  const retailer = retailerMode === 'existing' ? (existing ? { name: existing.name } : null) : newName.trim() && /^[A-Z]{3}$/.test(newCurrency) ? { name: newName.trim(), currency: newCurrency } : null;
  const currency = retailerMode === 'existing' ? existing?.currency : newCurrency;
  const serverMapping = useMemo(() => toServerMapping(mapping, /^[A-Z]{3}$/.test(currency ?? '') ? currency : undefined), [mapping, currency]);

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    setReport(null);
    setPreview(null);
    setSeenCategories([]);
    if (!file) return;
    const text = await file.text();
    if (text.length > IMPORT_MAX_CHARS) {
      setFileError(t('catalogImport.fileTooLarge'));
      setFeed(null);
      return;
    }
    setFileError(null);
    setFeed({ name: file.name, size: file.size, text });
    setMapping({ ...INITIAL_MAPPING, delimiter: guessDelimiter(text) });
  };

  // The preview follows every change to the file, retailer or mapping.
  const sample = useMemo(() => (feed ? previewSample(feed.text) : null), [feed]);
  const previewKey = sample && retailer ? JSON.stringify([feed?.name, feed?.size, retailer, serverMapping]) : null;
  useEffect(() => {
    if (!sample || !retailer) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      setPreviewing(true);
      api
        .call(previewImport, { body: { text: sample.text, complete: sample.complete, retailer, ...(serverMapping ? { mapping: serverMapping } : {}) }, signal: controller.signal })
        .then(
          (answer) => {
            if (controller.signal.aborted) return;
            setPreview(answer);
            setPreviewError(null);
            setPreviewing(false);
            // The first look at a feed: guess their columns from its header.
            if (!serverMapping) {
              setMapping((current) => {
                const header = looksLikeCsv(sample.text) ? csvHeader(sample.text, current.delimiter) : answer.header;
                const columns = guessColumns(header);
                return header.length ? { ...current, columns, units: guessUnits(header, columns) } : current;
              });
            }
            const unknown = unknownCategories(answer.rows.flatMap((row) => (row.ok ? [] : [row.reason])));
            if (unknown.length) setSeenCategories((seen) => [...new Set([...seen, ...unknown])]);
          },
          (error: unknown) => {
            if (controller.signal.aborted) return;
            setPreviewError(error);
            setPreviewing(false);
          },
        );
    }, PREVIEW_DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
    // previewKey captures sample, retailer and mapping.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [previewKey]);

  const runImport = async () => {
    if (!feed || !retailer || !serverMapping) return;
    setImporting(true);
    setImportError(null);
    try {
      const answer = await api.call(importCatalogFeed, { body: { text: feed.text, retailer, mapping: serverMapping, fileName: feed.name } });
      setReport(answer);
      retailers.reload();
    } catch (error) {
      setImportError(error);
    } finally {
      setImporting(false);
    }
  };

  if (report) {
    return (
      <ImportReport
        report={report}
        onAnother={() => {
          setReport(null);
          setFeed(null);
          setPreview(null);
        }}
      />
    );
  }

  const header = feed && looksLikeCsv(feed.text) ? csvHeader(sample?.text ?? '', mapping.delimiter) : (preview?.header ?? []);
  const missing = missingRequired(mapping);
  const setColumn = (field: MappedField, column: string) => setMapping((current) => ({ ...current, columns: { ...current.columns, [field]: column || undefined } }));

  return (
    <div className="wizard">
      <WizardStep number={1} title={t('catalogImport.stepFile')}>
        <label className="file-drop">
          <Upload width={20} height={20} />
          <span>{feed ? t('catalogImport.fileChosen', { name: feed.name, size: formatBytes(feed.size) }) : t('catalogImport.chooseFile')}</span>
          <input type="file" accept=".csv,.json,.ndjson,.jsonl,.txt,text/csv,application/json" aria-label={t('catalogImport.chooseFile')} onChange={(event) => void onFile(event)} />
        </label>
        {fileError ? <p className="field__error">{fileError}</p> : null}
      </WizardStep>

      <WizardStep number={2} title={t('catalogImport.stepRetailer')}>
        <div className="wizard__row" role="radiogroup" aria-label={t('catalogImport.stepRetailer')}>
          <label className="radio">
            <input type="radio" name="retailer-mode" checked={retailerMode === 'existing'} onChange={() => setRetailerMode('existing')} />
            {t('catalogImport.retailerExisting')}
          </label>
          <label className="radio">
            <input type="radio" name="retailer-mode" checked={retailerMode === 'new'} onChange={() => setRetailerMode('new')} />
            {t('catalogImport.retailerNew')}
          </label>
        </div>
        {retailerMode === 'existing' ? (
          <SelectField label={t('catalogImport.stepRetailer')} value={existingId} onChange={setExistingId}>
            <option value="">{t('catalogImport.pickRetailer')}</option>
            {retailerList.map((choice) => (
              <option key={choice.id} value={choice.id}>
                {choice.name} ({choice.currency})
              </option>
            ))}
          </SelectField>
        ) : (
          <div className="wizard__row">
            <TextField label={t('catalogImport.retailerName')} value={newName} onChange={setNewName} />
            <TextField label={t('catalogImport.retailerCurrency')} value={newCurrency} onChange={(value) => setNewCurrency(value.toUpperCase().slice(0, 3))} placeholder="EUR" narrow />
          </div>
        )}
      </WizardStep>

      <WizardStep number={3} title={t('catalogImport.stepMapping')} disabled={!preview}>
        {preview ? (
          <>
            <table className="table mapping-table">
              <thead>
                <tr>
                  <th scope="col">{t('catalogImport.ourField')}</th>
                  <th scope="col">{t('catalogImport.theirColumn')}</th>
                </tr>
              </thead>
              <tbody>
                {MAPPED_FIELDS.map((field) => {
                  const required = REQUIRED_FIELDS.includes(field);
                  return (
                    <tr key={field}>
                      <th scope="row">
                        {t(`catalogImport.field_${field}`)}
                        {required ? <span className="mapping-table__required"> · {t('catalogImport.required')}</span> : null}
                      </th>
                      <td>
                        <select aria-label={t(`catalogImport.field_${field}`)} value={mapping.columns[field] ?? ''} onChange={(event) => setColumn(field, event.target.value)} aria-invalid={required && !mapping.columns[field] ? true : undefined}>
                          <option value="">{t('catalogImport.notInFeed')}</option>
                          {header.map((column) => (
                            <option key={column} value={column}>
                              {column}
                            </option>
                          ))}
                        </select>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
            <div className="wizard__grid">
              <SelectField label={t('catalogImport.units')} value={mapping.units} onChange={(units) => setMapping({ ...mapping, units: units as WizardMapping['units'] })}>
                <option value="mm">mm</option>
                <option value="cm">cm</option>
                <option value="m">m</option>
                <option value="in">in</option>
              </SelectField>
              <SelectField
                label={t('catalogImport.decimalSeparator')}
                value={mapping.decimalSeparator}
                onChange={(value) => {
                  const decimalSeparator = value as WizardMapping['decimalSeparator'];
                  setMapping({ ...mapping, decimalSeparator, thousandsSeparator: mapping.thousandsSeparator === decimalSeparator ? (decimalSeparator === ',' ? '.' : ',') : mapping.thousandsSeparator });
                }}
              >
                <option value=".">{t('catalogImport.sepDot')}</option>
                <option value=",">{t('catalogImport.sepComma')}</option>
              </SelectField>
              <SelectField label={t('catalogImport.thousandsSeparator')} value={mapping.thousandsSeparator} onChange={(value) => setMapping({ ...mapping, thousandsSeparator: value as WizardMapping['thousandsSeparator'] })}>
                <option value="">{t('catalogImport.sepNone')}</option>
                <option value=",">{t('catalogImport.sepComma')}</option>
                <option value=".">{t('catalogImport.sepDot')}</option>
                <option value=" ">{t('catalogImport.sepSpace')}</option>
                <option value="'">{t('catalogImport.sepApostrophe')}</option>
              </SelectField>
              {preview.kind === 'csv' || preview.kind === null ? (
                <SelectField label={t('catalogImport.delimiter')} value={mapping.delimiter} onChange={(value) => setMapping({ ...mapping, delimiter: value as WizardMapping['delimiter'] })}>
                  <option value=",">{t('catalogImport.sepComma')}</option>
                  <option value=";">{t('catalogImport.sepSemicolon')}</option>
                  <option value={'\t'}>{t('catalogImport.sepTab')}</option>
                  <option value="|">{t('catalogImport.sepPipe')}</option>
                </SelectField>
              ) : null}
              <TextField label={t('catalogImport.listSeparator')} value={mapping.listSeparator} onChange={(listSeparator) => setMapping({ ...mapping, listSeparator: listSeparator.slice(0, 3) || '|' })} narrow />
            </div>
            {seenCategories.length ? (
              <div className="wizard__categories">
                <h3>{t('catalogImport.categoryMapping')}</h3>
                <p className="muted">{t('catalogImport.categoryMappingHint')}</p>
                <div className="wizard__grid">
                  {seenCategories.map((theirs) => (
                    <SelectField
                      key={theirs}
                      label={theirs}
                      value={mapping.categories[theirs] ?? ''}
                      onChange={(ours) => {
                        const categories = { ...mapping.categories };
                        if (ours) categories[theirs] = ours as Category;
                        else delete categories[theirs];
                        setMapping({ ...mapping, categories });
                      }}
                    >
                      <option value="">{t('catalogImport.unmapped')}</option>
                      {CATEGORIES.map((category) => (
                        <option key={category} value={category}>
                          {t(`category.${category}`)}
                        </option>
                      ))}
                    </SelectField>
                  ))}
                </div>
              </div>
            ) : null}
          </>
        ) : null}
      </WizardStep>

      <WizardStep number={4} title={t('catalogImport.stepPreview')} disabled={!preview}>
        {previewError ? <ErrorState error={previewError} /> : null}
        {previewing && !preview ? <p className="muted">{t('catalogImport.previewing')}</p> : null}
        {preview ? <PreviewTable preview={preview} stale={previewing || missing.length > 0} /> : null}
        {importError ? <ErrorState error={importError} /> : null}
        <div className="wizard__actions">
          <Button variant="primary" disabled={!feed || !retailer || !serverMapping || importing} onClick={() => void runImport()}>
            {importing ? t('catalogImport.importing') : t('catalogImport.import', { name: feed?.name ?? '' })}
          </Button>
        </div>
      </WizardStep>
    </div>
  );
}

function PreviewTable({ preview, stale }: { readonly preview: Preview; readonly stale: boolean }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const accepted = preview.rows.filter((row) => row.ok).length;
  return (
    <div className={stale ? 'preview preview--stale' : 'preview'}>
      {preview.problem ? <p className="banner banner--error">{t('catalogImport.previewProblem', { problem: preview.problem })}</p> : null}
      {preview.rows.length ? (
        <>
          <p className="muted">{t('catalogImport.acceptedCount', { accepted, total: preview.rows.length })}</p>
          <div className="table-wrap">
            <table className="table" aria-label={t('catalogImport.previewTitle')}>
              <thead>
                <tr>
                  <th scope="col" className="numeric">
                    {t('catalogImport.line')}
                  </th>
                  <th scope="col">{t('catalogImport.status')}</th>
                  <th scope="col">{t('catalogImport.nameColumn')}</th>
                  <th scope="col">{t('catalog.dimensions')}</th>
                  <th scope="col" className="numeric">
                    {t('catalogImport.field_price')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {preview.rows.map((row) =>
                  row.ok ? (
                    <tr key={row.line} data-status="accepted">
                      <td className="numeric">{row.line}</td>
                      <td>
                        <span className="pill pill--done">{t('catalogImport.accepted')}</span>
                      </td>
                      <td>
                        {row.product.name}
                        <span className="muted"> · {t(`category.${row.product.category}`)}</span>
                      </td>
                      <td>{format.dimensions(row.product)}</td>
                      <td className="numeric">{format.money(row.product.price)}</td>
                    </tr>
                  ) : (
                    <tr key={row.line} data-status="rejected" className="preview__rejected">
                      <td className="numeric">{row.line}</td>
                      <td>
                        <span className="pill pill--danger">{t('catalogImport.rejected')}</span>
                      </td>
                      <td colSpan={3}>
                        {row.sku ? <strong>{row.sku}: </strong> : null}
                        {row.reason}
                      </td>
                    </tr>
                  ),
                )}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
    </div>
  );
}

function WizardStep({ number, title, disabled = false, children }: { readonly number: number; readonly title: string; readonly disabled?: boolean; readonly children: ReactNode }) {
  const id = useId();
  return (
    <section className={disabled ? 'wizard__step wizard__step--disabled' : 'wizard__step'} aria-labelledby={id}>
      <h2 id={id} className="wizard__title">
        <span className="wizard__number" aria-hidden="true">
          {number}
        </span>
        {title}
      </h2>
      <div className="wizard__content">{children}</div>
    </section>
  );
}

function SelectField({ label, value, onChange, children }: { readonly label: string; readonly value: string; readonly onChange: (value: string) => void; readonly children: ReactNode }) {
  const id = useId();
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <select id={id} className="field__input" value={value} onChange={(event) => onChange(event.target.value)}>
        {children}
      </select>
    </div>
  );
}

function TextField({ label, value, onChange, placeholder, narrow = false }: { readonly label: string; readonly value: string; readonly onChange: (value: string) => void; readonly placeholder?: string; readonly narrow?: boolean }) {
  const id = useId();
  return (
    <div className={narrow ? 'field field--narrow' : 'field'}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <input id={id} className="field__input" value={value} placeholder={placeholder} onChange={(event) => onChange(event.target.value)} />
    </div>
  );
}

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}
