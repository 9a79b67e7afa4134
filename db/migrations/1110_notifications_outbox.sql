-- Notifications, part 2: the transactional outbox and the worker's functions.
-- A row is written by the triggers of 1120 in the same transaction as the
-- change, so a notification exists exactly when the change committed. The
-- worker (authsvc/notifier, docs/adr/0015-notifications-outbox-and-worker.md)
-- claims due rows, sends them and records the outcome.

-- Incoming webhooks (Microsoft Teams / Slack compatible), one per category.
-- The URL is a credential: admins only.
create table app.category_webhooks (
    category text primary key references app.categories (code) on update cascade,
    url text not null
        constraint category_webhooks_url_shape check (url ~ '^https?://[^[:space:]]+$'),
    enabled boolean not null default true,
    created_at timestamptz not null default now()
);

alter table app.category_webhooks enable row level security;

create policy select_all_admin on app.category_webhooks for select
    using ((select app.current_user_is_admin()));
create policy insert_admin on app.category_webhooks for insert
    with check ((select app.current_user_is_admin()));
create policy update_admin on app.category_webhooks for update
    using ((select app.current_user_is_admin()));
create policy delete_admin on app.category_webhooks for delete
    using ((select app.current_user_is_admin()));

grant select, insert, update, delete on app.category_webhooks to reqstly_admin;

comment on table app.category_webhooks is 'Incoming-webhook URL per category (Teams/Slack): new requests there are posted to it. Admins set it with psql.';

create table app.notifications (
    id bigint generated always as identity primary key,
    kind text not null references app.notification_kinds (code),
    channel text not null
        constraint notifications_channel_known check (channel in ('email', 'webhook')),
    recipient_id uuid references app.users (id),
    webhook_category text references app.categories (code) on update cascade,
    request_id bigint not null references app.requests (id),
    comment_id bigint references app.comments (id),
    actor_id uuid references app.users (id),
    payload jsonb not null,
    correlation_id text,
    digest boolean not null default false,
    state text not null default 'pending'
        constraint notifications_state_known check (state in ('pending', 'sending', 'sent', 'dead', 'withdrawn')),
    attempts integer not null default 0,
    created_at timestamptz not null default now(),
    due_at timestamptz not null default now(),
    locked_until timestamptz,
    sent_at timestamptz,
    last_error text,
    constraint notifications_one_target check (
        (channel = 'email' and recipient_id is not null and webhook_category is null)
        or (channel = 'webhook' and webhook_category is not null and recipient_id is null)),
    constraint notifications_sent_at_matches_state check ((state = 'sent') = (sent_at is not null))
);

alter table app.notifications enable row level security;

-- The worker's claim: due rows not yet sent, oldest first.
create index notifications_due_idx on app.notifications (due_at, id) where state in ('pending', 'sending');
-- The digest of one person.
create index notifications_recipient_idx on app.notifications (recipient_id, created_at);
-- A status change absorbs the reply notification of its own note (1120).
create index notifications_comment_idx on app.notifications (comment_id) where comment_id is not null;
-- Foreign key lookups when a request is checked.
create index notifications_request_idx on app.notifications (request_id);

-- One wake-up per statement; listeners hear it when the transaction commits.
create function app.tg_notifications__wake_worker() returns trigger
    language plpgsql volatile
    set search_path = pg_catalog, pg_temp
as $$
begin
    perform pg_catalog.pg_notify('reqstly_notifications', '');
    return null;
end
$$;

create trigger notifications_900_wake_worker after insert on app.notifications
    for each statement execute function app.tg_notifications__wake_worker();

create policy select_all_admin on app.notifications for select
    using ((select app.current_user_is_admin()));

grant select on app.notifications to reqstly_admin;

comment on table app.notifications is 'Transactional outbox: one row per message to send, written by triggers in the changing transaction; the notifier worker delivers it.';
comment on column app.notifications.payload is 'What the message says, built from what the recipient may read (app.enqueue_notification checks it).';

-- Whether `person` could read `request` through the API: the predicate of
-- the requests policies (select_own, select_team, select_all_admin) for
-- someone other than the caller. tests/notify/test_outbox.py compares it with
-- row-level security by reading as the recipient.
create function app.person_can_read_request(person uuid, request_requester uuid, request_category text)
    returns boolean
    language sql stable security definer
    set search_path = pg_catalog, pg_temp
as $$
    select exists (
        select 1 from app.users u
         where u.id = person and u.disabled_at is null
           and (u.id = request_requester or u.is_admin or app.is_agent_of(person, request_category)))
$$;

-- The same for a comment: internal notes only to agents of the category and admins.
create function app.person_can_read_comment(person uuid, request_requester uuid, request_category text,
                                            comment_internal boolean)
    returns boolean
    language sql stable security definer
    set search_path = pg_catalog, pg_temp
as $$
    select app.person_can_read_request(person, request_requester, request_category)
       and (not coalesce(comment_internal, false)
            or exists (select 1 from app.users u where u.id = person and u.is_admin)
            or app.is_agent_of(person, request_category))
$$;

-- The next daily digest: 08:00 UTC.
create function app.next_digest_at() returns timestamptz
    language sql stable
    set search_path = pg_catalog, pg_temp
as $$
    select case when now() < date_trunc('day', now() at time zone 'UTC') at time zone 'UTC' + interval '8 hours'
                then date_trunc('day', now() at time zone 'UTC') at time zone 'UTC' + interval '8 hours'
                else date_trunc('day', now() at time zone 'UTC') at time zone 'UTC' + interval '32 hours' end
$$;

-- Queue an e-mail to `recipient` about `request` (and `comment`), if they want
-- this kind, are not the actor, are active, have an address and may read it.
-- Returns whether a row was written.
create function app.enqueue_notification(kind text, recipient uuid, request app.requests,
                                         comment app.comments default null, extra jsonb default '{}')
    returns boolean
    language plpgsql volatile security definer
    set search_path = pg_catalog, pg_temp
as $$
declare
    actor uuid := app.current_user_id();
    delivery text;
begin
    if recipient is null or recipient is not distinct from actor then
        return false;
    end if;
    if not exists (select 1 from app.users u where u.id = recipient and u.email is not null) then
        return false;
    end if;
    if not app.person_can_read_request(recipient, request.requester_id, request.category)
       or (comment.id is not null
           and not app.person_can_read_comment(recipient, request.requester_id, request.category, comment.internal)) then
        return false;
    end if;
    delivery := app.notification_delivery(recipient, kind);
    if delivery is null then
        return false;
    end if;
    insert into app.notifications (kind, channel, recipient_id, request_id, comment_id, actor_id, payload,
                                   correlation_id, digest, due_at)
    values (enqueue_notification.kind, 'email', recipient, request.id, comment.id, actor,
            jsonb_build_object(
                'key', request.key, 'title', request.title, 'category', request.category,
                'status', request.status, 'status_label', app.status_label(request.status),
                'actor_name', coalesce((select u.display_name from app.users u where u.id = actor), app.acting_role()),
                'comment', comment.body) || extra,
            nullif(pg_catalog.current_setting('reqstly.correlation_id', true), ''),
            delivery = 'digest',
            case when delivery = 'digest' then app.next_digest_at() else now() end);
    return true;
end
$$;

-- Queue a post to the category's webhook, if it has one. Public facts only
-- (key, title, category, status): the channel is read by the whole team.
create function app.enqueue_webhook(kind text, request app.requests) returns boolean
    language plpgsql volatile security definer
    set search_path = pg_catalog, pg_temp
as $$
begin
    if not exists (select 1 from app.category_webhooks w where w.category = request.category and w.enabled) then
        return false;
    end if;
    insert into app.notifications (kind, channel, webhook_category, request_id, actor_id, payload, correlation_id)
    values (kind, 'webhook', request.category, request.id, app.current_user_id(),
            jsonb_build_object('key', request.key, 'title', request.title, 'category', request.category,
                               'status', request.status, 'status_label', app.status_label(request.status),
                               'actor_name', coalesce((select u.display_name from app.users u
                                                        where u.id = app.current_user_id()), app.acting_role())),
            nullif(pg_catalog.current_setting('reqstly.correlation_id', true), ''));
    return true;
end
$$;

-- ── The worker's side: schema notify, reached by the notifier role only ──
create schema notify;
revoke all on schema notify from public;
grant usage on schema notify to notifier;
comment on schema notify is 'The notifier worker''s functions: claim due notifications, record outcomes, queue figures.';

create type notify.outgoing as (
    id bigint,
    kind text,
    channel text,
    attempts integer,
    digest boolean,
    recipient_id uuid,
    to_email text,
    to_name text,
    webhook_url text,
    request_id bigint,
    payload jsonb,
    correlation_id text,
    unsubscribe_token text,
    created_at timestamptz
);

-- Claims the given rows for `lease_seconds` (state sending) and returns what
-- the worker needs to send them. A row its recipient can no longer read (the
-- request moved to a category they do not serve, they were disabled…) is
-- withdrawn instead. The callers below choose and lock the rows.
create function app.take_notifications(candidates bigint[], lease_seconds integer) returns setof notify.outgoing
    language sql volatile security definer
    set search_path = pg_catalog, pg_temp
as $$
    with due as (
        select n.id,
               n.channel = 'webhook'
               or (app.person_can_read_request(n.recipient_id, r.requester_id, r.category)
                   and (n.comment_id is null
                        or app.person_can_read_comment(n.recipient_id, r.requester_id, r.category, c.internal)))
                   as readable
          from app.notifications n
          join app.requests r on r.id = n.request_id
          left join app.comments c on c.id = n.comment_id
         where n.id = any (candidates)),
    withdrawn as (
        update app.notifications n
           set state = 'withdrawn', locked_until = null,
               last_error = 'The recipient can no longer read this request or comment.'
          from due where n.id = due.id and not due.readable
        returning n.id),
    claimed as (
        update app.notifications n
           set state = 'sending', attempts = n.attempts + 1,
               locked_until = pg_catalog.clock_timestamp() + make_interval(secs => lease_seconds)
          from due where n.id = due.id and due.readable
        returning n.*)
    select c.id, c.kind, c.channel, c.attempts, c.digest, c.recipient_id, u.email, u.display_name, w.url,
           c.request_id, c.payload, c.correlation_id,
           case when c.recipient_id is not null then app.unsubscribe_token(c.recipient_id, c.kind) end,
           c.created_at
      from claimed c
      left join app.users u on u.id = c.recipient_id
      left join app.category_webhooks w on w.category = c.webhook_category
     order by c.id
$$;

-- Up to `batch` due immediate notifications. A row still "sending" whose
-- lease ran out (its worker died mid-send) is due again.
create function notify.claim(batch integer, lease_seconds integer) returns setof notify.outgoing
    language sql volatile security definer
    set search_path = pg_catalog, pg_temp
as $$
    select * from app.take_notifications(array(
        select n.id from app.notifications n
         where n.state in ('pending', 'sending') and not n.digest and n.due_at <= now()
           and (n.locked_until is null or n.locked_until < pg_catalog.clock_timestamp())
         order by n.due_at, n.id
         limit batch
           for update skip locked), lease_seconds)
$$;

-- Every due digest notification of one person: one e-mail for them all.
create function notify.claim_digest(lease_seconds integer) returns setof notify.outgoing
    language sql volatile security definer
    set search_path = pg_catalog, pg_temp
as $$
    with person as (
        select n.recipient_id from app.notifications n
         where n.state in ('pending', 'sending') and n.digest and n.due_at <= now()
           and (n.locked_until is null or n.locked_until < pg_catalog.clock_timestamp())
         order by n.due_at, n.id
         limit 1
           for update skip locked)
    select * from app.take_notifications(array(
        select n.id from app.notifications n
         where n.recipient_id = (select p.recipient_id from person p)
           and n.state in ('pending', 'sending') and n.digest and n.due_at <= now()
           and (n.locked_until is null or n.locked_until < pg_catalog.clock_timestamp())
           for update skip locked), lease_seconds)
$$;

create function notify.record_sent(ids bigint[]) returns integer
    language sql volatile security definer
    set search_path = pg_catalog, pg_temp
as $$
    with done as (
        update app.notifications n
           set state = 'sent', sent_at = pg_catalog.clock_timestamp(), locked_until = null, last_error = null
         where n.id = any (ids) and n.state = 'sending'
        returning 1)
    select count(*)::integer from done
$$;

-- A failed attempt: back to pending after `retry_in_seconds`, or dead when
-- the failure is permanent or the row has had `max_attempts`. Returns the new state.
create function notify.record_failure(id bigint, error text, permanent boolean, max_attempts integer,
                                      retry_in_seconds double precision)
    returns text
    language sql volatile security definer
    set search_path = pg_catalog, pg_temp
as $$
    update app.notifications n
       set state = case when permanent or n.attempts >= max_attempts then 'dead' else 'pending' end,
           due_at = case when permanent or n.attempts >= max_attempts then n.due_at
                         else pg_catalog.clock_timestamp() + make_interval(secs => retry_in_seconds) end,
           locked_until = null,
           last_error = left(error, 1000)
     where n.id = record_failure.id and n.state = 'sending'
    returning n.state
$$;

-- Figures for the worker's gauges: rows per channel and state, and the age
-- of the oldest one due and not yet sent (digests count from their due time).
create function notify.queue_stats()
    returns table (channel text, state text, rows bigint, oldest_due_seconds double precision)
    language sql stable security definer
    set search_path = pg_catalog, pg_temp
as $$
    select c.channel, s.state, count(n.id),
           coalesce(extract(epoch from now() - min(n.due_at) filter (where n.due_at <= now())), 0)::double precision
      from (values ('email'), ('webhook')) c (channel)
     cross join (values ('pending'), ('sending'), ('dead')) s (state)
      left join app.notifications n on n.channel = c.channel and n.state = s.state
     group by c.channel, s.state
$$;

grant execute on function notify.claim(integer, integer), notify.claim_digest(integer),
                          notify.record_sent(bigint[]),
                          notify.record_failure(bigint, text, boolean, integer, double precision),
                          notify.queue_stats()
    to notifier;

comment on function notify.claim(integer, integer) is 'The worker claims due notifications for a lease; returns what it needs to send them.';
comment on function notify.record_failure(bigint, text, boolean, integer, double precision) is 'Records a failed attempt: retry later, or dead after max_attempts or a permanent refusal.';
