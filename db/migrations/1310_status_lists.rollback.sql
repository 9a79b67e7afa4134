-- Back to one status at a time (1270_agent_views).

create or replace function app.request_filter(q text, scope text, category text, status text, priority text)
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

comment on function api.find_requests(text, text, text, text, text, text, integer, integer) is 'Lists requests: q searches (accents, prefixes, comments, names, keys); scope all | mine | assigned_to_me | unassigned | my_categories; sort urgency | priority | age | newest | due | updated.';
