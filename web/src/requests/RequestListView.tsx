import { useQueries, useQuery } from '@tanstack/react-query';
import type { ReactNode, SubmitEvent } from 'react';
import { PRIORITIES } from '../api/database';
import { categoryName, statusesQuery, useCategories } from '../api/reference';
import { navigate, usePlace } from '../router/history';
import { Link } from '../router/Link';
import { PRIORITY_LABELS } from '../ui/format';
import { EmptyState, Loaded } from '../ui/States';
import { countRequestsQuery, findRequestsQuery, type ListFilters, type ListScope } from './api';
import { totalOf, totalsByCategory, totalsByStatus } from './counts';
import {
  PAGE_SIZE,
  SORTS,
  formatListParams,
  isSort,
  pageCount,
  parseListParams,
  statusArgument,
  statusCodes,
  type ListDefaults,
  type ListParams,
  type View,
} from './listParams';
import { RequestList } from './RequestList';
import { useTakeActions } from './TakeActions';

export interface ListView {
  view: View;
  label: string;
  scope: ListScope;
}

/** What differs between My requests, an agent's queue and every request. */
export interface ListKind {
  basePath: string;
  defaults: ListDefaults;
  /** The views offered as tabs (one: no tabs). */
  views: readonly [ListView, ...ListView[]];
  showRequester: boolean;
  /** Offer Take / Take over on requests of the caller's categories. */
  take: boolean;
  /** The categories the filter offers (default: every category). */
  categoryCodes?: readonly string[];
  /** What an empty list without filters says. */
  empty: ReactNode;
}

/**
 * A list over `rpc/find_requests` with counts from `rpc/count_requests` (the
 * same filters, so a tab says how many rows it shows): views, status tabs,
 * category, priority, sort, search and pages, all kept in the URL.
 */
export function RequestListView({ kind }: { kind: ListKind }) {
  const place = usePlace();
  const params = parseListParams(place.search, kind.defaults);
  const categories = useCategories();
  const statusRows = useQuery(statusesQuery);
  const statuses = statusRows.data ?? [];
  const closed = new Set(statuses.filter((s) => s.is_closed).map((s) => s.code));
  const take = useTakeActions(closed);
  const view = kind.views.find((v) => v.view === params.view) ?? kind.views[0];
  const filtersOf = (scope: ListScope): ListFilters => ({
    scope,
    q: params.q,
    category: null, // counted per category: the category filter is applied to the counts here
    priority: params.priority,
  });
  // One count per view, across categories: the view tabs, status tabs and
  // category options all come from these rows.
  const counts = useQueries({
    queries: kind.views.map((v) => countRequestsQuery(filtersOf(v.scope))),
  });
  const viewIndex = kind.views.indexOf(view);
  // "Active" is a set of statuses the database lists: count nothing before they are known.
  const statusesKnown = statusRows.isSuccess;
  const tally = statusesKnown ? counts[viewIndex]?.data : undefined;
  const codes = statusCodes(params.status, statuses);
  const list = useQuery({
    ...findRequestsQuery(
      { ...filtersOf(view.scope), category: params.category },
      { status: statusArgument(params.status, statuses), sort: params.sort, page: params.page },
    ),
    enabled: params.status === 'all' || statusesKnown,
  });
  const totals = tally ? totalsByStatus(tally, params.category) : null;
  const total = totals ? totalOf(totals, codes) : null;
  const perCategory = tally ? totalsByCategory(tally, codes) : null;

  const hrefWith = (changes: Partial<ListParams>) =>
    kind.basePath + formatListParams({ ...params, page: 1, ...changes }, kind.defaults);
  const filtered = params.category !== null || params.priority !== null || params.q !== '';
  const offered = kind.categoryCodes ?? categories.map((c) => c.code);
  const categoryOptions =
    params.category && !offered.includes(params.category) ? [...offered, params.category] : offered;

  const onSearch = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const q = new FormData(event.currentTarget).get('q');
    navigate(hrefWith({ q: typeof q === 'string' ? q.trim() : '' }));
  };

  const tabs: { status: string; label: string; count: number | null }[] = [
    {
      status: 'active',
      label: 'Active',
      count: totals ? totalOf(totals, statusCodes('active', statuses)) : null,
    },
    { status: 'all', label: 'All', count: totals?.all ?? null },
    ...statuses.map((status) => ({
      status: status.code,
      label: status.label,
      count: totals ? (totals[status.code] ?? 0) : null,
    })),
  ];

  return (
    <>
      {kind.views.length > 1 && (
        <nav aria-label="Views" className="tabs tabs-views">
          <ul>
            {kind.views.map((v, index) => {
              const rows = statusesKnown ? counts[index]?.data : undefined;
              const count = rows ? totalOf(totalsByStatus(rows, params.category), codes) : null;
              return (
                <li key={v.view}>
                  <Link
                    href={hrefWith({ view: v.view })}
                    aria-current={v === view ? 'page' : undefined}
                  >
                    {v.label}
                    {count !== null && <span className="tab-count">{count}</span>}
                  </Link>
                </li>
              );
            })}
          </ul>
        </nav>
      )}
      <nav aria-label="Status" className="tabs">
        <ul>
          {tabs.map((tab) => (
            <li key={tab.status}>
              <Link
                href={hrefWith({ status: tab.status })}
                aria-current={params.status === tab.status ? 'page' : undefined}
              >
                {tab.label}
                {tab.count !== null && <span className="tab-count">{tab.count}</span>}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <form role="search" className="filters" onSubmit={onSearch} aria-label="Filter requests">
        <div className="field field-inline">
          <label htmlFor="filter-category">Category</label>
          <select
            id="filter-category"
            value={params.category ?? ''}
            onChange={(event) => {
              navigate(hrefWith({ category: event.target.value || null }));
            }}
          >
            <option value="">
              All categories
              {perCategory && ` (${[...perCategory.values()].reduce((a, b) => a + b, 0)})`}
            </option>
            {categoryOptions.map((code) => (
              <option key={code} value={code}>
                {categoryName(categories, code)}
                {perCategory && ` (${perCategory.get(code) ?? 0})`}
              </option>
            ))}
          </select>
        </div>
        <div className="field field-inline">
          <label htmlFor="filter-priority">Priority</label>
          <select
            id="filter-priority"
            value={params.priority ?? ''}
            onChange={(event) => {
              const value = event.target.value;
              navigate(
                hrefWith({ priority: PRIORITIES.find((priority) => priority === value) ?? null }),
              );
            }}
          >
            <option value="">Any priority</option>
            {PRIORITIES.map((priority) => (
              <option key={priority} value={priority}>
                {PRIORITY_LABELS[priority]}
              </option>
            ))}
          </select>
        </div>
        <div className="field field-inline">
          <label htmlFor="filter-sort">Sort</label>
          <select
            id="filter-sort"
            value={params.sort}
            onChange={(event) => {
              const sort = event.target.value;
              if (isSort(sort)) navigate(hrefWith({ sort }));
            }}
          >
            {Object.entries(SORTS).map(([sort, label]) => (
              <option key={sort} value={sort}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div className="field field-inline field-grow">
          <label htmlFor="filter-q">Search</label>
          <div className="input-with-button">
            <input
              id="filter-q"
              key={params.q}
              name="q"
              type="search"
              defaultValue={params.q}
              placeholder="Words, names or a key like IT-12"
            />
            <button type="submit" className="button">
              Search
            </button>
          </div>
        </div>
      </form>
      {kind.take && take.outcome}
      <Loaded query={list} loadingLabel="Loading requests…">
        {(rows, reloading) => {
          if (rows.length === 0) {
            return params.page > 1 ? (
              <EmptyState title="There is nothing on this page.">
                <Link href={hrefWith({})}>Go to the first page</Link>
              </EmptyState>
            ) : filtered || params.status !== kind.defaults.status ? (
              <EmptyState title="No requests match these filters.">
                <Link
                  href={
                    kind.basePath +
                    formatListParams(
                      { ...parseListParams('', kind.defaults), view: params.view },
                      kind.defaults,
                    )
                  }
                >
                  Clear the filters
                </Link>
              </EmptyState>
            ) : (
              kind.empty
            );
          }
          return (
            <div aria-busy={reloading}>
              <RequestList
                rows={rows}
                categories={categories}
                showRequester={kind.showRequester}
                label={kind.views.length > 1 ? view.label : 'Requests'}
                actions={kind.take ? take.actions : undefined}
              />
              <Pager page={params.page} total={total} hrefWith={hrefWith} />
            </div>
          );
        }}
      </Loaded>
    </>
  );
}

function Pager({
  page,
  total,
  hrefWith,
}: {
  page: number;
  total: number | null;
  hrefWith: (changes: Partial<ListParams>) => string;
}) {
  const pages = pageCount(total);
  const first = (page - 1) * PAGE_SIZE + 1;
  return (
    <nav aria-label="Pages" className="pager">
      {page > 1 ? (
        <Link href={hrefWith({ page: page - 1 })} rel="prev">
          Previous page
        </Link>
      ) : (
        <span aria-hidden="true" />
      )}
      <p className="pager-status">
        {total === null
          ? `Page ${page}`
          : `${Math.min(first, total)}–${Math.min(total, page * PAGE_SIZE)} of ${total} · page ${page} of ${pages ?? 1}`}
      </p>
      {pages !== null && page < pages ? (
        <Link href={hrefWith({ page: page + 1 })} rel="next">
          Next page
        </Link>
      ) : (
        <span aria-hidden="true" />
      )}
    </nav>
  );
}
