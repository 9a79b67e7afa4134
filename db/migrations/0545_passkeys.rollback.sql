drop table auth.passkeys;
drop function auth.tg_passkeys__end_other_sessions();
drop function auth.tg_passkeys__validate();
