// Tab and category counts from `rpc/count_requests` rows ({category, status,
// count}), which take the same filters as the list: a tab says how many rows
// it will show.
import type { RequestTally } from '../api/database';

/** Requests per status code, and `all`; a status with none is absent. */
export type StatusTotals = Partial<Record<string, number>> & { all: number };

/** Per status (and in all), within one category when one is chosen. */
export function totalsByStatus(
  rows: readonly RequestTally[],
  category: string | null = null,
): StatusTotals {
  const totals: StatusTotals = { all: 0 };
  for (const row of rows) {
    if (category !== null && row.category !== category) continue;
    totals[row.status] = (totals[row.status] ?? 0) + row.count;
    totals.all += row.count;
  }
  return totals;
}

/** The requests of some statuses (`null`: every status) in a set of totals. */
export function totalOf(totals: StatusTotals, codes: readonly string[] | null): number {
  if (codes === null) return totals.all;
  return codes.reduce((sum, code) => sum + (totals[code] ?? 0), 0);
}

/** Per category, among the given statuses (`null`: every status). */
export function totalsByCategory(
  rows: readonly RequestTally[],
  codes: readonly string[] | null,
): Map<string, number> {
  const totals = new Map<string, number>();
  for (const row of rows) {
    if (codes !== null && !codes.includes(row.status)) continue;
    totals.set(row.category, (totals.get(row.category) ?? 0) + row.count);
  }
  return totals;
}
