import { useQuery } from '@tanstack/react-query';
import type { SubmitEvent } from 'react';
import { PRIORITIES } from '../api/database';
import { useMe } from '../api/me';
import { useCategories, usePeople, useStatuses } from '../api/reference';
import { navigate, usePlace } from '../router/history';
import { Link } from '../router/Link';
import { PRIORITY_LABELS } from '../ui/format';
import { EmptyState, Loaded } from '../ui/States';
import { countsQuery, requestPageQuery } from './api';
import { sumCounts, type StatusTotals } from './counts';
import {
  EMPTY_PARAMS,
  PAGE_SIZE,
  formatListParams,
  pageCount,
  parseListParams,
  type ListParams,
} from './listParams';
import { RequestList } from './RequestList';

/** Status tabs with counts, filters, search and paging over /rest/requests. */
export function RequestListView({ scope, basePath }: { scope: 'mine' | 'all'; basePath: string }) {
  const me = useMe();
  const place = usePlace();
  const params = parseListParams(place.search);
  const categories = useCategories();
  const people = usePeople();
  const counts = useQuery(countsQuery);
  const list = useQuery(
    requestPageQuery(
      params,
      scope === 'mine' ? { name: scope, requesterId: me.id } : { name: scope },
    ),
  );
  const totals = counts.data ? sumCounts(counts.data, { scope, category: params.category }) : null;
  const hrefWith = (changes: Partial<ListParams>) =>
    basePath + formatListParams({ ...params, page: 1, ...changes });
  const filtered = params.category !== null || params.priority !== null || params.q !== '';

  const onSearch = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const q = new FormData(event.currentTarget).get('q');
    navigate(hrefWith({ q: typeof q === 'string' ? q.trim() : '' }));
  };

  return (
    <>
      <StatusTabs params={params} totals={totals} hrefWith={hrefWith} />
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
            <option value="">All categories</option>
            {categories.map((category) => (
              <option key={category.code} value={category.code}>
                {category.name}
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
        <div className="field field-inline field-grow">
          <label htmlFor="filter-q">Search</label>
          <div className="input-with-button">
            <input
              id="filter-q"
              key={params.q}
              name="q"
              type="search"
              defaultValue={params.q}
              placeholder="Words in the title or description"
            />
            <button type="submit" className="button">
              Search
            </button>
          </div>
        </div>
      </form>
      <Loaded query={list} loadingLabel="Loading requests…">
        {(page, reloading) => {
          if (page.rows.length === 0) {
            return params.page > 1 ? (
              <EmptyState title="There is nothing on this page.">
                <Link href={hrefWith({})}>Go to the first page</Link>
              </EmptyState>
            ) : filtered || params.status ? (
              <EmptyState title="No requests match these filters.">
                <Link href={basePath + formatListParams(EMPTY_PARAMS)}>Clear the filters</Link>
              </EmptyState>
            ) : scope === 'mine' ? (
              <EmptyState title="You have not filed any requests yet.">
                <p>
                  Need something from IT, Ops, Admin or HR?{' '}
                  <Link href="/requests/new">File a new request</Link>.
                </p>
              </EmptyState>
            ) : (
              <EmptyState title="There are no requests yet." />
            );
          }
          return (
            <div aria-busy={reloading}>
              <RequestList
                rows={page.rows}
                categories={categories}
                people={people.index}
                showRequester={scope === 'all'}
                label="Requests"
              />
              <Pager params={params} total={page.total} hrefWith={hrefWith} />
            </div>
          );
        }}
      </Loaded>
    </>
  );
}

function StatusTabs({
  params,
  totals,
  hrefWith,
}: {
  params: ListParams;
  totals: StatusTotals | null;
  hrefWith: (changes: Partial<ListParams>) => string;
}) {
  const statuses = useStatuses();
  const tabs: { status: string | null; label: string; count: number | null }[] = [
    { status: null, label: 'All', count: totals?.all ?? null },
    ...statuses.map((status) => ({
      status: status.code,
      label: status.label,
      count: totals ? (totals[status.code] ?? 0) : null,
    })),
  ];
  return (
    <nav aria-label="Status" className="tabs">
      <ul>
        {tabs.map((tab) => (
          <li key={tab.label}>
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
  );
}

function Pager({
  params,
  total,
  hrefWith,
}: {
  params: ListParams;
  total: number | null;
  hrefWith: (changes: Partial<ListParams>) => string;
}) {
  const pages = pageCount(total);
  const first = (params.page - 1) * PAGE_SIZE + 1;
  const hasNext = pages === null || params.page < pages;
  return (
    <nav aria-label="Pages" className="pager">
      {params.page > 1 ? (
        <Link href={hrefWith({ page: params.page - 1 })} rel="prev">
          Previous page
        </Link>
      ) : (
        <span aria-hidden="true" />
      )}
      <p className="pager-status">
        {total === null
          ? `Page ${params.page}`
          : `${first}–${Math.min(total, params.page * PAGE_SIZE)} of ${total} · page ${params.page} of ${pages ?? 1}`}
      </p>
      {hasNext && total !== null ? (
        <Link href={hrefWith({ page: params.page + 1 })} rel="next">
          Next page
        </Link>
      ) : (
        <span aria-hidden="true" />
      )}
    </nav>
  );
}
