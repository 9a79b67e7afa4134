-- Assigning requests: Take, Take over and Assign are different acts (ADR 0017).
--
-- * api.take_request: an agent takes an unassigned request. It succeeds only
--   while nobody has it; if someone took it first, 409 names them.
-- * api.take_over_request: the agent takes a request from the person the
--   caller saw holding it (`from_assignee`, which the SPA asks them to
--   confirm). If it has moved on to someone else since, 409 names them.
-- * api.assign_request: assign to anyone (or nobody) at the version the
--   caller saw, like any other edit (1200).
-- Each locks the request's row first, so two agents taking the same request
-- at the same moment are served one after the other: one takes it, the other
-- is told who did.

-- The name of a person on a request the caller can see (its requester or
-- assignee), whom row-level security of app.users (select_on_visible_requests,
-- 0230) shows them anyway. Security definer: evaluating that policy means
-- looking through every person's requests and comments, which made a list of
-- 25 requests read 380 000 buffers at 100 000 requests; a primary-key probe
-- answers the same question. Callers pass only such people.
create function app.display_name_of(person uuid) returns text
    language sql stable security definer
    set search_path = pg_catalog, pg_temp
as $$
    select coalesce((select u.display_name from app.users u where u.id = person), 'someone')
$$;

create function api.take_request(request_id bigint)
    returns setof api.requests
    language plpgsql volatile
    set search_path = pg_catalog, pg_temp
as $$
declare
    target app.requests;
begin
    perform app.require_visible_request(request_id);
    select * into target from app.requests r where r.id = take_request.request_id for update;
    if target.assignee_id is not null and target.assignee_id is distinct from app.current_user_id() then
        raise exception '% already has request %.', app.display_name_of(target.assignee_id), target.key
            using errcode = 'PT409', detail = 'assignee_id',
                  hint = 'Take it over if you mean to work on it instead; they will see it in its history.';
    end if;
    perform app.update_at_version(request_id,
        (select v.version from app.request_versions v where v.request_id = take_request.request_id),
        pg_catalog.jsonb_build_object('assignee_id', app.current_user_id()));
    return query select * from api.requests r where r.id = take_request.request_id;
end
$$;

create function api.take_over_request(request_id bigint, from_assignee uuid default null)
    returns setof api.requests
    language plpgsql volatile
    set search_path = pg_catalog, pg_temp
as $$
declare
    target app.requests;
begin
    perform app.require_visible_request(request_id);
    select * into target from app.requests r where r.id = take_over_request.request_id for update;
    if target.assignee_id is distinct from from_assignee and target.assignee_id is not null
       and target.assignee_id is distinct from app.current_user_id() then
        raise exception 'Request % is now with %, not %.', target.key, app.display_name_of(target.assignee_id),
                case when from_assignee is null then 'nobody' else app.display_name_of(from_assignee) end
            using errcode = 'PT409', detail = 'assignee_id',
                  hint = 'Nothing changed. Confirm again if you still want to take it over.';
    end if;
    perform app.update_at_version(request_id,
        (select v.version from app.request_versions v where v.request_id = take_over_request.request_id),
        pg_catalog.jsonb_build_object('assignee_id', app.current_user_id()));
    return query select * from api.requests r where r.id = take_over_request.request_id;
end
$$;

create function api.assign_request(request_id bigint, expected_version integer, assignee_id uuid default null)
    returns setof api.requests
    language plpgsql volatile
    set search_path = pg_catalog, pg_temp
as $$
begin
    perform app.require_visible_request(request_id);
    perform app.update_at_version(request_id, expected_version,
        pg_catalog.jsonb_build_object('assignee_id', assignee_id));
    return query select * from api.requests r where r.id = assign_request.request_id;
end
$$;

grant execute on function app.display_name_of(uuid) to web_user, reqstly_admin;
grant execute on function api.take_request(bigint) to web_user, reqstly_admin;
grant execute on function api.take_over_request(bigint, uuid) to web_user, reqstly_admin;
grant execute on function api.assign_request(bigint, integer, uuid) to web_user, reqstly_admin;

comment on function api.take_request(bigint) is 'Assigns the request to the caller if nobody has it; 409 naming the assignee otherwise.';
comment on function api.take_over_request(bigint, uuid) is 'Takes the request from from_assignee (whom the caller confirmed); 409 if someone else has it now.';
comment on function api.assign_request(bigint, integer, uuid) is 'Assigns the request to assignee_id (null: nobody) if it is still at expected_version.';
