import { statusLabel, useStatuses } from '../api/reference';
import { priorityLabel } from './format';

/** `labelled`: say "Status:" / "Priority:" to screen readers (off where a <dt> already does). */
export function StatusBadge({ status, labelled = true }: { status: string; labelled?: boolean }) {
  const statuses = useStatuses();
  return (
    <span className={`badge badge-status badge-${status}`}>
      {labelled && <span className="sr-only">Status: </span>}
      {statusLabel(statuses, status)}
    </span>
  );
}

export function PriorityBadge({
  priority,
  labelled = true,
}: {
  priority: string;
  labelled?: boolean;
}) {
  return (
    <span className={`badge badge-priority badge-priority-${priority}`}>
      {labelled && <span className="sr-only">Priority: </span>}
      {priorityLabel(priority)}
    </span>
  );
}
