-- Back to 0300's append (insert the head, lock it, update it) and 0920's diff loop.

create or replace function app.append_audit(request_id bigint, action text, changes jsonb, internal boolean)
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
create or replace function app.tg_requests__audit() returns trigger
    language plpgsql volatile security definer
    set search_path = pg_catalog, pg_temp
    set timezone = 'UTC'
as $$
declare
    ignored constant text[] := array['id', 'number', 'priority_rank', 'search', 'created_at', 'updated_at'];
    old_row jsonb := case when tg_op = 'UPDATE' then to_jsonb(old) - ignored else '{}' end;
    new_row jsonb := to_jsonb(new) - ignored;
    diff jsonb := '{}';
    col text;
begin
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
