-- The WebAuthn user handle of each person (docs/ARCHITECTURE.md): random bytes that the
-- authenticator stores with a discoverable credential and hands back at
-- sign-in. Never the database id or the email, so a passkey reveals nothing
-- about who its owner is. Created by authsvc at a person's first passkey
-- registration (auth.webauthn_user_handle); expand-only, no backfill needed.
alter table app.users
    add column webauthn_user_id bytea,
    add constraint users_webauthn_user_id_unique unique (webauthn_user_id),
    add constraint users_webauthn_user_id_length
        check (webauthn_user_id is null or octet_length(webauthn_user_id) between 16 and 64);

-- The unique constraint's index serves the sign-in check of a userHandle
-- against the owner of the presented credential.

comment on column app.users.webauthn_user_id is
    'WebAuthn user handle (random, 16–64 bytes): what a passkey names as its owner. Never granted to web roles.';
