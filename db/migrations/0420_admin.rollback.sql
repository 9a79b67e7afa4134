drop function api.enable_person(uuid);
drop function api.disable_person(uuid);
drop function api.set_admin(uuid, boolean);
drop function app.enable_person(uuid);
drop function app.disable_person(uuid);
drop function app.set_admin(uuid, boolean);
drop function app.create_admin_login(uuid, text);
drop function app.require_admin();
