-- The sign-in's own rewrite of an Entra-managed person's agent categories
-- (auth.upsert_azure_person, 0930, marked by app.entra_rights_sync_of) runs
-- as authsvc, not as an admin: 0990's admin-first check refused it, so an
-- Azure sign-in with an agent app role failed with 500. The check now lets
-- exactly that rewrite through; everyone else still meets it first.
create or replace function app.tg_team_members__require_admin() returns trigger
    language plpgsql volatile security definer
    set search_path = pg_catalog, pg_temp
as $$
begin
    if not app.entra_rights_sync_of(new.user_id) then
        perform app.require_admin();
    end if;
    return new;
end
$$;
