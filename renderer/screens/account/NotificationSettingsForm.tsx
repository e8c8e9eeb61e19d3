import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getNotificationSettings, putNotificationSettings } from '../../../core/api/privacy.ts';
import { NOTIFICATION_TOPICS, type NotificationChannel, type NotificationSettings } from '../../../core/notify/preferences.ts';
import { api } from '../../app/studio.ts';
import { describeError } from '../../app/errors.ts';
import { useResource } from '../../app/useResource.ts';
import { selectUser, useAppStore } from '../../state/store.ts';
import { Button } from '../../ui/Button.tsx';
import { Segmented } from '../../ui/Segmented.tsx';
import { ErrorState, LoadingState } from '../../ui/States.tsx';
import { rememberNotificationSettings } from '../../ui/notifications/settingsStore.ts';

/** The browser's own time zone: what quiet hours mean unless the person picks another. */
function localTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** Per kind of event: desktop alert, in the app only, or nothing; and quiet hours. */
export function NotificationSettingsForm() {
  const { t } = useTranslation();
  const resource = useResource('notification-settings', (signal) => api.call(getNotificationSettings, { signal }));
  if (resource.status === 'loading') return <LoadingState label={t('account.notifications.loading')} />;
  if (resource.status === 'error') return <ErrorState error={resource.error} onRetry={resource.reload} />;
  return <SettingsForm initial={resource.data.settings} />;
}

function SettingsForm({ initial }: { readonly initial: NotificationSettings }) {
  const { t } = useTranslation();
  const user = useAppStore(selectUser);
  const showToast = useAppStore((state) => state.showToast);
  const [channels, setChannels] = useState(initial.channels);
  const [quiet, setQuiet] = useState(initial.quietHours !== null);
  const [start, setStart] = useState(initial.quietHours?.start ?? '22:00');
  const [end, setEnd] = useState(initial.quietHours?.end ?? '07:00');
  const [timeZone, setTimeZone] = useState(initial.quietHours?.timeZone ?? localTimeZone());
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const options: { value: NotificationChannel; label: string }[] = [
    { value: 'desktop', label: t('account.notifications.channel.desktop') },
    { value: 'in-app', label: t('account.notifications.channel.inApp') },
    { value: 'none', label: t('account.notifications.channel.none') },
  ];
  const save = async () => {
    setSaving(true);
    setError(null);
    try {
      const { settings } = await api.call(putNotificationSettings, { body: { channels, quietHours: quiet ? { start, end, timeZone } : null } });
      if (user) rememberNotificationSettings(user.id, settings);
      showToast('success', t('account.notifications.saved'));
    } catch (problem) {
      setError(describeError(problem, t));
    } finally {
      setSaving(false);
    }
  };
  return (
    <form
      className="notification-settings"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <table className="notification-settings__table">
        <thead>
          <tr>
            <th scope="col">{t('account.notifications.kind')}</th>
            <th scope="col">{t('account.notifications.how')}</th>
          </tr>
        </thead>
        <tbody>
          {NOTIFICATION_TOPICS.map((topic) => (
            <tr key={topic}>
              <th scope="row">
                {t(`account.notifications.topic.${topic}`)}
                <span className="notification-settings__hint">{t(`account.notifications.topicHint.${topic}`)}</span>
              </th>
              <td>
                <Segmented label={t(`account.notifications.topic.${topic}`)} value={channels[topic]} options={options} onChange={(value) => setChannels({ ...channels, [topic]: value })} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <fieldset className="notification-settings__quiet">
        <legend>{t('account.notifications.quietTitle')}</legend>
        <label className="notification-settings__check">
          <input type="checkbox" checked={quiet} onChange={(event) => setQuiet(event.currentTarget.checked)} />
          {t('account.notifications.quietOn')}
        </label>
        {quiet ? (
          <div className="notification-settings__times">
            <label>
              {t('account.notifications.quietFrom')}
              <input className="field__input" type="time" value={start} onChange={(event) => setStart(event.currentTarget.value)} required />
            </label>
            <label>
              {t('account.notifications.quietTo')}
              <input className="field__input" type="time" value={end} onChange={(event) => setEnd(event.currentTarget.value)} required />
            </label>
            <label>
              {t('account.notifications.timeZone')}
              <input className="field__input" value={timeZone} onChange={(event) => setTimeZone(event.currentTarget.value)} spellCheck={false} />
            </label>
          </div>
        ) : null}
        <p className="notification-settings__hint">{t('account.notifications.quietHint')}</p>
      </fieldset>
      {error ? (
        <p className="field__error" role="alert">
          {error}
        </p>
      ) : null}
      <Button type="submit" variant="primary" disabled={saving}>
        {t('account.notifications.save')}
      </Button>
    </form>
  );
}
