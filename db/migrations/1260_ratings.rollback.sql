drop function api.confirm_resolution(bigint, integer, text);
drop view api.request_ratings;
drop function app.rate_resolution(bigint, integer, text);
drop table app.request_ratings;
