import { useTranslation } from 'react-i18next';
import type { ReactNode } from 'react';
import { isApiError } from '../api/client.ts';
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

/** An error in words a person can act on; retry is offered only when trying again can help. */
export function ErrorState({ error, onRetry, action }: { readonly error: unknown; readonly onRetry?: () => void; readonly action?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="state state--error" role="alert">
      <Alert width={20} height={20} />
      <p>{describeError(error, t)}</p>
      {action}
      {onRetry && !isPermanent(error) ? (
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

/** Not found and not allowed stay so however often one asks. */
function isPermanent(error: unknown): boolean {
  return isApiError(error) && (error.status === 403 || error.status === 404);
}
