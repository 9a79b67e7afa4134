-- Comments on requests: public replies, or internal notes for agents and admins.
create table app.comments (
    id bigint generated always as identity primary key,
    request_id bigint not null references app.requests (id),
    author_id uuid references app.users (id),
    author_name text not null,
    body text not null
        constraint comments_body_length check (char_length(btrim(body)) between 1 and 10000),
    internal boolean not null default false,
    created_at timestamptz not null default now()
);

alter table app.comments enable row level security;

-- A request's comments in order (request_id=eq.N&order=created_at).
create index comments_request_idx on app.comments (request_id, created_at);
-- People visibility: authors of comments the caller can see.
create index comments_author_idx on app.comments (author_id);

create function app.tg_comments__set_defaults() returns trigger
    language plpgsql security definer
    set search_path = pg_catalog, pg_temp
as $$
declare
    target app.requests;
begin
    new.author_id := app.current_user_id();
    if new.author_id is null and not app.acting_as_unmapped_superuser() then
        raise exception 'Only a signed-in person can comment.' using errcode = '42501';
    end if;
    new.author_name := coalesce((select u.display_name from app.users u where u.id = new.author_id),
                                app.acting_role());
    new.created_at := now();
    new.internal := coalesce(new.internal, false);

    if new.body is null or btrim(new.body) = '' then
        raise exception 'Write something before sending the comment.' using errcode = '23514', detail = 'body';
    end if;
    if char_length(btrim(new.body)) > 10000 then
        raise exception 'The comment is % characters long; the limit is 10000.', char_length(btrim(new.body))
            using errcode = '23514', detail = 'body';
    end if;
    new.body := btrim(new.body);

    select * into target from app.requests r where r.id = new.request_id;
    if not found then
        raise exception 'There is no request %.', new.request_id using errcode = 'PT404', detail = 'request_id';
    end if;
    if target.status = 'cancelled' then
        raise exception 'Request % was cancelled, so it takes no more comments.', target.key
            using errcode = 'PT409';
    end if;
    if new.internal and not (app.current_user_is_admin() or app.acting_as_unmapped_superuser()
                             or app.is_agent_of(new.author_id, target.category)) then
        raise exception 'Only agents of % and admins can write internal notes.', target.category
            using errcode = 'PT403', detail = 'internal';
    end if;
    return new;
end
$$;

-- A comment is activity on the request: it moves updated_at (lists sort by it).
create function app.tg_comments__touch_request() returns trigger
    language plpgsql security definer
    set search_path = pg_catalog, pg_temp
as $$
begin
    update app.requests r set updated_at = now() where r.id = new.request_id;
    return null;
end
$$;

create trigger comments_100_defaults before insert on app.comments
    for each row execute function app.tg_comments__set_defaults();
create trigger comments_100_touch_request after insert on app.comments
    for each row execute function app.tg_comments__touch_request();

-- Comments are never edited or removed: they are part of the record.
create policy select_public on app.comments for select
    using (not internal and request_id in (select r.id from app.requests r));
create policy select_team on app.comments for select
    using (internal and request_id in (select r.id from app.requests r
                                        where r.category = any ((select app.current_agent_categories())::text[])));
create policy select_all_admin on app.comments for select
    using ((select app.current_user_is_admin()));
create policy insert_visible on app.comments for insert
    with check (request_id in (select r.id from app.requests r)
                and author_id = (select app.current_user_id()));

grant select on app.comments to web_user, reqstly_admin;
grant insert (request_id, body, internal) on app.comments to web_user, reqstly_admin;

comment on table app.comments is 'Comments; internal ones are seen by agents of the category and admins only. Append-only.';
