import { NotificationsPanel } from '../notifications/NotificationsPanel';
import { PasskeysPanel } from '../passkeys/PasskeysPanel';
import { SessionsPanel } from '../sessions/SessionsPanel';
import { useDocumentTitle } from '../ui/useDocumentTitle';

export function SettingsPage() {
  useDocumentTitle('Settings');
  return (
    <>
      <h1>Settings</h1>
      <NotificationsPanel />
      <PasskeysPanel />
      <SessionsPanel />
    </>
  );
}
