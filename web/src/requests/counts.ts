import type { RequestCount } from '../api/database';

export type CountScope = 'mine' | 'assigned' | 'all';

/** Requests per status code, and `all`; a status with none is absent. */
export type StatusTotals = Partial<Record<string, number>> & { all: number };

/**
 * Tab counts from `GET /rest/request_counts` rows: the rows the scope selects,
 * restricted to a category when one is chosen, summed per status.
 */
export function sumCounts(
  rows: readonly RequestCount[],
  options: { scope: CountScope; category?: string | null },
): StatusTotals {
  const totals: StatusTotals = { all: 0 };
  for (const row of rows) {
    if (options.scope === 'mine' && !row.mine) continue;
    if (options.scope === 'assigned' && !row.assigned_to_me) continue;
    if (options.category && row.category !== options.category) continue;
    totals[row.status] = (totals[row.status] ?? 0) + row.count;
    totals.all += row.count;
  }
  return totals;
}
