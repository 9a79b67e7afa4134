-- Back to the policies of 0220_comments and 0300_audit.
drop policy select_public on app.comments;
drop policy select_team on app.comments;
drop policy insert_visible on app.comments;
drop policy select_public on app.audit_log;
drop policy select_team on app.audit_log;

create policy select_public on app.comments for select
    using (not internal and request_id in (select r.id from app.requests r));
create policy select_team on app.comments for select
    using (internal and request_id in (select r.id from app.requests r
                                        where r.category = any ((select app.current_agent_categories())::text[])));
create policy insert_visible on app.comments for insert
    with check (request_id in (select r.id from app.requests r)
                and author_id = (select app.current_user_id()));

create policy select_public on app.audit_log for select
    using (not internal and request_id in (select r.id from app.requests r));
create policy select_team on app.audit_log for select
    using (request_id in (select r.id from app.requests r
                           where r.category = any ((select app.current_agent_categories())::text[])));
