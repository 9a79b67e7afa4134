create function app.move_request_unchecked(request_id bigint, category text) returns void
    language sql volatile security definer
    set search_path = pg_catalog, pg_temp
as $$
    update app.requests r set category = move_request_unchecked.category where r.id = request_id
$$;
grant execute on function app.move_request_unchecked(bigint, text) to web_user;

create or replace function api.move_request(request_id bigint, category text) returns void
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

drop function app.move_request_category(bigint, text);

grant execute on function app.is_agent_of(uuid, text) to web_user, reqstly_admin;
grant execute on function app.status_label(text) to reqstly_admin;
grant execute on function app.describe_moves(text, uuid, text) to reqstly_admin;
grant execute on function app.acting_as_unmapped_superuser() to web_user, reqstly_admin;
grant execute on function app.acting_role() to reqstly_admin;
