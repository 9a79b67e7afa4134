drop function api.request_changes(timestamptz);
drop function app.change_marker();
