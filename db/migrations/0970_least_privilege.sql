-- Least privilege for internal functions (issue #13, docs/SECURITY.md).
-- A function in app or auth is executable by a login or web role only if
-- that role calls it directly; everything else reaches it from inside a
-- security definer function or trigger, which runs as the owner.
-- tests/db/test_least_privilege.py holds the allow-list and its reasons.

-- 0920_trigger_functions already took EXECUTE on app.log_rights_change
-- (the forgeable rights log entries of issue #13) and on helpers only
-- definer functions call from the web roles; these remain.
-- Called only from security definer functions and triggers:
revoke execute on function app.acting_role() from reqstly_admin;
revoke execute on function app.acting_as_unmapped_superuser() from web_user, reqstly_admin;
revoke execute on function app.describe_moves(text, uuid, text) from reqstly_admin;
revoke execute on function app.status_label(text) from reqstly_admin;
-- Whether any person (by id) serves a category is not the caller's business;
-- the policies use app.current_agent_categories() for the caller.
revoke execute on function app.is_agent_of(uuid, text) from web_user, reqstly_admin;

-- Moving a request to a category the caller does not serve (ADR 0008) runs
-- as the owner, so it checks its caller itself: the requester (the rules
-- trigger then refuses them with its own words), an agent of the request's
-- category, or an admin. Anyone else is told the request does not exist.
-- Replaces app.move_request_unchecked, which checked nothing and was
-- executable by web_user.
create function app.move_request_category(request_id bigint, category text) returns void
    language plpgsql volatile security definer
    set search_path = pg_catalog, pg_temp
as $$
declare
    me uuid := app.current_user_id();
    target app.requests;
begin
    select * into target from app.requests r where r.id = move_request_category.request_id for update;
    if not found
       or not (app.current_user_is_admin() or app.acting_as_unmapped_superuser()
               or target.requester_id = me or app.is_agent_of(me, target.category)) then
        perform app.raise_no_visible_request(request_id);
    end if;
    update app.requests r set category = move_request_category.category where r.id = target.id;
end
$$;
comment on function app.move_request_category(bigint, text) is 'Moves a request to another category as its owner, for the requester, an agent of its category or an admin (the rules trigger decides); anyone else gets the "no request you can see" refusal.';

create or replace function api.move_request(request_id bigint, category text) returns void
    language plpgsql volatile
    set search_path = pg_catalog, pg_temp
as $$
begin
    perform app.require_visible_request(request_id);
    perform app.move_request_category(request_id, category);
end
$$;

revoke execute on function app.move_request_unchecked(bigint, text) from web_user;
drop function app.move_request_unchecked(bigint, text);
grant execute on function app.move_request_category(bigint, text) to web_user, reqstly_admin;
