-- Notifications, part 1: what kinds exist, what each person wants, and the
-- signed unsubscribe link (docs/adr/0015-notifications-outbox-and-worker.md).
-- The outbox is 1110, the triggers that fill it 1120.

-- The delivery worker's login role. It reaches only the functions in schema
-- `notify` (1110); roles are cluster-wide, so it is created only if missing.
do $$
begin
    if not exists (select from pg_catalog.pg_roles where rolname = 'notifier') then
        create role notifier login;
    end if;
end
$$;

create table app.notification_kinds (
    code text primary key,
    audience text not null
        constraint notification_kinds_audience_known check (audience in ('requester', 'agent')),
    default_enabled boolean not null,
    label text not null
);

alter table app.notification_kinds enable row level security;

insert into app.notification_kinds (code, audience, default_enabled, label) values
    ('reply',           'requester', true,  'Someone replied to your request'),
    ('status',          'requester', true,  'Your request changed status'),
    ('filed_for_you',   'requester', true,  'Someone filed a request for you'),
    ('assigned',        'agent',     true,  'A request was assigned to you'),
    ('requester_reply', 'agent',     true,  'The requester replied on a request you hold'),
    ('new_in_category', 'agent',     false, 'A new request arrived in one of your categories');

create policy select_all on app.notification_kinds for select using (true);

grant select on app.notification_kinds to web_user, reqstly_admin;

comment on table app.notification_kinds is 'The kinds of notification Reqstly sends, to whom, and whether they are on by default.';

-- A row exists only where a person changed the default of a kind.
create table app.notification_preferences (
    user_id uuid not null default app.current_user_id() references app.users (id),
    kind text not null references app.notification_kinds (code),
    enabled boolean not null,
    delivery text not null default 'immediate'
        constraint notification_preferences_delivery_known check (delivery in ('immediate', 'digest')),
    updated_at timestamptz not null default now(),
    primary key (user_id, kind)
);

alter table app.notification_preferences enable row level security;

create trigger notification_preferences_100_timestamps before update on app.notification_preferences
    for each row execute function app.tg__set_updated_at();

create policy select_own on app.notification_preferences for select
    using (user_id = (select app.current_user_id()));
create policy insert_own on app.notification_preferences for insert
    with check (user_id = (select app.current_user_id()));
create policy update_own on app.notification_preferences for update
    using (user_id = (select app.current_user_id()))
    with check (user_id = (select app.current_user_id()));
create policy select_all_admin on app.notification_preferences for select
    using ((select app.current_user_is_admin()));

grant select on app.notification_preferences to web_user, reqstly_admin;
grant insert (kind, enabled, delivery), update (enabled, delivery)
    on app.notification_preferences to web_user, reqstly_admin;

comment on table app.notification_preferences is 'A person''s choice per kind (on/off, immediate or daily digest); no row means the kind''s default.';

-- 'immediate', 'digest', or null when the person does not want this kind.
create function app.notification_delivery(person uuid, kind text) returns text
    language sql stable security definer
    set search_path = pg_catalog, pg_temp
as $$
    select case when coalesce(p.enabled, k.default_enabled) then coalesce(p.delivery, 'immediate') end
      from app.notification_kinds k
      left join app.notification_preferences p
        on p.kind = k.code and p.user_id = notification_delivery.person
     where k.code = notification_delivery.kind
$$;

-- The key that signs unsubscribe links. One row; readable by no role (the
-- functions below are security definer). Rotating it (a new random key)
-- invalidates every link sent before.
create table app.notification_secret (
    singleton boolean primary key default true
        constraint notification_secret_one_row check (singleton),
    hmac_key bytea not null
        constraint notification_secret_key_length check (length(hmac_key) = 32)
);

alter table app.notification_secret enable row level security;

-- No pgcrypto here: 32 bytes from four random UUIDs (488 random bits) through SHA-256.
insert into app.notification_secret (hmac_key)
select pg_catalog.sha256(uuid_send(gen_random_uuid()) || uuid_send(gen_random_uuid())
                         || uuid_send(gen_random_uuid()) || uuid_send(gen_random_uuid()));

comment on table app.notification_secret is 'The HMAC key of unsubscribe links. Rotate with: update app.notification_secret set hmac_key = … (32 random bytes).';

-- HMAC-SHA256 (RFC 2104) on the built-in sha256(): PostgreSQL 18 here has no pgcrypto.
create function app.hmac_sha256(key bytea, message bytea) returns bytea
    language plpgsql immutable strict
    set search_path = pg_catalog, pg_temp
as $$
declare
    block bytea := case when length(key) > 64 then pg_catalog.sha256(key) else key end;
    inner_pad bytea;
    outer_pad bytea;
    i integer;
begin
    block := block || pg_catalog.decode(pg_catalog.repeat('00', 64 - length(block)), 'hex');
    inner_pad := block;
    outer_pad := block;
    for i in 0..63 loop
        inner_pad := pg_catalog.set_byte(inner_pad, i, pg_catalog.get_byte(block, i) # 54);  -- 0x36
        outer_pad := pg_catalog.set_byte(outer_pad, i, pg_catalog.get_byte(block, i) # 92);  -- 0x5c
    end loop;
    return pg_catalog.sha256(outer_pad || pg_catalog.sha256(inner_pad || message));
end
$$;

create function app.base64url(data bytea) returns text
    language sql immutable strict
    set search_path = pg_catalog, pg_temp
as $$
    select pg_catalog.translate(pg_catalog.encode(data, 'base64'), E'+/=\n', '-_')
$$;

-- The link's token: "<person>.<kind>.<signature>". The signature covers a
-- purpose label, so a token signed here is good for unsubscribing and nothing else.
create function app.unsubscribe_token(person uuid, kind text) returns text
    language sql stable security definer
    set search_path = pg_catalog, pg_temp
as $$
    select person::text || '.' || kind || '.' || app.base64url(app.hmac_sha256(
               s.hmac_key, pg_catalog.convert_to('reqstly-unsubscribe-v1:' || person::text || ':' || kind, 'UTF8')))
      from app.notification_secret s
$$;

-- Called by authsvc for GET/POST /auth/unsubscribe (no sign-in): checks the
-- signature, then turns the kind off for that person. Returns the kind's label.
create function auth.unsubscribe(token text, apply boolean default true) returns text
    language plpgsql volatile security definer
    set search_path = pg_catalog, pg_temp
as $$
declare
    parts text[] := pg_catalog.string_to_array(coalesce(token, ''), '.');
    person uuid;
    kind_label text;
begin
    perform auth.require_authsvc();
    if pg_catalog.cardinality(parts) <> 3
       or parts[1] !~* '^[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}$'
       or app.unsubscribe_token(parts[1]::uuid, parts[2]) is distinct from token then
        raise exception 'This unsubscribe link is not valid. Change your notifications in Reqstly''s settings instead.'
            using errcode = '22023', detail = 'token';
    end if;
    person := parts[1]::uuid;
    select k.label into kind_label from app.notification_kinds k where k.code = parts[2];
    if kind_label is null or not exists (select 1 from app.users u where u.id = person) then
        raise exception 'This unsubscribe link is not valid. Change your notifications in Reqstly''s settings instead.'
            using errcode = '22023', detail = 'token';
    end if;
    if apply then
        insert into app.notification_preferences as p (user_id, kind, enabled)
        values (person, parts[2], false)
        on conflict (user_id, kind) do update set enabled = false;
    end if;
    return kind_label;
end
$$;

-- The caller's settings: every kind that concerns them, with their choice or the default.
create view api.notification_settings with (security_invoker = true) as
    select k.code as kind, k.label, k.audience,
           coalesce(p.enabled, k.default_enabled) as enabled,
           coalesce(p.delivery, 'immediate') as delivery
      from app.notification_kinds k
      left join app.notification_preferences p
        on p.kind = k.code and p.user_id = app.current_user_id()
     where k.audience = 'requester'
        or cardinality(app.current_agent_categories()) > 0;

create function api.set_notification_preference(kind text, enabled boolean, delivery text default 'immediate')
    returns api.notification_settings
    language plpgsql volatile
    set search_path = pg_catalog, pg_temp
as $$
declare
    result api.notification_settings;
begin
    if not exists (select 1 from api.notification_settings s where s.kind = set_notification_preference.kind) then
        raise exception 'There is no notification "%" for you. Choose one of: %.', kind,
                (select string_agg(s.kind, ', ' order by s.kind) from api.notification_settings s)
            using errcode = '22023', detail = 'kind';
    end if;
    if delivery is null or delivery not in ('immediate', 'digest') then
        raise exception 'Delivery is "immediate" or "digest" (one e-mail a day), not "%".', delivery
            using errcode = '22023', detail = 'delivery';
    end if;
    insert into app.notification_preferences as p (kind, enabled, delivery)
    values (set_notification_preference.kind, coalesce(set_notification_preference.enabled, true),
            set_notification_preference.delivery)
    on conflict on constraint notification_preferences_pkey
        do update set enabled = excluded.enabled, delivery = excluded.delivery;
    select * into result from api.notification_settings s where s.kind = set_notification_preference.kind;
    return result;
end
$$;

grant select on api.notification_settings to web_user, reqstly_admin;
grant execute on function api.set_notification_preference(text, boolean, text) to web_user, reqstly_admin;
grant execute on function auth.unsubscribe(text, boolean) to authsvc;

comment on view api.notification_settings is 'The caller''s notification choices: one row per kind that concerns them (agents also get the agent kinds).';
comment on function api.set_notification_preference(text, boolean, text) is 'Turns a kind on or off and chooses immediate e-mails or a daily digest. Returns the new setting.';
comment on function auth.unsubscribe(text, boolean) is 'Verifies a signed unsubscribe token and turns that kind off for its person (apply = false only checks it). Returns the kind''s label.';
