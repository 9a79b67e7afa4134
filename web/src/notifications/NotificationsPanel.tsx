import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { NotificationSetting } from '../api/database';
import { describeError } from '../api/errors';
import { Loaded, Notice } from '../ui/States';
import { notificationSettingsQuery, setNotificationPreference } from './api';

/** Settings → E-mail notifications: each kind on or off, at once or in a daily digest. */
export function NotificationsPanel() {
  const settings = useQuery(notificationSettingsQuery);
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  const change = async (row: NotificationSetting, enabled: boolean, delivery: string) => {
    setError(null);
    setSaved(null);
    try {
      await setNotificationPreference(row.kind, enabled, delivery);
      setSaved(`Saved: ${row.label}.`);
    } catch (failure) {
      setError(describeError(failure));
    } finally {
      void queryClient.invalidateQueries({ queryKey: notificationSettingsQuery.queryKey });
    }
  };

  return (
    <section aria-labelledby="notifications-heading" className="card">
      <h2 id="notifications-heading">E-mail notifications</h2>
      <p className="muted">
        Reqstly e-mails you about your requests. Choose what, and whether at once or in one e-mail a
        day (08:00 UTC).
      </p>
      <Loaded query={settings} loadingLabel="Loading your notification settings…">
        {(rows) => (
          <ul className="notification-settings" aria-label="Notification kinds">
            {rows.map((row) => (
              <li key={row.kind} className="notification-setting">
                <div className="checkbox">
                  <input
                    id={`notify-${row.kind}`}
                    type="checkbox"
                    checked={row.enabled}
                    onChange={(event) => void change(row, event.target.checked, row.delivery)}
                  />
                  <label htmlFor={`notify-${row.kind}`}>{row.label}</label>
                </div>
                <label className="sr-only" htmlFor={`delivery-${row.kind}`}>
                  When to send “{row.label}”
                </label>
                <select
                  id={`delivery-${row.kind}`}
                  value={row.delivery}
                  disabled={!row.enabled}
                  onChange={(event) => void change(row, row.enabled, event.target.value)}
                >
                  <option value="immediate">At once</option>
                  <option value="digest">Daily digest</option>
                </select>
              </li>
            ))}
          </ul>
        )}
      </Loaded>
      {error && <Notice tone="error">{error}</Notice>}
      {saved && <Notice tone="success">{saved}</Notice>}
    </section>
  );
}
