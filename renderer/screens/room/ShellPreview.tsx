import { lazy, Suspense, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { RoomShape } from '../../../core/room.ts';
import type { Room } from '../../api/types.ts';
import { EmptyState, LoadingState } from '../../ui/States.tsx';

/** three.js loads only when the preview is first shown. */
const RoomView = lazy(() => import('../../scene/RoomView.tsx'));

const NO_PIECES: readonly never[] = [];

/**
 * The draft in 3D, as the project page will show it. Only a buildable room is drawn (a
 * crossing outline cannot be triangulated into a floor); otherwise the preview says why not.
 */
export function ShellPreview({ shape, name, valid }: { readonly shape: RoomShape; readonly name: string; readonly valid: boolean }) {
  const { t } = useTranslation();
  const room = useMemo<Room>(() => ({ ...shape, outline: [...shape.outline], openings: [...shape.openings], id: 'draft', projectId: 'draft', name, updatedAt: new Date(0).toISOString() }), [shape, name]);
  if (!valid) {
    return (
      <EmptyState>
        <strong>{t('roomShell.previewUnavailable')}</strong>
      </EmptyState>
    );
  }
  return (
    <div className="room-plan" data-testid="room-shell-preview">
      <Suspense fallback={<LoadingState label={t('roomShell.previewLoading')} />}>
        <RoomView room={room} pieces={NO_PIECES} settled />
      </Suspense>
    </div>
  );
}
