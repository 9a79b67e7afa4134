drop table app.comments cascade;
drop function app.tg_comments__touch_request();
drop function app.tg_comments__set_defaults();
