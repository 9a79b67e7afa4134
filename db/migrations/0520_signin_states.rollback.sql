drop function auth.consume_signin(bytea);
drop function auth.begin_signin(bytea, interval);
drop table auth.signin_states;
