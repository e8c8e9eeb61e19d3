import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import * as foundation from '../../../core/api/foundation.ts';
import * as rooms from '../../../core/api/rooms.ts';
import { can } from '../../../core/permissions.ts';
import { polygonAreaMm2, type Finish, type Opening, type OpeningKind, type PlanPoint, type RoomShape } from '../../../core/room.ts';
import { isApiError } from '../../api/client.ts';
import type { Room } from '../../api/types.ts';
import { describeError } from '../../app/errors.ts';
import { routeHref } from '../../app/routes.ts';
import { api } from '../../app/studio.ts';
import { navigate } from '../../app/useRoute.ts';
import { useResource } from '../../app/useResource.ts';
import { useFormatters } from '../../i18n/useFormatters.ts';
import { selectUser, useAppStore } from '../../state/store.ts';
import { AppHeader } from '../../ui/AppHeader.tsx';
import { Button } from '../../ui/Button.tsx';
import { Field } from '../../ui/Field.tsx';
import { ArrowLeft } from '../../ui/Icons.tsx';
import { ErrorState, LoadingState } from '../../ui/States.tsx';
import { addOpening, isValid, problemsOf, removeOpening, sameDraft, shapeOf, updateOpening, withOutline, type RoomDraft } from './draft.ts';
import { FinishesPanel } from './FinishesPanel.tsx';
import { LengthField } from './LengthField.tsx';
import { OpeningsPanel } from './OpeningsPanel.tsx';
import { OutlinePanel } from './OutlinePanel.tsx';
import { ShellPlan, type PlanMode } from './ShellPlan.tsx';
import { ShellPreview } from './ShellPreview.tsx';
import { Segmented } from '../../ui/Segmented.tsx';
import { useUnsavedGuard } from './useUnsavedGuard.ts';
import './room.css';

/** The request body's copy of a shape (the API's arrays are not readonly). */
const shapeBody = (shape: RoomShape) => ({ ...shape, outline: [...shape.outline], openings: [...shape.openings] });

const NEW_ROOM: RoomShape = shapeOf({ ...rooms.ROOM_DEFAULTS, outline: [{ x: 0, y: 0 }, { x: 4000, y: 0 }, { x: 4000, y: 3000 }, { x: 0, y: 3000 }], openings: [] });

/**
 * The room shell editor (`#/projects/:id/rooms/new`, `#/projects/:id/rooms/:roomId/edit`): the
 * designer builds the customer's room — outline, ceiling, walls, doors and windows, finishes —
 * checked live by core/geometry and saved whole, or not at all.
 */
export function RoomShellScreen({ projectId, roomId }: { readonly projectId: string; readonly roomId: string | null }) {
  const { t } = useTranslation();
  const project = useResource(`project:${projectId}`, (signal) => api.call(foundation.getProject, { params: { projectId }, signal }));
  const room = useResource(roomId ? `room:${roomId}` : null, (signal) => api.call(foundation.getRoom, { params: { roomId: roomId! }, signal }));
  const ready = project.status === 'ready' && (roomId === null || room.status === 'ready');
  const failed = project.status === 'error' ? project : room.status === 'error' ? room : null;
  return (
    <div className="page page--room-shell">
      <AppHeader trail={project.status === 'ready' ? project.data.project.name : undefined} />
      <main className="room-shell" id="main">
        {failed ? <ErrorState error={failed.error} onRetry={failed.reload} /> : null}
        {!failed && !ready ? <LoadingState label={t('roomShell.loading')} /> : null}
        {ready && project.status === 'ready' ? (
          <RoomShellEditor projectId={projectId} projectName={project.data.project.name} designerIds={project.data.project.designers.map((d) => d.userId)} room={room.status === 'ready' ? room.data.room : null} />
        ) : null}
      </main>
    </div>
  );
}

function RoomShellEditor({ projectId, projectName, designerIds, room }: { readonly projectId: string; readonly projectName: string; readonly designerIds: readonly string[]; readonly room: Room | null }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const user = useAppStore(selectUser);
  const [saved, setSaved] = useState<{ draft: RoomDraft; updatedAt: string | null }>(() => ({ draft: { name: room?.name ?? '', shape: room ? shapeOf(room) : NEW_ROOM }, updatedAt: room?.updatedAt ?? null }));
  const [draft, setDraft] = useState<RoomDraft>(saved.draft);
  const [mode, setMode] = useState<PlanMode>('select');
  const [view, setView] = useState<'plan' | '3d'>('plan');
  const [selectedWall, setSelectedWall] = useState<number | null>(null);
  const [selectedOpening, setSelectedOpening] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [serverError, setServerError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<Room | null>(null);

  const problems = useMemo(() => problemsOf(draft, t('roomShell.nameRequired')), [draft, t]);
  const valid = isValid(problems);
  const dirty = !sameDraft(draft, saved.draft) || saved.updatedAt === null;
  const mayEdit = user ? can(user, 'room:edit', designerIds.includes(user.id)) : false;
  useUnsavedGuard(dirty && !saving, t('roomShell.leaveUnsaved'));

  const setShape = useCallback((shape: RoomShape) => setDraft((current) => ({ ...current, shape })), []);
  const changeShape = (edit: (shape: RoomShape) => RoomShape) => setDraft((current) => ({ ...current, shape: edit(current.shape) }));

  const onOutline = (outline: PlanPoint[]) => {
    changeShape((shape) => withOutline(shape, outline));
    setSelectedWall(null);
    setMode('select');
  };
  const onAddOpening = (kind: OpeningKind) => {
    const result = addOpening(draft.shape, kind, selectedWall ?? 0);
    setShape(result.shape);
    setSelectedOpening(result.id);
    setSelectedWall(selectedWall ?? 0);
  };
  const onChangeOpening = (id: string, patch: Partial<Omit<Opening, 'id'>>) => changeShape((shape) => updateOpening(shape, id, patch));
  const onRemoveOpening = (id: string) => {
    changeShape((shape) => removeOpening(shape, id));
    setSelectedOpening(null);
  };

  const save = async (expectedUpdatedAt: string | null = saved.updatedAt) => {
    if (!valid || saving) return;
    setSaving(true);
    setServerError(null);
    try {
      if (!room || expectedUpdatedAt === null) {
        const created = await api.call(rooms.createRoom, { params: { projectId }, body: { name: draft.name.trim(), shape: shapeBody(draft.shape) } });
        setSaved({ draft, updatedAt: created.room.updatedAt });
        navigate({ name: 'room-edit', projectId, roomId: created.room.id }, { replace: true });
      } else {
        const updated = await api.call(rooms.updateRoom, { params: { roomId: room.id }, body: { expectedUpdatedAt, name: draft.name.trim(), shape: shapeBody(draft.shape) } });
        const next = { name: updated.room.name, shape: shapeOf(updated.room) };
        setSaved({ draft: next, updatedAt: updated.room.updatedAt });
        setDraft(next);
        setConflict(null);
      }
      useAppStore.getState().showToast('success', t('roomShell.saved'));
    } catch (error) {
      if (isApiError(error) && error.status === 409 && error.current) setConflict(error.current as Room);
      else setServerError(describeError(error, t));
    } finally {
      setSaving(false);
    }
  };

  const remove = async () => {
    if (!room || saved.updatedAt === null || saving) return;
    if (!window.confirm(t('roomShell.deleteConfirm', { name: saved.draft.name }))) return;
    setSaving(true);
    setServerError(null);
    try {
      await api.call(rooms.deleteRoom, { params: { roomId: room.id }, query: { expectedUpdatedAt: saved.updatedAt } });
      useAppStore.getState().showToast('success', t('roomShell.deleted', { name: saved.draft.name }));
      navigate({ name: 'project', projectId }, { replace: true });
    } catch (error) {
      if (isApiError(error) && error.code === 'conflict' && error.current) setConflict(error.current as Room);
      else setServerError(describeError(error, t));
      setSaving(false);
    }
  };

  const takeTheirs = () => {
    if (!conflict) return;
    const theirs = { name: conflict.name, shape: shapeOf(conflict) };
    setSaved({ draft: theirs, updatedAt: conflict.updatedAt });
    setDraft(theirs);
    setConflict(null);
    setSelectedOpening(null);
  };

  const backHref = routeHref({ name: 'project', projectId });
  const title = room ? t('roomShell.editTitle', { name: saved.draft.name }) : t('roomShell.newTitle');
  return (
    <>
      <div className="room-shell__head">
        <a className="back-link" href={backHref}>
          <ArrowLeft />
          {t('roomShell.back', { project: projectName })}
        </a>
        <div className="room-shell__title-row">
          <h1>{title}</h1>
          <span className="room-shell__status" role="status">
            {saving ? t('roomShell.saving') : !valid ? t('roomShell.problemCount', { count: problems.all.length + (problems.byPath.has('name') ? 1 : 0) }) : dirty ? t('roomShell.unsaved') : t('roomShell.allSaved')}
          </span>
          {room && mayEdit ? (
            <Button variant="ghost" disabled={saving} onClick={() => void remove()}>
              {t('roomShell.delete')}
            </Button>
          ) : null}
          <Button variant="primary" disabled={!valid || !dirty || saving || !mayEdit} onClick={() => void save()}>
            {room ? t('roomShell.save') : t('roomShell.create')}
          </Button>
        </div>
        {!mayEdit ? <p className="room-shell__hint">{t('roomShell.readOnly')}</p> : null}
        {conflict ? (
          <div className="room-shell__banner" role="alert">
            <span>{t('roomShell.conflict')}</span>
            <Button size="sm" onClick={takeTheirs}>
              {t('roomShell.takeTheirs')}
            </Button>
            <Button size="sm" variant="ghost" onClick={() => void save(conflict.updatedAt)}>
              {t('roomShell.keepMine')}
            </Button>
          </div>
        ) : null}
        {serverError ? (
          <p className="room-shell__banner room-shell__banner--error" role="alert">
            {serverError}
          </p>
        ) : null}
      </div>
      <div className="room-shell__body">
        <aside className="room-shell__side">
          <section className="panel room-shell__section" aria-labelledby="room-basics-title">
            <h2 className="panel__title" id="room-basics-title">
              {t('roomShell.basicsTitle')}
            </h2>
            <Field label={t('roomShell.name')} name="room-name" value={draft.name} error={problems.byPath.get('name')} maxLength={80} onChange={(event) => setDraft({ ...draft, name: event.target.value })} />
            <div className="room-shell__grid2">
              <LengthField label={t('roomShell.ceilingHeight')} name="ceiling-height" valueMm={draft.shape.ceilingHeightMm} error={problems.byPath.get('ceilingHeightMm')} onChange={(ceilingHeightMm) => setShape({ ...draft.shape, ceilingHeightMm })} />
              <LengthField label={t('roomShell.wallThickness')} name="wall-thickness" valueMm={draft.shape.wallThicknessMm} error={problems.byPath.get('wallThicknessMm')} onChange={(wallThicknessMm) => setShape({ ...draft.shape, wallThicknessMm })} />
            </div>
          </section>
          <OutlinePanel onOutline={onOutline} drawing={mode === 'draw'} onStartDrawing={() => {
              setView('plan');
              setMode('draw');
            }} onCancelDrawing={() => setMode('select')} />
          <OpeningsPanel
            shape={draft.shape}
            problems={problems}
            selectedWall={selectedWall}
            selectedOpening={selectedOpening}
            onSelectOpening={(id) => {
              setSelectedOpening(id);
              const opening = draft.shape.openings.find((o) => o.id === id);
              if (opening) setSelectedWall(opening.wallIndex);
            }}
            onAdd={onAddOpening}
            onChange={onChangeOpening}
            onRemove={onRemoveOpening}
          />
          <FinishesPanel floor={draft.shape.floor} walls={draft.shape.walls} onChange={(surface, finish: Finish) => setShape({ ...draft.shape, [surface]: finish })} />
        </aside>
        <section className="room-shell__plan" aria-label={t('roomShell.planTitle')}>
          {view === 'plan' ? (
            <ShellPlan
              shape={draft.shape}
              mode={mode}
              selectedWall={selectedWall}
              selectedOpening={selectedOpening}
              faultyWalls={problems.walls}
              wallMessages={problems.wallMessages}
              faultyOpenings={problems.openings}
              onShapeChange={setShape}
              onSelectWall={setSelectedWall}
              onSelectOpening={setSelectedOpening}
              onOutlineDrawn={onOutline}
              onCancelDrawing={() => setMode('select')}
            />
          ) : (
            <ShellPreview shape={draft.shape} name={draft.name} valid={problems.all.length === 0} />
          )}
          <div className="room-shell__plan-foot">
            <Segmented<'plan' | '3d'>
              label={t('roomShell.viewAs')}
              value={view}
              onChange={(next) => {
                setView(next);
                if (next === '3d') setMode('select');
              }}
              options={[
                { value: 'plan', label: t('roomShell.viewPlan') },
                { value: '3d', label: t('roomShell.view3d') },
              ]}
            />
            {problems.outline.length ? (
              <ul className="room-shell__problems" role="alert" aria-label={t('roomShell.outlineProblems')}>
                {problems.outline.map((message) => (
                  <li key={message}>{message}</li>
                ))}
              </ul>
            ) : (
              <p className="room-shell__hint">{view === '3d' ? null : mode === 'draw' ? t('roomShell.drawHint') : t('roomShell.planHint')}</p>
            )}
            <p className="room-shell__area">{t('roomShell.area', { area: format.area(polygonAreaMm2(draft.shape.outline)) })}</p>
          </div>
        </section>
      </div>
    </>
  );
}

