-- Lists say "reply overdue 35 min" only while nobody has answered yet.
--
-- api.request_list (1270) shows the first-response clock's state, but
-- `breached` is both "answered late" and "still unanswered, past due"; a list
-- needs to tell them apart, so the view gains `first_responded_at` (last
-- column: `create or replace view` may only add columns at the end).

create or replace view api.request_list with (security_invoker = true) as
    select r.id, r.key, r.title, r.category, r.priority, r.priority_rank, r.status,
           r.requester_id, app.display_name_of(r.requester_id) as requester_name,
           r.assignee_id, case when r.assignee_id is not null then app.display_name_of(r.assignee_id) end as assignee_name,
           r.created_at, r.updated_at, r.resolved_at,
           v.version,
           s.first_response_due_at,
           app.first_response_state(r, s) as first_response_state,
           s.resolution_due_at,
           app.resolution_state(r, s) as resolution_state,
           s.waiting_on_requester_since,
           s.first_responded_at
      from app.requests r
      left join app.request_versions v on v.request_id = r.id
      left join app.request_sla s on s.request_id = r.id;

comment on view api.request_list is 'Requests the caller may see as lists show them: names, version, both SLA clocks (and when the first response came).';
