import { useTranslation } from 'react-i18next';
import type { Stage } from '../api/types.ts';

/** Early stages read calm, active ones accented, finished ones green. */
const TONE: Record<Stage, 'neutral' | 'active' | 'done'> = {
  intake: 'neutral',
  photos: 'neutral',
  designing: 'active',
  options_ready: 'active',
  revisions: 'active',
  approved: 'done',
  ordering: 'done',
  delivered: 'done',
  protected: 'done',
};

export function StagePill({ stage }: { readonly stage: Stage }) {
  const { t } = useTranslation();
  return <span className={`pill pill--${TONE[stage]}`}>{t(`stage.${stage}`)}</span>;
}
