import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { deskClaim } from '../../../core/api/desk.ts';
import { routeHref } from '../../app/routes.ts';
import { api } from '../../app/studio.ts';
import { useResource } from '../../app/useResource.ts';
import { useFormatters } from '../../i18n/useFormatters.ts';
import { selectUser, useAppStore } from '../../state/store.ts';
import { AppHeader } from '../../ui/AppHeader.tsx';
import { ArrowLeft } from '../../ui/Icons.tsx';
import { ErrorState, LoadingState } from '../../ui/States.tsx';
import { ClaimChart } from '../protected/ClaimChart.tsx';
import { ClaimPill } from '../protected/ClaimPill.tsx';
import { EvidencePackLink, evidencePackHref } from '../protected/EvidencePackLink.tsx';
import { ClaimActions } from './ClaimActions.tsx';
import type { DeskClaimDetail } from './types.ts';
import '../protected/protected.css';
import './desk.css';

/** One claim on one screen (#/desk/claims/:id): the purchase, the policy, the evidence, the customer's story, the history, and the actions. */
export function DeskClaimScreen({ claimId }: { readonly claimId: string }) {
  const { t } = useTranslation();
  const resource = useResource(`desk-claim:${claimId}`, (signal) => api.call(deskClaim, { params: { claimId }, signal }));
  const [notice, setNotice] = useState<'done' | 'conflict' | null>(null);
  const role = useAppStore(selectUser)?.role;
  // Back to where this person came from: support's home is the queue; a customer's claims are on Protected purchases.
  const back = role === 'support' ? routeHref({ name: 'home' }) : role === 'admin' ? routeHref({ name: 'desk', tab: 'queue' }) : role === 'customer' ? routeHref({ name: 'protected' }) : routeHref({ name: 'home' });
  return (
    <div className="page">
      <AppHeader trail={resource.status === 'ready' ? resource.data.claim.product.name : t('desk.title')} />
      <main className="page__main" id="main">
        <a className="protection-back" href={back}>
          <ArrowLeft />
          {role === 'customer' ? t('claim.back') : t('desk.back')}
        </a>
        {notice === 'conflict' ? (
          <p className="desk-notice desk-notice--conflict" role="alert" data-testid="desk-conflict">
            {t('desk.conflict')}
          </p>
        ) : null}
        {notice === 'done' ? (
          <p className="desk-notice" role="status">
            {t('desk.done')}
          </p>
        ) : null}
        {resource.status === 'loading' && !resource.data ? <LoadingState label={t('desk.claimLoading')} /> : null}
        {resource.status === 'error' ? <ErrorState error={resource.error} onRetry={resource.reload} /> : null}
        {resource.status === 'ready' ? (
          <ClaimDetail
            detail={resource.data}
            onDone={() => {
              setNotice('done');
              resource.reload();
            }}
            onConflict={() => {
              setNotice('conflict');
              resource.reload();
            }}
          />
        ) : null}
      </main>
    </div>
  );
}

function ClaimDetail({ detail, onDone, onConflict }: { readonly detail: DeskClaimDetail; readonly onDone: () => void; readonly onConflict: () => void }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const { claim, evidence } = detail;
  const policy = evidence.line.retailer.policy;
  return (
    <article className="desk-claim" aria-labelledby="desk-claim-title" data-testid="desk-claim" data-version={claim.version}>
      <header className="evidence__head">
        <ClaimPill status={claim.status} />
        <h1 id="desk-claim-title" className="evidence__title">
          {claim.product.name} — {claim.customer.name}
        </h1>
        <p className="evidence__explain">
          {t('desk.detected', { date: format.dateTime(claim.detectedAt) })} · {t('desk.target', { date: format.dateTime(claim.waiting.targetAt) })}
          {claim.waiting.breached ? <span className="pill desk-breach">{t('desk.breached')}</span> : null}
        </p>
      </header>

      <div className="desk-claim__grid">
        <div>
          <dl className="evidence__facts desk-facts">
            <div className="evidence__fact evidence__fact--accent">
              <dt>{t('desk.claimed')}</dt>
              <dd data-testid="desk-claimed">{format.money(claim.amount)}</dd>
            </div>
            <div className="evidence__fact">
              <dt>{t('desk.refunded')}</dt>
              <dd data-testid="desk-refunded">{claim.refundedAmount ? format.money(claim.refundedAmount) : '—'}</dd>
            </div>
            <div className="evidence__fact">
              <dt>{t('desk.line')}</dt>
              <dd>
                {t('desk.paid', { amount: format.money(claim.line.unitPricePaid), count: claim.line.quantity })}
                <div className="muted">
                  {t('desk.orderRef', { ref: claim.line.orderRef })} · {t('desk.bought', { date: format.date(claim.line.purchasedAt) })}
                </div>
              </dd>
            </div>
            <div className="evidence__fact">
              <dt>{claim.retailer.name}</dt>
              <dd>
                {t('desk.policy', {
                  days: policy.windowDays,
                  from: t(policy.windowFrom === 'purchase' ? 'desk.policyFromPurchase' : 'desk.policyFromDelivery'),
                  adjustments: t(policy.adjustments === 'one' ? 'desk.policyOne' : 'desk.policyUnlimited'),
                })}
                <div className="muted">{claim.window.daysLeft === null ? '' : t('desk.daysLeft', { count: claim.window.daysLeft })}</div>
              </dd>
            </div>
          </dl>
          {claim.filedAt ? <p className="desk-note" data-testid="desk-filed">{t('desk.filedWith', { date: format.date(claim.filedAt), channel: claim.channel ?? '', ref: claim.retailerRef ?? '' })}</p> : null}
          {claim.denialReason ? <p className="desk-note">{t('desk.deniedBecause', { reason: claim.denialReason })}</p> : null}

          <section className="evidence__history" aria-labelledby="desk-history-title">
            <h2 id="desk-history-title">{t('claim.historyTitle')}</h2>
            <ClaimChart evidence={evidence} />
            <p className="desk-pack">
              <EvidencePackLink claimId={claim.id} />
              <span className="muted desk-pack__hint">{t('claim.exportEvidenceHint')}</span>
              <span>
                <a href={evidencePackHref(claim.id, 'pdf')} download>
                  {t('desk.evidencePdf')}
                </a>{' '}
                ·{' '}
                <a href={evidencePackHref(claim.id, 'csv')} download>
                  {t('desk.evidenceCsv')}
                </a>
              </span>
            </p>
          </section>
        </div>

        <aside className="desk-claim__side">
          {detail.canAct ? <ClaimActions key={claim.version} claim={claim} onDone={onDone} onConflict={onConflict} /> : <p className="muted">{t('desk.readOnly')}</p>}

          <section aria-labelledby="desk-audit-title">
            <h2 id="desk-audit-title">{t('desk.history')}</h2>
            {detail.audit.length === 0 ? (
              <p className="muted">{t('desk.historyEmpty')}</p>
            ) : (
              <ol className="desk-list" data-testid="desk-audit">
                {detail.audit.map((entry) => (
                  <li key={entry.seq}>
                    <span>{t('desk.historyEntry', { actor: entry.actor.name, action: entry.action.replace(/^claim\./, '') })}</span>
                    <time className="muted" dateTime={entry.at}>
                      {format.dateTime(entry.at)}
                    </time>
                  </li>
                ))}
              </ol>
            )}
          </section>

          <section aria-labelledby="desk-messages-title">
            <h2 id="desk-messages-title">{t('desk.messages')}</h2>
            {detail.messages.length === 0 ? (
              <p className="muted">{t('desk.messagesEmpty')}</p>
            ) : (
              <ul className="desk-list">
                {detail.messages.map((message) => (
                  <li key={message.id}>
                    <strong>{message.title}</strong>
                    <time className="muted" dateTime={message.createdAt}>
                      {format.dateTime(message.createdAt)}
                    </time>
                  </li>
                ))}
              </ul>
            )}
          </section>

          <section aria-labelledby="desk-timeline-title">
            <h2 id="desk-timeline-title">{t('desk.timeline')}</h2>
            {detail.timeline.length === 0 ? (
              <p className="muted">{t('desk.timelineEmpty')}</p>
            ) : (
              <ul className="desk-list" data-testid="desk-timeline">
                {detail.timeline.map((event) => (
                  <li key={event.id}>
                    <span>{event.text}</span>
                    <time className="muted" dateTime={event.at}>
                      {event.actorName} · {format.dateTime(event.at)}
                    </time>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </aside>
      </div>
    </article>
  );
}
