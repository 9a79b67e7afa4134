-- A list's status filter may name several statuses: `status=open,in_progress`.
--
-- An agent's working queue is every request not yet closed (statuses with
-- is_closed = false, 0910), whatever the organisation calls those statuses;
-- one status at a time cannot say that. app.request_filter (1270) now takes
-- one status code or several separated by commas, each checked against
-- app.statuses; api.find_requests passes its `status` through unchanged, so
-- its signature and PostgREST's description stay as they were.

create or replace function app.request_filter(q text, scope text, category text, status text, priority text)
    returns text
    language plpgsql stable
    set search_path = pg_catalog, pg_temp
as $$
declare
    me uuid := app.current_user_id();
    mine text[] := app.current_agent_categories();
    conditions text[] := array['true'];
    statuses text[] := pg_catalog.string_to_array(pg_catalog.replace(status, ' ', ''), ',');
    unknown text;
begin
    if scope is not null and scope not in ('all', 'mine', 'assigned_to_me', 'unassigned', 'my_categories') then
        raise exception 'There is no list "%". The lists are all, mine, assigned_to_me, unassigned and my_categories.', scope
            using errcode = '22023', detail = 'scope';
    end if;
    select s.code into unknown
      from pg_catalog.unnest(statuses) as s(code)
     where not exists (select 1 from app.statuses st where st.code = s.code)
     limit 1;
    if status is not null and (unknown is not null or pg_catalog.cardinality(statuses) = 0) then
        raise exception 'There is no status "%". The statuses are %.', coalesce(unknown, status),
                (select pg_catalog.string_agg(st.code, ', ' order by st.position) from app.statuses st)
            using errcode = '22023', detail = 'status';
    end if;
    if priority is not null and priority not in ('low', 'normal', 'high', 'urgent') then
        raise exception 'The priority "%" is not one of low, normal, high, urgent.', priority
            using errcode = '22023', detail = 'priority';
    end if;
    conditions := conditions || case coalesce(scope, 'all')
        when 'mine' then pg_catalog.format('l.requester_id = %L', me)
        when 'assigned_to_me' then pg_catalog.format('l.assignee_id = %L', me)
        when 'unassigned' then pg_catalog.format('l.assignee_id is null and l.category = any (%L::text[])', mine)
        when 'my_categories' then pg_catalog.format('l.category = any (%L::text[])', mine)
        else 'true' end;
    if category is not null then
        conditions := conditions || pg_catalog.format('l.category = %L', category);
    end if;
    if status is not null then
        conditions := conditions || case pg_catalog.cardinality(statuses)
            when 1 then pg_catalog.format('l.status = %L', statuses[1])
            else pg_catalog.format('l.status = any (%L::text[])', statuses) end;
    end if;
    if priority is not null then
        conditions := conditions || pg_catalog.format('l.priority = %L', priority);
    end if;
    q := nullif(app.search_input(q), '');  -- 0980: at most 200 characters, 12 words
    if q is not null then
        conditions := conditions || pg_catalog.format('l.id in (select app.search_request_ids(%L))', q);
    end if;
    return pg_catalog.array_to_string(conditions, ' and ');
end
$$;

comment on function api.find_requests(text, text, text, text, text, text, integer, integer) is 'Lists requests: q searches (accents, prefixes, comments, names, keys); scope all | mine | assigned_to_me | unassigned | my_categories; status one code or several, comma-separated; sort urgency | priority | age | newest | due | updated.';
