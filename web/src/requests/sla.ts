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

/** The clock a list shows beside a request: tone (for the colour) and words (never colour alone). */
export interface ListClock {
  tone: 'overdue' | 'at_risk' | 'due' | 'paused';
  text: string;
}

/** The SLA columns of `api.request_list` a list's clock reads. */
export interface ListClockRow {
  first_response_state: string;
  first_response_due_at: string | null;
  first_responded_at: string | null;
  resolution_state: string;
  resolution_due_at: string | null;
  waiting_on_requester_since: string | null;
}

const TICKING = new Set(['running', 'at_risk', 'breached']);

function tick(state: string, dueAt: string | null, what: string, now: number): ListClock | null {
  if (!TICKING.has(state) || dueAt === null) return null;
  const due = Date.parse(dueAt);
  if (Number.isNaN(due)) return null;
  if (state === 'breached' || due <= now) {
    return { tone: 'overdue', text: `${what}overdue ${formatSpan(now - due)}` };
  }
  return {
    tone: state === 'at_risk' ? 'at_risk' : 'due',
    text: `${what}due in ${formatSpan(due - now)}`,
  };
}

/**
 * "Reply overdue 35 min" while nobody has answered and the first response is
 * due; otherwise "due in 2 h" / "overdue 35 min" for the resolution; "paused"
 * while waiting on the requester; nothing once the request is closed (its
 * clocks are `met`, `none`, or `breached` with the request done).
 */
export function listClock(row: ListClockRow, closed: boolean, now = Date.now()): ListClock | null {
  if (closed) return null;
  if (row.waiting_on_requester_since !== null || row.resolution_state === 'paused') {
    return { tone: 'paused', text: 'Paused: waiting on the requester' };
  }
  if (row.first_responded_at === null) {
    const reply = tick(row.first_response_state, row.first_response_due_at, 'Reply ', now);
    if (reply) return reply;
  }
  const resolution = tick(row.resolution_state, row.resolution_due_at, '', now);
  if (!resolution) return null;
  return {
    ...resolution,
    text: resolution.text.charAt(0).toUpperCase() + resolution.text.slice(1),
  };
}
