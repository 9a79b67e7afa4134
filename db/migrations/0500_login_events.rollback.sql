drop function auth.record_login_event(uuid, text, text, text, inet, text, text);
drop function auth.require_authsvc();
drop table auth.login_events;
