-- depends:
-- Business metrics for postgres-exporter (monitoring/postgres-exporter/queries.yaml).
--
-- The views in schema `metrics` run with their owner's rights (they are NOT
-- security_invoker, unlike the views in api): the `monitoring` role reads
-- them without any right on app or auth tables and without row-level
-- security filtering its counts. In return they expose aggregates only:
-- counts, ages and durations per category, status or sign-in method, never
-- a person, a title or an id.
create schema metrics;
revoke all on schema metrics from public;
grant usage on schema metrics to monitoring;

-- Requests per category and status. Every category x status pair has a row,
-- zero included, so a series does not vanish when its last request moves on.
create view metrics.requests_by_status as
select c.code as category, s.status, count(r.id)::bigint as requests
from app.categories as c
cross join (values ('open'), ('in_progress'), ('resolved'), ('cancelled')) as s (status)
left join app.requests as r on r.category = c.code and r.status = s.status
group by c.code, s.status;

-- Requests ever created per category: a counter (requests are never
-- deleted). Moving a misfiled request to another category moves its count,
-- which Prometheus sees as a counter reset of the old category.
create view metrics.requests_created as
select c.code as category, count(r.id)::bigint as total
from app.categories as c
left join app.requests as r on r.category = c.code
group by c.code;

-- Time from creation to resolution of resolved requests, as cumulative
-- histogram buckets (le in seconds: 1 h, 4 h, 1 d, 3 d, 7 d, +Inf) per
-- category. A snapshot of all resolved requests, not a stream of events: a
-- reopened request leaves its bucket until it is resolved again.
create view metrics.request_resolution_buckets as
select c.code as category, b.le, count(r.id)::bigint as requests
from app.categories as c
cross join (values ('3600', 3600::float8), ('14400', 14400), ('86400', 86400),
                   ('259200', 259200), ('604800', 604800), ('+Inf', 'Infinity'::float8))
    as b (le, le_seconds)
left join app.requests as r
    on r.category = c.code
   and r.status = 'resolved'
   and extract(epoch from r.resolved_at - r.created_at) <= b.le_seconds
group by c.code, b.le, b.le_seconds;

create view metrics.request_resolution_totals as
select c.code as category,
       coalesce(sum(extract(epoch from r.resolved_at - r.created_at)), 0)::float8 as seconds_sum,
       count(r.id)::bigint as seconds_count
from app.categories as c
left join app.requests as r on r.category = c.code and r.status = 'resolved'
group by c.code;

-- Age of the oldest request still waiting (open or in progress) per
-- category; 0 when there is none.
create view metrics.oldest_open_request as
select c.code as category,
       coalesce(extract(epoch from now() - min(r.created_at)), 0)::float8 as age_seconds
from app.categories as c
left join app.requests as r on r.category = c.code and r.status in ('open', 'in_progress')
group by c.code;

-- Live sessions per sign-in method: not revoked, not past their absolute
-- expiry, not idle for longer than their idle timeout.
create view metrics.active_sessions as
select m.method, count(s.id)::bigint as active
from (values ('azure'), ('passkey'), ('dev')) as m (method)
left join auth.sessions as s
    on s.method = m.method
   and s.revoked_at is null
   and s.expires_at > now()
   and s.last_seen_at + s.idle_timeout > now()
group by m.method;

-- Audit entries ever written: a counter (the log is append-only).
create view metrics.audit_entries as
select count(*)::bigint as total from app.audit_log;

grant select on metrics.requests_by_status, metrics.requests_created,
    metrics.request_resolution_buckets, metrics.request_resolution_totals,
    metrics.oldest_open_request, metrics.active_sessions, metrics.audit_entries
    to monitoring;

comment on schema metrics is 'Aggregates for postgres-exporter, read by the monitoring role. Views run as their owner and expose no personal data.';
comment on view metrics.requests_by_status is 'Requests per category and status (every pair, zeros included).';
comment on view metrics.requests_created is 'Requests ever created per category (a counter).';
comment on view metrics.request_resolution_buckets is 'Cumulative histogram buckets of creation-to-resolution time of resolved requests, per category.';
comment on view metrics.request_resolution_totals is 'Sum and count of creation-to-resolution times of resolved requests, per category.';
comment on view metrics.oldest_open_request is 'Age in seconds of the oldest open or in-progress request per category (0 when none).';
comment on view metrics.active_sessions is 'Live sign-in sessions per method.';
comment on view metrics.audit_entries is 'Audit log entries ever written (a counter).';
