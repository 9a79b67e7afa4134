-- The audit trail: an append-only, hash-chained history per request.
create table app.audit_log (
    id bigint generated always as identity primary key,
    request_id bigint not null references app.requests (id),
    seq integer not null,
    at timestamptz not null,
    actor_id uuid references app.users (id),
    actor_role text not null,
    actor_name text,
    action text not null
        constraint audit_log_action_known check (action in ('created', 'updated', 'transitioned', 'commented', 'internal_note')),
    changes jsonb not null,
    internal boolean not null default false,
    correlation_id text,
    prev_hash bytea,
    hash bytea not null,
    constraint audit_log_position_unique unique (request_id, seq),
    constraint audit_log_seq_positive check (seq >= 1),
    constraint audit_log_chain_starts_once check ((seq = 1) = (prev_hash is null))
);

alter table app.audit_log enable row level security;

-- The newest hash of each request's chain. Its row is also the lock that
-- serialises writers, so concurrent comments and moves never fork a chain,
-- and cutting off the newest entries no longer matches it.
create table app.audit_heads (
    request_id bigint primary key references app.requests (id),
    seq integer not null default 0,
    hash bytea
);

alter table app.audit_heads enable row level security;

create type app.audit_verification as (
    ok boolean,
    entries integer,
    first_bad_entry bigint,
    reason text
);

-- The hashed content, built explicitly (a JSON array: fixed order, escaped,
-- timestamps in UTC with a fixed format) so psql, PostgREST and a restored
-- database compute the same hash whatever their settings.
create function app.audit_entry_hash(entry app.audit_log) returns bytea
    language sql immutable
    set search_path = pg_catalog, pg_temp
as $$
    select pg_catalog.sha256(pg_catalog.convert_to(pg_catalog.jsonb_build_array(
        'reqstly-audit-v1',
        entry.request_id,
        entry.seq,
        pg_catalog.to_char(entry.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
        entry.actor_id,
        entry.actor_role,
        entry.actor_name,
        entry.action,
        entry.changes,
        entry.internal,
        entry.correlation_id,
        pg_catalog.encode(entry.prev_hash, 'hex'))::text, 'UTF8'))
$$;

create function app.append_audit(request_id bigint, action text, changes jsonb, internal boolean)
    returns void
    language plpgsql volatile security definer
    set search_path = pg_catalog, pg_temp
as $$
declare
    head app.audit_heads;
    entry app.audit_log;
begin
    insert into app.audit_heads as h (request_id) values (append_audit.request_id) on conflict do nothing;
    select * into head from app.audit_heads h where h.request_id = append_audit.request_id for update;

    entry.request_id := append_audit.request_id;
    entry.seq := head.seq + 1;
    entry.at := pg_catalog.date_trunc('microseconds', pg_catalog.clock_timestamp());
    entry.actor_id := app.current_user_id();
    entry.actor_role := app.acting_role();
    entry.actor_name := (select u.display_name from app.users u where u.id = entry.actor_id);
    entry.action := append_audit.action;
    entry.changes := append_audit.changes;
    entry.internal := append_audit.internal;
    entry.correlation_id := nullif(pg_catalog.current_setting('reqstly.correlation_id', true), '');
    entry.prev_hash := head.hash;
    entry.hash := app.audit_entry_hash(entry);

    insert into app.audit_log (request_id, seq, at, actor_id, actor_role, actor_name, action, changes,
                               internal, correlation_id, prev_hash, hash)
    values (entry.request_id, entry.seq, entry.at, entry.actor_id, entry.actor_role, entry.actor_name,
            entry.action, entry.changes, entry.internal, entry.correlation_id, entry.prev_hash, entry.hash);

    update app.audit_heads h set seq = entry.seq, hash = entry.hash where h.request_id = entry.request_id;
end
$$;

-- Values are written in UTC (the function's time zone) so a timestamp reads
-- the same in every entry whatever the session's settings.
create function app.tg__audit() returns trigger
    language plpgsql security definer
    set search_path = pg_catalog, pg_temp
    set timezone = 'UTC'
as $$
declare
    ignored constant text[] := array['id', 'number', 'priority_rank', 'search', 'created_at', 'updated_at'];
    old_row jsonb;
    new_row jsonb;
    diff jsonb := '{}';
    col text;
begin
    if tg_table_name = 'comments' then
        perform app.append_audit(new.request_id,
            case when new.internal then 'internal_note' else 'commented' end,
            jsonb_build_object('comment_id', new.id, 'body', new.body, 'internal', new.internal),
            new.internal);
        return null;
    end if;

    new_row := to_jsonb(new) - ignored;
    old_row := case when tg_op = 'UPDATE' then to_jsonb(old) - ignored else '{}' end;
    for col in select k from jsonb_object_keys(new_row) k order by k loop
        if tg_op = 'INSERT' or new_row -> col is distinct from old_row -> col then
            diff := diff || jsonb_build_object(col, jsonb_build_object('old', old_row -> col, 'new', new_row -> col));
        end if;
    end loop;
    if diff = '{}' then
        return null;  -- only updated_at moved (a comment touched the request)
    end if;
    perform app.append_audit(new.id,
        case when tg_op = 'INSERT' then 'created'
             when new.status is distinct from old.status then 'transitioned'
             else 'updated' end,
        diff, false);
    return null;
end
$$;

create function app.tg_audit_log__refuse_change() returns trigger
    language plpgsql
    set search_path = pg_catalog, pg_temp
as $$
begin
    raise exception 'The audit log is append-only: entries cannot be changed or removed (% refused).', tg_op
        using errcode = '42501';
end
$$;

create trigger requests_500_audit after insert or update on app.requests
    for each row execute function app.tg__audit();
create trigger comments_500_audit after insert on app.comments
    for each row execute function app.tg__audit();
create trigger audit_log_100_append_only before update or delete on app.audit_log
    for each row execute function app.tg_audit_log__refuse_change();
create trigger audit_log_100_no_truncate before truncate on app.audit_log
    for each statement execute function app.tg_audit_log__refuse_change();
create trigger audit_heads_100_no_truncate before truncate on app.audit_heads
    for each statement execute function app.tg_audit_log__refuse_change();

-- Recomputes a request's chain from its first entry to the head.
create function app.verify_audit_chain(request_id bigint) returns app.audit_verification
    language plpgsql stable security definer
    set search_path = pg_catalog, pg_temp
as $$
declare
    entry app.audit_log;
    expected_prev bytea;
    position integer := 0;
    head app.audit_heads;
    total integer;
begin
    select count(*) into total from app.audit_log a where a.request_id = verify_audit_chain.request_id;
    for entry in
        select * from app.audit_log a where a.request_id = verify_audit_chain.request_id order by a.seq, a.id
    loop
        position := position + 1;
        if entry.seq <> position then
            return (false, total, entry.id,
                    format('Entry %s is at position %s where %s was expected: entries are missing or out of order.',
                           entry.id, entry.seq, position))::app.audit_verification;
        end if;
        if entry.prev_hash is distinct from expected_prev then
            return (false, total, entry.id,
                    format('Entry %s does not follow the entry before it.', entry.id))::app.audit_verification;
        end if;
        if entry.hash is distinct from app.audit_entry_hash(entry) then
            return (false, total, entry.id,
                    format('Entry %s was changed after it was written.', entry.id))::app.audit_verification;
        end if;
        expected_prev := entry.hash;
    end loop;
    select * into head from app.audit_heads h where h.request_id = verify_audit_chain.request_id;
    if coalesce(head.seq, 0) <> position or head.hash is distinct from expected_prev then
        return (false, total, null,
                format('The chain ends at entry %s but %s were written: the newest entries are missing.',
                       position, coalesce(head.seq, 0)))::app.audit_verification;
    end if;
    return (true, total, null, null)::app.audit_verification;
end
$$;

create policy select_public on app.audit_log for select
    using (not internal and request_id in (select r.id from app.requests r));
create policy select_team on app.audit_log for select
    using (request_id in (select r.id from app.requests r
                           where r.category = any ((select app.current_agent_categories())::text[])));
create policy select_all_admin on app.audit_log for select
    using ((select app.current_user_is_admin()));

grant select (id, request_id, seq, at, actor_id, actor_role, actor_name, action, changes, internal, correlation_id)
    on app.audit_log to web_user;
grant select on app.audit_log to reqstly_admin;
grant execute on function app.verify_audit_chain(bigint) to web_user, reqstly_admin;

comment on table app.audit_log is 'Append-only history of every change to requests and comments, hash-chained per request.';
comment on table app.audit_heads is 'The newest entry of each request''s audit chain; its row lock serialises the chain''s writers.';
comment on function app.verify_audit_chain(bigint) is 'Recomputes one request''s chain. Callers check that the person may see the request (api.verify_audit does).';
