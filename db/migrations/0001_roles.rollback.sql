-- Roles are shared by every database of the cluster; drop only what this
-- database granted. Dropping the roles themselves is left to the operator.
alter role authenticator reset default_text_search_config;
alter role authenticator reset statement_timeout;
revoke web_anon from authenticator;
revoke web_user from authenticator;
revoke pg_monitor from monitoring;
