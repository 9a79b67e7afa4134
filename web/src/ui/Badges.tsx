import type { Priority, Status } from '../api/types';
import { priorityLabel, statusLabel } from '../requests/format';

export function StatusBadge({ status }: { status: Status }) {
  return <span className={`badge badge-status badge-${status}`}>{statusLabel(status)}</span>;
}

export function PriorityBadge({ priority }: { priority: Priority }) {
  return (
    <span className={`badge badge-priority badge-priority-${priority}`}>
      <span className="sr-only">Priority: </span>
      {priorityLabel(priority)}
    </span>
  );
}
