-- When a request is resolved, its requester confirms the fix (and rates it,
-- one click, optional comment) or reopens it (the status machine, 0210).
-- A rating belongs to one resolution: reopening and resolving again asks
-- anew. The rating is recorded in the request's audit trail as an update.
create table app.request_ratings (
    request_id bigint not null references app.requests (id),
    resolved_at timestamptz not null,
    rated_by uuid not null references app.users (id),
    score smallint not null
        constraint request_ratings_score_range check (score between 1 and 5),
    comment text
        constraint request_ratings_comment_length check (char_length(comment) <= 2000),
    rated_at timestamptz not null default now(),
    primary key (request_id, resolved_at)
);

alter table app.request_ratings enable row level security;

-- metrics.request_ratings: ratings of the last 30 days.
create index request_ratings_rated_at_idx on app.request_ratings (rated_at);

create policy select_visible on app.request_ratings for select
    using (exists (select 1 from app.requests r where r.id = request_ratings.request_id));

grant select on app.request_ratings to web_user, reqstly_admin;

-- Runs as the owner (it writes the rating and the audit entry), so it checks
-- its caller itself: only the requester rates.
create function app.rate_resolution(request_id bigint, score integer, comment text)
    returns void
    language plpgsql volatile security definer
    set search_path = pg_catalog, pg_temp
as $$
declare
    target app.requests;
    clean_comment text := nullif(btrim(comment), '');
    previous smallint;
begin
    select * into target from app.requests r where r.id = rate_resolution.request_id for update;
    if not found then
        perform app.raise_no_visible_request(request_id);
    end if;
    if target.requester_id is distinct from app.current_user_id() then
        raise exception 'Only the person who filed request % can confirm its resolution.', target.key
            using errcode = 'PT403', detail = 'score';
    end if;
    if target.status <> 'resolved' then
        raise exception 'Request % is %; only a resolved request can be confirmed and rated.', target.key,
                lower(app.status_label(target.status))
            using errcode = 'PT409', detail = 'score';
    end if;
    if score is null or score not between 1 and 5 then
        raise exception 'Rate the resolution from 1 to 5 stars.' using errcode = '23514', detail = 'score';
    end if;
    if char_length(clean_comment) > 2000 then
        raise exception 'The comment on the rating is % characters long; the limit is 2000.', char_length(clean_comment)
            using errcode = '23514', detail = 'comment';
    end if;
    select x.score into previous from app.request_ratings x
     where x.request_id = target.id and x.resolved_at = target.resolved_at;
    insert into app.request_ratings as x (request_id, resolved_at, rated_by, score, comment)
    values (target.id, target.resolved_at, target.requester_id, score, clean_comment)
    on conflict on constraint request_ratings_pkey do update
        set score = excluded.score, comment = coalesce(excluded.comment, x.comment), rated_at = now();
    -- In the audit trail's own vocabulary: an update of the request's rating.
    perform app.append_audit(target.id, 'updated',
        pg_catalog.jsonb_build_object('rating', pg_catalog.jsonb_build_object('old', previous, 'new', score),
                                      'rating_comment', pg_catalog.jsonb_build_object('old', null, 'new', clean_comment)),
        false);
    update app.requests r set updated_at = now() where r.id = target.id;
end
$$;

create view api.request_ratings with (security_invoker = true) as
    select x.request_id, x.resolved_at, x.score, x.comment, x.rated_at
      from app.request_ratings x;

create function api.confirm_resolution(request_id bigint, score integer, comment text default null)
    returns setof api.request_ratings
    language plpgsql volatile
    set search_path = pg_catalog, pg_temp
as $$
declare
    resolved timestamptz;
begin
    perform app.require_visible_request(request_id);
    perform app.rate_resolution(request_id, score, comment);
    select r.resolved_at into resolved from app.requests r where r.id = confirm_resolution.request_id;
    return query select * from api.request_ratings x
                  where x.request_id = confirm_resolution.request_id and x.resolved_at = resolved;
end
$$;

grant execute on function app.rate_resolution(bigint, integer, text) to web_user, reqstly_admin;
grant execute on function api.confirm_resolution(bigint, integer, text) to web_user, reqstly_admin;
grant select on api.request_ratings to web_user, reqstly_admin;

comment on table app.request_ratings is 'The requester''s confirmation and rating (1-5, optional comment) of each resolution.';
comment on function api.confirm_resolution(bigint, integer, text) is 'The requester confirms a resolved request is fixed and rates it 1-5 (comment optional); rating again replaces the score.';
