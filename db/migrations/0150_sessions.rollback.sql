drop function app.revoke_sessions_of(uuid, text, uuid);
drop table auth.sessions cascade;
drop function if exists auth.session_is_live(auth.sessions);
