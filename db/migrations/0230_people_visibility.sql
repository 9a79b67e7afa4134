-- People on requests the caller can see: requester, assignee, comment authors.
-- Row-level security of requests and comments applies inside these subqueries.
create policy select_on_visible_requests on app.users for select
    using (exists (select 1 from app.requests r where r.requester_id = users.id)
           or exists (select 1 from app.requests r where r.assignee_id = users.id)
           or exists (select 1 from app.comments c where c.author_id = users.id));
