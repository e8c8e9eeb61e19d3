import { useTranslation } from 'react-i18next';
import { MATERIAL_CHOICES, STYLE_CARDS, type CardAnswer, type StyleAnswers } from '../../../core/intake/index.ts';
import { Segmented } from '../../ui/Segmented.tsx';
import { StyleCardArt } from './StyleCardArt.tsx';
import { InspirationImages } from '../photos/InspirationImages.tsx';
import './profile.css';

export interface RetailerChoice {
  readonly id: string;
  readonly name: string;
}

/**
 * The style questions: picture cards to like or pass, colour preferences, materials and favourite
 * retailers. Controlled: the caller owns the answers (the intake wizard, the profile screen).
 */
export function StyleQuiz({ answers, onChange, retailers }: { readonly answers: StyleAnswers; readonly onChange: (answers: StyleAnswers) => void; readonly retailers: readonly RetailerChoice[] }) {
  const { t } = useTranslation();
  const answerCard = (cardId: string, answer: CardAnswer) => {
    const cards = { ...answers.cards };
    if (cards[cardId] === answer) delete cards[cardId];
    else cards[cardId] = answer;
    onChange({ ...answers, cards });
  };
  const toggle = (list: readonly string[], value: string) => (list.includes(value) ? list.filter((v) => v !== value) : [...list, value]);
  const answered = Object.keys(answers.cards).length;
  return (
    <div className="style-quiz">
      <fieldset className="style-quiz__group">
        <legend>{t('intake.style.cardsTitle')}</legend>
        <p className="muted">{t('intake.style.cardsHint', { count: answered, total: STYLE_CARDS.length })}</p>
        <ul className="style-cards" role="list">
          {STYLE_CARDS.map((card) => {
            const name = t(`intake.styleName.${card.id}`);
            const answer = answers.cards[card.id];
            return (
              <li key={card.id} className={`style-card${answer ? ` style-card--${answer}` : ''}`} data-testid={`style-card-${card.id}`}>
                <StyleCardArt card={card} title={name} />
                <div className="style-card__body">
                  <span className="style-card__name">{name}</span>
                  <div className="style-card__actions" role="group" aria-label={name}>
                    <button type="button" className="style-card__choice" aria-pressed={answer === 'like'} onClick={() => answerCard(card.id, 'like')}>
                      {t('intake.style.like')}
                    </button>
                    <button type="button" className="style-card__choice" aria-pressed={answer === 'pass'} onClick={() => answerCard(card.id, 'pass')}>
                      {t('intake.style.pass')}
                    </button>
                  </div>
                </div>
              </li>
            );
          })}
        </ul>
      </fieldset>

      <fieldset className="style-quiz__group">
        <legend>{t('intake.style.coloursTitle')}</legend>
        <div className="style-quiz__colours">
          <Segmented
            label={t('intake.style.temperature')}
            value={answers.colours.temperature}
            options={(['warm', 'either', 'cool'] as const).map((value) => ({ value, label: t(`intake.style.colour.${value}`) }))}
            onChange={(temperature) => onChange({ ...answers, colours: { ...answers.colours, temperature } })}
          />
          <Segmented
            label={t('intake.style.lightness')}
            value={answers.colours.lightness}
            options={(['light', 'either', 'dark'] as const).map((value) => ({ value, label: t(`intake.style.colour.${value}`) }))}
            onChange={(lightness) => onChange({ ...answers, colours: { ...answers.colours, lightness } })}
          />
          <Segmented
            label={t('intake.style.intensity')}
            value={answers.colours.intensity}
            options={(['muted', 'either', 'bright'] as const).map((value) => ({ value, label: t(`intake.style.colour.${value}`) }))}
            onChange={(intensity) => onChange({ ...answers, colours: { ...answers.colours, intensity } })}
          />
        </div>
      </fieldset>

      <fieldset className="style-quiz__group">
        <legend>{t('intake.style.materialsTitle')}</legend>
        <div className="intake-chips">
          {MATERIAL_CHOICES.map((material) => (
            <label key={material} className="intake-chip">
              <input type="checkbox" checked={answers.materials.includes(material)} onChange={() => onChange({ ...answers, materials: toggle(answers.materials, material) })} />
              <span>{material}</span>
            </label>
          ))}
        </div>
      </fieldset>

      {retailers.length > 0 ? (
        <fieldset className="style-quiz__group">
          <legend>{t('intake.style.retailersTitle')}</legend>
          <div className="intake-chips">
            {retailers.map((retailer) => (
              <label key={retailer.id} className="intake-chip">
                <input type="checkbox" checked={answers.retailerIds.includes(retailer.id)} onChange={() => onChange({ ...answers, retailerIds: toggle(answers.retailerIds, retailer.id) })} />
                <span>{retailer.name}</span>
              </label>
            ))}
          </div>
        </fieldset>
      ) : null}

      <fieldset className="style-quiz__group">
        <legend>{t('intake.style.inspirationTitle')}</legend>
        <InspirationImages showTitle={false} />
      </fieldset>
    </div>
  );
}
