drop function auth.active_session_counts();
drop function auth.end_session(bytea, text);
drop function auth.use_session(bytea, boolean);
drop function auth.open_session(uuid, bytea, text, interval, interval, text);
drop function auth.upsert_azure_person(uuid, uuid, text, text, boolean, boolean, text[]);
