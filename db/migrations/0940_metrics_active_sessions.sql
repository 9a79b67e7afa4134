-- metrics.active_sessions (0910) calls auth.session_is_live. The metrics
-- views run as their owner, but PostgreSQL checks the functions a view calls
-- against the caller, so the monitoring role got "permission denied" and the
-- active-sessions series went missing. The count moves into a security
-- definer function of the metrics schema: monitoring may execute it and
-- still has no right on anything in auth.
create function metrics.active_sessions_by_method() returns table (method text, active bigint)
    language sql stable security definer
    set search_path = pg_catalog, pg_temp
as $$
    select m.code, count(s.id)::bigint
      from auth.sign_in_methods m
      left join auth.sessions s on s.method = m.code and auth.session_is_live(s)
     group by m.code
$$;

grant execute on function metrics.active_sessions_by_method() to monitoring;

comment on function metrics.active_sessions_by_method() is
    'Live sessions per sign-in method (auth.session_is_live), for metrics.active_sessions.';

create or replace view metrics.active_sessions as
select a.method, a.active
from metrics.active_sessions_by_method() as a;
