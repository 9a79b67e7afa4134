-- Every sign-in, failed sign-in and sign-out (docs/ARCHITECTURE.md): who, how, with what
-- result, from where, and the correlation id that ties it to the log lines.
create table auth.login_events (
    id bigint generated always as identity primary key,
    at timestamptz not null default now(),
    user_id uuid references app.users (id) on delete set null,
    method text not null
        constraint login_events_method_known check (method in ('azure', 'passkey', 'dev')),
    result text not null
        constraint login_events_result_known
            check (result in ('success', 'failure', 'rate_limited', 'refused', 'sign_out')),
    reason text
        constraint login_events_reason_length check (char_length(reason) <= 200),
    ip inet,
    user_agent text
        constraint login_events_user_agent_length check (char_length(user_agent) <= 500),
    correlation_id text
        constraint login_events_correlation_id_length check (char_length(correlation_id) <= 100)
);

alter table auth.login_events enable row level security;

-- An admin reading one person's recent sign-ins.
create index login_events_user_at_idx on auth.login_events (user_id, at desc);
-- Failures and rate limits over time (investigations, dashboards).
create index login_events_at_idx on auth.login_events (at desc);

create policy select_all_admin on auth.login_events for select
    using ((select app.current_user_is_admin()));

grant select on auth.login_events to reqstly_admin;

comment on table auth.login_events is 'Sign-ins, failures and sign-outs, written by authsvc through auth.record_login_event.';

-- True when the session's login role is authsvc (or a superuser, for
-- migrations and tests): the first line of every function authsvc calls.
create function auth.require_authsvc() returns void
    language plpgsql stable security definer
    set search_path = pg_catalog, pg_temp
as $$
begin
    if not (pg_catalog.pg_has_role(session_user, 'authsvc', 'member')
            or coalesce((select r.rolsuper from pg_catalog.pg_roles r where r.rolname = session_user), false)) then
        raise exception 'Only the sign-in service may call this function.' using errcode = '42501';
    end if;
end
$$;

create function auth.record_login_event(
    person uuid,
    method text,
    result text,
    reason text,
    ip inet,
    user_agent text,
    correlation_id text
) returns void
    language plpgsql volatile security definer
    set search_path = pg_catalog, pg_temp
as $$
begin
    perform auth.require_authsvc();
    insert into auth.login_events (user_id, method, result, reason, ip, user_agent, correlation_id)
    values (person, method, result, left(reason, 200), ip, left(user_agent, 500), left(correlation_id, 100));
end
$$;

grant execute on function auth.require_authsvc() to authsvc;
grant execute on function auth.record_login_event(uuid, text, text, text, inet, text, text) to authsvc;

comment on function auth.record_login_event(uuid, text, text, text, inet, text, text) is
    'authsvc: record a sign-in, a failure or a sign-out.';
