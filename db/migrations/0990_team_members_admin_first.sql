-- Only an admin changes who is an agent, asked before anything looks at the
-- person (issue #13). The Entra guard (0930, team_members_200_guard_entra_rights,
-- security definer) ran before row-level security's insert_admin check and
-- answered a non-admin with "<name>'s rights come from their Entra ID app
-- roles …" (PT409) for such a person and 42501 for anyone else: a name and
-- a fact about any person id. tests/db/test_existence_oracles.py found it.
create function app.tg_team_members__require_admin() returns trigger
    language plpgsql volatile security definer
    set search_path = pg_catalog, pg_temp
as $$
begin
    perform app.require_admin();
    return new;
end
$$;
create trigger team_members_100_require_admin before insert on app.team_members
    for each row execute function app.tg_team_members__require_admin();
comment on function app.tg_team_members__require_admin() is 'team_members_100_require_admin: refuses a non-admin (42501 "Only an admin can do this.") before any other trigger reads the person.';
