import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useCommandShortcuts } from '../commands/useCommandShortcuts.ts';
import { CatalogScreen } from '../screens/catalog/CatalogScreen.tsx';
import { ImportWizardScreen } from '../screens/catalog/ImportWizardScreen.tsx';
import { DeskClaimScreen } from '../screens/desk/DeskClaimScreen.tsx';
import { DeskScreen } from '../screens/desk/DeskScreen.tsx';
import { HomeScreen } from '../screens/home/HomeScreen.tsx';
import { ClaimScreen } from '../screens/protected/ClaimScreen.tsx';
import { ProtectedScreen } from '../screens/protected/ProtectedScreen.tsx';
import { ProjectScreen } from '../screens/project/ProjectScreen.tsx';
import { CompareScreen } from '../screens/options/CompareScreen.tsx';
import { VersionScreen } from '../screens/options/VersionScreen.tsx';
import { ShoppingListScreen } from '../screens/shopping/ShoppingListScreen.tsx';
import { RoomShellScreen } from '../screens/room/RoomShellScreen.tsx';
import { IntakeScreen } from '../screens/intake/IntakeScreen.tsx';
import { StyleProfileScreen } from '../screens/profile/StyleProfileScreen.tsx';
import { StyleSummaryScreen } from '../screens/profile/StyleSummaryScreen.tsx';
import { PhotosScreen } from '../screens/photos/PhotosScreen.tsx';
import { AccountScreen } from '../screens/account/AccountScreen.tsx';
import { SignInScreen } from '../screens/SignInScreen.tsx';
import { selectSessionStatus, useAppStore } from '../state/store.ts';
import { LoadingState } from '../ui/States.tsx';
import { Toasts } from '../ui/Toasts.tsx';
import { restoreSession } from './studio.ts';
import { useRoute } from './useRoute.ts';
import { useThemeSync } from './useThemeSync.ts';

export function App() {
  const { t } = useTranslation();
  useThemeSync();
  useCommandShortcuts();
  useEffect(() => {
    void restoreSession();
  }, []);
  const status = useAppStore(selectSessionStatus);

  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      {status === 'unknown' ? (
        <div className="splash">
          <LoadingState label={t('app.loading')} />
        </div>
      ) : status === 'signed-out' ? (
        <SignInScreen />
      ) : (
        <SignedIn />
      )}
      <Toasts />
    </>
  );
}

function SignedIn() {
  const route = useRoute();
  switch (route.name) {
    case 'home':
      return <HomeScreen />;
    case 'project':
      return <ProjectScreen key={route.projectId} projectId={route.projectId} optionId={route.optionId} />;
    case 'option-version':
      return <VersionScreen key={`${route.optionId}/${route.number}`} projectId={route.projectId} optionId={route.optionId} number={route.number} />;
    case 'compare':
      return <CompareScreen key={route.roomId} projectId={route.projectId} roomId={route.roomId} />;
    case 'shopping':
      return <ShoppingListScreen key={route.optionId} projectId={route.projectId} optionId={route.optionId} />;
    case 'start':
      return <IntakeScreen />;
    case 'style':
      return <StyleProfileScreen />;
    case 'project-style':
      return <StyleSummaryScreen key={route.projectId} projectId={route.projectId} />;
    case 'photos':
      return <PhotosScreen key={route.projectId} projectId={route.projectId} roomId={route.roomId} />;
    case 'account':
      return <AccountScreen />;
    case 'protected':
      return <ProtectedScreen />;
    case 'claim':
      return <ClaimScreen key={route.claimId} claimId={route.claimId} />;
    case 'catalog':
      return <CatalogScreen />;
    case 'catalog-import':
      return <ImportWizardScreen />;
    case 'desk':
      return <DeskScreen tab={route.tab} />;
    case 'desk-claim':
      return <DeskClaimScreen key={route.claimId} claimId={route.claimId} />;
    case 'room-edit':
      return <RoomShellScreen key={`${route.projectId}/${route.roomId ?? 'new'}`} projectId={route.projectId} roomId={route.roomId} />;
  }
}
