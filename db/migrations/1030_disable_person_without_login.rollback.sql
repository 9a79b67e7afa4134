-- Back to the definitions of 0420_admin.sql (a missing login role fails the call again).

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
    if login is not null then
        execute format('alter role %I nologin', login);
    end if;
end
$$;
comment on function app.disable_person(uuid) is 'Ends every session of the person, refuses their sign-in and their psql login.';

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
    if login is not null then
        execute format('alter role %I login', login);
    end if;
end
$$;
