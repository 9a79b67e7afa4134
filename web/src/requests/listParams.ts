import { PRIORITIES, type Priority } from '../api/database';

export const PAGE_SIZE = 20;

/** The filters of a request list, kept in the URL so Back and links work. */
export interface ListParams {
  /** A status code of `api.statuses`; an unknown one simply matches nothing. */
  status: string | null;
  category: string | null;
  priority: Priority | null;
  q: string;
  page: number;
}

export const EMPTY_PARAMS: ListParams = {
  status: null,
  category: null,
  priority: null,
  q: '',
  page: 1,
};

function oneOf<T extends string>(values: readonly T[], value: string | null): T | null {
  return values.find((known) => known === value) ?? null;
}

export function parseListParams(search: string): ListParams {
  const params = new URLSearchParams(search);
  const page = Number.parseInt(params.get('page') ?? '1', 10);
  const category = params.get('category')?.trim().toUpperCase() ?? '';
  return {
    status: /^[a-z_]{1,32}$/.test(params.get('status') ?? '') ? params.get('status') : null,
    category: /^[A-Z0-9_]{1,32}$/.test(category) ? category : null,
    priority: oneOf(PRIORITIES, params.get('priority')),
    q: (params.get('q') ?? '').trim().slice(0, 200),
    page: Number.isFinite(page) && page >= 1 ? page : 1,
  };
}

export function formatListParams(params: ListParams): string {
  const out = new URLSearchParams();
  if (params.status) out.set('status', params.status);
  if (params.category) out.set('category', params.category);
  if (params.priority) out.set('priority', params.priority);
  if (params.q) out.set('q', params.q);
  if (params.page > 1) out.set('page', String(params.page));
  const query = out.toString();
  return query ? `?${query}` : '';
}

/** The rows a page asks PostgREST for (`range` is inclusive). */
export function pageRange(page: number, size = PAGE_SIZE): [number, number] {
  const from = (Math.max(1, page) - 1) * size;
  return [from, from + size - 1];
}

export function pageCount(total: number | null, size = PAGE_SIZE): number | null {
  if (total === null) return null;
  return Math.max(1, Math.ceil(total / size));
}
