import type { Priority, Status } from '../api/types';
import { priorityLabel, statusLabel } from '../requests/format';

/** `labelled`: say "Status:" to screen readers (off where a <dt> already does). */
export function StatusBadge({ status, labelled = true }: { status: Status; labelled?: boolean }) {
  return (
    <span className={`badge badge-status badge-${status}`}>
      {labelled && <span className="sr-only">Status: </span>}
      {statusLabel(status)}
    </span>
  );
}

export function PriorityBadge({ priority }: { priority: Priority }) {
  return (
    <span className={`badge badge-priority badge-priority-${priority}`}>
      <span className="sr-only">Priority: </span>
      {priorityLabel(priority)}
    </span>
  );
}
