// Take and Take over from a list (ADR 0017). A take succeeds only while
// nobody has the request; taking over names whom it is taken from, after the
// agent confirmed it. Either way the lists are refreshed, so a refusal
// ("Hana already has IT-12") shows the request where it is now, with Take over.
import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type ReactNode } from 'react';
import type { RequestListRow } from '../api/database';
import { ApiError, describeError } from '../api/errors';
import { requestsKey } from '../api/keys';
import { isAgentOf, useMe } from '../api/me';
import { Notice } from '../ui/States';
import { takeOverRequest, takeRequest } from './api';

export function useTakeActions(closed: ReadonlySet<string>): {
  outcome: ReactNode;
  actions: (row: RequestListRow) => ReactNode;
} {
  const me = useMe();
  const queryClient = useQueryClient();
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState<RequestListRow['id'] | null>(null);
  // The button may leave the list with its request: focus goes to the outcome.
  const outcomeRef = useRef<HTMLDivElement>(null);

  const act = async (row: RequestListRow, takeOver: boolean) => {
    if (busy !== null) return;
    if (
      takeOver &&
      !window.confirm(`${row.key} is assigned to ${row.assignee_name ?? 'nobody'}. Take it over?`)
    )
      return;
    setBusy(row.id);
    setMessage(null);
    try {
      if (takeOver) await takeOverRequest(row.id, row.assignee_id);
      else await takeRequest(row.id);
      setMessage({ tone: 'success', text: `${row.key} is now assigned to you.` });
    } catch (error) {
      // A refused take says who has it; the refreshed row offers Take over.
      const next =
        error instanceof ApiError && error.status === 409 && !takeOver
          ? ' Take over is beside it in the list if you mean to work on it instead.'
          : '';
      setMessage({ tone: 'error', text: `${row.key}: ${describeError(error)}${next}` });
    } finally {
      setBusy(null);
      await queryClient.invalidateQueries({ queryKey: requestsKey });
      requestAnimationFrame(() => outcomeRef.current?.focus());
    }
  };

  const actions = (row: RequestListRow): ReactNode => {
    if (closed.has(row.status) || !isAgentOf(me, row.category) || row.assignee_id === me.id)
      return null;
    const takeOver = row.assignee_id !== null;
    return (
      <button
        type="button"
        className="button button-small"
        aria-disabled={busy !== null}
        aria-busy={busy === row.id}
        onClick={() => void act(row, takeOver)}
      >
        {takeOver ? 'Take over' : 'Take'}
        <span className="sr-only"> ({row.key})</span>
      </button>
    );
  };

  const outcome = (
    <div ref={outcomeRef} tabIndex={-1} className="focus-target">
      {message && <Notice tone={message.tone}>{message.text}</Notice>}
    </div>
  );
  return { outcome, actions };
}
