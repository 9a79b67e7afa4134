import { db, run } from '../api/client';
import type { SessionRow } from '../api/types';

export function loadSessions(): Promise<SessionRow[]> {
  return run(
    db()
      .from('my_sessions')
      .select('id,method,created_at,last_seen_at,user_agent,current')
      .order('last_seen_at', { ascending: false, nullsFirst: false }),
  );
}

export function revokeSession(id: SessionRow['id']): Promise<unknown> {
  return run(db().rpc('revoke_session', { session_id: id }));
}

export function revokeOtherSessions(): Promise<unknown> {
  return run(db().rpc('revoke_other_sessions'));
}
