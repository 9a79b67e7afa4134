// Take and Take over from a list (ADR 0017). A take succeeds only while
// nobody has the request; taking over names whom it is taken from, after the
// agent confirmed it. Either way the lists are refreshed; a refused take
// says who has the request now and offers to take it over from them.
import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type ReactNode } from 'react';
import type { RequestListRow } from '../api/database';
import { ApiError, describeError } from '../api/errors';
import { requestsKey } from '../api/keys';
import { isAgentOf, useMe } from '../api/me';
import { Notice } from '../ui/States';
import { loadListRow, takeOverRequest, takeRequest } from './api';

interface Outcome {
  tone: 'success' | 'error';
  text: string;
  /** After a refused take: the request as it is now, to take over from its holder. */
  offer: RequestListRow | null;
}

export function useTakeActions(closed: ReadonlySet<string>): {
  outcome: ReactNode;
  actions: (row: RequestListRow) => ReactNode;
} {
  const me = useMe();
  const queryClient = useQueryClient();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [busy, setBusy] = useState<RequestListRow['id'] | null>(null);
  // The button may leave the list with its request: focus goes to the outcome.
  const outcomeRef = useRef<HTMLDivElement>(null);

  const act = async (row: RequestListRow, takeOver: boolean) => {
    if (busy !== null) return;
    const holder = row.assignee_name ?? 'nobody';
    if (takeOver && !window.confirm(`${row.key} is assigned to ${holder}. Take it over?`)) return;
    setBusy(row.id);
    setOutcome(null);
    try {
      if (takeOver) await takeOverRequest(row.id, row.assignee_id);
      else await takeRequest(row.id);
      setOutcome({ tone: 'success', text: `${row.key} is now assigned to you.`, offer: null });
    } catch (error) {
      const now =
        error instanceof ApiError && error.status === 409
          ? await loadListRow(row.id).catch(() => null)
          : null;
      const offer = now && now.assignee_id !== null && now.assignee_id !== me.id ? now : null;
      setOutcome({ tone: 'error', text: `${row.key}: ${describeError(error)}`, offer });
    } finally {
      setBusy(null);
      requestAnimationFrame(() => outcomeRef.current?.focus());
      void queryClient.invalidateQueries({ queryKey: requestsKey });
    }
  };

  const button = (row: RequestListRow, takeOver: boolean, label: ReactNode) => (
    <button
      type="button"
      className="button button-small"
      aria-disabled={busy !== null}
      aria-busy={busy === row.id}
      onClick={() => void act(row, takeOver)}
    >
      {label}
    </button>
  );

  const actions = (row: RequestListRow): ReactNode => {
    if (closed.has(row.status) || !isAgentOf(me, row.category) || row.assignee_id === me.id)
      return null;
    const takeOver = row.assignee_id !== null;
    return button(
      row,
      takeOver,
      <>
        {takeOver ? 'Take over' : 'Take'}
        <span className="sr-only"> ({row.key})</span>
      </>,
    );
  };

  return {
    outcome: (
      <div ref={outcomeRef} tabIndex={-1} className="focus-target">
        {outcome && (
          <Notice tone={outcome.tone}>
            {outcome.text}
            {outcome.offer && (
              <>
                {' '}
                {button(
                  outcome.offer,
                  true,
                  `Take over ${outcome.offer.key} from ${outcome.offer.assignee_name ?? 'them'}`,
                )}
              </>
            )}
          </Notice>
        )}
      </div>
    ),
    actions,
  };
}
