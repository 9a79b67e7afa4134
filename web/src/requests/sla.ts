// Words for SLA clocks (ADR 0018): "due in 2 h", "overdue 35 min".

/** A duration in the largest whole unit people read at a glance. */
export function formatSpan(ms: number): string {
  const minutes = Math.max(1, Math.round(Math.abs(ms) / 60_000));
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `${hours} h`;
  return `${Math.round(hours / 24)} d`;
}

/** How a clock stands, in words, from its state and due time. */
export function describeClock(
  state: string,
  dueAt: string | null,
  doneAt: string | null,
  now = Date.now(),
): string {
  const due = dueAt === null ? Number.NaN : Date.parse(dueAt);
  switch (state) {
    case 'none':
      return 'No target';
    case 'paused':
      return 'Paused: waiting on the requester';
    case 'met':
      return doneAt === null ? 'Met' : `Met, ${formatSpan(due - Date.parse(doneAt))} before due`;
    case 'breached':
      if (doneAt !== null) return `Missed by ${formatSpan(Date.parse(doneAt) - due)}`;
      return Number.isNaN(due) ? 'Overdue' : `Overdue ${formatSpan(now - due)}`;
    default:
      return Number.isNaN(due) ? state : `Due in ${formatSpan(due - now)}`;
  }
}
