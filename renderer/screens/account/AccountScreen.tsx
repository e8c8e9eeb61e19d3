import { useTranslation } from 'react-i18next';
import { AppHeader } from '../../ui/AppHeader.tsx';
import { NotificationSettingsForm } from './NotificationSettingsForm.tsx';
import { YourData } from './YourData.tsx';
import './account.css';

/** `#/account`: how the person is told about things, and their data — export and delete. */
export function AccountScreen() {
  const { t } = useTranslation();
  return (
    <div className="page page--account">
      <AppHeader trail={t('account.title')} />
      <main className="account" id="main">
        <h1>{t('account.title')}</h1>
        <section className="account__section" aria-labelledby="account-notifications">
          <h2 id="account-notifications">{t('account.notifications.title')}</h2>
          <p className="account__lead">{t('account.notifications.lead')}</p>
          <NotificationSettingsForm />
        </section>
        <section className="account__section" aria-labelledby="account-data">
          <h2 id="account-data">{t('account.data.title')}</h2>
          <p className="account__lead">{t('account.data.lead')}</p>
          <YourData />
        </section>
      </main>
    </div>
  );
}
