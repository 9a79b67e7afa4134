drop table app.requests cascade;
drop function app.tg_requests__validate();
drop function app.tg_requests__set_defaults();
