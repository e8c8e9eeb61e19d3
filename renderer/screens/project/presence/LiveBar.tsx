/**
 * [Collab] The project header's live strip: whether the option is synced, syncing or offline,
 * how many of my edits wait for the server, and who else is in the option now (avatars in
 * each person's presence colour, with name and role).
 */
import { useTranslation } from 'react-i18next';
import type { LiveOption } from '../../../live/liveOption.ts';
import { useLiveSnapshot, usePeers } from '../../../live/useLiveOption.ts';
import { initialsOf } from '../../../ui/Avatar.tsx';
import './presence.css';

export function LiveBar({ live }: { readonly live: LiveOption | null }) {
  const { t } = useTranslation();
  const snapshot = useLiveSnapshot(live);
  const peers = usePeers(live);
  if (!live || !snapshot) return null;
  // One avatar per person, however many windows they have open.
  const people = [...new Map(peers.map((peer) => [peer.user.id, peer])).values()];
  return (
    <div className="live-bar" data-testid="live-bar">
      <span className={`sync-status sync-status--${snapshot.status}`} role="status" aria-live="polite" data-status={snapshot.status} data-pending={snapshot.pendingEdits}>
        <span className="sync-status__dot" aria-hidden="true" />
        {t(`collab.status.${snapshot.status}`)}
        {snapshot.pendingEdits > 0 ? <span className="sync-status__pending">{t('collab.pendingEdits', { count: snapshot.pendingEdits })}</span> : null}
        {snapshot.readOnly ? <span className="sync-status__pending">{t('collab.readOnly')}</span> : null}
      </span>
      {people.length > 0 ? (
        <ul className="presence-avatars" aria-label={t('collab.hereNow')}>
          {people.map((peer) => (
            <li key={peer.user.id} className="presence-avatars__person" data-user-id={peer.user.id} title={t('collab.personHere', { name: peer.user.name, role: t(`collab.role.${roleKey(peer.user.role)}`) })}>
              <span className="presence-avatars__avatar" style={{ borderColor: peer.user.colour, background: peer.user.colour }} aria-hidden="true">
                {initialsOf(peer.user.name)}
              </span>
              <span className="visually-hidden">{t('collab.personHere', { name: peer.user.name, role: t(`collab.role.${roleKey(peer.user.role)}`) })}</span>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

function roleKey(role: string): 'customer' | 'designer' | 'support' | 'admin' | 'other' {
  return role === 'customer' || role === 'designer' || role === 'support' || role === 'admin' ? role : 'other';
}
