drop function auth.unsubscribe(text, boolean);
drop function api.set_notification_preference(text, boolean, text);
drop view api.notification_settings;
drop function app.unsubscribe_token(uuid, text);
drop function app.base64url(bytea);
drop function app.hmac_sha256(bytea, bytea);
drop table app.notification_secret;
drop function app.notification_delivery(uuid, text);
drop table app.notification_preferences;
drop table app.notification_kinds;
-- The notifier role is cluster-wide and may serve other databases: it stays.
