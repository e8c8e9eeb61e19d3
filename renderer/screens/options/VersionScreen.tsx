import { lazy, Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import * as foundation from '../../../core/api/foundation.ts';
import * as endpoints from '../../../core/api/options.ts';
import { routeHref } from '../../app/routes.ts';
import { api } from '../../app/studio.ts';
import { useResource } from '../../app/useResource.ts';
import { useFormatters } from '../../i18n/useFormatters.ts';
import { AppHeader } from '../../ui/AppHeader.tsx';
import { ArrowLeft } from '../../ui/Icons.tsx';
import { Segmented } from '../../ui/Segmented.tsx';
import { ErrorState, LoadingState } from '../../ui/States.tsx';
import { resolvePieces } from '../../scene/furniture/pieces.ts';
import { optionLines } from '../project/optionLines.ts';
import { ChangesList } from './ChangesList.tsx';
import { OptionPlan } from './OptionPlan.tsx';
import { NoteAttachment, VersionTotal } from './OptionPanel.tsx';
import './options.css';

type Against = 'previous' | 'live';

/** The 3D view loads with the first screen that needs it. */
const RoomView = lazy(() => import('../../scene/RoomView.tsx'));

/** One published version, read-only: the designer's note, the plan, the pieces at the prices of the day, and what changed. */
export function VersionScreen({ projectId, optionId, number }: { readonly projectId: string; readonly optionId: string; readonly number: number }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const version = useResource(`version:${optionId}:${number}`, (signal) => api.call(endpoints.getVersion, { params: { optionId, number }, signal }));
  const roomId = version.status === 'ready' ? version.data.option.roomId : null;
  const room = useResource(roomId ? `room:${roomId}` : null, (signal) => api.call(foundation.getRoom, { params: { roomId: roomId! }, signal }));
  const [against, setAgainst] = useState<Against>(number > 1 ? 'previous' : 'live');
  const from = against === 'previous' ? number - 1 : number;
  const to = against === 'previous' ? number : 'live';
  const changes = useResource(`changes:${optionId}:${from}:${to}`, (signal) => api.call(endpoints.optionChanges, { params: { optionId }, query: { from, to }, signal }));
  const back = routeHref({ name: 'project', projectId, optionId });
  const sortedLines = useMemo(() => (version.status === 'ready' ? optionLines(version.data.document.items, version.data.products).sort((a, b) => a.name.localeCompare(b.name)) : []), [version.status, version.data]);
  const pieces = useMemo(() => (version.status === 'ready' ? resolvePieces(version.data.document.items, version.data.products).pieces : []), [version.status, version.data]);
  return (
    <div className="page page--options">
      <AppHeader trail={version.status === 'ready' ? `${version.data.option.name} · ${version.data.version.label}` : undefined} />
      <main className="options-page" id="main">
        <a className="back-link" href={back}>
          <ArrowLeft />
          {t('options.backToOption')}
        </a>
        {version.status === 'loading' ? <LoadingState label={t('options.loadingVersion')} /> : null}
        {version.status === 'error' ? <ErrorState error={version.error} onRetry={version.reload} /> : null}
        {version.status === 'ready' ? (
          <>
            <header className="options-page__head">
              <h1>
                {version.data.option.name} <span className="version-pill version-pill--large">{version.data.version.label}</span>
              </h1>
              <p className="muted">{t('options.readOnly')}</p>
            </header>
            <div className="version-layout">
              <section className="panel" aria-labelledby="note-title">
                <h2 className="panel__title" id="note-title">
                  {t('options.noteTitle', { name: version.data.version.publishedBy.name })}
                </h2>
                <p className="muted">{format.dateTime(version.data.version.publishedAt)}</p>
                <p className="version-note__text" data-testid="version-note">
                  {version.data.version.note}
                </p>
                <NoteAttachment version={version.data.version} />
                {room.status === 'ready' ? <OptionPlan room={room.data.room} items={version.data.document.items} products={version.data.products} label={t('options.planLabel', { option: version.data.option.name })} /> : null}
              </section>
              {room.status === 'ready' ? (
                <section className="version-view" aria-label={t('scene.label', { room: room.data.room.name })}>
                  <Suspense fallback={<LoadingState label={t('project.optionLoading')} />}>
                    <RoomView room={room.data.room} pieces={pieces} settled />
                  </Suspense>
                </section>
              ) : null}
              <section className="panel" aria-labelledby="pieces-title">
                <h2 className="panel__title" id="pieces-title">
                  {t('project.piecesTitle')}
                  <span className="panel__count">{version.data.document.items.length}</span>
                </h2>
                <ul className="piece-list" role="list">
                  {sortedLines.map((line) => (
                    <li key={line.item.id} className="piece">
                      <div className="piece__main">
                        <span className="piece__name">{line.name || t('project.ownPiece')}</span>
                        <span className="piece__meta">{line.product ? line.product.retailerName : t('project.ownPiece')}</span>
                      </div>
                      <div className="piece__price">{line.lineTotal ? format.money(line.lineTotal) : '—'}</div>
                    </li>
                  ))}
                </ul>
                <VersionTotal version={version.data.version} />
              </section>
              <section className="panel" aria-labelledby="changes-title">
                <h2 className="panel__title" id="changes-title">
                  {t('options.changesTitle')}
                </h2>
                <Segmented<Against>
                  label={t('options.changesAgainst')}
                  value={against}
                  options={[
                    ...(number > 1 ? [{ value: 'previous' as const, label: t('options.sincePrevious', { label: `v${number - 1}` }) }] : []),
                    { value: 'live' as const, label: t('options.sinceThen') },
                  ]}
                  onChange={setAgainst}
                />
                {changes.status === 'loading' ? <LoadingState label={t('options.loadingChanges')} /> : null}
                {changes.status === 'error' ? <ErrorState error={changes.error} onRetry={changes.reload} /> : null}
                {changes.status === 'ready' ? <ChangesList changes={changes.data} /> : null}
              </section>
            </div>
          </>
        ) : null}
      </main>
    </div>
  );
}
