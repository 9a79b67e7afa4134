-- A queue's counts from kept tallies, not from counting the queue (#16, docs/perf/fixes.md §20).
--
-- An agent's queue shows, for "All in my categories" and "Unassigned in my
-- categories", how many requests each status holds (api.count_requests,
-- 1270): every request the category ever had, resolved ones included, so the
-- count grew with the organisation's history — 188 ms for a category of
-- 300 000 requests, twice per visit. The counts per category, status and
-- whether assigned are now kept in app.request_tallies by triggers
-- on app.requests, and those two scopes (and an admin's "all") read
-- them; a search or a priority filter still counts the rows.
--
-- Creates must not queue behind one hot row (issue #16): each count is kept
-- in eight shards, a connection adding to the shard of its backend; a change
-- takes its two tally rows in key order.

create table app.request_tallies (
    category text not null,
    status text not null,
    unassigned boolean not null,
    shard smallint not null,
    n bigint not null,
    primary key (category, status, unassigned, shard)
);
alter table app.request_tallies enable row level security;
comment on table app.request_tallies is 'Requests per category, status and whether assigned, in eight shards (sum them); kept by requests_900_tally, read by app.category_tallies().';

-- Adds a request's change to the tallies: +1 for its new key, -1 for its old
-- one, taken in key order. A create is one single-row upsert.
create function app.tg_requests__tally() returns trigger
    language plpgsql volatile security definer
    set search_path = pg_catalog, pg_temp
as $$
declare
    this_shard smallint := pg_catalog.pg_backend_pid() % 8;
begin
    if tg_op = 'INSERT' then
        insert into app.request_tallies as t (category, status, unassigned, shard, n)
        values (new.category, new.status, new.assignee_id is null, this_shard, 1)
            on conflict (category, status, unassigned, shard) do update set n = t.n + 1;
        return null;
    end if;
    insert into app.request_tallies as t (category, status, unassigned, shard, n)
    select k.category, k.status, k.unassigned, this_shard, k.n
      from (select new.category, new.status, new.assignee_id is null, 1 where tg_op = 'UPDATE'
            union all
            select old.category, old.status, old.assignee_id is null, -1) k (category, status, unassigned, n)
     order by k.category, k.status, k.unassigned
        on conflict (category, status, unassigned, shard) do update set n = t.n + excluded.n;
    return null;
end
$$;
comment on function app.tg_requests__tally() is 'requests_900_tally: adds a request''s creation, change of category, status or assignment, or removal to app.request_tallies.';

-- Updates that keep the key (most: titles, priorities, a comment touching
-- updated_at) do not call the function at all.
create trigger requests_900_tally_insert after insert on app.requests
    for each row execute function app.tg_requests__tally();
create trigger requests_900_tally_update after update on app.requests
    for each row
    when ((old.category, old.status, old.assignee_id is null) is distinct from (new.category, new.status, new.assignee_id is null))
    execute function app.tg_requests__tally();
create trigger requests_900_tally_delete after delete on app.requests
    for each row execute function app.tg_requests__tally();

-- Counts every request again into shard 0 (under a share lock, so no
-- request changes between the count and the triggers counting on): for this
-- migration, and for an operator after loading requests with triggers off
-- (session_replication_role = replica), which the tallies cannot see
-- (docs/RUNBOOK.md, "Queue counts do not match the list").
create function app.rebuild_request_tallies() returns bigint
    language plpgsql volatile
    set search_path = pg_catalog, pg_temp
as $$
begin
    lock table app.requests in share mode;
    delete from app.request_tallies;
    insert into app.request_tallies (category, status, unassigned, shard, n)
    select r.category, r.status, r.assignee_id is null, 0, pg_catalog.count(*)
      from app.requests r
     group by 1, 2, 3;
    return (select coalesce(pg_catalog.sum(t.n), 0)::bigint from app.request_tallies t);
end
$$;
comment on function app.rebuild_request_tallies() is 'Counts every request into app.request_tallies again (after a load with triggers off); returns the requests counted.';
revoke execute on function app.rebuild_request_tallies() from public;

do $$ begin perform app.rebuild_request_tallies(); end $$;

-- Counts per category and status as api.count_requests gives them for a
-- scope, from the tallies: "my_categories" and "unassigned" over the
-- caller's categories (every request there is one an agent may see:
-- select_team), "all" over every category for an admin; one category if
-- named. Any other scope has no tally and counts nothing here.
create function app.category_tallies(scope text, category text)
    returns setof api.request_tally
    language sql stable security definer
    set search_path = pg_catalog, pg_temp
as $$
    select t.category, t.status, pg_catalog.sum(t.n)::bigint
      from app.request_tallies t
     where case category_tallies.scope
               when 'my_categories' then t.category = any (app.current_agent_categories())
               when 'unassigned' then t.unassigned and t.category = any (app.current_agent_categories())
               when 'all' then app.current_user_is_admin()
               else false end
       and (category_tallies.category is null or t.category = category_tallies.category)
     group by t.category, t.status
    having pg_catalog.sum(t.n) > 0
     order by t.category, t.status
$$;
comment on function app.category_tallies(text, text) is 'Requests per category and status for a scope of api.count_requests (my_categories, unassigned; all for an admin), from app.request_tallies.';
grant execute on function app.category_tallies(text, text) to web_user, reqstly_admin;

create or replace function api.count_requests(q text default null, scope text default null, category text default null,
                                              priority text default null)
    returns setof api.request_tally
    language plpgsql stable
    set search_path = pg_catalog, pg_temp
as $$
declare
    filter text := app.request_filter(q, scope, category, null, priority);  -- checks every argument
begin
    -- A category's own counts are kept (app.request_tallies); a search, a
    -- priority, a requester's own or an agent's "all" count the rows.
    if nullif(pg_catalog.btrim(q), '') is null and priority is null
       and (scope in ('my_categories', 'unassigned')
            or (coalesce(scope, 'all') = 'all' and app.current_user_is_admin())) then
        return query select * from app.category_tallies(coalesce(scope, 'all'), category);
        return;
    end if;
    return query execute format(
        'select l.category, l.status, count(*) from app.requests l where %s group by 1, 2 order by 1, 2', filter);
end
$$;
