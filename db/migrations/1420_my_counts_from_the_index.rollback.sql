-- Back to the index on (requester_id, updated_at) alone.

create index requests_requester_idx_1420 on app.requests (requester_id, updated_at desc);
drop index app.requests_requester_idx;
alter index app.requests_requester_idx_1420 rename to requests_requester_idx;
