import { useTranslation } from 'react-i18next';
import { runCommand } from '../commands/commands.ts';
import { savePreferences } from '../app/studio.ts';
import { selectTheme, selectUnits, selectUser, useAppStore } from '../state/store.ts';
import type { ThemePreference } from '../state/uiSlice.ts';
import { Avatar } from './Avatar.tsx';
import { Chevron, Monitor, Moon, SignOutIcon, Sun } from './Icons.tsx';
import { Segmented } from './Segmented.tsx';
import { usePopover } from './usePopover.ts';

/** The person's menu in the header: who is signed in, theme, units, sign out. */
export function SettingsMenu() {
  const { t } = useTranslation();
  const user = useAppStore(selectUser);
  const theme = useAppStore(selectTheme);
  const units = useAppStore(selectUnits);
  const { open, setOpen, panelId, buttonRef, panelRef } = usePopover('[role="radio"][aria-checked="true"]');

  if (!user) return null;

  return (
    <div className="menu">
      <button ref={buttonRef} type="button" className="menu__button" aria-expanded={open} aria-controls={panelId} aria-label={t('settings.open')} onClick={() => setOpen((value) => !value)}>
        <Avatar name={user.name} />
        <span className="menu__name">{user.name}</span>
        <Chevron className="menu__chevron" />
      </button>
      {open ? (
        <div ref={panelRef} id={panelId} className="menu__panel" role="dialog" aria-label={t('settings.title')}>
          <div className="menu__who">
            <Avatar name={user.name} size={36} />
            <div>
              <div className="menu__who-name">{user.name}</div>
              <div className="menu__who-email">{user.email}</div>
            </div>
            <span className="badge">{t(`role.${user.role}`)}</span>
          </div>
          <div className="menu__section">
            <div className="menu__label">{t('settings.theme')}</div>
            <Segmented<ThemePreference>
              label={t('settings.theme')}
              value={theme}
              onChange={(value) => void savePreferences({ theme: value })}
              options={[
                { value: 'light', label: t('settings.themeLight'), icon: <Sun /> },
                { value: 'dark', label: t('settings.themeDark'), icon: <Moon /> },
                { value: 'system', label: t('settings.themeSystem'), icon: <Monitor /> },
              ]}
            />
          </div>
          <div className="menu__section">
            <div className="menu__label">{t('settings.units')}</div>
            <Segmented
              label={t('settings.units')}
              value={units}
              onChange={(value) => void savePreferences({ units: value })}
              options={[
                { value: 'metric', label: t('settings.unitsMetric') },
                { value: 'imperial', label: t('settings.unitsImperial') },
              ]}
            />
          </div>
          <div className="menu__footer">
            <button type="button" className="menu__item" onClick={() => runCommand('app.signOut')}>
              <SignOutIcon />
              {t('settings.signOut')}
            </button>
          </div>
        </div>
      ) : null}
    </div>
  );
}
