create or replace view metrics.active_sessions as
select m.code as method, count(s.id)::bigint as active
from auth.sign_in_methods as m
left join auth.sessions as s
    on s.method = m.code
   and auth.session_is_live(s)
group by m.code;

drop function metrics.active_sessions_by_method();
