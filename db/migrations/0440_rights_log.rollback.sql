drop view api.rights_history;
drop trigger users_500_log_rights on app.users;
drop trigger team_members_500_log on app.team_members;
drop table app.rights_log;
drop function app.tg_users__log_rights();
drop function app.tg_team_members__log();
drop function app.log_rights_change(uuid, text, text);
