-- One search at a time per person (issue #13, ADR 0013).
-- The fairness benchmark (scripts/bench --fairness) showed six slots are
-- not enough on their own: six broad searches of one agent kept both CPU
-- cores busy, and another person's p95 rose from 120 to 850 ms. A search
-- is the expensive call, so a person may run one at a time; the rest of
-- their six slots stay for ordinary calls. The front door marks a search
-- (`search=` filter, or an RPC whose name starts with `search`) with the
-- request header X-Reqstly-Search, which it sets itself and never passes
-- from a client (caddy/reqstly.caddy).

create function app.max_concurrent_searches() returns integer
    language sql immutable
    set search_path = pg_catalog, pg_temp
as $$ select 1 $$;

create or replace function app.take_call_slot(person uuid) returns void
    language plpgsql volatile
    set search_path = pg_catalog, pg_temp
as $$
declare
    -- One lock space per person and kind: key 1 hashes both, key 2 is the slot.
    person_key integer := pg_catalog.hashtext('reqstly.call_slot:' || person::text);
    search_key integer := pg_catalog.hashtext('reqstly.search_slot:' || person::text);
    headers text := nullif(pg_catalog.current_setting('request.headers', true), '');
    is_search boolean := headers is not null and (headers::json ->> 'x-reqstly-search') is not null;
    taken boolean := false;
begin
    if is_search then
        for slot in 1 .. app.max_concurrent_searches() loop
            taken := pg_catalog.pg_try_advisory_xact_lock(search_key, slot);
            exit when taken;
        end loop;
        if not taken then
            raise sqlstate 'PT429' using
                message = 'You have a search running already; wait for it to finish and try again.',
                hint = 'A person runs one search at a time.';
        end if;
    end if;
    for slot in 1 .. app.max_concurrent_calls() loop
        if pg_catalog.pg_try_advisory_xact_lock(person_key, slot) then
            return;
        end if;
    end loop;
    raise sqlstate 'PT429' using
        message = format('You have %s calls running already; wait for one to finish and try again.',
                         app.max_concurrent_calls()),
        hint = 'Someone with this sign-in is sending many calls at once.';
end
$$;
comment on function app.take_call_slot(uuid) is 'Per-person fair share (ADR 0013): holds one of app.max_concurrent_calls() slots for the transaction, and for a search (header X-Reqstly-Search, set by Caddy) one of app.max_concurrent_searches(); else raises PT429.';
