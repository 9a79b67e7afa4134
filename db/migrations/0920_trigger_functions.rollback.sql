grant execute on function auth.require_authsvc() to authsvc;
grant execute on function app.status_label(text) to web_user;
grant execute on function app.describe_moves(text, uuid, text) to web_user;
grant execute on function app.log_rights_change(uuid, text, text) to web_user, reqstly_admin, authsvc;
grant execute on function app.require_admin() to web_user, reqstly_admin;
grant execute on function app.current_agent_categories() to web_anon;
grant execute on function app.current_user_is_admin() to web_anon;
grant execute on function app.current_user_id() to web_anon;
grant execute on function app.acting_role() to web_user, web_anon, authsvc;

-- (Stating the volatility changed nothing: volatile is the default.)

create function app.tg_audit_log__refuse_change() returns trigger
    language plpgsql
    set search_path = pg_catalog, pg_temp
as $$
begin
    raise exception 'The audit log is append-only: entries cannot be changed or removed (% refused).', tg_op
        using errcode = '42501';
end
$$;

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

drop trigger requests_500_audit on app.requests;
drop trigger comments_500_audit on app.comments;
drop trigger audit_log_100_append_only on app.audit_log;
drop trigger audit_log_100_no_truncate on app.audit_log;
drop trigger audit_heads_100_no_truncate on app.audit_heads;
drop trigger rights_log_100_append_only on app.rights_log;
drop trigger rights_log_100_no_truncate on app.rights_log;

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
create trigger rights_log_100_append_only before update or delete on app.rights_log
    for each row execute function app.tg_audit_log__refuse_change();
create trigger rights_log_100_no_truncate before truncate on app.rights_log
    for each statement execute function app.tg_audit_log__refuse_change();

drop function app.tg__append_only();
drop function app.tg_comments__audit();
drop function app.tg_requests__audit();
