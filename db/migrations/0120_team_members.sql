-- Agent rights: a person is an agent of each category listed here for them.
create table app.team_members (
    user_id uuid not null references app.users (id) on delete cascade,
    category text not null references app.categories (code) on update cascade,
    created_at timestamptz not null default now(),
    primary key (user_id, category)
);

alter table app.team_members enable row level security;

-- select_team and "agents of this category" (assignment checks) filter by category.
create index team_members_category_idx on app.team_members (category, user_id);

create function app.current_agent_categories() returns text[]
    language sql stable security definer
    set search_path = pg_catalog, pg_temp
as $$
    select coalesce(array_agg(tm.category order by tm.category), '{}')
      from app.team_members tm
      join app.users u on u.id = tm.user_id
     where tm.user_id = app.current_user_id()
       and u.disabled_at is null
$$;

create function app.is_agent_of(person uuid, category_code text) returns boolean
    language sql stable security definer
    set search_path = pg_catalog, pg_temp
as $$
    select exists (
        select 1
          from app.team_members tm
          join app.users u on u.id = tm.user_id
         where tm.user_id = person and tm.category = category_code and u.disabled_at is null)
$$;

create policy select_own on app.team_members for select
    using (user_id = (select app.current_user_id()));
create policy select_team on app.team_members for select
    using (category = any ((select app.current_agent_categories())::text[]));
create policy select_all_admin on app.team_members for select
    using ((select app.current_user_is_admin()));
create policy insert_admin on app.team_members for insert
    with check ((select app.current_user_is_admin()));
create policy delete_admin on app.team_members for delete
    using ((select app.current_user_is_admin()));

-- People who serve one of my categories, so an agent can assign to them.
create policy select_agents_of_my_categories on app.users for select
    using (id in (select tm.user_id
                    from app.team_members tm
                   where tm.category = any ((select app.current_agent_categories())::text[])));

grant select, delete on app.team_members to web_user, reqstly_admin;
grant insert (user_id, category) on app.team_members to web_user, reqstly_admin;

grant execute on function app.current_agent_categories() to web_user, web_anon, reqstly_admin;
grant execute on function app.is_agent_of(uuid, text) to web_user, reqstly_admin;

comment on table app.team_members is 'Agent rights per category: the one source of truth for what agents see and do.';
