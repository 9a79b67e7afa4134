-- api.my_passkeys (docs/API.md): the caller's passkeys. GET lists
-- them, PATCH renames (name only), DELETE removes one — which ends the
-- caller's other sessions (trigger on auth.passkeys). Row-level security on
-- auth.passkeys decides the rows; the where clause keeps the view about the
-- caller even for roles with wider policies.
create view api.my_passkeys with (security_invoker = true) as
    select p.id, p.name, p.created_at, p.last_used_at, p.backed_up
      from auth.passkeys p
     where p.user_id = app.current_user_id();

grant select, delete on api.my_passkeys to web_user;
grant update (name) on api.my_passkeys to web_user;

comment on view api.my_passkeys is 'The caller''s passkeys: id, name, created_at, last_used_at, backed_up. PATCH name (1–100 characters); DELETE removes one and ends the caller''s other sessions.';
