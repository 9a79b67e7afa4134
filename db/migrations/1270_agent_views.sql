-- Agents' views: their queues, sorts and counts that honour the filters.
--
-- api.request_list is a request as a list shows it: names, version and both
-- SLA clocks. api.find_requests(q, scope, category, status, priority, sort)
-- lists what the caller may see, and api.count_requests takes the same
-- filters (without status) and counts per category and status, so a tab
-- says how many rows it will show. Both build one statement with the
-- caller's values written in (as app.request_counts of 0810 does), so each
-- is planned for the caller and uses its index. The queue's order, urgency,
-- is priority first, then the oldest; within a category and priority due
-- times follow filing times except for paused clocks (ADR 0018).

-- find_requests: a category's queue by urgency (priority, then oldest first).
create index requests_queue_idx on app.requests (category, status, priority_rank desc, created_at);

create view api.request_list with (security_invoker = true) as
    select r.id, r.key, r.title, r.category, r.priority, r.priority_rank, r.status,
           r.requester_id, app.display_name_of(r.requester_id) as requester_name,
           r.assignee_id, case when r.assignee_id is not null then app.display_name_of(r.assignee_id) end as assignee_name,
           r.created_at, r.updated_at, r.resolved_at,
           v.version,
           s.first_response_due_at,
           app.first_response_state(r, s) as first_response_state,
           s.resolution_due_at,
           app.resolution_state(r, s) as resolution_state,
           s.waiting_on_requester_since
      from app.requests r
      left join app.request_versions v on v.request_id = r.id
      left join app.request_sla s on s.request_id = r.id;

-- The WHERE clause both functions use, with the caller's values written in.
create function app.request_filter(q text, scope text, category text, status text, priority text)
    returns text
    language plpgsql stable
    set search_path = pg_catalog, pg_temp
as $$
declare
    me uuid := app.current_user_id();
    mine text[] := app.current_agent_categories();
    conditions text[] := array['true'];
begin
    if scope is not null and scope not in ('all', 'mine', 'assigned_to_me', 'unassigned', 'my_categories') then
        raise exception 'There is no list "%". The lists are all, mine, assigned_to_me, unassigned and my_categories.', scope
            using errcode = '22023', detail = 'scope';
    end if;
    if status is not null and not exists (select 1 from app.statuses st where st.code = request_filter.status) then
        raise exception 'There is no status "%". The statuses are %.', status,
                (select string_agg(st.code, ', ' order by st.position) from app.statuses st)
            using errcode = '22023', detail = 'status';
    end if;
    if priority is not null and priority not in ('low', 'normal', 'high', 'urgent') then
        raise exception 'The priority "%" is not one of low, normal, high, urgent.', priority
            using errcode = '22023', detail = 'priority';
    end if;
    conditions := conditions || case coalesce(scope, 'all')
        when 'mine' then format('l.requester_id = %L', me)
        when 'assigned_to_me' then format('l.assignee_id = %L', me)
        when 'unassigned' then format('l.assignee_id is null and l.category = any (%L::text[])', mine)
        when 'my_categories' then format('l.category = any (%L::text[])', mine)
        else 'true' end;
    if category is not null then
        conditions := conditions || format('l.category = %L', category);
    end if;
    if status is not null then
        conditions := conditions || format('l.status = %L', status);
    end if;
    if priority is not null then
        conditions := conditions || format('l.priority = %L', priority);
    end if;
    q := nullif(app.search_input(q), '');  -- 0980: at most 200 characters, 12 words
    if q is not null then
        conditions := conditions || format('l.id in (select app.search_request_ids(%L))', q);
    end if;
    return array_to_string(conditions, ' and ');
end
$$;

create function api.find_requests(q text default null, scope text default null, category text default null,
                                  status text default null, priority text default null,
                                  sort text default 'urgency', lim integer default 50, offs integer default 0)
    returns setof api.request_list
    language plpgsql stable
    set search_path = pg_catalog, pg_temp
as $$
declare
    order_by text := case coalesce(sort, 'urgency')
        when 'urgency' then 'l.priority_rank desc, l.created_at, l.id'
        when 'priority' then 'l.priority_rank desc, l.updated_at desc, l.id'
        when 'age' then 'l.created_at, l.id'
        when 'newest' then 'l.created_at desc, l.id desc'
        when 'due' then 'l.resolution_due_at nulls last, l.priority_rank desc, l.id'
        when 'updated' then 'l.updated_at desc, l.id desc' end;
begin
    if order_by is null then
        raise exception 'Requests can be sorted by urgency, priority, age, newest, due or updated, not "%".', sort
            using errcode = '22023', detail = 'sort';
    end if;
    if lim is null or lim not between 1 and 200 or offs is null or offs < 0 then
        raise exception 'Ask for 1 to 200 requests at a time, from offset 0 on.'
            using errcode = '22023', detail = 'lim';
    end if;
    return query execute format('select l.* from api.request_list l where %s order by %s limit %s offset %s',
                                app.request_filter(q, scope, category, status, priority), order_by, lim, offs);
end
$$;

create type api.request_tally as (category text, status text, count bigint);

create function api.count_requests(q text default null, scope text default null, category text default null,
                                   priority text default null)
    returns setof api.request_tally
    language plpgsql stable
    set search_path = pg_catalog, pg_temp
as $$
begin
    return query execute format(
        'select l.category, l.status, count(*) from app.requests l where %s group by 1, 2 order by 1, 2',
        app.request_filter(q, scope, category, null, priority));
end
$$;

grant execute on function app.request_filter(text, text, text, text, text) to web_user, reqstly_admin;
grant execute on function api.find_requests(text, text, text, text, text, text, integer, integer) to web_user, reqstly_admin;
grant execute on function api.count_requests(text, text, text, text) to web_user, reqstly_admin;
grant select on api.request_list to web_user, reqstly_admin;

comment on view api.request_list is 'Requests the caller may see as lists show them: names, version, both SLA clocks.';
comment on function api.find_requests(text, text, text, text, text, text, integer, integer) is 'Lists requests: q searches (accents, prefixes, comments, names, keys); scope all | mine | assigned_to_me | unassigned | my_categories; sort urgency | priority | age | newest | due | updated.';
comment on function api.count_requests(text, text, text, text) is 'Counts per category and status of what api.find_requests would list with the same filters.';
