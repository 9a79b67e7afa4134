-- Attachments: files on requests and comments, stored here (bytea) so that
-- backups, restores and row-level security cover them with no second store.
-- The HTTP call shape is docs/adr/0016-attachments-through-postgrest.md.

-- The types a file may be, recognised by its leading bytes (app.detect_file_type),
-- and the file-name endings each may carry. Admins may delete a row to refuse a type.
create table app.attachment_types (
    content_type text primary key,
    is_image boolean not null,
    extensions text[] not null,
    label text not null
);

alter table app.attachment_types enable row level security;

insert into app.attachment_types (content_type, is_image, extensions, label) values
    ('image/png',       true,  '{png}',                 'PNG image'),
    ('image/jpeg',      true,  '{jpg,jpeg}',            'JPEG image'),
    ('image/gif',       true,  '{gif}',                 'GIF image'),
    ('image/webp',      true,  '{webp}',                'WebP image'),
    ('application/pdf', false, '{pdf}',                 'PDF document'),
    ('text/plain',      false, '{txt,log,csv,md,json}', 'text file');

create policy select_all on app.attachment_types for select using (true);
grant select on app.attachment_types to web_user, reqstly_admin;

comment on table app.attachment_types is 'Allowed attachment types, recognised by content (not by name); extensions a file of the type may be named with.';

-- Size limits. One row; the front door's body limit for
-- POST /rest/rpc/upload_attachment (REQSTLY_ATTACHMENT_MAX_BYTES) must match max_file_bytes.
create table app.attachment_limits (
    singleton boolean primary key default true
        constraint attachment_limits_one_row check (singleton),
    max_file_bytes integer not null default 10485760
        constraint attachment_limits_file_positive check (max_file_bytes > 0),
    max_request_bytes bigint not null default 52428800
        constraint attachment_limits_request_not_below_file check (max_request_bytes >= max_file_bytes)
);

alter table app.attachment_limits enable row level security;

insert into app.attachment_limits default values;

create policy select_all on app.attachment_limits for select using (true);
grant select on app.attachment_limits to web_user, reqstly_admin;

comment on table app.attachment_limits is 'Largest file (bytes) and largest total per request. Change with psql; keep REQSTLY_ATTACHMENT_MAX_BYTES in step.';

create table app.attachments (
    id bigint generated always as identity primary key,
    request_id bigint not null references app.requests (id),
    comment_id bigint references app.comments (id),
    internal boolean not null default false,
    filename text not null
        constraint attachments_filename_shape
            check (char_length(filename) between 1 and 200 and filename !~ '[[:cntrl:]/\\]'),
    content_type text not null,
    size_bytes integer not null
        constraint attachments_size_positive check (size_bytes > 0),
    sha256 bytea not null
        constraint attachments_sha256_length check (length(sha256) = 32),
    content bytea,
    uploaded_by uuid references app.users (id),
    uploaded_by_name text not null,
    created_at timestamptz not null default now(),
    removed_at timestamptz,
    removed_by uuid references app.users (id),
    constraint attachments_removed_has_no_content check ((removed_at is null) = (content is not null))
);

alter table app.attachments enable row level security;
-- Images and PDFs are compressed already: store them as they are.
alter table app.attachments alter column content set storage external;

-- A request's files in order (request_id=eq.N), and the per-request total.
create index attachments_request_idx on app.attachments (request_id, id);
-- A comment's files.
create index attachments_comment_idx on app.attachments (comment_id) where comment_id is not null;

-- The type a file's leading bytes say it is, or null for none we accept.
-- Text is "no NUL byte and valid UTF-8" (logs have no magic number).
create function app.detect_file_type(content bytea) returns text
    language plpgsql immutable strict
    set search_path = pg_catalog, pg_temp
as $$
declare
    head bytea := pg_catalog.substr(content, 1, 16);
begin
    if pg_catalog.substr(head, 1, 8) = '\x89504e470d0a1a0a'::bytea then
        return 'image/png';
    elsif pg_catalog.substr(head, 1, 3) = '\xffd8ff'::bytea then
        return 'image/jpeg';
    elsif pg_catalog.substr(head, 1, 6) in ('\x474946383761'::bytea, '\x474946383961'::bytea) then
        return 'image/gif';  -- GIF87a, GIF89a
    elsif pg_catalog.substr(head, 1, 4) = '\x52494646'::bytea
          and pg_catalog.substr(head, 9, 4) = '\x57454250'::bytea then
        return 'image/webp';  -- RIFF….WEBP
    elsif pg_catalog.substr(head, 1, 5) = '\x255044462d'::bytea then
        return 'application/pdf';  -- %PDF-
    end if;
    if position('\x00'::bytea in content) > 0 then
        return null;
    end if;
    begin
        perform pg_catalog.convert_from(content, 'UTF8');
    exception when character_not_in_repertoire or untranslatable_character then
        return null;
    end;
    return 'text/plain';
end
$$;

-- Percent-encoding (RFC 3986) of UTF-8 text, for headers.
create function app.percent_encode(value text) returns text
    language sql immutable strict
    set search_path = pg_catalog, pg_temp
as $$
    select coalesce(string_agg(
               case when b between 48 and 57 or b between 65 and 90 or b between 97 and 122 or b in (45, 46, 95, 126)
                    then chr(b) else '%' || upper(lpad(to_hex(b), 2, '0')) end, '' order by i), '')
      from (select i, get_byte(convert_to(value, 'UTF8'), i) as b
              from generate_series(0, octet_length(convert_to(value, 'UTF8')) - 1) as i) bytes
$$;

-- The reverse; raises 22021 for bytes that are not UTF-8.
create function app.percent_decode(value text) returns text
    language plpgsql immutable strict
    set search_path = pg_catalog, pg_temp
as $$
declare
    decoded bytea := '';
    part text[];
begin
    for part in select regexp_matches(value, '%([0-9A-Fa-f]{2})|([^%]+)|(%)', 'g') loop
        if part[1] is not null then
            decoded := decoded || decode(part[1], 'hex');
        elsif part[2] is not null then
            decoded := decoded || convert_to(part[2], 'UTF8');
        else
            decoded := decoded || '\x25'::bytea;
        end if;
    end loop;
    return convert_from(decoded, 'UTF8');
end
$$;

-- Everything the database owns about a new file: who, when, type, size,
-- hash, internal; and every refusal, in words for people.
create function app.tg_attachments__set_defaults() returns trigger
    language plpgsql volatile security definer
    set search_path = pg_catalog, pg_temp
as $$
declare
    target app.requests;
    parent app.comments;
    limits app.attachment_limits;
    kind app.attachment_types;
    extension text;
    used bigint;
begin
    new.uploaded_by := app.current_user_id();
    if new.uploaded_by is null and not app.acting_as_unmapped_superuser() then
        raise exception 'Only a signed-in person can attach files.' using errcode = '42501';
    end if;
    new.uploaded_by_name := coalesce((select u.display_name from app.users u where u.id = new.uploaded_by),
                                     app.acting_role());
    new.created_at := now();
    new.removed_at := null;
    new.removed_by := null;

    select * into target from app.requests r where r.id = new.request_id;
    if not found then
        raise exception 'There is no request %.', new.request_id using errcode = 'PT404', detail = 'request_id';
    end if;
    if target.status = 'cancelled' then
        raise exception 'Request % was cancelled, so it takes no more files.', target.key using errcode = 'PT409';
    end if;
    new.internal := false;
    if new.comment_id is not null then
        select * into parent from app.comments c where c.id = new.comment_id;
        if not found or parent.request_id <> new.request_id then
            raise exception 'Comment % is not on request %.', new.comment_id, target.key
                using errcode = 'PT404', detail = 'comment_id';
        end if;
        if parent.author_id is distinct from new.uploaded_by and not app.acting_as_unmapped_superuser() then
            raise exception 'Files can be attached to your own comments only.'
                using errcode = 'PT403', detail = 'comment_id';
        end if;
        new.internal := parent.internal;
    end if;

    new.filename := btrim(pg_catalog.regexp_replace(coalesce(new.filename, ''), '^.*[/\\]', ''));
    if new.filename = '' then
        raise exception 'Give the file a name.' using errcode = '23514', detail = 'filename';
    end if;
    if char_length(new.filename) > 200 or new.filename ~ '[[:cntrl:]]' then
        raise exception 'The file name must be at most 200 characters without control characters.'
            using errcode = '23514', detail = 'filename';
    end if;

    select * into limits from app.attachment_limits;
    if new.content is null or octet_length(new.content) = 0 then
        raise exception 'The file "%" is empty.', new.filename using errcode = '23514', detail = 'file';
    end if;
    if octet_length(new.content) > limits.max_file_bytes then
        raise exception 'The file "%" is % MB; the limit is % MB.', new.filename,
                round(octet_length(new.content) / 1048576.0, 1), round(limits.max_file_bytes / 1048576.0, 1)
            using errcode = 'PT413', detail = 'file';
    end if;

    select * into kind from app.attachment_types t where t.content_type = app.detect_file_type(new.content);
    if not found then
        raise exception 'The file "%" is not a type Reqstly accepts. Attach one of: %.', new.filename,
                (select string_agg(t.label, ', ' order by t.label) from app.attachment_types t)
            using errcode = 'PT415', detail = 'file';
    end if;
    extension := lower(substring(new.filename from '\.([^.]+)$'));
    if extension is not null and not (extension = any (kind.extensions)) then
        raise exception 'The file "%" is named like a .% file, but its content is a %.', new.filename, extension,
                kind.label
            using errcode = 'PT415', detail = 'file',
                  hint = 'Rename the file to match what it is, or attach the file you meant.';
    end if;
    new.content_type := kind.content_type;
    new.size_bytes := octet_length(new.content);
    new.sha256 := pg_catalog.sha256(new.content);

    -- Concurrent uploads to one request are serialised so the total holds.
    perform pg_catalog.pg_advisory_xact_lock(1150, new.request_id::integer);
    select coalesce(sum(a.size_bytes), 0) into used
      from app.attachments a where a.request_id = new.request_id and a.removed_at is null;
    if used + new.size_bytes > limits.max_request_bytes then
        raise exception 'Request % already holds % MB of files; with "%" it would pass the limit of % MB.',
                target.key, round(used / 1048576.0, 1), new.filename, round(limits.max_request_bytes / 1048576.0, 1)
            using errcode = 'PT413', detail = 'file',
                  hint = 'Remove a file you no longer need first.';
    end if;
    return new;
end
$$;

-- Files are immutable. The one change allowed is removal: the content goes,
-- the row (name, type, size, hash) stays, as in the audit chain.
create function app.tg_attachments__immutable() returns trigger
    language plpgsql volatile security definer
    set search_path = pg_catalog, pg_temp
as $$
begin
    if tg_op <> 'UPDATE' then
        raise exception 'Attachments are kept: they cannot be deleted (% refused). Remove the file instead.', tg_op
            using errcode = '42501';
    end if;
    if old.removed_at is not null then
        raise exception 'Attachment % was removed already.', old.id using errcode = 'PT409';
    end if;
    if new.content is not null
       or (new.id, new.request_id, new.comment_id, new.internal, new.filename, new.content_type, new.size_bytes,
           new.sha256, new.uploaded_by, new.uploaded_by_name, new.created_at)
          is distinct from
          (old.id, old.request_id, old.comment_id, old.internal, old.filename, old.content_type, old.size_bytes,
           old.sha256, old.uploaded_by, old.uploaded_by_name, old.created_at) then
        raise exception 'Attachments cannot be changed once written; remove the file and attach a new one.'
            using errcode = '42501';
    end if;
    new.removed_at := now();
    new.removed_by := app.current_user_id();
    return new;
end
$$;

-- Added and removed files are entries in the request's audit chain, with the file's SHA-256.
create function app.tg_attachments__audit() returns trigger
    language plpgsql volatile security definer
    set search_path = pg_catalog, pg_temp
as $$
begin
    perform app.append_audit(new.request_id,
        case when tg_op = 'INSERT' then 'attachment_added' else 'attachment_removed' end,
        jsonb_build_object('attachment_id', new.id, 'filename', new.filename, 'content_type', new.content_type,
                           'size_bytes', new.size_bytes, 'sha256', pg_catalog.encode(new.sha256, 'hex'),
                           'comment_id', new.comment_id),
        new.internal);
    return null;
end
$$;

alter table app.audit_log drop constraint audit_log_action_known;
alter table app.audit_log add constraint audit_log_action_known check (action in (
    'created', 'updated', 'transitioned', 'commented', 'internal_note', 'attachment_added', 'attachment_removed'));

create trigger attachments_100_defaults before insert on app.attachments
    for each row execute function app.tg_attachments__set_defaults();
create trigger attachments_100_immutable before update or delete on app.attachments
    for each row execute function app.tg_attachments__immutable();
create trigger attachments_100_no_truncate before truncate on app.attachments
    for each statement execute function app.tg_attachments__immutable();
create trigger attachments_500_audit after insert or update on app.attachments
    for each row execute function app.tg_attachments__audit();

-- Readable exactly like the comment or request they belong to (app.comments' policies).
create policy select_public on app.attachments for select
    using (not internal and request_id in (select r.id from app.requests r));
create policy select_team on app.attachments for select
    using (internal and request_id in (select r.id from app.requests r
                                        where r.category = any ((select app.current_agent_categories())::text[])));
create policy select_all_admin on app.attachments for select
    using ((select app.current_user_is_admin()));
create policy insert_visible on app.attachments for insert
    with check (request_id in (select r.id from app.requests r)
                and uploaded_by = (select app.current_user_id()));
create policy update_uploader on app.attachments for update
    using (uploaded_by = (select app.current_user_id()))
    with check (true);
create policy update_all_admin on app.attachments for update
    using ((select app.current_user_is_admin()))
    with check (true);

grant select (id, request_id, comment_id, internal, filename, content_type, size_bytes, sha256, content,
              uploaded_by, uploaded_by_name, created_at, removed_at, removed_by)
    on app.attachments to web_user, reqstly_admin;
grant insert (request_id, comment_id, filename, content) on app.attachments to web_user, reqstly_admin;
grant update (content) on app.attachments to web_user, reqstly_admin;

comment on table app.attachments is 'Files on requests and comments. Immutable; removal drops the content and keeps the record. Internal with their comment.';

create view api.attachments with (security_invoker = true) as
    select a.id, a.request_id, a.comment_id, a.internal, a.filename, a.content_type,
           t.is_image, a.size_bytes, pg_catalog.encode(a.sha256, 'hex') as sha256,
           a.uploaded_by, a.uploaded_by_name, a.created_at, a.removed_at
      from app.attachments a
      left join app.attachment_types t on t.content_type = a.content_type;

-- The any-type media handler of PostgREST 12: a function returning this
-- domain answers with the bytes as they are and the headers it sets.
create domain api."*/*" as bytea;

-- POST /rest/rpc/upload_attachment with the raw file as the body
-- (Content-Type: application/octet-stream) and the metadata in headers:
-- Reqstly-Request-Id, Reqstly-Comment-Id (optional), Reqstly-Filename
-- (percent-encoded UTF-8). ADR 0016 says why.
create function api.upload_attachment(bytea) returns api.attachments
    language plpgsql volatile
    set search_path = pg_catalog, pg_temp
as $$
declare
    headers jsonb := coalesce(nullif(pg_catalog.current_setting('request.headers', true), '')::jsonb, '{}');
    request_ref text := btrim(coalesce(headers ->> 'reqstly-request-id', ''));
    comment_ref text := nullif(btrim(coalesce(headers ->> 'reqstly-comment-id', '')), '');
    filename text;
    new_id bigint;
    result api.attachments;
begin
    if request_ref !~ '^[0-9]{1,15}$' then
        raise exception 'Say which request the file is for in the Reqstly-Request-Id header.'
            using errcode = '22023', detail = 'request_id';
    end if;
    if comment_ref is not null and comment_ref !~ '^[0-9]{1,15}$' then
        raise exception 'Reqstly-Comment-Id must be a comment''s number.' using errcode = '22023', detail = 'comment_id';
    end if;
    begin
        filename := app.percent_decode(coalesce(headers ->> 'reqstly-filename', ''));
    exception when character_not_in_repertoire or untranslatable_character then
        raise exception 'Send the file name percent-encoded as UTF-8 in the Reqstly-Filename header.'
            using errcode = '22023', detail = 'filename';
    end;
    -- Row-level security: a request or comment the caller cannot see does not exist for them.
    perform app.require_visible_request(request_ref::bigint);
    if comment_ref is not null then
        perform 1 from app.comments c where c.id = comment_ref::bigint and c.request_id = request_ref::bigint;
        if not found then
            raise exception 'There is no comment % on that request that you can see.', comment_ref
                using errcode = 'PT404', detail = 'comment_id';
        end if;
    end if;
    insert into app.attachments (request_id, comment_id, filename, content)
    values (request_ref::bigint, comment_ref::bigint, filename, $1)
    returning id into new_id;
    select * into result from api.attachments a where a.id = new_id;
    return result;
end
$$;

-- GET /rest/rpc/download_attachment?id=N: the bytes, with the stored type,
-- inline for images and as a download otherwise, never sniffed, and a CSP
-- that sandboxes whatever a browser would make of it.
create function api.download_attachment(id bigint) returns api."*/*"
    language plpgsql stable
    set search_path = pg_catalog, pg_temp
as $$
declare
    file record;
begin
    select a.content, a.content_type, a.filename, coalesce(t.is_image, false) as is_image into file
      from app.attachments a left join app.attachment_types t on t.content_type = a.content_type
     where a.id = download_attachment.id and a.content is not null;
    if not found then
        raise exception 'There is no attachment % that you can see.', download_attachment.id
            using errcode = 'PT404', detail = 'id';
    end if;
    perform pg_catalog.set_config('response.headers', pg_catalog.jsonb_build_array(
        pg_catalog.jsonb_build_object('Content-Type',
            file.content_type || case when file.content_type like 'text/%' then '; charset=utf-8' else '' end),
        pg_catalog.jsonb_build_object('Content-Disposition',
            case when file.is_image then 'inline' else 'attachment' end
            || '; filename="' || pg_catalog.regexp_replace(file.filename, '[^A-Za-z0-9._ -]', '_', 'g')
            || '"; filename*=UTF-8''''' || app.percent_encode(file.filename)),
        pg_catalog.jsonb_build_object('X-Content-Type-Options', 'nosniff'),
        pg_catalog.jsonb_build_object('Content-Security-Policy', 'default-src ''none''; sandbox'),
        pg_catalog.jsonb_build_object('Cache-Control', 'private, max-age=3600'))::text, true);
    return file.content;
end
$$;

create function api.remove_attachment(id bigint) returns api.attachments
    language plpgsql volatile
    set search_path = pg_catalog, pg_temp
as $$
declare
    file app.attachments;
    result api.attachments;
begin
    select * into file from app.attachments a where a.id = remove_attachment.id;
    if not found then
        raise exception 'There is no attachment % that you can see.', remove_attachment.id
            using errcode = 'PT404', detail = 'id';
    end if;
    if file.uploaded_by is distinct from app.current_user_id() and not app.current_user_is_admin() then
        raise exception 'Only the person who attached "%" or an admin can remove it.', file.filename
            using errcode = 'PT403', detail = 'id';
    end if;
    update app.attachments a set content = null where a.id = remove_attachment.id;
    select * into result from api.attachments a where a.id = remove_attachment.id;
    return result;
end
$$;

grant select on api.attachments to web_user, reqstly_admin;
grant usage on domain api."*/*" to web_user, reqstly_admin;
grant execute on function app.percent_encode(text), app.percent_decode(text) to web_user, reqstly_admin;
grant execute on function api.upload_attachment(bytea) to web_user, reqstly_admin;
grant execute on function api.download_attachment(bigint) to web_user, reqstly_admin;
grant execute on function api.remove_attachment(bigint) to web_user, reqstly_admin;

comment on view api.attachments is 'Files on the requests and comments the caller can read (metadata; the bytes come from rpc/download_attachment).';
comment on function api.upload_attachment(bytea) is 'POST the raw file (application/octet-stream) with headers Reqstly-Request-Id, optional Reqstly-Comment-Id, Reqstly-Filename (percent-encoded).';
comment on function api.download_attachment(bigint) is 'The file''s bytes with its stored type; Content-Disposition attachment for anything but images.';
comment on function api.remove_attachment(bigint) is 'Removes a file''s content (uploader or admin); the record and its audit entries stay.';
