-- The working calendar SLA clocks run on: business hours per weekday,
-- holidays, the organisation's time zone (ADR 0018). All of it is data an
-- admin edits at psql; changing it recomputes the running clocks (1240).
create table app.sla_settings (
    id boolean primary key default true
        constraint sla_settings_one_row check (id),
    time_zone text not null default 'UTC',
    at_risk_minutes integer not null default 60
        constraint sla_settings_at_risk_positive check (at_risk_minutes > 0),
    pause_while_waiting_on_requester boolean not null default true
);

create table app.business_hours (
    weekday smallint not null
        constraint business_hours_weekday_iso check (weekday between 1 and 7),
    opens time not null,
    closes time not null,
    primary key (weekday, opens),
    constraint business_hours_opens_before_closes check (opens < closes)
);

create table app.holidays (
    day date primary key,
    name text not null
        constraint holidays_name_present check (char_length(btrim(name)) between 1 and 100)
);

alter table app.sla_settings enable row level security;
alter table app.business_hours enable row level security;
alter table app.holidays enable row level security;

-- A time zone PostgreSQL does not know would break every clock: refuse it in words.
create function app.tg_sla_settings__validate() returns trigger
    language plpgsql volatile
    set search_path = pg_catalog, pg_temp
as $$
begin
    if not exists (select 1 from pg_catalog.pg_timezone_names z where z.name = new.time_zone) then
        raise exception 'There is no time zone "%"; use a name such as Europe/Berlin.', new.time_zone
            using errcode = '22023', detail = 'time_zone';
    end if;
    return new;
end
$$;

create trigger sla_settings_200_validate before insert or update on app.sla_settings
    for each row execute function app.tg_sla_settings__validate();

create policy select_all on app.sla_settings for select using (true);
create policy select_all on app.business_hours for select using (true);
create policy select_all on app.holidays for select using (true);
create policy write_admin on app.sla_settings for all
    using ((select app.current_user_is_admin())) with check ((select app.current_user_is_admin()));
create policy write_admin on app.business_hours for all
    using ((select app.current_user_is_admin())) with check ((select app.current_user_is_admin()));
create policy write_admin on app.holidays for all
    using ((select app.current_user_is_admin())) with check ((select app.current_user_is_admin()));

grant select on app.sla_settings, app.business_hours, app.holidays to web_user;
grant select, insert, update, delete on app.sla_settings, app.business_hours, app.holidays to reqstly_admin;

insert into app.sla_settings default values;
insert into app.business_hours (weekday, opens, closes)
select d, '09:00', '17:00' from generate_series(1, 5) d;

-- Business seconds in [from_time, to_time): the overlap with every business
-- window of every working day in between, in the organisation's time zone.
create function app.business_seconds_between(from_time timestamptz, to_time timestamptz) returns bigint
    language sql stable
    set search_path = pg_catalog, pg_temp
as $$
    with tz as (select s.time_zone from app.sla_settings s)
    select coalesce(pg_catalog.sum(greatest(0::numeric, extract(epoch from
               least(to_time, (d.day + h.closes) at time zone tz.time_zone)
               - greatest(from_time, (d.day + h.opens) at time zone tz.time_zone)))), 0)::bigint
      from tz,
           lateral (select g::date as day
                      from pg_catalog.generate_series((from_time at time zone tz.time_zone)::date,
                                                      (to_time at time zone tz.time_zone)::date,
                                                      interval '1 day') g) d
      join app.business_hours h on h.weekday = extract(isodow from d.day)
     where from_time < to_time
       and not exists (select 1 from app.holidays o where o.day = d.day)
$$;

-- The moment `seconds` of business time after `start`; null if the calendar
-- has no business hours in the next two years.
create function app.add_business_seconds(start timestamptz, seconds bigint) returns timestamptz
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

-- api.request_sla adds the running part of a clock as the caller; the due
-- times are computed inside app.sla_refresh (security definer).
grant execute on function app.business_seconds_between(timestamptz, timestamptz) to web_user, reqstly_admin;

comment on table app.sla_settings is 'One row: the time zone of business hours and holidays, how close to its due time a request is "at risk", and whether waiting on the requester pauses the resolution clock.';
comment on table app.business_hours is 'Business windows per ISO weekday (1 = Monday) in sla_settings.time_zone; several windows a day are allowed (a lunch break).';
comment on table app.holidays is 'Days without business hours.';
comment on function app.business_seconds_between(timestamptz, timestamptz) is 'Business seconds between two instants (business hours minus holidays).';
comment on function app.add_business_seconds(timestamptz, bigint) is 'The instant a number of business seconds after start.';
