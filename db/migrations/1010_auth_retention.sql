-- Retention of sign-in bookkeeping: nothing in auth.* grows for ever.
-- authsvc runs auth.delete_expired_sign_in_rows every
-- REQSTLY_RETENTION_INTERVAL_SECONDS (authsvc/retention.py) and counts what
-- it deleted in authsvc_retention_deleted_rows_total; docs/RUNBOOK.md says
-- how to run it by hand.

-- Deletes, as of `at`:
--   login_events  older than `login_events_kept`;
--   sessions      that stopped being live (ended, expired or idle) more than
--                 `ended_sessions_kept` ago;
--   signin_states and webauthn_challenges that have expired;
--   rate_limits   windows that started more than a day ago.
-- Returns one row per table with the number of rows deleted.
create function auth.delete_expired_sign_in_rows(
    login_events_kept interval,
    ended_sessions_kept interval,
    at timestamptz default now()
) returns table (table_name text, deleted bigint)
    language plpgsql volatile security definer
    set search_path = pg_catalog, pg_temp
as $$
declare
    counted bigint;
begin
    perform auth.require_authsvc();
    if login_events_kept < interval '1 day' or ended_sessions_kept < interval '0' then
        raise exception 'Keep login events at least a day, and ended sessions for no negative time.'
            using errcode = '22023';
    end if;

    delete from auth.login_events e where e.at < delete_expired_sign_in_rows.at - login_events_kept;
    get diagnostics counted = row_count;
    table_name := 'login_events'; deleted := counted; return next;

    delete from auth.sessions s
     where least(s.expires_at, s.last_seen_at + s.idle_timeout, coalesce(s.revoked_at, 'infinity'))
           < delete_expired_sign_in_rows.at - ended_sessions_kept;
    get diagnostics counted = row_count;
    table_name := 'sessions'; deleted := counted; return next;

    delete from auth.signin_states s where s.expires_at < delete_expired_sign_in_rows.at;
    get diagnostics counted = row_count;
    table_name := 'signin_states'; deleted := counted; return next;

    delete from auth.webauthn_challenges c where c.expires_at < delete_expired_sign_in_rows.at;
    get diagnostics counted = row_count;
    table_name := 'webauthn_challenges'; deleted := counted; return next;

    delete from auth.rate_limits r where r.window_start < delete_expired_sign_in_rows.at - interval '1 day';
    get diagnostics counted = row_count;
    table_name := 'rate_limits'; deleted := counted; return next;
end
$$;

grant execute on function auth.delete_expired_sign_in_rows(interval, interval, timestamptz) to authsvc;

comment on function auth.delete_expired_sign_in_rows(interval, interval, timestamptz) is
    'authsvc: delete old login events, long-ended sessions, expired sign-in states and challenges, old rate-limit windows; rows deleted per table.';
