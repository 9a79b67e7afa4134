create or replace function auth.tg_passkeys__end_other_sessions() returns trigger
    language plpgsql volatile security definer
    set search_path = pg_catalog, pg_temp
as $$
declare
    claims text := nullif(pg_catalog.current_setting('request.jwt.claims', true), '');
    current_sid text := case when claims is null then null else claims::json ->> 'sid' end;
begin
    perform app.revoke_sessions_of(
        old.user_id,
        'passkey removed',
        case when current_sid ~* '^[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}$' then current_sid::uuid end);
    return null;
end
$$;

create or replace function api.revoke_other_sessions() returns integer
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
drop function app.revoke_sessions_of_caller(text, uuid);

create or replace view api.my_sessions with (security_invoker = true) as
    select s.id, s.method, s.created_at, s.last_seen_at, s.user_agent,
           s.id::text = (nullif(pg_catalog.current_setting('request.jwt.claims', true), '')::json ->> 'sid')
               as current
      from auth.sessions s
     where s.user_id = app.current_user_id()
       and s.revoked_at is null
       and s.expires_at > now()
       and s.last_seen_at + s.idle_timeout > now();

drop function auth.session_is_live(auth.sessions, timestamptz);
drop function auth.session_is_live(timestamptz, timestamptz, timestamptz, interval, timestamptz);
create function auth.session_is_live(s auth.sessions) returns boolean
    language sql stable
    set search_path = pg_catalog, pg_temp
as $$
    select s.revoked_at is null
       and s.expires_at > now()
       and s.last_seen_at + s.idle_timeout > now()
$$;
grant execute on function auth.session_is_live(auth.sessions) to web_user, authsvc;

drop function app.current_session_id();
