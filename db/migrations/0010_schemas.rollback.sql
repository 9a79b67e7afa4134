drop schema if exists auth cascade;
drop schema if exists api cascade;
drop schema if exists app cascade;
alter default privileges grant execute on functions to public;
grant create on schema public to public;
grant usage on schema public to public;
