import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import * as endpoints from '../../../core/api/options.ts';
import { can } from '../../../core/permissions.ts';
import { isApiError } from '../../api/client.ts';
import { describeError } from '../../app/errors.ts';
import { routeHref } from '../../app/routes.ts';
import { openExternal } from '../../bridge/native.ts';
import { api } from '../../app/studio.ts';
import { useResource } from '../../app/useResource.ts';
import { useFormatters } from '../../i18n/useFormatters.ts';
import { selectUser, useAppStore } from '../../state/store.ts';
import { AppHeader } from '../../ui/AppHeader.tsx';
import { Button } from '../../ui/Button.tsx';
import { Field } from '../../ui/Field.tsx';
import { ArrowLeft } from '../../ui/Icons.tsx';
import { ErrorState, LoadingState } from '../../ui/States.tsx';
import { FormError } from '../options/formAction.tsx';
import type { ShoppingLine, ShoppingList } from '../options/types.ts';
import { checkPurchase, localDay, priceText, type PurchaseDraft } from './purchaseInput.ts';
import './shopping.css';

/** The approved option as a shopping list: by retailer, with subtotals, the total, product links, CSV, and "mark purchased". */
export function ShoppingListScreen({ projectId, optionId }: { readonly projectId: string; readonly optionId: string }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const list = useResource(`shopping:${optionId}`, (signal) => api.call(endpoints.shoppingList, { params: { optionId }, signal }));
  return (
    <div className="page page--shopping">
      <AppHeader trail={list.status === 'ready' ? t('shopping.trail', { option: list.data.approval.optionName }) : undefined} />
      <main className="shopping" id="main">
        <a className="back-link" href={routeHref({ name: 'project', projectId, optionId })}>
          <ArrowLeft />
          {t('options.backToOption')}
        </a>
        {list.status === 'loading' ? <LoadingState label={t('shopping.loading')} /> : null}
        {list.status === 'error' ? <ErrorState error={list.error} onRetry={list.reload} /> : null}
        {list.status === 'ready' ? (
          <>
            <header className="shopping__head">
              <div>
                <h1>{t('shopping.title')}</h1>
                <p className="muted">
                  {t('shopping.basis', { option: list.data.approval.optionName, label: list.data.approval.version.label, name: list.data.approval.approvedBy.name, date: format.date(list.data.approval.approvedAt) })}
                </p>
              </div>
              <div className="shopping__summary">
                <span>{t('shopping.progress', { done: list.data.purchasedCount, count: list.data.lineCount })}</span>
                <a className="button button--secondary button--sm" href={`/api/options/${encodeURIComponent(optionId)}/shopping-list.csv`} download>
                  {t('shopping.exportCsv')}
                </a>
              </div>
            </header>
            {list.data.retailers.map((retailer) => (
              <section key={retailer.retailerId} className="panel shopping__retailer" aria-labelledby={`retailer-${retailer.retailerId}`}>
                <h2 className="panel__title" id={`retailer-${retailer.retailerId}`}>
                  {retailer.retailerName}
                </h2>
                <table className="shopping__table">
                  <thead>
                    <tr>
                      <th scope="col">{t('shopping.product')}</th>
                      <th scope="col" className="num">
                        {t('shopping.quantity')}
                      </th>
                      <th scope="col" className="num">
                        {t('shopping.unitPrice')}
                      </th>
                      <th scope="col" className="num">
                        {t('shopping.lineTotal')}
                      </th>
                      <th scope="col">{t('shopping.status')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {retailer.lines.map((line) => (
                      <LineRow key={line.key} optionId={optionId} line={line} onChanged={list.reload} />
                    ))}
                  </tbody>
                  <tfoot>
                    <tr>
                      <th scope="row" colSpan={3}>
                        {t('shopping.subtotal', { retailer: retailer.retailerName })}
                      </th>
                      <td className="num" data-testid="retailer-subtotal">
                        {format.money(retailer.subtotal)}
                      </td>
                      <td />
                    </tr>
                  </tfoot>
                </table>
              </section>
            ))}
            {list.data.ownPieces.length > 0 ? <p className="muted">{t('shopping.ownPieces', { names: list.data.ownPieces.map((piece) => piece.name).join(', ') })}</p> : null}
            <GrandTotal list={list.data} />
          </>
        ) : null}
      </main>
    </div>
  );
}

function GrandTotal({ list }: { readonly list: ShoppingList }) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <div className="total shopping__total">
      <div className="total__row">
        <span>{t('shopping.grandTotal')}</span>
        <span className="total__amount" data-testid="shopping-total">
          {format.money(list.total)}
        </span>
      </div>
    </div>
  );
}

function LineRow({ optionId, line, onChanged }: { readonly optionId: string; readonly line: ShoppingLine; readonly onChanged: () => void }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const user = useAppStore(selectUser);
  const [open, setOpen] = useState(false);
  const canRecord = user ? can(user, 'purchase:record', true) : false;
  return (
    <>
      <tr data-testid="shopping-line">
        <td>
          {line.productUrl && /^https:\/\//i.test(line.productUrl) ? (
            <a
              href={line.productUrl}
              target="_blank"
              rel="noreferrer noopener"
              onClick={(event) => {
                // The desktop window never navigates away: the system browser opens the retailer's page.
                event.preventDefault();
                void openExternal(line.productUrl!);
              }}
            >
              {line.name}
            </a>
          ) : (
            line.name
          )}
          <span className="shopping__meta">
            {line.sku}
            {line.colour ? ` · ${line.colour}` : ''}
          </span>
        </td>
        <td className="num">{line.quantity}</td>
        <td className="num">{format.money(line.unitPrice)}</td>
        <td className="num" data-testid="line-total">
          {format.money(line.lineTotal)}
        </td>
        <td>
          {line.purchase ? (
            <span className="shopping__bought">{t('shopping.bought', { order: line.purchase.orderRef, price: format.money(line.purchase.unitPricePaid), date: format.date(line.purchase.purchasedAt) })}</span>
          ) : canRecord ? (
            <Button size="sm" aria-expanded={open} onClick={() => setOpen(!open)}>
              {t('shopping.markPurchased')}
            </Button>
          ) : (
            <span className="muted">{t('shopping.notBought')}</span>
          )}
        </td>
      </tr>
      {open && !line.purchase ? (
        <tr className="shopping__form-row">
          <td colSpan={5}>
            <PurchaseForm
              optionId={optionId}
              line={line}
              onDone={() => {
                setOpen(false);
                onChanged();
              }}
            />
          </td>
        </tr>
      ) : null}
    </>
  );
}

function PurchaseForm({ optionId, line, onDone }: { readonly optionId: string; readonly line: ShoppingLine; readonly onDone: () => void }) {
  const { t } = useTranslation();
  const showToast = useAppStore((state) => state.showToast);
  const [draft, setDraft] = useState<PurchaseDraft>({ orderRef: '', price: priceText(line.unitPrice), date: localDay(new Date()) });
  const [errors, setErrors] = useState<Partial<Record<'orderRef' | 'price' | 'date' | 'form', string>>>({});
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const checked = checkPurchase(draft, line.unitPrice.currency, localDay(new Date()));
    if (!checked.ok) {
      setErrors({ [checked.field]: t(`shopping.problem.${checked.problem}`) });
      return;
    }
    setBusy(true);
    setErrors({});
    try {
      await api.call(endpoints.markPurchased, { params: { optionId, lineKey: line.key }, body: { orderRef: checked.orderRef, unitPricePaid: checked.unitPricePaid, purchasedAt: checked.purchasedAt } });
      showToast('success', t('shopping.recorded', { product: line.name }));
      onDone();
    } catch (caught) {
      setErrors(isApiError(caught) && caught.issueFor('body.unitPricePaid') ? { price: caught.issueFor('body.unitPricePaid') } : { form: isApiError(caught) ? caught.message : describeError(caught, t) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="purchase-form" onSubmit={submit} aria-label={t('shopping.formLabel', { product: line.name })}>
      <Field label={t('shopping.orderRef')} value={draft.orderRef} maxLength={200} error={errors.orderRef} onChange={(event) => setDraft({ ...draft, orderRef: event.target.value })} autoFocus />
      <Field label={t('shopping.pricePaid', { currency: line.unitPrice.currency })} value={draft.price} inputMode="decimal" error={errors.price} onChange={(event) => setDraft({ ...draft, price: event.target.value })} />
      <Field label={t('shopping.purchasedOn')} type="date" value={draft.date} max={localDay(new Date())} error={errors.date} onChange={(event) => setDraft({ ...draft, date: event.target.value })} />
      <div className="purchase-form__actions">
        <Button type="submit" variant="primary" size="sm" disabled={busy}>
          {t('shopping.record')}
        </Button>
        <p className="muted">{t('shopping.watchHint')}</p>
      </div>
      <FormError error={errors.form} />
    </form>
  );
}
