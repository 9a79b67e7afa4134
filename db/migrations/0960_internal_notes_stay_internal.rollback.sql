create or replace function app.tg_comments__touch_request() returns trigger
    language plpgsql security definer
    set search_path = pg_catalog, pg_temp
as $$
begin
    update app.requests r set updated_at = now() where r.id = new.request_id;
    return null;
end
$$;

create or replace function api.verify_audit(request_id bigint) returns app.audit_verification
    language plpgsql stable
    set search_path = pg_catalog, pg_temp
as $$
begin
    perform 1 from app.requests r where r.id = verify_audit.request_id;
    if not found then
        raise exception 'There is no request % that you can see.', request_id using errcode = 'PT404';
    end if;
    return app.verify_audit_chain(request_id);
end
$$;
