-- Search that finds things (ADR 0017 has the measurements).
--
-- * accent-insensitive: a text search configuration that runs unaccent
--   before English stemming (`cafe` finds `café`, `strasse` finds `straße`);
-- * prefix: every word of the query matches as a prefix (`print` finds
--   `Printer`);
-- * where: the request's key, title and description, the words of the
--   comments the caller may see (row-level security of app.comments decides:
--   never internal notes for requesters), the requester's and assignee's
--   names, and bare key numbers (`12` finds IT-12) or whole keys (`it-12`).
-- * index-driven at 100 000 requests: expression GIN indexes (not stored
--   columns, which the audit trail would record). `@@` is not leakproof, so
--   under row-level security it cannot drive an index; app.search_candidates
--   (security definer) finds candidates through the indexes, narrowed to the
--   caller's own requests and categories for speed, and the caller then
--   reads them back through row-level security, which alone decides what
--   they see. pg_trgm (typos) did not pay its way; see the ADR.
-- unaccent lives in its own schema: its C functions are not ours to pin or grant.
create schema text_search;
revoke all on schema text_search from public;
grant usage on schema text_search to web_user, reqstly_admin;
create extension unaccent with schema text_search;

create text search configuration app.reqstly_search (copy = pg_catalog.english);
alter text search configuration app.reqstly_search
    alter mapping for hword, hword_part, word with text_search.unaccent, english_stem;
alter text search configuration app.reqstly_search
    alter mapping for asciihword, asciiword, hword_asciipart with english_stem;

create function app.search_vector(title text, description text) returns tsvector
    language sql immutable parallel safe
    set search_path = pg_catalog, pg_temp
as $$
    select setweight(to_tsvector('app.reqstly_search'::regconfig, title), 'A')
           || setweight(to_tsvector('app.reqstly_search'::regconfig, description), 'B')
$$;

create function app.name_vector(display_name text) returns tsvector
    language sql immutable parallel safe
    set search_path = pg_catalog, pg_temp
as $$
    select to_tsvector('app.reqstly_search'::regconfig, display_name)
$$;

-- app.search_candidates: the request's words.
create index requests_words_idx on app.requests using gin (app.search_vector(title, description));
-- app.search_candidates: words of comments.
create index comments_words_idx on app.comments using gin (to_tsvector('app.reqstly_search'::regconfig, body));
-- app.search_candidates: people's names.
create index users_name_words_idx on app.users using gin (app.name_vector(display_name));
-- app.search_candidates: bare key numbers.
create index requests_number_idx on app.requests (number);

-- The query as a tsquery: every word, accents removed, as a prefix, all
-- required. Whole keys (IT-12) are looked up as keys, not as words. Null when
-- nothing searchable is left (only keys, stop words or punctuation).
create function app.search_query(q text) returns tsquery
    language sql stable
    set search_path = pg_catalog, pg_temp
as $$
    select case when pg_catalog.numnode(t.query) > 0 then t.query end
      from (select pg_catalog.to_tsquery('app.reqstly_search'::regconfig,
                       coalesce(pg_catalog.string_agg(pg_catalog.quote_literal(w) || ':*', ' & '), '')) as query
              from pg_catalog.regexp_split_to_table(pg_catalog.lower(text_search.unaccent(coalesce(q, ''))), '\s+') term,
                   pg_catalog.regexp_split_to_table(term, '[^[:alnum:]]+') w
             where w <> '' and term !~ '^[[:alpha:]][[:alnum:]]*-[0-9]{1,9}$') t
$$;

-- Candidate requests for a search, through the indexes. Narrowed to the
-- caller's scope for speed only; the caller re-reads the ids under row-level
-- security. Comments come back as comment ids for the same reason: whether
-- the caller may see an internal note is the comments' policy to decide.
create function app.search_candidates(q text)
    returns table (request_id bigint, comment_id bigint)
    language plpgsql stable security definer
    set search_path = pg_catalog, pg_temp
as $$
declare
    me uuid := app.current_user_id();
    everything boolean := app.current_user_is_admin() or app.acting_as_unmapped_superuser();
    mine text[] := app.current_agent_categories();
    query tsquery := app.search_query(app.search_input(q));  -- 0980: at most 200 characters, 12 words
    numbers integer[];
    keys text[];
    scope text;
begin
    if me is null and not everything then
        return;
    end if;
    select array_agg(m[1]::integer) filter (where m[1] ~ '^[0-9]{1,9}$'),
           array_agg(upper(m[1])) filter (where m[1] ~ '^[[:alpha:]][[:alnum:]]*-[0-9]{1,9}$')
      into numbers, keys
      from regexp_matches(coalesce(q, ''), '([[:alnum:]]+(?:-[0-9]+)?)', 'g') m;

    -- Each source is its own statement with the caller's scope written in, so
    -- each is planned for its own index (a cached generic plan could not
    -- tell an admin's search from an agent's).
    scope := case when everything then 'true'
                  else format('(r.requester_id = %L or r.category = any (%L::text[]))', me, mine) end;
    if query is not null then
        return query execute format(
            'select r.id, null::bigint from app.requests r
              where app.search_vector(r.title, r.description) @@ $1 and %s', scope) using query;
        return query execute format(
            'select r.id, null::bigint from app.users u join app.requests r on r.requester_id = u.id
              where app.name_vector(u.display_name) @@ $1 and %s', scope) using query;
        return query execute format(
            'select r.id, null::bigint from app.users u join app.requests r on r.assignee_id = u.id
              where app.name_vector(u.display_name) @@ $1 and %s', scope) using query;
        return query execute format(
            'select c.request_id, c.id from app.comments c join app.requests r on r.id = c.request_id
              where to_tsvector(''app.reqstly_search''::regconfig, c.body) @@ $1 and %s', scope) using query;
    end if;
    if numbers is not null or keys is not null then
        return query execute format(
            'select r.id, null::bigint from app.requests r
              where (r.number = any ($1) or r.key = any ($2)) and %s', scope) using numbers, keys;
    end if;
end
$$;

-- Requests that match q, for a caller who then reads them through
-- row-level security of app.requests (api.find_requests, api.count_requests
-- do). Comment matches are re-read here through app.comments' policies, so
-- a word in an internal note never leads a requester to its request.
create function app.search_request_ids(q text) returns setof bigint
    language sql stable
    set search_path = pg_catalog, pg_temp
as $$
    with candidates as materialized (select * from app.search_candidates(q))
    select c.request_id from candidates c where c.comment_id is null
    union
    select m.request_id
      from app.comments m
     where m.id in (select c.comment_id from candidates c where c.comment_id is not null)
$$;

-- Index expressions are evaluated as whoever writes the row (a request filed
-- or edited through the API, a person renamed by an admin).
grant execute on function app.search_vector(text, text) to web_user, reqstly_admin;
grant execute on function app.name_vector(text) to web_user, reqstly_admin;
grant execute on function app.search_candidates(text) to web_user, reqstly_admin;
grant execute on function app.search_request_ids(text) to web_user, reqstly_admin;

comment on function app.search_query(text) is 'A search box''s text as a tsquery: accents removed, every word a required prefix.';
comment on function app.search_request_ids(text) is 'Ids of requests that match q in their words, visible comments, people''s names or key; read them through row-level security.';
