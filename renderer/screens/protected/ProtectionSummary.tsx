import { useTranslation } from 'react-i18next';
import { routeHref } from '../../app/routes.ts';
import { useFormatters } from '../../i18n/useFormatters.ts';
import { ArrowRight } from '../../ui/Icons.tsx';
import { useProtectedPurchases } from './ProtectedScreen.tsx';
import { ShieldIcon } from './ShieldIcon.tsx';
import { protectionTotals } from './totals.ts';
import './protected.css';

/** The customer's home links to Protected purchases with what is being watched and claimed. */
export function ProtectionSummary() {
  const { t } = useTranslation();
  const format = useFormatters();
  const resource = useProtectedPurchases();
  const purchases = resource.status === 'ready' ? resource.data.purchases : [];
  const totals = protectionTotals(purchases);
  const body = resource.status === 'ready' && purchases.length > 0 ? t('protected.summaryBody', { count: totals.watching }) : t('protected.summaryEmpty');
  return (
    <a className="protection-summary" href={routeHref({ name: 'protected' })} aria-label={t('protected.open')} data-testid="protection-summary">
      <span className="protection-summary__icon">
        <ShieldIcon width={20} height={20} />
      </span>
      <span className="protection-summary__text">
        <span className="protection-summary__title">{t('protected.title')}</span>
        <span className="muted">{body}</span>
      </span>
      {totals.claimed.length ? <span className="protection-summary__claimed">{t('protected.summaryClaimed', { amount: totals.claimed.map((m) => format.money(m)).join(' + ') })}</span> : null}
      <ArrowRight />
    </a>
  );
}
