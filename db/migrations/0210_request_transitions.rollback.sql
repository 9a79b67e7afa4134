drop function app.set_request_status(bigint, text, text);
drop trigger requests_100_enforce_rules on app.requests;
drop function app.tg_requests__enforce_rules();
drop function app.describe_moves(text, uuid, text);
drop function app.allowed_moves(text, uuid, text);
drop function app.status_label(text);
drop table app.status_transitions;
