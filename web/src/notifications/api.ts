// The caller's notification choices (api.notification_settings) and the call
// that changes one; what is sent, and to whom, is the database's (ADR 0015).
import { queryOptions } from '@tanstack/react-query';
import { db, run } from '../api/client';
import type { NotificationSetting } from '../api/database';

export const notificationSettingsQuery = queryOptions({
  queryKey: ['notification-settings'],
  queryFn: () =>
    run(
      db()
        .from('notification_settings')
        .select('kind,label,audience,enabled,delivery')
        .order('audience', { ascending: false })
        .order('kind'),
    ),
});

export async function setNotificationPreference(
  kind: NotificationSetting['kind'],
  enabled: boolean,
  delivery: NotificationSetting['delivery'],
): Promise<void> {
  await run(db().rpc('set_notification_preference', { kind, enabled, delivery }));
}
