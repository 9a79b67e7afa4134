import { isStatus, type RequestCount, type Status } from '../api/database';

export type CountScope = 'mine' | 'assigned' | 'all';

export type StatusTotals = Record<Status | 'all', number>;

/**
 * Tab counts from `GET /rest/request_counts` rows: the rows the scope selects,
 * restricted to a category when one is chosen, summed per status.
 */
export function sumCounts(
  rows: readonly RequestCount[],
  options: { scope: CountScope; category?: string | null },
): StatusTotals {
  const totals: StatusTotals = { all: 0, open: 0, in_progress: 0, resolved: 0, cancelled: 0 };
  for (const row of rows) {
    if (options.scope === 'mine' && !row.mine) continue;
    if (options.scope === 'assigned' && !row.assigned_to_me) continue;
    if (options.category && row.category !== options.category) continue;
    if (isStatus(row.status)) totals[row.status] += row.count;
    totals.all += row.count;
  }
  return totals;
}
