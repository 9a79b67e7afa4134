create or replace function app.tg_requests__set_defaults() returns trigger
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

drop trigger categories_100_number_sequence on app.categories;

alter table app.categories
    add column last_number integer not null default 0
        constraint categories_last_number_positive check (last_number >= 0);
-- The counter continues after the highest number handed out (gaps stay gaps).
update app.categories c
   set last_number = (select s.last_value from pg_catalog.pg_sequences s
                       where s.schemaname || '.' || s.sequencename = c.number_sequence
                         and s.last_value is not null)
 where exists (select 1 from pg_catalog.pg_sequences s
                where s.schemaname || '.' || s.sequencename = c.number_sequence
                  and s.last_value is not null);

do $$
declare
    name text;
begin
    for name in select c.number_sequence from app.categories c loop
        execute format('drop sequence %s', name);
    end loop;
end
$$;

alter table app.categories drop column number_sequence;

drop function app.tg_categories__number_sequence();
drop function app.create_number_sequence(text, integer);

comment on table app.categories is 'Request categories; last_number is the counter behind human keys such as IT-42.';
