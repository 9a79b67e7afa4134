-- Moving a misfiled request to a category the agent does not serve. A PATCH
-- cannot do it: PostgREST reads the updated row back (RETURNING), and
-- PostgreSQL holds that new row to the caller's SELECT policies, which it no
-- longer passes. This function checks that the caller can see the request,
-- then moves it as its owner; the rules trigger still decides whether the
-- caller may (agent of the current category, or admin). See ADR 0008.
create function app.move_request_unchecked(request_id bigint, category text) returns void
    language sql volatile security definer
    set search_path = pg_catalog, pg_temp
as $$
    update app.requests r set category = move_request_unchecked.category where r.id = request_id
$$;

create function api.move_request(request_id bigint, category text) returns void
    language plpgsql volatile
    set search_path = pg_catalog, pg_temp
as $$
begin
    perform 1 from app.requests r where r.id = move_request.request_id;
    if not found then
        raise exception 'There is no request % that you can see.', request_id using errcode = 'PT404';
    end if;
    perform app.move_request_unchecked(request_id, category);
end
$$;

grant execute on function app.move_request_unchecked(bigint, text) to web_user;
grant execute on function api.move_request(bigint, text) to web_user, reqstly_admin;

comment on function api.move_request(bigint, text) is 'Moves a request to another category, also one the caller does not serve (it then leaves their view).';
