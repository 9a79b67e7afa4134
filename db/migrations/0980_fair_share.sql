-- One person cannot make everyone else wait (issue #13, ADR 0013).
-- Three bounds, all in the database so every replica and every route obeys
-- them: how long one statement may run, how many calls one person may have
-- running at once, and how broad a search may be (the front door refuses
-- broader `search=` filters; search functions call app.search_input).

-- PostgREST applies an impersonated role's settings to every request it
-- serves as that role (PostgREST ≥ 11.1). Well under the front door's and
-- the SPA's patience; the authenticator's own 15 s stays for its sessions.
alter role web_user set statement_timeout = '3s';

-- At most this many calls of one person run in the database at once; the
-- next is answered 429 at once, so one person holds at most this many of a
-- replica's pool connections (10) and everyone else keeps the rest. Six,
-- because the SPA opens a screen with up to five calls in parallel.
create function app.max_concurrent_calls() returns integer
    language sql immutable
    set search_path = pg_catalog, pg_temp
as $$ select 6 $$;

-- Takes one of the person's call slots for the rest of the transaction
-- (transaction-level advisory locks: freed when the call ends, whatever
-- happens; allowed in read-only transactions). Raises PT429 when all are taken.
create function app.take_call_slot(person uuid) returns void
    language plpgsql volatile
    set search_path = pg_catalog, pg_temp
as $$
declare
    -- One lock space per person: key 1 is the person's hash, key 2 the slot.
    person_key integer := pg_catalog.hashtext('reqstly.call_slot:' || person::text);
begin
    for slot in 1 .. app.max_concurrent_calls() loop
        if pg_catalog.pg_try_advisory_xact_lock(person_key, slot) then
            return;
        end if;
    end loop;
    raise sqlstate 'PT429' using
        message = format('You have %s calls running already; wait for one to finish and try again.',
                         app.max_concurrent_calls()),
        hint = 'Someone with this sign-in is sending many calls at once.';
end
$$;
comment on function app.take_call_slot(uuid) is 'Per-person fair share (ADR 0013): holds one of app.max_concurrent_calls() slots for the transaction, or raises PT429.';

-- The bounds of a search input, for search functions (docs/API.md): at most
-- 200 characters and 12 words. The front door (caddy/reqstly.caddy,
-- @expensive_search) holds `search=wfts.…` filters to the same bounds.
create function app.search_input(q text) returns text
    language plpgsql immutable
    set search_path = pg_catalog, pg_temp
as $$
declare
    clean text := pg_catalog.btrim(pg_catalog.regexp_replace(coalesce(q, ''), '\s+', ' ', 'g'));
begin
    if pg_catalog.char_length(clean) > 200
       or pg_catalog.cardinality(pg_catalog.string_to_array(clean, ' ')) > 12 then
        raise exception 'Search for at most 12 words (200 characters), as plain words.'
            using errcode = '22023', detail = 'q';
    end if;
    return clean;
end
$$;
comment on function app.search_input(text) is 'Returns the search input trimmed, with runs of white space made one space; raises 22023 (400) over 200 characters or 12 words.';

-- api.pre_request of 0410, with the call slot taken last (after the token
-- and session checks, so a refused token holds no slot).
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

    perform app.take_call_slot(sub);
end
$$;

grant execute on function app.search_input(text) to web_user, reqstly_admin;

-- PostgREST reads role settings when it loads its configuration.
notify pgrst, 'reload config';
