-- Requests: what employees file and agents work.
create table app.requests (
    id bigint generated always as identity primary key,
    key text not null,
    number integer not null,
    title text not null
        constraint requests_title_length check (char_length(btrim(title)) between 1 and 200),
    description text not null default ''
        constraint requests_description_length check (char_length(description) <= 20000),
    category text not null references app.categories (code) on update cascade,
    priority text not null default 'normal'
        constraint requests_priority_known check (priority in ('low', 'normal', 'high', 'urgent')),
    priority_rank smallint generated always as (
        case priority when 'urgent' then 4 when 'high' then 3 when 'normal' then 2 else 1 end) stored,
    status text not null default 'open'
        constraint requests_status_known check (status in ('open', 'in_progress', 'resolved', 'cancelled')),
    requester_id uuid not null references app.users (id),
    assignee_id uuid references app.users (id),
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    resolved_at timestamptz,
    search tsvector generated always as (
        setweight(to_tsvector('pg_catalog.simple', key), 'A')
        || setweight(to_tsvector('pg_catalog.english', title), 'A')
        || setweight(to_tsvector('pg_catalog.english', description), 'B')) stored,
    constraint requests_key_unique unique (key),
    constraint requests_resolved_at_matches_status check ((status = 'resolved') = (resolved_at is not null))
);

alter table app.requests enable row level security;

-- select_own and "my requests" (requester_id=eq.me, order=updated_at.desc).
create index requests_requester_idx on app.requests (requester_id, updated_at desc);
-- select_team and the agent queue (category=in.(…), status=…, newest change first).
create index requests_category_status_idx on app.requests (category, status, updated_at desc);
-- "assigned to me" and people-on-requests visibility.
create index requests_assignee_idx on app.requests (assignee_id) where assignee_id is not null;
-- admins' list of everything, newest change first.
create index requests_updated_at_idx on app.requests (updated_at desc);
-- full-text search (search=wfts.…).
create index requests_search_idx on app.requests using gin (search);

-- Set what the database owns on insert: requester, status, key.
create function app.tg_requests__set_defaults() returns trigger
    language plpgsql security definer
    set search_path = pg_catalog, pg_temp
as $$
declare
    prefix text;
begin
    new.requester_id := coalesce(app.current_user_id(),
                                 case when app.acting_as_unmapped_superuser() then new.requester_id end);
    if new.requester_id is null then
        raise exception 'Only a signed-in person can file a request.'
            using errcode = '42501';
    end if;
    new.status := 'open';
    new.resolved_at := null;
    new.created_at := now();
    new.updated_at := now();
    if new.category is null or btrim(new.category) = '' then
        raise exception 'Choose a category for the request.'
            using errcode = '23502', detail = 'category';
    end if;
    update app.categories c
       set last_number = c.last_number + 1
     where c.code = new.category
    returning c.last_number, c.key_prefix into new.number, prefix;
    if not found then
        raise exception 'There is no category "%". Choose one of: %.', new.category,
                (select string_agg(c.code, ', ' order by c.code) from app.categories c)
            using errcode = '22023', detail = 'category';
    end if;
    new.key := prefix || '-' || new.number;
    return new;
end
$$;

-- Field values, with messages for people (the CHECK constraints are the backstop).
create function app.tg_requests__validate() returns trigger
    language plpgsql
    set search_path = pg_catalog, pg_temp
as $$
begin
    if new.title is null or btrim(new.title) = '' then
        raise exception 'Give the request a title.' using errcode = '23514', detail = 'title';
    end if;
    if char_length(btrim(new.title)) > 200 then
        raise exception 'The title is % characters long; keep it to 200 and put the rest in the description.',
                char_length(btrim(new.title))
            using errcode = '23514', detail = 'title';
    end if;
    new.title := btrim(new.title);
    new.description := coalesce(new.description, '');
    if char_length(new.description) > 20000 then
        raise exception 'The description is % characters long; the limit is 20000.', char_length(new.description)
            using errcode = '23514', detail = 'description';
    end if;
    if new.priority is null or new.priority not in ('low', 'normal', 'high', 'urgent') then
        raise exception 'The priority "%" is not one of low, normal, high, urgent.', new.priority
            using errcode = '23514', detail = 'priority';
    end if;
    if tg_op = 'UPDATE' and new.category is distinct from old.category
       and not exists (select 1 from app.categories c where c.code = new.category) then
        raise exception 'There is no category "%".', new.category
            using errcode = '22023', detail = 'category';
    end if;
    return new;
end
$$;

create trigger requests_100_defaults before insert on app.requests
    for each row execute function app.tg_requests__set_defaults();
create trigger requests_200_validate before insert or update on app.requests
    for each row execute function app.tg_requests__validate();

create policy select_own on app.requests for select
    using (requester_id = (select app.current_user_id()));
create policy select_team on app.requests for select
    using (category = any ((select app.current_agent_categories())::text[]));
create policy select_all_admin on app.requests for select
    using ((select app.current_user_is_admin()));

create policy insert_own on app.requests for insert
    with check (requester_id = (select app.current_user_id()));

-- Who may change which field and when is the trigger's job (clear messages);
-- these say whose rows may be touched at all. An agent may move a request out
-- of their categories, so the new row is not held to select_team.
create policy update_own on app.requests for update
    using (requester_id = (select app.current_user_id()))
    with check (requester_id = (select app.current_user_id()));
create policy update_team on app.requests for update
    using (category = any ((select app.current_agent_categories())::text[]))
    with check (true);
create policy update_all_admin on app.requests for update
    using ((select app.current_user_is_admin()))
    with check (true);

grant select (id, key, number, title, description, category, priority, priority_rank, status,
              requester_id, assignee_id, created_at, updated_at, resolved_at, search)
    on app.requests to web_user, reqstly_admin;
grant insert (title, description, category, priority) on app.requests to web_user, reqstly_admin;
grant update (title, description, priority, category, assignee_id) on app.requests to web_user, reqstly_admin;

comment on table app.requests is 'Requests. status changes only through app.set_request_status / api.transition_request; a trigger enforces the status machine for every path.';
comment on column app.requests.key is 'Human key such as IT-42, from the category''s prefix and counter; it stays when the category changes.';
