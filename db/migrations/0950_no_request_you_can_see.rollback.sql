create or replace function api.allowed_transitions(request_id bigint)
    returns table (to_status text, note_required boolean)
    language plpgsql stable
    set search_path = pg_catalog, pg_temp
as $$
declare
    target app.requests;
begin
    select * into target from app.requests r where r.id = allowed_transitions.request_id;
    if not found then
        raise exception 'There is no request % that you can see.', request_id using errcode = 'PT404';
    end if;
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
    -- Row-level security: a request the caller cannot see does not exist for them.
    perform 1 from app.requests r where r.id = transition_request.request_id;
    if not found then
        raise exception 'There is no request % that you can see.', request_id using errcode = 'PT404';
    end if;
    perform app.set_request_status(request_id, to_status, note);
    select * into updated from api.requests r where r.id = transition_request.request_id;
    return updated;
end
$$;

drop trigger requests_050_assignee_visible on app.requests;
drop function app.tg_requests__assignee_visible();
drop trigger comments_010_require_visible_request on app.comments;
drop function app.tg_comments__require_visible_request();
drop function app.require_visible_request(bigint);
drop function app.raise_no_visible_request(bigint);
