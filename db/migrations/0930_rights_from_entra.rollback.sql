drop view api.people;
create view api.people with (security_invoker = true) as
    select u.id, u.display_name,
           case when u.id = app.current_user_id()
                     or app.current_user_is_admin()
                     or cardinality(app.current_agent_categories()) > 0
                then u.email end as email,
           array(select tm.category from app.team_members tm
                  where tm.user_id = u.id order by tm.category) as agent_categories,
           case when app.current_user_is_admin() then u.is_admin end as is_admin,
           case when app.current_user_is_admin() then u.disabled_at end as disabled_at
      from app.users u;
grant select on api.people to web_user, reqstly_admin;

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

    if manage_rights then
        update app.users u set is_admin = upsert_azure_person.is_admin
         where u.id = person and u.is_admin is distinct from upsert_azure_person.is_admin;
        delete from app.team_members tm
         where tm.user_id = person and tm.category <> all (coalesce(agent_categories, '{}'));
        insert into app.team_members (user_id, category)
        select person, c.code
          from app.categories c
         where c.code = any (coalesce(agent_categories, '{}'))
        on conflict do nothing;
    end if;

    return query select person, false;
end
$$;

drop trigger team_members_200_guard_entra_rights on app.team_members;
drop trigger users_200_guard_entra_rights on app.users;
drop function app.tg_team_members__guard_entra_rights();
drop function app.tg_users__guard_entra_rights();
drop function app.refuse_change_of_entra_rights(uuid);
drop function app.entra_rights_sync_of(uuid);

alter table app.users drop column rights_from_entra;
