-- One call opens a session and answers everything a sign-in needs to finish
-- (authsvc's complete_sign_in, for Azure and passkeys alike): the same row
-- auth.use_session returns for a live session. It replaces auth.open_session,
-- whose two columns made one sign-in method fake a row and the other re-read it.

-- A new session for an enabled person, with the person's name and email;
-- no row if the person is disabled (or unknown).
create function auth.start_session(
    person uuid,
    token_hash bytea,
    sign_in_method text,
    idle_timeout interval,
    absolute_timeout interval,
    user_agent text
) returns table (
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
    someone app.users;
begin
    perform auth.require_authsvc();
    select u.* into someone from app.users u where u.id = person and u.disabled_at is null;
    if someone.id is null then
        return;
    end if;
    return query
    insert into auth.sessions as s (user_id, token_hash, method, expires_at, idle_timeout, user_agent)
    values (person, start_session.token_hash, sign_in_method, now() + absolute_timeout,
            start_session.idle_timeout, left(start_session.user_agent, 500))
    returning s.id, s.user_id, s.method, s.expires_at, someone.display_name, someone.email;
end
$$;

grant execute on function auth.start_session(uuid, bytea, text, interval, interval, text) to authsvc;

comment on function auth.start_session(uuid, bytea, text, interval, interval, text) is
    'authsvc: a new session (hashed token) for an enabled person, with what the sign-in answer shows.';

drop function auth.open_session(uuid, bytea, text, interval, interval, text);
