-- Sign-in rate limits shared by every authsvc replica: one counter per bucket
-- (an address or an account) and fixed window. Old windows are deleted as
-- new ones start, so limits recover by themselves and the table stays small.
create table auth.rate_limits (
    bucket text not null
        constraint rate_limits_bucket_length check (char_length(bucket) between 1 and 200),
    window_start timestamptz not null,
    hits integer not null default 0
        constraint rate_limits_hits_not_negative check (hits >= 0),
    primary key (bucket, window_start)
);

alter table auth.rate_limits enable row level security;

-- The primary key serves auth.rate_limit_hit (one bucket, one window) and its
-- clean-up of that bucket's older windows.

comment on table auth.rate_limits is 'Fixed-window sign-in counters per address and per account, shared by authsvc replicas.';

-- Counts one hit in `bucket` for the current window of `window_seconds`.
-- Returns 0 when the hit is within `max_hits`, else the seconds until the
-- window ends (the Retry-After).
create function auth.rate_limit_hit(bucket text, window_seconds integer, max_hits integer)
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
    delete from auth.rate_limits r
     where r.bucket = rate_limit_hit.bucket and r.window_start < started;
    insert into auth.rate_limits as r (bucket, window_start, hits)
    values (rate_limit_hit.bucket, started, 1)
    on conflict on constraint rate_limits_pkey do update set hits = r.hits + 1
    returning r.hits into counted;
    if counted <= max_hits then
        return 0;
    end if;
    return greatest(1, ceil(extract(epoch from
        (started + pg_catalog.make_interval(secs => window_seconds) - pg_catalog.clock_timestamp())))::integer);
end
$$;

grant execute on function auth.rate_limit_hit(text, integer, integer) to authsvc;

comment on function auth.rate_limit_hit(text, integer, integer) is
    'authsvc: count a sign-in attempt; 0 if allowed, else seconds to wait.';
