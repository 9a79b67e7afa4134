-- The API contract: what PostgREST serves at /rest. Views are security_invoker
-- so row-level security of the app tables decides which rows each caller gets.

create view api.categories with (security_invoker = true) as
    select c.code, c.name, c.key_prefix
      from app.categories c;

create view api.me with (security_invoker = true) as
    select u.id, u.display_name, u.email, u.is_admin,
           app.current_agent_categories() as agent_categories
      from app.users u
     where u.id = app.current_user_id();

-- Emails go to the person themself, to agents and to admins; the admin
-- columns to admins only. Row-level security decides who is listed.
create view api.people with (security_invoker = true) as
    select u.id, u.display_name,
           case when u.id = app.current_user_id()
                     or app.current_user_is_admin()
                     or cardinality(app.current_agent_categories()) > 0
                then u.email end as email,
           array(select tm.category from app.team_members tm
                  where tm.user_id = u.id order by tm.category) as agent_categories,
           case when app.current_user_is_admin() then u.is_admin end as is_admin,
           case when app.current_user_is_admin() then u.disabled_at end as disabled_at
      from app.users u;

create view api.requests with (security_invoker = true) as
    select r.id, r.key, r.title, r.description, r.category, r.priority, r.priority_rank, r.status,
           r.requester_id, r.assignee_id, r.created_at, r.updated_at, r.resolved_at, r.search
      from app.requests r;

-- Counts for tabs: sum the rows that match the tab (mine, a category, …).
create view api.request_counts with (security_invoker = true) as
    select r.status, r.category,
           r.requester_id = app.current_user_id() as mine,
           coalesce(r.assignee_id = app.current_user_id(), false) as assigned_to_me,
           count(*) as count
      from app.requests r
     group by 1, 2, 3, 4;

create view api.comments with (security_invoker = true) as
    select c.id, c.request_id, c.author_id, c.author_name, c.body, c.internal, c.created_at
      from app.comments c;

create view api.request_history with (security_invoker = true) as
    select a.id, a.request_id, a.at, a.actor_id, a.actor_name, a.action, a.changes, a.internal
      from app.audit_log a;

create view api.status_transitions with (security_invoker = true) as
    select t.from_status, t.to_status, t.allow_requester, t.allow_agent, t.allow_admin, t.note_required
      from app.status_transitions t;

create view api.team_members with (security_invoker = true) as
    select tm.user_id, tm.category, tm.created_at
      from app.team_members tm;

create view api.my_sessions with (security_invoker = true) as
    select s.id, s.method, s.created_at, s.last_seen_at, s.user_agent,
           s.id::text = (nullif(pg_catalog.current_setting('request.jwt.claims', true), '')::json ->> 'sid')
               as current
      from auth.sessions s
     where s.user_id = app.current_user_id()
       and s.revoked_at is null
       and s.expires_at > now()
       and s.last_seen_at + s.idle_timeout > now();

create function api.allowed_transitions(request_id bigint)
    returns table (to_status text, note_required boolean)
    language plpgsql stable
    set search_path = pg_catalog, pg_temp
as $$
declare
    target app.requests;
begin
    select * into target from app.requests r where r.id = allowed_transitions.request_id;
    if not found then
        raise exception 'There is no request % that you can see.', request_id using errcode = 'PT404';
    end if;
    return query select m.to_status, m.note_required
                   from app.allowed_moves(target.status, target.requester_id, target.category) m;
end
$$;

create function api.transition_request(request_id bigint, to_status text, note text default null)
    returns api.requests
    language plpgsql volatile
    set search_path = pg_catalog, pg_temp
as $$
declare
    updated api.requests;
begin
    -- Row-level security: a request the caller cannot see does not exist for them.
    perform 1 from app.requests r where r.id = transition_request.request_id;
    if not found then
        raise exception 'There is no request % that you can see.', request_id using errcode = 'PT404';
    end if;
    perform app.set_request_status(request_id, to_status, note);
    select * into updated from api.requests r where r.id = transition_request.request_id;
    return updated;
end
$$;

create function api.verify_audit(request_id bigint) returns app.audit_verification
    language plpgsql stable
    set search_path = pg_catalog, pg_temp
as $$
begin
    perform 1 from app.requests r where r.id = verify_audit.request_id;
    if not found then
        raise exception 'There is no request % that you can see.', request_id using errcode = 'PT404';
    end if;
    return app.verify_audit_chain(request_id);
end
$$;

create function api.revoke_session(session_id uuid) returns void
    language plpgsql volatile
    set search_path = pg_catalog, pg_temp
as $$
begin
    update auth.sessions s
       set revoked_at = now(), revoked_reason = 'ended by the person'
     where s.id = session_id and s.user_id = app.current_user_id() and s.revoked_at is null;
    if not found then
        raise exception 'You have no open session %.', session_id using errcode = 'PT404', detail = 'session_id';
    end if;
end
$$;

create function api.revoke_other_sessions() returns integer
    language sql volatile
    set search_path = pg_catalog, pg_temp
as $$
    with ended as (
        update auth.sessions s
           set revoked_at = now(), revoked_reason = 'ended by the person'
         where s.user_id = app.current_user_id()
           and s.revoked_at is null
           and s.id::text is distinct from
               (nullif(pg_catalog.current_setting('request.jwt.claims', true), '')::json ->> 'sid')
        returning 1)
    select count(*)::integer from ended
$$;

grant select on api.categories, api.me, api.people, api.requests, api.request_counts, api.comments,
                api.request_history, api.status_transitions, api.team_members, api.my_sessions
    to web_user, reqstly_admin;
grant insert (title, description, category, priority) on api.requests to web_user, reqstly_admin;
grant update (title, description, priority, category, assignee_id) on api.requests to web_user, reqstly_admin;
grant insert (request_id, body, internal) on api.comments to web_user, reqstly_admin;
grant insert (user_id, category), delete on api.team_members to web_user, reqstly_admin;

grant execute on function api.allowed_transitions(bigint) to web_user, reqstly_admin;
grant execute on function api.transition_request(bigint, text, text) to web_user, reqstly_admin;
grant execute on function api.verify_audit(bigint) to web_user, reqstly_admin;
grant execute on function api.revoke_session(uuid) to web_user;
grant execute on function api.revoke_other_sessions() to web_user;

comment on view api.requests is 'Requests the caller may see. POST {title, description, category, priority}; PATCH title, description, priority, category, assignee_id.';
comment on view api.request_counts is 'The caller''s visible requests counted by status, category, mine and assigned_to_me: sum the rows a tab covers.';
comment on function api.transition_request(bigint, text, text) is 'Moves a request to another status; note required to resolve and to reopen. Returns the updated request.';
comment on function api.verify_audit(bigint) is 'Whether the request''s audit chain is intact: {ok, entries, first_bad_entry, reason}.';
