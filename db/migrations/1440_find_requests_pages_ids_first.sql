-- A list page finds its ids first, then reads the view for them (#16, docs/perf/fixes.md §19).
--
-- api.find_requests (1270) selected from api.request_list, which joins every
-- request with its version and SLA clocks; PostgreSQL joined every request
-- that matched the filter before it sorted and kept one page. An agent's
-- queue (the Active tab: open and in progress) in a category with 220 000
-- active requests took 0.96 s, and the SPA opens it on every visit. Now:
-- * the page's ids come from app.requests alone (the SLA clock is joined
--   only to sort by due time), under the same row-level security;
-- * a list of several statuses, or an agent's several categories, is one
--   branch per category and status, each ordered and cut at offs + lim rows,
--   so the queue index (category, status, priority_rank, created_at) serves
--   the urgency order (and category_status_idx the newest change first)
--   without sorting the whole queue; a search keeps one branch, since it
--   narrows the rows itself;
-- * the view is then read for those ids only, in the page's order.
-- Which rows, in which order, is unchanged (tests/db/test_agent_views.py).

create or replace function api.find_requests(q text default null, scope text default null, category text default null,
                                             status text default null, priority text default null,
                                             sort text default 'urgency', lim integer default 50, offs integer default 0)
    returns setof api.request_list
    language plpgsql stable
    set search_path = pg_catalog, pg_temp
as $$
declare
    -- Unqualified: the same words order a branch (app.requests, maybe its
    -- clock) and the branches together (their columns).
    order_by text := case coalesce(sort, 'urgency')
        when 'urgency' then 'priority_rank desc, created_at, id'
        when 'priority' then 'priority_rank desc, updated_at desc, id'
        when 'age' then 'created_at, id'
        when 'newest' then 'created_at desc, id desc'
        when 'due' then 'resolution_due_at nulls last, priority_rank desc, id'
        when 'updated' then 'updated_at desc, id desc' end;
    by_due boolean := sort = 'due';
    categories text[];
    statuses text[];
    branches text[];
    page bigint[];
begin
    if order_by is null then
        raise exception 'Requests can be sorted by urgency, priority, age, newest, due or updated, not "%".', sort
            using errcode = '22023', detail = 'sort';
    end if;
    if lim is null or lim not between 1 and 200 or offs is null or offs < 0 then
        raise exception 'Ask for 1 to 200 requests at a time, from offset 0 on.'
            using errcode = '22023', detail = 'lim';
    end if;
    -- Every argument checked once, with the words app.request_filter has for them.
    perform app.request_filter(q, scope, category, status, priority);

    if nullif(btrim(q), '') is not null then
        categories := array[category];
        statuses := array[status];
    else
        categories := case when category is null and scope in ('my_categories', 'unassigned')
                           then coalesce(nullif(app.current_agent_categories(), '{}'), array[null])
                           else array[category] end;
        statuses := case when status is null then array[status]
                         else (select pg_catalog.array_agg(distinct s)
                                 from pg_catalog.unnest(pg_catalog.string_to_array(pg_catalog.replace(status, ' ', ''), ',')) s)
                    end;
    end if;
    select pg_catalog.array_agg(pg_catalog.format(
               '(select l.id, l.priority_rank, l.created_at, l.updated_at, %s as resolution_due_at
                   from app.requests l %s
                  where %s order by %s limit %s)',
               case when by_due then 's.resolution_due_at' else 'null::timestamptz' end,
               case when by_due then 'left join app.request_sla s on s.request_id = l.id' else '' end,
               app.request_filter(q, scope, one_category, one_status, priority), order_by, offs + lim))
      into branches
      from pg_catalog.unnest(categories) one_category, pg_catalog.unnest(statuses) one_status;

    execute pg_catalog.format('select array(select p.id from (%s) p order by %s limit %s offset %s)',
                              pg_catalog.array_to_string(branches, ' union all '), order_by, lim, offs)
       into page;

    return query
        select l.*
          from pg_catalog.unnest(page) with ordinality as p (id, position)
          join api.request_list l on l.id = p.id
         order by p.position;
end
$$;
