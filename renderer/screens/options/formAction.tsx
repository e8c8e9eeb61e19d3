import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client.ts';
import { describeError } from '../../app/errors.ts';

/**
 * One form action at a time: `run` marks it busy, clears the last error, and turns a failure into
 * the sentence to show — the server's own words for a conflict it explains (409), otherwise
 * describeError's. `explain` sees a failure first: a sentence to show, null to show none, or
 * undefined to fall back. Resolves to whether the work succeeded.
 */
export function useFormAction() {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async (work: () => Promise<void>, explain?: (caught: unknown) => string | null | undefined): Promise<boolean> => {
    setBusy(true);
    setError(null);
    try {
      await work();
      return true;
    } catch (caught) {
      const claimed = explain?.(caught);
      setError(claimed !== undefined ? claimed : isApiError(caught) && caught.status === 409 ? caught.message : describeError(caught, t));
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, setError, run };
}

/** A form's error, announced to screen readers. */
export function FormError({ error, id }: { readonly error: string | null | undefined; readonly id?: string }) {
  return error ? (
    <p className="field__error" id={id} role="alert">
      {error}
    </p>
  ) : null;
}
