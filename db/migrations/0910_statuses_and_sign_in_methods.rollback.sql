create or replace view metrics.active_sessions as
select m.method, count(s.id)::bigint as active
from (values ('azure'), ('passkey'), ('dev')) as m (method)
left join auth.sessions as s
    on s.method = m.method
   and s.revoked_at is null
   and s.expires_at > now()
   and s.last_seen_at + s.idle_timeout > now()
group by m.method;

create or replace view metrics.oldest_open_request as
select c.code as category,
       coalesce(extract(epoch from now() - min(r.created_at)), 0)::float8 as age_seconds
from app.categories as c
left join app.requests as r on r.category = c.code and r.status in ('open', 'in_progress')
group by c.code;

create or replace view metrics.requests_by_status as
select c.code as category, s.status, count(r.id)::bigint as requests
from app.categories as c
cross join (values ('open'), ('in_progress'), ('resolved'), ('cancelled')) as s (status)
left join app.requests as r on r.category = c.code and r.status = s.status
group by c.code, s.status;

drop view api.statuses;

create or replace function app.set_request_status(request_id bigint, to_status text, note text default null)
    returns void
    language plpgsql volatile security definer
    set search_path = pg_catalog, pg_temp
as $$
declare
    clean_note text := nullif(btrim(note), '');
    current app.requests;
begin
    if to_status is null or to_status not in ('open', 'in_progress', 'resolved', 'cancelled') then
        raise exception 'There is no status "%". The statuses are open, in_progress, resolved and cancelled.', to_status
            using errcode = '22023', detail = 'to_status';
    end if;
    select * into current from app.requests r where r.id = request_id for update;
    if not found then
        raise exception 'There is no request %.', request_id using errcode = 'PT404';
    end if;
    if current.status = to_status then
        raise exception 'Request % is already %.', current.key, lower(app.status_label(to_status))
            using errcode = 'PT409', detail = 'to_status';
    end if;
    if clean_note is not null then
        insert into app.comments (request_id, body, internal) values (request_id, clean_note, false);
    end if;
    perform pg_catalog.set_config('reqstly.transition_note', coalesce(clean_note, ''), true);
    update app.requests r set status = to_status where r.id = request_id;
    perform pg_catalog.set_config('reqstly.transition_note', '', true);
end
$$;

drop function app.status_label(text);
create function app.status_label(status text) returns text
    language sql immutable
    set search_path = pg_catalog, pg_temp
as $$
    select case status
        when 'open' then 'Open'
        when 'in_progress' then 'In progress'
        when 'resolved' then 'Resolved'
        when 'cancelled' then 'Cancelled'
        else status end
$$;
grant execute on function app.status_label(text) to web_user, reqstly_admin;

alter table auth.login_events
    drop constraint login_events_method_known,
    add constraint login_events_method_known check (method in ('azure', 'passkey', 'dev'));
alter table auth.sessions
    drop constraint sessions_method_known,
    add constraint sessions_method_known check (method in ('azure', 'passkey', 'dev'));
alter table app.status_transitions
    drop constraint status_transitions_from_known,
    drop constraint status_transitions_to_known,
    add constraint status_transitions_from_known check (from_status in ('open', 'in_progress', 'resolved', 'cancelled')),
    add constraint status_transitions_to_known check (to_status in ('open', 'in_progress', 'resolved', 'cancelled'));
alter table app.requests
    drop constraint requests_status_known,
    add constraint requests_status_known check (status in ('open', 'in_progress', 'resolved', 'cancelled'));

drop table auth.sign_in_methods;
drop table app.statuses;
