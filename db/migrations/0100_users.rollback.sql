drop table app.users cascade;
drop function app.tg__set_updated_at();
drop function app.current_user_is_admin();
drop function app.acting_as_unmapped_superuser();
drop function app.current_user_id();
drop function app.acting_role();
