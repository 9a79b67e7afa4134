-- Back to 1270's api.find_requests: the view, filtered, sorted and cut in one statement.

create or replace function api.find_requests(q text default null, scope text default null, category text default null,
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
