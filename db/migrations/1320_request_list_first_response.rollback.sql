-- Back to 1270's api.request_list (a view cannot drop a column in place).
-- api.find_requests returns its rows, so it goes and comes back with it.

drop function api.find_requests(text, text, text, text, text, text, integer, integer);
drop view api.request_list;

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

grant execute on function api.find_requests(text, text, text, text, text, text, integer, integer) to web_user, reqstly_admin;
grant select on api.request_list to web_user, reqstly_admin;
comment on view api.request_list is 'Requests the caller may see as lists show them: names, version, both SLA clocks.';
comment on function api.find_requests(text, text, text, text, text, text, integer, integer) is 'Lists requests: q searches (accents, prefixes, comments, names, keys); scope all | mine | assigned_to_me | unassigned | my_categories; status one code or several, comma-separated; sort urgency | priority | age | newest | due | updated.';
