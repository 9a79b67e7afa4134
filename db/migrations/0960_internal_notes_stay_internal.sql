-- Internal notes leave no trace a requester can see (issue #13, docs/SECURITY.md).
-- api.verify_audit counted every entry of the chain, internal notes
-- included, and named entries by position; an internal note moved the
-- request's updated_at, which the requester sees. Both told a requester
-- that agents had written notes about their request.

-- The chain is still verified whole (it is one hash chain); the answer
-- counts and names only entries the caller may read (row-level security of
-- app.audit_log). To a caller who may not read every entry a break is
-- reported without positions, and an entry they may not read is not named.
create or replace function api.verify_audit(request_id bigint) returns app.audit_verification
    language plpgsql stable
    set search_path = pg_catalog, pg_temp
as $$
declare
    result app.audit_verification;
    readable integer;
begin
    perform app.require_visible_request(request_id);
    result := app.verify_audit_chain(request_id);
    select count(*) into readable from app.audit_log a where a.request_id = verify_audit.request_id;
    if readable < result.entries then
        -- Positions count every entry, so the reason is said without them.
        result.entries := readable;
        if not result.ok then
            result.reason := 'The history of this request does not verify: entries were changed or removed after they were written. An admin can see where.';
            if not exists (select 1 from app.audit_log a where a.id = result.first_bad_entry) then
                result.first_bad_entry := null;
            end if;
        end if;
    end if;
    return result;
end
$$;

-- Only public comments are activity a requester sees: an internal note no
-- longer moves updated_at (lists sort by it; agents see the note itself).
create or replace function app.tg_comments__touch_request() returns trigger
    language plpgsql volatile security definer
    set search_path = pg_catalog, pg_temp
as $$
begin
    if not new.internal then
        update app.requests r set updated_at = now() where r.id = new.request_id;
    end if;
    return null;
end
$$;
