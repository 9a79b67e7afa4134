-- The status machine: allowed moves are data, each saying who may make it.
create table app.status_transitions (
    from_status text not null
        constraint status_transitions_from_known check (from_status in ('open', 'in_progress', 'resolved', 'cancelled')),
    to_status text not null
        constraint status_transitions_to_known check (to_status in ('open', 'in_progress', 'resolved', 'cancelled')),
    allow_requester boolean not null default false,
    allow_agent boolean not null default false,
    allow_admin boolean not null default false,
    note_required boolean not null default false,
    primary key (from_status, to_status),
    constraint status_transitions_is_a_move check (from_status <> to_status)
);

alter table app.status_transitions enable row level security;

create policy select_all on app.status_transitions for select using (true);

grant select on app.status_transitions to web_user, reqstly_admin;

comment on table app.status_transitions is 'Allowed status moves and who may make each. An organisation may change it with psql.';

insert into app.status_transitions
    (from_status, to_status, allow_requester, allow_agent, allow_admin, note_required) values
    ('open',        'in_progress', false, true,  true,  false),
    ('in_progress', 'resolved',    false, true,  true,  true),
    ('in_progress', 'open',        false, true,  true,  false),
    ('resolved',    'open',        true,  true,  true,  true),
    ('open',        'cancelled',   true,  false, true,  false);

create function app.status_label(status text) returns text
    language sql immutable
    set search_path = pg_catalog, pg_temp
as $$
    select case status
        when 'open' then 'Open'
        when 'in_progress' then 'In progress'
        when 'resolved' then 'Resolved'
        when 'cancelled' then 'Cancelled'
        else status end
$$;

-- The moves the acting person may make from a status, for a request with this
-- requester and category. Used by api.allowed_transitions and error messages.
create function app.allowed_moves(from_status text, requester_id uuid, category text)
    returns table (to_status text, note_required boolean)
    language sql stable security definer
    set search_path = pg_catalog, pg_temp
as $$
    with actor as (
        select app.current_user_id() is not distinct from requester_id
                   and app.current_user_id() is not null as is_requester,
               app.is_agent_of(app.current_user_id(), category) as is_agent,
               app.current_user_is_admin() or app.acting_as_unmapped_superuser() as is_admin)
    select t.to_status, t.note_required
      from app.status_transitions t, actor a
     where t.from_status = allowed_moves.from_status
       and ((t.allow_requester and a.is_requester)
            or (t.allow_agent and a.is_agent)
            or (t.allow_admin and a.is_admin))
     order by t.to_status
$$;

create function app.describe_moves(from_status text, requester_id uuid, category text) returns text
    language sql stable
    set search_path = pg_catalog, pg_temp
as $$
    select coalesce(
        'From ' || app.status_label(from_status) || ' you may move it to: '
            || string_agg(app.status_label(m.to_status), ', ' order by m.to_status) || '.',
        'You cannot change its status from ' || app.status_label(from_status) || '.')
      from app.allowed_moves(from_status, requester_id, category) m
$$;

-- Who may change what, and the status machine, for every path into the
-- table: PostgREST, api.transition_request and an admin at psql alike.
create function app.tg_requests__enforce_rules() returns trigger
    language plpgsql security definer
    set search_path = pg_catalog, pg_temp
as $$
declare
    actor uuid := app.current_user_id();
    is_admin boolean := app.current_user_is_admin() or app.acting_as_unmapped_superuser();
    is_agent boolean := actor is not null and app.is_agent_of(actor, old.category);
    is_requester boolean := actor is not null and actor = old.requester_id;
    move app.status_transitions;
    note text := nullif(btrim(pg_catalog.current_setting('reqstly.transition_note', true)), '');
    closed boolean := old.status in ('resolved', 'cancelled');
begin
    if actor is null and not is_admin then
        raise exception 'The database role % is not linked to a person, so it cannot change requests.', app.acting_role()
            using errcode = '42501', hint = 'An admin links a psql login with app.create_admin_login(person, role_name).';
    end if;

    if new.id <> old.id or new.key <> old.key or new.number <> old.number
       or new.requester_id <> old.requester_id or new.created_at <> old.created_at then
        raise exception 'The key, requester and creation time of a request never change.'
            using errcode = '42501';
    end if;

    if (new.title, new.description, new.priority) is distinct from (old.title, old.description, old.priority) then
        if closed then
            raise exception 'Request % is %, so it can no longer be edited.', old.key, lower(app.status_label(old.status))
                using errcode = 'PT409', hint = 'Reopen it first if something still needs doing.';
        end if;
        if not (is_admin or is_agent) then
            if not is_requester then
                raise exception 'Only the requester, an agent of % or an admin may edit request %.', old.category, old.key
                    using errcode = 'PT403';
            end if;
            if old.status <> 'open' then
                raise exception 'Request % is already being worked on, so only an agent can edit it now.', old.key
                    using errcode = 'PT409', hint = 'Add a comment instead.';
            end if;
        end if;
    end if;

    if new.category <> old.category then
        if not (is_admin or is_agent) then
            raise exception 'Only an agent of % or an admin can move request % to another category.', old.category, old.key
                using errcode = 'PT403', detail = 'category';
        end if;
        if closed then
            raise exception 'Request % is %, so it can no longer be moved.', old.key, lower(app.status_label(old.status))
                using errcode = 'PT409', detail = 'category';
        end if;
        -- The assignee goes with the request only if they serve the new category.
        if new.assignee_id is not distinct from old.assignee_id and old.assignee_id is not null
           and not app.is_agent_of(old.assignee_id, new.category) then
            new.assignee_id := null;
        end if;
    end if;

    if new.assignee_id is distinct from old.assignee_id
       and not (new.status = 'open' and old.status = 'in_progress' and new.assignee_id is null) then
        if not (is_admin or is_agent) then
            raise exception 'Only an agent of % or an admin can assign request %.', old.category, old.key
                using errcode = 'PT403', detail = 'assignee_id';
        end if;
        if closed then
            raise exception 'Request % is %, so it can no longer be assigned.', old.key, lower(app.status_label(old.status))
                using errcode = 'PT409', detail = 'assignee_id';
        end if;
        if new.assignee_id is not null and not app.is_agent_of(new.assignee_id, new.category) then
            raise exception '% is not an agent of %; a request can only be assigned to an agent of its category.',
                    coalesce((select u.display_name from app.users u where u.id = new.assignee_id), 'That person'),
                    new.category
                using errcode = '23514', detail = 'assignee_id';
        end if;
    end if;

    if new.status <> old.status then
        select * into move from app.status_transitions t
         where t.from_status = old.status and t.to_status = new.status;
        if not found then
            raise exception 'A request that is % cannot be moved to %. %', lower(app.status_label(old.status)),
                    lower(app.status_label(new.status)), app.describe_moves(old.status, old.requester_id, old.category)
                using errcode = 'PT409', detail = 'to_status';
        end if;
        if not ((move.allow_requester and is_requester) or (move.allow_agent and is_agent)
                or (move.allow_admin and is_admin)) then
            raise exception 'You may not move request % from % to %. %', old.key, app.status_label(old.status),
                    app.status_label(new.status), app.describe_moves(old.status, old.requester_id, old.category)
                using errcode = 'PT403', detail = 'to_status';
        end if;
        if move.note_required and note is null then
            raise exception 'Moving request % to % needs a note: say %.', old.key, app.status_label(new.status),
                    case new.status when 'resolved' then 'how it was resolved' else 'why' end
                using errcode = '23514', detail = 'note',
                      hint = 'At psql use app.set_request_status(request_id, to_status, note).';
        end if;

        if old.status = 'open' and new.status = 'in_progress' and new.assignee_id is null and is_agent then
            new.assignee_id := actor;
        elsif old.status = 'in_progress' and new.status = 'open' then
            new.assignee_id := null;
        end if;
        new.resolved_at := case when new.status = 'resolved' then now() end;
    elsif new.resolved_at is distinct from old.resolved_at then
        raise exception 'resolved_at follows the status and cannot be set by hand.' using errcode = '42501';
    end if;

    if (new.title, new.description, new.priority, new.category, new.assignee_id, new.status)
       is distinct from (old.title, old.description, old.priority, old.category, old.assignee_id, old.status) then
        new.updated_at := now();
    end if;
    return new;
end
$$;

create trigger requests_100_enforce_rules before update on app.requests
    for each row execute function app.tg_requests__enforce_rules();

-- The one way a status changes. The note (required to resolve and to reopen)
-- becomes a public comment by the actor, written before the move.
create function app.set_request_status(request_id bigint, to_status text, note text default null)
    returns void
    language plpgsql volatile security definer
    set search_path = pg_catalog, pg_temp
as $$
declare
    clean_note text := nullif(btrim(note), '');
    current app.requests;
begin
    if to_status is null or to_status not in ('open', 'in_progress', 'resolved', 'cancelled') then
        raise exception 'There is no status "%". The statuses are open, in_progress, resolved and cancelled.', to_status
            using errcode = '22023', detail = 'to_status';
    end if;
    select * into current from app.requests r where r.id = request_id for update;
    if not found then
        raise exception 'There is no request %.', request_id using errcode = 'PT404';
    end if;
    if current.status = to_status then
        raise exception 'Request % is already %.', current.key, lower(app.status_label(to_status))
            using errcode = 'PT409', detail = 'to_status';
    end if;
    if clean_note is not null then
        insert into app.comments (request_id, body, internal) values (request_id, clean_note, false);
    end if;
    perform pg_catalog.set_config('reqstly.transition_note', coalesce(clean_note, ''), true);
    update app.requests r set status = to_status where r.id = request_id;
    perform pg_catalog.set_config('reqstly.transition_note', '', true);
end
$$;
comment on function app.set_request_status(bigint, text, text) is 'Moves a request to another status as the acting person; the trigger decides whether they may.';

grant execute on function app.status_label(text) to web_user, reqstly_admin;
grant execute on function app.allowed_moves(text, uuid, text) to web_user, reqstly_admin;
grant execute on function app.describe_moves(text, uuid, text) to web_user, reqstly_admin;
grant execute on function app.set_request_status(bigint, text, text) to web_user, reqstly_admin;
