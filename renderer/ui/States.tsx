import { useTranslation } from 'react-i18next';
import type { ReactNode } from 'react';
import { describeError } from '../app/errors.ts';
import { Button } from './Button.tsx';
import { Alert } from './Icons.tsx';

export function LoadingState({ label }: { readonly label: string }) {
  return (
    <div className="state state--loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      <span>{label}</span>
    </div>
  );
}

export function ErrorState({ error, onRetry }: { readonly error: unknown; readonly onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="state state--error" role="alert">
      <Alert width={20} height={20} />
      <p>{describeError(error, t)}</p>
      {onRetry ? (
        <Button size="sm" onClick={onRetry}>
          {t('errors.retry')}
        </Button>
      ) : null}
    </div>
  );
}

export function EmptyState({ children }: { readonly children: ReactNode }) {
  return <div className="state state--empty">{children}</div>;
}
