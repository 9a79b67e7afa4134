-- A cheap change marker for live updates (ADR 0017).
--
-- The SPA polls api.request_changes(since) every few seconds with the marker
-- of its last answer and gets back the requests it may see whose updated_at
-- moved since then (a field, a status, a comment, a rating), with their
-- version; it refetches only those it shows. updated_at is the start time of
-- the writing transaction, so a writer that started before a poll and commits
-- after it carries an older stamp: the marker handed back is therefore the
-- start of the oldest transaction still running (at most one minute back),
-- and a change may be reported twice but never missed. One range scan of
-- requests_updated_at_idx per poll; the figures at 100 people are in the ADR.

create function app.change_marker() returns timestamptz
    language sql stable security definer
    set search_path = pg_catalog, pg_temp
as $$
    select greatest(
        least(pg_catalog.now(),
                         (select pg_catalog.min(a.xact_start) from pg_catalog.pg_stat_activity a
                           where a.backend_type = 'client backend' and a.pid <> pg_catalog.pg_backend_pid()
                             and a.xact_start is not null)),
        pg_catalog.now() - interval '1 minute')
$$;

create function api.request_changes(since timestamptz default null) returns json
    language sql stable
    set search_path = pg_catalog, pg_temp
as $$
    select pg_catalog.json_build_object(
        'marker', app.change_marker(),
        'changes', coalesce((
            select pg_catalog.json_agg(pg_catalog.json_build_object(
                       'id', r.id, 'key', r.key, 'version', v.version, 'status', r.status,
                       'updated_at', r.updated_at) order by r.updated_at)
              from app.requests r
              join app.request_versions v on v.request_id = r.id
             where since is not null and r.updated_at >= since), '[]'::json))
$$;

grant execute on function app.change_marker() to web_user, reqstly_admin;
grant execute on function api.request_changes(timestamptz) to web_user, reqstly_admin;

comment on function api.request_changes(timestamptz) is 'Requests the caller may see changed since the marker of the last call: {marker, changes: [{id, key, version, status, updated_at}]}. Call with no marker to get one.';
