import { useTranslation } from 'react-i18next';
import type { ClaimStatus } from './types.ts';

/** Detected and filed are under way, refunded is done, denied and expired are over without money. */
export function ClaimPill({ status }: { readonly status: ClaimStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`pill claim-pill claim-pill--${status}`} data-status={status}>
      {t(`claimStatus.${status}`)}
    </span>
  );
}
