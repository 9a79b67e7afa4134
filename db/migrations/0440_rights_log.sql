-- Who changed whose rights, and when: agent memberships, the admin flag,
-- psql logins, disabling. Requests have their own hash-chained trail
-- (0300_audit); this log is for people and, like it, append-only.
create table app.rights_log (
    id bigint generated always as identity primary key,
    at timestamptz not null default clock_timestamp(),
    actor_id uuid references app.users (id),
    actor_role text not null,
    person_id uuid not null references app.users (id),
    change text not null
        constraint rights_log_change_known check (change in (
            'agent_added', 'agent_removed', 'admin_granted', 'admin_revoked',
            'psql_login_linked', 'disabled', 'enabled')),
    category text,
    correlation_id text
);

alter table app.rights_log enable row level security;

-- An admin's view of one person's history (person_id=eq.…&order=at.desc).
create index rights_log_person_idx on app.rights_log (person_id, at desc);

create function app.log_rights_change(person uuid, change text, category text default null)
    returns void
    language sql volatile security definer
    set search_path = pg_catalog, pg_temp
as $$
    insert into app.rights_log (actor_id, actor_role, person_id, change, category, correlation_id)
    values (app.current_user_id(), app.acting_role(), person, change, category,
            nullif(pg_catalog.current_setting('reqstly.correlation_id', true), ''))
$$;

create function app.tg_team_members__log() returns trigger
    language plpgsql security definer
    set search_path = pg_catalog, pg_temp
as $$
begin
    if tg_op = 'INSERT' then
        perform app.log_rights_change(new.user_id, 'agent_added', new.category);
    else
        perform app.log_rights_change(old.user_id, 'agent_removed', old.category);
    end if;
    return null;
end
$$;

create function app.tg_users__log_rights() returns trigger
    language plpgsql security definer
    set search_path = pg_catalog, pg_temp
as $$
begin
    if new.is_admin is distinct from old.is_admin then
        perform app.log_rights_change(new.id, case when new.is_admin then 'admin_granted' else 'admin_revoked' end);
    end if;
    if new.db_role is distinct from old.db_role and new.db_role is not null then
        perform app.log_rights_change(new.id, 'psql_login_linked');
    end if;
    if (new.disabled_at is null) is distinct from (old.disabled_at is null) then
        perform app.log_rights_change(new.id, case when new.disabled_at is null then 'enabled' else 'disabled' end);
    end if;
    return null;
end
$$;

create trigger team_members_500_log after insert or delete on app.team_members
    for each row execute function app.tg_team_members__log();
create trigger users_500_log_rights after update on app.users
    for each row execute function app.tg_users__log_rights();
create trigger rights_log_100_append_only before update or delete on app.rights_log
    for each row execute function app.tg_audit_log__refuse_change();
create trigger rights_log_100_no_truncate before truncate on app.rights_log
    for each statement execute function app.tg_audit_log__refuse_change();

create policy select_all_admin on app.rights_log for select
    using ((select app.current_user_is_admin()));

create view api.rights_history with (security_invoker = true) as
    select l.id, l.at, l.actor_id, l.actor_role, l.person_id, l.change, l.category
      from app.rights_log l;

grant select on app.rights_log to web_user, reqstly_admin;
grant select on api.rights_history to web_user, reqstly_admin;
grant execute on function app.log_rights_change(uuid, text, text) to web_user, reqstly_admin, authsvc;

comment on table app.rights_log is 'Append-only record of changes to people''s rights (agent memberships, admin flag, psql logins, disabling). Admins only.';
comment on view api.rights_history is 'Admins: who changed whose rights, and when.';
