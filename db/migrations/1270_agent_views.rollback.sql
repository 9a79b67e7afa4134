drop function api.count_requests(text, text, text, text);
drop type api.request_tally;
drop function api.find_requests(text, text, text, text, text, text, integer, integer);
drop function app.request_filter(text, text, text, text, text);
drop view api.request_list;
drop index app.requests_queue_idx;
