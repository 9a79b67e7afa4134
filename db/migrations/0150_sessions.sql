-- Sign-in sessions. The opaque session token lives in a cookie and only its
-- SHA-256 is stored; access JWTs name the session in their sid claim.
create table auth.sessions (
    id uuid primary key default gen_random_uuid(),
    user_id uuid not null references app.users (id) on delete cascade,
    token_hash bytea not null,
    method text not null
        constraint sessions_method_known check (method in ('azure', 'passkey', 'dev')),
    created_at timestamptz not null default now(),
    last_seen_at timestamptz not null default now(),
    expires_at timestamptz not null,
    idle_timeout interval not null default interval '30 minutes',
    revoked_at timestamptz,
    revoked_reason text,
    user_agent text
        constraint sessions_user_agent_length check (char_length(user_agent) <= 500),
    constraint sessions_token_hash_unique unique (token_hash),
    constraint sessions_token_hash_is_sha256 check (octet_length(token_hash) = 32),
    constraint sessions_expiry_after_start check (expires_at > created_at),
    constraint sessions_idle_timeout_positive check (idle_timeout > interval '0')
);

alter table auth.sessions enable row level security;

-- my_sessions, revoke_other_sessions and disable_person: a person's live sessions.
create index sessions_user_live_idx on auth.sessions (user_id) where revoked_at is null;

create function auth.session_is_live(s auth.sessions) returns boolean
    language sql stable
    set search_path = pg_catalog, pg_temp
as $$
    select s.revoked_at is null
       and s.expires_at > now()
       and s.last_seen_at + s.idle_timeout > now()
$$;

create policy select_own on auth.sessions for select
    using (user_id = (select app.current_user_id()));
create policy update_own on auth.sessions for update
    using (user_id = (select app.current_user_id()));

grant select (id, user_id, method, created_at, last_seen_at, expires_at, idle_timeout, revoked_at, user_agent)
    on auth.sessions to web_user;
grant update (revoked_at, revoked_reason) on auth.sessions to web_user;
grant execute on function auth.session_is_live(auth.sessions) to web_user, authsvc;

comment on table auth.sessions is 'Sign-in sessions: idle and absolute expiry, ended by sign-out, by the person, or by disable_person.';

-- Ends every live session of a person (sign-out everywhere, disable, passkey removal).
create function app.revoke_sessions_of(person uuid, reason text, except_session uuid default null)
    returns integer
    language sql volatile security definer
    set search_path = pg_catalog, pg_temp
as $$
    with ended as (
        update auth.sessions s
           set revoked_at = now(), revoked_reason = reason
         where s.user_id = person
           and s.revoked_at is null
           and s.id is distinct from except_session
        returning 1)
    select count(*)::integer from ended
$$;
comment on function app.revoke_sessions_of(uuid, text, uuid) is 'Ends every live session of a person, except one if named. Callers check rights.';
