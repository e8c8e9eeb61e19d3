import { useTranslation } from 'react-i18next';
import { can } from '../../../core/permissions.ts';
import { routeHref } from '../../app/routes.ts';
import { selectUser, useAppStore } from '../../state/store.ts';

/** The project page's ways into the room shell editor, for those who may edit rooms. */
export function RoomShellLinks({ projectId, roomId, designerIds }: { readonly projectId: string; readonly roomId: string | null; readonly designerIds: readonly string[] }) {
  const { t } = useTranslation();
  const user = useAppStore(selectUser);
  if (!user || !can(user, 'room:edit', designerIds.includes(user.id))) return null;
  return (
    <>
      {roomId ? (
        <a className="button button--secondary button--sm" href={routeHref({ name: 'room-edit', projectId, roomId })}>
          {t('roomShell.editRoom')}
        </a>
      ) : null}
      <a className="button button--secondary button--sm" href={routeHref({ name: 'room-edit', projectId, roomId: null })}>
        {t('roomShell.newRoom')}
      </a>
    </>
  );
}
