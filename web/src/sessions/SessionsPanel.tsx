import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { SessionRow } from '../api/database';
import { describeError } from '../api/errors';
import { signOut } from '../auth/store';
import { formatDateTime } from '../ui/format';
import { Loaded, Notice } from '../ui/States';
import { Time } from '../ui/Time';
import { revokeOtherSessions, revokeSession, sessionsQuery } from './api';
import { describeUserAgent, methodLabel } from './userAgent';

type Message = { tone: 'success' | 'error'; text: string } | null;

export function SessionsPanel() {
  const sessions = useQuery(sessionsQuery);
  const queryClient = useQueryClient();
  const [message, setMessage] = useState<Message>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const act = async (id: string, work: () => Promise<unknown>, done: string) => {
    setBusy(id);
    setMessage(null);
    try {
      await work();
      setMessage({ tone: 'success', text: done });
      void queryClient.invalidateQueries(sessionsQuery);
    } catch (error) {
      setMessage({ tone: 'error', text: describeError(error) });
    } finally {
      setBusy(null);
    }
  };

  return (
    <section aria-labelledby="sessions-heading" className="card">
      <h2 id="sessions-heading">Where you are signed in</h2>
      {message && <Notice tone={message.tone}>{message.text}</Notice>}
      <Loaded query={sessions} loadingLabel="Loading your sessions…">
        {(rows) => (
          <>
            <ul className="rows" aria-label="Your sessions">
              {rows.map((session) => (
                <SessionItem
                  key={session.id}
                  session={session}
                  disabled={busy !== null}
                  onEnd={() =>
                    void act(
                      session.id,
                      () => revokeSession(session.id),
                      `Ended the session on ${describeUserAgent(session.user_agent)}.`,
                    )
                  }
                />
              ))}
            </ul>
            {rows.some((session) => !session.current) && (
              <button
                type="button"
                className="button button-danger"
                disabled={busy !== null}
                onClick={() =>
                  void act('others', revokeOtherSessions, 'All your other sessions have ended.')
                }
              >
                End all other sessions
              </button>
            )}
          </>
        )}
      </Loaded>
    </section>
  );
}

function SessionItem({
  session,
  disabled,
  onEnd,
}: {
  session: SessionRow;
  disabled: boolean;
  onEnd: () => void;
}) {
  const device = describeUserAgent(session.user_agent);
  return (
    <li className={session.current ? 'row row-current' : 'row'}>
      <div className="row-main">
        <p className="row-title">
          {device}
          {session.current && <span className="badge badge-current">This device</span>}
        </p>
        <p className="row-meta">
          Signed in with {methodLabel(session.method)} <Time value={session.created_at} /> · last
          active <Time value={session.last_seen_at} />
        </p>
      </div>
      <div className="row-actions">
        {session.current ? (
          <button
            type="button"
            className="button button-small"
            onClick={() => {
              void signOut();
            }}
          >
            Sign out here
          </button>
        ) : (
          <button type="button" className="button button-small" disabled={disabled} onClick={onEnd}>
            End session
            <span className="sr-only">
              {' '}
              on {device}, signed in {formatDateTime(session.created_at)}
            </span>
          </button>
        )}
      </div>
    </li>
  );
}
