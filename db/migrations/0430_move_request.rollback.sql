drop function api.move_request(bigint, text);
drop function app.move_request_unchecked(bigint, text);
