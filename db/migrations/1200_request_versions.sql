-- Versions of requests, so that no edit silently replaces another (ADR 0017).
--
-- Every change of a request's fields or status makes a new version. An API
-- caller's edit names the version it saw (api.edit_request, api.assign_request,
-- api.take_request, api.take_over_request set `reqstly.expected_version`), and
-- the requests_150_check_version trigger refuses it with 409, saying who
-- changed what, when another change came first. A plain PATCH from the API
-- names no version and is refused with 428. The versions live beside the
-- request, not in it: the audit trail (0300) records every column of
-- app.requests, and a counter is not something people need in their history.
create table app.request_versions (
    request_id bigint primary key references app.requests (id),
    version integer not null default 1
        constraint request_versions_version_positive check (version >= 1),
    changed_at timestamptz not null default now(),
    changed_by uuid references app.users (id),
    changed_by_name text not null,
    changed_fields text[] not null default '{}'
);

alter table app.request_versions enable row level security;

-- Names a list for people: 'a', 'a and b', 'a, b and c'.
create function app.words_list(words text[]) returns text
    language sql immutable
    set search_path = pg_catalog, pg_temp
as $$
    select case pg_catalog.cardinality(words)
        when 0 then ''
        when 1 then words[1]
        else pg_catalog.array_to_string(words[1:pg_catalog.cardinality(words) - 1], ', ')
             || ' and ' || words[pg_catalog.cardinality(words)] end
$$;

-- The fields a change touched, in the words the SPA uses.
create function app.request_changed_fields(old_row app.requests, new_row app.requests) returns text[]
    language sql immutable
    set search_path = pg_catalog, pg_temp
as $$
    select pg_catalog.array_remove(array[
        case when new_row.title is distinct from old_row.title then 'title' end,
        case when new_row.description is distinct from old_row.description then 'description' end,
        case when new_row.priority is distinct from old_row.priority then 'priority' end,
        case when new_row.category is distinct from old_row.category then 'category' end,
        case when new_row.assignee_id is distinct from old_row.assignee_id then 'assignee' end,
        case when new_row.status is distinct from old_row.status then 'status' end], null)
$$;

-- An edit from the API must name the version it saw, and that version must
-- still be the current one. Status moves are exempt (the status machine
-- refuses a stale move by itself: "already in progress"), and so are the
-- fields a move or a category change sets as a consequence.
create function app.tg_requests__check_version() returns trigger
    language plpgsql volatile security definer
    set search_path = pg_catalog, pg_temp
as $$
declare
    expected text := nullif(pg_catalog.current_setting('reqstly.expected_version', true), '');
    seen integer;
    current app.request_versions;
    since text;
begin
    if new.status <> old.status or new.category <> old.category
       or (new.title, new.description, new.priority, new.assignee_id)
          is not distinct from (old.title, old.description, old.priority, old.assignee_id) then
        return new;
    end if;
    if expected is null or pg_catalog.split_part(expected, ':', 1) <> old.id::text then
        if app.acting_role() in ('web_user', 'web_anon') then
            raise exception 'Say which version of request % you are changing.', old.key
                using errcode = 'PT428', detail = 'version',
                      hint = 'Use /rpc/edit_request or /rpc/assign_request with the version you saw.';
        end if;
        return new;  -- psql: an admin's plain UPDATE is theirs to make
    end if;
    seen := pg_catalog.split_part(expected, ':', 2)::integer;
    select * into current from app.request_versions v where v.request_id = old.id;
    if current.version is distinct from seen then
        since := case when current.version - seen > 1
                      then format(' (it changed %s times since you opened it)', current.version - seen)
                      else '' end;
        raise exception '% changed the % of request % at % UTC, after you opened it%.',
                case when current.changed_by = app.current_user_id() then 'You (in another window)'
                     else current.changed_by_name end,
                app.words_list(current.changed_fields),
                old.key,
                pg_catalog.to_char(current.changed_at at time zone 'UTC', 'YYYY-MM-DD HH24:MI'),
                since
            using errcode = 'PT409', detail = 'version',
                  hint = format('Your change was not saved. The request is now at version %s: '
                                'look at it, then make your change again.', current.version);
    end if;
    return new;
end
$$;

-- Count the change: one new version per statement that changed something.
create function app.tg_requests__bump_version() returns trigger
    language plpgsql volatile security definer
    set search_path = pg_catalog, pg_temp
as $$
declare
    fields text[];
begin
    if tg_op = 'INSERT' then
        insert into app.request_versions (request_id, version, changed_at, changed_by, changed_by_name, changed_fields)
        values (new.id, 1, now(), app.current_user_id(),
                coalesce((select u.display_name from app.users u where u.id = app.current_user_id()), app.acting_role()),
                '{}');
        return null;
    end if;
    fields := app.request_changed_fields(old, new);
    if pg_catalog.cardinality(fields) = 0 then
        return null;  -- only updated_at moved (a comment touched the request)
    end if;
    update app.request_versions v
       set version = v.version + 1,
           changed_at = now(),
           changed_by = app.current_user_id(),
           changed_by_name = coalesce((select u.display_name from app.users u where u.id = app.current_user_id()),
                                      app.acting_role()),
           changed_fields = fields
     where v.request_id = new.id;
    return null;
end
$$;

create trigger requests_150_check_version before update on app.requests
    for each row execute function app.tg_requests__check_version();
create trigger requests_400_version after insert or update on app.requests
    for each row execute function app.tg_requests__bump_version();

-- Requests filed before versions existed start at version 1.
insert into app.request_versions (request_id, version, changed_at, changed_by_name)
select r.id, 1, r.updated_at, 'Reqstly' from app.requests r;

-- Whoever sees the request sees its version. Every way to it from the API
-- (api.version, api.request_list, api.request_changes) joins app.requests,
-- whose policies decide; a policy here that asked app.requests again was
-- planned as a hashed subplan reading every visible request (a sequential
-- scan at 100 000 requests) for a list of 25.
create policy select_through_requests on app.request_versions for select using (true);

grant select on app.request_versions to web_user, reqstly_admin;

-- A computed field: GET /rest/requests?select=*,version.
create function api.version(request api.requests) returns integer
    language sql stable
    set search_path = pg_catalog, pg_temp
as $$
    select v.version from app.request_versions v join app.requests r on r.id = v.request_id
     where v.request_id = (version.request).id
$$;

-- Runs an update as the caller with the version they saw, for the check above.
create function app.update_at_version(request_id bigint, expected_version integer, changes jsonb)
    returns void
    language plpgsql volatile
    set search_path = pg_catalog, pg_temp
as $$
begin
    if expected_version is null then
        raise exception 'Say which version of the request you are changing.'
            using errcode = '22023', detail = 'expected_version';
    end if;
    perform pg_catalog.set_config('reqstly.expected_version', request_id || ':' || expected_version, true);
    update app.requests r
       set title = case when changes ? 'title' then changes ->> 'title' else r.title end,
           description = case when changes ? 'description' then changes ->> 'description' else r.description end,
           priority = case when changes ? 'priority' then changes ->> 'priority' else r.priority end,
           assignee_id = case when changes ? 'assignee_id' then (changes ->> 'assignee_id')::uuid else r.assignee_id end
     where r.id = update_at_version.request_id;
    perform pg_catalog.set_config('reqstly.expected_version', '', true);
end
$$;

create function api.edit_request(request_id bigint, expected_version integer, title text default null,
                                 description text default null, priority text default null)
    returns setof api.requests
    language plpgsql volatile
    set search_path = pg_catalog, pg_temp
as $$
begin
    perform app.require_visible_request(request_id);  -- 0950: the one "no request you can see"
    perform app.update_at_version(request_id, expected_version,
        pg_catalog.jsonb_strip_nulls(pg_catalog.jsonb_build_object(
            'title', title, 'description', description, 'priority', priority)));
    return query select * from api.requests r where r.id = edit_request.request_id;
end
$$;

-- app.words_list and app.request_changed_fields run inside the triggers only.
grant execute on function app.update_at_version(bigint, integer, jsonb) to web_user, reqstly_admin;
grant execute on function api.version(api.requests) to web_user, reqstly_admin;
grant execute on function api.edit_request(bigint, integer, text, text, text) to web_user, reqstly_admin;

comment on table app.request_versions is 'The current version of each request and its last change (who, when, which fields). Edits from the API must name the version they saw (ADR 0017).';
comment on function api.version(api.requests) is 'The request''s version: send it back with an edit (select=*,version).';
comment on function api.edit_request(bigint, integer, text, text, text) is 'Changes title, description and/or priority (null: unchanged) if the request is still at expected_version; otherwise 409 saying who changed what.';
