-- Request numbers from a sequence per category (issue #16, ADR 0012).
--
-- Each create used to `update app.categories set last_number = last_number + 1`
-- and held that row's lock until it committed, so every create of one
-- category waited for the one before it (100 creators in IT: p95 2 s). A
-- sequence hands out the next number without a lock held to commit: keys stay
-- unique, increasing and readable (IT-42), but a create that rolls back
-- leaves a gap, which is never filled (ADR 0012).
--
-- Each category names its sequence in app.categories.number_sequence; a
-- category added at psql gets one from a trigger, which renames it with the
-- category's code and drops it with the category. last_number goes: the
-- sequences are the counters now.

alter table app.categories add column number_sequence text;

comment on column app.categories.number_sequence is
    'The sequence that numbers this category''s requests (IT-1, IT-2, …); created with the category. Gaps are normal (ADR 0012).';

-- Creates the category's sequence, starting after `after` (0: from 1).
create function app.create_number_sequence(code text, after integer) returns text
    language plpgsql volatile security definer
    set search_path = pg_catalog, pg_temp
as $$
declare
    name text := 'app.request_numbers_' || lower(code);
begin
    execute format('create sequence %s as integer minvalue 1', name);
    if after > 0 then
        perform pg_catalog.setval(name, after);
    end if;
    return name;
end
$$;

-- Keeps each category's sequence: created with the category, renamed with
-- its code (so a new category may take the old code), dropped with it.
create function app.tg_categories__number_sequence() returns trigger
    language plpgsql volatile security definer
    set search_path = pg_catalog, pg_temp
as $$
begin
    if tg_op = 'INSERT' then
        new.number_sequence := app.create_number_sequence(new.code, 0);
    elsif tg_op = 'UPDATE' then
        new.number_sequence := 'app.request_numbers_' || lower(new.code);
        execute format('alter sequence %s rename to %s', old.number_sequence,
                       'request_numbers_' || lower(new.code));
    else
        execute format('drop sequence %s', old.number_sequence);
        return old;
    end if;
    return new;
end
$$;

-- The four shipped categories continue where their counters were.
update app.categories c
   set number_sequence = app.create_number_sequence(c.code, c.last_number);

alter table app.categories
    alter column number_sequence set not null,
    add constraint categories_number_sequence_unique unique (number_sequence),
    drop column last_number;

create trigger categories_100_number_sequence before insert or update of code or delete on app.categories
    for each row execute function app.tg_categories__number_sequence();

-- The newest definition (0200), numbering from the category's sequence.
create or replace function app.tg_requests__set_defaults() returns trigger
    language plpgsql volatile security definer
    set search_path = pg_catalog, pg_temp
as $$
declare
    category app.categories;
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
    select * into category from app.categories c where c.code = new.category;
    if not found then
        raise exception 'There is no category "%". Choose one of: %.', new.category,
                (select string_agg(c.code, ', ' order by c.code) from app.categories c)
            using errcode = '22023', detail = 'category';
    end if;
    new.number := pg_catalog.nextval(category.number_sequence);
    new.key := category.key_prefix || '-' || new.number;
    return new;
end
$$;

comment on table app.categories is 'Request categories; each numbers its requests from its own sequence (number_sequence) behind human keys such as IT-42.';
