import type { ReactNode } from 'react';
import type { Category, RequestListRow } from '../api/database';
import { categoryName, useStatuses } from '../api/reference';
import { Link } from '../router/Link';
import { hrefFor } from '../router/routes';
import { PriorityBadge, StatusBadge } from '../ui/Badges';
import { Time } from '../ui/Time';
import { listClock } from './sla';

/** Rows of `api.request_list`: key and title, status, priority, people, SLA clock. */
export function RequestList({
  rows,
  categories,
  showRequester = false,
  actions,
  label,
}: {
  rows: readonly RequestListRow[];
  categories: readonly Category[];
  showRequester?: boolean;
  actions?: (row: RequestListRow) => ReactNode;
  label: string;
}) {
  const statuses = useStatuses();
  const closed = new Set(statuses.filter((s) => s.is_closed).map((s) => s.code));
  return (
    <ul className="request-list" aria-label={label}>
      {rows.map((row) => {
        const clock = listClock(row, closed.has(row.status));
        return (
          <li key={row.id} className="request-item">
            <div className="request-item-main">
              <Link href={hrefFor({ name: 'request', key: row.key })} className="request-link">
                <span className="request-key">{row.key}</span>{' '}
                <span className="request-title">{row.title}</span>
              </Link>
              {actions && <div className="request-item-actions">{actions(row)}</div>}
            </div>
            <p className="request-item-meta">
              <StatusBadge status={row.status} />
              <PriorityBadge priority={row.priority} />
              {clock && (
                <span className={`sla sla-${clock.tone}`} data-testid="sla-label">
                  <span className="sr-only">Service level: </span>
                  {clock.text}
                </span>
              )}
              <span>{categoryName(categories, row.category)}</span>
              {showRequester && <span>From {row.requester_name}</span>}
              <span>
                {row.assignee_name === null ? 'Unassigned' : `Assigned to ${row.assignee_name}`}
              </span>
              <span>
                Updated <Time value={row.updated_at} />
              </span>
            </p>
          </li>
        );
      })}
    </ul>
  );
}
