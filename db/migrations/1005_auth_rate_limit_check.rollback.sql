-- Back to 0510's auth.rate_limit_hit.
create or replace function auth.rate_limit_hit(bucket text, window_seconds integer, max_hits integer)
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

drop function auth.rate_limit_check(text, integer, integer);
drop function auth.rate_limit_seconds_left(timestamptz, integer);
drop function auth.rate_limit_window_start(integer);
