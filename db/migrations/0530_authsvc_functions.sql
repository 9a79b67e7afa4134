-- What authsvc may do in the database, and nothing more (docs/ARCHITECTURE.md, "Schemas"):
-- it has no table rights, only EXECUTE on these security definer functions.

-- Upserts the person of an Azure sign-in by tenant + object id (never by
-- email) and, when Entra app roles are mapped, rewrites their mapped rights.
-- A disabled person is left untouched and reported as disabled.
create function auth.upsert_azure_person(
    tenant_id uuid,
    object_id uuid,
    display_name text,
    email text,
    manage_rights boolean,
    is_admin boolean,
    agent_categories text[]
) returns table (person_id uuid, disabled boolean)
    language plpgsql volatile security definer
    set search_path = pg_catalog, pg_temp
as $$
declare
    person uuid;
    disabled_since timestamptz;
begin
    perform auth.require_authsvc();

    select u.id, u.disabled_at into person, disabled_since
      from app.users u
     where u.tenant_id = upsert_azure_person.tenant_id and u.object_id = upsert_azure_person.object_id
       for update;
    if disabled_since is not null then
        return query select person, true;
        return;
    end if;

    insert into app.users as u (tenant_id, object_id, display_name, email, last_azure_sign_in_at)
    values (upsert_azure_person.tenant_id, upsert_azure_person.object_id,
            upsert_azure_person.display_name, upsert_azure_person.email, now())
    on conflict on constraint users_identity_unique do update
        set display_name = excluded.display_name,
            email = excluded.email,
            last_azure_sign_in_at = excluded.last_azure_sign_in_at
    returning u.id into person;

    if manage_rights then
        update app.users u set is_admin = upsert_azure_person.is_admin
         where u.id = person and u.is_admin is distinct from upsert_azure_person.is_admin;
        delete from app.team_members tm
         where tm.user_id = person and tm.category <> all (coalesce(agent_categories, '{}'));
        insert into app.team_members (user_id, category)
        select person, c.code
          from app.categories c
         where c.code = any (coalesce(agent_categories, '{}'))
        on conflict do nothing;
    end if;

    return query select person, false;
end
$$;

-- Opens a new session for an enabled person; null if the person is disabled.
create function auth.open_session(
    person uuid,
    token_hash bytea,
    method text,
    idle_timeout interval,
    absolute_timeout interval,
    user_agent text
) returns table (session_id uuid, expires_at timestamptz)
    language plpgsql volatile security definer
    set search_path = pg_catalog, pg_temp
as $$
begin
    perform auth.require_authsvc();
    if not exists (select 1 from app.users u where u.id = person and u.disabled_at is null) then
        return;
    end if;
    return query
    insert into auth.sessions as s (user_id, token_hash, method, expires_at, idle_timeout, user_agent)
    values (person, open_session.token_hash, open_session.method, now() + absolute_timeout,
            open_session.idle_timeout, left(open_session.user_agent, 500))
    returning s.id, s.expires_at;
end
$$;

-- The live session with this token and its person; bumps last_seen_at when
-- `touch` (a refresh is activity). No row for an ended, expired or idle
-- session, or a disabled person.
create function auth.use_session(token_hash bytea, touch boolean)
    returns table (
        session_id uuid,
        person_id uuid,
        method text,
        expires_at timestamptz,
        display_name text,
        email text)
    language plpgsql volatile security definer
    set search_path = pg_catalog, pg_temp
as $$
declare
    found_session auth.sessions;
begin
    perform auth.require_authsvc();
    select s.* into found_session
      from auth.sessions s
      join app.users u on u.id = s.user_id
     where s.token_hash = use_session.token_hash
       and auth.session_is_live(s)
       and u.disabled_at is null;
    if found_session.id is null then
        return;
    end if;
    if touch then
        update auth.sessions s set last_seen_at = now() where s.id = found_session.id;
    end if;
    return query
    select found_session.id, u.id, found_session.method, found_session.expires_at, u.display_name, u.email
      from app.users u
     where u.id = found_session.user_id;
end
$$;

-- Ends the session with this token now (sign-out). Returns it if it was live.
create function auth.end_session(token_hash bytea, reason text)
    returns table (session_id uuid, person_id uuid, method text)
    language plpgsql volatile security definer
    set search_path = pg_catalog, pg_temp
as $$
begin
    perform auth.require_authsvc();
    return query
    update auth.sessions s
       set revoked_at = now(), revoked_reason = left(reason, 200)
     where s.token_hash = end_session.token_hash and s.revoked_at is null
    returning s.id, s.user_id, s.method;
end
$$;

-- Live sessions per method, for the authsvc_active_sessions gauge.
create function auth.active_session_counts() returns table (method text, sessions bigint)
    language plpgsql stable security definer
    set search_path = pg_catalog, pg_temp
as $$
begin
    perform auth.require_authsvc();
    return query
    select s.method, count(*)
      from auth.sessions s
     where s.revoked_at is null and auth.session_is_live(s)
     group by s.method;
end
$$;

grant execute on function auth.upsert_azure_person(uuid, uuid, text, text, boolean, boolean, text[]) to authsvc;
grant execute on function auth.open_session(uuid, bytea, text, interval, interval, text) to authsvc;
grant execute on function auth.use_session(bytea, boolean) to authsvc;
grant execute on function auth.end_session(bytea, text) to authsvc;
grant execute on function auth.active_session_counts() to authsvc;

comment on function auth.upsert_azure_person(uuid, uuid, text, text, boolean, boolean, text[]) is
    'authsvc: the person of an Azure sign-in by tid+oid, created or updated; mapped rights rewritten when managed.';
comment on function auth.open_session(uuid, bytea, text, interval, interval, text) is
    'authsvc: a new session (hashed token) for an enabled person.';
comment on function auth.use_session(bytea, boolean) is
    'authsvc: the live session for a token, bumped when touched (refresh).';
comment on function auth.end_session(bytea, text) is 'authsvc: end a session now (sign-out).';
comment on function auth.active_session_counts() is 'authsvc: live sessions per method (metrics).';
