-- Session helpers said once (issue #12, "one rule, one place").
--
-- * app.current_session_id(): the session named by the request's JWT (`sid`),
--   which api.my_sessions, api.revoke_other_sessions and
--   auth.tg_passkeys__end_other_sessions each parsed for themselves.
-- * auth.session_is_live(session, at): one definition of a live session (not
--   revoked, before its absolute expiry, not idle), now with a clock argument
--   so a test can ask "is it live in an hour?" instead of sleeping.
--   api.my_sessions wrote the rule out again (metrics.active_sessions too:
--   0910 redefines it with the sign-in methods table).
-- * api.revoke_other_sessions() is app.revoke_sessions_of() for the caller,
--   keeping the session that asks.

create function app.current_session_id() returns uuid
    language sql stable
    set search_path = pg_catalog, pg_temp
as $$
    select case when sid ~* '^[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}$' then sid::uuid end
      from (select nullif(pg_catalog.current_setting('request.jwt.claims', true), '')::json ->> 'sid' as sid) c
$$;

grant execute on function app.current_session_id() to web_user, reqstly_admin;

comment on function app.current_session_id() is
    'The session named by the current request''s JWT (its sid claim); null at psql or for a malformed sid.';

-- The rule, on the columns: api.my_sessions reads auth.sessions through
-- column grants (never token_hash), so it cannot pass the whole row.
create function auth.session_is_live(
    revoked_at timestamptz, expires_at timestamptz, last_seen_at timestamptz, idle_timeout interval,
    at timestamptz default now())
    returns boolean
    language sql stable
    set search_path = pg_catalog, pg_temp
as $$
    select revoked_at is null and expires_at > at and last_seen_at + idle_timeout > at
$$;

-- The row form, for security definer callers. The one-argument form becomes
-- this two-argument form with a default, so every existing call
-- (api.pre_request, auth.use_session, …) keeps working.
drop function auth.session_is_live(auth.sessions);

create function auth.session_is_live(s auth.sessions, at timestamptz default now()) returns boolean
    language sql stable
    set search_path = pg_catalog, pg_temp
as $$
    select auth.session_is_live(s.revoked_at, s.expires_at, s.last_seen_at, s.idle_timeout, at)
$$;

grant execute on function auth.session_is_live(timestamptz, timestamptz, timestamptz, interval, timestamptz)
    to web_user;

comment on function auth.session_is_live(timestamptz, timestamptz, timestamptz, interval, timestamptz) is
    'Whether a session is live at `at` (default now): not revoked, before expires_at, not idle past idle_timeout.';
comment on function auth.session_is_live(auth.sessions, timestamptz) is
    'auth.session_is_live on a whole session row (security definer callers).';

create or replace view api.my_sessions with (security_invoker = true) as
    select s.id, s.method, s.created_at, s.last_seen_at, s.user_agent,
           s.id is not distinct from app.current_session_id() as current
      from auth.sessions s
     where s.user_id = app.current_user_id()
       and s.revoked_at is null  -- lets sessions_user_live_idx serve the view
       and auth.session_is_live(s.revoked_at, s.expires_at, s.last_seen_at, s.idle_timeout);

-- app.revoke_sessions_of is security definer and trusts its caller; this is
-- the form a person may call: only their own sessions.
create function app.revoke_sessions_of_caller(reason text, except_session uuid) returns integer
    language sql volatile security definer
    set search_path = pg_catalog, pg_temp
as $$
    select case when app.current_user_id() is null then 0
                else app.revoke_sessions_of(app.current_user_id(), reason, except_session) end
$$;

grant execute on function app.revoke_sessions_of_caller(text, uuid) to web_user;

comment on function app.revoke_sessions_of_caller(text, uuid) is
    'Ends the acting person''s live sessions except one (api.revoke_other_sessions).';

create or replace function api.revoke_other_sessions() returns integer
    language sql volatile
    set search_path = pg_catalog, pg_temp
as $$
    select app.revoke_sessions_of_caller('ended by the person', app.current_session_id())
$$;

create or replace function auth.tg_passkeys__end_other_sessions() returns trigger
    language plpgsql volatile security definer
    set search_path = pg_catalog, pg_temp
as $$
begin
    -- The session making the request stays; at psql (no sid) every session ends.
    perform app.revoke_sessions_of(old.user_id, 'passkey removed', app.current_session_id());
    return null;
end
$$;
