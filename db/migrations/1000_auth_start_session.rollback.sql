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

grant execute on function auth.open_session(uuid, bytea, text, interval, interval, text) to authsvc;

comment on function auth.open_session(uuid, bytea, text, interval, interval, text) is
    'authsvc: a new session (hashed token) for an enabled person.';

drop function auth.start_session(uuid, bytea, text, interval, interval, text);
