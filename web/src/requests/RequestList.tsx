import type { ReactNode } from 'react';
import type { Category, RequestRow } from '../api/database';
import { categoryName, personName, type PeopleIndex } from '../api/reference';
import { Link } from '../router/Link';
import { hrefFor } from '../router/routes';
import { PriorityBadge, StatusBadge } from '../ui/Badges';
import { Time } from '../ui/Time';

export function RequestList({
  rows,
  categories,
  people,
  showRequester = false,
  actions,
  label,
}: {
  rows: readonly RequestRow[];
  categories: readonly Category[];
  people: PeopleIndex;
  showRequester?: boolean;
  actions?: (row: RequestRow) => ReactNode;
  label: string;
}) {
  return (
    <ul className="request-list" aria-label={label}>
      {rows.map((row) => (
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
            <span>{categoryName(categories, row.category)}</span>
            {showRequester && <span>From {personName(people, row.requester_id)}</span>}
            <span>
              {row.assignee_id === null
                ? 'Unassigned'
                : `Assigned to ${personName(people, row.assignee_id)}`}
            </span>
            <span>
              Updated <Time value={row.updated_at} />
            </span>
          </p>
        </li>
      ))}
    </ul>
  );
}
