-- The OIDC `state` of each sign-in that has started, stored hashed. The
-- browser holds the rest of the transaction in its sealed signin cookie; this
-- row makes the state single-use across replicas (a replayed callback finds
-- it gone).
create table auth.signin_states (
    state_hash bytea primary key
        constraint signin_states_hash_is_sha256 check (octet_length(state_hash) = 32),
    created_at timestamptz not null default now(),
    expires_at timestamptz not null,
    constraint signin_states_expiry_after_start check (expires_at > created_at)
);

alter table auth.signin_states enable row level security;

-- Clean-up of abandoned sign-ins in auth.begin_signin.
create index signin_states_expires_at_idx on auth.signin_states (expires_at);

comment on table auth.signin_states is 'Started Azure sign-ins (hashed state), consumed once by the callback.';

create function auth.begin_signin(state_hash bytea, lifetime interval) returns void
    language plpgsql volatile security definer
    set search_path = pg_catalog, pg_temp
as $$
begin
    perform auth.require_authsvc();
    delete from auth.signin_states s where s.expires_at < now();
    insert into auth.signin_states (state_hash, expires_at) values (begin_signin.state_hash, now() + lifetime);
end
$$;

-- True once for a state that was begun and has not expired; false after.
create function auth.consume_signin(state_hash bytea) returns boolean
    language plpgsql volatile security definer
    set search_path = pg_catalog, pg_temp
as $$
declare
    found_one boolean;
begin
    perform auth.require_authsvc();
    delete from auth.signin_states s
     where s.state_hash = consume_signin.state_hash
    returning s.expires_at > now() into found_one;
    return coalesce(found_one, false);
end
$$;

grant execute on function auth.begin_signin(bytea, interval) to authsvc;
grant execute on function auth.consume_signin(bytea) to authsvc;

comment on function auth.begin_signin(bytea, interval) is 'authsvc: remember a sign-in state (hashed) until it is used or expires.';
comment on function auth.consume_signin(bytea) is 'authsvc: use a sign-in state once; false if unknown, used or expired.';
