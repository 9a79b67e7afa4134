-- Statuses and sign-in methods as tables (issue #12, "one rule, one place").
-- The four statuses were a literal list in six places (the CHECKs of
-- app.requests and app.status_transitions ×2, app.status_label,
-- app.set_request_status, metrics.requests_by_status) and the three sign-in
-- methods in three (the CHECKs of auth.sessions and auth.login_events,
-- metrics.active_sessions). Now each is a table, the columns reference it,
-- and the functions and views read it.

create table app.statuses (
    code text primary key
        constraint statuses_code_shape check (code ~ '^[a-z][a-z_]{1,29}$'),
    label text not null
        constraint statuses_label_present check (char_length(btrim(label)) between 1 and 50),
    position smallint not null,
    is_closed boolean not null default false,
    constraint statuses_position_unique unique (position)
);

alter table app.statuses enable row level security;

create policy select_all on app.statuses for select using (true);

grant select on app.statuses to web_user, reqstly_admin;

comment on table app.statuses is 'Request statuses in workflow order; is_closed: no more edits, moves or assignments (resolved, cancelled). Moves between them: app.status_transitions.';

insert into app.statuses (code, label, position, is_closed) values
    ('open',        'Open',        1, false),
    ('in_progress', 'In progress', 2, false),
    ('resolved',    'Resolved',    3, true),
    ('cancelled',   'Cancelled',   4, true);

create table auth.sign_in_methods (
    code text primary key
        constraint sign_in_methods_code_shape check (code ~ '^[a-z][a-z_]{1,29}$'),
    label text not null
        constraint sign_in_methods_label_present check (char_length(btrim(label)) between 1 and 50)
);

alter table auth.sign_in_methods enable row level security;

create policy select_all on auth.sign_in_methods for select using (true);

grant select on auth.sign_in_methods to web_user, reqstly_admin;

comment on table auth.sign_in_methods is 'How a session was opened: azure (Entra ID), passkey, dev (scripts/dev token, local only).';

insert into auth.sign_in_methods (code, label) values
    ('azure', 'Microsoft Entra ID'),
    ('passkey', 'Passkey'),
    ('dev', 'Local development token');

-- The columns reference the tables instead of repeating the lists.
alter table app.requests
    drop constraint requests_status_known,
    add constraint requests_status_known foreign key (status) references app.statuses (code);
alter table app.status_transitions
    drop constraint status_transitions_from_known,
    drop constraint status_transitions_to_known,
    add constraint status_transitions_from_known foreign key (from_status) references app.statuses (code),
    add constraint status_transitions_to_known foreign key (to_status) references app.statuses (code);
alter table auth.sessions
    drop constraint sessions_method_known,
    add constraint sessions_method_known foreign key (method) references auth.sign_in_methods (code);
alter table auth.login_events
    drop constraint login_events_method_known,
    add constraint login_events_method_known foreign key (method) references auth.sign_in_methods (code);

create or replace function app.status_label(status text) returns text
    language sql stable
    set search_path = pg_catalog, pg_temp
as $$
    select coalesce((select s.label from app.statuses s where s.code = status_label.status), status)
$$;

create or replace function app.set_request_status(request_id bigint, to_status text, note text default null)
    returns void
    language plpgsql volatile security definer
    set search_path = pg_catalog, pg_temp
as $$
declare
    clean_note text := nullif(btrim(note), '');
    current app.requests;
begin
    if to_status is null or not exists (select 1 from app.statuses s where s.code = to_status) then
        raise exception 'There is no status "%". The statuses are %.', to_status,
                (select string_agg(s.code, ', ' order by s.position) from app.statuses s)
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

-- The statuses, in workflow order, for lists and filters in the SPA.
create view api.statuses with (security_invoker = true) as
    select s.code, s.label, s.position, s.is_closed
      from app.statuses s;

grant select on api.statuses to web_user, reqstly_admin;

comment on view api.statuses is 'Request statuses in workflow order: code, label, position, is_closed.';

create or replace view metrics.requests_by_status as
select c.code as category, s.code as status, count(r.id)::bigint as requests
from app.categories as c
cross join app.statuses as s
left join app.requests as r on r.category = c.code and r.status = s.code
group by c.code, s.code;

create or replace view metrics.oldest_open_request as
select c.code as category,
       coalesce(extract(epoch from now() - min(r.created_at)), 0)::float8 as age_seconds
from app.categories as c
left join app.statuses as s on not s.is_closed
left join app.requests as r on r.category = c.code and r.status = s.code
group by c.code;

create or replace view metrics.active_sessions as
select m.code as method, count(s.id)::bigint as active
from auth.sign_in_methods as m
left join auth.sessions as s
    on s.method = m.code
   and auth.session_is_live(s)
group by m.code;
