-- A login role may be missing from the cluster: after a restore into a new
-- cluster made from a logical dump, before docs/RUNBOOK.md's "Restore" has
-- recreated the roles from roles.sql. Disabling someone who leaves must work
-- regardless: the person is disabled and their sessions end; the missing
-- login is reported with a warning instead of failing the whole call.
-- Replaces app.disable_person and app.enable_person of 0420_admin.sql.

create or replace function app.disable_person(person uuid) returns void
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
    if login is null then
        return;
    end if;
    if exists (select 1 from pg_catalog.pg_roles r where r.rolname = login) then
        execute format('alter role %I nologin', login);
    else
        raise warning 'The psql login role % does not exist in this cluster; the person is disabled, there is no login to close.', login
            using hint = 'After a restore, recreate the roles from the backup''s roles.sql (docs/RUNBOOK.md, Restore).';
    end if;
end
$$;
comment on function app.disable_person(uuid) is 'Ends every session of the person, refuses their sign-in and their psql login (a missing login role is reported, not an error).';

create or replace function app.enable_person(person uuid) returns void
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
    if login is null then
        return;
    end if;
    if exists (select 1 from pg_catalog.pg_roles r where r.rolname = login) then
        execute format('alter role %I login', login);
    else
        raise warning 'The psql login role % does not exist in this cluster; the person can sign in to the app, give them a psql login again with app.create_admin_login.', login;
    end if;
end
$$;
comment on function app.enable_person(uuid) is 'Lets the person sign in again and reopens their psql login (a missing login role is reported, not an error).';
