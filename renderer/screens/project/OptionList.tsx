import { useTranslation } from 'react-i18next';
import type { OptionSummary } from '../../api/types.ts';
import { useFormatters } from '../../i18n/useFormatters.ts';

export function OptionList({ options, selectedId, onSelect }: { readonly options: readonly OptionSummary[]; readonly selectedId: string | null; readonly onSelect: (optionId: string) => void }) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <section className="panel" aria-labelledby="options-title">
      <h2 className="panel__title" id="options-title">
        {t('project.options')}
      </h2>
      {options.length === 0 ? (
        <p className="muted panel__empty">{t('project.noOptions')}</p>
      ) : (
        <ul className="choice-list" role="list">
          {options.map((option) => {
            const selected = option.id === selectedId;
            return (
              <li key={option.id}>
                <button type="button" className={selected ? 'choice choice--selected' : 'choice'} aria-pressed={selected} onClick={() => onSelect(option.id)}>
                  <span className="choice__title">{option.name}</span>
                  <span className="choice__meta">
                    {t('project.pieceCount', { count: option.itemCount })} · {t('home.updated', { date: format.date(option.updatedAt) })}
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
