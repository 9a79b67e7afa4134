-- Cluster roles (docs/ARCHITECTURE.md). Roles are cluster-wide, so each is created only
-- if missing: several databases (tests, restores) may share one cluster.
do $$
declare
    spec record;
begin
    for spec in
        select * from (values
            ('authenticator', 'login noinherit'),
            ('web_anon',      'nologin'),
            ('web_user',      'nologin'),
            ('authsvc',       'login'),
            ('reqstly_admin', 'nologin'),
            ('monitoring',    'login')
        ) as r(name, options)
    loop
        if not exists (select from pg_catalog.pg_roles where rolname = spec.name) then
            execute format('create role %I %s', spec.name, spec.options);
        end if;
    end loop;
end
$$;

-- PostgREST connects as authenticator and switches to one of these per request.
grant web_anon to authenticator;
grant web_user to authenticator;
grant pg_monitor to monitoring;

-- Settings PostgREST's sessions pick up when it logs in: stemmed full-text
-- search for `search=wfts.…`, and no runaway statement holding a pool slot.
alter role authenticator set default_text_search_config = 'pg_catalog.english';
alter role authenticator set statement_timeout = '15s';
