-- One refusal for "there is no request you can see" (issue #13, docs/SECURITY.md).
-- A request the caller may not see must be refused exactly as one that does
-- not exist: same status, code and words. Before this file four functions
-- each wrote their own copy of the check, and the comment defaults trigger
-- read the request with its owner's rights before any check, naming its
-- key, category and state in its errors ("Request ADM-3 was cancelled"):
-- any signed-in person could enumerate every request.

-- The refusal, written once. Security definer functions (row-level security
-- does not apply to them) check their caller themselves and raise it directly.
create function app.raise_no_visible_request(request_id bigint) returns void
    language plpgsql immutable
    set search_path = pg_catalog, pg_temp
as $$
begin
    raise exception 'There is no request % that you can see.', request_id
        using errcode = 'PT404', detail = 'request_id';
end
$$;
comment on function app.raise_no_visible_request(bigint) is 'Raises the refusal app.require_visible_request raises; for security definer functions, which check the caller themselves.';
grant execute on function app.raise_no_visible_request(bigint) to web_user, reqstly_admin;

-- Security invoker on purpose: row-level security of app.requests decides,
-- so "cannot see" and "does not exist" are the same question.
create function app.require_visible_request(request_id bigint) returns void
    language plpgsql stable
    set search_path = pg_catalog, pg_temp
as $$
begin
    perform 1 from app.requests r where r.id = require_visible_request.request_id;
    if not found then
        perform app.raise_no_visible_request(request_id);
    end if;
end
$$;
comment on function app.require_visible_request(bigint) is 'Raises PT404 "There is no request N that you can see." unless row-level security lets the caller see request N. Run as the caller (security invoker).';
grant execute on function app.require_visible_request(bigint) to web_user, reqstly_admin;

-- A comment's request is checked with the commenter's rights before the
-- defaults trigger (security definer, comments_100_defaults) reads it.
create function app.tg_comments__require_visible_request() returns trigger
    language plpgsql volatile
    set search_path = pg_catalog, pg_temp
as $$
begin
    perform app.require_visible_request(new.request_id);
    return new;
end
$$;
create trigger comments_010_require_visible_request before insert on app.comments
    for each row execute function app.tg_comments__require_visible_request();

-- An assignment names its assignee only if the caller may see them: the
-- rules trigger (requests_100_enforce_rules, security definer) named anyone
-- by id, so any uuid told its person's name. This trigger runs as the
-- caller, before it, and refuses an assignee the caller cannot see exactly
-- as one that does not exist; the rules trigger still decides the rest.
create function app.tg_requests__assignee_visible() returns trigger
    language plpgsql volatile
    set search_path = pg_catalog, pg_temp
as $$
begin
    if new.assignee_id is distinct from old.assignee_id and new.assignee_id is not null
       and not exists (select 1 from app.users u where u.id = new.assignee_id) then
        raise exception 'There is no agent of % with that id that you can see; a request can only be assigned to an agent of its category.',
                new.category
            using errcode = '23514', detail = 'assignee_id';
    end if;
    return new;
end
$$;
create trigger requests_050_assignee_visible before update on app.requests
    for each row execute function app.tg_requests__assignee_visible();

-- The API functions of 0400 and 0430 ask the one helper.
create or replace function api.allowed_transitions(request_id bigint)
    returns table (to_status text, note_required boolean)
    language plpgsql stable
    set search_path = pg_catalog, pg_temp
as $$
declare
    target app.requests;
begin
    perform app.require_visible_request(request_id);
    select * into target from app.requests r where r.id = allowed_transitions.request_id;
    return query select m.to_status, m.note_required
                   from app.allowed_moves(target.status, target.requester_id, target.category) m;
end
$$;

create or replace function api.transition_request(request_id bigint, to_status text, note text default null)
    returns api.requests
    language plpgsql volatile
    set search_path = pg_catalog, pg_temp
as $$
declare
    updated api.requests;
begin
    perform app.require_visible_request(request_id);
    perform app.set_request_status(request_id, to_status, note);
    select * into updated from api.requests r where r.id = transition_request.request_id;
    return updated;
end
$$;
