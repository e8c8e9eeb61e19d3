import { lazy, memo, Suspense, useCallback, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import * as endpoints from '../../../core/api/foundation.ts';
import type { ProjectDetail } from '../../api/types.ts';
import { routeHref } from '../../app/routes.ts';
import { api } from '../../app/studio.ts';
import { navigate } from '../../app/useRoute.ts';
import { useResource } from '../../app/useResource.ts';
import { useFormatters } from '../../i18n/useFormatters.ts';
import { AppHeader } from '../../ui/AppHeader.tsx';
import { ArrowLeft } from '../../ui/Icons.tsx';
import { StagePill } from '../../ui/StagePill.tsx';
import { EmptyState, ErrorState, LoadingState } from '../../ui/States.tsx';
import type { ResolvedPiece } from '../../scene/furniture/pieces.ts';
import { useLiveSnapshot } from '../../live/useLiveOption.ts';
import { CommandPalette } from '../../editor/CommandPalette.tsx';
import { EditorToolbar } from '../../editor/EditorToolbar.tsx';
import { editorStore, useEditor } from '../../editor/editorStore.ts';
import { doorwayFitOf } from '../../editor/warnings.ts';
import { useEditorSession } from '../../editor/useEditorSession.ts';
import { WarningList } from '../../editor/WarningList.tsx';
import { PlanView } from './PlanView.tsx';
import { CatalogPanel } from '../catalog/CatalogPanel.tsx';
import { useLiveOption } from '../../live/useLiveOption.ts';
import { LiveOptionContext } from '../../live/LiveOptionContext.ts';
import { LiveBar } from './presence/LiveBar.tsx';
import { ProjectChatDock } from './chat/ChatPanel.tsx';
import { useOptionContent } from '../../live/useOptionContent.ts';
import { OptionList } from './OptionList.tsx';
import { optionLines } from './optionLines.ts';
import { PieceList } from './PieceList.tsx';
import { RoomPicker } from './RoomPicker.tsx';
import { ProjectProgress } from '../intake/ProjectProgress.tsx';
import { CommentsPanel } from '../options/CommentsPanel.tsx';
import { OptionPanel } from '../options/OptionPanel.tsx';
import { RoomShellLinks } from '../room/RoomShellLinks.tsx';
import { PinnedReference } from '../photos/PinnedReference.tsx';
import { AlternativesPanel } from '../../swap/AlternativesPanel.tsx';
import { PieceDropZone } from '../../swap/PieceDropZone.tsx';
import { useMaySwap, useSwap } from '../../swap/useSwap.ts';
import { PriceRibbon } from './PriceRibbon.tsx';
import { ExportMenu } from '../../export/ExportMenu.tsx';
import './projectLayout.css';
import { useAfterPaint } from './useAfterPaint.ts';

/** three.js and the scene load only when a project opens, so sign-in and home stay light. */
const RoomView = lazy(() => import('../../scene/RoomView.tsx').then((module) => ({ default: memo(module.default) })));

const EMPTY: readonly ResolvedPiece[] = [];
/**
 * [Options] The page re-renders with every live edit (a swap at 300 pieces must paint in the
 * frame after the drop): panels that do not show the items skip those renders.
 */
const StableRoomPicker = memo(RoomPicker);
const StablePinnedReference = memo(PinnedReference);
const StableOptionList = memo(OptionList);
const StableOptionPanel = memo(OptionPanel);
const StableProjectProgress = memo(ProjectProgress);
const StableCommentsPanel = memo(CommentsPanel);
// The 3D view (above), the list, the ribbon and the toolbar re-render only when what they show
// changes, not when the live strip's sync status does (twice per edit: sent, acknowledged).
const StablePieceList = memo(PieceList);
const StablePriceRibbon = memo(PriceRibbon);
const StableEditorToolbar = memo(EditorToolbar);
type CommentPieces = readonly { readonly id: string; readonly name: string }[];
const sameCommentPieces = (a: CommentPieces, b: CommentPieces) => a.length === b.length && a.every((piece, index) => piece.id === b[index]!.id && piece.name === b[index]!.name);
/** [Room] Stands in for the room while a project has none, so the editor's hooks always run. */
const NO_ROOM = { outline: [], ceilingHeightMm: 0, wallThicknessMm: 0, openings: [], floor: { colour: '#ffffff', material: 'none' }, walls: { colour: '#ffffff', material: 'none' } } as const;

export function ProjectScreen({ projectId, optionId }: { readonly projectId: string; readonly optionId: string | undefined }) {
  const { t } = useTranslation();
  const project = useResource(`project:${projectId}`, (signal) => api.call(endpoints.getProject, { params: { projectId }, signal }));
  return (
    <div className="page page--project">
      <AppHeader trail={project.status === 'ready' ? project.data.project.name : undefined} />
      <main className="project" id="main">
        {project.status === 'loading' ? <LoadingState label={t('project.loading')} /> : null}
        {project.status === 'error' ? (
          <ErrorState
            error={project.error}
            onRetry={project.reload}
            action={
              <a className="button button--secondary button--sm" href={routeHref({ name: 'home' })}>
                {t('project.back')}
              </a>
            }
          />
        ) : null}
        {project.status === 'ready' ? <ProjectBody project={project.data.project} optionId={optionId} reload={project.reload} /> : null}
      </main>
    </div>
  );
}

function ProjectBody({ project, optionId, reload }: { readonly project: ProjectDetail; readonly optionId: string | undefined; readonly reload: () => void }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const [catalogOpen, setCatalogOpen] = useState(false);
  const selectedOption = project.options.find((option) => option.id === optionId) ?? project.options[0] ?? null;
  const room = project.rooms.find((candidate) => candidate.id === selectedOption?.roomId) ?? project.rooms[0] ?? null;
  const roomOptions = useMemo(() => project.options.filter((option) => option.roomId === room?.id), [project.options, room?.id]);
  const option = selectedOption && selectedOption.roomId === room?.id ? selectedOption : (roomOptions[0] ?? null);

  const optionData = useResource(option ? `option:${option.id}` : null, (signal) => api.call(endpoints.getOption, { params: { optionId: option!.id }, signal }));
  // [Collab] The live option document is the source of the items; the REST answer paints first.
  const live = useLiveOption(option?.id ?? null);
  const content = useOptionContent(live, optionData.status === 'ready' ? optionData.data : null);
  // [Room] The placement editor: pieces cached per item, warnings, the controller on the live option.
  const editor = useEditorSession(live, room ?? NO_ROOM, content.items, content.products);
  const snapshot = useLiveSnapshot(live);
  const viewMode = useEditor((state) => state.viewMode);
  const selectedId = useEditor((state) => state.selectedId);
  const selectPiece = useCallback((id: string) => editorStore.getState().select(id), []);
  const doorwayFit = useCallback((dims: { widthMm: number; depthMm: number; heightMm: number }, category: string) => (room ? doorwayFitOf(room, { ...dims, category }) : null), [room]);
  // [Options] the live swap: a product dropped on a piece (3D view or its line) replaces it in one edit.
  const swap = useSwap({ live, products: content.products, currency: project.budget?.currency ?? null, outline: room?.outline ?? null });
  const maySwap = useMaySwap();
  const editing = useMemo(() => ({ controller: editor.controller, pieces: editor.pieces, severity: editor.severity, warnings: editor.warnings, onProductDroppedOnPiece: maySwap ? swap : undefined }), [editor.controller, editor.pieces, editor.severity, editor.warnings, maySwap, swap]);
  const lines = useMemo(() => (content.items ? optionLines(content.items, content.products) : []), [content]);
  const optionStatus = content.items ? 'ready' : optionData.status;
  const selectedLine = lines.find((line) => line.item.id === selectedId) ?? null;

  const selectOption = useCallback((id: string) => navigate({ name: 'project', projectId: project.id, optionId: id }, { replace: true }), [project.id]);
  const selectRoom = useCallback(
    (roomId: string) => {
      const first = project.options.find((candidate) => candidate.roomId === roomId);
      if (first) selectOption(first.id);
    },
    [project.options, selectOption],
  );
  const optionsChanged = useCallback(
    (id?: string) => {
      reload();
      navigate({ name: 'project', projectId: project.id, ...(id ? { optionId: id } : {}) }, { replace: true });
    },
    [reload, project.id],
  );
  // [Options] The comment form's piece choices: the same array while ids and names are unchanged, and
  // a changed name (a swap) reaches it after the swap has painted.
  const commentPiecesRef = useRef<CommentPieces>([]);
  const commentPieces = useMemo(() => lines.map((line) => ({ id: line.item.id, name: line.name || t('project.ownPiece') })), [lines, t]);
  if (!sameCommentPieces(commentPiecesRef.current, commentPieces)) commentPiecesRef.current = commentPieces;
  const deferredCommentPieces = useAfterPaint(commentPiecesRef.current);
  // [Options] The side list of warnings (hundreds of lines in a crowded room) follows an edit after
  // its paint; the 3D view's outlines and the toasts say it in the edit's own frame.
  const deferredWarnings = useAfterPaint(editor.warnings);
  const exportMenu = useMemo(
    () => (option && room && content.items ? <ExportMenu title={project.name} optionName={option.name} roomName={room.name} outline={room.outline} items={content.items} products={content.products} currency={project.budget?.currency ?? null} /> : null),
    [option, room, content, project.name, project.budget?.currency],
  );

  return (
    <>
      <div className="project__head">
        <a className="back-link" href={routeHref({ name: 'home' })}>
          <ArrowLeft />
          {t('project.back')}
        </a>
        <div className="project__title-row">
          <h1>{project.name}</h1>
          <StagePill stage={project.stage} />
          <button type="button" className="button button--secondary button--sm" aria-expanded={catalogOpen} aria-controls="project-catalog" onClick={() => setCatalogOpen(!catalogOpen)}>
            {catalogOpen ? t('catalog.closeCatalog') : t('catalog.openCatalog')}
          </button>
          <LiveBar live={live} />
          <ProjectChatDock projectId={project.id} />
          <RoomShellLinks projectId={project.id} roomId={room?.id ?? null} designerIds={project.designers.map((designer) => designer.userId)} />
          {/* [Intake] the room photos by the shot list */}
          <a className="button button--secondary button--sm" href={routeHref({ name: 'photos', projectId: project.id, ...(room ? { roomId: room.id } : {}) })}>
            {t('photos.navLink')}
          </a>
        </div>
        <dl className="project__facts">
          <div>
            <dt>{t('project.customer')}</dt>
            <dd>{project.customer?.name ?? t('home.noCustomer')}</dd>
          </div>
          <div>
            <dt>{t('project.designers')}</dt>
            <dd>{project.designers.map((designer) => designer.name).join(', ') || t('home.noDesigner')}</dd>
          </div>
          {project.budget ? (
            <div>
              <dt>{t('project.budget')}</dt>
              <dd>{format.money(project.budget)}</dd>
            </div>
          ) : null}
        </dl>
        {/* [Intake] the stage tracker: what happens next and when, the timeline, moving the stage */}
        <StableProjectProgress projectId={project.id} onStageChanged={reload} />
      </div>
      {room ? (
        <LiveOptionContext value={live}>
        <div className={catalogOpen ? 'project__body project__body--with-catalog' : 'project__body'}>
          <aside className="project__side">
            <StableRoomPicker rooms={project.rooms} selectedRoomId={room.id} onSelect={selectRoom} />
            <StablePinnedReference projectId={project.id} roomId={room.id} />
            <StableOptionList options={roomOptions} selectedId={option?.id ?? null} onSelect={selectOption} />
            {/* [Options] versions and the designer's note, publish/approve, compare link, option management */}
            <StableOptionPanel projectId={project.id} roomId={room.id} option={option} roomOptions={roomOptions} onOptionsChanged={optionsChanged} />
            {option ? (
              <PieceDropZone enabled={maySwap} onSwap={swap}>
                <StablePieceList status={optionStatus} lines={lines} error={optionData.error} onRetry={optionData.reload} budget={project.budget} unresolved={editor.unresolved} selectedId={selectedId} onSelect={selectPiece} doorwayFit={doorwayFit} />
              </PieceDropZone>
            ) : null}
            {option && selectedLine ? <AlternativesPanel optionId={option.id} item={selectedLine.item} name={selectedLine.name || t('project.ownPiece')} maySwap={maySwap} onSwap={swap} /> : null}
            {option ? <WarningList warnings={deferredWarnings} /> : null}
            {/* [Options] comments on the option and its pieces */}
            {option ? <StableCommentsPanel optionId={option.id} pieces={deferredCommentPieces} /> : null}
          </aside>
          <section className="project__view" aria-label={t('scene.label', { room: room.name })}>
            <div className="editor-stage">
              {option ? (
                <StablePriceRibbon optionId={option.id} items={content.items} products={content.products} currency={project.budget?.currency ?? null} live={live}>
                  {exportMenu}
                </StablePriceRibbon>
              ) : null}
              <StableEditorToolbar canUndo={snapshot?.canUndo ?? false} canRedo={snapshot?.canRedo ?? false} readOnly={(snapshot?.readOnly ?? true) || !editor.controller?.canEdit()} selectedName={editor.pieces.find((piece) => piece.id === selectedId)?.label ?? null} />
              <div className={viewMode === 'split' ? 'editor-views editor-views--split' : 'editor-views'}>
                <div className="editor-pane" hidden={viewMode === 'plan'}>
                  <Suspense fallback={<LoadingState label={t('project.optionLoading')} />}>
                    <RoomView room={room} pieces={content.items ? editor.resolved : EMPTY} settled={!option || optionStatus !== 'loading'} editing={editing} />
                  </Suspense>
                </div>
                {viewMode !== '3d' ? (
                  <div className="editor-pane">
                    <PlanView name={room.name} shape={room} controller={editor.controller} pieces={editor.pieces} severity={editor.severity} warnings={editor.warnings} live={live} />
                  </div>
                ) : null}
              </div>
            </div>
            <CommandPalette />
          </section>
          {catalogOpen ? (
            <section id="project-catalog" className="project__catalog" aria-label={t('catalog.title')}>
              <CatalogPanel compact projectId={project.id} />
            </section>
          ) : null}
        </div>
        </LiveOptionContext>
      ) : (
        <EmptyState>
          <strong>{t('project.noRooms')}</strong>
          <span>{t('project.noRoomsHint')}</span>
        </EmptyState>
      )}
    </>
  );
}
