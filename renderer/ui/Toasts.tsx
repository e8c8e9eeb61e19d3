import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { selectToasts, useAppStore } from '../state/store.ts';
import type { Toast } from '../state/uiSlice.ts';
import { Close } from './Icons.tsx';

const TOAST_MS = 6000;

function ToastItem({ toast }: { readonly toast: Toast }) {
  const { t } = useTranslation();
  const dismiss = useAppStore((state) => state.dismissToast);
  useEffect(() => {
    const timer = window.setTimeout(() => dismiss(toast.id), TOAST_MS);
    return () => window.clearTimeout(timer);
  }, [dismiss, toast.id]);
  return (
    <div className={`toast toast--${toast.tone}`} role={toast.tone === 'error' ? 'alert' : 'status'}>
      <span className="toast__message">{toast.message}</span>
      <button type="button" className="icon-button" aria-label={t('toast.dismiss')} onClick={() => dismiss(toast.id)}>
        <Close />
      </button>
    </div>
  );
}

export function Toasts() {
  const toasts = useAppStore(selectToasts);
  return (
    <div className="toasts" aria-live="polite">
      {toasts.map((toast) => (
        <ToastItem key={toast.id} toast={toast} />
      ))}
    </div>
  );
}
