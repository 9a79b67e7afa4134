drop function api.pre_request();
