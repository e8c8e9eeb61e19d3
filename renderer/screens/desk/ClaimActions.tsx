import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { denyClaim, expireClaim, fileClaim, refundClaim, reopenClaim } from '../../../core/api/desk.ts';
import { minorUnitDigits, parseMoneyAmount } from '../../../core/money.ts';
import { isApiError } from '../../api/client.ts';
import { describeError } from '../../app/errors.ts';
import { api } from '../../app/studio.ts';
import { useFormatters } from '../../i18n/useFormatters.ts';
import { Button } from '../../ui/Button.tsx';
import { Field } from '../../ui/Field.tsx';
import type { DeskClaim } from './types.ts';

/**
 * Support's actions, offered by the claim's status: file (channel and the retailer's reference),
 * refund (amount, partial allowed, and date), deny (reason), reopen. Every action carries the
 * version on screen; a 409 means someone else got there first, and the screen reloads to show
 * the claim as it is now.
 */
export function ClaimActions({ claim, onDone, onConflict }: { readonly claim: DeskClaim; readonly onDone: () => void; readonly onConflict: () => void }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [channel, setChannel] = useState('email');
  const [ref, setRef] = useState('');
  const digits = minorUnitDigits(claim.amount.currency);
  const [amount, setAmount] = useState((claim.amount.amountMinor / 10 ** digits).toFixed(digits));
  const [date, setDate] = useState(new Date().toISOString().slice(0, 10));
  const [reason, setReason] = useState('');

  const run = async (action: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
      onDone();
    } catch (caught) {
      if (isApiError(caught) && caught.status === 409) onConflict();
      else setError(describeError(caught, t));
    } finally {
      setBusy(false);
    }
  };
  const params = { claimId: claim.id };
  const expectedVersion = claim.version;
  const submit = (action: () => Promise<unknown>) => (event: FormEvent) => {
    event.preventDefault();
    void run(action);
  };

  const onRefund = submit(async () => {
    let amountMinor: number;
    try {
      amountMinor = parseMoneyAmount(amount, claim.amount.currency);
    } catch {
      throw new Error(t('desk.amountInvalid'));
    }
    return api.call(refundClaim, { params, body: { expectedVersion, amountMinor, refundedAt: date || undefined } });
  });

  return (
    <section className="desk-actions" aria-labelledby="desk-actions-title">
      <h2 id="desk-actions-title">{t('desk.actions')}</h2>
      {error ? (
        <p className="desk-actions__error" role="alert">
          {error}
        </p>
      ) : null}
      {claim.status === 'detected' || claim.status === 'denied' ? (
        <form className="desk-form" aria-label={t('desk.file')} onSubmit={submit(() => api.call(fileClaim, { params, body: { expectedVersion, channel, retailerRef: ref } }))}>
          <label className="field">
            <span className="field__label">{t('desk.channel')}</span>
            <select className="field__input" value={channel} onChange={(event) => setChannel(event.target.value)}>
              <option value="email">E-mail</option>
              <option value="portal">Retailer portal</option>
              <option value="phone">Phone</option>
              <option value="chat">Chat</option>
            </select>
          </label>
          <Field label={t('desk.retailerRef')} value={ref} required onChange={(event) => setRef(event.target.value)} />
          <Button type="submit" variant="primary" disabled={busy || !ref.trim()}>
            {t('desk.file')}
          </Button>
        </form>
      ) : null}
      {claim.status === 'filed' ? (
        <>
          <form className="desk-form" aria-label={t('desk.refund')} onSubmit={onRefund}>
            <Field label={t('desk.refundAmount', { currency: claim.amount.currency })} inputMode="decimal" value={amount} required onChange={(event) => setAmount(event.target.value)} />
            <Field label={t('desk.refundDate')} type="date" value={date} onChange={(event) => setDate(event.target.value)} />
            <p className="muted desk-form__hint">{t('desk.refundHint', { amount: format.money(claim.amount) })}</p>
            <Button type="submit" variant="primary" disabled={busy}>
              {t('desk.refund')}
            </Button>
          </form>
          <form className="desk-form" aria-label={t('desk.deny')} onSubmit={submit(() => api.call(denyClaim, { params, body: { expectedVersion, reason } }))}>
            <Field label={t('desk.denyReason')} value={reason} required onChange={(event) => setReason(event.target.value)} />
            <Button type="submit" variant="danger" disabled={busy || !reason.trim()}>
              {t('desk.deny')}
            </Button>
          </form>
          <Button variant="ghost" disabled={busy} onClick={() => void run(() => api.call(expireClaim, { params, body: { expectedVersion } }))}>
            {t('desk.expire')}
          </Button>
        </>
      ) : null}
      {claim.status === 'denied' ? (
        <Button disabled={busy} onClick={() => void run(() => api.call(reopenClaim, { params, body: { expectedVersion } }))}>
          {t('desk.reopen')}
        </Button>
      ) : null}
      {claim.status === 'refunded' || claim.status === 'expired' ? <p className="muted">{t('desk.closed')}</p> : null}
    </section>
  );
}
