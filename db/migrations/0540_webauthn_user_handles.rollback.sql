alter table app.users drop column webauthn_user_id;
