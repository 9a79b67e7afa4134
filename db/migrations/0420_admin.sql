-- What admins do to people: psql logins, disabling, the admin flag.
-- Each function checks its caller first: an admin, or a superuser at psql.

create function app.require_admin() returns void
    language plpgsql stable security definer
    set search_path = pg_catalog, pg_temp
as $$
begin
    if not (app.current_user_is_admin() or app.acting_as_unmapped_superuser()) then
        raise exception 'Only an admin can do this.' using errcode = '42501';
    end if;
end
$$;

create function app.create_admin_login(person uuid, role_name text) returns void
    language plpgsql volatile security definer
    set search_path = pg_catalog, pg_temp
as $$
declare
    existing pg_catalog.pg_roles;
begin
    perform app.require_admin();
    if role_name is null or role_name !~ '^[a-z_][a-z0-9_]{2,62}$' then
        raise exception 'A login role name is 3–63 lowercase letters, digits or underscores, not starting with a digit.'
            using errcode = '22023', detail = 'role_name';
    end if;
    if not exists (select 1 from app.users u where u.id = person and u.disabled_at is null) then
        raise exception 'There is no enabled person %.', person using errcode = 'PT404', detail = 'person';
    end if;
    select * into existing from pg_catalog.pg_roles r where r.rolname = role_name;
    if found and (existing.rolsuper or role_name in ('authenticator', 'web_anon', 'web_user', 'authsvc',
                                                     'reqstly_admin', 'monitoring')
                  or exists (select 1 from app.users u where u.db_role = role_name and u.id <> person)) then
        raise exception 'The role % is already used for something else; choose another name.', role_name
            using errcode = '22023', detail = 'role_name';
    end if;
    if not found then
        execute format('create role %I login', role_name);
    end if;
    execute format('alter role %I login', role_name);
    execute format('grant reqstly_admin to %I', role_name);
    update app.users u set is_admin = true, db_role = role_name where u.id = person;
end
$$;
comment on function app.create_admin_login(uuid, text) is 'Makes the person an admin and gives them a psql login role (set its password with \password).';

create function app.set_admin(person uuid, make_admin boolean) returns void
    language plpgsql volatile security definer
    set search_path = pg_catalog, pg_temp
as $$
begin
    perform app.require_admin();
    perform 1 from app.users u where u.id = person for update;
    if not found then
        raise exception 'There is no person %.', person using errcode = 'PT404', detail = 'person_id';
    end if;
    if not make_admin and not exists (select 1 from app.users u
                                       where u.is_admin and u.disabled_at is null and u.id <> person) then
        raise exception 'This is the last admin; make someone else an admin first.' using errcode = 'PT409';
    end if;
    update app.users u set is_admin = make_admin where u.id = person;
end
$$;

create function app.disable_person(person uuid) returns void
    language plpgsql volatile security definer
    set search_path = pg_catalog, pg_temp
as $$
declare
    login name;
begin
    perform app.require_admin();
    if person = app.current_user_id() then
        raise exception 'You cannot disable yourself; ask another admin.' using errcode = 'PT409';
    end if;
    update app.users u set disabled_at = coalesce(u.disabled_at, now())
     where u.id = person
    returning u.db_role into login;
    if not found then
        raise exception 'There is no person %.', person using errcode = 'PT404', detail = 'person_id';
    end if;
    perform app.revoke_sessions_of(person, 'person disabled');
    if login is not null then
        execute format('alter role %I nologin', login);
    end if;
end
$$;
comment on function app.disable_person(uuid) is 'Ends every session of the person, refuses their sign-in and their psql login.';

create function app.enable_person(person uuid) returns void
    language plpgsql volatile security definer
    set search_path = pg_catalog, pg_temp
as $$
declare
    login name;
begin
    perform app.require_admin();
    update app.users u set disabled_at = null where u.id = person returning u.db_role into login;
    if not found then
        raise exception 'There is no person %.', person using errcode = 'PT404', detail = 'person_id';
    end if;
    if login is not null then
        execute format('alter role %I login', login);
    end if;
end
$$;

-- The same, for the admin screens through PostgREST.
create function api.set_admin(person_id uuid, is_admin boolean) returns void
    language sql volatile
    set search_path = pg_catalog, pg_temp
as $$ select app.set_admin(person_id, is_admin) $$;

create function api.disable_person(person_id uuid) returns void
    language sql volatile
    set search_path = pg_catalog, pg_temp
as $$ select app.disable_person(person_id) $$;

create function api.enable_person(person_id uuid) returns void
    language sql volatile
    set search_path = pg_catalog, pg_temp
as $$ select app.enable_person(person_id) $$;

grant execute on function app.require_admin() to web_user, reqstly_admin;
grant execute on function app.create_admin_login(uuid, text) to reqstly_admin;
grant execute on function app.set_admin(uuid, boolean) to web_user, reqstly_admin;
grant execute on function app.disable_person(uuid) to web_user, reqstly_admin;
grant execute on function app.enable_person(uuid) to web_user, reqstly_admin;
grant execute on function api.set_admin(uuid, boolean) to web_user;
grant execute on function api.disable_person(uuid) to web_user;
grant execute on function api.enable_person(uuid) to web_user;
