// A request list's state, kept in the URL query so Back, reload and a shared
// link show the same list: view, status tab, filters, search, sort and page.
import { PRIORITIES, type Priority, type StatusRow } from '../api/database';

export const PAGE_SIZE = 20;

/** The orders `rpc/find_requests` knows (docs/API.md), with the words the sort control shows. */
export const SORTS = {
  urgency: 'Most urgent first',
  priority: 'Priority',
  age: 'Oldest first',
  newest: 'Newest first',
  due: 'Due soonest',
  updated: 'Recently updated',
} as const;
export type Sort = keyof typeof SORTS;

/** An agent's queue views; each is a `scope` of `rpc/find_requests`. */
export const VIEWS = ['all', 'unassigned', 'assigned'] as const;
export type View = (typeof VIEWS)[number];

/**
 * The status tab: `all`, `active` (every status that is not closed: the work
 * still to do) or one status code of `api.statuses`; an unknown code simply
 * matches nothing.
 */
export type StatusTab = string;

/** What a list shows when the URL says nothing (a queue: active work, most urgent first). */
export interface ListDefaults {
  view: View;
  status: StatusTab;
  sort: Sort;
}

/** The list's state; a value equal to the list's default is left out of the URL. */
export interface ListParams {
  view: View;
  status: StatusTab;
  category: string | null;
  priority: Priority | null;
  q: string;
  sort: Sort;
  page: number;
}

export const LIST_DEFAULTS: ListDefaults = { view: 'all', status: 'all', sort: 'updated' };
export const QUEUE_DEFAULTS: ListDefaults = { view: 'all', status: 'active', sort: 'urgency' };

function oneOf<T extends string>(values: readonly T[], value: string | null): T | null {
  return values.find((known) => known === value) ?? null;
}

const SORT_NAMES: readonly string[] = Object.keys(SORTS);

export function isSort(value: string | null): value is Sort {
  return value !== null && SORT_NAMES.includes(value);
}

export function parseListParams(search: string, defaults = LIST_DEFAULTS): ListParams {
  const params = new URLSearchParams(search);
  const page = Number.parseInt(params.get('page') ?? '1', 10);
  const category = params.get('category')?.trim().toUpperCase() ?? '';
  const status = params.get('status') ?? '';
  const sort = params.get('sort');
  return {
    view: oneOf(VIEWS, params.get('view')) ?? defaults.view,
    status: /^[a-z_]{1,32}$/.test(status) ? status : defaults.status,
    category: /^[A-Z0-9_]{1,32}$/.test(category) ? category : null,
    priority: oneOf(PRIORITIES, params.get('priority')),
    q: (params.get('q') ?? '').trim().slice(0, 200),
    sort: isSort(sort) ? sort : defaults.sort,
    page: Number.isFinite(page) && page >= 1 ? page : 1,
  };
}

export function formatListParams(params: ListParams, defaults = LIST_DEFAULTS): string {
  const out = new URLSearchParams();
  if (params.view !== defaults.view) out.set('view', params.view);
  if (params.status !== defaults.status) out.set('status', params.status);
  if (params.category) out.set('category', params.category);
  if (params.priority) out.set('priority', params.priority);
  if (params.q) out.set('q', params.q);
  if (params.sort !== defaults.sort) out.set('sort', params.sort);
  if (params.page > 1) out.set('page', String(params.page));
  const query = out.toString();
  return query ? `?${query}` : '';
}

/** The codes a status tab stands for; `null`: every status (no filter). */
export function statusCodes(tab: StatusTab, statuses: readonly StatusRow[]): string[] | null {
  if (tab === 'all') return null;
  if (tab === 'active') return statuses.filter((status) => !status.is_closed).map((s) => s.code);
  return [tab];
}

/** The `status` argument of `rpc/find_requests` for a tab: one code or several, comma-separated. */
export function statusArgument(tab: StatusTab, statuses: readonly StatusRow[]): string | undefined {
  const codes = statusCodes(tab, statuses);
  return codes === null || codes.length === 0 ? undefined : codes.join(',');
}

/** The `offs` of a page. */
export function pageOffset(page: number, size = PAGE_SIZE): number {
  return (Math.max(1, page) - 1) * size;
}

export function pageCount(total: number | null, size = PAGE_SIZE): number | null {
  if (total === null) return null;
  return Math.max(1, Math.ceil(total / size));
}
