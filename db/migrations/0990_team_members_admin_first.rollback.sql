drop trigger team_members_100_require_admin on app.team_members;
drop function app.tg_team_members__require_admin();
