create or replace function app.tg_team_members__require_admin() returns trigger
    language plpgsql volatile security definer
    set search_path = pg_catalog, pg_temp
as $$
begin
    perform app.require_admin();
    return new;
end
$$;
