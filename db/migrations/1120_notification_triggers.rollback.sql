drop trigger comments_800_notify on app.comments;
drop trigger requests_800_notify on app.requests;
drop function app.tg_comments__notify();
drop function app.tg_requests__notify();
