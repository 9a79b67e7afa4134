drop function api.assign_request(bigint, integer, uuid);
drop function api.take_over_request(bigint, uuid);
drop function api.take_request(bigint);
drop function app.display_name_of(uuid);
