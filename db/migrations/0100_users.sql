-- People. Identified by their Azure tenant + object id, never by email.
create table app.users (
    id uuid primary key default gen_random_uuid(),
    tenant_id uuid not null,
    object_id uuid not null,
    display_name text not null,
    email text,
    is_admin boolean not null default false,
    db_role name,
    disabled_at timestamptz,
    last_azure_sign_in_at timestamptz,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    constraint users_identity_unique unique (tenant_id, object_id),
    constraint users_db_role_unique unique (db_role),
    constraint users_display_name_present
        check (char_length(btrim(display_name)) between 1 and 200 and display_name !~ '[[:cntrl:]]'),
    constraint users_email_shape check (email is null or email ~ '^[^@[:space:]]+@[^@[:space:]]+$')
);

alter table app.users enable row level security;

-- scripts/dev token and the psql guide look people up by email.
create index users_email_idx on app.users (lower(email));

comment on table app.users is 'People who use Reqstly. Rights are data: is_admin here, agent rights in app.team_members.';
comment on column app.users.db_role is 'The psql login role mapped to this person (app.create_admin_login).';
comment on column app.users.disabled_at is 'Set by app.disable_person: a disabled person sees nothing and cannot sign in.';

-- Who is acting. Under PostgREST the role is web_user/web_anon and the person
-- is the JWT's sub; at a psql prompt it is the person mapped to the login role.
create function app.acting_role() returns text
    language sql stable
    set search_path = pg_catalog, pg_temp
as $$
    select coalesce(nullif(pg_catalog.current_setting('role', true), 'none'), session_user::text)
$$;

create function app.current_user_id() returns uuid
    language plpgsql stable security definer
    set search_path = pg_catalog, pg_temp
as $$
declare
    acting text := app.acting_role();
    claims text;
    person uuid;
begin
    if acting in ('web_user', 'web_anon') then
        claims := nullif(pg_catalog.current_setting('request.jwt.claims', true), '');
        if claims is null then
            return null;
        end if;
        -- api.pre_request has already refused a token whose session or person is gone.
        return nullif(claims::json ->> 'sub', '')::uuid;
    end if;
    select u.id into person
      from app.users u
     where u.db_role = acting and u.disabled_at is null;
    return person;
end
$$;

-- A superuser at psql with no mapped person acts with admin rights, recorded
-- as that database role with no person.
create function app.acting_as_unmapped_superuser() returns boolean
    language sql stable security definer
    set search_path = pg_catalog, pg_temp
as $$
    select app.current_user_id() is null
       and coalesce((select r.rolsuper from pg_catalog.pg_roles r where r.rolname = app.acting_role()), false)
$$;

create function app.current_user_is_admin() returns boolean
    language sql stable security definer
    set search_path = pg_catalog, pg_temp
as $$
    select coalesce(
        (select u.is_admin from app.users u where u.id = app.current_user_id() and u.disabled_at is null),
        false)
$$;

create function app.tg__set_updated_at() returns trigger
    language plpgsql
    set search_path = pg_catalog, pg_temp
as $$
begin
    new.updated_at := now();
    return new;
end
$$;

create trigger users_100_timestamps before update on app.users
    for each row execute function app.tg__set_updated_at();

create policy select_self on app.users for select
    using (id = (select app.current_user_id()));
create policy select_all_admin on app.users for select
    using ((select app.current_user_is_admin()));
create policy update_admin on app.users for update
    using ((select app.current_user_is_admin()));

grant select (id, display_name, email, is_admin, disabled_at) on app.users to web_user;
grant select on app.users to reqstly_admin;
grant update (display_name) on app.users to reqstly_admin;

grant execute on function app.acting_role() to web_user, web_anon, reqstly_admin, authsvc;
grant execute on function app.current_user_id() to web_user, web_anon, reqstly_admin;
grant execute on function app.acting_as_unmapped_superuser() to web_user, reqstly_admin;
grant execute on function app.current_user_is_admin() to web_user, web_anon, reqstly_admin;

comment on function app.current_user_id() is 'The person acting: the JWT sub under PostgREST, the mapped person under psql, else null.';
