-- WebAuthn challenges in flight (docs/ARCHITECTURE.md). Each is random, lives at most
-- five minutes, is bound to the browser that asked (the SHA-256 of the
-- random token in its __Host-reqstly_webauthn cookie), to its purpose, and
-- for a registration to the signed-in person. auth.consume_webauthn_challenge
-- deletes it as it reads it, so two racing verifies cannot both win.
create table auth.webauthn_challenges (
    challenge bytea primary key
        constraint webauthn_challenges_challenge_length check (octet_length(challenge) between 16 and 64),
    binding_hash bytea not null
        constraint webauthn_challenges_binding_is_sha256 check (octet_length(binding_hash) = 32),
    purpose text not null
        constraint webauthn_challenges_purpose_known check (purpose in ('register', 'login')),
    user_id uuid references app.users (id) on delete cascade,
    created_at timestamptz not null default now(),
    expires_at timestamptz not null,
    constraint webauthn_challenges_registration_has_person
        check ((purpose = 'register') = (user_id is not null)),
    constraint webauthn_challenges_short_lived
        check (expires_at > created_at and expires_at <= created_at + interval '5 minutes')
);

alter table auth.webauthn_challenges enable row level security;

-- Clean-up of expired challenges in auth.issue_webauthn_challenge.
create index webauthn_challenges_expires_at_idx on auth.webauthn_challenges (expires_at);
-- (The primary key serves auth.consume_webauthn_challenge.)

comment on table auth.webauthn_challenges is 'Passkey challenges in flight: single-use, at most 5 minutes, bound to a browser, a purpose and (registration) a person.';
comment on column auth.webauthn_challenges.binding_hash is 'SHA-256 of the random token in the asking browser''s __Host-reqstly_webauthn cookie.';
