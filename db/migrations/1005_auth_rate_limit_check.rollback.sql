drop function auth.rate_limit_check(text, integer, integer);
