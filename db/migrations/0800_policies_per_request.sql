-- Comments and history of one request, found by the request's key.
-- The policies of 0220 and 0300 asked `request_id in (select r.id from
-- app.requests r …)`: PostgreSQL builds that list once per statement, which
-- means reading every request the caller may see (a sequential scan of all
-- 100 000 for an agent or a requester alike) to show one request's two
-- comments — 70–140 ms each on the benchmark's data. `exists (… where r.id =
-- <row>.request_id …)` asks the same question per row, through the primary
-- key and the same row-level security of app.requests: a few index probes.
-- Who sees what does not change (the benchmark measured before and after,
-- docs/perf/; tests/db/test_requests_rls.py covers the rules).

drop policy select_public on app.comments;
drop policy select_team on app.comments;
drop policy insert_visible on app.comments;
drop policy select_public on app.audit_log;
drop policy select_team on app.audit_log;

create policy select_public on app.comments for select
    using (not internal
           and exists (select 1 from app.requests r where r.id = comments.request_id));
create policy select_team on app.comments for select
    using (internal
           and exists (select 1 from app.requests r
                        where r.id = comments.request_id
                          and r.category = any ((select app.current_agent_categories())::text[])));
create policy insert_visible on app.comments for insert
    with check (exists (select 1 from app.requests r where r.id = comments.request_id)
                and author_id = (select app.current_user_id()));

create policy select_public on app.audit_log for select
    using (not internal
           and exists (select 1 from app.requests r where r.id = audit_log.request_id));
create policy select_team on app.audit_log for select
    using (exists (select 1 from app.requests r
                    where r.id = audit_log.request_id
                      and r.category = any ((select app.current_agent_categories())::text[])));
