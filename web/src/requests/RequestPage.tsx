import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { RequestRow } from '../api/database';
import { isAgentOf, useMe } from '../api/me';
import { categoryName, personName, useCategories, usePeople } from '../api/reference';
import { navigate, usePlace } from '../router/history';
import { hrefFor } from '../router/routes';
import { Link } from '../router/Link';
import { PriorityBadge, StatusBadge } from '../ui/Badges';
import { EmptyState, Loaded, Notice } from '../ui/States';
import { Markdown } from '../ui/Markdown';
import { Time } from '../ui/Time';
import { useDocumentTitle } from '../ui/useDocumentTitle';
import { requestQuery } from './api';
import { AuditMark } from './AuditMark';
import { AttachmentsSection } from '../attachments/AttachmentsSection';
import { CommentsSection } from './CommentsSection';
import { EditRequest } from './EditRequest';
import { HistorySection } from './HistorySection';
import { RateResolution, SlaClocks } from './SlaAndRating';
import { TransitionPanel } from './TransitionPanel';

export function RequestPage({ requestKey }: { requestKey: string }) {
  useDocumentTitle(requestKey);
  const request = useQuery(requestQuery(requestKey));
  const place = usePlace();
  const movedTo = new URLSearchParams(place.search).get('moved');
  return (
    <Loaded query={request} loadingLabel={`Loading ${requestKey}…`}>
      {(row) =>
        row ? (
          <RequestView request={row} />
        ) : (
          <>
            <h1>{requestKey}</h1>
            {movedTo && (
              <Notice tone="success">
                {requestKey} was moved to {movedTo}. It has left your view, as you do not serve that
                category.
              </Notice>
            )}
            <EmptyState title={`There is no request ${requestKey}, or you may not see it.`}>
              <p>
                Check the key, or go back to <Link href="/">your requests</Link>.
              </p>
            </EmptyState>
          </>
        )
      }
    </Loaded>
  );
}

function RequestView({ request }: { request: RequestRow }) {
  useDocumentTitle(`${request.key} ${request.title}`);
  const me = useMe();
  const place = usePlace();
  const categories = useCategories();
  const people = usePeople();
  const isStaff = me.is_admin || isAgentOf(me, request.category);
  // Say "sent" until the request changes, and drop ?created from the address.
  const [createdVersion] = useState(() =>
    new URLSearchParams(place.search).has('created') ? request.updated_at : null,
  );
  const justCreated = createdVersion === request.updated_at;
  useEffect(() => {
    if (new URLSearchParams(place.search).has('created')) {
      navigate(hrefFor({ name: 'request', key: request.key }), { replace: true });
    }
  }, [place.search, request.key]);

  return (
    <article className="request" aria-labelledby="request-title">
      {justCreated && (
        <Notice tone="success">
          Request {request.key} was sent. You can follow it here and under My requests.
        </Notice>
      )}
      <header className="request-head">
        <p className="request-key-line">
          <span className="request-key">{request.key}</span>
          <StatusBadge status={request.status} />
          <PriorityBadge priority={request.priority} />
        </p>
        <h1 id="request-title">{request.title}</h1>
      </header>
      {/* On a phone the details follow the status, before the conversation;
          on a wide screen they stand in a column beside both (styles.css). */}
      <div className="request-layout">
        <div className="request-main request-summary">
          <section aria-labelledby="description-heading" className="card">
            <h2 id="description-heading" className="sr-only">
              Description
            </h2>
            {request.description ? (
              <Markdown className="prose" text={request.description} />
            ) : (
              <p className="muted">No description.</p>
            )}
          </section>
          <RateResolution request={request} />
          <TransitionPanel request={request} />
        </div>
        <aside className="request-side" aria-label="Details">
          <dl className="facts card">
            <dt>Status</dt>
            <dd>
              <StatusBadge status={request.status} labelled={false} />
            </dd>
            <dt>Category</dt>
            <dd>{categoryName(categories, request.category)}</dd>
            <dt>Priority</dt>
            <dd>
              <PriorityBadge priority={request.priority} labelled={false} />
            </dd>
            <dt>Requester</dt>
            <dd>{personName(people.index, request.requester_id)}</dd>
            <dt>Assignee</dt>
            <dd>
              {request.assignee_id === null
                ? 'Unassigned'
                : personName(people.index, request.assignee_id)}
            </dd>
            <dt>Created</dt>
            <dd>
              <Time value={request.created_at} />
            </dd>
            <dt>Updated</dt>
            <dd>
              <Time value={request.updated_at} />
            </dd>
            {request.resolved_at && (
              <>
                <dt>Resolved</dt>
                <dd>
                  <Time value={request.resolved_at} />
                </dd>
              </>
            )}
          </dl>
          <SlaClocks request={request} />
          <AuditMark requestId={request.id} />
          <EditRequest request={request} isStaff={isStaff} />
        </aside>
        <div className="request-main request-conversation">
          <AttachmentsSection requestId={request.id} />
          <CommentsSection request={request} canWriteInternal={isStaff} />
          <HistorySection request={request} />
        </div>
      </div>
    </article>
  );
}
