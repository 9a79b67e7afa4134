-- Looking at a rate-limit counter without counting: a passkey sign-in asks
-- whether this address has failed too often with this credential before it
-- verifies, and counts only a failure (authsvc/ratelimit.py, docs/adr/0010).

-- 0 while `bucket` has had fewer than `max_hits` hits in the current window
-- of `window_seconds`, else the seconds until that window ends.
create function auth.rate_limit_check(bucket text, window_seconds integer, max_hits integer)
    returns integer
    language plpgsql volatile security definer
    set search_path = pg_catalog, pg_temp
as $$
declare
    started timestamptz;
    counted integer;
begin
    perform auth.require_authsvc();
    if window_seconds < 1 or max_hits < 1 then
        raise exception 'A rate limit needs a window of at least a second and at least one hit.'
            using errcode = '22023';
    end if;
    started := pg_catalog.to_timestamp(
        pg_catalog.floor(extract(epoch from pg_catalog.clock_timestamp()) / window_seconds) * window_seconds);
    select r.hits into counted
      from auth.rate_limits r
     where r.bucket = rate_limit_check.bucket and r.window_start = started;
    if coalesce(counted, 0) < max_hits then
        return 0;
    end if;
    return greatest(1, ceil(extract(epoch from
        (started + pg_catalog.make_interval(secs => window_seconds) - pg_catalog.clock_timestamp())))::integer);
end
$$;

grant execute on function auth.rate_limit_check(text, integer, integer) to authsvc;

comment on function auth.rate_limit_check(text, integer, integer) is
    'authsvc: 0 if `bucket` is under its limit in this window, else seconds to wait (counts nothing).';
