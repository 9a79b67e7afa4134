-- Back to the view of 0400_api.
create or replace view api.request_counts with (security_invoker = true) as
    select r.status, r.category,
           r.requester_id = app.current_user_id() as mine,
           coalesce(r.assignee_id = app.current_user_id(), false) as assigned_to_me,
           count(*) as count
      from app.requests r
     group by 1, 2, 3, 4;

drop function app.request_counts();
drop index app.requests_category_counts_idx;
