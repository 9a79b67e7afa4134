-- Schemas (docs/ARCHITECTURE.md): app holds tables, api is the only schema PostgREST
-- serves, auth holds credentials and sessions.
revoke all on schema public from public;
revoke create on schema public from public;

-- Functions are not executable by PUBLIC unless a migration grants them.
alter default privileges revoke execute on functions from public;

create schema app;
create schema api;
create schema auth;

comment on schema app is 'Reqstly tables and internal functions. Never exposed by PostgREST.';
comment on schema api is 'The public API contract: security_invoker views and functions served by PostgREST.';
comment on schema auth is 'Credentials, sessions, passkeys and sign-in events; reached through functions.';

-- security_invoker views in api read app tables with the caller's rights and
-- row-level security, so web_user needs to reach app (never exposed itself).
grant usage on schema api to web_anon, web_user, reqstly_admin;
grant usage on schema app to web_user, reqstly_admin;
grant usage on schema auth to web_user, authsvc;
