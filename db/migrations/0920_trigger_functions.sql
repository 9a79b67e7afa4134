-- Trigger functions named for the one table and job they do (issue #12).
--
-- * app.tg__audit (0300) branched on tg_table_name: requests and comments
--   now have their own, app.tg_requests__audit and app.tg_comments__audit.
-- * app.tg_audit_log__refuse_change (0300) also guarded app.audit_heads and
--   app.rights_log (0440), and told them "The audit log is append-only". It
--   becomes the generic app.tg__append_only, given the table's name for
--   people as its argument.
-- * Every trigger function states its volatility (0100–0545 left it to the
--   default), and functions only other security definer functions call are
--   no longer executable by the web roles (they never needed it).

-- Values are written in UTC (the function's time zone) so a timestamp reads
-- the same in every entry whatever the session's settings.
create function app.tg_requests__audit() returns trigger
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

create function app.tg_comments__audit() returns trigger
    language plpgsql volatile security definer
    set search_path = pg_catalog, pg_temp
as $$
begin
    perform app.append_audit(new.request_id,
        case when new.internal then 'internal_note' else 'commented' end,
        jsonb_build_object('comment_id', new.id, 'body', new.body, 'internal', new.internal),
        new.internal);
    return null;
end
$$;

-- tg_argv[0]: what the table is called in the refusal ("The audit log").
create function app.tg__append_only() returns trigger
    language plpgsql volatile
    set search_path = pg_catalog, pg_temp
as $$
begin
    raise exception '% is append-only: entries cannot be changed or removed (% refused).',
            coalesce(tg_argv[0], tg_table_name), tg_op
        using errcode = '42501';
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
    for each row execute function app.tg_requests__audit();
create trigger comments_500_audit after insert on app.comments
    for each row execute function app.tg_comments__audit();
create trigger audit_log_100_append_only before update or delete on app.audit_log
    for each row execute function app.tg__append_only('The audit log');
create trigger audit_log_100_no_truncate before truncate on app.audit_log
    for each statement execute function app.tg__append_only('The audit log');
create trigger audit_heads_100_no_truncate before truncate on app.audit_heads
    for each statement execute function app.tg__append_only('The audit log''s chain heads');
create trigger rights_log_100_append_only before update or delete on app.rights_log
    for each row execute function app.tg__append_only('The log of rights changes');
create trigger rights_log_100_no_truncate before truncate on app.rights_log
    for each statement execute function app.tg__append_only('The log of rights changes');

drop function app.tg__audit();
drop function app.tg_audit_log__refuse_change();

comment on function app.tg_requests__audit() is 'requests_500_audit: appends created/updated/transitioned entries with the changed columns.';
comment on function app.tg_comments__audit() is 'comments_500_audit: appends a commented/internal_note entry.';
comment on function app.tg__append_only() is 'Refuses UPDATE, DELETE and TRUNCATE on an append-only table; the argument names it for people.';

-- Volatility, stated: trigger functions write, so they are volatile.
alter function app.tg__set_updated_at() volatile;
alter function app.tg_requests__set_defaults() volatile;
alter function app.tg_requests__validate() volatile;
alter function app.tg_requests__enforce_rules() volatile;
alter function app.tg_comments__set_defaults() volatile;
alter function app.tg_comments__touch_request() volatile;
alter function app.tg_team_members__log() volatile;
alter function app.tg_users__log_rights() volatile;
alter function auth.tg_passkeys__validate() volatile;

-- EXECUTE only where a caller needs it. These run only inside security
-- definer functions and triggers (as their owner) or before any role is set:
revoke execute on function app.acting_role() from web_user, web_anon, authsvc;
revoke execute on function app.current_user_id() from web_anon;
revoke execute on function app.current_user_is_admin() from web_anon;
revoke execute on function app.current_agent_categories() from web_anon;
revoke execute on function app.require_admin() from web_user, reqstly_admin;
revoke execute on function app.log_rights_change(uuid, text, text) from web_user, reqstly_admin, authsvc;
revoke execute on function app.describe_moves(text, uuid, text) from web_user;
revoke execute on function app.status_label(text) from web_user;
revoke execute on function auth.require_authsvc() from authsvc;
