create or replace function app.take_call_slot(person uuid) returns void
    language plpgsql volatile
    set search_path = pg_catalog, pg_temp
as $$
declare
    -- One lock space per person: key 1 is the person's hash, key 2 the slot.
    person_key integer := pg_catalog.hashtext('reqstly.call_slot:' || person::text);
begin
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
comment on function app.take_call_slot(uuid) is 'Per-person fair share (ADR 0013): holds one of app.max_concurrent_calls() slots for the transaction, or raises PT429.';

drop function app.max_concurrent_searches();
