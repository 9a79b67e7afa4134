import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import type { RequestId, RequestRow } from '../api/database';
import { describeError } from '../api/errors';
import { requestsKey } from '../api/keys';
import { isAgentOf, useMe } from '../api/me';
import { categoryName, useCategories, usePeople } from '../api/reference';
import { usePlace } from '../router/history';
import { Link } from '../router/Link';
import { EmptyState, Loaded, Notice } from '../ui/States';
import { useDocumentTitle } from '../ui/useDocumentTitle';
import { QUEUE_LIMIT, queueQuery, takeOverRequest, takeRequest } from './api';
import { RequestList } from './RequestList';

export function QueuePage() {
  useDocumentTitle('Queue');
  const me = useMe();
  const place = usePlace();
  const categories = useCategories();
  const mine = me.agent_categories ?? [];
  // Admins may look at every queue; their own teams come first.
  const codes = me.is_admin
    ? [...mine, ...categories.map((c) => c.code).filter((code) => !mine.includes(code))]
    : mine;
  const wanted = new URLSearchParams(place.search).get('category');
  const category = codes.find((code) => code === wanted) ?? codes[0] ?? null;

  return (
    <>
      <div className="page-head">
        <h1>Queue</h1>
      </div>
      {codes.length === 0 ? (
        <EmptyState title="You are not an agent of any category.">
          <p>An administrator can add you to a team. Your own requests are under My requests.</p>
        </EmptyState>
      ) : (
        <>
          {codes.length > 1 && (
            <nav aria-label="Category" className="tabs">
              <ul>
                {codes.map((code) => (
                  <li key={code}>
                    <Link
                      href={`/queue?category=${encodeURIComponent(code)}`}
                      aria-current={code === category ? 'page' : undefined}
                    >
                      {categoryName(categories, code)}
                    </Link>
                  </li>
                ))}
              </ul>
            </nav>
          )}
          {category && <CategoryQueue category={category} canTake={isAgentOf(me, category)} />}
        </>
      )}
    </>
  );
}

function CategoryQueue({ category, canTake }: { category: string; canTake: boolean }) {
  const me = useMe();
  const categories = useCategories();
  const people = usePeople();
  const queue = useQuery(queueQuery(category));
  const queryClient = useQueryClient();
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState<RequestId | null>(null);
  const name = categoryName(categories, category);

  // The button leaves the list with its request: focus goes to the outcome.
  const outcome = useRef<HTMLDivElement>(null);

  // Take and Take over are different acts (ADR 0017): a take succeeds only
  // while nobody has the request; taking over names whom it is taken from,
  // after the agent confirmed it. Either way the queue is refreshed, so a
  // refusal ("Hana already has IT-12") shows the request where it is now.
  const act = async (row: RequestRow, takeOver: boolean) => {
    const holder = row.assignee_id
      ? (people.index.get(row.assignee_id)?.display_name ?? 'someone')
      : null;
    if (
      takeOver &&
      !window.confirm(`${row.key} is assigned to ${holder ?? 'nobody'}. Take it over?`)
    )
      return;
    if (busy !== null) return;
    setBusy(row.id);
    setMessage(null);
    try {
      if (takeOver) await takeOverRequest(row.id, row.assignee_id);
      else await takeRequest(row.id);
      setMessage({ tone: 'success', text: `${row.key} is now assigned to you.` });
    } catch (error) {
      setMessage({ tone: 'error', text: `${row.key}: ${describeError(error)}` });
    } finally {
      setBusy(null);
      void queryClient.invalidateQueries({ queryKey: requestsKey });
      requestAnimationFrame(() => outcome.current?.focus());
    }
  };

  return (
    <Loaded query={queue} loadingLabel={`Loading the ${name} queue…`}>
      {({ unassigned, assigned }) => (
        <>
          <div ref={outcome} tabIndex={-1} className="focus-target">
            {message && <Notice tone={message.tone}>{message.text}</Notice>}
          </div>
          <section aria-labelledby="queue-unassigned">
            <h2 id="queue-unassigned">
              Unassigned{' '}
              <span className="heading-count">{unassigned.total ?? unassigned.rows.length}</span>
            </h2>
            {unassigned.rows.length === 0 ? (
              <EmptyState title={`Nothing waiting in ${name}.`}>
                <p>New requests appear here, oldest first.</p>
              </EmptyState>
            ) : (
              <RequestList
                rows={unassigned.rows}
                categories={categories}
                people={people.index}
                showRequester
                label={`Unassigned ${name} requests`}
                actions={
                  canTake
                    ? (row) => (
                        <button
                          type="button"
                          className="button button-small"
                          aria-disabled={busy !== null}
                          aria-busy={busy === row.id}
                          onClick={() => void act(row, false)}
                        >
                          Take<span className="sr-only"> ({row.key})</span>
                        </button>
                      )
                    : undefined
                }
              />
            )}
          </section>
          <section aria-labelledby="queue-assigned">
            <h2 id="queue-assigned">
              Assigned, not resolved{' '}
              <span className="heading-count">{assigned.total ?? assigned.rows.length}</span>
            </h2>
            {assigned.rows.length === 0 ? (
              <EmptyState title="No work in progress." />
            ) : (
              <RequestList
                rows={assigned.rows}
                categories={categories}
                people={people.index}
                showRequester
                label={`Assigned ${name} requests`}
                actions={
                  canTake
                    ? (row) =>
                        row.assignee_id === me.id ? null : (
                          <button
                            type="button"
                            className="button button-small"
                            disabled={busy !== null}
                            aria-busy={busy === row.id}
                            onClick={() => void act(row, true)}
                          >
                            Take over<span className="sr-only"> ({row.key})</span>
                          </button>
                        )
                    : undefined
                }
              />
            )}
          </section>
          {(unassigned.total ?? 0) > QUEUE_LIMIT && (
            <p className="muted">The oldest {QUEUE_LIMIT} are shown.</p>
          )}
        </>
      )}
    </Loaded>
  );
}
