import { useTranslation } from 'react-i18next';
import { getProjectStyleProfile } from '../../../core/api/intake.ts';
import type { ResponseOf } from '../../../core/api/endpoint.ts';
import { cardById, STYLE_CARDS } from '../../../core/intake/index.ts';
import { routeHref } from '../../app/routes.ts';
import { api } from '../../app/studio.ts';
import { useResource } from '../../app/useResource.ts';
import { useFormatters } from '../../i18n/useFormatters.ts';
import { AppHeader } from '../../ui/AppHeader.tsx';
import { ArrowLeft } from '../../ui/Icons.tsx';
import { EmptyState, ErrorState, LoadingState } from '../../ui/States.tsx';
import { StyleCardArt } from './StyleCardArt.tsx';
import { swatchColour } from './swatches.ts';
import { ProjectInspiration } from '../photos/InspirationImages.tsx';
import './profile.css';

type Answer = ResponseOf<typeof getProjectStyleProfile>;

/** The project customer's style and brief on one screen (#/projects/:id/style), for the designer. */
export function StyleSummaryScreen({ projectId }: { readonly projectId: string }) {
  const { t } = useTranslation();
  const data = useResource(`project-style:${projectId}`, (signal) => api.call(getProjectStyleProfile, { params: { projectId }, signal }));
  return (
    <div className="page">
      <AppHeader trail={t('intake.summary.title')} />
      <main className="page__main style-summary" id="main">
        <a className="back-link" href={routeHref({ name: 'project', projectId })}>
          <ArrowLeft />
          {t('intake.summary.back')}
        </a>
        {data.status === 'loading' ? <LoadingState label={t('app.loading')} /> : null}
        {data.status === 'error' ? <ErrorState error={data.error} onRetry={data.reload} /> : null}
        {data.status === 'ready' ? <Summary data={data.data} projectId={projectId} /> : null}
      </main>
    </div>
  );
}

function Summary({ data, projectId }: { readonly data: Answer; readonly projectId: string }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const profile = data.profile;
  const liked = profile ? STYLE_CARDS.filter((card) => profile.answers.cards[card.id] === 'like') : [];
  return (
    <>
      <h1>{t('intake.summary.heading', { name: data.customer?.name ?? t('home.noCustomer') })}</h1>
      <dl className="style-summary__facts">
        <div>
          <dt>{t('project.budget')}</dt>
          <dd>{data.budget ? format.money(data.budget) : '—'}</dd>
        </div>
        <div>
          <dt>{t('intake.summary.target')}</dt>
          <dd>{data.targetDate ? format.date(`${data.targetDate}T12:00:00Z`) : t('intake.summary.noTarget')}</dd>
        </div>
        {data.address ? (
          <div>
            <dt>{t('intake.summary.address')}</dt>
            <dd>{data.address}</dd>
          </div>
        ) : null}
      </dl>
      <div className="style-summary__grid">
        <section aria-labelledby="style-taste" className="style-summary__panel">
          <h2 id="style-taste">{t('intake.summary.taste')}</h2>
          {!profile ? (
            <EmptyState>{t('intake.summary.noProfile')}</EmptyState>
          ) : (
            <>
              <p className="style-summary__line">
                <strong>{t('intake.summary.likes')}</strong> {profile.summary.styles.join(', ') || '—'}
              </p>
              <p className="style-summary__line">
                <strong>{t('intake.summary.avoids')}</strong> {profile.summary.avoids.join(', ') || '—'}
              </p>
              <p className="style-summary__line">
                <strong>{t('intake.summary.colourPrefs')}</strong>{' '}
                {(['temperature', 'lightness', 'intensity'] as const).map((axis) => t(`intake.style.colour.${profile.summary.colourPreferences[axis]}`)).join(' · ')}
              </p>
              <ul className="style-swatches" role="list" aria-label={t('intake.summary.colours')}>
                {profile.summary.colours.map((colour) => (
                  <li key={colour} className="style-swatch">
                    <span className="style-swatch__chip" style={{ background: swatchColour(colour) }} aria-hidden="true" />
                    {colour}
                  </li>
                ))}
              </ul>
              <p className="style-summary__line">
                <strong>{t('intake.summary.materials')}</strong> {profile.summary.materials.join(', ') || '—'}
              </p>
              <p className="style-summary__line">
                <strong>{t('intake.summary.retailers')}</strong> {profile.summary.retailers.map((r) => r.name).join(', ') || '—'}
              </p>
              <p className="muted">{t('intake.summary.counts', { liked: profile.summary.liked, passed: profile.summary.passed, date: format.date(profile.updatedAt) })}</p>
              <ul className="style-summary__cards" role="list" aria-label={t('intake.summary.likedCards')}>
                {liked.map((card) => (
                  <li key={card.id}>
                    <StyleCardArt card={cardById(card.id) ?? card} title={t(`intake.styleName.${card.id}`)} />
                  </li>
                ))}
              </ul>
              <ProjectInspiration projectId={projectId} />
            </>
          )}
        </section>
        <section aria-labelledby="style-rooms" className="style-summary__panel">
          <h2 id="style-rooms">{t('intake.summary.rooms')}</h2>
          {data.rooms.length === 0 ? <EmptyState>{t('intake.summary.noRooms')}</EmptyState> : null}
          <ul className="style-summary__rooms" role="list">
            {data.rooms.map((room) => (
              <li key={room.roomId}>
                <h3>
                  {room.name} <span className="badge">{t(`intake.roomKind.${room.kind}`)}</span>
                </h3>
                <p>{room.purpose || <span className="muted">{t('intake.summary.noPurpose')}</span>}</p>
                {room.keptPieces.length ? (
                  <ul className="style-summary__pieces">
                    {room.keptPieces.map((piece) => (
                      <li key={piece.id}>
                        {piece.photoFileId ? <img className="style-summary__piece-photo" src={`/api/files/${encodeURIComponent(piece.photoFileId)}?variant=thumbnail`} alt={t('intake.summary.piecePhoto', { name: piece.name })} width={48} height={36} /> : null}
                        {piece.name} — {format.dimensions(piece)}
                      </li>
                    ))}
                  </ul>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      </div>
    </>
  );
}
