create or replace function api.pre_request() returns void
    language plpgsql volatile security definer
    set search_path = pg_catalog, pg_temp
as $$
declare
    claims jsonb := nullif(pg_catalog.current_setting('request.jwt.claims', true), '')::jsonb;
    headers jsonb := nullif(pg_catalog.current_setting('request.headers', true), '')::jsonb;
    sid uuid;
    sub uuid;
begin
    perform pg_catalog.set_config('reqstly.correlation_id',
                                  left(coalesce(headers ->> 'x-request-id', ''), 100), true);

    if claims is null or coalesce(claims ->> 'role', 'web_anon') = 'web_anon' then
        -- Nothing under /rest is for anonymous callers.
        raise sqlstate 'PT401' using message = 'Sign in to use Reqstly.';
    end if;

    if claims ->> 'role' <> 'web_user' or claims ->> 'aud' is null or claims ->> 'exp' is null
       or claims ->> 'sid' is null or claims ->> 'sub' is null
       or claims ->> 'sid' !~* '^[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}$'
       or claims ->> 'sub' !~* '^[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}$' then
        raise sqlstate 'PT401' using
            message = 'This sign-in token is not one Reqstly issued for the API. Please sign in again.';
    end if;

    if (claims ->> 'exp')::numeric <= extract(epoch from now()) then
        raise sqlstate 'PT401' using message = 'Your sign-in has expired. Please sign in again.';
    end if;

    sid := (claims ->> 'sid')::uuid;
    sub := (claims ->> 'sub')::uuid;
    if not exists (
        select 1
          from auth.sessions s
          join app.users u on u.id = s.user_id
         where s.id = sid
           and s.user_id = sub
           and auth.session_is_live(s)
           and u.disabled_at is null) then
        raise sqlstate 'PT401' using message = 'Your session has ended. Please sign in again.';
    end if;
end
$$;

drop function app.search_input(text);
drop function app.take_call_slot(uuid);
drop function app.max_concurrent_calls();
alter role web_user reset statement_timeout;
