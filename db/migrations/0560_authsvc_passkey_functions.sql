-- What authsvc may do with passkeys and WebAuthn challenges: EXECUTE on these
-- security definer functions and nothing else (docs/ARCHITECTURE.md, "Schemas"). WebAuthn
-- verification itself (signatures, origin, RP ID, flags) happens in authsvc
-- with py_webauthn; these functions keep the state that must be shared by
-- replicas and changed atomically.

-- The person's WebAuthn user handle, set to `proposed` (random bytes from
-- authsvc) the first time; the one already stored otherwise. With the name
-- and display name the registration options show. No row for a disabled or
-- unknown person.
create function auth.webauthn_user(person uuid, proposed bytea)
    returns table (user_handle bytea, user_name text, display_name text)
    language plpgsql volatile security definer
    set search_path = pg_catalog, pg_temp
as $$
begin
    perform auth.require_authsvc();
    return query
    update app.users u
       set webauthn_user_id = coalesce(u.webauthn_user_id, webauthn_user.proposed)
     where u.id = person and u.disabled_at is null
    returning u.webauthn_user_id, coalesce(u.email, u.display_name), u.display_name;
end
$$;

-- The person's registered credentials, for excludeCredentials.
create function auth.passkey_descriptors(person uuid)
    returns table (credential_id bytea, transports text[])
    language plpgsql stable security definer
    set search_path = pg_catalog, pg_temp
as $$
begin
    perform auth.require_authsvc();
    return query
    select p.credential_id, p.transports
      from auth.passkeys p
     where p.user_id = person
     order by p.created_at;
end
$$;

-- Stores a new challenge (lifetime at most 5 minutes, checked by the table)
-- and deletes expired ones, so abandoned ceremonies do not pile up.
create function auth.issue_webauthn_challenge(
    challenge bytea, binding_hash bytea, purpose text, person uuid, lifetime interval)
    returns void
    language plpgsql volatile security definer
    set search_path = pg_catalog, pg_temp
as $$
begin
    perform auth.require_authsvc();
    delete from auth.webauthn_challenges c where c.expires_at < now();
    insert into auth.webauthn_challenges (challenge, binding_hash, purpose, user_id, expires_at)
    values (issue_webauthn_challenge.challenge, issue_webauthn_challenge.binding_hash,
            issue_webauthn_challenge.purpose, person, now() + lifetime);
end
$$;

-- Uses a challenge once: deleted as it is read, so of two racing verifies
-- exactly one gets the row. Only a challenge issued to this browser (binding)
-- for this purpose matches; another browser's attempt leaves it untouched.
-- No row: unknown, already used, another browser's or another purpose's.
-- `expired` says whether it was found but past its time (then it is gone too).
create function auth.consume_webauthn_challenge(challenge bytea, binding_hash bytea, purpose text)
    returns table (person_id uuid, expired boolean)
    language plpgsql volatile security definer
    set search_path = pg_catalog, pg_temp
as $$
begin
    perform auth.require_authsvc();
    return query
    delete from auth.webauthn_challenges c
     where c.challenge = consume_webauthn_challenge.challenge
       and c.binding_hash = consume_webauthn_challenge.binding_hash
       and c.purpose = consume_webauthn_challenge.purpose
    returning c.user_id, c.expires_at <= now();
end
$$;

-- Adds a verified credential to an enabled person. No row if the person is
-- disabled; unique_violation (23505) if the credential is already registered.
create function auth.add_passkey(
    person uuid,
    credential_id bytea,
    public_key bytea,
    sign_count bigint,
    transports text[],
    aaguid uuid,
    backup_eligible boolean,
    backed_up boolean,
    name text)
    returns table (passkey_id uuid, passkey_name text, created_at timestamptz)
    language plpgsql volatile security definer
    set search_path = pg_catalog, pg_temp
as $$
begin
    perform auth.require_authsvc();
    if not exists (select 1 from app.users u where u.id = person and u.disabled_at is null) then
        return;
    end if;
    return query
    insert into auth.passkeys as p
        (user_id, credential_id, public_key, sign_count, transports, aaguid,
         backup_eligible, backed_up, name)
    values (person, add_passkey.credential_id, add_passkey.public_key, add_passkey.sign_count,
            coalesce(add_passkey.transports, '{}'), add_passkey.aaguid,
            add_passkey.backup_eligible, add_passkey.backed_up, add_passkey.name)
    returning p.id, p.name, p.created_at;
end
$$;

-- The passkey with this credential id and what a sign-in must check about
-- its owner: the user handle, disabled, the last Azure sign-in.
create function auth.passkey_for_sign_in(credential_id bytea)
    returns table (
        passkey_id uuid,
        person_id uuid,
        user_handle bytea,
        public_key bytea,
        sign_count bigint,
        backup_eligible boolean,
        person_disabled boolean,
        last_azure_sign_in_at timestamptz)
    language plpgsql stable security definer
    set search_path = pg_catalog, pg_temp
as $$
begin
    perform auth.require_authsvc();
    return query
    select p.id, u.id, u.webauthn_user_id, p.public_key, p.sign_count, p.backup_eligible,
           u.disabled_at is not null, u.last_azure_sign_in_at
      from auth.passkeys p
      join app.users u on u.id = p.user_id
     where p.credential_id = passkey_for_sign_in.credential_id;
end
$$;

-- Records a verified use: the new sign count (which must go up, or stay 0
-- for an authenticator without a counter), the backed-up flag and the time.
-- False when the count did not go up — a cloned authenticator, or a racing
-- use of the same passkey that got there first — or the passkey is gone.
create function auth.use_passkey(passkey_id uuid, new_sign_count bigint, backed_up boolean)
    returns boolean
    language plpgsql volatile security definer
    set search_path = pg_catalog, pg_temp
as $$
begin
    perform auth.require_authsvc();
    update auth.passkeys p
       set sign_count = new_sign_count, backed_up = use_passkey.backed_up, last_used_at = now()
     where p.id = passkey_id
       and (new_sign_count > p.sign_count or (new_sign_count = 0 and p.sign_count = 0));
    return found;
end
$$;

grant execute on function auth.webauthn_user(uuid, bytea) to authsvc;
grant execute on function auth.passkey_descriptors(uuid) to authsvc;
grant execute on function auth.issue_webauthn_challenge(bytea, bytea, text, uuid, interval) to authsvc;
grant execute on function auth.consume_webauthn_challenge(bytea, bytea, text) to authsvc;
grant execute on function auth.add_passkey(uuid, bytea, bytea, bigint, text[], uuid, boolean, boolean, text) to authsvc;
grant execute on function auth.passkey_for_sign_in(bytea) to authsvc;
grant execute on function auth.use_passkey(uuid, bigint, boolean) to authsvc;

comment on function auth.webauthn_user(uuid, bytea) is 'authsvc: the person''s WebAuthn user handle (created once) and names, for registration options.';
comment on function auth.passkey_descriptors(uuid) is 'authsvc: the person''s credential ids and transports (excludeCredentials).';
comment on function auth.issue_webauthn_challenge(bytea, bytea, text, uuid, interval) is 'authsvc: store a challenge bound to a browser and purpose; expired ones are deleted.';
comment on function auth.consume_webauthn_challenge(bytea, bytea, text) is 'authsvc: use a challenge once (atomically); no row if unknown, used, or another browser''s.';
comment on function auth.add_passkey(uuid, bytea, bytea, bigint, text[], uuid, boolean, boolean, text) is 'authsvc: store a verified new passkey for an enabled person.';
comment on function auth.passkey_for_sign_in(bytea) is 'authsvc: the passkey with a credential id and its owner''s sign-in facts.';
comment on function auth.use_passkey(uuid, bigint, boolean) is 'authsvc: record a verified use; false if the sign count did not go up.';
