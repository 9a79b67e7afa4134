-- Back to 1230's day-by-day calendar walk and 1240's insert-then-update clock.

create or replace function app.add_business_seconds(start timestamptz, seconds bigint) returns timestamptz
    language plpgsql stable
    set search_path = pg_catalog, pg_temp
as $$
declare
    zone text := (select s.time_zone from app.sla_settings s);
    remaining numeric := greatest(seconds, 0);
    on_day date := (start at time zone zone)::date;
    window_start timestamptz;
    window_end timestamptz;
    available numeric;
    hours record;
begin
    for i in 0 .. 730 loop
        if not exists (select 1 from app.holidays o where o.day = on_day) then
            for hours in select h.opens, h.closes from app.business_hours h
                          where h.weekday = extract(isodow from on_day) order by h.opens loop
                window_start := greatest(start, (on_day + hours.opens) at time zone zone);
                window_end := (on_day + hours.closes) at time zone zone;
                if window_end > window_start then
                    available := extract(epoch from window_end - window_start);
                    if remaining <= available then
                        return window_start + remaining * interval '1 second';
                    end if;
                    remaining := remaining - available;
                end if;
            end loop;
        end if;
        on_day := on_day + 1;
    end loop;
    return null;
end
$$;
create or replace function app.sla_refresh(request_id bigint) returns void
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
