drop function auth.use_passkey(uuid, bigint, boolean);
drop function auth.passkey_for_sign_in(bytea);
drop function auth.add_passkey(uuid, bytea, bytea, bigint, text[], uuid, boolean, boolean, text);
drop function auth.consume_webauthn_challenge(bytea, bytea, text);
drop function auth.issue_webauthn_challenge(bytea, bytea, text, uuid, interval);
drop function auth.passkey_descriptors(uuid);
drop function auth.webauthn_user(uuid, bytea);
