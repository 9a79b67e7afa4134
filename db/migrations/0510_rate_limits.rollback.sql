drop function auth.rate_limit_hit(text, integer, integer);
drop table auth.rate_limits;
