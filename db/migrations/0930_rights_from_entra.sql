-- Who decides a person's rights, said in SQL (issue #12).
--
-- When authsvc maps Entra ID app roles to rights (REQSTLY_AZURE_ROLE_MAP is
-- set), every Azure sign-in rewrites the person's admin flag and agent
-- memberships (auth.upsert_azure_person, manage_rights = true). An admin's
-- change made in the admin screen or at psql was accepted and then silently
-- undone at that person's next sign-in. Now:
--
-- * app.users.rights_from_entra records, at each Azure sign-in, whether
--   Entra decides this person's rights (true while the mapping is on);
-- * a change to is_admin or team_members of such a person is refused with a
--   sentence saying where to make it — for set_admin, create_admin_login,
--   the admin screen's team-member calls and plain SQL at psql alike —
--   unless it is the sign-in's own rewrite (below);
-- * api.people shows admins the flag, so the screen can say so up front.
--
-- The sign-in's rewrite is recognised by a transaction-local marker naming
-- the person, honoured only when the acting role is authsvc (or a
-- superuser: migrations, tests): a reqstly_admin psql login cannot fake it.

alter table app.users add column rights_from_entra boolean not null default false;

comment on column app.users.rights_from_entra is
    'True while Entra ID app roles decide this person''s admin flag and agent categories (authsvc''s role mapping is on); set at each Azure sign-in. Other changes to those rights are refused.';

grant select (rights_from_entra) on app.users to web_user;

-- Whether the running statement is the Azure sign-in rewriting `person`'s rights.
create function app.entra_rights_sync_of(person uuid) returns boolean
    language sql stable security definer
    set search_path = pg_catalog, pg_temp
as $$
    select pg_catalog.current_setting('reqstly.entra_rights_sync', true) = person::text
       and (pg_catalog.pg_has_role(app.acting_role(), 'authsvc', 'member')
            or coalesce((select r.rolsuper from pg_catalog.pg_roles r where r.rolname = app.acting_role()), false))
$$;

create function app.refuse_change_of_entra_rights(person uuid) returns void
    language plpgsql stable security definer
    set search_path = pg_catalog, pg_temp
as $$
declare
    name text;
begin
    select u.display_name into name from app.users u where u.id = person and u.rights_from_entra;
    if found and not app.entra_rights_sync_of(person) then
        raise exception '%''s rights come from their Entra ID app roles, so they cannot be changed in Reqstly.', name
            using errcode = 'PT409', detail = 'person_id',
                  hint = 'Change their app role assignment in Entra ID; Reqstly applies it at their next sign-in.';
    end if;
end
$$;

create function app.tg_users__guard_entra_rights() returns trigger
    language plpgsql volatile security definer
    set search_path = pg_catalog, pg_temp
as $$
begin
    if new.is_admin is distinct from old.is_admin then
        perform app.refuse_change_of_entra_rights(old.id);
    end if;
    return new;
end
$$;

create function app.tg_team_members__guard_entra_rights() returns trigger
    language plpgsql volatile security definer
    set search_path = pg_catalog, pg_temp
as $$
begin
    perform app.refuse_change_of_entra_rights(case when tg_op = 'DELETE' then old.user_id else new.user_id end);
    return case when tg_op = 'DELETE' then old else new end;
end
$$;

create trigger users_200_guard_entra_rights before update of is_admin on app.users
    for each row execute function app.tg_users__guard_entra_rights();
create trigger team_members_200_guard_entra_rights before insert or delete on app.team_members
    for each row execute function app.tg_team_members__guard_entra_rights();

comment on function app.refuse_change_of_entra_rights(uuid) is
    'Refuses (PT409) a change to the rights of a person whose rights come from Entra ID, except the sign-in''s own rewrite.';

-- The newest definition (0530), plus: record rights_from_entra, and mark the
-- rewrite of mapped rights as the sign-in's own.
create or replace function auth.upsert_azure_person(
    tenant_id uuid,
    object_id uuid,
    display_name text,
    email text,
    manage_rights boolean,
    is_admin boolean,
    agent_categories text[]
) returns table (person_id uuid, disabled boolean)
    language plpgsql volatile security definer
    set search_path = pg_catalog, pg_temp
as $$
declare
    person uuid;
    disabled_since timestamptz;
begin
    perform auth.require_authsvc();

    select u.id, u.disabled_at into person, disabled_since
      from app.users u
     where u.tenant_id = upsert_azure_person.tenant_id and u.object_id = upsert_azure_person.object_id
       for update;
    if disabled_since is not null then
        return query select person, true;
        return;
    end if;

    insert into app.users as u (tenant_id, object_id, display_name, email, last_azure_sign_in_at)
    values (upsert_azure_person.tenant_id, upsert_azure_person.object_id,
            upsert_azure_person.display_name, upsert_azure_person.email, now())
    on conflict on constraint users_identity_unique do update
        set display_name = excluded.display_name,
            email = excluded.email,
            last_azure_sign_in_at = excluded.last_azure_sign_in_at
    returning u.id into person;

    update app.users u set rights_from_entra = coalesce(manage_rights, false)
     where u.id = person and u.rights_from_entra is distinct from coalesce(manage_rights, false);

    if manage_rights then
        perform pg_catalog.set_config('reqstly.entra_rights_sync', person::text, true);
        update app.users u set is_admin = upsert_azure_person.is_admin
         where u.id = person and u.is_admin is distinct from upsert_azure_person.is_admin;
        delete from app.team_members tm
         where tm.user_id = person and tm.category <> all (coalesce(agent_categories, '{}'));
        insert into app.team_members (user_id, category)
        select person, c.code
          from app.categories c
         where c.code = any (coalesce(agent_categories, '{}'))
        on conflict do nothing;
        perform pg_catalog.set_config('reqstly.entra_rights_sync', '', true);
    end if;

    return query select person, false;
end
$$;

-- Admins see whose rights come from Entra (the admin screen says so).
create or replace view api.people with (security_invoker = true) as
    select u.id, u.display_name,
           case when u.id = app.current_user_id()
                     or app.current_user_is_admin()
                     or cardinality(app.current_agent_categories()) > 0
                then u.email end as email,
           array(select tm.category from app.team_members tm
                  where tm.user_id = u.id order by tm.category) as agent_categories,
           case when app.current_user_is_admin() then u.is_admin end as is_admin,
           case when app.current_user_is_admin() then u.disabled_at end as disabled_at,
           case when app.current_user_is_admin() then u.rights_from_entra end as rights_from_entra
      from app.users u;
