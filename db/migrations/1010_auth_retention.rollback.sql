drop function auth.delete_expired_sign_in_rows(interval, interval, timestamptz);
