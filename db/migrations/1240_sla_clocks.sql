-- SLA clocks per request: first response and resolution (ADR 0018).
--
-- Targets are business minutes per category x priority (app.sla_targets).
-- The first-response clock runs from filing until the first public comment by
-- someone other than the requester. The resolution clock runs while the
-- request's status is not closed (app.statuses), stops when it is resolved or cancelled
-- (and runs on from where it stopped if reopened), and pauses while the
-- request waits on its requester: an agent says so (api.set_waiting_on_requester)
-- and the requester's next public comment ends the wait. Due times are kept
-- in app.request_sla by triggers whenever status, priority, category, a
-- comment, a wait or the calendar (1230) changes.
create table app.sla_targets (
    category text not null references app.categories (code) on update cascade on delete cascade,
    priority text not null
        constraint sla_targets_priority_known check (priority in ('low', 'normal', 'high', 'urgent')),
    first_response_minutes integer not null
        constraint sla_targets_first_response_positive check (first_response_minutes > 0),
    resolution_minutes integer not null
        constraint sla_targets_resolution_positive check (resolution_minutes > 0),
    primary key (category, priority)
);

create table app.request_sla (
    request_id bigint primary key references app.requests (id),
    first_response_due_at timestamptz,
    first_responded_at timestamptz,
    resolution_target_seconds bigint,
    resolution_used_seconds bigint not null default 0,
    resolution_running_since timestamptz,
    resolution_due_at timestamptz,
    waiting_on_requester_since timestamptz
);

alter table app.sla_targets enable row level security;
alter table app.request_sla enable row level security;

-- metrics.sla_requests and the clocks still running (recomputed when the calendar changes).
create index request_sla_running_idx on app.request_sla (resolution_due_at) where resolution_running_since is not null;

-- Whether a status ends the clocks (app.statuses.is_closed: resolved, cancelled).
create function app.status_is_closed(status text) returns boolean
    language sql stable security definer
    set search_path = pg_catalog, pg_temp
as $$
    select coalesce((select st.is_closed from app.statuses st where st.code = status_is_closed.status), false)
$$;

-- Recompute one request's clocks from its current state. Idempotent: the
-- business time used so far is banked, and a running clock restarts now.
create function app.sla_refresh(request_id bigint) returns void
    language plpgsql volatile security definer
    set search_path = pg_catalog, pg_temp
as $$
declare
    r app.requests;
    s app.request_sla;
    t app.sla_targets;
    pause_waiting boolean := coalesce((select o.pause_while_waiting_on_requester from app.sla_settings o), true);
    used bigint;
    target bigint;
    running boolean;
    closed boolean;
begin
    select * into r from app.requests q where q.id = sla_refresh.request_id;
    if not found then
        return;
    end if;
    select * into t from app.sla_targets x where x.category = r.category and x.priority = r.priority;
    select * into s from app.request_sla x where x.request_id = sla_refresh.request_id for update;
    if not found then
        insert into app.request_sla (request_id, resolution_running_since)
        values (r.id, r.created_at) returning * into s;
    end if;

    closed := app.status_is_closed(r.status);
    if closed then
        s.waiting_on_requester_since := null;
    end if;
    used := s.resolution_used_seconds
            + case when s.resolution_running_since is not null
                   then app.business_seconds_between(s.resolution_running_since, now()) else 0 end;
    target := t.resolution_minutes::bigint * 60;
    running := not closed and not (pause_waiting and s.waiting_on_requester_since is not null);

    update app.request_sla x
       set first_response_due_at = case when s.first_responded_at is null
                                        then app.add_business_seconds(r.created_at, t.first_response_minutes::bigint * 60)
                                        else s.first_response_due_at end,
           resolution_target_seconds = target,
           resolution_used_seconds = used,
           resolution_running_since = case when running then now() end,
           resolution_due_at = case when target is null then null
                                    when running and target > used then app.add_business_seconds(now(), target - used)
                                    when running then coalesce(s.resolution_due_at, now())
                                    else s.resolution_due_at end,
           waiting_on_requester_since = s.waiting_on_requester_since
     where x.request_id = s.request_id;
end
$$;

create function app.tg_requests__sla() returns trigger
    language plpgsql volatile security definer
    set search_path = pg_catalog, pg_temp
as $$
begin
    if tg_op = 'INSERT' or (new.status, new.priority, new.category)
                           is distinct from (old.status, old.priority, old.category) then
        perform app.sla_refresh(new.id);
    end if;
    return null;
end
$$;

-- A public comment by someone other than the requester is the first response;
-- the requester's own public comment ends a wait on them.
create function app.tg_comments__sla() returns trigger
    language plpgsql volatile security definer
    set search_path = pg_catalog, pg_temp
as $$
declare
    requester uuid := (select r.requester_id from app.requests r where r.id = new.request_id);
begin
    if new.internal then
        return null;
    end if;
    if new.author_id is distinct from requester then
        update app.request_sla s set first_responded_at = new.created_at
         where s.request_id = new.request_id and s.first_responded_at is null;
    else
        update app.request_sla s set waiting_on_requester_since = null
         where s.request_id = new.request_id and s.waiting_on_requester_since is not null;
        if found then
            perform app.sla_refresh(new.request_id);
        end if;
    end if;
    return null;
end
$$;

-- Targets, business hours, holidays or settings changed: recompute every clock still counting.
create function app.tg__sla_recompute_all() returns trigger
    language plpgsql volatile security definer
    set search_path = pg_catalog, pg_temp
as $$
begin
    perform app.sla_refresh(r.id)
       from app.requests r
       join app.statuses st on st.code = r.status
      where not st.is_closed;
    return null;
end
$$;

create trigger requests_450_sla after insert or update on app.requests
    for each row execute function app.tg_requests__sla();
create trigger comments_450_sla after insert on app.comments
    for each row execute function app.tg_comments__sla();
create trigger sla_targets_900_recompute after insert or update or delete on app.sla_targets
    for each statement execute function app.tg__sla_recompute_all();
create trigger business_hours_900_recompute after insert or update or delete on app.business_hours
    for each statement execute function app.tg__sla_recompute_all();
create trigger holidays_900_recompute after insert or update or delete on app.holidays
    for each statement execute function app.tg__sla_recompute_all();
create trigger sla_settings_900_recompute after update on app.sla_settings
    for each statement execute function app.tg__sla_recompute_all();

create policy select_all on app.sla_targets for select using (true);
create policy write_admin on app.sla_targets for all
    using ((select app.current_user_is_admin())) with check ((select app.current_user_is_admin()));
-- As app.request_versions (1200): every API path joins app.requests, whose policies decide.
create policy select_through_requests on app.request_sla for select using (true);

grant select on app.sla_targets, app.request_sla to web_user;
grant select, insert, update, delete on app.sla_targets to reqstly_admin;
grant select on app.request_sla to reqstly_admin;

insert into app.sla_targets (category, priority, first_response_minutes, resolution_minutes)
select c.code, t.priority, t.first_response, t.resolution
  from app.categories c,
       (values ('urgent', 30, 240), ('high', 60, 480), ('normal', 240, 1440), ('low', 480, 2400))
           as t (priority, first_response, resolution);

-- Clocks for the requests filed before clocks existed.
do $$ begin perform app.sla_refresh(r.id) from app.requests r; end $$;
update app.request_sla s
   set first_responded_at = (select min(c.created_at) from app.comments c join app.requests r on r.id = c.request_id
                              where c.request_id = s.request_id and not c.internal
                                and c.author_id is distinct from r.requester_id);

-- Where each clock stands: none (no target, or the request was cancelled),
-- running, at_risk (due within sla_settings.at_risk_minutes), paused
-- (resolution, waiting on the requester), breached or met. Said once here;
-- api.request_sla, api.request_list and metrics.sla_requests use it. Security
-- definer so that the monitoring role, which reads no app table, may call it
-- from the metrics views: it reads only the calendar settings and statuses.
create function app.first_response_state(r app.requests, s app.request_sla) returns text
    language sql stable security definer
    set search_path = pg_catalog, pg_temp
as $$
    select case
        when s.first_response_due_at is null then 'none'
        when s.first_responded_at is not null then
            case when s.first_responded_at <= s.first_response_due_at then 'met' else 'breached' end
        when app.status_is_closed(r.status) then
            case when r.resolved_at is null then 'none'  -- cancelled: nobody is waiting any more
                 when r.resolved_at <= s.first_response_due_at then 'met' else 'breached' end
        when now() > s.first_response_due_at then 'breached'
        when s.first_response_due_at - now()
             < (select o.at_risk_minutes from app.sla_settings o) * interval '1 minute' then 'at_risk'
        else 'running' end
$$;

create function app.resolution_state(r app.requests, s app.request_sla) returns text
    language sql stable security definer
    set search_path = pg_catalog, pg_temp
as $$
    select case
        when s.resolution_target_seconds is null then 'none'
        when app.status_is_closed(r.status) and r.resolved_at is null then 'none'  -- cancelled
        when s.resolution_running_since is not null then
            case when now() > s.resolution_due_at then 'breached'
                 when s.resolution_due_at - now()
                      < (select o.at_risk_minutes from app.sla_settings o) * interval '1 minute' then 'at_risk'
                 else 'running' end
        when s.resolution_used_seconds > s.resolution_target_seconds then 'breached'
        when app.status_is_closed(r.status) then 'met'
        else 'paused' end
$$;

create view api.request_sla with (security_invoker = true) as
    select s.request_id,
           s.first_response_due_at,
           s.first_responded_at,
           app.first_response_state(r, s) as first_response_state,
           s.resolution_due_at,
           r.resolved_at,
           app.resolution_state(r, s) as resolution_state,
           s.resolution_target_seconds,
           s.resolution_used_seconds
               + case when s.resolution_running_since is not null
                      then app.business_seconds_between(s.resolution_running_since, now()) else 0 end
               as resolution_used_seconds,
           s.waiting_on_requester_since
      from app.request_sla s
      join app.requests r on r.id = s.request_id;

-- Whether a request waits on its requester. Runs as the owner, so it checks
-- its caller itself: an agent of the request's category or an admin; anyone
-- else is told the request does not exist, or that only agents may say so.
create function app.set_waiting_on_requester(request_id bigint, waiting boolean) returns void
    language plpgsql volatile security definer
    set search_path = pg_catalog, pg_temp
as $$
declare
    target app.requests;
    me uuid := app.current_user_id();
begin
    select * into target from app.requests r where r.id = set_waiting_on_requester.request_id for update;
    if not found or not (app.current_user_is_admin() or app.acting_as_unmapped_superuser()
                         or target.requester_id = me or app.is_agent_of(me, target.category)) then
        perform app.raise_no_visible_request(request_id);
    end if;
    if not (app.current_user_is_admin() or app.acting_as_unmapped_superuser() or app.is_agent_of(me, target.category)) then
        raise exception 'Only an agent of % or an admin can say request % waits on its requester.',
                target.category, target.key
            using errcode = 'PT403', detail = 'waiting';
    end if;
    if app.status_is_closed(target.status) then
        raise exception 'Request % is %, so it is not waiting on anyone.', target.key, lower(app.status_label(target.status))
            using errcode = 'PT409', detail = 'waiting';
    end if;
    update app.request_sla s
       set waiting_on_requester_since = case when waiting then coalesce(s.waiting_on_requester_since, now()) end
     where s.request_id = set_waiting_on_requester.request_id;
    perform app.sla_refresh(request_id);
    update app.requests r set updated_at = now() where r.id = set_waiting_on_requester.request_id;
end
$$;

create function api.set_waiting_on_requester(request_id bigint, waiting boolean)
    returns setof api.request_sla
    language plpgsql volatile
    set search_path = pg_catalog, pg_temp
as $$
begin
    perform app.require_visible_request(request_id);
    perform app.set_waiting_on_requester(request_id, waiting);
    return query select * from api.request_sla s where s.request_id = set_waiting_on_requester.request_id;
end
$$;

grant execute on function app.status_is_closed(text) to monitoring;  -- metrics.sla_requests
grant execute on function app.first_response_state(app.requests, app.request_sla) to web_user, reqstly_admin, monitoring;
grant execute on function app.resolution_state(app.requests, app.request_sla) to web_user, reqstly_admin, monitoring;
grant execute on function app.set_waiting_on_requester(bigint, boolean) to web_user, reqstly_admin;
grant execute on function api.set_waiting_on_requester(bigint, boolean) to web_user, reqstly_admin;
grant select on api.request_sla to web_user, reqstly_admin;

comment on table app.sla_targets is 'SLA targets in business minutes per category and priority. Edit at psql; running clocks are recomputed.';
comment on table app.request_sla is 'Each request''s SLA clocks, kept by triggers: first-response and resolution due times, business seconds used, waiting on the requester.';
comment on view api.request_sla is 'Both SLA clocks of the requests the caller sees: due times and state (none, running, at_risk, paused, breached, met).';
comment on function api.set_waiting_on_requester(bigint, boolean) is 'An agent says the request waits on its requester (pauses the resolution clock) or no longer does.';
