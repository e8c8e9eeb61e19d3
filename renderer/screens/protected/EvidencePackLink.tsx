import { useTranslation } from 'react-i18next';

/** Where a claim's evidence pack downloads from (core/api/desk.ts `evidencePack`). */
export function evidencePackHref(claimId: string, format: 'zip' | 'pdf' | 'csv' = 'zip'): string {
  return `/api/desk/claims/${encodeURIComponent(claimId)}/evidence-pack${format === 'zip' ? '' : `?format=${format}`}`;
}

/**
 * "Export evidence pack": the zip of the PDF (price chart, purchase, policy, claim) and the CSV of
 * observations, made by the server — the same files `atelier claims evidence` writes.
 */
export function EvidencePackLink({ claimId }: { readonly claimId: string }) {
  const { t } = useTranslation();
  return (
    <a className="button button--secondary button--sm evidence-pack" href={evidencePackHref(claimId)} download title={t('claim.exportEvidenceHint')} data-testid="evidence-pack">
      {t('claim.exportEvidence')}
    </a>
  );
}
