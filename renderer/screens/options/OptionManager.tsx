import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import * as endpoints from '../../../core/api/options.ts';
import type { OptionSummary } from '../../api/types.ts';
import { api } from '../../app/studio.ts';
import { useAppStore } from '../../state/store.ts';
import { Button } from '../../ui/Button.tsx';
import { Field } from '../../ui/Field.tsx';
import { FormError, useFormAction } from './formAction.tsx';

type Mode = 'new' | 'duplicate' | 'rename' | null;

/** The designer's option management: a new empty option, a copy of this one as it stands, rename, delete. */
export function OptionManager({ roomId, option, optionCount, onChanged }: { readonly roomId: string; readonly option: OptionSummary | null; readonly optionCount: number; readonly onChanged: (optionId?: string) => void }) {
  const { t } = useTranslation();
  const showToast = useAppStore((state) => state.showToast);
  const [mode, setMode] = useState<Mode>(null);
  const [name, setName] = useState('');
  const { busy, error, setError, run: runAction } = useFormAction();
  const [confirmDelete, setConfirmDelete] = useState(false);

  const open = (next: Mode) => {
    setMode(next);
    setError(null);
    setConfirmDelete(false);
    setName(next === 'duplicate' && option ? t('options.copyOf', { name: option.name }) : next === 'rename' && option ? option.name : t('options.defaultName', { letter: String.fromCharCode(65 + optionCount) }));
  };

  const run = (work: () => Promise<string | undefined>) =>
    void runAction(async () => {
      const optionId = await work();
      setMode(null);
      setConfirmDelete(false);
      onChanged(optionId);
    });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) {
      setError(t('options.nameRequired'));
      return;
    }
    run(async () => {
      if (mode === 'rename' && option) {
        await api.call(endpoints.renameOption, { params: { optionId: option.id }, body: { name } });
        return option.id;
      }
      const created = await api.call(endpoints.createOption, { params: { roomId }, body: mode === 'duplicate' && option ? { name, duplicateOf: option.id } : { name } });
      showToast('success', t('options.created', { name: created.option.name }));
      return created.option.id;
    });
  };

  return (
    <div className="option-manager">
      <div className="option-manager__actions" role="group" aria-label={t('options.manage')}>
        <Button size="sm" variant="ghost" onClick={() => open('new')}>
          {t('options.new')}
        </Button>
        {option ? (
          <>
            <Button size="sm" variant="ghost" onClick={() => open('duplicate')}>
              {t('options.duplicate')}
            </Button>
            <Button size="sm" variant="ghost" onClick={() => open('rename')}>
              {t('options.rename')}
            </Button>
            <Button size="sm" variant="ghost" onClick={() => {
                setMode(null);
                setConfirmDelete(true);
              }}>
              {t('options.delete')}
            </Button>
          </>
        ) : null}
      </div>
      {mode ? (
        <form className="option-manager__form" onSubmit={submit}>
          <Field label={mode === 'rename' ? t('options.renameLabel') : t('options.nameLabel')} value={name} maxLength={80} onChange={(event) => setName(event.target.value)} autoFocus />
          <div className="option-manager__buttons">
            <Button type="submit" size="sm" variant="primary" disabled={busy}>
              {mode === 'rename' ? t('options.save') : mode === 'duplicate' ? t('options.duplicateSubmit') : t('options.create')}
            </Button>
            <Button size="sm" variant="ghost" onClick={() => setMode(null)}>
              {t('options.cancel')}
            </Button>
          </div>
        </form>
      ) : null}
      {confirmDelete && option ? (
        <div className="option-manager__form" role="alertdialog" aria-label={t('options.deleteConfirm', { name: option.name })}>
          <p>{t('options.deleteConfirm', { name: option.name })}</p>
          <div className="option-manager__buttons">
            <Button size="sm" variant="danger" disabled={busy} onClick={() =>
                void run(async () => {
                  await api.call(endpoints.deleteOption, { params: { optionId: option.id } });
                  return undefined;
                })
              }>
              {t('options.deleteSubmit')}
            </Button>
            <Button size="sm" variant="ghost" onClick={() => setConfirmDelete(false)}>
              {t('options.cancel')}
            </Button>
          </div>
        </div>
      ) : null}
      <FormError error={error} />
    </div>
  );
}
