-- Back to counting the rows for every scope; no tallies.

create or replace function api.count_requests(q text default null, scope text default null, category text default null,
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

drop function app.category_tallies(text, text);
drop function app.rebuild_request_tallies();
drop trigger requests_900_tally_insert on app.requests;
drop trigger requests_900_tally_update on app.requests;
drop trigger requests_900_tally_delete on app.requests;
drop function app.tg_requests__tally();
drop table app.request_tallies;
