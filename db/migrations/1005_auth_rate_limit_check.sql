-- Looking at a rate-limit counter without counting: a passkey sign-in asks
-- whether this address has failed too often with this credential before it
-- verifies, and counts only a failure (authsvc/ratelimit.py, docs/adr/0010).
-- The window arithmetic of auth.rate_limit_hit (0510) moves into two helpers
-- both functions use, so the rule "fixed windows of N seconds" is said once.

-- The start of the current fixed window of `window_seconds`.
create function auth.rate_limit_window_start(window_seconds integer) returns timestamptz
    language plpgsql volatile
    set search_path = pg_catalog, pg_temp
as $$
begin
    if window_seconds < 1 then
        raise exception 'A rate limit needs a window of at least a second.' using errcode = '22023';
    end if;
    return pg_catalog.to_timestamp(
        pg_catalog.floor(extract(epoch from pg_catalog.clock_timestamp()) / window_seconds) * window_seconds);
end
$$;

-- Whole seconds (at least 1) until the window that began at `started` ends:
-- the Retry-After of a refusal.
create function auth.rate_limit_seconds_left(started timestamptz, window_seconds integer)
    returns integer
    language sql volatile
    set search_path = pg_catalog, pg_temp
as $$
    select greatest(1, ceil(extract(epoch from
        (started + pg_catalog.make_interval(secs => window_seconds) - pg_catalog.clock_timestamp())))::integer)
$$;

-- As in 0510, with the window arithmetic in the helpers above.
create or replace function auth.rate_limit_hit(bucket text, window_seconds integer, max_hits integer)
    returns integer
    language plpgsql volatile security definer
    set search_path = pg_catalog, pg_temp
as $$
declare
    started timestamptz := auth.rate_limit_window_start(window_seconds);
    counted integer;
begin
    perform auth.require_authsvc();
    if max_hits < 1 then
        raise exception 'A rate limit needs at least one hit.' using errcode = '22023';
    end if;
    delete from auth.rate_limits r
     where r.bucket = rate_limit_hit.bucket and r.window_start < started;
    insert into auth.rate_limits as r (bucket, window_start, hits)
    values (rate_limit_hit.bucket, started, 1)
    on conflict on constraint rate_limits_pkey do update set hits = r.hits + 1
    returning r.hits into counted;
    return case when counted <= max_hits then 0
                else auth.rate_limit_seconds_left(started, window_seconds) end;
end
$$;

-- 0 while `bucket` has had fewer than `max_hits` hits in the current window
-- of `window_seconds`, else the seconds until that window ends.
create function auth.rate_limit_check(bucket text, window_seconds integer, max_hits integer)
    returns integer
    language plpgsql volatile security definer
    set search_path = pg_catalog, pg_temp
as $$
declare
    started timestamptz := auth.rate_limit_window_start(window_seconds);
    counted integer;
begin
    perform auth.require_authsvc();
    select r.hits into counted
      from auth.rate_limits r
     where r.bucket = rate_limit_check.bucket and r.window_start = started;
    return case when coalesce(counted, 0) < max_hits then 0
                else auth.rate_limit_seconds_left(started, window_seconds) end;
end
$$;

grant execute on function auth.rate_limit_check(text, integer, integer) to authsvc;

comment on function auth.rate_limit_window_start(integer) is 'The start of the current fixed rate-limit window.';
comment on function auth.rate_limit_seconds_left(timestamptz, integer) is 'Seconds (at least 1) until a rate-limit window ends: the Retry-After.';
comment on function auth.rate_limit_check(text, integer, integer) is
    'authsvc: 0 if `bucket` is under its limit in this window, else seconds to wait (counts nothing).';
