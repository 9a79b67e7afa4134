drop policy select_agents_of_my_categories on app.users;
drop table app.team_members cascade;
drop function app.is_agent_of(uuid, text);
drop function app.current_agent_categories();
