-- SLA and satisfaction metrics for postgres-exporter (as 0700: views owned by
-- the migration role, aggregates only, read by the monitoring role).

-- Requests still waiting (status not closed: open or in progress) per category, clock and SLA
-- state: every combination has a row, zero included.
create view metrics.sla_requests as
with clocks as (
    select r.category,
           app.first_response_state(r, s) as first_response,
           app.resolution_state(r, s) as resolution
      from app.requests r
      join app.request_sla s on s.request_id = r.id
     where not app.status_is_closed(r.status))
select c.code as category, k.clock, st.state,
       (select count(*) from clocks x
         where x.category = c.code
           and case k.clock when 'first_response' then x.first_response else x.resolution end = st.state)::bigint
           as requests
from app.categories c
cross join (values ('first_response'), ('resolution')) as k (clock)
cross join (values ('running'), ('at_risk'), ('paused'), ('breached'), ('met')) as st (state);

-- Ratings of the last 30 days per category and score (1-5), zeros included.
create view metrics.request_ratings as
select c.code as category, sc.score,
       (select count(*) from app.request_ratings x join app.requests r on r.id = x.request_id
         where r.category = c.code and x.score = sc.score
           and x.rated_at > now() - interval '30 days')::bigint as ratings
from app.categories c
cross join generate_series(1, 5) as sc (score);

-- Sum and count of those ratings per category: the average is their ratio.
create view metrics.request_rating_totals as
select c.code as category,
       coalesce((select sum(x.score) from app.request_ratings x join app.requests r on r.id = x.request_id
                  where r.category = c.code and x.rated_at > now() - interval '30 days'), 0)::bigint as score_sum,
       (select count(*) from app.request_ratings x join app.requests r on r.id = x.request_id
         where r.category = c.code and x.rated_at > now() - interval '30 days')::bigint as ratings
from app.categories c;

grant select on metrics.sla_requests, metrics.request_ratings, metrics.request_rating_totals to monitoring;

comment on view metrics.sla_requests is 'Open and in-progress requests per category, SLA clock and state (running, at_risk, paused, breached, met).';
comment on view metrics.request_rating_totals is 'Sum and count of requesters'' ratings in the last 30 days, per category.';
comment on view metrics.request_ratings is 'Requesters'' ratings (1-5) of resolutions in the last 30 days, per category.';
