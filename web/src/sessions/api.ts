import { queryOptions } from '@tanstack/react-query';
import { db, run } from '../api/client';
import type { SessionRow } from '../api/database';
import { sessionsKey } from '../api/keys';

export const sessionsQuery = queryOptions({
  queryKey: sessionsKey,
  queryFn: () =>
    run(
      db()
        .from('my_sessions')
        .select('id,method,created_at,last_seen_at,user_agent,current')
        .order('last_seen_at', { ascending: false, nullsFirst: false }),
    ),
});

export async function revokeSession(id: SessionRow['id']): Promise<void> {
  await run(db().rpc('revoke_session', { session_id: id }));
}

export async function revokeOtherSessions(): Promise<void> {
  await run(db().rpc('revoke_other_sessions'));
}
