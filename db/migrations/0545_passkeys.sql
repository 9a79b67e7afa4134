-- Passkeys (WebAuthn discoverable credentials) a person registered after an
-- Azure sign-in. authsvc adds and uses them through security definer
-- functions (0560); people list, rename and remove their own through
-- api.my_passkeys (0555), which reads this table with column grants and
-- row-level security.
create table auth.passkeys (
    id uuid primary key default gen_random_uuid(),
    user_id uuid not null references app.users (id) on delete cascade,
    credential_id bytea not null,
    public_key bytea not null,
    sign_count bigint not null default 0,
    transports text[] not null default '{}',
    aaguid uuid not null default '00000000-0000-0000-0000-000000000000',
    backup_eligible boolean not null,
    backed_up boolean not null,
    name text not null,
    created_at timestamptz not null default now(),
    last_used_at timestamptz,
    constraint passkeys_credential_id_unique unique (credential_id),
    constraint passkeys_credential_id_length check (octet_length(credential_id) between 16 and 1023),
    constraint passkeys_public_key_present check (octet_length(public_key) between 1 and 2048),
    constraint passkeys_sign_count_range check (sign_count between 0 and 4294967295),
    constraint passkeys_backed_up_needs_eligible check (backup_eligible or not backed_up),
    constraint passkeys_name_length check (char_length(name) between 1 and 100)
);

alter table auth.passkeys enable row level security;

-- api.my_passkeys, the *_own policies and excludeCredentials: a person's passkeys.
create index passkeys_user_id_idx on auth.passkeys (user_id);
-- (The unique constraint's index serves the sign-in lookup by credential id.)

-- Names are for people: trimmed, 1–100 characters, no control characters;
-- refused with a sentence and the field in details (PostgREST → 400).
create function auth.tg_passkeys__validate() returns trigger
    language plpgsql
    set search_path = pg_catalog, pg_temp
as $$
begin
    new.name := btrim(coalesce(new.name, ''));
    if new.name = '' then
        raise exception 'Give the passkey a name.' using errcode = '23514', detail = 'name';
    end if;
    if char_length(new.name) > 100 then
        raise exception 'The name is % characters long; keep a passkey''s name to 100.', char_length(new.name)
            using errcode = '23514', detail = 'name';
    end if;
    if new.name ~ '[[:cntrl:]]' then
        raise exception 'A passkey''s name cannot contain line breaks or control characters.'
            using errcode = '23514', detail = 'name';
    end if;
    return new;
end
$$;

-- Removing a passkey ends the owner's other sessions (docs/ARCHITECTURE.md): a lost
-- device may have been signed in. The session making the request, named by
-- the JWT's sid, stays; at psql (no sid) every session ends. Security
-- definer because people may not end sessions directly; the caller is
-- checked by the delete itself (row-level security lets only the owner
-- remove a passkey), and only the deleted passkey's owner is affected.
create function auth.tg_passkeys__end_other_sessions() returns trigger
    language plpgsql volatile security definer
    set search_path = pg_catalog, pg_temp
as $$
declare
    claims text := nullif(pg_catalog.current_setting('request.jwt.claims', true), '');
    current_sid text := case when claims is null then null else claims::json ->> 'sid' end;
begin
    perform app.revoke_sessions_of(
        old.user_id,
        'passkey removed',
        case when current_sid ~* '^[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}$' then current_sid::uuid end);
    return null;
end
$$;

create trigger passkeys_200_validate before insert or update of name on auth.passkeys
    for each row execute function auth.tg_passkeys__validate();
create trigger passkeys_500_end_other_sessions after delete on auth.passkeys
    for each row execute function auth.tg_passkeys__end_other_sessions();

create policy select_own on auth.passkeys for select
    using (user_id = (select app.current_user_id()));
create policy update_own on auth.passkeys for update
    using (user_id = (select app.current_user_id()))
    with check (user_id = (select app.current_user_id()));
create policy delete_own on auth.passkeys for delete
    using (user_id = (select app.current_user_id()));

-- What api.my_passkeys shows, the name to rename, and removal. Keys, counts
-- and flags are never granted: they change only through authsvc's functions.
grant select (id, user_id, name, created_at, last_used_at, backed_up) on auth.passkeys to web_user;
grant update (name) on auth.passkeys to web_user;
grant delete on auth.passkeys to web_user;

comment on table auth.passkeys is 'WebAuthn discoverable credentials (passkeys); added and used by authsvc, listed/renamed/removed by their owner through api.my_passkeys.';
comment on column auth.passkeys.sign_count is 'The authenticator''s signature counter at the last use; a sign-in must raise it (0 stays 0 for synced passkeys).';
comment on column auth.passkeys.backup_eligible is 'BE flag at registration: checked on every sign-in (it never changes for a credential).';
comment on column auth.passkeys.backed_up is 'BS flag at the last use: whether the passkey is synced (shown to the person).';
