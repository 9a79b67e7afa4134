--
-- PostgreSQL database dump
--

\restrict reqstly

-- Dumped from database version 18.6
-- Dumped by pg_dump version 18.6

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET transaction_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

--
-- Name: api; Type: SCHEMA; Schema: -; Owner: -
--

CREATE SCHEMA api;


--
-- Name: SCHEMA api; Type: COMMENT; Schema: -; Owner: -
--

COMMENT ON SCHEMA api IS 'The public API contract: security_invoker views and functions served by PostgREST.';


--
-- Name: app; Type: SCHEMA; Schema: -; Owner: -
--

CREATE SCHEMA app;


--
-- Name: SCHEMA app; Type: COMMENT; Schema: -; Owner: -
--

COMMENT ON SCHEMA app IS 'Reqstly tables and internal functions. Never exposed by PostgREST.';


--
-- Name: auth; Type: SCHEMA; Schema: -; Owner: -
--

CREATE SCHEMA auth;


--
-- Name: SCHEMA auth; Type: COMMENT; Schema: -; Owner: -
--

COMMENT ON SCHEMA auth IS 'Credentials, sessions, passkeys and sign-in events; reached through functions.';


--
-- Name: metrics; Type: SCHEMA; Schema: -; Owner: -
--

CREATE SCHEMA metrics;


--
-- Name: SCHEMA metrics; Type: COMMENT; Schema: -; Owner: -
--

COMMENT ON SCHEMA metrics IS 'Aggregates for postgres-exporter, read by the monitoring role. Views run as their owner and expose no personal data.';


--
-- Name: notify; Type: SCHEMA; Schema: -; Owner: -
--

CREATE SCHEMA notify;


--
-- Name: SCHEMA notify; Type: COMMENT; Schema: -; Owner: -
--

COMMENT ON SCHEMA notify IS 'The notifier worker''s functions: claim due notifications, record outcomes, queue figures.';


--
-- Name: text_search; Type: SCHEMA; Schema: -; Owner: -
--

CREATE SCHEMA text_search;


--
-- Name: unaccent; Type: EXTENSION; Schema: -; Owner: -
--

CREATE EXTENSION IF NOT EXISTS unaccent WITH SCHEMA text_search;


--
-- Name: EXTENSION unaccent; Type: COMMENT; Schema: -; Owner: -
--

COMMENT ON EXTENSION unaccent IS 'text search dictionary that removes accents';


--
-- Name: */*; Type: DOMAIN; Schema: api; Owner: -
--

CREATE DOMAIN api."*/*" AS bytea;


--
-- Name: request_tally; Type: TYPE; Schema: api; Owner: -
--

CREATE TYPE api.request_tally AS (
	category text,
	status text,
	count bigint
);


--
-- Name: audit_verification; Type: TYPE; Schema: app; Owner: -
--

CREATE TYPE app.audit_verification AS (
	ok boolean,
	entries integer,
	first_bad_entry bigint,
	reason text
);


--
-- Name: outgoing; Type: TYPE; Schema: notify; Owner: -
--

CREATE TYPE notify.outgoing AS (
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
	created_at timestamp with time zone
);


--
-- Name: allowed_transitions(bigint); Type: FUNCTION; Schema: api; Owner: -
--

CREATE FUNCTION api.allowed_transitions(request_id bigint) RETURNS TABLE(to_status text, note_required boolean)
    LANGUAGE plpgsql STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
    target app.requests;
begin
    perform app.require_visible_request(request_id);
    select * into target from app.requests r where r.id = allowed_transitions.request_id;
    return query select m.to_status, m.note_required
                   from app.allowed_moves(target.status, target.requester_id, target.category) m;
end
$$;


SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: requests; Type: TABLE; Schema: app; Owner: -
--

CREATE TABLE app.requests (
    id bigint NOT NULL,
    key text NOT NULL,
    number integer NOT NULL,
    title text NOT NULL,
    description text DEFAULT ''::text NOT NULL,
    category text NOT NULL,
    priority text DEFAULT 'normal'::text NOT NULL,
    priority_rank smallint GENERATED ALWAYS AS (
CASE priority
    WHEN 'urgent'::text THEN 4
    WHEN 'high'::text THEN 3
    WHEN 'normal'::text THEN 2
    ELSE 1
END) STORED,
    status text DEFAULT 'open'::text NOT NULL,
    requester_id uuid NOT NULL,
    assignee_id uuid,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    resolved_at timestamp with time zone,
    search tsvector GENERATED ALWAYS AS (((setweight(to_tsvector('simple'::regconfig, key), 'A'::"char") || setweight(to_tsvector('english'::regconfig, title), 'A'::"char")) || setweight(to_tsvector('english'::regconfig, description), 'B'::"char"))) STORED,
    CONSTRAINT requests_description_length CHECK ((char_length(description) <= 20000)),
    CONSTRAINT requests_priority_known CHECK ((priority = ANY (ARRAY['low'::text, 'normal'::text, 'high'::text, 'urgent'::text]))),
    CONSTRAINT requests_resolved_at_matches_status CHECK (((status = 'resolved'::text) = (resolved_at IS NOT NULL))),
    CONSTRAINT requests_title_length CHECK (((char_length(btrim(title)) >= 1) AND (char_length(btrim(title)) <= 200)))
);


--
-- Name: TABLE requests; Type: COMMENT; Schema: app; Owner: -
--

COMMENT ON TABLE app.requests IS 'Requests. status changes only through app.set_request_status / api.transition_request; a trigger enforces the status machine for every path.';


--
-- Name: COLUMN requests.key; Type: COMMENT; Schema: app; Owner: -
--

COMMENT ON COLUMN app.requests.key IS 'Human key such as IT-42, from the category''s prefix and counter; it stays when the category changes.';


--
-- Name: requests; Type: VIEW; Schema: api; Owner: -
--

CREATE VIEW api.requests WITH (security_invoker='true') AS
 SELECT id,
    key,
    title,
    description,
    category,
    priority,
    priority_rank,
    status,
    requester_id,
    assignee_id,
    created_at,
    updated_at,
    resolved_at,
    search
   FROM app.requests r;


--
-- Name: VIEW requests; Type: COMMENT; Schema: api; Owner: -
--

COMMENT ON VIEW api.requests IS 'Requests the caller may see. POST {title, description, category, priority}; PATCH title, description, priority, category, assignee_id.';


--
-- Name: assign_request(bigint, integer, uuid); Type: FUNCTION; Schema: api; Owner: -
--

CREATE FUNCTION api.assign_request(request_id bigint, expected_version integer, assignee_id uuid DEFAULT NULL::uuid) RETURNS SETOF api.requests
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
begin
    perform app.require_visible_request(request_id);
    perform app.update_at_version(request_id, expected_version,
        pg_catalog.jsonb_build_object('assignee_id', assignee_id));
    return query select * from api.requests r where r.id = assign_request.request_id;
end
$$;


--
-- Name: FUNCTION assign_request(request_id bigint, expected_version integer, assignee_id uuid); Type: COMMENT; Schema: api; Owner: -
--

COMMENT ON FUNCTION api.assign_request(request_id bigint, expected_version integer, assignee_id uuid) IS 'Assigns the request to assignee_id (null: nobody) if it is still at expected_version.';


--
-- Name: request_ratings; Type: TABLE; Schema: app; Owner: -
--

CREATE TABLE app.request_ratings (
    request_id bigint NOT NULL,
    resolved_at timestamp with time zone NOT NULL,
    rated_by uuid NOT NULL,
    score smallint NOT NULL,
    comment text,
    rated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT request_ratings_comment_length CHECK ((char_length(comment) <= 2000)),
    CONSTRAINT request_ratings_score_range CHECK (((score >= 1) AND (score <= 5)))
);


--
-- Name: TABLE request_ratings; Type: COMMENT; Schema: app; Owner: -
--

COMMENT ON TABLE app.request_ratings IS 'The requester''s confirmation and rating (1-5, optional comment) of each resolution.';


--
-- Name: request_ratings; Type: VIEW; Schema: api; Owner: -
--

CREATE VIEW api.request_ratings WITH (security_invoker='true') AS
 SELECT request_id,
    resolved_at,
    score,
    comment,
    rated_at
   FROM app.request_ratings x;


--
-- Name: confirm_resolution(bigint, integer, text); Type: FUNCTION; Schema: api; Owner: -
--

CREATE FUNCTION api.confirm_resolution(request_id bigint, score integer, comment text DEFAULT NULL::text) RETURNS SETOF api.request_ratings
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
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


--
-- Name: FUNCTION confirm_resolution(request_id bigint, score integer, comment text); Type: COMMENT; Schema: api; Owner: -
--

COMMENT ON FUNCTION api.confirm_resolution(request_id bigint, score integer, comment text) IS 'The requester confirms a resolved request is fixed and rates it 1-5 (comment optional); rating again replaces the score.';


--
-- Name: count_requests(text, text, text, text); Type: FUNCTION; Schema: api; Owner: -
--

CREATE FUNCTION api.count_requests(q text DEFAULT NULL::text, scope text DEFAULT NULL::text, category text DEFAULT NULL::text, priority text DEFAULT NULL::text) RETURNS SETOF api.request_tally
    LANGUAGE plpgsql STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
    filter text := app.request_filter(q, scope, category, null, priority);  -- checks every argument
begin
    -- A category's own counts are kept (app.request_tallies); a search, a
    -- priority, a requester's own or an agent's "all" count the rows.
    if nullif(pg_catalog.btrim(q), '') is null and priority is null
       and (scope in ('my_categories', 'unassigned')
            or (coalesce(scope, 'all') = 'all' and app.current_user_is_admin())) then
        return query select * from app.category_tallies(coalesce(scope, 'all'), category);
        return;
    end if;
    return query execute format(
        'select l.category, l.status, count(*) from app.requests l where %s group by 1, 2 order by 1, 2', filter);
end
$$;


--
-- Name: FUNCTION count_requests(q text, scope text, category text, priority text); Type: COMMENT; Schema: api; Owner: -
--

COMMENT ON FUNCTION api.count_requests(q text, scope text, category text, priority text) IS 'Counts per category and status of what api.find_requests would list with the same filters.';


--
-- Name: disable_person(uuid); Type: FUNCTION; Schema: api; Owner: -
--

CREATE FUNCTION api.disable_person(person_id uuid) RETURNS void
    LANGUAGE sql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$ select app.disable_person(person_id) $$;


--
-- Name: download_attachment(bigint); Type: FUNCTION; Schema: api; Owner: -
--

CREATE FUNCTION api.download_attachment(id bigint) RETURNS api."*/*"
    LANGUAGE plpgsql STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
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


--
-- Name: FUNCTION download_attachment(id bigint); Type: COMMENT; Schema: api; Owner: -
--

COMMENT ON FUNCTION api.download_attachment(id bigint) IS 'The file''s bytes with its stored type; Content-Disposition attachment for anything but images.';


--
-- Name: edit_request(bigint, integer, text, text, text); Type: FUNCTION; Schema: api; Owner: -
--

CREATE FUNCTION api.edit_request(request_id bigint, expected_version integer, title text DEFAULT NULL::text, description text DEFAULT NULL::text, priority text DEFAULT NULL::text) RETURNS SETOF api.requests
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
begin
    perform app.require_visible_request(request_id);  -- 0950: the one "no request you can see"
    perform app.update_at_version(request_id, expected_version,
        pg_catalog.jsonb_strip_nulls(pg_catalog.jsonb_build_object(
            'title', title, 'description', description, 'priority', priority)));
    return query select * from api.requests r where r.id = edit_request.request_id;
end
$$;


--
-- Name: FUNCTION edit_request(request_id bigint, expected_version integer, title text, description text, priority text); Type: COMMENT; Schema: api; Owner: -
--

COMMENT ON FUNCTION api.edit_request(request_id bigint, expected_version integer, title text, description text, priority text) IS 'Changes title, description and/or priority (null: unchanged) if the request is still at expected_version; otherwise 409 saying who changed what.';


--
-- Name: enable_person(uuid); Type: FUNCTION; Schema: api; Owner: -
--

CREATE FUNCTION api.enable_person(person_id uuid) RETURNS void
    LANGUAGE sql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$ select app.enable_person(person_id) $$;


--
-- Name: display_name_of(uuid); Type: FUNCTION; Schema: app; Owner: -
--

CREATE FUNCTION app.display_name_of(person uuid) RETURNS text
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
    select coalesce((select u.display_name from app.users u where u.id = person), 'someone')
$$;


--
-- Name: request_sla; Type: TABLE; Schema: app; Owner: -
--

CREATE TABLE app.request_sla (
    request_id bigint NOT NULL,
    first_response_due_at timestamp with time zone,
    first_responded_at timestamp with time zone,
    resolution_target_seconds bigint,
    resolution_used_seconds bigint DEFAULT 0 NOT NULL,
    resolution_running_since timestamp with time zone,
    resolution_due_at timestamp with time zone,
    waiting_on_requester_since timestamp with time zone
);


--
-- Name: TABLE request_sla; Type: COMMENT; Schema: app; Owner: -
--

COMMENT ON TABLE app.request_sla IS 'Each request''s SLA clocks, kept by triggers: first-response and resolution due times, business seconds used, waiting on the requester.';


--
-- Name: first_response_state(app.requests, app.request_sla); Type: FUNCTION; Schema: app; Owner: -
--

CREATE FUNCTION app.first_response_state(r app.requests, s app.request_sla) RETURNS text
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
    select case
        when s.first_response_due_at is null then 'none'
        when s.first_responded_at is not null then
            case when s.first_responded_at <= s.first_response_due_at then 'met' else 'breached' end
        when app.status_is_closed(r.status) then
            case when r.resolved_at is null then 'none'  -- cancelled: nobody is waiting any more
                 when r.resolved_at <= s.first_response_due_at then 'met' else 'breached' end
        when now() > s.first_response_due_at then 'breached'
        when s.first_response_due_at - now()
             < (select o.at_risk_minutes from app.sla_settings o) * interval '1 minute' then 'at_risk'
        else 'running' end
$$;


--
-- Name: resolution_state(app.requests, app.request_sla); Type: FUNCTION; Schema: app; Owner: -
--

CREATE FUNCTION app.resolution_state(r app.requests, s app.request_sla) RETURNS text
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
    select case
        when s.resolution_target_seconds is null then 'none'
        when app.status_is_closed(r.status) and r.resolved_at is null then 'none'  -- cancelled
        when s.resolution_running_since is not null then
            case when now() > s.resolution_due_at then 'breached'
                 when s.resolution_due_at - now()
                      < (select o.at_risk_minutes from app.sla_settings o) * interval '1 minute' then 'at_risk'
                 else 'running' end
        when s.resolution_used_seconds > s.resolution_target_seconds then 'breached'
        when app.status_is_closed(r.status) then 'met'
        else 'paused' end
$$;


--
-- Name: request_versions; Type: TABLE; Schema: app; Owner: -
--

CREATE TABLE app.request_versions (
    request_id bigint NOT NULL,
    version integer DEFAULT 1 NOT NULL,
    changed_at timestamp with time zone DEFAULT now() NOT NULL,
    changed_by uuid,
    changed_by_name text NOT NULL,
    changed_fields text[] DEFAULT '{}'::text[] NOT NULL,
    CONSTRAINT request_versions_version_positive CHECK ((version >= 1))
);


--
-- Name: TABLE request_versions; Type: COMMENT; Schema: app; Owner: -
--

COMMENT ON TABLE app.request_versions IS 'The current version of each request and its last change (who, when, which fields). Edits from the API must name the version they saw (ADR 0017).';


--
-- Name: request_list; Type: VIEW; Schema: api; Owner: -
--

CREATE VIEW api.request_list WITH (security_invoker='true') AS
 SELECT r.id,
    r.key,
    r.title,
    r.category,
    r.priority,
    r.priority_rank,
    r.status,
    r.requester_id,
    app.display_name_of(r.requester_id) AS requester_name,
    r.assignee_id,
        CASE
            WHEN (r.assignee_id IS NOT NULL) THEN app.display_name_of(r.assignee_id)
            ELSE NULL::text
        END AS assignee_name,
    r.created_at,
    r.updated_at,
    r.resolved_at,
    v.version,
    s.first_response_due_at,
    app.first_response_state(r.*, s.*) AS first_response_state,
    s.resolution_due_at,
    app.resolution_state(r.*, s.*) AS resolution_state,
    s.waiting_on_requester_since,
    s.first_responded_at
   FROM ((app.requests r
     LEFT JOIN app.request_versions v ON ((v.request_id = r.id)))
     LEFT JOIN app.request_sla s ON ((s.request_id = r.id)));


--
-- Name: VIEW request_list; Type: COMMENT; Schema: api; Owner: -
--

COMMENT ON VIEW api.request_list IS 'Requests the caller may see as lists show them: names, version, both SLA clocks (and when the first response came).';


--
-- Name: find_requests(text, text, text, text, text, text, integer, integer); Type: FUNCTION; Schema: api; Owner: -
--

CREATE FUNCTION api.find_requests(q text DEFAULT NULL::text, scope text DEFAULT NULL::text, category text DEFAULT NULL::text, status text DEFAULT NULL::text, priority text DEFAULT NULL::text, sort text DEFAULT 'urgency'::text, lim integer DEFAULT 50, offs integer DEFAULT 0) RETURNS SETOF api.request_list
    LANGUAGE plpgsql STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
    -- Unqualified: the same words order a branch (app.requests, maybe its
    -- clock) and the branches together (their columns).
    order_by text := case coalesce(sort, 'urgency')
        when 'urgency' then 'priority_rank desc, created_at, id'
        when 'priority' then 'priority_rank desc, updated_at desc, id'
        when 'age' then 'created_at, id'
        when 'newest' then 'created_at desc, id desc'
        when 'due' then 'resolution_due_at nulls last, priority_rank desc, id'
        when 'updated' then 'updated_at desc, id desc' end;
    by_due boolean := sort = 'due';
    categories text[];
    statuses text[];
    branches text[];
    page bigint[];
begin
    if order_by is null then
        raise exception 'Requests can be sorted by urgency, priority, age, newest, due or updated, not "%".', sort
            using errcode = '22023', detail = 'sort';
    end if;
    if lim is null or lim not between 1 and 200 or offs is null or offs < 0 then
        raise exception 'Ask for 1 to 200 requests at a time, from offset 0 on.'
            using errcode = '22023', detail = 'lim';
    end if;
    -- Every argument checked once, with the words app.request_filter has for them.
    perform app.request_filter(q, scope, category, status, priority);

    if nullif(btrim(q), '') is not null then
        categories := array[category];
        statuses := array[status];
    else
        categories := case when category is null and scope in ('my_categories', 'unassigned')
                           then coalesce(nullif(app.current_agent_categories(), '{}'), array[null])
                           else array[category] end;
        statuses := case when status is null then array[status]
                         else (select pg_catalog.array_agg(distinct s)
                                 from pg_catalog.unnest(pg_catalog.string_to_array(pg_catalog.replace(status, ' ', ''), ',')) s)
                    end;
    end if;
    select pg_catalog.array_agg(pg_catalog.format(
               '(select l.id, l.priority_rank, l.created_at, l.updated_at, %s as resolution_due_at
                   from app.requests l %s
                  where %s order by %s limit %s)',
               case when by_due then 's.resolution_due_at' else 'null::timestamptz' end,
               case when by_due then 'left join app.request_sla s on s.request_id = l.id' else '' end,
               app.request_filter(q, scope, one_category, one_status, priority), order_by, offs + lim))
      into branches
      from pg_catalog.unnest(categories) one_category, pg_catalog.unnest(statuses) one_status;

    execute pg_catalog.format('select array(select p.id from (%s) p order by %s limit %s offset %s)',
                              pg_catalog.array_to_string(branches, ' union all '), order_by, lim, offs)
       into page;

    return query
        select l.*
          from pg_catalog.unnest(page) with ordinality as p (id, position)
          join api.request_list l on l.id = p.id
         order by p.position;
end
$$;


--
-- Name: FUNCTION find_requests(q text, scope text, category text, status text, priority text, sort text, lim integer, offs integer); Type: COMMENT; Schema: api; Owner: -
--

COMMENT ON FUNCTION api.find_requests(q text, scope text, category text, status text, priority text, sort text, lim integer, offs integer) IS 'Lists requests: q searches (accents, prefixes, comments, names, keys); scope all | mine | assigned_to_me | unassigned | my_categories; status one code or several, comma-separated; sort urgency | priority | age | newest | due | updated.';


--
-- Name: move_request(bigint, text); Type: FUNCTION; Schema: api; Owner: -
--

CREATE FUNCTION api.move_request(request_id bigint, category text) RETURNS void
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
begin
    perform app.require_visible_request(request_id);
    perform app.move_request_category(request_id, category);
end
$$;


--
-- Name: FUNCTION move_request(request_id bigint, category text); Type: COMMENT; Schema: api; Owner: -
--

COMMENT ON FUNCTION api.move_request(request_id bigint, category text) IS 'Moves a request to another category, also one the caller does not serve (it then leaves their view).';


--
-- Name: pre_request(); Type: FUNCTION; Schema: api; Owner: -
--

CREATE FUNCTION api.pre_request() RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $_$
declare
    claims jsonb := nullif(pg_catalog.current_setting('request.jwt.claims', true), '')::jsonb;
    headers jsonb := nullif(pg_catalog.current_setting('request.headers', true), '')::jsonb;
    sid uuid;
    sub uuid;
begin
    perform pg_catalog.set_config('reqstly.correlation_id',
                                  left(coalesce(headers ->> 'x-request-id', ''), 100), true);

    if claims is null or coalesce(claims ->> 'role', 'web_anon') = 'web_anon' then
        -- Nothing under /rest is for anonymous callers.
        raise sqlstate 'PT401' using message = 'Sign in to use Reqstly.';
    end if;

    if claims ->> 'role' <> 'web_user' or claims ->> 'aud' is null or claims ->> 'exp' is null
       or claims ->> 'sid' is null or claims ->> 'sub' is null
       or claims ->> 'sid' !~* '^[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}$'
       or claims ->> 'sub' !~* '^[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}$' then
        raise sqlstate 'PT401' using
            message = 'This sign-in token is not one Reqstly issued for the API. Please sign in again.';
    end if;

    if (claims ->> 'exp')::numeric <= extract(epoch from now()) then
        raise sqlstate 'PT401' using message = 'Your sign-in has expired. Please sign in again.';
    end if;

    sid := (claims ->> 'sid')::uuid;
    sub := (claims ->> 'sub')::uuid;
    if not exists (
        select 1
          from auth.sessions s
          join app.users u on u.id = s.user_id
         where s.id = sid
           and s.user_id = sub
           and auth.session_is_live(s)
           and u.disabled_at is null) then
        raise sqlstate 'PT401' using message = 'Your session has ended. Please sign in again.';
    end if;

    perform app.take_call_slot(sub);
end
$_$;


--
-- Name: FUNCTION pre_request(); Type: COMMENT; Schema: api; Owner: -
--

COMMENT ON FUNCTION api.pre_request() IS 'PostgREST db-pre-request: refuses incomplete tokens and ended sessions (401), records X-Request-Id.';


--
-- Name: attachment_types; Type: TABLE; Schema: app; Owner: -
--

CREATE TABLE app.attachment_types (
    content_type text NOT NULL,
    is_image boolean NOT NULL,
    extensions text[] NOT NULL,
    label text NOT NULL
);


--
-- Name: TABLE attachment_types; Type: COMMENT; Schema: app; Owner: -
--

COMMENT ON TABLE app.attachment_types IS 'Allowed attachment types, recognised by content (not by name); extensions a file of the type may be named with.';


--
-- Name: attachments; Type: TABLE; Schema: app; Owner: -
--

CREATE TABLE app.attachments (
    id bigint NOT NULL,
    request_id bigint NOT NULL,
    comment_id bigint,
    internal boolean DEFAULT false NOT NULL,
    filename text NOT NULL,
    content_type text NOT NULL,
    size_bytes integer NOT NULL,
    sha256 bytea NOT NULL,
    content bytea,
    uploaded_by uuid,
    uploaded_by_name text NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    removed_at timestamp with time zone,
    removed_by uuid,
    CONSTRAINT attachments_filename_shape CHECK ((((char_length(filename) >= 1) AND (char_length(filename) <= 200)) AND (filename !~ '[[:cntrl:]/\\]'::text))),
    CONSTRAINT attachments_removed_has_no_content CHECK (((removed_at IS NULL) = (content IS NOT NULL))),
    CONSTRAINT attachments_sha256_length CHECK ((length(sha256) = 32)),
    CONSTRAINT attachments_size_positive CHECK ((size_bytes > 0))
);
ALTER TABLE ONLY app.attachments ALTER COLUMN content SET STORAGE EXTERNAL;


--
-- Name: TABLE attachments; Type: COMMENT; Schema: app; Owner: -
--

COMMENT ON TABLE app.attachments IS 'Files on requests and comments. Immutable; removal drops the content and keeps the record. Internal with their comment.';


--
-- Name: attachments; Type: VIEW; Schema: api; Owner: -
--

CREATE VIEW api.attachments WITH (security_invoker='true') AS
 SELECT a.id,
    a.request_id,
    a.comment_id,
    a.internal,
    a.filename,
    a.content_type,
    t.is_image,
    a.size_bytes,
    encode(a.sha256, 'hex'::text) AS sha256,
    a.uploaded_by,
    a.uploaded_by_name,
    a.created_at,
    a.removed_at
   FROM (app.attachments a
     LEFT JOIN app.attachment_types t ON ((t.content_type = a.content_type)));


--
-- Name: VIEW attachments; Type: COMMENT; Schema: api; Owner: -
--

COMMENT ON VIEW api.attachments IS 'Files on the requests and comments the caller can read (metadata; the bytes come from rpc/download_attachment).';


--
-- Name: remove_attachment(bigint); Type: FUNCTION; Schema: api; Owner: -
--

CREATE FUNCTION api.remove_attachment(id bigint) RETURNS api.attachments
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
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


--
-- Name: FUNCTION remove_attachment(id bigint); Type: COMMENT; Schema: api; Owner: -
--

COMMENT ON FUNCTION api.remove_attachment(id bigint) IS 'Removes a file''s content (uploader or admin); the record and its audit entries stay.';


--
-- Name: request_changes(timestamp with time zone); Type: FUNCTION; Schema: api; Owner: -
--

CREATE FUNCTION api.request_changes(since timestamp with time zone DEFAULT NULL::timestamp with time zone) RETURNS json
    LANGUAGE sql STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
    select pg_catalog.json_build_object(
        'marker', app.change_marker(),
        'changes', coalesce((
            select pg_catalog.json_agg(pg_catalog.json_build_object(
                       'id', r.id, 'key', r.key, 'version', v.version, 'status', r.status,
                       'updated_at', r.updated_at) order by r.updated_at)
              from app.requests r
              join app.request_versions v on v.request_id = r.id
             where since is not null and r.updated_at >= since), '[]'::json))
$$;


--
-- Name: FUNCTION request_changes(since timestamp with time zone); Type: COMMENT; Schema: api; Owner: -
--

COMMENT ON FUNCTION api.request_changes(since timestamp with time zone) IS 'Requests the caller may see changed since the marker of the last call: {marker, changes: [{id, key, version, status, updated_at}]}. Call with no marker to get one.';


--
-- Name: revoke_other_sessions(); Type: FUNCTION; Schema: api; Owner: -
--

CREATE FUNCTION api.revoke_other_sessions() RETURNS integer
    LANGUAGE sql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
    select app.revoke_sessions_of_caller('ended by the person', app.current_session_id())
$$;


--
-- Name: revoke_session(uuid); Type: FUNCTION; Schema: api; Owner: -
--

CREATE FUNCTION api.revoke_session(session_id uuid) RETURNS void
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
begin
    update auth.sessions s
       set revoked_at = now(), revoked_reason = 'ended by the person'
     where s.id = session_id and s.user_id = app.current_user_id() and s.revoked_at is null;
    if not found then
        raise exception 'You have no open session %.', session_id using errcode = 'PT404', detail = 'session_id';
    end if;
end
$$;


--
-- Name: set_admin(uuid, boolean); Type: FUNCTION; Schema: api; Owner: -
--

CREATE FUNCTION api.set_admin(person_id uuid, is_admin boolean) RETURNS void
    LANGUAGE sql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$ select app.set_admin(person_id, is_admin) $$;


--
-- Name: current_agent_categories(); Type: FUNCTION; Schema: app; Owner: -
--

CREATE FUNCTION app.current_agent_categories() RETURNS text[]
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
    select coalesce(array_agg(tm.category order by tm.category), '{}')
      from app.team_members tm
      join app.users u on u.id = tm.user_id
     where tm.user_id = app.current_user_id()
       and u.disabled_at is null
$$;


--
-- Name: current_user_id(); Type: FUNCTION; Schema: app; Owner: -
--

CREATE FUNCTION app.current_user_id() RETURNS uuid
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
    acting text := app.acting_role();
    claims text;
    person uuid;
begin
    if acting in ('web_user', 'web_anon') then
        claims := nullif(pg_catalog.current_setting('request.jwt.claims', true), '');
        if claims is null then
            return null;
        end if;
        -- api.pre_request has already refused a token whose session or person is gone.
        return nullif(claims::json ->> 'sub', '')::uuid;
    end if;
    select u.id into person
      from app.users u
     where u.db_role = acting and u.disabled_at is null;
    return person;
end
$$;


--
-- Name: FUNCTION current_user_id(); Type: COMMENT; Schema: app; Owner: -
--

COMMENT ON FUNCTION app.current_user_id() IS 'The person acting: the JWT sub under PostgREST, the mapped person under psql, else null.';


--
-- Name: notification_kinds; Type: TABLE; Schema: app; Owner: -
--

CREATE TABLE app.notification_kinds (
    code text NOT NULL,
    audience text NOT NULL,
    default_enabled boolean NOT NULL,
    label text NOT NULL,
    CONSTRAINT notification_kinds_audience_known CHECK ((audience = ANY (ARRAY['requester'::text, 'agent'::text])))
);


--
-- Name: TABLE notification_kinds; Type: COMMENT; Schema: app; Owner: -
--

COMMENT ON TABLE app.notification_kinds IS 'The kinds of notification Reqstly sends, to whom, and whether they are on by default.';


--
-- Name: notification_preferences; Type: TABLE; Schema: app; Owner: -
--

CREATE TABLE app.notification_preferences (
    user_id uuid DEFAULT app.current_user_id() NOT NULL,
    kind text NOT NULL,
    enabled boolean NOT NULL,
    delivery text DEFAULT 'immediate'::text NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT notification_preferences_delivery_known CHECK ((delivery = ANY (ARRAY['immediate'::text, 'digest'::text])))
);


--
-- Name: TABLE notification_preferences; Type: COMMENT; Schema: app; Owner: -
--

COMMENT ON TABLE app.notification_preferences IS 'A person''s choice per kind (on/off, immediate or daily digest); no row means the kind''s default.';


--
-- Name: notification_settings; Type: VIEW; Schema: api; Owner: -
--

CREATE VIEW api.notification_settings WITH (security_invoker='true') AS
 SELECT k.code AS kind,
    k.label,
    k.audience,
    COALESCE(p.enabled, k.default_enabled) AS enabled,
    COALESCE(p.delivery, 'immediate'::text) AS delivery
   FROM (app.notification_kinds k
     LEFT JOIN app.notification_preferences p ON (((p.kind = k.code) AND (p.user_id = app.current_user_id()))))
  WHERE ((k.audience = 'requester'::text) OR (cardinality(app.current_agent_categories()) > 0));


--
-- Name: VIEW notification_settings; Type: COMMENT; Schema: api; Owner: -
--

COMMENT ON VIEW api.notification_settings IS 'The caller''s notification choices: one row per kind that concerns them (agents also get the agent kinds).';


--
-- Name: set_notification_preference(text, boolean, text); Type: FUNCTION; Schema: api; Owner: -
--

CREATE FUNCTION api.set_notification_preference(kind text, enabled boolean, delivery text DEFAULT 'immediate'::text) RETURNS api.notification_settings
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
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


--
-- Name: FUNCTION set_notification_preference(kind text, enabled boolean, delivery text); Type: COMMENT; Schema: api; Owner: -
--

COMMENT ON FUNCTION api.set_notification_preference(kind text, enabled boolean, delivery text) IS 'Turns a kind on or off and chooses immediate e-mails or a daily digest. Returns the new setting.';


--
-- Name: business_seconds_between(timestamp with time zone, timestamp with time zone); Type: FUNCTION; Schema: app; Owner: -
--

CREATE FUNCTION app.business_seconds_between(from_time timestamp with time zone, to_time timestamp with time zone) RETURNS bigint
    LANGUAGE sql STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
    with tz as (select s.time_zone from app.sla_settings s)
    select coalesce(pg_catalog.sum(greatest(0::numeric, extract(epoch from
               least(to_time, (d.day + h.closes) at time zone tz.time_zone)
               - greatest(from_time, (d.day + h.opens) at time zone tz.time_zone)))), 0)::bigint
      from tz,
           lateral (select g::date as day
                      from pg_catalog.generate_series((from_time at time zone tz.time_zone)::date,
                                                      (to_time at time zone tz.time_zone)::date,
                                                      interval '1 day') g) d
      join app.business_hours h on h.weekday = extract(isodow from d.day)
     where from_time < to_time
       and not exists (select 1 from app.holidays o where o.day = d.day)
$$;


--
-- Name: FUNCTION business_seconds_between(from_time timestamp with time zone, to_time timestamp with time zone); Type: COMMENT; Schema: app; Owner: -
--

COMMENT ON FUNCTION app.business_seconds_between(from_time timestamp with time zone, to_time timestamp with time zone) IS 'Business seconds between two instants (business hours minus holidays).';


--
-- Name: request_sla; Type: VIEW; Schema: api; Owner: -
--

CREATE VIEW api.request_sla WITH (security_invoker='true') AS
 SELECT s.request_id,
    s.first_response_due_at,
    s.first_responded_at,
    app.first_response_state(r.*, s.*) AS first_response_state,
    s.resolution_due_at,
    r.resolved_at,
    app.resolution_state(r.*, s.*) AS resolution_state,
    s.resolution_target_seconds,
    (s.resolution_used_seconds +
        CASE
            WHEN (s.resolution_running_since IS NOT NULL) THEN app.business_seconds_between(s.resolution_running_since, now())
            ELSE (0)::bigint
        END) AS resolution_used_seconds,
    s.waiting_on_requester_since
   FROM (app.request_sla s
     JOIN app.requests r ON ((r.id = s.request_id)));


--
-- Name: VIEW request_sla; Type: COMMENT; Schema: api; Owner: -
--

COMMENT ON VIEW api.request_sla IS 'Both SLA clocks of the requests the caller sees: due times and state (none, running, at_risk, paused, breached, met).';


--
-- Name: set_waiting_on_requester(bigint, boolean); Type: FUNCTION; Schema: api; Owner: -
--

CREATE FUNCTION api.set_waiting_on_requester(request_id bigint, waiting boolean) RETURNS SETOF api.request_sla
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
begin
    perform app.require_visible_request(request_id);
    perform app.set_waiting_on_requester(request_id, waiting);
    return query select * from api.request_sla s where s.request_id = set_waiting_on_requester.request_id;
end
$$;


--
-- Name: FUNCTION set_waiting_on_requester(request_id bigint, waiting boolean); Type: COMMENT; Schema: api; Owner: -
--

COMMENT ON FUNCTION api.set_waiting_on_requester(request_id bigint, waiting boolean) IS 'An agent says the request waits on its requester (pauses the resolution clock) or no longer does.';


--
-- Name: take_over_request(bigint, uuid); Type: FUNCTION; Schema: api; Owner: -
--

CREATE FUNCTION api.take_over_request(request_id bigint, from_assignee uuid DEFAULT NULL::uuid) RETURNS SETOF api.requests
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
    target app.requests;
begin
    perform app.require_visible_request(request_id);
    select * into target from app.requests r where r.id = take_over_request.request_id for update;
    if target.assignee_id is distinct from from_assignee and target.assignee_id is not null
       and target.assignee_id is distinct from app.current_user_id() then
        raise exception 'Request % is now with %, not %.', target.key, app.display_name_of(target.assignee_id),
                case when from_assignee is null then 'nobody' else app.display_name_of(from_assignee) end
            using errcode = 'PT409', detail = 'assignee_id',
                  hint = 'Nothing changed. Confirm again if you still want to take it over.';
    end if;
    perform app.update_at_version(request_id,
        (select v.version from app.request_versions v where v.request_id = take_over_request.request_id),
        pg_catalog.jsonb_build_object('assignee_id', app.current_user_id()));
    return query select * from api.requests r where r.id = take_over_request.request_id;
end
$$;


--
-- Name: FUNCTION take_over_request(request_id bigint, from_assignee uuid); Type: COMMENT; Schema: api; Owner: -
--

COMMENT ON FUNCTION api.take_over_request(request_id bigint, from_assignee uuid) IS 'Takes the request from from_assignee (whom the caller confirmed); 409 if someone else has it now.';


--
-- Name: take_request(bigint); Type: FUNCTION; Schema: api; Owner: -
--

CREATE FUNCTION api.take_request(request_id bigint) RETURNS SETOF api.requests
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
    target app.requests;
begin
    perform app.require_visible_request(request_id);
    select * into target from app.requests r where r.id = take_request.request_id for update;
    if target.assignee_id is not null and target.assignee_id is distinct from app.current_user_id() then
        raise exception '% already has request %.', app.display_name_of(target.assignee_id), target.key
            using errcode = 'PT409', detail = 'assignee_id',
                  hint = 'Take it over if you mean to work on it instead; they will see it in its history.';
    end if;
    perform app.update_at_version(request_id,
        (select v.version from app.request_versions v where v.request_id = take_request.request_id),
        pg_catalog.jsonb_build_object('assignee_id', app.current_user_id()));
    return query select * from api.requests r where r.id = take_request.request_id;
end
$$;


--
-- Name: FUNCTION take_request(request_id bigint); Type: COMMENT; Schema: api; Owner: -
--

COMMENT ON FUNCTION api.take_request(request_id bigint) IS 'Assigns the request to the caller if nobody has it; 409 naming the assignee otherwise.';


--
-- Name: transition_request(bigint, text, text); Type: FUNCTION; Schema: api; Owner: -
--

CREATE FUNCTION api.transition_request(request_id bigint, to_status text, note text DEFAULT NULL::text) RETURNS api.requests
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
    updated api.requests;
begin
    perform app.require_visible_request(request_id);
    perform app.set_request_status(request_id, to_status, note);
    select * into updated from api.requests r where r.id = transition_request.request_id;
    return updated;
end
$$;


--
-- Name: FUNCTION transition_request(request_id bigint, to_status text, note text); Type: COMMENT; Schema: api; Owner: -
--

COMMENT ON FUNCTION api.transition_request(request_id bigint, to_status text, note text) IS 'Moves a request to another status; note required to resolve and to reopen. Returns the updated request.';


--
-- Name: upload_attachment(bytea); Type: FUNCTION; Schema: api; Owner: -
--

CREATE FUNCTION api.upload_attachment(bytea) RETURNS api.attachments
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $_$
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
$_$;


--
-- Name: FUNCTION upload_attachment(bytea); Type: COMMENT; Schema: api; Owner: -
--

COMMENT ON FUNCTION api.upload_attachment(bytea) IS 'POST the raw file (application/octet-stream) with headers Reqstly-Request-Id, optional Reqstly-Comment-Id, Reqstly-Filename (percent-encoded).';


--
-- Name: verify_audit(bigint); Type: FUNCTION; Schema: api; Owner: -
--

CREATE FUNCTION api.verify_audit(request_id bigint) RETURNS app.audit_verification
    LANGUAGE plpgsql STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
    result app.audit_verification;
    readable integer;
begin
    perform app.require_visible_request(request_id);
    result := app.verify_audit_chain(request_id);
    select count(*) into readable from app.audit_log a where a.request_id = verify_audit.request_id;
    if readable < result.entries then
        -- Positions count every entry, so the reason is said without them.
        result.entries := readable;
        if not result.ok then
            result.reason := 'The history of this request does not verify: entries were changed or removed after they were written. An admin can see where.';
            if not exists (select 1 from app.audit_log a where a.id = result.first_bad_entry) then
                result.first_bad_entry := null;
            end if;
        end if;
    end if;
    return result;
end
$$;


--
-- Name: FUNCTION verify_audit(request_id bigint); Type: COMMENT; Schema: api; Owner: -
--

COMMENT ON FUNCTION api.verify_audit(request_id bigint) IS 'Whether the request''s audit chain is intact: {ok, entries, first_bad_entry, reason}.';


--
-- Name: version(api.requests); Type: FUNCTION; Schema: api; Owner: -
--

CREATE FUNCTION api.version(request api.requests) RETURNS integer
    LANGUAGE sql STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
    select v.version from app.request_versions v join app.requests r on r.id = v.request_id
     where v.request_id = (version.request).id
$$;


--
-- Name: FUNCTION version(request api.requests); Type: COMMENT; Schema: api; Owner: -
--

COMMENT ON FUNCTION api.version(request api.requests) IS 'The request''s version: send it back with an edit (select=*,version).';


--
-- Name: acting_as_unmapped_superuser(); Type: FUNCTION; Schema: app; Owner: -
--

CREATE FUNCTION app.acting_as_unmapped_superuser() RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
    select app.current_user_id() is null
       and coalesce((select r.rolsuper from pg_catalog.pg_roles r where r.rolname = app.acting_role()), false)
$$;


--
-- Name: acting_role(); Type: FUNCTION; Schema: app; Owner: -
--

CREATE FUNCTION app.acting_role() RETURNS text
    LANGUAGE sql STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
    select coalesce(nullif(pg_catalog.current_setting('role', true), 'none'), session_user::text)
$$;


--
-- Name: add_business_seconds(timestamp with time zone, bigint); Type: FUNCTION; Schema: app; Owner: -
--

CREATE FUNCTION app.add_business_seconds(start timestamp with time zone, seconds bigint) RETURNS timestamp with time zone
    LANGUAGE plpgsql STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
    zone text := (select s.time_zone from app.sla_settings s);
    remaining numeric := greatest(seconds, 0);
    on_day date := (start at time zone zone)::date;
    weekdays smallint[];
    opens time[];
    closes time[];
    days_off date[];
    window_start timestamptz;
    window_end timestamptz;
    available numeric;
begin
    -- The calendar is read once; the walk below is plain arithmetic.
    select array_agg(h.weekday order by h.weekday, h.opens),
           array_agg(h.opens order by h.weekday, h.opens),
           array_agg(h.closes order by h.weekday, h.opens)
      into weekdays, opens, closes
      from app.business_hours h;
    if weekdays is null then
        return null;
    end if;
    select coalesce(array_agg(o.day), '{}') into days_off
      from app.holidays o where o.day between on_day and on_day + 730;
    for i in 0 .. 730 loop
        if not on_day = any(days_off) then
            for j in 1 .. array_length(weekdays, 1) loop
                continue when weekdays[j] <> extract(isodow from on_day);
                window_start := greatest(start, (on_day + opens[j]) at time zone zone);
                window_end := (on_day + closes[j]) at time zone zone;
                if window_end > window_start then
                    available := extract(epoch from window_end - window_start);
                    if remaining <= available then
                        return window_start + remaining * interval '1 second';
                    end if;
                    remaining := remaining - available;
                end if;
            end loop;
        end if;
        on_day := on_day + 1;
    end loop;
    return null;
end
$$;


--
-- Name: FUNCTION add_business_seconds(start timestamp with time zone, seconds bigint); Type: COMMENT; Schema: app; Owner: -
--

COMMENT ON FUNCTION app.add_business_seconds(start timestamp with time zone, seconds bigint) IS 'The instant a number of business seconds after start.';


--
-- Name: allowed_moves(text, uuid, text); Type: FUNCTION; Schema: app; Owner: -
--

CREATE FUNCTION app.allowed_moves(from_status text, requester_id uuid, category text) RETURNS TABLE(to_status text, note_required boolean)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
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


--
-- Name: append_audit(bigint, text, jsonb, boolean); Type: FUNCTION; Schema: app; Owner: -
--

CREATE FUNCTION app.append_audit(request_id bigint, action text, changes jsonb, internal boolean) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
    head app.audit_heads;
    entry app.audit_log;
begin
    -- The head, locked: one request's entries are appended one at a time.
    select * into head from app.audit_heads h where h.request_id = append_audit.request_id for update;

    entry.request_id := append_audit.request_id;
    entry.seq := coalesce(head.seq, 0) + 1;
    entry.at := pg_catalog.date_trunc('microseconds', pg_catalog.clock_timestamp());
    entry.actor_id := app.current_user_id();
    entry.actor_role := app.acting_role();
    entry.actor_name := (select u.display_name from app.users u where u.id = entry.actor_id);
    entry.action := append_audit.action;
    entry.changes := append_audit.changes;
    entry.internal := append_audit.internal;
    entry.correlation_id := nullif(pg_catalog.current_setting('reqstly.correlation_id', true), '');
    entry.prev_hash := head.hash;
    entry.hash := app.audit_entry_hash(entry);

    insert into app.audit_log (request_id, seq, at, actor_id, actor_role, actor_name, action, changes,
                               internal, correlation_id, prev_hash, hash)
    values (entry.request_id, entry.seq, entry.at, entry.actor_id, entry.actor_role, entry.actor_name,
            entry.action, entry.changes, entry.internal, entry.correlation_id, entry.prev_hash, entry.hash);

    if head.request_id is null then
        -- The chain's first entry. Two first entries at once (only possible for
        -- a request filed before the chain existed) collide on the key: one fails.
        insert into app.audit_heads (request_id, seq, hash) values (entry.request_id, entry.seq, entry.hash);
    else
        update app.audit_heads h set seq = entry.seq, hash = entry.hash where h.request_id = entry.request_id;
    end if;
end
$$;


--
-- Name: audit_log; Type: TABLE; Schema: app; Owner: -
--

CREATE TABLE app.audit_log (
    id bigint NOT NULL,
    request_id bigint NOT NULL,
    seq integer NOT NULL,
    at timestamp with time zone NOT NULL,
    actor_id uuid,
    actor_role text NOT NULL,
    actor_name text,
    action text NOT NULL,
    changes jsonb NOT NULL,
    internal boolean DEFAULT false NOT NULL,
    correlation_id text,
    prev_hash bytea,
    hash bytea NOT NULL,
    CONSTRAINT audit_log_action_known CHECK ((action = ANY (ARRAY['created'::text, 'updated'::text, 'transitioned'::text, 'commented'::text, 'internal_note'::text, 'attachment_added'::text, 'attachment_removed'::text]))),
    CONSTRAINT audit_log_chain_starts_once CHECK (((seq = 1) = (prev_hash IS NULL))),
    CONSTRAINT audit_log_seq_positive CHECK ((seq >= 1))
);


--
-- Name: TABLE audit_log; Type: COMMENT; Schema: app; Owner: -
--

COMMENT ON TABLE app.audit_log IS 'Append-only history of every change to requests and comments, hash-chained per request.';


--
-- Name: audit_entry_hash(app.audit_log); Type: FUNCTION; Schema: app; Owner: -
--

CREATE FUNCTION app.audit_entry_hash(entry app.audit_log) RETURNS bytea
    LANGUAGE sql IMMUTABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
    select pg_catalog.sha256(pg_catalog.convert_to(pg_catalog.jsonb_build_array(
        'reqstly-audit-v1',
        entry.request_id,
        entry.seq,
        pg_catalog.to_char(entry.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
        entry.actor_id,
        entry.actor_role,
        entry.actor_name,
        entry.action,
        entry.changes,
        entry.internal,
        entry.correlation_id,
        pg_catalog.encode(entry.prev_hash, 'hex'))::text, 'UTF8'))
$$;


--
-- Name: base64url(bytea); Type: FUNCTION; Schema: app; Owner: -
--

CREATE FUNCTION app.base64url(data bytea) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
    select pg_catalog.translate(pg_catalog.encode(data, 'base64'), E'+/=\n', '-_')
$$;


--
-- Name: category_tallies(text, text); Type: FUNCTION; Schema: app; Owner: -
--

CREATE FUNCTION app.category_tallies(scope text, category text) RETURNS SETOF api.request_tally
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
    select t.category, t.status, pg_catalog.sum(t.n)::bigint
      from app.request_tallies t
     where case category_tallies.scope
               when 'my_categories' then t.category = any (app.current_agent_categories())
               when 'unassigned' then t.unassigned and t.category = any (app.current_agent_categories())
               when 'all' then app.current_user_is_admin()
               else false end
       and (category_tallies.category is null or t.category = category_tallies.category)
     group by t.category, t.status
    having pg_catalog.sum(t.n) > 0
     order by t.category, t.status
$$;


--
-- Name: FUNCTION category_tallies(scope text, category text); Type: COMMENT; Schema: app; Owner: -
--

COMMENT ON FUNCTION app.category_tallies(scope text, category text) IS 'Requests per category and status for a scope of api.count_requests (my_categories, unassigned; all for an admin), from app.request_tallies.';


--
-- Name: change_marker(); Type: FUNCTION; Schema: app; Owner: -
--

CREATE FUNCTION app.change_marker() RETURNS timestamp with time zone
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
    select greatest(
        least(pg_catalog.now(),
                         (select pg_catalog.min(a.xact_start) from pg_catalog.pg_stat_activity a
                           where a.backend_type = 'client backend' and a.pid <> pg_catalog.pg_backend_pid()
                             and a.xact_start is not null)),
        pg_catalog.now() - interval '1 minute')
$$;


--
-- Name: create_admin_login(uuid, text); Type: FUNCTION; Schema: app; Owner: -
--

CREATE FUNCTION app.create_admin_login(person uuid, role_name text) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $_$
declare
    existing pg_catalog.pg_roles;
begin
    perform app.require_admin();
    if role_name is null or role_name !~ '^[a-z_][a-z0-9_]{2,62}$' then
        raise exception 'A login role name is 3–63 lowercase letters, digits or underscores, not starting with a digit.'
            using errcode = '22023', detail = 'role_name';
    end if;
    if not exists (select 1 from app.users u where u.id = person and u.disabled_at is null) then
        raise exception 'There is no enabled person %.', person using errcode = 'PT404', detail = 'person';
    end if;
    select * into existing from pg_catalog.pg_roles r where r.rolname = role_name;
    if found and (existing.rolsuper or role_name in ('authenticator', 'web_anon', 'web_user', 'authsvc',
                                                     'reqstly_admin', 'monitoring')
                  or exists (select 1 from app.users u where u.db_role = role_name and u.id <> person)) then
        raise exception 'The role % is already used for something else; choose another name.', role_name
            using errcode = '22023', detail = 'role_name';
    end if;
    if not found then
        execute format('create role %I login', role_name);
    end if;
    execute format('alter role %I login', role_name);
    execute format('grant reqstly_admin to %I', role_name);
    update app.users u set is_admin = true, db_role = role_name where u.id = person;
end
$_$;


--
-- Name: FUNCTION create_admin_login(person uuid, role_name text); Type: COMMENT; Schema: app; Owner: -
--

COMMENT ON FUNCTION app.create_admin_login(person uuid, role_name text) IS 'Makes the person an admin and gives them a psql login role (set its password with \password).';


--
-- Name: create_number_sequence(text, integer); Type: FUNCTION; Schema: app; Owner: -
--

CREATE FUNCTION app.create_number_sequence(code text, after integer) RETURNS text
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
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


--
-- Name: current_session_id(); Type: FUNCTION; Schema: app; Owner: -
--

CREATE FUNCTION app.current_session_id() RETURNS uuid
    LANGUAGE sql STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $_$
    select case when sid ~* '^[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}$' then sid::uuid end
      from (select nullif(pg_catalog.current_setting('request.jwt.claims', true), '')::json ->> 'sid' as sid) c
$_$;


--
-- Name: FUNCTION current_session_id(); Type: COMMENT; Schema: app; Owner: -
--

COMMENT ON FUNCTION app.current_session_id() IS 'The session named by the current request''s JWT (its sid claim); null at psql or for a malformed sid.';


--
-- Name: current_user_is_admin(); Type: FUNCTION; Schema: app; Owner: -
--

CREATE FUNCTION app.current_user_is_admin() RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
    select coalesce(
        (select u.is_admin from app.users u where u.id = app.current_user_id() and u.disabled_at is null),
        false)
$$;


--
-- Name: describe_moves(text, uuid, text); Type: FUNCTION; Schema: app; Owner: -
--

CREATE FUNCTION app.describe_moves(from_status text, requester_id uuid, category text) RETURNS text
    LANGUAGE sql STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
    select coalesce(
        'From ' || app.status_label(from_status) || ' you may move it to: '
            || string_agg(app.status_label(m.to_status), ', ' order by m.to_status) || '.',
        'You cannot change its status from ' || app.status_label(from_status) || '.')
      from app.allowed_moves(from_status, requester_id, category) m
$$;


--
-- Name: detect_file_type(bytea); Type: FUNCTION; Schema: app; Owner: -
--

CREATE FUNCTION app.detect_file_type(content bytea) RETURNS text
    LANGUAGE plpgsql IMMUTABLE STRICT
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
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


--
-- Name: disable_person(uuid); Type: FUNCTION; Schema: app; Owner: -
--

CREATE FUNCTION app.disable_person(person uuid) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
    login name;
begin
    perform app.require_admin();
    if person = app.current_user_id() then
        raise exception 'You cannot disable yourself; ask another admin.' using errcode = 'PT409';
    end if;
    update app.users u set disabled_at = coalesce(u.disabled_at, now())
     where u.id = person
    returning u.db_role into login;
    if not found then
        raise exception 'There is no person %.', person using errcode = 'PT404', detail = 'person_id';
    end if;
    perform app.revoke_sessions_of(person, 'person disabled');
    if login is null then
        return;
    end if;
    if exists (select 1 from pg_catalog.pg_roles r where r.rolname = login) then
        execute format('alter role %I nologin', login);
    else
        raise warning 'The psql login role % does not exist in this cluster; the person is disabled, there is no login to close.', login
            using hint = 'After a restore, recreate the roles from the backup''s roles.sql (docs/RUNBOOK.md, Restore).';
    end if;
end
$$;


--
-- Name: FUNCTION disable_person(person uuid); Type: COMMENT; Schema: app; Owner: -
--

COMMENT ON FUNCTION app.disable_person(person uuid) IS 'Ends every session of the person, refuses their sign-in and their psql login (a missing login role is reported, not an error).';


--
-- Name: enable_person(uuid); Type: FUNCTION; Schema: app; Owner: -
--

CREATE FUNCTION app.enable_person(person uuid) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
    login name;
begin
    perform app.require_admin();
    update app.users u set disabled_at = null where u.id = person returning u.db_role into login;
    if not found then
        raise exception 'There is no person %.', person using errcode = 'PT404', detail = 'person_id';
    end if;
    if login is null then
        return;
    end if;
    if exists (select 1 from pg_catalog.pg_roles r where r.rolname = login) then
        execute format('alter role %I login', login);
    else
        raise warning 'The psql login role % does not exist in this cluster; the person can sign in to the app, give them a psql login again with app.create_admin_login.', login;
    end if;
end
$$;


--
-- Name: FUNCTION enable_person(person uuid); Type: COMMENT; Schema: app; Owner: -
--

COMMENT ON FUNCTION app.enable_person(person uuid) IS 'Lets the person sign in again and reopens their psql login (a missing login role is reported, not an error).';


--
-- Name: comments; Type: TABLE; Schema: app; Owner: -
--

CREATE TABLE app.comments (
    id bigint NOT NULL,
    request_id bigint NOT NULL,
    author_id uuid,
    author_name text NOT NULL,
    body text NOT NULL,
    internal boolean DEFAULT false NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT comments_body_length CHECK (((char_length(btrim(body)) >= 1) AND (char_length(btrim(body)) <= 10000)))
);


--
-- Name: TABLE comments; Type: COMMENT; Schema: app; Owner: -
--

COMMENT ON TABLE app.comments IS 'Comments; internal ones are seen by agents of the category and admins only. Append-only.';


--
-- Name: enqueue_notification(text, uuid, app.requests, app.comments, jsonb); Type: FUNCTION; Schema: app; Owner: -
--

CREATE FUNCTION app.enqueue_notification(kind text, recipient uuid, request app.requests, comment app.comments DEFAULT NULL::app.comments, extra jsonb DEFAULT '{}'::jsonb) RETURNS boolean
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
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


--
-- Name: enqueue_webhook(text, app.requests); Type: FUNCTION; Schema: app; Owner: -
--

CREATE FUNCTION app.enqueue_webhook(kind text, request app.requests) RETURNS boolean
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
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


--
-- Name: entra_rights_sync_of(uuid); Type: FUNCTION; Schema: app; Owner: -
--

CREATE FUNCTION app.entra_rights_sync_of(person uuid) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
    select pg_catalog.current_setting('reqstly.entra_rights_sync', true) = person::text
       and (pg_catalog.pg_has_role(app.acting_role(), 'authsvc', 'member')
            or coalesce((select r.rolsuper from pg_catalog.pg_roles r where r.rolname = app.acting_role()), false))
$$;


--
-- Name: hmac_sha256(bytea, bytea); Type: FUNCTION; Schema: app; Owner: -
--

CREATE FUNCTION app.hmac_sha256(key bytea, message bytea) RETURNS bytea
    LANGUAGE plpgsql IMMUTABLE STRICT
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
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


--
-- Name: is_agent_of(uuid, text); Type: FUNCTION; Schema: app; Owner: -
--

CREATE FUNCTION app.is_agent_of(person uuid, category_code text) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
    select exists (
        select 1
          from app.team_members tm
          join app.users u on u.id = tm.user_id
         where tm.user_id = person and tm.category = category_code and u.disabled_at is null)
$$;


--
-- Name: log_rights_change(uuid, text, text); Type: FUNCTION; Schema: app; Owner: -
--

CREATE FUNCTION app.log_rights_change(person uuid, change text, category text DEFAULT NULL::text) RETURNS void
    LANGUAGE sql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
    insert into app.rights_log (actor_id, actor_role, person_id, change, category, correlation_id)
    values (app.current_user_id(), app.acting_role(), person, change, category,
            nullif(pg_catalog.current_setting('reqstly.correlation_id', true), ''))
$$;


--
-- Name: max_concurrent_calls(); Type: FUNCTION; Schema: app; Owner: -
--

CREATE FUNCTION app.max_concurrent_calls() RETURNS integer
    LANGUAGE sql IMMUTABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$ select 6 $$;


--
-- Name: max_concurrent_searches(); Type: FUNCTION; Schema: app; Owner: -
--

CREATE FUNCTION app.max_concurrent_searches() RETURNS integer
    LANGUAGE sql IMMUTABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$ select 1 $$;


--
-- Name: move_request_category(bigint, text); Type: FUNCTION; Schema: app; Owner: -
--

CREATE FUNCTION app.move_request_category(request_id bigint, category text) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
    me uuid := app.current_user_id();
    target app.requests;
begin
    select * into target from app.requests r where r.id = move_request_category.request_id for update;
    if not found
       or not (app.current_user_is_admin() or app.acting_as_unmapped_superuser()
               or target.requester_id = me or app.is_agent_of(me, target.category)) then
        perform app.raise_no_visible_request(request_id);
    end if;
    update app.requests r set category = move_request_category.category where r.id = target.id;
end
$$;


--
-- Name: FUNCTION move_request_category(request_id bigint, category text); Type: COMMENT; Schema: app; Owner: -
--

COMMENT ON FUNCTION app.move_request_category(request_id bigint, category text) IS 'Moves a request to another category as its owner, for the requester, an agent of its category or an admin (the rules trigger decides); anyone else gets the "no request you can see" refusal.';


--
-- Name: name_vector(text); Type: FUNCTION; Schema: app; Owner: -
--

CREATE FUNCTION app.name_vector(display_name text) RETURNS tsvector
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
    select to_tsvector('app.reqstly_search'::regconfig, display_name)
$$;


--
-- Name: next_digest_at(); Type: FUNCTION; Schema: app; Owner: -
--

CREATE FUNCTION app.next_digest_at() RETURNS timestamp with time zone
    LANGUAGE sql STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
    select case when now() < date_trunc('day', now() at time zone 'UTC') at time zone 'UTC' + interval '8 hours'
                then date_trunc('day', now() at time zone 'UTC') at time zone 'UTC' + interval '8 hours'
                else date_trunc('day', now() at time zone 'UTC') at time zone 'UTC' + interval '32 hours' end
$$;


--
-- Name: notification_delivery(uuid, text); Type: FUNCTION; Schema: app; Owner: -
--

CREATE FUNCTION app.notification_delivery(person uuid, kind text) RETURNS text
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
    select case when coalesce(p.enabled, k.default_enabled) then coalesce(p.delivery, 'immediate') end
      from app.notification_kinds k
      left join app.notification_preferences p
        on p.kind = k.code and p.user_id = notification_delivery.person
     where k.code = notification_delivery.kind
$$;


--
-- Name: percent_decode(text); Type: FUNCTION; Schema: app; Owner: -
--

CREATE FUNCTION app.percent_decode(value text) RETURNS text
    LANGUAGE plpgsql IMMUTABLE STRICT
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
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


--
-- Name: percent_encode(text); Type: FUNCTION; Schema: app; Owner: -
--

CREATE FUNCTION app.percent_encode(value text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
    select coalesce(string_agg(
               case when b between 48 and 57 or b between 65 and 90 or b between 97 and 122 or b in (45, 46, 95, 126)
                    then chr(b) else '%' || upper(lpad(to_hex(b), 2, '0')) end, '' order by i), '')
      from (select i, get_byte(convert_to(value, 'UTF8'), i) as b
              from generate_series(0, octet_length(convert_to(value, 'UTF8')) - 1) as i) bytes
$$;


--
-- Name: person_can_read_comment(uuid, uuid, text, boolean); Type: FUNCTION; Schema: app; Owner: -
--

CREATE FUNCTION app.person_can_read_comment(person uuid, request_requester uuid, request_category text, comment_internal boolean) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
    select app.person_can_read_request(person, request_requester, request_category)
       and (not coalesce(comment_internal, false)
            or exists (select 1 from app.users u where u.id = person and u.is_admin)
            or app.is_agent_of(person, request_category))
$$;


--
-- Name: person_can_read_request(uuid, uuid, text); Type: FUNCTION; Schema: app; Owner: -
--

CREATE FUNCTION app.person_can_read_request(person uuid, request_requester uuid, request_category text) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
    select exists (
        select 1 from app.users u
         where u.id = person and u.disabled_at is null
           and (u.id = request_requester or u.is_admin or app.is_agent_of(person, request_category)))
$$;


--
-- Name: raise_no_visible_request(bigint); Type: FUNCTION; Schema: app; Owner: -
--

CREATE FUNCTION app.raise_no_visible_request(request_id bigint) RETURNS void
    LANGUAGE plpgsql IMMUTABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
begin
    raise exception 'There is no request % that you can see.', request_id
        using errcode = 'PT404', detail = 'request_id';
end
$$;


--
-- Name: FUNCTION raise_no_visible_request(request_id bigint); Type: COMMENT; Schema: app; Owner: -
--

COMMENT ON FUNCTION app.raise_no_visible_request(request_id bigint) IS 'Raises the refusal app.require_visible_request raises; for security definer functions, which check the caller themselves.';


--
-- Name: rate_resolution(bigint, integer, text); Type: FUNCTION; Schema: app; Owner: -
--

CREATE FUNCTION app.rate_resolution(request_id bigint, score integer, comment text) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
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


--
-- Name: rebuild_request_tallies(); Type: FUNCTION; Schema: app; Owner: -
--

CREATE FUNCTION app.rebuild_request_tallies() RETURNS bigint
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
begin
    lock table app.requests in share mode;
    delete from app.request_tallies;
    insert into app.request_tallies (category, status, unassigned, shard, n)
    select r.category, r.status, r.assignee_id is null, 0, pg_catalog.count(*)
      from app.requests r
     group by 1, 2, 3;
    return (select coalesce(pg_catalog.sum(t.n), 0)::bigint from app.request_tallies t);
end
$$;


--
-- Name: FUNCTION rebuild_request_tallies(); Type: COMMENT; Schema: app; Owner: -
--

COMMENT ON FUNCTION app.rebuild_request_tallies() IS 'Counts every request into app.request_tallies again (after a load with triggers off); returns the requests counted.';


--
-- Name: refuse_change_of_entra_rights(uuid); Type: FUNCTION; Schema: app; Owner: -
--

CREATE FUNCTION app.refuse_change_of_entra_rights(person uuid) RETURNS void
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
    name text;
begin
    select u.display_name into name from app.users u where u.id = person and u.rights_from_entra;
    if found and not app.entra_rights_sync_of(person) then
        raise exception '%''s rights come from their Entra ID app roles, so they cannot be changed in Reqstly.', name
            using errcode = 'PT409', detail = 'person_id',
                  hint = 'Change their app role assignment in Entra ID; Reqstly applies it at their next sign-in.';
    end if;
end
$$;


--
-- Name: FUNCTION refuse_change_of_entra_rights(person uuid); Type: COMMENT; Schema: app; Owner: -
--

COMMENT ON FUNCTION app.refuse_change_of_entra_rights(person uuid) IS 'Refuses (PT409) a change to the rights of a person whose rights come from Entra ID, except the sign-in''s own rewrite.';


--
-- Name: request_changed_fields(app.requests, app.requests); Type: FUNCTION; Schema: app; Owner: -
--

CREATE FUNCTION app.request_changed_fields(old_row app.requests, new_row app.requests) RETURNS text[]
    LANGUAGE sql IMMUTABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
    select pg_catalog.array_remove(array[
        case when new_row.title is distinct from old_row.title then 'title' end,
        case when new_row.description is distinct from old_row.description then 'description' end,
        case when new_row.priority is distinct from old_row.priority then 'priority' end,
        case when new_row.category is distinct from old_row.category then 'category' end,
        case when new_row.assignee_id is distinct from old_row.assignee_id then 'assignee' end,
        case when new_row.status is distinct from old_row.status then 'status' end], null)
$$;


--
-- Name: request_counts(); Type: FUNCTION; Schema: app; Owner: -
--

CREATE FUNCTION app.request_counts() RETURNS TABLE(status text, category text, mine boolean, assigned_to_me boolean, count bigint)
    LANGUAGE plpgsql STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
    me uuid := app.current_user_id();
    categories text[] := case when app.current_user_is_admin() then null
                              else app.current_agent_categories() end;
begin
    if categories is null then  -- admins count everything
        return query
            select r.status, r.category, r.requester_id is not distinct from me,
                   coalesce(r.assignee_id = me, false), count(*)
              from app.requests r
             group by 1, 2, 3, 4;
        return;
    end if;
    return query
        select s.status, s.category, s.mine, s.assigned_to_me, sum(s.n)::bigint
          from (select r.status, r.category, true as mine,
                       coalesce(r.assignee_id = me, false) as assigned_to_me, count(*) as n
                  from app.requests r
                 where r.requester_id = me
                 group by 1, 2, 3, 4
                union all
                select r.status, r.category, false, coalesce(r.assignee_id = me, false), count(*)
                  from app.requests r
                 where r.category = any (categories) and r.requester_id <> me
                 group by 1, 2, 3, 4) s
         group by 1, 2, 3, 4;
end
$$;


--
-- Name: FUNCTION request_counts(); Type: COMMENT; Schema: app; Owner: -
--

COMMENT ON FUNCTION app.request_counts() IS 'The caller''s visible requests counted by status, category, mine and assigned_to_me (api.request_counts); each part planned with the caller''s values so it uses its index.';


--
-- Name: request_filter(text, text, text, text, text); Type: FUNCTION; Schema: app; Owner: -
--

CREATE FUNCTION app.request_filter(q text, scope text, category text, status text, priority text) RETURNS text
    LANGUAGE plpgsql STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
    me uuid := app.current_user_id();
    mine text[] := app.current_agent_categories();
    conditions text[] := array['true'];
    statuses text[] := pg_catalog.string_to_array(pg_catalog.replace(status, ' ', ''), ',');
    unknown text;
begin
    if scope is not null and scope not in ('all', 'mine', 'assigned_to_me', 'unassigned', 'my_categories') then
        raise exception 'There is no list "%". The lists are all, mine, assigned_to_me, unassigned and my_categories.', scope
            using errcode = '22023', detail = 'scope';
    end if;
    select s.code into unknown
      from pg_catalog.unnest(statuses) as s(code)
     where not exists (select 1 from app.statuses st where st.code = s.code)
     limit 1;
    if status is not null and (unknown is not null or pg_catalog.cardinality(statuses) = 0) then
        raise exception 'There is no status "%". The statuses are %.', coalesce(unknown, status),
                (select pg_catalog.string_agg(st.code, ', ' order by st.position) from app.statuses st)
            using errcode = '22023', detail = 'status';
    end if;
    if priority is not null and priority not in ('low', 'normal', 'high', 'urgent') then
        raise exception 'The priority "%" is not one of low, normal, high, urgent.', priority
            using errcode = '22023', detail = 'priority';
    end if;
    conditions := conditions || case coalesce(scope, 'all')
        when 'mine' then pg_catalog.format('l.requester_id = %L', me)
        when 'assigned_to_me' then pg_catalog.format('l.assignee_id = %L', me)
        when 'unassigned' then pg_catalog.format('l.assignee_id is null and l.category = any (%L::text[])', mine)
        when 'my_categories' then pg_catalog.format('l.category = any (%L::text[])', mine)
        else 'true' end;
    if category is not null then
        conditions := conditions || pg_catalog.format('l.category = %L', category);
    end if;
    if status is not null then
        conditions := conditions || case pg_catalog.cardinality(statuses)
            when 1 then pg_catalog.format('l.status = %L', statuses[1])
            else pg_catalog.format('l.status = any (%L::text[])', statuses) end;
    end if;
    if priority is not null then
        conditions := conditions || pg_catalog.format('l.priority = %L', priority);
    end if;
    q := nullif(app.search_input(q), '');  -- 0980: at most 200 characters, 12 words
    if q is not null then
        conditions := conditions || pg_catalog.format('l.id in (select app.search_request_ids(%L))', q);
    end if;
    return pg_catalog.array_to_string(conditions, ' and ');
end
$$;


--
-- Name: require_admin(); Type: FUNCTION; Schema: app; Owner: -
--

CREATE FUNCTION app.require_admin() RETURNS void
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
begin
    if not (app.current_user_is_admin() or app.acting_as_unmapped_superuser()) then
        raise exception 'Only an admin can do this.' using errcode = '42501';
    end if;
end
$$;


--
-- Name: require_visible_request(bigint); Type: FUNCTION; Schema: app; Owner: -
--

CREATE FUNCTION app.require_visible_request(request_id bigint) RETURNS void
    LANGUAGE plpgsql STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
begin
    perform 1 from app.requests r where r.id = require_visible_request.request_id;
    if not found then
        perform app.raise_no_visible_request(request_id);
    end if;
end
$$;


--
-- Name: FUNCTION require_visible_request(request_id bigint); Type: COMMENT; Schema: app; Owner: -
--

COMMENT ON FUNCTION app.require_visible_request(request_id bigint) IS 'Raises PT404 "There is no request N that you can see." unless row-level security lets the caller see request N. Run as the caller (security invoker).';


--
-- Name: revoke_sessions_of(uuid, text, uuid); Type: FUNCTION; Schema: app; Owner: -
--

CREATE FUNCTION app.revoke_sessions_of(person uuid, reason text, except_session uuid DEFAULT NULL::uuid) RETURNS integer
    LANGUAGE sql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
    with ended as (
        update auth.sessions s
           set revoked_at = now(), revoked_reason = reason
         where s.user_id = person
           and s.revoked_at is null
           and s.id is distinct from except_session
        returning 1)
    select count(*)::integer from ended
$$;


--
-- Name: FUNCTION revoke_sessions_of(person uuid, reason text, except_session uuid); Type: COMMENT; Schema: app; Owner: -
--

COMMENT ON FUNCTION app.revoke_sessions_of(person uuid, reason text, except_session uuid) IS 'Ends every live session of a person, except one if named. Callers check rights.';


--
-- Name: revoke_sessions_of_caller(text, uuid); Type: FUNCTION; Schema: app; Owner: -
--

CREATE FUNCTION app.revoke_sessions_of_caller(reason text, except_session uuid) RETURNS integer
    LANGUAGE sql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
    select case when app.current_user_id() is null then 0
                else app.revoke_sessions_of(app.current_user_id(), reason, except_session) end
$$;


--
-- Name: FUNCTION revoke_sessions_of_caller(reason text, except_session uuid); Type: COMMENT; Schema: app; Owner: -
--

COMMENT ON FUNCTION app.revoke_sessions_of_caller(reason text, except_session uuid) IS 'Ends the acting person''s live sessions except one (api.revoke_other_sessions).';


--
-- Name: search_candidates(text); Type: FUNCTION; Schema: app; Owner: -
--

CREATE FUNCTION app.search_candidates(q text) RETURNS TABLE(request_id bigint, comment_id bigint)
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $_$
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
$_$;


--
-- Name: search_input(text); Type: FUNCTION; Schema: app; Owner: -
--

CREATE FUNCTION app.search_input(q text) RETURNS text
    LANGUAGE plpgsql IMMUTABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
    clean text := pg_catalog.btrim(pg_catalog.regexp_replace(coalesce(q, ''), '\s+', ' ', 'g'));
begin
    if pg_catalog.char_length(clean) > 200
       or pg_catalog.cardinality(pg_catalog.string_to_array(clean, ' ')) > 12 then
        raise exception 'Search for at most 12 words (200 characters), as plain words.'
            using errcode = '22023', detail = 'q';
    end if;
    return clean;
end
$$;


--
-- Name: FUNCTION search_input(q text); Type: COMMENT; Schema: app; Owner: -
--

COMMENT ON FUNCTION app.search_input(q text) IS 'Returns the search input trimmed, with runs of white space made one space; raises 22023 (400) over 200 characters or 12 words.';


--
-- Name: search_query(text); Type: FUNCTION; Schema: app; Owner: -
--

CREATE FUNCTION app.search_query(q text) RETURNS tsquery
    LANGUAGE sql STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $_$
    select case when pg_catalog.numnode(t.query) > 0 then t.query end
      from (select pg_catalog.to_tsquery('app.reqstly_search'::regconfig,
                       coalesce(pg_catalog.string_agg(pg_catalog.quote_literal(w) || ':*', ' & '), '')) as query
              from pg_catalog.regexp_split_to_table(pg_catalog.lower(text_search.unaccent(coalesce(q, ''))), '\s+') term,
                   pg_catalog.regexp_split_to_table(term, '[^[:alnum:]]+') w
             where w <> '' and term !~ '^[[:alpha:]][[:alnum:]]*-[0-9]{1,9}$') t
$_$;


--
-- Name: FUNCTION search_query(q text); Type: COMMENT; Schema: app; Owner: -
--

COMMENT ON FUNCTION app.search_query(q text) IS 'A search box''s text as a tsquery: accents removed, every word a required prefix.';


--
-- Name: search_request_ids(text); Type: FUNCTION; Schema: app; Owner: -
--

CREATE FUNCTION app.search_request_ids(q text) RETURNS SETOF bigint
    LANGUAGE sql STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
    with candidates as materialized (select * from app.search_candidates(q))
    select c.request_id from candidates c where c.comment_id is null
    union
    select m.request_id
      from app.comments m
     where m.id in (select c.comment_id from candidates c where c.comment_id is not null)
$$;


--
-- Name: FUNCTION search_request_ids(q text); Type: COMMENT; Schema: app; Owner: -
--

COMMENT ON FUNCTION app.search_request_ids(q text) IS 'Ids of requests that match q in their words, visible comments, people''s names or key; read them through row-level security.';


--
-- Name: search_vector(text, text); Type: FUNCTION; Schema: app; Owner: -
--

CREATE FUNCTION app.search_vector(title text, description text) RETURNS tsvector
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
    select setweight(to_tsvector('app.reqstly_search'::regconfig, title), 'A')
           || setweight(to_tsvector('app.reqstly_search'::regconfig, description), 'B')
$$;


--
-- Name: set_admin(uuid, boolean); Type: FUNCTION; Schema: app; Owner: -
--

CREATE FUNCTION app.set_admin(person uuid, make_admin boolean) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
begin
    perform app.require_admin();
    perform 1 from app.users u where u.id = person for update;
    if not found then
        raise exception 'There is no person %.', person using errcode = 'PT404', detail = 'person_id';
    end if;
    if not make_admin and not exists (select 1 from app.users u
                                       where u.is_admin and u.disabled_at is null and u.id <> person) then
        raise exception 'This is the last admin; make someone else an admin first.' using errcode = 'PT409';
    end if;
    update app.users u set is_admin = make_admin where u.id = person;
end
$$;


--
-- Name: set_request_status(bigint, text, text); Type: FUNCTION; Schema: app; Owner: -
--

CREATE FUNCTION app.set_request_status(request_id bigint, to_status text, note text DEFAULT NULL::text) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
    clean_note text := nullif(btrim(note), '');
    current app.requests;
begin
    if to_status is null or not exists (select 1 from app.statuses s where s.code = to_status) then
        raise exception 'There is no status "%". The statuses are %.', to_status,
                (select string_agg(s.code, ', ' order by s.position) from app.statuses s)
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


--
-- Name: FUNCTION set_request_status(request_id bigint, to_status text, note text); Type: COMMENT; Schema: app; Owner: -
--

COMMENT ON FUNCTION app.set_request_status(request_id bigint, to_status text, note text) IS 'Moves a request to another status as the acting person; the trigger decides whether they may.';


--
-- Name: set_waiting_on_requester(bigint, boolean); Type: FUNCTION; Schema: app; Owner: -
--

CREATE FUNCTION app.set_waiting_on_requester(request_id bigint, waiting boolean) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
    target app.requests;
    me uuid := app.current_user_id();
begin
    select * into target from app.requests r where r.id = set_waiting_on_requester.request_id for update;
    if not found or not (app.current_user_is_admin() or app.acting_as_unmapped_superuser()
                         or target.requester_id = me or app.is_agent_of(me, target.category)) then
        perform app.raise_no_visible_request(request_id);
    end if;
    if not (app.current_user_is_admin() or app.acting_as_unmapped_superuser() or app.is_agent_of(me, target.category)) then
        raise exception 'Only an agent of % or an admin can say request % waits on its requester.',
                target.category, target.key
            using errcode = 'PT403', detail = 'waiting';
    end if;
    if app.status_is_closed(target.status) then
        raise exception 'Request % is %, so it is not waiting on anyone.', target.key, lower(app.status_label(target.status))
            using errcode = 'PT409', detail = 'waiting';
    end if;
    update app.request_sla s
       set waiting_on_requester_since = case when waiting then coalesce(s.waiting_on_requester_since, now()) end
     where s.request_id = set_waiting_on_requester.request_id;
    perform app.sla_refresh(request_id);
    update app.requests r set updated_at = now() where r.id = set_waiting_on_requester.request_id;
end
$$;


--
-- Name: sla_refresh(bigint); Type: FUNCTION; Schema: app; Owner: -
--

CREATE FUNCTION app.sla_refresh(request_id bigint) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
    r app.requests;
    s app.request_sla;
    t app.sla_targets;
    pause_waiting boolean := coalesce((select o.pause_while_waiting_on_requester from app.sla_settings o), true);
    used bigint;
    target bigint;
    running boolean;
    closed boolean;
begin
    select * into r from app.requests q where q.id = sla_refresh.request_id;
    if not found then
        return;
    end if;
    select * into t from app.sla_targets x where x.category = r.category and x.priority = r.priority;
    select * into s from app.request_sla x where x.request_id = sla_refresh.request_id for update;
    if not found then
        -- A new request: both clocks start when it was filed.
        s.request_id := r.id;
        s.resolution_used_seconds := 0;
        s.resolution_running_since := r.created_at;
    end if;

    closed := app.status_is_closed(r.status);
    if closed then
        s.waiting_on_requester_since := null;
    end if;
    used := s.resolution_used_seconds
            + case when s.resolution_running_since < now()
                   then app.business_seconds_between(s.resolution_running_since, now()) else 0 end;
    target := t.resolution_minutes::bigint * 60;
    running := not closed and not (pause_waiting and s.waiting_on_requester_since is not null);

    s.first_response_due_at := case when s.first_responded_at is null
                                    then app.add_business_seconds(r.created_at, t.first_response_minutes::bigint * 60)
                                    else s.first_response_due_at end;
    s.resolution_due_at := case when target is null then null
                                when running and target > used then app.add_business_seconds(now(), target - used)
                                when running then coalesce(s.resolution_due_at, now())
                                else s.resolution_due_at end;
    s.resolution_target_seconds := target;
    s.resolution_used_seconds := used;
    s.resolution_running_since := case when running then now() end;

    insert into app.request_sla as x
    select s.*
    on conflict on constraint request_sla_pkey do update
       set first_response_due_at = excluded.first_response_due_at,
           resolution_target_seconds = excluded.resolution_target_seconds,
           resolution_used_seconds = excluded.resolution_used_seconds,
           resolution_running_since = excluded.resolution_running_since,
           resolution_due_at = excluded.resolution_due_at,
           waiting_on_requester_since = excluded.waiting_on_requester_since;
end
$$;


--
-- Name: status_is_closed(text); Type: FUNCTION; Schema: app; Owner: -
--

CREATE FUNCTION app.status_is_closed(status text) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
    select coalesce((select st.is_closed from app.statuses st where st.code = status_is_closed.status), false)
$$;


--
-- Name: status_label(text); Type: FUNCTION; Schema: app; Owner: -
--

CREATE FUNCTION app.status_label(status text) RETURNS text
    LANGUAGE sql STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
    select coalesce((select s.label from app.statuses s where s.code = status_label.status), status)
$$;


--
-- Name: take_call_slot(uuid); Type: FUNCTION; Schema: app; Owner: -
--

CREATE FUNCTION app.take_call_slot(person uuid) RETURNS void
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
    -- One lock space per person and kind: key 1 hashes both, key 2 is the slot.
    person_key integer := pg_catalog.hashtext('reqstly.call_slot:' || person::text);
    search_key integer := pg_catalog.hashtext('reqstly.search_slot:' || person::text);
    headers text := nullif(pg_catalog.current_setting('request.headers', true), '');
    is_search boolean := headers is not null and (headers::json ->> 'x-reqstly-search') is not null;
    taken boolean := false;
begin
    if is_search then
        for slot in 1 .. app.max_concurrent_searches() loop
            taken := pg_catalog.pg_try_advisory_xact_lock(search_key, slot);
            exit when taken;
        end loop;
        if not taken then
            raise sqlstate 'PT429' using
                message = 'You have a search running already; wait for it to finish and try again.',
                hint = 'A person runs one search at a time.';
        end if;
    end if;
    for slot in 1 .. app.max_concurrent_calls() loop
        if pg_catalog.pg_try_advisory_xact_lock(person_key, slot) then
            return;
        end if;
    end loop;
    raise sqlstate 'PT429' using
        message = format('You have %s calls running already; wait for one to finish and try again.',
                         app.max_concurrent_calls()),
        hint = 'Someone with this sign-in is sending many calls at once.';
end
$$;


--
-- Name: FUNCTION take_call_slot(person uuid); Type: COMMENT; Schema: app; Owner: -
--

COMMENT ON FUNCTION app.take_call_slot(person uuid) IS 'Per-person fair share (ADR 0013): holds one of app.max_concurrent_calls() slots for the transaction, and for a search (header X-Reqstly-Search, set by Caddy) one of app.max_concurrent_searches(); else raises PT429.';


--
-- Name: take_notifications(bigint[], integer); Type: FUNCTION; Schema: app; Owner: -
--

CREATE FUNCTION app.take_notifications(candidates bigint[], lease_seconds integer) RETURNS SETOF notify.outgoing
    LANGUAGE sql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
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


--
-- Name: tg__append_only(); Type: FUNCTION; Schema: app; Owner: -
--

CREATE FUNCTION app.tg__append_only() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
begin
    raise exception '% is append-only: entries cannot be changed or removed (% refused).',
            coalesce(tg_argv[0], tg_table_name), tg_op
        using errcode = '42501';
end
$$;


--
-- Name: FUNCTION tg__append_only(); Type: COMMENT; Schema: app; Owner: -
--

COMMENT ON FUNCTION app.tg__append_only() IS 'Refuses UPDATE, DELETE and TRUNCATE on an append-only table; the argument names it for people.';


--
-- Name: tg__set_updated_at(); Type: FUNCTION; Schema: app; Owner: -
--

CREATE FUNCTION app.tg__set_updated_at() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
begin
    new.updated_at := now();
    return new;
end
$$;


--
-- Name: tg__sla_recompute_all(); Type: FUNCTION; Schema: app; Owner: -
--

CREATE FUNCTION app.tg__sla_recompute_all() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
begin
    perform app.sla_refresh(r.id)
       from app.requests r
       join app.statuses st on st.code = r.status
      where not st.is_closed;
    return null;
end
$$;


--
-- Name: tg_attachments__audit(); Type: FUNCTION; Schema: app; Owner: -
--

CREATE FUNCTION app.tg_attachments__audit() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
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


--
-- Name: tg_attachments__immutable(); Type: FUNCTION; Schema: app; Owner: -
--

CREATE FUNCTION app.tg_attachments__immutable() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
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


--
-- Name: tg_attachments__set_defaults(); Type: FUNCTION; Schema: app; Owner: -
--

CREATE FUNCTION app.tg_attachments__set_defaults() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $_$
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
$_$;


--
-- Name: tg_categories__number_sequence(); Type: FUNCTION; Schema: app; Owner: -
--

CREATE FUNCTION app.tg_categories__number_sequence() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
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


--
-- Name: tg_comments__audit(); Type: FUNCTION; Schema: app; Owner: -
--

CREATE FUNCTION app.tg_comments__audit() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
begin
    perform app.append_audit(new.request_id,
        case when new.internal then 'internal_note' else 'commented' end,
        jsonb_build_object('comment_id', new.id, 'body', new.body, 'internal', new.internal),
        new.internal);
    return null;
end
$$;


--
-- Name: FUNCTION tg_comments__audit(); Type: COMMENT; Schema: app; Owner: -
--

COMMENT ON FUNCTION app.tg_comments__audit() IS 'comments_500_audit: appends a commented/internal_note entry.';


--
-- Name: tg_comments__notify(); Type: FUNCTION; Schema: app; Owner: -
--

CREATE FUNCTION app.tg_comments__notify() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
    target app.requests;
begin
    if new.internal then
        return null;
    end if;
    select * into target from app.requests r where r.id = new.request_id;
    if new.author_id is distinct from target.requester_id then
        perform app.enqueue_notification('reply', target.requester_id, target, new);
    elsif target.assignee_id is not null then
        perform app.enqueue_notification('requester_reply', target.assignee_id, target, new);
    end if;
    return null;
end
$$;


--
-- Name: FUNCTION tg_comments__notify(); Type: COMMENT; Schema: app; Owner: -
--

COMMENT ON FUNCTION app.tg_comments__notify() IS 'Outbox rows for a public reply (to the requester) and a requester''s reply (to the assignee).';


--
-- Name: tg_comments__require_visible_request(); Type: FUNCTION; Schema: app; Owner: -
--

CREATE FUNCTION app.tg_comments__require_visible_request() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
begin
    perform app.require_visible_request(new.request_id);
    return new;
end
$$;


--
-- Name: tg_comments__set_defaults(); Type: FUNCTION; Schema: app; Owner: -
--

CREATE FUNCTION app.tg_comments__set_defaults() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
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


--
-- Name: tg_comments__sla(); Type: FUNCTION; Schema: app; Owner: -
--

CREATE FUNCTION app.tg_comments__sla() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
    requester uuid := (select r.requester_id from app.requests r where r.id = new.request_id);
begin
    if new.internal then
        return null;
    end if;
    if new.author_id is distinct from requester then
        update app.request_sla s set first_responded_at = new.created_at
         where s.request_id = new.request_id and s.first_responded_at is null;
    else
        update app.request_sla s set waiting_on_requester_since = null
         where s.request_id = new.request_id and s.waiting_on_requester_since is not null;
        if found then
            perform app.sla_refresh(new.request_id);
        end if;
    end if;
    return null;
end
$$;


--
-- Name: tg_comments__touch_request(); Type: FUNCTION; Schema: app; Owner: -
--

CREATE FUNCTION app.tg_comments__touch_request() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
begin
    if not new.internal then
        update app.requests r set updated_at = now() where r.id = new.request_id;
    end if;
    return null;
end
$$;


--
-- Name: tg_notifications__wake_worker(); Type: FUNCTION; Schema: app; Owner: -
--

CREATE FUNCTION app.tg_notifications__wake_worker() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
begin
    perform pg_catalog.pg_notify('reqstly_notifications', '');
    return null;
end
$$;


--
-- Name: tg_requests__assignee_visible(); Type: FUNCTION; Schema: app; Owner: -
--

CREATE FUNCTION app.tg_requests__assignee_visible() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
begin
    if new.assignee_id is distinct from old.assignee_id and new.assignee_id is not null
       and not exists (select 1 from app.users u where u.id = new.assignee_id) then
        raise exception 'There is no agent of % with that id that you can see; a request can only be assigned to an agent of its category.',
                new.category
            using errcode = '23514', detail = 'assignee_id';
    end if;
    return new;
end
$$;


--
-- Name: tg_requests__audit(); Type: FUNCTION; Schema: app; Owner: -
--

CREATE FUNCTION app.tg_requests__audit() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    SET "TimeZone" TO 'UTC'
    AS $$
declare
    ignored constant text[] := array['id', 'number', 'priority_rank', 'search', 'created_at', 'updated_at'];
    old_row jsonb := case when tg_op = 'UPDATE' then to_jsonb(old) - ignored else '{}' end;
    new_row jsonb := to_jsonb(new) - ignored;
    diff jsonb;
begin
    select pg_catalog.jsonb_object_agg(n.key, pg_catalog.jsonb_build_object('old', old_row -> n.key, 'new', n.value))
      into diff
      from pg_catalog.jsonb_each(new_row) n
     where tg_op = 'INSERT' or n.value is distinct from old_row -> n.key;
    if diff is null then
        return null;  -- only updated_at moved (a comment touched the request)
    end if;
    perform app.append_audit(new.id,
        case when tg_op = 'INSERT' then 'created'
             when new.status is distinct from old.status then 'transitioned'
             else 'updated' end,
        diff, false);
    return null;
end
$$;


--
-- Name: FUNCTION tg_requests__audit(); Type: COMMENT; Schema: app; Owner: -
--

COMMENT ON FUNCTION app.tg_requests__audit() IS 'requests_500_audit: appends created/updated/transitioned entries with the changed columns.';


--
-- Name: tg_requests__bump_version(); Type: FUNCTION; Schema: app; Owner: -
--

CREATE FUNCTION app.tg_requests__bump_version() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
    fields text[];
begin
    if tg_op = 'INSERT' then
        insert into app.request_versions (request_id, version, changed_at, changed_by, changed_by_name, changed_fields)
        values (new.id, 1, now(), app.current_user_id(),
                coalesce((select u.display_name from app.users u where u.id = app.current_user_id()), app.acting_role()),
                '{}');
        return null;
    end if;
    fields := app.request_changed_fields(old, new);
    if pg_catalog.cardinality(fields) = 0 then
        return null;  -- only updated_at moved (a comment touched the request)
    end if;
    update app.request_versions v
       set version = v.version + 1,
           changed_at = now(),
           changed_by = app.current_user_id(),
           changed_by_name = coalesce((select u.display_name from app.users u where u.id = app.current_user_id()),
                                      app.acting_role()),
           changed_fields = fields
     where v.request_id = new.id;
    return null;
end
$$;


--
-- Name: tg_requests__check_version(); Type: FUNCTION; Schema: app; Owner: -
--

CREATE FUNCTION app.tg_requests__check_version() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
    expected text := nullif(pg_catalog.current_setting('reqstly.expected_version', true), '');
    seen integer;
    current app.request_versions;
    since text;
begin
    if new.status <> old.status or new.category <> old.category
       or (new.title, new.description, new.priority, new.assignee_id)
          is not distinct from (old.title, old.description, old.priority, old.assignee_id) then
        return new;
    end if;
    if expected is null or pg_catalog.split_part(expected, ':', 1) <> old.id::text then
        if app.acting_role() in ('web_user', 'web_anon') then
            raise exception 'Say which version of request % you are changing.', old.key
                using errcode = 'PT428', detail = 'version',
                      hint = 'Use /rpc/edit_request or /rpc/assign_request with the version you saw.';
        end if;
        return new;  -- psql: an admin's plain UPDATE is theirs to make
    end if;
    seen := pg_catalog.split_part(expected, ':', 2)::integer;
    select * into current from app.request_versions v where v.request_id = old.id;
    if current.version is distinct from seen then
        since := case when current.version - seen > 1
                      then format(' (it changed %s times since you opened it)', current.version - seen)
                      else '' end;
        raise exception '% changed the % of request % at % UTC, after you opened it%.',
                case when current.changed_by = app.current_user_id() then 'You (in another window)'
                     else current.changed_by_name end,
                app.words_list(current.changed_fields),
                old.key,
                pg_catalog.to_char(current.changed_at at time zone 'UTC', 'YYYY-MM-DD HH24:MI'),
                since
            using errcode = 'PT409', detail = 'version',
                  hint = format('Your change was not saved. The request is now at version %s: '
                                'look at it, then make your change again.', current.version);
    end if;
    return new;
end
$$;


--
-- Name: tg_requests__enforce_rules(); Type: FUNCTION; Schema: app; Owner: -
--

CREATE FUNCTION app.tg_requests__enforce_rules() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
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


--
-- Name: tg_requests__notify(); Type: FUNCTION; Schema: app; Owner: -
--

CREATE FUNCTION app.tg_requests__notify() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
    actor uuid := app.current_user_id();
    agent uuid;
    note app.comments;
begin
    if tg_op = 'INSERT' then
        if new.requester_id is distinct from actor then
            perform app.enqueue_notification('filed_for_you', new.requester_id, new);
        end if;
        for agent in
            select tm.user_id from app.team_members tm
             where tm.category = new.category and tm.user_id <> new.requester_id
               and app.notification_delivery(tm.user_id, 'new_in_category') is not null
             order by tm.user_id
        loop
            perform app.enqueue_notification('new_in_category', agent, new);
        end loop;
        perform app.enqueue_webhook('new_in_category', new);
        return null;
    end if;

    if new.status is distinct from old.status then
        -- app.set_request_status writes the note (resolution, reopening…) as
        -- a public comment of the actor just before the move, and names it in
        -- reqstly.transition_note: it belongs in this e-mail, and its own
        -- "reply" e-mail is dropped.
        select * into note from app.comments c
         where c.request_id = new.id and not c.internal and c.created_at = now()
           and c.author_id is not distinct from actor
           and c.body = nullif(pg_catalog.current_setting('reqstly.transition_note', true), '')
         order by c.id desc limit 1;
        if app.enqueue_notification('status', new.requester_id, new, note,
                                    jsonb_build_object('from_status', old.status,
                                                       'from_label', app.status_label(old.status)))
           and note.id is not null then
            delete from app.notifications n
             where n.comment_id = note.id and n.kind = 'reply' and n.recipient_id = new.requester_id
               and n.state = 'pending';
        end if;
    end if;
    if new.assignee_id is distinct from old.assignee_id and new.assignee_id is not null then
        perform app.enqueue_notification('assigned', new.assignee_id, new);
    end if;
    return null;
end
$$;


--
-- Name: FUNCTION tg_requests__notify(); Type: COMMENT; Schema: app; Owner: -
--

COMMENT ON FUNCTION app.tg_requests__notify() IS 'Outbox rows for a new request (filed for you, new in category, webhook), a status change (with its note) and an assignment.';


--
-- Name: tg_requests__set_defaults(); Type: FUNCTION; Schema: app; Owner: -
--

CREATE FUNCTION app.tg_requests__set_defaults() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
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


--
-- Name: tg_requests__sla(); Type: FUNCTION; Schema: app; Owner: -
--

CREATE FUNCTION app.tg_requests__sla() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
begin
    if tg_op = 'INSERT' or (new.status, new.priority, new.category)
                           is distinct from (old.status, old.priority, old.category) then
        perform app.sla_refresh(new.id);
    end if;
    return null;
end
$$;


--
-- Name: tg_requests__tally(); Type: FUNCTION; Schema: app; Owner: -
--

CREATE FUNCTION app.tg_requests__tally() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
    this_shard smallint := pg_catalog.pg_backend_pid() % 8;
begin
    if tg_op = 'INSERT' then
        insert into app.request_tallies as t (category, status, unassigned, shard, n)
        values (new.category, new.status, new.assignee_id is null, this_shard, 1)
            on conflict (category, status, unassigned, shard) do update set n = t.n + 1;
        return null;
    end if;
    insert into app.request_tallies as t (category, status, unassigned, shard, n)
    select k.category, k.status, k.unassigned, this_shard, k.n
      from (select new.category, new.status, new.assignee_id is null, 1 where tg_op = 'UPDATE'
            union all
            select old.category, old.status, old.assignee_id is null, -1) k (category, status, unassigned, n)
     order by k.category, k.status, k.unassigned
        on conflict (category, status, unassigned, shard) do update set n = t.n + excluded.n;
    return null;
end
$$;


--
-- Name: FUNCTION tg_requests__tally(); Type: COMMENT; Schema: app; Owner: -
--

COMMENT ON FUNCTION app.tg_requests__tally() IS 'requests_900_tally: adds a request''s creation, change of category, status or assignment, or removal to app.request_tallies.';


--
-- Name: tg_requests__validate(); Type: FUNCTION; Schema: app; Owner: -
--

CREATE FUNCTION app.tg_requests__validate() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
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


--
-- Name: tg_sla_settings__validate(); Type: FUNCTION; Schema: app; Owner: -
--

CREATE FUNCTION app.tg_sla_settings__validate() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
begin
    if not exists (select 1 from pg_catalog.pg_timezone_names z where z.name = new.time_zone) then
        raise exception 'There is no time zone "%"; use a name such as Europe/Berlin.', new.time_zone
            using errcode = '22023', detail = 'time_zone';
    end if;
    return new;
end
$$;


--
-- Name: tg_team_members__guard_entra_rights(); Type: FUNCTION; Schema: app; Owner: -
--

CREATE FUNCTION app.tg_team_members__guard_entra_rights() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
begin
    perform app.refuse_change_of_entra_rights(case when tg_op = 'DELETE' then old.user_id else new.user_id end);
    return case when tg_op = 'DELETE' then old else new end;
end
$$;


--
-- Name: tg_team_members__log(); Type: FUNCTION; Schema: app; Owner: -
--

CREATE FUNCTION app.tg_team_members__log() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
begin
    if tg_op = 'INSERT' then
        perform app.log_rights_change(new.user_id, 'agent_added', new.category);
    else
        perform app.log_rights_change(old.user_id, 'agent_removed', old.category);
    end if;
    return null;
end
$$;


--
-- Name: tg_team_members__require_admin(); Type: FUNCTION; Schema: app; Owner: -
--

CREATE FUNCTION app.tg_team_members__require_admin() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
begin
    if not app.entra_rights_sync_of(new.user_id) then
        perform app.require_admin();
    end if;
    return new;
end
$$;


--
-- Name: FUNCTION tg_team_members__require_admin(); Type: COMMENT; Schema: app; Owner: -
--

COMMENT ON FUNCTION app.tg_team_members__require_admin() IS 'team_members_100_require_admin: refuses a non-admin (42501 "Only an admin can do this.") before any other trigger reads the person.';


--
-- Name: tg_users__guard_entra_rights(); Type: FUNCTION; Schema: app; Owner: -
--

CREATE FUNCTION app.tg_users__guard_entra_rights() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
begin
    if new.is_admin is distinct from old.is_admin then
        perform app.refuse_change_of_entra_rights(old.id);
    end if;
    return new;
end
$$;


--
-- Name: tg_users__log_rights(); Type: FUNCTION; Schema: app; Owner: -
--

CREATE FUNCTION app.tg_users__log_rights() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
begin
    if new.is_admin is distinct from old.is_admin then
        perform app.log_rights_change(new.id, case when new.is_admin then 'admin_granted' else 'admin_revoked' end);
    end if;
    if new.db_role is distinct from old.db_role and new.db_role is not null then
        perform app.log_rights_change(new.id, 'psql_login_linked');
    end if;
    if (new.disabled_at is null) is distinct from (old.disabled_at is null) then
        perform app.log_rights_change(new.id, case when new.disabled_at is null then 'enabled' else 'disabled' end);
    end if;
    return null;
end
$$;


--
-- Name: unsubscribe_token(uuid, text); Type: FUNCTION; Schema: app; Owner: -
--

CREATE FUNCTION app.unsubscribe_token(person uuid, kind text) RETURNS text
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
    select person::text || '.' || kind || '.' || app.base64url(app.hmac_sha256(
               s.hmac_key, pg_catalog.convert_to('reqstly-unsubscribe-v1:' || person::text || ':' || kind, 'UTF8')))
      from app.notification_secret s
$$;


--
-- Name: update_at_version(bigint, integer, jsonb); Type: FUNCTION; Schema: app; Owner: -
--

CREATE FUNCTION app.update_at_version(request_id bigint, expected_version integer, changes jsonb) RETURNS void
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
begin
    if expected_version is null then
        raise exception 'Say which version of the request you are changing.'
            using errcode = '22023', detail = 'expected_version';
    end if;
    perform pg_catalog.set_config('reqstly.expected_version', request_id || ':' || expected_version, true);
    update app.requests r
       set title = case when changes ? 'title' then changes ->> 'title' else r.title end,
           description = case when changes ? 'description' then changes ->> 'description' else r.description end,
           priority = case when changes ? 'priority' then changes ->> 'priority' else r.priority end,
           assignee_id = case when changes ? 'assignee_id' then (changes ->> 'assignee_id')::uuid else r.assignee_id end
     where r.id = update_at_version.request_id;
    perform pg_catalog.set_config('reqstly.expected_version', '', true);
end
$$;


--
-- Name: verify_audit_chain(bigint); Type: FUNCTION; Schema: app; Owner: -
--

CREATE FUNCTION app.verify_audit_chain(request_id bigint) RETURNS app.audit_verification
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
    entry app.audit_log;
    expected_prev bytea;
    position integer := 0;
    head app.audit_heads;
    total integer;
begin
    select count(*) into total from app.audit_log a where a.request_id = verify_audit_chain.request_id;
    for entry in
        select * from app.audit_log a where a.request_id = verify_audit_chain.request_id order by a.seq, a.id
    loop
        position := position + 1;
        if entry.seq <> position then
            return (false, total, entry.id,
                    format('Entry %s is at position %s where %s was expected: entries are missing or out of order.',
                           entry.id, entry.seq, position))::app.audit_verification;
        end if;
        if entry.prev_hash is distinct from expected_prev then
            return (false, total, entry.id,
                    format('Entry %s does not follow the entry before it.', entry.id))::app.audit_verification;
        end if;
        if entry.hash is distinct from app.audit_entry_hash(entry) then
            return (false, total, entry.id,
                    format('Entry %s was changed after it was written.', entry.id))::app.audit_verification;
        end if;
        expected_prev := entry.hash;
    end loop;
    select * into head from app.audit_heads h where h.request_id = verify_audit_chain.request_id;
    if coalesce(head.seq, 0) <> position or head.hash is distinct from expected_prev then
        return (false, total, null,
                format('The chain ends at entry %s but %s were written: the newest entries are missing.',
                       position, coalesce(head.seq, 0)))::app.audit_verification;
    end if;
    return (true, total, null, null)::app.audit_verification;
end
$$;


--
-- Name: FUNCTION verify_audit_chain(request_id bigint); Type: COMMENT; Schema: app; Owner: -
--

COMMENT ON FUNCTION app.verify_audit_chain(request_id bigint) IS 'Recomputes one request''s chain. Callers check that the person may see the request (api.verify_audit does).';


--
-- Name: words_list(text[]); Type: FUNCTION; Schema: app; Owner: -
--

CREATE FUNCTION app.words_list(words text[]) RETURNS text
    LANGUAGE sql IMMUTABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
    select case pg_catalog.cardinality(words)
        when 0 then ''
        when 1 then words[1]
        else pg_catalog.array_to_string(words[1:pg_catalog.cardinality(words) - 1], ', ')
             || ' and ' || words[pg_catalog.cardinality(words)] end
$$;


--
-- Name: active_session_counts(); Type: FUNCTION; Schema: auth; Owner: -
--

CREATE FUNCTION auth.active_session_counts() RETURNS TABLE(method text, sessions bigint)
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
begin
    perform auth.require_authsvc();
    return query
    select s.method, count(*)
      from auth.sessions s
     where s.revoked_at is null and auth.session_is_live(s)
     group by s.method;
end
$$;


--
-- Name: FUNCTION active_session_counts(); Type: COMMENT; Schema: auth; Owner: -
--

COMMENT ON FUNCTION auth.active_session_counts() IS 'authsvc: live sessions per method (metrics).';


--
-- Name: add_passkey(uuid, bytea, bytea, bigint, text[], uuid, boolean, boolean, text); Type: FUNCTION; Schema: auth; Owner: -
--

CREATE FUNCTION auth.add_passkey(person uuid, credential_id bytea, public_key bytea, sign_count bigint, transports text[], aaguid uuid, backup_eligible boolean, backed_up boolean, name text) RETURNS TABLE(passkey_id uuid, passkey_name text, created_at timestamp with time zone)
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
begin
    perform auth.require_authsvc();
    if not exists (select 1 from app.users u where u.id = person and u.disabled_at is null) then
        return;
    end if;
    return query
    insert into auth.passkeys as p
        (user_id, credential_id, public_key, sign_count, transports, aaguid,
         backup_eligible, backed_up, name)
    values (person, add_passkey.credential_id, add_passkey.public_key, add_passkey.sign_count,
            coalesce(add_passkey.transports, '{}'), add_passkey.aaguid,
            add_passkey.backup_eligible, add_passkey.backed_up, add_passkey.name)
    returning p.id, p.name, p.created_at;
end
$$;


--
-- Name: FUNCTION add_passkey(person uuid, credential_id bytea, public_key bytea, sign_count bigint, transports text[], aaguid uuid, backup_eligible boolean, backed_up boolean, name text); Type: COMMENT; Schema: auth; Owner: -
--

COMMENT ON FUNCTION auth.add_passkey(person uuid, credential_id bytea, public_key bytea, sign_count bigint, transports text[], aaguid uuid, backup_eligible boolean, backed_up boolean, name text) IS 'authsvc: store a verified new passkey for an enabled person.';


--
-- Name: begin_signin(bytea, interval); Type: FUNCTION; Schema: auth; Owner: -
--

CREATE FUNCTION auth.begin_signin(state_hash bytea, lifetime interval) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
begin
    perform auth.require_authsvc();
    delete from auth.signin_states s where s.expires_at < now();
    insert into auth.signin_states (state_hash, expires_at) values (begin_signin.state_hash, now() + lifetime);
end
$$;


--
-- Name: FUNCTION begin_signin(state_hash bytea, lifetime interval); Type: COMMENT; Schema: auth; Owner: -
--

COMMENT ON FUNCTION auth.begin_signin(state_hash bytea, lifetime interval) IS 'authsvc: remember a sign-in state (hashed) until it is used or expires.';


--
-- Name: consume_signin(bytea); Type: FUNCTION; Schema: auth; Owner: -
--

CREATE FUNCTION auth.consume_signin(state_hash bytea) RETURNS boolean
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
    found_one boolean;
begin
    perform auth.require_authsvc();
    delete from auth.signin_states s
     where s.state_hash = consume_signin.state_hash
    returning s.expires_at > now() into found_one;
    return coalesce(found_one, false);
end
$$;


--
-- Name: FUNCTION consume_signin(state_hash bytea); Type: COMMENT; Schema: auth; Owner: -
--

COMMENT ON FUNCTION auth.consume_signin(state_hash bytea) IS 'authsvc: use a sign-in state once; false if unknown, used or expired.';


--
-- Name: consume_webauthn_challenge(bytea, bytea, text); Type: FUNCTION; Schema: auth; Owner: -
--

CREATE FUNCTION auth.consume_webauthn_challenge(challenge bytea, binding_hash bytea, purpose text) RETURNS TABLE(person_id uuid, expired boolean)
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
begin
    perform auth.require_authsvc();
    return query
    delete from auth.webauthn_challenges c
     where c.challenge = consume_webauthn_challenge.challenge
       and c.binding_hash = consume_webauthn_challenge.binding_hash
       and c.purpose = consume_webauthn_challenge.purpose
    returning c.user_id, c.expires_at <= now();
end
$$;


--
-- Name: FUNCTION consume_webauthn_challenge(challenge bytea, binding_hash bytea, purpose text); Type: COMMENT; Schema: auth; Owner: -
--

COMMENT ON FUNCTION auth.consume_webauthn_challenge(challenge bytea, binding_hash bytea, purpose text) IS 'authsvc: use a challenge once (atomically); no row if unknown, used, or another browser''s.';


--
-- Name: delete_expired_sign_in_rows(interval, interval, timestamp with time zone); Type: FUNCTION; Schema: auth; Owner: -
--

CREATE FUNCTION auth.delete_expired_sign_in_rows(login_events_kept interval, ended_sessions_kept interval, at timestamp with time zone DEFAULT now()) RETURNS TABLE(table_name text, deleted bigint)
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
    counted bigint;
begin
    perform auth.require_authsvc();
    if login_events_kept < interval '1 day' or ended_sessions_kept < interval '0' then
        raise exception 'Keep login events at least a day, and ended sessions for no negative time.'
            using errcode = '22023';
    end if;

    delete from auth.login_events e where e.at < delete_expired_sign_in_rows.at - login_events_kept;
    get diagnostics counted = row_count;
    table_name := 'login_events'; deleted := counted; return next;

    delete from auth.sessions s
     where least(s.expires_at, s.last_seen_at + s.idle_timeout, coalesce(s.revoked_at, 'infinity'))
           < delete_expired_sign_in_rows.at - ended_sessions_kept;
    get diagnostics counted = row_count;
    table_name := 'sessions'; deleted := counted; return next;

    delete from auth.signin_states s where s.expires_at < delete_expired_sign_in_rows.at;
    get diagnostics counted = row_count;
    table_name := 'signin_states'; deleted := counted; return next;

    delete from auth.webauthn_challenges c where c.expires_at < delete_expired_sign_in_rows.at;
    get diagnostics counted = row_count;
    table_name := 'webauthn_challenges'; deleted := counted; return next;

    delete from auth.rate_limits r where r.window_start < delete_expired_sign_in_rows.at - interval '1 day';
    get diagnostics counted = row_count;
    table_name := 'rate_limits'; deleted := counted; return next;
end
$$;


--
-- Name: FUNCTION delete_expired_sign_in_rows(login_events_kept interval, ended_sessions_kept interval, at timestamp with time zone); Type: COMMENT; Schema: auth; Owner: -
--

COMMENT ON FUNCTION auth.delete_expired_sign_in_rows(login_events_kept interval, ended_sessions_kept interval, at timestamp with time zone) IS 'authsvc: delete old login events, long-ended sessions, expired sign-in states and challenges, old rate-limit windows; rows deleted per table.';


--
-- Name: end_session(bytea, text); Type: FUNCTION; Schema: auth; Owner: -
--

CREATE FUNCTION auth.end_session(token_hash bytea, reason text) RETURNS TABLE(session_id uuid, person_id uuid, method text)
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
begin
    perform auth.require_authsvc();
    return query
    update auth.sessions s
       set revoked_at = now(), revoked_reason = left(reason, 200)
     where s.token_hash = end_session.token_hash and s.revoked_at is null
    returning s.id, s.user_id, s.method;
end
$$;


--
-- Name: FUNCTION end_session(token_hash bytea, reason text); Type: COMMENT; Schema: auth; Owner: -
--

COMMENT ON FUNCTION auth.end_session(token_hash bytea, reason text) IS 'authsvc: end a session now (sign-out).';


--
-- Name: issue_webauthn_challenge(bytea, bytea, text, uuid, interval); Type: FUNCTION; Schema: auth; Owner: -
--

CREATE FUNCTION auth.issue_webauthn_challenge(challenge bytea, binding_hash bytea, purpose text, person uuid, lifetime interval) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
begin
    perform auth.require_authsvc();
    delete from auth.webauthn_challenges c where c.expires_at < now();
    insert into auth.webauthn_challenges (challenge, binding_hash, purpose, user_id, expires_at)
    values (issue_webauthn_challenge.challenge, issue_webauthn_challenge.binding_hash,
            issue_webauthn_challenge.purpose, person, now() + lifetime);
end
$$;


--
-- Name: FUNCTION issue_webauthn_challenge(challenge bytea, binding_hash bytea, purpose text, person uuid, lifetime interval); Type: COMMENT; Schema: auth; Owner: -
--

COMMENT ON FUNCTION auth.issue_webauthn_challenge(challenge bytea, binding_hash bytea, purpose text, person uuid, lifetime interval) IS 'authsvc: store a challenge bound to a browser and purpose; expired ones are deleted.';


--
-- Name: passkey_descriptors(uuid); Type: FUNCTION; Schema: auth; Owner: -
--

CREATE FUNCTION auth.passkey_descriptors(person uuid) RETURNS TABLE(credential_id bytea, transports text[])
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
begin
    perform auth.require_authsvc();
    return query
    select p.credential_id, p.transports
      from auth.passkeys p
     where p.user_id = person
     order by p.created_at;
end
$$;


--
-- Name: FUNCTION passkey_descriptors(person uuid); Type: COMMENT; Schema: auth; Owner: -
--

COMMENT ON FUNCTION auth.passkey_descriptors(person uuid) IS 'authsvc: the person''s credential ids and transports (excludeCredentials).';


--
-- Name: passkey_for_sign_in(bytea); Type: FUNCTION; Schema: auth; Owner: -
--

CREATE FUNCTION auth.passkey_for_sign_in(credential_id bytea) RETURNS TABLE(passkey_id uuid, person_id uuid, user_handle bytea, public_key bytea, sign_count bigint, backup_eligible boolean, person_disabled boolean, last_azure_sign_in_at timestamp with time zone)
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
begin
    perform auth.require_authsvc();
    return query
    select p.id, u.id, u.webauthn_user_id, p.public_key, p.sign_count, p.backup_eligible,
           u.disabled_at is not null, u.last_azure_sign_in_at
      from auth.passkeys p
      join app.users u on u.id = p.user_id
     where p.credential_id = passkey_for_sign_in.credential_id;
end
$$;


--
-- Name: FUNCTION passkey_for_sign_in(credential_id bytea); Type: COMMENT; Schema: auth; Owner: -
--

COMMENT ON FUNCTION auth.passkey_for_sign_in(credential_id bytea) IS 'authsvc: the passkey with a credential id and its owner''s sign-in facts.';


--
-- Name: rate_limit_check(text, integer, integer); Type: FUNCTION; Schema: auth; Owner: -
--

CREATE FUNCTION auth.rate_limit_check(bucket text, window_seconds integer, max_hits integer) RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
    started timestamptz := auth.rate_limit_window_start(window_seconds);
    counted integer;
begin
    perform auth.require_authsvc();
    select r.hits into counted
      from auth.rate_limits r
     where r.bucket = rate_limit_check.bucket and r.window_start = started;
    return case when coalesce(counted, 0) < max_hits then 0
                else auth.rate_limit_seconds_left(started, window_seconds) end;
end
$$;


--
-- Name: FUNCTION rate_limit_check(bucket text, window_seconds integer, max_hits integer); Type: COMMENT; Schema: auth; Owner: -
--

COMMENT ON FUNCTION auth.rate_limit_check(bucket text, window_seconds integer, max_hits integer) IS 'authsvc: 0 if `bucket` is under its limit in this window, else seconds to wait (counts nothing).';


--
-- Name: rate_limit_hit(text, integer, integer); Type: FUNCTION; Schema: auth; Owner: -
--

CREATE FUNCTION auth.rate_limit_hit(bucket text, window_seconds integer, max_hits integer) RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
    started timestamptz := auth.rate_limit_window_start(window_seconds);
    counted integer;
begin
    perform auth.require_authsvc();
    if max_hits < 1 then
        raise exception 'A rate limit needs at least one hit.' using errcode = '22023';
    end if;
    delete from auth.rate_limits r
     where r.bucket = rate_limit_hit.bucket and r.window_start < started;
    insert into auth.rate_limits as r (bucket, window_start, hits)
    values (rate_limit_hit.bucket, started, 1)
    on conflict on constraint rate_limits_pkey do update set hits = r.hits + 1
    returning r.hits into counted;
    return case when counted <= max_hits then 0
                else auth.rate_limit_seconds_left(started, window_seconds) end;
end
$$;


--
-- Name: FUNCTION rate_limit_hit(bucket text, window_seconds integer, max_hits integer); Type: COMMENT; Schema: auth; Owner: -
--

COMMENT ON FUNCTION auth.rate_limit_hit(bucket text, window_seconds integer, max_hits integer) IS 'authsvc: count a sign-in attempt; 0 if allowed, else seconds to wait.';


--
-- Name: rate_limit_seconds_left(timestamp with time zone, integer); Type: FUNCTION; Schema: auth; Owner: -
--

CREATE FUNCTION auth.rate_limit_seconds_left(started timestamp with time zone, window_seconds integer) RETURNS integer
    LANGUAGE sql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
    select greatest(1, ceil(extract(epoch from
        (started + pg_catalog.make_interval(secs => window_seconds) - pg_catalog.clock_timestamp())))::integer)
$$;


--
-- Name: FUNCTION rate_limit_seconds_left(started timestamp with time zone, window_seconds integer); Type: COMMENT; Schema: auth; Owner: -
--

COMMENT ON FUNCTION auth.rate_limit_seconds_left(started timestamp with time zone, window_seconds integer) IS 'Seconds (at least 1) until a rate-limit window ends: the Retry-After.';


--
-- Name: rate_limit_window_start(integer); Type: FUNCTION; Schema: auth; Owner: -
--

CREATE FUNCTION auth.rate_limit_window_start(window_seconds integer) RETURNS timestamp with time zone
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
begin
    if window_seconds < 1 then
        raise exception 'A rate limit needs a window of at least a second.' using errcode = '22023';
    end if;
    return pg_catalog.to_timestamp(
        pg_catalog.floor(extract(epoch from pg_catalog.clock_timestamp()) / window_seconds) * window_seconds);
end
$$;


--
-- Name: FUNCTION rate_limit_window_start(window_seconds integer); Type: COMMENT; Schema: auth; Owner: -
--

COMMENT ON FUNCTION auth.rate_limit_window_start(window_seconds integer) IS 'The start of the current fixed rate-limit window.';


--
-- Name: record_login_event(uuid, text, text, text, inet, text, text); Type: FUNCTION; Schema: auth; Owner: -
--

CREATE FUNCTION auth.record_login_event(person uuid, method text, result text, reason text, ip inet, user_agent text, correlation_id text) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
begin
    perform auth.require_authsvc();
    insert into auth.login_events (user_id, method, result, reason, ip, user_agent, correlation_id)
    values (person, method, result, left(reason, 200), ip, left(user_agent, 500), left(correlation_id, 100));
end
$$;


--
-- Name: FUNCTION record_login_event(person uuid, method text, result text, reason text, ip inet, user_agent text, correlation_id text); Type: COMMENT; Schema: auth; Owner: -
--

COMMENT ON FUNCTION auth.record_login_event(person uuid, method text, result text, reason text, ip inet, user_agent text, correlation_id text) IS 'authsvc: record a sign-in, a failure or a sign-out.';


--
-- Name: require_authsvc(); Type: FUNCTION; Schema: auth; Owner: -
--

CREATE FUNCTION auth.require_authsvc() RETURNS void
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
begin
    if not (pg_catalog.pg_has_role(session_user, 'authsvc', 'member')
            or coalesce((select r.rolsuper from pg_catalog.pg_roles r where r.rolname = session_user), false)) then
        raise exception 'Only the sign-in service may call this function.' using errcode = '42501';
    end if;
end
$$;


--
-- Name: sessions; Type: TABLE; Schema: auth; Owner: -
--

CREATE TABLE auth.sessions (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    user_id uuid NOT NULL,
    token_hash bytea NOT NULL,
    method text NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    last_seen_at timestamp with time zone DEFAULT now() NOT NULL,
    expires_at timestamp with time zone NOT NULL,
    idle_timeout interval DEFAULT '00:30:00'::interval NOT NULL,
    revoked_at timestamp with time zone,
    revoked_reason text,
    user_agent text,
    CONSTRAINT sessions_expiry_after_start CHECK ((expires_at > created_at)),
    CONSTRAINT sessions_idle_timeout_positive CHECK ((idle_timeout > '00:00:00'::interval)),
    CONSTRAINT sessions_token_hash_is_sha256 CHECK ((octet_length(token_hash) = 32)),
    CONSTRAINT sessions_user_agent_length CHECK ((char_length(user_agent) <= 500))
);


--
-- Name: TABLE sessions; Type: COMMENT; Schema: auth; Owner: -
--

COMMENT ON TABLE auth.sessions IS 'Sign-in sessions: idle and absolute expiry, ended by sign-out, by the person, or by disable_person.';


--
-- Name: session_is_live(auth.sessions, timestamp with time zone); Type: FUNCTION; Schema: auth; Owner: -
--

CREATE FUNCTION auth.session_is_live(s auth.sessions, at timestamp with time zone DEFAULT now()) RETURNS boolean
    LANGUAGE sql STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
    select auth.session_is_live(s.revoked_at, s.expires_at, s.last_seen_at, s.idle_timeout, at)
$$;


--
-- Name: FUNCTION session_is_live(s auth.sessions, at timestamp with time zone); Type: COMMENT; Schema: auth; Owner: -
--

COMMENT ON FUNCTION auth.session_is_live(s auth.sessions, at timestamp with time zone) IS 'auth.session_is_live on a whole session row (security definer callers).';


--
-- Name: session_is_live(timestamp with time zone, timestamp with time zone, timestamp with time zone, interval, timestamp with time zone); Type: FUNCTION; Schema: auth; Owner: -
--

CREATE FUNCTION auth.session_is_live(revoked_at timestamp with time zone, expires_at timestamp with time zone, last_seen_at timestamp with time zone, idle_timeout interval, at timestamp with time zone DEFAULT now()) RETURNS boolean
    LANGUAGE sql STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
    select revoked_at is null and expires_at > at and last_seen_at + idle_timeout > at
$$;


--
-- Name: FUNCTION session_is_live(revoked_at timestamp with time zone, expires_at timestamp with time zone, last_seen_at timestamp with time zone, idle_timeout interval, at timestamp with time zone); Type: COMMENT; Schema: auth; Owner: -
--

COMMENT ON FUNCTION auth.session_is_live(revoked_at timestamp with time zone, expires_at timestamp with time zone, last_seen_at timestamp with time zone, idle_timeout interval, at timestamp with time zone) IS 'Whether a session is live at `at` (default now): not revoked, before expires_at, not idle past idle_timeout.';


--
-- Name: start_session(uuid, bytea, text, interval, interval, text); Type: FUNCTION; Schema: auth; Owner: -
--

CREATE FUNCTION auth.start_session(person uuid, token_hash bytea, sign_in_method text, idle_timeout interval, absolute_timeout interval, user_agent text) RETURNS TABLE(session_id uuid, person_id uuid, method text, expires_at timestamp with time zone, display_name text, email text)
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
    someone app.users;
begin
    perform auth.require_authsvc();
    select u.* into someone from app.users u where u.id = person and u.disabled_at is null;
    if someone.id is null then
        return;
    end if;
    return query
    insert into auth.sessions as s (user_id, token_hash, method, expires_at, idle_timeout, user_agent)
    values (person, start_session.token_hash, sign_in_method, now() + absolute_timeout,
            start_session.idle_timeout, left(start_session.user_agent, 500))
    returning s.id, s.user_id, s.method, s.expires_at, someone.display_name, someone.email;
end
$$;


--
-- Name: FUNCTION start_session(person uuid, token_hash bytea, sign_in_method text, idle_timeout interval, absolute_timeout interval, user_agent text); Type: COMMENT; Schema: auth; Owner: -
--

COMMENT ON FUNCTION auth.start_session(person uuid, token_hash bytea, sign_in_method text, idle_timeout interval, absolute_timeout interval, user_agent text) IS 'authsvc: a new session (hashed token) for an enabled person, with what the sign-in answer shows.';


--
-- Name: tg_passkeys__end_other_sessions(); Type: FUNCTION; Schema: auth; Owner: -
--

CREATE FUNCTION auth.tg_passkeys__end_other_sessions() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
begin
    -- The session making the request stays; at psql (no sid) every session ends.
    perform app.revoke_sessions_of(old.user_id, 'passkey removed', app.current_session_id());
    return null;
end
$$;


--
-- Name: tg_passkeys__validate(); Type: FUNCTION; Schema: auth; Owner: -
--

CREATE FUNCTION auth.tg_passkeys__validate() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
begin
    new.name := btrim(coalesce(new.name, ''));
    if new.name = '' then
        raise exception 'Give the passkey a name.' using errcode = '23514', detail = 'name';
    end if;
    if char_length(new.name) > 100 then
        raise exception 'The name is % characters long; keep a passkey''s name to 100.', char_length(new.name)
            using errcode = '23514', detail = 'name';
    end if;
    if new.name ~ '[[:cntrl:]]' then
        raise exception 'A passkey''s name cannot contain line breaks or control characters.'
            using errcode = '23514', detail = 'name';
    end if;
    return new;
end
$$;


--
-- Name: unsubscribe(text, boolean); Type: FUNCTION; Schema: auth; Owner: -
--

CREATE FUNCTION auth.unsubscribe(token text, apply boolean DEFAULT true) RETURNS text
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $_$
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
$_$;


--
-- Name: FUNCTION unsubscribe(token text, apply boolean); Type: COMMENT; Schema: auth; Owner: -
--

COMMENT ON FUNCTION auth.unsubscribe(token text, apply boolean) IS 'Verifies a signed unsubscribe token and turns that kind off for its person (apply = false only checks it). Returns the kind''s label.';


--
-- Name: upsert_azure_person(uuid, uuid, text, text, boolean, boolean, text[]); Type: FUNCTION; Schema: auth; Owner: -
--

CREATE FUNCTION auth.upsert_azure_person(tenant_id uuid, object_id uuid, display_name text, email text, manage_rights boolean, is_admin boolean, agent_categories text[]) RETURNS TABLE(person_id uuid, disabled boolean)
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
    person uuid;
    disabled_since timestamptz;
begin
    perform auth.require_authsvc();

    select u.id, u.disabled_at into person, disabled_since
      from app.users u
     where u.tenant_id = upsert_azure_person.tenant_id and u.object_id = upsert_azure_person.object_id
       for update;
    if disabled_since is not null then
        return query select person, true;
        return;
    end if;

    insert into app.users as u (tenant_id, object_id, display_name, email, last_azure_sign_in_at)
    values (upsert_azure_person.tenant_id, upsert_azure_person.object_id,
            upsert_azure_person.display_name, upsert_azure_person.email, now())
    on conflict on constraint users_identity_unique do update
        set display_name = excluded.display_name,
            email = excluded.email,
            last_azure_sign_in_at = excluded.last_azure_sign_in_at
    returning u.id into person;

    update app.users u set rights_from_entra = coalesce(manage_rights, false)
     where u.id = person and u.rights_from_entra is distinct from coalesce(manage_rights, false);

    if manage_rights then
        perform pg_catalog.set_config('reqstly.entra_rights_sync', person::text, true);
        update app.users u set is_admin = upsert_azure_person.is_admin
         where u.id = person and u.is_admin is distinct from upsert_azure_person.is_admin;
        delete from app.team_members tm
         where tm.user_id = person and tm.category <> all (coalesce(agent_categories, '{}'));
        insert into app.team_members (user_id, category)
        select person, c.code
          from app.categories c
         where c.code = any (coalesce(agent_categories, '{}'))
        on conflict do nothing;
        perform pg_catalog.set_config('reqstly.entra_rights_sync', '', true);
    end if;

    return query select person, false;
end
$$;


--
-- Name: FUNCTION upsert_azure_person(tenant_id uuid, object_id uuid, display_name text, email text, manage_rights boolean, is_admin boolean, agent_categories text[]); Type: COMMENT; Schema: auth; Owner: -
--

COMMENT ON FUNCTION auth.upsert_azure_person(tenant_id uuid, object_id uuid, display_name text, email text, manage_rights boolean, is_admin boolean, agent_categories text[]) IS 'authsvc: the person of an Azure sign-in by tid+oid, created or updated; mapped rights rewritten when managed.';


--
-- Name: use_passkey(uuid, bigint, boolean); Type: FUNCTION; Schema: auth; Owner: -
--

CREATE FUNCTION auth.use_passkey(passkey_id uuid, new_sign_count bigint, backed_up boolean) RETURNS boolean
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
begin
    perform auth.require_authsvc();
    update auth.passkeys p
       set sign_count = new_sign_count, backed_up = use_passkey.backed_up, last_used_at = now()
     where p.id = passkey_id
       and (new_sign_count > p.sign_count or (new_sign_count = 0 and p.sign_count = 0));
    return found;
end
$$;


--
-- Name: FUNCTION use_passkey(passkey_id uuid, new_sign_count bigint, backed_up boolean); Type: COMMENT; Schema: auth; Owner: -
--

COMMENT ON FUNCTION auth.use_passkey(passkey_id uuid, new_sign_count bigint, backed_up boolean) IS 'authsvc: record a verified use; false if the sign count did not go up.';


--
-- Name: use_session(bytea, boolean); Type: FUNCTION; Schema: auth; Owner: -
--

CREATE FUNCTION auth.use_session(token_hash bytea, touch boolean) RETURNS TABLE(session_id uuid, person_id uuid, method text, expires_at timestamp with time zone, display_name text, email text)
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
    found_session auth.sessions;
begin
    perform auth.require_authsvc();
    select s.* into found_session
      from auth.sessions s
      join app.users u on u.id = s.user_id
     where s.token_hash = use_session.token_hash
       and auth.session_is_live(s)
       and u.disabled_at is null;
    if found_session.id is null then
        return;
    end if;
    if touch then
        update auth.sessions s set last_seen_at = now() where s.id = found_session.id;
    end if;
    return query
    select found_session.id, u.id, found_session.method, found_session.expires_at, u.display_name, u.email
      from app.users u
     where u.id = found_session.user_id;
end
$$;


--
-- Name: FUNCTION use_session(token_hash bytea, touch boolean); Type: COMMENT; Schema: auth; Owner: -
--

COMMENT ON FUNCTION auth.use_session(token_hash bytea, touch boolean) IS 'authsvc: the live session for a token, bumped when touched (refresh).';


--
-- Name: webauthn_user(uuid, bytea); Type: FUNCTION; Schema: auth; Owner: -
--

CREATE FUNCTION auth.webauthn_user(person uuid, proposed bytea) RETURNS TABLE(user_handle bytea, user_name text, display_name text)
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
begin
    perform auth.require_authsvc();
    return query
    update app.users u
       set webauthn_user_id = coalesce(u.webauthn_user_id, webauthn_user.proposed)
     where u.id = person and u.disabled_at is null
    returning u.webauthn_user_id, coalesce(u.email, u.display_name), u.display_name;
end
$$;


--
-- Name: FUNCTION webauthn_user(person uuid, proposed bytea); Type: COMMENT; Schema: auth; Owner: -
--

COMMENT ON FUNCTION auth.webauthn_user(person uuid, proposed bytea) IS 'authsvc: the person''s WebAuthn user handle (created once) and names, for registration options.';


--
-- Name: active_sessions_by_method(); Type: FUNCTION; Schema: metrics; Owner: -
--

CREATE FUNCTION metrics.active_sessions_by_method() RETURNS TABLE(method text, active bigint)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
    select m.code, count(s.id)::bigint
      from auth.sign_in_methods m
      left join auth.sessions s on s.method = m.code and auth.session_is_live(s)
     group by m.code
$$;


--
-- Name: FUNCTION active_sessions_by_method(); Type: COMMENT; Schema: metrics; Owner: -
--

COMMENT ON FUNCTION metrics.active_sessions_by_method() IS 'Live sessions per sign-in method (auth.session_is_live), for metrics.active_sessions.';


--
-- Name: claim(integer, integer); Type: FUNCTION; Schema: notify; Owner: -
--

CREATE FUNCTION notify.claim(batch integer, lease_seconds integer) RETURNS SETOF notify.outgoing
    LANGUAGE sql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
    select * from app.take_notifications(array(
        select n.id from app.notifications n
         where n.state in ('pending', 'sending') and not n.digest and n.due_at <= now()
           and (n.locked_until is null or n.locked_until < pg_catalog.clock_timestamp())
         order by n.due_at, n.id
         limit batch
           for update skip locked), lease_seconds)
$$;


--
-- Name: FUNCTION claim(batch integer, lease_seconds integer); Type: COMMENT; Schema: notify; Owner: -
--

COMMENT ON FUNCTION notify.claim(batch integer, lease_seconds integer) IS 'The worker claims due notifications for a lease; returns what it needs to send them.';


--
-- Name: claim_digest(integer); Type: FUNCTION; Schema: notify; Owner: -
--

CREATE FUNCTION notify.claim_digest(lease_seconds integer) RETURNS SETOF notify.outgoing
    LANGUAGE sql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
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


--
-- Name: queue_stats(); Type: FUNCTION; Schema: notify; Owner: -
--

CREATE FUNCTION notify.queue_stats() RETURNS TABLE(channel text, state text, rows bigint, oldest_due_seconds double precision)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
    select c.channel, s.state, count(n.id),
           coalesce(extract(epoch from now() - min(n.due_at) filter (where n.due_at <= now())), 0)::double precision
      from (values ('email'), ('webhook')) c (channel)
     cross join (values ('pending'), ('sending'), ('dead')) s (state)
      left join app.notifications n on n.channel = c.channel and n.state = s.state
     group by c.channel, s.state
$$;


--
-- Name: record_failure(bigint, text, boolean, integer, double precision); Type: FUNCTION; Schema: notify; Owner: -
--

CREATE FUNCTION notify.record_failure(id bigint, error text, permanent boolean, max_attempts integer, retry_in_seconds double precision) RETURNS text
    LANGUAGE sql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
    update app.notifications n
       set state = case when permanent or n.attempts >= max_attempts then 'dead' else 'pending' end,
           due_at = case when permanent or n.attempts >= max_attempts then n.due_at
                         else pg_catalog.clock_timestamp() + make_interval(secs => retry_in_seconds) end,
           locked_until = null,
           last_error = left(error, 1000)
     where n.id = record_failure.id and n.state = 'sending'
    returning n.state
$$;


--
-- Name: FUNCTION record_failure(id bigint, error text, permanent boolean, max_attempts integer, retry_in_seconds double precision); Type: COMMENT; Schema: notify; Owner: -
--

COMMENT ON FUNCTION notify.record_failure(id bigint, error text, permanent boolean, max_attempts integer, retry_in_seconds double precision) IS 'Records a failed attempt: retry later, or dead after max_attempts or a permanent refusal.';


--
-- Name: record_sent(bigint[]); Type: FUNCTION; Schema: notify; Owner: -
--

CREATE FUNCTION notify.record_sent(ids bigint[]) RETURNS integer
    LANGUAGE sql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
    with done as (
        update app.notifications n
           set state = 'sent', sent_at = pg_catalog.clock_timestamp(), locked_until = null, last_error = null
         where n.id = any (ids) and n.state = 'sending'
        returning 1)
    select count(*)::integer from done
$$;


--
-- Name: reqstly_search; Type: TEXT SEARCH CONFIGURATION; Schema: app; Owner: -
--

CREATE TEXT SEARCH CONFIGURATION app.reqstly_search (
    PARSER = pg_catalog."default" );

ALTER TEXT SEARCH CONFIGURATION app.reqstly_search
    ADD MAPPING FOR asciiword WITH english_stem;

ALTER TEXT SEARCH CONFIGURATION app.reqstly_search
    ADD MAPPING FOR word WITH text_search.unaccent, english_stem;

ALTER TEXT SEARCH CONFIGURATION app.reqstly_search
    ADD MAPPING FOR numword WITH simple;

ALTER TEXT SEARCH CONFIGURATION app.reqstly_search
    ADD MAPPING FOR email WITH simple;

ALTER TEXT SEARCH CONFIGURATION app.reqstly_search
    ADD MAPPING FOR url WITH simple;

ALTER TEXT SEARCH CONFIGURATION app.reqstly_search
    ADD MAPPING FOR host WITH simple;

ALTER TEXT SEARCH CONFIGURATION app.reqstly_search
    ADD MAPPING FOR sfloat WITH simple;

ALTER TEXT SEARCH CONFIGURATION app.reqstly_search
    ADD MAPPING FOR version WITH simple;

ALTER TEXT SEARCH CONFIGURATION app.reqstly_search
    ADD MAPPING FOR hword_numpart WITH simple;

ALTER TEXT SEARCH CONFIGURATION app.reqstly_search
    ADD MAPPING FOR hword_part WITH text_search.unaccent, english_stem;

ALTER TEXT SEARCH CONFIGURATION app.reqstly_search
    ADD MAPPING FOR hword_asciipart WITH english_stem;

ALTER TEXT SEARCH CONFIGURATION app.reqstly_search
    ADD MAPPING FOR numhword WITH simple;

ALTER TEXT SEARCH CONFIGURATION app.reqstly_search
    ADD MAPPING FOR asciihword WITH english_stem;

ALTER TEXT SEARCH CONFIGURATION app.reqstly_search
    ADD MAPPING FOR hword WITH text_search.unaccent, english_stem;

ALTER TEXT SEARCH CONFIGURATION app.reqstly_search
    ADD MAPPING FOR url_path WITH simple;

ALTER TEXT SEARCH CONFIGURATION app.reqstly_search
    ADD MAPPING FOR file WITH simple;

ALTER TEXT SEARCH CONFIGURATION app.reqstly_search
    ADD MAPPING FOR "float" WITH simple;

ALTER TEXT SEARCH CONFIGURATION app.reqstly_search
    ADD MAPPING FOR "int" WITH simple;

ALTER TEXT SEARCH CONFIGURATION app.reqstly_search
    ADD MAPPING FOR uint WITH simple;


--
-- Name: categories; Type: TABLE; Schema: app; Owner: -
--

CREATE TABLE app.categories (
    code text NOT NULL,
    name text NOT NULL,
    key_prefix text NOT NULL,
    number_sequence text NOT NULL,
    CONSTRAINT categories_code_shape CHECK ((code ~ '^[A-Z][A-Z0-9]{1,9}$'::text)),
    CONSTRAINT categories_key_prefix_shape CHECK ((key_prefix ~ '^[A-Z][A-Z0-9]{1,9}$'::text)),
    CONSTRAINT categories_name_present CHECK (((char_length(btrim(name)) >= 1) AND (char_length(btrim(name)) <= 100)))
);


--
-- Name: TABLE categories; Type: COMMENT; Schema: app; Owner: -
--

COMMENT ON TABLE app.categories IS 'Request categories; each numbers its requests from its own sequence (number_sequence) behind human keys such as IT-42.';


--
-- Name: COLUMN categories.number_sequence; Type: COMMENT; Schema: app; Owner: -
--

COMMENT ON COLUMN app.categories.number_sequence IS 'The sequence that numbers this category''s requests (IT-1, IT-2, …); created with the category. Gaps are normal (ADR 0012).';


--
-- Name: categories; Type: VIEW; Schema: api; Owner: -
--

CREATE VIEW api.categories WITH (security_invoker='true') AS
 SELECT code,
    name,
    key_prefix
   FROM app.categories c;


--
-- Name: comments; Type: VIEW; Schema: api; Owner: -
--

CREATE VIEW api.comments WITH (security_invoker='true') AS
 SELECT id,
    request_id,
    author_id,
    author_name,
    body,
    internal,
    created_at
   FROM app.comments c;


--
-- Name: users; Type: TABLE; Schema: app; Owner: -
--

CREATE TABLE app.users (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    tenant_id uuid NOT NULL,
    object_id uuid NOT NULL,
    display_name text NOT NULL,
    email text,
    is_admin boolean DEFAULT false NOT NULL,
    db_role name,
    disabled_at timestamp with time zone,
    last_azure_sign_in_at timestamp with time zone,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    webauthn_user_id bytea,
    rights_from_entra boolean DEFAULT false NOT NULL,
    CONSTRAINT users_display_name_present CHECK ((((char_length(btrim(display_name)) >= 1) AND (char_length(btrim(display_name)) <= 200)) AND (display_name !~ '[[:cntrl:]]'::text))),
    CONSTRAINT users_email_shape CHECK (((email IS NULL) OR (email ~ '^[^@[:space:]]+@[^@[:space:]]+$'::text))),
    CONSTRAINT users_webauthn_user_id_length CHECK (((webauthn_user_id IS NULL) OR ((octet_length(webauthn_user_id) >= 16) AND (octet_length(webauthn_user_id) <= 64))))
);


--
-- Name: TABLE users; Type: COMMENT; Schema: app; Owner: -
--

COMMENT ON TABLE app.users IS 'People who use Reqstly. Rights are data: is_admin here, agent rights in app.team_members.';


--
-- Name: COLUMN users.db_role; Type: COMMENT; Schema: app; Owner: -
--

COMMENT ON COLUMN app.users.db_role IS 'The psql login role mapped to this person (app.create_admin_login).';


--
-- Name: COLUMN users.disabled_at; Type: COMMENT; Schema: app; Owner: -
--

COMMENT ON COLUMN app.users.disabled_at IS 'Set by app.disable_person: a disabled person sees nothing and cannot sign in.';


--
-- Name: COLUMN users.webauthn_user_id; Type: COMMENT; Schema: app; Owner: -
--

COMMENT ON COLUMN app.users.webauthn_user_id IS 'WebAuthn user handle (random, 16–64 bytes): what a passkey names as its owner. Never granted to web roles.';


--
-- Name: COLUMN users.rights_from_entra; Type: COMMENT; Schema: app; Owner: -
--

COMMENT ON COLUMN app.users.rights_from_entra IS 'True while Entra ID app roles decide this person''s admin flag and agent categories (authsvc''s role mapping is on); set at each Azure sign-in. Other changes to those rights are refused.';


--
-- Name: me; Type: VIEW; Schema: api; Owner: -
--

CREATE VIEW api.me WITH (security_invoker='true') AS
 SELECT id,
    display_name,
    email,
    is_admin,
    app.current_agent_categories() AS agent_categories
   FROM app.users u
  WHERE (id = app.current_user_id());


--
-- Name: passkeys; Type: TABLE; Schema: auth; Owner: -
--

CREATE TABLE auth.passkeys (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    user_id uuid NOT NULL,
    credential_id bytea NOT NULL,
    public_key bytea NOT NULL,
    sign_count bigint DEFAULT 0 NOT NULL,
    transports text[] DEFAULT '{}'::text[] NOT NULL,
    aaguid uuid DEFAULT '00000000-0000-0000-0000-000000000000'::uuid NOT NULL,
    backup_eligible boolean NOT NULL,
    backed_up boolean NOT NULL,
    name text NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    last_used_at timestamp with time zone,
    CONSTRAINT passkeys_backed_up_needs_eligible CHECK ((backup_eligible OR (NOT backed_up))),
    CONSTRAINT passkeys_credential_id_length CHECK (((octet_length(credential_id) >= 16) AND (octet_length(credential_id) <= 1023))),
    CONSTRAINT passkeys_name_length CHECK (((char_length(name) >= 1) AND (char_length(name) <= 100))),
    CONSTRAINT passkeys_public_key_present CHECK (((octet_length(public_key) >= 1) AND (octet_length(public_key) <= 2048))),
    CONSTRAINT passkeys_sign_count_range CHECK (((sign_count >= 0) AND (sign_count <= '4294967295'::bigint)))
);


--
-- Name: TABLE passkeys; Type: COMMENT; Schema: auth; Owner: -
--

COMMENT ON TABLE auth.passkeys IS 'WebAuthn discoverable credentials (passkeys); added and used by authsvc, listed/renamed/removed by their owner through api.my_passkeys.';


--
-- Name: COLUMN passkeys.sign_count; Type: COMMENT; Schema: auth; Owner: -
--

COMMENT ON COLUMN auth.passkeys.sign_count IS 'The authenticator''s signature counter at the last use; a sign-in must raise it (0 stays 0 for synced passkeys).';


--
-- Name: COLUMN passkeys.backup_eligible; Type: COMMENT; Schema: auth; Owner: -
--

COMMENT ON COLUMN auth.passkeys.backup_eligible IS 'BE flag at registration: checked on every sign-in (it never changes for a credential).';


--
-- Name: COLUMN passkeys.backed_up; Type: COMMENT; Schema: auth; Owner: -
--

COMMENT ON COLUMN auth.passkeys.backed_up IS 'BS flag at the last use: whether the passkey is synced (shown to the person).';


--
-- Name: my_passkeys; Type: VIEW; Schema: api; Owner: -
--

CREATE VIEW api.my_passkeys WITH (security_invoker='true') AS
 SELECT id,
    name,
    created_at,
    last_used_at,
    backed_up
   FROM auth.passkeys p
  WHERE (user_id = app.current_user_id());


--
-- Name: VIEW my_passkeys; Type: COMMENT; Schema: api; Owner: -
--

COMMENT ON VIEW api.my_passkeys IS 'The caller''s passkeys: id, name, created_at, last_used_at, backed_up. PATCH name (1–100 characters); DELETE removes one and ends the caller''s other sessions.';


--
-- Name: my_sessions; Type: VIEW; Schema: api; Owner: -
--

CREATE VIEW api.my_sessions WITH (security_invoker='true') AS
 SELECT id,
    method,
    created_at,
    last_seen_at,
    user_agent,
    (NOT (id IS DISTINCT FROM app.current_session_id())) AS current
   FROM auth.sessions s
  WHERE ((user_id = app.current_user_id()) AND (revoked_at IS NULL) AND auth.session_is_live(revoked_at, expires_at, last_seen_at, idle_timeout));


--
-- Name: team_members; Type: TABLE; Schema: app; Owner: -
--

CREATE TABLE app.team_members (
    user_id uuid NOT NULL,
    category text NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL
);


--
-- Name: TABLE team_members; Type: COMMENT; Schema: app; Owner: -
--

COMMENT ON TABLE app.team_members IS 'Agent rights per category: the one source of truth for what agents see and do.';


--
-- Name: people; Type: VIEW; Schema: api; Owner: -
--

CREATE VIEW api.people WITH (security_invoker='true') AS
 SELECT id,
    display_name,
        CASE
            WHEN ((id = app.current_user_id()) OR app.current_user_is_admin() OR (cardinality(app.current_agent_categories()) > 0)) THEN email
            ELSE NULL::text
        END AS email,
    ARRAY( SELECT tm.category
           FROM app.team_members tm
          WHERE (tm.user_id = u.id)
          ORDER BY tm.category) AS agent_categories,
        CASE
            WHEN app.current_user_is_admin() THEN is_admin
            ELSE NULL::boolean
        END AS is_admin,
        CASE
            WHEN app.current_user_is_admin() THEN disabled_at
            ELSE NULL::timestamp with time zone
        END AS disabled_at,
        CASE
            WHEN app.current_user_is_admin() THEN rights_from_entra
            ELSE NULL::boolean
        END AS rights_from_entra
   FROM app.users u;


--
-- Name: request_counts; Type: VIEW; Schema: api; Owner: -
--

CREATE VIEW api.request_counts WITH (security_invoker='true') AS
 SELECT status,
    category,
    mine,
    assigned_to_me,
    count
   FROM app.request_counts() c(status, category, mine, assigned_to_me, count);


--
-- Name: VIEW request_counts; Type: COMMENT; Schema: api; Owner: -
--

COMMENT ON VIEW api.request_counts IS 'The caller''s visible requests counted by status, category, mine and assigned_to_me: sum the rows a tab covers.';


--
-- Name: request_history; Type: VIEW; Schema: api; Owner: -
--

CREATE VIEW api.request_history WITH (security_invoker='true') AS
 SELECT id,
    request_id,
    at,
    actor_id,
    actor_name,
    action,
    changes,
    internal
   FROM app.audit_log a;


--
-- Name: rights_log; Type: TABLE; Schema: app; Owner: -
--

CREATE TABLE app.rights_log (
    id bigint NOT NULL,
    at timestamp with time zone DEFAULT clock_timestamp() NOT NULL,
    actor_id uuid,
    actor_role text NOT NULL,
    person_id uuid NOT NULL,
    change text NOT NULL,
    category text,
    correlation_id text,
    CONSTRAINT rights_log_change_known CHECK ((change = ANY (ARRAY['agent_added'::text, 'agent_removed'::text, 'admin_granted'::text, 'admin_revoked'::text, 'psql_login_linked'::text, 'disabled'::text, 'enabled'::text])))
);


--
-- Name: TABLE rights_log; Type: COMMENT; Schema: app; Owner: -
--

COMMENT ON TABLE app.rights_log IS 'Append-only record of changes to people''s rights (agent memberships, admin flag, psql logins, disabling). Admins only.';


--
-- Name: rights_history; Type: VIEW; Schema: api; Owner: -
--

CREATE VIEW api.rights_history WITH (security_invoker='true') AS
 SELECT id,
    at,
    actor_id,
    actor_role,
    person_id,
    change,
    category
   FROM app.rights_log l;


--
-- Name: VIEW rights_history; Type: COMMENT; Schema: api; Owner: -
--

COMMENT ON VIEW api.rights_history IS 'Admins: who changed whose rights, and when.';


--
-- Name: status_transitions; Type: TABLE; Schema: app; Owner: -
--

CREATE TABLE app.status_transitions (
    from_status text NOT NULL,
    to_status text NOT NULL,
    allow_requester boolean DEFAULT false NOT NULL,
    allow_agent boolean DEFAULT false NOT NULL,
    allow_admin boolean DEFAULT false NOT NULL,
    note_required boolean DEFAULT false NOT NULL,
    CONSTRAINT status_transitions_is_a_move CHECK ((from_status <> to_status))
);


--
-- Name: TABLE status_transitions; Type: COMMENT; Schema: app; Owner: -
--

COMMENT ON TABLE app.status_transitions IS 'Allowed status moves and who may make each. An organisation may change it with psql.';


--
-- Name: status_transitions; Type: VIEW; Schema: api; Owner: -
--

CREATE VIEW api.status_transitions WITH (security_invoker='true') AS
 SELECT from_status,
    to_status,
    allow_requester,
    allow_agent,
    allow_admin,
    note_required
   FROM app.status_transitions t;


--
-- Name: statuses; Type: TABLE; Schema: app; Owner: -
--

CREATE TABLE app.statuses (
    code text NOT NULL,
    label text NOT NULL,
    "position" smallint NOT NULL,
    is_closed boolean DEFAULT false NOT NULL,
    CONSTRAINT statuses_code_shape CHECK ((code ~ '^[a-z][a-z_]{1,29}$'::text)),
    CONSTRAINT statuses_label_present CHECK (((char_length(btrim(label)) >= 1) AND (char_length(btrim(label)) <= 50)))
);


--
-- Name: TABLE statuses; Type: COMMENT; Schema: app; Owner: -
--

COMMENT ON TABLE app.statuses IS 'Request statuses in workflow order; is_closed: no more edits, moves or assignments (resolved, cancelled). Moves between them: app.status_transitions.';


--
-- Name: statuses; Type: VIEW; Schema: api; Owner: -
--

CREATE VIEW api.statuses WITH (security_invoker='true') AS
 SELECT code,
    label,
    "position",
    is_closed
   FROM app.statuses s;


--
-- Name: VIEW statuses; Type: COMMENT; Schema: api; Owner: -
--

COMMENT ON VIEW api.statuses IS 'Request statuses in workflow order: code, label, position, is_closed.';


--
-- Name: team_members; Type: VIEW; Schema: api; Owner: -
--

CREATE VIEW api.team_members WITH (security_invoker='true') AS
 SELECT user_id,
    category,
    created_at
   FROM app.team_members tm;


--
-- Name: attachment_limits; Type: TABLE; Schema: app; Owner: -
--

CREATE TABLE app.attachment_limits (
    singleton boolean DEFAULT true NOT NULL,
    max_file_bytes integer DEFAULT 10485760 NOT NULL,
    max_request_bytes bigint DEFAULT 52428800 NOT NULL,
    CONSTRAINT attachment_limits_file_positive CHECK ((max_file_bytes > 0)),
    CONSTRAINT attachment_limits_one_row CHECK (singleton),
    CONSTRAINT attachment_limits_request_not_below_file CHECK ((max_request_bytes >= max_file_bytes))
);


--
-- Name: TABLE attachment_limits; Type: COMMENT; Schema: app; Owner: -
--

COMMENT ON TABLE app.attachment_limits IS 'Largest file (bytes) and largest total per request. Change with psql; keep REQSTLY_ATTACHMENT_MAX_BYTES in step.';


--
-- Name: attachments_id_seq; Type: SEQUENCE; Schema: app; Owner: -
--

ALTER TABLE app.attachments ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME app.attachments_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: audit_heads; Type: TABLE; Schema: app; Owner: -
--

CREATE TABLE app.audit_heads (
    request_id bigint NOT NULL,
    seq integer DEFAULT 0 NOT NULL,
    hash bytea
);


--
-- Name: TABLE audit_heads; Type: COMMENT; Schema: app; Owner: -
--

COMMENT ON TABLE app.audit_heads IS 'The newest entry of each request''s audit chain; its row lock serialises the chain''s writers.';


--
-- Name: audit_log_id_seq; Type: SEQUENCE; Schema: app; Owner: -
--

ALTER TABLE app.audit_log ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME app.audit_log_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: business_hours; Type: TABLE; Schema: app; Owner: -
--

CREATE TABLE app.business_hours (
    weekday smallint NOT NULL,
    opens time without time zone NOT NULL,
    closes time without time zone NOT NULL,
    CONSTRAINT business_hours_opens_before_closes CHECK ((opens < closes)),
    CONSTRAINT business_hours_weekday_iso CHECK (((weekday >= 1) AND (weekday <= 7)))
);


--
-- Name: TABLE business_hours; Type: COMMENT; Schema: app; Owner: -
--

COMMENT ON TABLE app.business_hours IS 'Business windows per ISO weekday (1 = Monday) in sla_settings.time_zone; several windows a day are allowed (a lunch break).';


--
-- Name: category_webhooks; Type: TABLE; Schema: app; Owner: -
--

CREATE TABLE app.category_webhooks (
    category text NOT NULL,
    url text NOT NULL,
    enabled boolean DEFAULT true NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT category_webhooks_url_shape CHECK ((url ~ '^https?://[^[:space:]]+$'::text))
);


--
-- Name: TABLE category_webhooks; Type: COMMENT; Schema: app; Owner: -
--

COMMENT ON TABLE app.category_webhooks IS 'Incoming-webhook URL per category (Teams/Slack): new requests there are posted to it. Admins set it with psql.';


--
-- Name: comments_id_seq; Type: SEQUENCE; Schema: app; Owner: -
--

ALTER TABLE app.comments ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME app.comments_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: holidays; Type: TABLE; Schema: app; Owner: -
--

CREATE TABLE app.holidays (
    day date NOT NULL,
    name text NOT NULL,
    CONSTRAINT holidays_name_present CHECK (((char_length(btrim(name)) >= 1) AND (char_length(btrim(name)) <= 100)))
);


--
-- Name: TABLE holidays; Type: COMMENT; Schema: app; Owner: -
--

COMMENT ON TABLE app.holidays IS 'Days without business hours.';


--
-- Name: notification_secret; Type: TABLE; Schema: app; Owner: -
--

CREATE TABLE app.notification_secret (
    singleton boolean DEFAULT true NOT NULL,
    hmac_key bytea NOT NULL,
    CONSTRAINT notification_secret_key_length CHECK ((length(hmac_key) = 32)),
    CONSTRAINT notification_secret_one_row CHECK (singleton)
);


--
-- Name: TABLE notification_secret; Type: COMMENT; Schema: app; Owner: -
--

COMMENT ON TABLE app.notification_secret IS 'The HMAC key of unsubscribe links. Rotate with: update app.notification_secret set hmac_key = … (32 random bytes).';


--
-- Name: notifications; Type: TABLE; Schema: app; Owner: -
--

CREATE TABLE app.notifications (
    id bigint NOT NULL,
    kind text NOT NULL,
    channel text NOT NULL,
    recipient_id uuid,
    webhook_category text,
    request_id bigint NOT NULL,
    comment_id bigint,
    actor_id uuid,
    payload jsonb NOT NULL,
    correlation_id text,
    digest boolean DEFAULT false NOT NULL,
    state text DEFAULT 'pending'::text NOT NULL,
    attempts integer DEFAULT 0 NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    due_at timestamp with time zone DEFAULT now() NOT NULL,
    locked_until timestamp with time zone,
    sent_at timestamp with time zone,
    last_error text,
    CONSTRAINT notifications_channel_known CHECK ((channel = ANY (ARRAY['email'::text, 'webhook'::text]))),
    CONSTRAINT notifications_one_target CHECK ((((channel = 'email'::text) AND (recipient_id IS NOT NULL) AND (webhook_category IS NULL)) OR ((channel = 'webhook'::text) AND (webhook_category IS NOT NULL) AND (recipient_id IS NULL)))),
    CONSTRAINT notifications_sent_at_matches_state CHECK (((state = 'sent'::text) = (sent_at IS NOT NULL))),
    CONSTRAINT notifications_state_known CHECK ((state = ANY (ARRAY['pending'::text, 'sending'::text, 'sent'::text, 'dead'::text, 'withdrawn'::text])))
);


--
-- Name: TABLE notifications; Type: COMMENT; Schema: app; Owner: -
--

COMMENT ON TABLE app.notifications IS 'Transactional outbox: one row per message to send, written by triggers in the changing transaction; the notifier worker delivers it.';


--
-- Name: COLUMN notifications.payload; Type: COMMENT; Schema: app; Owner: -
--

COMMENT ON COLUMN app.notifications.payload IS 'What the message says, built from what the recipient may read (app.enqueue_notification checks it).';


--
-- Name: notifications_id_seq; Type: SEQUENCE; Schema: app; Owner: -
--

ALTER TABLE app.notifications ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME app.notifications_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: request_numbers_admin; Type: SEQUENCE; Schema: app; Owner: -
--

CREATE SEQUENCE app.request_numbers_admin
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: request_numbers_hr; Type: SEQUENCE; Schema: app; Owner: -
--

CREATE SEQUENCE app.request_numbers_hr
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: request_numbers_it; Type: SEQUENCE; Schema: app; Owner: -
--

CREATE SEQUENCE app.request_numbers_it
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: request_numbers_ops; Type: SEQUENCE; Schema: app; Owner: -
--

CREATE SEQUENCE app.request_numbers_ops
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: request_tallies; Type: TABLE; Schema: app; Owner: -
--

CREATE TABLE app.request_tallies (
    category text NOT NULL,
    status text NOT NULL,
    unassigned boolean NOT NULL,
    shard smallint NOT NULL,
    n bigint NOT NULL
);


--
-- Name: TABLE request_tallies; Type: COMMENT; Schema: app; Owner: -
--

COMMENT ON TABLE app.request_tallies IS 'Requests per category, status and whether assigned, in eight shards (sum them); kept by requests_900_tally, read by app.category_tallies().';


--
-- Name: requests_id_seq; Type: SEQUENCE; Schema: app; Owner: -
--

ALTER TABLE app.requests ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME app.requests_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: rights_log_id_seq; Type: SEQUENCE; Schema: app; Owner: -
--

ALTER TABLE app.rights_log ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME app.rights_log_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: sla_settings; Type: TABLE; Schema: app; Owner: -
--

CREATE TABLE app.sla_settings (
    id boolean DEFAULT true NOT NULL,
    time_zone text DEFAULT 'UTC'::text NOT NULL,
    at_risk_minutes integer DEFAULT 60 NOT NULL,
    pause_while_waiting_on_requester boolean DEFAULT true NOT NULL,
    CONSTRAINT sla_settings_at_risk_positive CHECK ((at_risk_minutes > 0)),
    CONSTRAINT sla_settings_one_row CHECK (id)
);


--
-- Name: TABLE sla_settings; Type: COMMENT; Schema: app; Owner: -
--

COMMENT ON TABLE app.sla_settings IS 'One row: the time zone of business hours and holidays, how close to its due time a request is "at risk", and whether waiting on the requester pauses the resolution clock.';


--
-- Name: sla_targets; Type: TABLE; Schema: app; Owner: -
--

CREATE TABLE app.sla_targets (
    category text NOT NULL,
    priority text NOT NULL,
    first_response_minutes integer NOT NULL,
    resolution_minutes integer NOT NULL,
    CONSTRAINT sla_targets_first_response_positive CHECK ((first_response_minutes > 0)),
    CONSTRAINT sla_targets_priority_known CHECK ((priority = ANY (ARRAY['low'::text, 'normal'::text, 'high'::text, 'urgent'::text]))),
    CONSTRAINT sla_targets_resolution_positive CHECK ((resolution_minutes > 0))
);


--
-- Name: TABLE sla_targets; Type: COMMENT; Schema: app; Owner: -
--

COMMENT ON TABLE app.sla_targets IS 'SLA targets in business minutes per category and priority. Edit at psql; running clocks are recomputed.';


--
-- Name: login_events; Type: TABLE; Schema: auth; Owner: -
--

CREATE TABLE auth.login_events (
    id bigint NOT NULL,
    at timestamp with time zone DEFAULT now() NOT NULL,
    user_id uuid,
    method text NOT NULL,
    result text NOT NULL,
    reason text,
    ip inet,
    user_agent text,
    correlation_id text,
    CONSTRAINT login_events_correlation_id_length CHECK ((char_length(correlation_id) <= 100)),
    CONSTRAINT login_events_reason_length CHECK ((char_length(reason) <= 200)),
    CONSTRAINT login_events_result_known CHECK ((result = ANY (ARRAY['success'::text, 'failure'::text, 'rate_limited'::text, 'refused'::text, 'sign_out'::text]))),
    CONSTRAINT login_events_user_agent_length CHECK ((char_length(user_agent) <= 500))
);


--
-- Name: TABLE login_events; Type: COMMENT; Schema: auth; Owner: -
--

COMMENT ON TABLE auth.login_events IS 'Sign-ins, failures and sign-outs, written by authsvc through auth.record_login_event.';


--
-- Name: login_events_id_seq; Type: SEQUENCE; Schema: auth; Owner: -
--

ALTER TABLE auth.login_events ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME auth.login_events_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: rate_limits; Type: TABLE; Schema: auth; Owner: -
--

CREATE TABLE auth.rate_limits (
    bucket text NOT NULL,
    window_start timestamp with time zone NOT NULL,
    hits integer DEFAULT 0 NOT NULL,
    CONSTRAINT rate_limits_bucket_length CHECK (((char_length(bucket) >= 1) AND (char_length(bucket) <= 200))),
    CONSTRAINT rate_limits_hits_not_negative CHECK ((hits >= 0))
);


--
-- Name: TABLE rate_limits; Type: COMMENT; Schema: auth; Owner: -
--

COMMENT ON TABLE auth.rate_limits IS 'Fixed-window sign-in counters per address and per account, shared by authsvc replicas.';


--
-- Name: sign_in_methods; Type: TABLE; Schema: auth; Owner: -
--

CREATE TABLE auth.sign_in_methods (
    code text NOT NULL,
    label text NOT NULL,
    CONSTRAINT sign_in_methods_code_shape CHECK ((code ~ '^[a-z][a-z_]{1,29}$'::text)),
    CONSTRAINT sign_in_methods_label_present CHECK (((char_length(btrim(label)) >= 1) AND (char_length(btrim(label)) <= 50)))
);


--
-- Name: TABLE sign_in_methods; Type: COMMENT; Schema: auth; Owner: -
--

COMMENT ON TABLE auth.sign_in_methods IS 'How a session was opened: azure (Entra ID), passkey, dev (scripts/dev token, local only).';


--
-- Name: signin_states; Type: TABLE; Schema: auth; Owner: -
--

CREATE TABLE auth.signin_states (
    state_hash bytea NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    expires_at timestamp with time zone NOT NULL,
    CONSTRAINT signin_states_expiry_after_start CHECK ((expires_at > created_at)),
    CONSTRAINT signin_states_hash_is_sha256 CHECK ((octet_length(state_hash) = 32))
);


--
-- Name: TABLE signin_states; Type: COMMENT; Schema: auth; Owner: -
--

COMMENT ON TABLE auth.signin_states IS 'Started Azure sign-ins (hashed state), consumed once by the callback.';


--
-- Name: webauthn_challenges; Type: TABLE; Schema: auth; Owner: -
--

CREATE TABLE auth.webauthn_challenges (
    challenge bytea NOT NULL,
    binding_hash bytea NOT NULL,
    purpose text NOT NULL,
    user_id uuid,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    expires_at timestamp with time zone NOT NULL,
    CONSTRAINT webauthn_challenges_binding_is_sha256 CHECK ((octet_length(binding_hash) = 32)),
    CONSTRAINT webauthn_challenges_challenge_length CHECK (((octet_length(challenge) >= 16) AND (octet_length(challenge) <= 64))),
    CONSTRAINT webauthn_challenges_purpose_known CHECK ((purpose = ANY (ARRAY['register'::text, 'login'::text]))),
    CONSTRAINT webauthn_challenges_registration_has_person CHECK (((purpose = 'register'::text) = (user_id IS NOT NULL))),
    CONSTRAINT webauthn_challenges_short_lived CHECK (((expires_at > created_at) AND (expires_at <= (created_at + '00:05:00'::interval))))
);


--
-- Name: TABLE webauthn_challenges; Type: COMMENT; Schema: auth; Owner: -
--

COMMENT ON TABLE auth.webauthn_challenges IS 'Passkey challenges in flight: single-use, at most 5 minutes, bound to a browser, a purpose and (registration) a person.';


--
-- Name: COLUMN webauthn_challenges.binding_hash; Type: COMMENT; Schema: auth; Owner: -
--

COMMENT ON COLUMN auth.webauthn_challenges.binding_hash IS 'SHA-256 of the random token in the asking browser''s __Host-reqstly_webauthn cookie.';


--
-- Name: active_sessions; Type: VIEW; Schema: metrics; Owner: -
--

CREATE VIEW metrics.active_sessions AS
 SELECT method,
    active
   FROM metrics.active_sessions_by_method() a(method, active);


--
-- Name: VIEW active_sessions; Type: COMMENT; Schema: metrics; Owner: -
--

COMMENT ON VIEW metrics.active_sessions IS 'Live sign-in sessions per method.';


--
-- Name: audit_entries; Type: VIEW; Schema: metrics; Owner: -
--

CREATE VIEW metrics.audit_entries AS
 SELECT count(*) AS total
   FROM app.audit_log;


--
-- Name: VIEW audit_entries; Type: COMMENT; Schema: metrics; Owner: -
--

COMMENT ON VIEW metrics.audit_entries IS 'Audit log entries ever written (a counter).';


--
-- Name: oldest_open_request; Type: VIEW; Schema: metrics; Owner: -
--

CREATE VIEW metrics.oldest_open_request AS
 SELECT c.code AS category,
    (COALESCE(EXTRACT(epoch FROM (now() - min(r.created_at))), (0)::numeric))::double precision AS age_seconds
   FROM ((app.categories c
     LEFT JOIN app.statuses s ON ((NOT s.is_closed)))
     LEFT JOIN app.requests r ON (((r.category = c.code) AND (r.status = s.code))))
  GROUP BY c.code;


--
-- Name: VIEW oldest_open_request; Type: COMMENT; Schema: metrics; Owner: -
--

COMMENT ON VIEW metrics.oldest_open_request IS 'Age in seconds of the oldest open or in-progress request per category (0 when none).';


--
-- Name: request_rating_totals; Type: VIEW; Schema: metrics; Owner: -
--

CREATE VIEW metrics.request_rating_totals AS
 SELECT code AS category,
    COALESCE(( SELECT sum(x.score) AS sum
           FROM (app.request_ratings x
             JOIN app.requests r ON ((r.id = x.request_id)))
          WHERE ((r.category = c.code) AND (x.rated_at > (now() - '30 days'::interval)))), (0)::bigint) AS score_sum,
    ( SELECT count(*) AS count
           FROM (app.request_ratings x
             JOIN app.requests r ON ((r.id = x.request_id)))
          WHERE ((r.category = c.code) AND (x.rated_at > (now() - '30 days'::interval)))) AS ratings
   FROM app.categories c;


--
-- Name: VIEW request_rating_totals; Type: COMMENT; Schema: metrics; Owner: -
--

COMMENT ON VIEW metrics.request_rating_totals IS 'Sum and count of requesters'' ratings in the last 30 days, per category.';


--
-- Name: request_ratings; Type: VIEW; Schema: metrics; Owner: -
--

CREATE VIEW metrics.request_ratings AS
 SELECT c.code AS category,
    sc.score,
    ( SELECT count(*) AS count
           FROM (app.request_ratings x
             JOIN app.requests r ON ((r.id = x.request_id)))
          WHERE ((r.category = c.code) AND (x.score = sc.score) AND (x.rated_at > (now() - '30 days'::interval)))) AS ratings
   FROM (app.categories c
     CROSS JOIN generate_series(1, 5) sc(score));


--
-- Name: VIEW request_ratings; Type: COMMENT; Schema: metrics; Owner: -
--

COMMENT ON VIEW metrics.request_ratings IS 'Requesters'' ratings (1-5) of resolutions in the last 30 days, per category.';


--
-- Name: request_resolution_buckets; Type: VIEW; Schema: metrics; Owner: -
--

CREATE VIEW metrics.request_resolution_buckets AS
 SELECT c.code AS category,
    b.le,
    count(r.id) AS requests
   FROM ((app.categories c
     CROSS JOIN ( VALUES ('3600'::text,(3600)::double precision), ('14400'::text,14400), ('86400'::text,86400), ('259200'::text,259200), ('604800'::text,604800), ('+Inf'::text,'Infinity'::double precision)) b(le, le_seconds))
     LEFT JOIN app.requests r ON (((r.category = c.code) AND (r.status = 'resolved'::text) AND ((EXTRACT(epoch FROM (r.resolved_at - r.created_at)))::double precision <= b.le_seconds))))
  GROUP BY c.code, b.le, b.le_seconds;


--
-- Name: VIEW request_resolution_buckets; Type: COMMENT; Schema: metrics; Owner: -
--

COMMENT ON VIEW metrics.request_resolution_buckets IS 'Cumulative histogram buckets of creation-to-resolution time of resolved requests, per category.';


--
-- Name: request_resolution_totals; Type: VIEW; Schema: metrics; Owner: -
--

CREATE VIEW metrics.request_resolution_totals AS
 SELECT c.code AS category,
    (COALESCE(sum(EXTRACT(epoch FROM (r.resolved_at - r.created_at))), (0)::numeric))::double precision AS seconds_sum,
    count(r.id) AS seconds_count
   FROM (app.categories c
     LEFT JOIN app.requests r ON (((r.category = c.code) AND (r.status = 'resolved'::text))))
  GROUP BY c.code;


--
-- Name: VIEW request_resolution_totals; Type: COMMENT; Schema: metrics; Owner: -
--

COMMENT ON VIEW metrics.request_resolution_totals IS 'Sum and count of creation-to-resolution times of resolved requests, per category.';


--
-- Name: requests_by_status; Type: VIEW; Schema: metrics; Owner: -
--

CREATE VIEW metrics.requests_by_status AS
 SELECT c.code AS category,
    s.code AS status,
    count(r.id) AS requests
   FROM ((app.categories c
     CROSS JOIN app.statuses s)
     LEFT JOIN app.requests r ON (((r.category = c.code) AND (r.status = s.code))))
  GROUP BY c.code, s.code;


--
-- Name: VIEW requests_by_status; Type: COMMENT; Schema: metrics; Owner: -
--

COMMENT ON VIEW metrics.requests_by_status IS 'Requests per category and status (every pair, zeros included).';


--
-- Name: requests_created; Type: VIEW; Schema: metrics; Owner: -
--

CREATE VIEW metrics.requests_created AS
 SELECT c.code AS category,
    count(r.id) AS total
   FROM (app.categories c
     LEFT JOIN app.requests r ON ((r.category = c.code)))
  GROUP BY c.code;


--
-- Name: VIEW requests_created; Type: COMMENT; Schema: metrics; Owner: -
--

COMMENT ON VIEW metrics.requests_created IS 'Requests ever created per category (a counter).';


--
-- Name: sla_requests; Type: VIEW; Schema: metrics; Owner: -
--

CREATE VIEW metrics.sla_requests AS
 WITH clocks AS (
         SELECT r.category,
            app.first_response_state(r.*, s.*) AS first_response,
            app.resolution_state(r.*, s.*) AS resolution
           FROM (app.requests r
             JOIN app.request_sla s ON ((s.request_id = r.id)))
          WHERE (NOT app.status_is_closed(r.status))
        )
 SELECT c.code AS category,
    k.clock,
    st.state,
    ( SELECT count(*) AS count
           FROM clocks x
          WHERE ((x.category = c.code) AND (
                CASE k.clock
                    WHEN 'first_response'::text THEN x.first_response
                    ELSE x.resolution
                END = st.state))) AS requests
   FROM ((app.categories c
     CROSS JOIN ( VALUES ('first_response'::text), ('resolution'::text)) k(clock))
     CROSS JOIN ( VALUES ('running'::text), ('at_risk'::text), ('paused'::text), ('breached'::text), ('met'::text)) st(state));


--
-- Name: VIEW sla_requests; Type: COMMENT; Schema: metrics; Owner: -
--

COMMENT ON VIEW metrics.sla_requests IS 'Open and in-progress requests per category, SLA clock and state (running, at_risk, paused, breached, met).';


--
-- Name: attachment_limits attachment_limits_pkey; Type: CONSTRAINT; Schema: app; Owner: -
--

ALTER TABLE ONLY app.attachment_limits
    ADD CONSTRAINT attachment_limits_pkey PRIMARY KEY (singleton);


--
-- Name: attachment_types attachment_types_pkey; Type: CONSTRAINT; Schema: app; Owner: -
--

ALTER TABLE ONLY app.attachment_types
    ADD CONSTRAINT attachment_types_pkey PRIMARY KEY (content_type);


--
-- Name: attachments attachments_pkey; Type: CONSTRAINT; Schema: app; Owner: -
--

ALTER TABLE ONLY app.attachments
    ADD CONSTRAINT attachments_pkey PRIMARY KEY (id);


--
-- Name: audit_heads audit_heads_pkey; Type: CONSTRAINT; Schema: app; Owner: -
--

ALTER TABLE ONLY app.audit_heads
    ADD CONSTRAINT audit_heads_pkey PRIMARY KEY (request_id);


--
-- Name: audit_log audit_log_pkey; Type: CONSTRAINT; Schema: app; Owner: -
--

ALTER TABLE ONLY app.audit_log
    ADD CONSTRAINT audit_log_pkey PRIMARY KEY (id);


--
-- Name: audit_log audit_log_position_unique; Type: CONSTRAINT; Schema: app; Owner: -
--

ALTER TABLE ONLY app.audit_log
    ADD CONSTRAINT audit_log_position_unique UNIQUE (request_id, seq);


--
-- Name: business_hours business_hours_pkey; Type: CONSTRAINT; Schema: app; Owner: -
--

ALTER TABLE ONLY app.business_hours
    ADD CONSTRAINT business_hours_pkey PRIMARY KEY (weekday, opens);


--
-- Name: categories categories_key_prefix_unique; Type: CONSTRAINT; Schema: app; Owner: -
--

ALTER TABLE ONLY app.categories
    ADD CONSTRAINT categories_key_prefix_unique UNIQUE (key_prefix);


--
-- Name: categories categories_number_sequence_unique; Type: CONSTRAINT; Schema: app; Owner: -
--

ALTER TABLE ONLY app.categories
    ADD CONSTRAINT categories_number_sequence_unique UNIQUE (number_sequence);


--
-- Name: categories categories_pkey; Type: CONSTRAINT; Schema: app; Owner: -
--

ALTER TABLE ONLY app.categories
    ADD CONSTRAINT categories_pkey PRIMARY KEY (code);


--
-- Name: category_webhooks category_webhooks_pkey; Type: CONSTRAINT; Schema: app; Owner: -
--

ALTER TABLE ONLY app.category_webhooks
    ADD CONSTRAINT category_webhooks_pkey PRIMARY KEY (category);


--
-- Name: comments comments_pkey; Type: CONSTRAINT; Schema: app; Owner: -
--

ALTER TABLE ONLY app.comments
    ADD CONSTRAINT comments_pkey PRIMARY KEY (id);


--
-- Name: holidays holidays_pkey; Type: CONSTRAINT; Schema: app; Owner: -
--

ALTER TABLE ONLY app.holidays
    ADD CONSTRAINT holidays_pkey PRIMARY KEY (day);


--
-- Name: notification_kinds notification_kinds_pkey; Type: CONSTRAINT; Schema: app; Owner: -
--

ALTER TABLE ONLY app.notification_kinds
    ADD CONSTRAINT notification_kinds_pkey PRIMARY KEY (code);


--
-- Name: notification_preferences notification_preferences_pkey; Type: CONSTRAINT; Schema: app; Owner: -
--

ALTER TABLE ONLY app.notification_preferences
    ADD CONSTRAINT notification_preferences_pkey PRIMARY KEY (user_id, kind);


--
-- Name: notification_secret notification_secret_pkey; Type: CONSTRAINT; Schema: app; Owner: -
--

ALTER TABLE ONLY app.notification_secret
    ADD CONSTRAINT notification_secret_pkey PRIMARY KEY (singleton);


--
-- Name: notifications notifications_pkey; Type: CONSTRAINT; Schema: app; Owner: -
--

ALTER TABLE ONLY app.notifications
    ADD CONSTRAINT notifications_pkey PRIMARY KEY (id);


--
-- Name: request_ratings request_ratings_pkey; Type: CONSTRAINT; Schema: app; Owner: -
--

ALTER TABLE ONLY app.request_ratings
    ADD CONSTRAINT request_ratings_pkey PRIMARY KEY (request_id, resolved_at);


--
-- Name: request_sla request_sla_pkey; Type: CONSTRAINT; Schema: app; Owner: -
--

ALTER TABLE ONLY app.request_sla
    ADD CONSTRAINT request_sla_pkey PRIMARY KEY (request_id);


--
-- Name: request_tallies request_tallies_pkey; Type: CONSTRAINT; Schema: app; Owner: -
--

ALTER TABLE ONLY app.request_tallies
    ADD CONSTRAINT request_tallies_pkey PRIMARY KEY (category, status, unassigned, shard);


--
-- Name: request_versions request_versions_pkey; Type: CONSTRAINT; Schema: app; Owner: -
--

ALTER TABLE ONLY app.request_versions
    ADD CONSTRAINT request_versions_pkey PRIMARY KEY (request_id);


--
-- Name: requests requests_key_unique; Type: CONSTRAINT; Schema: app; Owner: -
--

ALTER TABLE ONLY app.requests
    ADD CONSTRAINT requests_key_unique UNIQUE (key);


--
-- Name: requests requests_pkey; Type: CONSTRAINT; Schema: app; Owner: -
--

ALTER TABLE ONLY app.requests
    ADD CONSTRAINT requests_pkey PRIMARY KEY (id);


--
-- Name: rights_log rights_log_pkey; Type: CONSTRAINT; Schema: app; Owner: -
--

ALTER TABLE ONLY app.rights_log
    ADD CONSTRAINT rights_log_pkey PRIMARY KEY (id);


--
-- Name: sla_settings sla_settings_pkey; Type: CONSTRAINT; Schema: app; Owner: -
--

ALTER TABLE ONLY app.sla_settings
    ADD CONSTRAINT sla_settings_pkey PRIMARY KEY (id);


--
-- Name: sla_targets sla_targets_pkey; Type: CONSTRAINT; Schema: app; Owner: -
--

ALTER TABLE ONLY app.sla_targets
    ADD CONSTRAINT sla_targets_pkey PRIMARY KEY (category, priority);


--
-- Name: status_transitions status_transitions_pkey; Type: CONSTRAINT; Schema: app; Owner: -
--

ALTER TABLE ONLY app.status_transitions
    ADD CONSTRAINT status_transitions_pkey PRIMARY KEY (from_status, to_status);


--
-- Name: statuses statuses_pkey; Type: CONSTRAINT; Schema: app; Owner: -
--

ALTER TABLE ONLY app.statuses
    ADD CONSTRAINT statuses_pkey PRIMARY KEY (code);


--
-- Name: statuses statuses_position_unique; Type: CONSTRAINT; Schema: app; Owner: -
--

ALTER TABLE ONLY app.statuses
    ADD CONSTRAINT statuses_position_unique UNIQUE ("position");


--
-- Name: team_members team_members_pkey; Type: CONSTRAINT; Schema: app; Owner: -
--

ALTER TABLE ONLY app.team_members
    ADD CONSTRAINT team_members_pkey PRIMARY KEY (user_id, category);


--
-- Name: users users_db_role_unique; Type: CONSTRAINT; Schema: app; Owner: -
--

ALTER TABLE ONLY app.users
    ADD CONSTRAINT users_db_role_unique UNIQUE (db_role);


--
-- Name: users users_identity_unique; Type: CONSTRAINT; Schema: app; Owner: -
--

ALTER TABLE ONLY app.users
    ADD CONSTRAINT users_identity_unique UNIQUE (tenant_id, object_id);


--
-- Name: users users_pkey; Type: CONSTRAINT; Schema: app; Owner: -
--

ALTER TABLE ONLY app.users
    ADD CONSTRAINT users_pkey PRIMARY KEY (id);


--
-- Name: users users_webauthn_user_id_unique; Type: CONSTRAINT; Schema: app; Owner: -
--

ALTER TABLE ONLY app.users
    ADD CONSTRAINT users_webauthn_user_id_unique UNIQUE (webauthn_user_id);


--
-- Name: login_events login_events_pkey; Type: CONSTRAINT; Schema: auth; Owner: -
--

ALTER TABLE ONLY auth.login_events
    ADD CONSTRAINT login_events_pkey PRIMARY KEY (id);


--
-- Name: passkeys passkeys_credential_id_unique; Type: CONSTRAINT; Schema: auth; Owner: -
--

ALTER TABLE ONLY auth.passkeys
    ADD CONSTRAINT passkeys_credential_id_unique UNIQUE (credential_id);


--
-- Name: passkeys passkeys_pkey; Type: CONSTRAINT; Schema: auth; Owner: -
--

ALTER TABLE ONLY auth.passkeys
    ADD CONSTRAINT passkeys_pkey PRIMARY KEY (id);


--
-- Name: rate_limits rate_limits_pkey; Type: CONSTRAINT; Schema: auth; Owner: -
--

ALTER TABLE ONLY auth.rate_limits
    ADD CONSTRAINT rate_limits_pkey PRIMARY KEY (bucket, window_start);


--
-- Name: sessions sessions_pkey; Type: CONSTRAINT; Schema: auth; Owner: -
--

ALTER TABLE ONLY auth.sessions
    ADD CONSTRAINT sessions_pkey PRIMARY KEY (id);


--
-- Name: sessions sessions_token_hash_unique; Type: CONSTRAINT; Schema: auth; Owner: -
--

ALTER TABLE ONLY auth.sessions
    ADD CONSTRAINT sessions_token_hash_unique UNIQUE (token_hash);


--
-- Name: sign_in_methods sign_in_methods_pkey; Type: CONSTRAINT; Schema: auth; Owner: -
--

ALTER TABLE ONLY auth.sign_in_methods
    ADD CONSTRAINT sign_in_methods_pkey PRIMARY KEY (code);


--
-- Name: signin_states signin_states_pkey; Type: CONSTRAINT; Schema: auth; Owner: -
--

ALTER TABLE ONLY auth.signin_states
    ADD CONSTRAINT signin_states_pkey PRIMARY KEY (state_hash);


--
-- Name: webauthn_challenges webauthn_challenges_pkey; Type: CONSTRAINT; Schema: auth; Owner: -
--

ALTER TABLE ONLY auth.webauthn_challenges
    ADD CONSTRAINT webauthn_challenges_pkey PRIMARY KEY (challenge);


--
-- Name: attachments_comment_idx; Type: INDEX; Schema: app; Owner: -
--

CREATE INDEX attachments_comment_idx ON app.attachments USING btree (comment_id) WHERE (comment_id IS NOT NULL);


--
-- Name: attachments_request_idx; Type: INDEX; Schema: app; Owner: -
--

CREATE INDEX attachments_request_idx ON app.attachments USING btree (request_id, id);


--
-- Name: comments_author_idx; Type: INDEX; Schema: app; Owner: -
--

CREATE INDEX comments_author_idx ON app.comments USING btree (author_id);


--
-- Name: comments_request_idx; Type: INDEX; Schema: app; Owner: -
--

CREATE INDEX comments_request_idx ON app.comments USING btree (request_id, created_at);


--
-- Name: comments_words_idx; Type: INDEX; Schema: app; Owner: -
--

CREATE INDEX comments_words_idx ON app.comments USING gin (to_tsvector('app.reqstly_search'::regconfig, body));


--
-- Name: notifications_comment_idx; Type: INDEX; Schema: app; Owner: -
--

CREATE INDEX notifications_comment_idx ON app.notifications USING btree (comment_id) WHERE (comment_id IS NOT NULL);


--
-- Name: notifications_due_idx; Type: INDEX; Schema: app; Owner: -
--

CREATE INDEX notifications_due_idx ON app.notifications USING btree (due_at, id) WHERE (state = ANY (ARRAY['pending'::text, 'sending'::text]));


--
-- Name: notifications_recipient_idx; Type: INDEX; Schema: app; Owner: -
--

CREATE INDEX notifications_recipient_idx ON app.notifications USING btree (recipient_id, created_at);


--
-- Name: notifications_request_idx; Type: INDEX; Schema: app; Owner: -
--

CREATE INDEX notifications_request_idx ON app.notifications USING btree (request_id);


--
-- Name: request_ratings_rated_at_idx; Type: INDEX; Schema: app; Owner: -
--

CREATE INDEX request_ratings_rated_at_idx ON app.request_ratings USING btree (rated_at);


--
-- Name: request_sla_running_idx; Type: INDEX; Schema: app; Owner: -
--

CREATE INDEX request_sla_running_idx ON app.request_sla USING btree (resolution_due_at) WHERE (resolution_running_since IS NOT NULL);


--
-- Name: requests_assignee_idx; Type: INDEX; Schema: app; Owner: -
--

CREATE INDEX requests_assignee_idx ON app.requests USING btree (assignee_id) WHERE (assignee_id IS NOT NULL);


--
-- Name: requests_category_counts_idx; Type: INDEX; Schema: app; Owner: -
--

CREATE INDEX requests_category_counts_idx ON app.requests USING btree (category, status) INCLUDE (requester_id, assignee_id);


--
-- Name: requests_category_status_idx; Type: INDEX; Schema: app; Owner: -
--

CREATE INDEX requests_category_status_idx ON app.requests USING btree (category, status, updated_at DESC);


--
-- Name: requests_number_idx; Type: INDEX; Schema: app; Owner: -
--

CREATE INDEX requests_number_idx ON app.requests USING btree (number);


--
-- Name: requests_queue_idx; Type: INDEX; Schema: app; Owner: -
--

CREATE INDEX requests_queue_idx ON app.requests USING btree (category, status, priority_rank DESC, created_at);


--
-- Name: requests_requester_idx; Type: INDEX; Schema: app; Owner: -
--

CREATE INDEX requests_requester_idx ON app.requests USING btree (requester_id, updated_at DESC) INCLUDE (category, status);


--
-- Name: requests_search_idx; Type: INDEX; Schema: app; Owner: -
--

CREATE INDEX requests_search_idx ON app.requests USING gin (search);


--
-- Name: requests_updated_at_idx; Type: INDEX; Schema: app; Owner: -
--

CREATE INDEX requests_updated_at_idx ON app.requests USING btree (updated_at DESC);


--
-- Name: requests_words_idx; Type: INDEX; Schema: app; Owner: -
--

CREATE INDEX requests_words_idx ON app.requests USING gin (app.search_vector(title, description));


--
-- Name: rights_log_person_idx; Type: INDEX; Schema: app; Owner: -
--

CREATE INDEX rights_log_person_idx ON app.rights_log USING btree (person_id, at DESC);


--
-- Name: team_members_category_idx; Type: INDEX; Schema: app; Owner: -
--

CREATE INDEX team_members_category_idx ON app.team_members USING btree (category, user_id);


--
-- Name: users_email_idx; Type: INDEX; Schema: app; Owner: -
--

CREATE INDEX users_email_idx ON app.users USING btree (lower(email));


--
-- Name: users_name_words_idx; Type: INDEX; Schema: app; Owner: -
--

CREATE INDEX users_name_words_idx ON app.users USING gin (app.name_vector(display_name));


--
-- Name: login_events_at_idx; Type: INDEX; Schema: auth; Owner: -
--

CREATE INDEX login_events_at_idx ON auth.login_events USING btree (at DESC);


--
-- Name: login_events_user_at_idx; Type: INDEX; Schema: auth; Owner: -
--

CREATE INDEX login_events_user_at_idx ON auth.login_events USING btree (user_id, at DESC);


--
-- Name: passkeys_user_id_idx; Type: INDEX; Schema: auth; Owner: -
--

CREATE INDEX passkeys_user_id_idx ON auth.passkeys USING btree (user_id);


--
-- Name: sessions_user_live_idx; Type: INDEX; Schema: auth; Owner: -
--

CREATE INDEX sessions_user_live_idx ON auth.sessions USING btree (user_id) WHERE (revoked_at IS NULL);


--
-- Name: signin_states_expires_at_idx; Type: INDEX; Schema: auth; Owner: -
--

CREATE INDEX signin_states_expires_at_idx ON auth.signin_states USING btree (expires_at);


--
-- Name: webauthn_challenges_expires_at_idx; Type: INDEX; Schema: auth; Owner: -
--

CREATE INDEX webauthn_challenges_expires_at_idx ON auth.webauthn_challenges USING btree (expires_at);


--
-- Name: attachments attachments_100_defaults; Type: TRIGGER; Schema: app; Owner: -
--

CREATE TRIGGER attachments_100_defaults BEFORE INSERT ON app.attachments FOR EACH ROW EXECUTE FUNCTION app.tg_attachments__set_defaults();


--
-- Name: attachments attachments_100_immutable; Type: TRIGGER; Schema: app; Owner: -
--

CREATE TRIGGER attachments_100_immutable BEFORE DELETE OR UPDATE ON app.attachments FOR EACH ROW EXECUTE FUNCTION app.tg_attachments__immutable();


--
-- Name: attachments attachments_100_no_truncate; Type: TRIGGER; Schema: app; Owner: -
--

CREATE TRIGGER attachments_100_no_truncate BEFORE TRUNCATE ON app.attachments FOR EACH STATEMENT EXECUTE FUNCTION app.tg_attachments__immutable();


--
-- Name: attachments attachments_500_audit; Type: TRIGGER; Schema: app; Owner: -
--

CREATE TRIGGER attachments_500_audit AFTER INSERT OR UPDATE ON app.attachments FOR EACH ROW EXECUTE FUNCTION app.tg_attachments__audit();


--
-- Name: audit_heads audit_heads_100_no_truncate; Type: TRIGGER; Schema: app; Owner: -
--

CREATE TRIGGER audit_heads_100_no_truncate BEFORE TRUNCATE ON app.audit_heads FOR EACH STATEMENT EXECUTE FUNCTION app.tg__append_only('The audit log''s chain heads');


--
-- Name: audit_log audit_log_100_append_only; Type: TRIGGER; Schema: app; Owner: -
--

CREATE TRIGGER audit_log_100_append_only BEFORE DELETE OR UPDATE ON app.audit_log FOR EACH ROW EXECUTE FUNCTION app.tg__append_only('The audit log');


--
-- Name: audit_log audit_log_100_no_truncate; Type: TRIGGER; Schema: app; Owner: -
--

CREATE TRIGGER audit_log_100_no_truncate BEFORE TRUNCATE ON app.audit_log FOR EACH STATEMENT EXECUTE FUNCTION app.tg__append_only('The audit log');


--
-- Name: business_hours business_hours_900_recompute; Type: TRIGGER; Schema: app; Owner: -
--

CREATE TRIGGER business_hours_900_recompute AFTER INSERT OR DELETE OR UPDATE ON app.business_hours FOR EACH STATEMENT EXECUTE FUNCTION app.tg__sla_recompute_all();


--
-- Name: categories categories_100_number_sequence; Type: TRIGGER; Schema: app; Owner: -
--

CREATE TRIGGER categories_100_number_sequence BEFORE INSERT OR DELETE OR UPDATE OF code ON app.categories FOR EACH ROW EXECUTE FUNCTION app.tg_categories__number_sequence();


--
-- Name: comments comments_010_require_visible_request; Type: TRIGGER; Schema: app; Owner: -
--

CREATE TRIGGER comments_010_require_visible_request BEFORE INSERT ON app.comments FOR EACH ROW EXECUTE FUNCTION app.tg_comments__require_visible_request();


--
-- Name: comments comments_100_defaults; Type: TRIGGER; Schema: app; Owner: -
--

CREATE TRIGGER comments_100_defaults BEFORE INSERT ON app.comments FOR EACH ROW EXECUTE FUNCTION app.tg_comments__set_defaults();


--
-- Name: comments comments_100_touch_request; Type: TRIGGER; Schema: app; Owner: -
--

CREATE TRIGGER comments_100_touch_request AFTER INSERT ON app.comments FOR EACH ROW EXECUTE FUNCTION app.tg_comments__touch_request();


--
-- Name: comments comments_450_sla; Type: TRIGGER; Schema: app; Owner: -
--

CREATE TRIGGER comments_450_sla AFTER INSERT ON app.comments FOR EACH ROW EXECUTE FUNCTION app.tg_comments__sla();


--
-- Name: comments comments_500_audit; Type: TRIGGER; Schema: app; Owner: -
--

CREATE TRIGGER comments_500_audit AFTER INSERT ON app.comments FOR EACH ROW EXECUTE FUNCTION app.tg_comments__audit();


--
-- Name: comments comments_800_notify; Type: TRIGGER; Schema: app; Owner: -
--

CREATE TRIGGER comments_800_notify AFTER INSERT ON app.comments FOR EACH ROW EXECUTE FUNCTION app.tg_comments__notify();


--
-- Name: holidays holidays_900_recompute; Type: TRIGGER; Schema: app; Owner: -
--

CREATE TRIGGER holidays_900_recompute AFTER INSERT OR DELETE OR UPDATE ON app.holidays FOR EACH STATEMENT EXECUTE FUNCTION app.tg__sla_recompute_all();


--
-- Name: notification_preferences notification_preferences_100_timestamps; Type: TRIGGER; Schema: app; Owner: -
--

CREATE TRIGGER notification_preferences_100_timestamps BEFORE UPDATE ON app.notification_preferences FOR EACH ROW EXECUTE FUNCTION app.tg__set_updated_at();


--
-- Name: notifications notifications_900_wake_worker; Type: TRIGGER; Schema: app; Owner: -
--

CREATE TRIGGER notifications_900_wake_worker AFTER INSERT ON app.notifications FOR EACH STATEMENT EXECUTE FUNCTION app.tg_notifications__wake_worker();


--
-- Name: requests requests_050_assignee_visible; Type: TRIGGER; Schema: app; Owner: -
--

CREATE TRIGGER requests_050_assignee_visible BEFORE UPDATE ON app.requests FOR EACH ROW EXECUTE FUNCTION app.tg_requests__assignee_visible();


--
-- Name: requests requests_100_defaults; Type: TRIGGER; Schema: app; Owner: -
--

CREATE TRIGGER requests_100_defaults BEFORE INSERT ON app.requests FOR EACH ROW EXECUTE FUNCTION app.tg_requests__set_defaults();


--
-- Name: requests requests_100_enforce_rules; Type: TRIGGER; Schema: app; Owner: -
--

CREATE TRIGGER requests_100_enforce_rules BEFORE UPDATE ON app.requests FOR EACH ROW EXECUTE FUNCTION app.tg_requests__enforce_rules();


--
-- Name: requests requests_150_check_version; Type: TRIGGER; Schema: app; Owner: -
--

CREATE TRIGGER requests_150_check_version BEFORE UPDATE ON app.requests FOR EACH ROW EXECUTE FUNCTION app.tg_requests__check_version();


--
-- Name: requests requests_200_validate; Type: TRIGGER; Schema: app; Owner: -
--

CREATE TRIGGER requests_200_validate BEFORE INSERT OR UPDATE ON app.requests FOR EACH ROW EXECUTE FUNCTION app.tg_requests__validate();


--
-- Name: requests requests_400_version; Type: TRIGGER; Schema: app; Owner: -
--

CREATE TRIGGER requests_400_version AFTER INSERT OR UPDATE ON app.requests FOR EACH ROW EXECUTE FUNCTION app.tg_requests__bump_version();


--
-- Name: requests requests_450_sla; Type: TRIGGER; Schema: app; Owner: -
--

CREATE TRIGGER requests_450_sla AFTER INSERT OR UPDATE ON app.requests FOR EACH ROW EXECUTE FUNCTION app.tg_requests__sla();


--
-- Name: requests requests_500_audit; Type: TRIGGER; Schema: app; Owner: -
--

CREATE TRIGGER requests_500_audit AFTER INSERT OR UPDATE ON app.requests FOR EACH ROW EXECUTE FUNCTION app.tg_requests__audit();


--
-- Name: requests requests_800_notify; Type: TRIGGER; Schema: app; Owner: -
--

CREATE TRIGGER requests_800_notify AFTER INSERT OR UPDATE ON app.requests FOR EACH ROW EXECUTE FUNCTION app.tg_requests__notify();


--
-- Name: requests requests_900_tally_delete; Type: TRIGGER; Schema: app; Owner: -
--

CREATE TRIGGER requests_900_tally_delete AFTER DELETE ON app.requests FOR EACH ROW EXECUTE FUNCTION app.tg_requests__tally();


--
-- Name: requests requests_900_tally_insert; Type: TRIGGER; Schema: app; Owner: -
--

CREATE TRIGGER requests_900_tally_insert AFTER INSERT ON app.requests FOR EACH ROW EXECUTE FUNCTION app.tg_requests__tally();


--
-- Name: requests requests_900_tally_update; Type: TRIGGER; Schema: app; Owner: -
--

CREATE TRIGGER requests_900_tally_update AFTER UPDATE ON app.requests FOR EACH ROW WHEN ((((old.category IS DISTINCT FROM new.category) OR (old.status IS DISTINCT FROM new.status)) OR ((old.assignee_id IS NULL) IS DISTINCT FROM (new.assignee_id IS NULL)))) EXECUTE FUNCTION app.tg_requests__tally();


--
-- Name: rights_log rights_log_100_append_only; Type: TRIGGER; Schema: app; Owner: -
--

CREATE TRIGGER rights_log_100_append_only BEFORE DELETE OR UPDATE ON app.rights_log FOR EACH ROW EXECUTE FUNCTION app.tg__append_only('The log of rights changes');


--
-- Name: rights_log rights_log_100_no_truncate; Type: TRIGGER; Schema: app; Owner: -
--

CREATE TRIGGER rights_log_100_no_truncate BEFORE TRUNCATE ON app.rights_log FOR EACH STATEMENT EXECUTE FUNCTION app.tg__append_only('The log of rights changes');


--
-- Name: sla_settings sla_settings_200_validate; Type: TRIGGER; Schema: app; Owner: -
--

CREATE TRIGGER sla_settings_200_validate BEFORE INSERT OR UPDATE ON app.sla_settings FOR EACH ROW EXECUTE FUNCTION app.tg_sla_settings__validate();


--
-- Name: sla_settings sla_settings_900_recompute; Type: TRIGGER; Schema: app; Owner: -
--

CREATE TRIGGER sla_settings_900_recompute AFTER UPDATE ON app.sla_settings FOR EACH STATEMENT EXECUTE FUNCTION app.tg__sla_recompute_all();


--
-- Name: sla_targets sla_targets_900_recompute; Type: TRIGGER; Schema: app; Owner: -
--

CREATE TRIGGER sla_targets_900_recompute AFTER INSERT OR DELETE OR UPDATE ON app.sla_targets FOR EACH STATEMENT EXECUTE FUNCTION app.tg__sla_recompute_all();


--
-- Name: team_members team_members_100_require_admin; Type: TRIGGER; Schema: app; Owner: -
--

CREATE TRIGGER team_members_100_require_admin BEFORE INSERT ON app.team_members FOR EACH ROW EXECUTE FUNCTION app.tg_team_members__require_admin();


--
-- Name: team_members team_members_200_guard_entra_rights; Type: TRIGGER; Schema: app; Owner: -
--

CREATE TRIGGER team_members_200_guard_entra_rights BEFORE INSERT OR DELETE ON app.team_members FOR EACH ROW EXECUTE FUNCTION app.tg_team_members__guard_entra_rights();


--
-- Name: team_members team_members_500_log; Type: TRIGGER; Schema: app; Owner: -
--

CREATE TRIGGER team_members_500_log AFTER INSERT OR DELETE ON app.team_members FOR EACH ROW EXECUTE FUNCTION app.tg_team_members__log();


--
-- Name: users users_100_timestamps; Type: TRIGGER; Schema: app; Owner: -
--

CREATE TRIGGER users_100_timestamps BEFORE UPDATE ON app.users FOR EACH ROW EXECUTE FUNCTION app.tg__set_updated_at();


--
-- Name: users users_200_guard_entra_rights; Type: TRIGGER; Schema: app; Owner: -
--

CREATE TRIGGER users_200_guard_entra_rights BEFORE UPDATE OF is_admin ON app.users FOR EACH ROW EXECUTE FUNCTION app.tg_users__guard_entra_rights();


--
-- Name: users users_500_log_rights; Type: TRIGGER; Schema: app; Owner: -
--

CREATE TRIGGER users_500_log_rights AFTER UPDATE ON app.users FOR EACH ROW EXECUTE FUNCTION app.tg_users__log_rights();


--
-- Name: passkeys passkeys_200_validate; Type: TRIGGER; Schema: auth; Owner: -
--

CREATE TRIGGER passkeys_200_validate BEFORE INSERT OR UPDATE OF name ON auth.passkeys FOR EACH ROW EXECUTE FUNCTION auth.tg_passkeys__validate();


--
-- Name: passkeys passkeys_500_end_other_sessions; Type: TRIGGER; Schema: auth; Owner: -
--

CREATE TRIGGER passkeys_500_end_other_sessions AFTER DELETE ON auth.passkeys FOR EACH ROW EXECUTE FUNCTION auth.tg_passkeys__end_other_sessions();


--
-- Name: attachments attachments_comment_id_fkey; Type: FK CONSTRAINT; Schema: app; Owner: -
--

ALTER TABLE ONLY app.attachments
    ADD CONSTRAINT attachments_comment_id_fkey FOREIGN KEY (comment_id) REFERENCES app.comments(id);


--
-- Name: attachments attachments_removed_by_fkey; Type: FK CONSTRAINT; Schema: app; Owner: -
--

ALTER TABLE ONLY app.attachments
    ADD CONSTRAINT attachments_removed_by_fkey FOREIGN KEY (removed_by) REFERENCES app.users(id);


--
-- Name: attachments attachments_request_id_fkey; Type: FK CONSTRAINT; Schema: app; Owner: -
--

ALTER TABLE ONLY app.attachments
    ADD CONSTRAINT attachments_request_id_fkey FOREIGN KEY (request_id) REFERENCES app.requests(id);


--
-- Name: attachments attachments_uploaded_by_fkey; Type: FK CONSTRAINT; Schema: app; Owner: -
--

ALTER TABLE ONLY app.attachments
    ADD CONSTRAINT attachments_uploaded_by_fkey FOREIGN KEY (uploaded_by) REFERENCES app.users(id);


--
-- Name: audit_heads audit_heads_request_id_fkey; Type: FK CONSTRAINT; Schema: app; Owner: -
--

ALTER TABLE ONLY app.audit_heads
    ADD CONSTRAINT audit_heads_request_id_fkey FOREIGN KEY (request_id) REFERENCES app.requests(id);


--
-- Name: audit_log audit_log_actor_id_fkey; Type: FK CONSTRAINT; Schema: app; Owner: -
--

ALTER TABLE ONLY app.audit_log
    ADD CONSTRAINT audit_log_actor_id_fkey FOREIGN KEY (actor_id) REFERENCES app.users(id);


--
-- Name: audit_log audit_log_request_id_fkey; Type: FK CONSTRAINT; Schema: app; Owner: -
--

ALTER TABLE ONLY app.audit_log
    ADD CONSTRAINT audit_log_request_id_fkey FOREIGN KEY (request_id) REFERENCES app.requests(id);


--
-- Name: category_webhooks category_webhooks_category_fkey; Type: FK CONSTRAINT; Schema: app; Owner: -
--

ALTER TABLE ONLY app.category_webhooks
    ADD CONSTRAINT category_webhooks_category_fkey FOREIGN KEY (category) REFERENCES app.categories(code) ON UPDATE CASCADE;


--
-- Name: comments comments_author_id_fkey; Type: FK CONSTRAINT; Schema: app; Owner: -
--

ALTER TABLE ONLY app.comments
    ADD CONSTRAINT comments_author_id_fkey FOREIGN KEY (author_id) REFERENCES app.users(id);


--
-- Name: comments comments_request_id_fkey; Type: FK CONSTRAINT; Schema: app; Owner: -
--

ALTER TABLE ONLY app.comments
    ADD CONSTRAINT comments_request_id_fkey FOREIGN KEY (request_id) REFERENCES app.requests(id);


--
-- Name: notification_preferences notification_preferences_kind_fkey; Type: FK CONSTRAINT; Schema: app; Owner: -
--

ALTER TABLE ONLY app.notification_preferences
    ADD CONSTRAINT notification_preferences_kind_fkey FOREIGN KEY (kind) REFERENCES app.notification_kinds(code);


--
-- Name: notification_preferences notification_preferences_user_id_fkey; Type: FK CONSTRAINT; Schema: app; Owner: -
--

ALTER TABLE ONLY app.notification_preferences
    ADD CONSTRAINT notification_preferences_user_id_fkey FOREIGN KEY (user_id) REFERENCES app.users(id);


--
-- Name: notifications notifications_actor_id_fkey; Type: FK CONSTRAINT; Schema: app; Owner: -
--

ALTER TABLE ONLY app.notifications
    ADD CONSTRAINT notifications_actor_id_fkey FOREIGN KEY (actor_id) REFERENCES app.users(id);


--
-- Name: notifications notifications_comment_id_fkey; Type: FK CONSTRAINT; Schema: app; Owner: -
--

ALTER TABLE ONLY app.notifications
    ADD CONSTRAINT notifications_comment_id_fkey FOREIGN KEY (comment_id) REFERENCES app.comments(id);


--
-- Name: notifications notifications_kind_fkey; Type: FK CONSTRAINT; Schema: app; Owner: -
--

ALTER TABLE ONLY app.notifications
    ADD CONSTRAINT notifications_kind_fkey FOREIGN KEY (kind) REFERENCES app.notification_kinds(code);


--
-- Name: notifications notifications_recipient_id_fkey; Type: FK CONSTRAINT; Schema: app; Owner: -
--

ALTER TABLE ONLY app.notifications
    ADD CONSTRAINT notifications_recipient_id_fkey FOREIGN KEY (recipient_id) REFERENCES app.users(id);


--
-- Name: notifications notifications_request_id_fkey; Type: FK CONSTRAINT; Schema: app; Owner: -
--

ALTER TABLE ONLY app.notifications
    ADD CONSTRAINT notifications_request_id_fkey FOREIGN KEY (request_id) REFERENCES app.requests(id);


--
-- Name: notifications notifications_webhook_category_fkey; Type: FK CONSTRAINT; Schema: app; Owner: -
--

ALTER TABLE ONLY app.notifications
    ADD CONSTRAINT notifications_webhook_category_fkey FOREIGN KEY (webhook_category) REFERENCES app.categories(code) ON UPDATE CASCADE;


--
-- Name: request_ratings request_ratings_rated_by_fkey; Type: FK CONSTRAINT; Schema: app; Owner: -
--

ALTER TABLE ONLY app.request_ratings
    ADD CONSTRAINT request_ratings_rated_by_fkey FOREIGN KEY (rated_by) REFERENCES app.users(id);


--
-- Name: request_ratings request_ratings_request_id_fkey; Type: FK CONSTRAINT; Schema: app; Owner: -
--

ALTER TABLE ONLY app.request_ratings
    ADD CONSTRAINT request_ratings_request_id_fkey FOREIGN KEY (request_id) REFERENCES app.requests(id);


--
-- Name: request_sla request_sla_request_id_fkey; Type: FK CONSTRAINT; Schema: app; Owner: -
--

ALTER TABLE ONLY app.request_sla
    ADD CONSTRAINT request_sla_request_id_fkey FOREIGN KEY (request_id) REFERENCES app.requests(id);


--
-- Name: request_versions request_versions_changed_by_fkey; Type: FK CONSTRAINT; Schema: app; Owner: -
--

ALTER TABLE ONLY app.request_versions
    ADD CONSTRAINT request_versions_changed_by_fkey FOREIGN KEY (changed_by) REFERENCES app.users(id);


--
-- Name: request_versions request_versions_request_id_fkey; Type: FK CONSTRAINT; Schema: app; Owner: -
--

ALTER TABLE ONLY app.request_versions
    ADD CONSTRAINT request_versions_request_id_fkey FOREIGN KEY (request_id) REFERENCES app.requests(id);


--
-- Name: requests requests_assignee_id_fkey; Type: FK CONSTRAINT; Schema: app; Owner: -
--

ALTER TABLE ONLY app.requests
    ADD CONSTRAINT requests_assignee_id_fkey FOREIGN KEY (assignee_id) REFERENCES app.users(id);


--
-- Name: requests requests_category_fkey; Type: FK CONSTRAINT; Schema: app; Owner: -
--

ALTER TABLE ONLY app.requests
    ADD CONSTRAINT requests_category_fkey FOREIGN KEY (category) REFERENCES app.categories(code) ON UPDATE CASCADE;


--
-- Name: requests requests_requester_id_fkey; Type: FK CONSTRAINT; Schema: app; Owner: -
--

ALTER TABLE ONLY app.requests
    ADD CONSTRAINT requests_requester_id_fkey FOREIGN KEY (requester_id) REFERENCES app.users(id);


--
-- Name: requests requests_status_known; Type: FK CONSTRAINT; Schema: app; Owner: -
--

ALTER TABLE ONLY app.requests
    ADD CONSTRAINT requests_status_known FOREIGN KEY (status) REFERENCES app.statuses(code);


--
-- Name: rights_log rights_log_actor_id_fkey; Type: FK CONSTRAINT; Schema: app; Owner: -
--

ALTER TABLE ONLY app.rights_log
    ADD CONSTRAINT rights_log_actor_id_fkey FOREIGN KEY (actor_id) REFERENCES app.users(id);


--
-- Name: rights_log rights_log_person_id_fkey; Type: FK CONSTRAINT; Schema: app; Owner: -
--

ALTER TABLE ONLY app.rights_log
    ADD CONSTRAINT rights_log_person_id_fkey FOREIGN KEY (person_id) REFERENCES app.users(id);


--
-- Name: sla_targets sla_targets_category_fkey; Type: FK CONSTRAINT; Schema: app; Owner: -
--

ALTER TABLE ONLY app.sla_targets
    ADD CONSTRAINT sla_targets_category_fkey FOREIGN KEY (category) REFERENCES app.categories(code) ON UPDATE CASCADE ON DELETE CASCADE;


--
-- Name: status_transitions status_transitions_from_known; Type: FK CONSTRAINT; Schema: app; Owner: -
--

ALTER TABLE ONLY app.status_transitions
    ADD CONSTRAINT status_transitions_from_known FOREIGN KEY (from_status) REFERENCES app.statuses(code);


--
-- Name: status_transitions status_transitions_to_known; Type: FK CONSTRAINT; Schema: app; Owner: -
--

ALTER TABLE ONLY app.status_transitions
    ADD CONSTRAINT status_transitions_to_known FOREIGN KEY (to_status) REFERENCES app.statuses(code);


--
-- Name: team_members team_members_category_fkey; Type: FK CONSTRAINT; Schema: app; Owner: -
--

ALTER TABLE ONLY app.team_members
    ADD CONSTRAINT team_members_category_fkey FOREIGN KEY (category) REFERENCES app.categories(code) ON UPDATE CASCADE;


--
-- Name: team_members team_members_user_id_fkey; Type: FK CONSTRAINT; Schema: app; Owner: -
--

ALTER TABLE ONLY app.team_members
    ADD CONSTRAINT team_members_user_id_fkey FOREIGN KEY (user_id) REFERENCES app.users(id) ON DELETE CASCADE;


--
-- Name: login_events login_events_method_known; Type: FK CONSTRAINT; Schema: auth; Owner: -
--

ALTER TABLE ONLY auth.login_events
    ADD CONSTRAINT login_events_method_known FOREIGN KEY (method) REFERENCES auth.sign_in_methods(code);


--
-- Name: login_events login_events_user_id_fkey; Type: FK CONSTRAINT; Schema: auth; Owner: -
--

ALTER TABLE ONLY auth.login_events
    ADD CONSTRAINT login_events_user_id_fkey FOREIGN KEY (user_id) REFERENCES app.users(id) ON DELETE SET NULL;


--
-- Name: passkeys passkeys_user_id_fkey; Type: FK CONSTRAINT; Schema: auth; Owner: -
--

ALTER TABLE ONLY auth.passkeys
    ADD CONSTRAINT passkeys_user_id_fkey FOREIGN KEY (user_id) REFERENCES app.users(id) ON DELETE CASCADE;


--
-- Name: sessions sessions_method_known; Type: FK CONSTRAINT; Schema: auth; Owner: -
--

ALTER TABLE ONLY auth.sessions
    ADD CONSTRAINT sessions_method_known FOREIGN KEY (method) REFERENCES auth.sign_in_methods(code);


--
-- Name: sessions sessions_user_id_fkey; Type: FK CONSTRAINT; Schema: auth; Owner: -
--

ALTER TABLE ONLY auth.sessions
    ADD CONSTRAINT sessions_user_id_fkey FOREIGN KEY (user_id) REFERENCES app.users(id) ON DELETE CASCADE;


--
-- Name: webauthn_challenges webauthn_challenges_user_id_fkey; Type: FK CONSTRAINT; Schema: auth; Owner: -
--

ALTER TABLE ONLY auth.webauthn_challenges
    ADD CONSTRAINT webauthn_challenges_user_id_fkey FOREIGN KEY (user_id) REFERENCES app.users(id) ON DELETE CASCADE;


--
-- Name: attachment_limits; Type: ROW SECURITY; Schema: app; Owner: -
--

ALTER TABLE app.attachment_limits ENABLE ROW LEVEL SECURITY;

--
-- Name: attachment_types; Type: ROW SECURITY; Schema: app; Owner: -
--

ALTER TABLE app.attachment_types ENABLE ROW LEVEL SECURITY;

--
-- Name: attachments; Type: ROW SECURITY; Schema: app; Owner: -
--

ALTER TABLE app.attachments ENABLE ROW LEVEL SECURITY;

--
-- Name: audit_heads; Type: ROW SECURITY; Schema: app; Owner: -
--

ALTER TABLE app.audit_heads ENABLE ROW LEVEL SECURITY;

--
-- Name: audit_log; Type: ROW SECURITY; Schema: app; Owner: -
--

ALTER TABLE app.audit_log ENABLE ROW LEVEL SECURITY;

--
-- Name: business_hours; Type: ROW SECURITY; Schema: app; Owner: -
--

ALTER TABLE app.business_hours ENABLE ROW LEVEL SECURITY;

--
-- Name: categories; Type: ROW SECURITY; Schema: app; Owner: -
--

ALTER TABLE app.categories ENABLE ROW LEVEL SECURITY;

--
-- Name: category_webhooks; Type: ROW SECURITY; Schema: app; Owner: -
--

ALTER TABLE app.category_webhooks ENABLE ROW LEVEL SECURITY;

--
-- Name: comments; Type: ROW SECURITY; Schema: app; Owner: -
--

ALTER TABLE app.comments ENABLE ROW LEVEL SECURITY;

--
-- Name: category_webhooks delete_admin; Type: POLICY; Schema: app; Owner: -
--

CREATE POLICY delete_admin ON app.category_webhooks FOR DELETE USING (( SELECT app.current_user_is_admin() AS current_user_is_admin));


--
-- Name: team_members delete_admin; Type: POLICY; Schema: app; Owner: -
--

CREATE POLICY delete_admin ON app.team_members FOR DELETE USING (( SELECT app.current_user_is_admin() AS current_user_is_admin));


--
-- Name: holidays; Type: ROW SECURITY; Schema: app; Owner: -
--

ALTER TABLE app.holidays ENABLE ROW LEVEL SECURITY;

--
-- Name: category_webhooks insert_admin; Type: POLICY; Schema: app; Owner: -
--

CREATE POLICY insert_admin ON app.category_webhooks FOR INSERT WITH CHECK (( SELECT app.current_user_is_admin() AS current_user_is_admin));


--
-- Name: team_members insert_admin; Type: POLICY; Schema: app; Owner: -
--

CREATE POLICY insert_admin ON app.team_members FOR INSERT WITH CHECK (( SELECT app.current_user_is_admin() AS current_user_is_admin));


--
-- Name: notification_preferences insert_own; Type: POLICY; Schema: app; Owner: -
--

CREATE POLICY insert_own ON app.notification_preferences FOR INSERT WITH CHECK ((user_id = ( SELECT app.current_user_id() AS current_user_id)));


--
-- Name: requests insert_own; Type: POLICY; Schema: app; Owner: -
--

CREATE POLICY insert_own ON app.requests FOR INSERT WITH CHECK ((requester_id = ( SELECT app.current_user_id() AS current_user_id)));


--
-- Name: attachments insert_visible; Type: POLICY; Schema: app; Owner: -
--

CREATE POLICY insert_visible ON app.attachments FOR INSERT WITH CHECK (((request_id IN ( SELECT r.id
   FROM app.requests r)) AND (uploaded_by = ( SELECT app.current_user_id() AS current_user_id))));


--
-- Name: comments insert_visible; Type: POLICY; Schema: app; Owner: -
--

CREATE POLICY insert_visible ON app.comments FOR INSERT WITH CHECK (((EXISTS ( SELECT 1
   FROM app.requests r
  WHERE (r.id = comments.request_id))) AND (author_id = ( SELECT app.current_user_id() AS current_user_id))));


--
-- Name: notification_kinds; Type: ROW SECURITY; Schema: app; Owner: -
--

ALTER TABLE app.notification_kinds ENABLE ROW LEVEL SECURITY;

--
-- Name: notification_preferences; Type: ROW SECURITY; Schema: app; Owner: -
--

ALTER TABLE app.notification_preferences ENABLE ROW LEVEL SECURITY;

--
-- Name: notification_secret; Type: ROW SECURITY; Schema: app; Owner: -
--

ALTER TABLE app.notification_secret ENABLE ROW LEVEL SECURITY;

--
-- Name: notifications; Type: ROW SECURITY; Schema: app; Owner: -
--

ALTER TABLE app.notifications ENABLE ROW LEVEL SECURITY;

--
-- Name: request_ratings; Type: ROW SECURITY; Schema: app; Owner: -
--

ALTER TABLE app.request_ratings ENABLE ROW LEVEL SECURITY;

--
-- Name: request_sla; Type: ROW SECURITY; Schema: app; Owner: -
--

ALTER TABLE app.request_sla ENABLE ROW LEVEL SECURITY;

--
-- Name: request_tallies; Type: ROW SECURITY; Schema: app; Owner: -
--

ALTER TABLE app.request_tallies ENABLE ROW LEVEL SECURITY;

--
-- Name: request_versions; Type: ROW SECURITY; Schema: app; Owner: -
--

ALTER TABLE app.request_versions ENABLE ROW LEVEL SECURITY;

--
-- Name: requests; Type: ROW SECURITY; Schema: app; Owner: -
--

ALTER TABLE app.requests ENABLE ROW LEVEL SECURITY;

--
-- Name: rights_log; Type: ROW SECURITY; Schema: app; Owner: -
--

ALTER TABLE app.rights_log ENABLE ROW LEVEL SECURITY;

--
-- Name: users select_agents_of_my_categories; Type: POLICY; Schema: app; Owner: -
--

CREATE POLICY select_agents_of_my_categories ON app.users FOR SELECT USING ((id IN ( SELECT tm.user_id
   FROM app.team_members tm
  WHERE (tm.category = ANY (( SELECT app.current_agent_categories() AS current_agent_categories)::text[])))));


--
-- Name: attachment_limits select_all; Type: POLICY; Schema: app; Owner: -
--

CREATE POLICY select_all ON app.attachment_limits FOR SELECT USING (true);


--
-- Name: attachment_types select_all; Type: POLICY; Schema: app; Owner: -
--

CREATE POLICY select_all ON app.attachment_types FOR SELECT USING (true);


--
-- Name: business_hours select_all; Type: POLICY; Schema: app; Owner: -
--

CREATE POLICY select_all ON app.business_hours FOR SELECT USING (true);


--
-- Name: categories select_all; Type: POLICY; Schema: app; Owner: -
--

CREATE POLICY select_all ON app.categories FOR SELECT USING (true);


--
-- Name: holidays select_all; Type: POLICY; Schema: app; Owner: -
--

CREATE POLICY select_all ON app.holidays FOR SELECT USING (true);


--
-- Name: notification_kinds select_all; Type: POLICY; Schema: app; Owner: -
--

CREATE POLICY select_all ON app.notification_kinds FOR SELECT USING (true);


--
-- Name: sla_settings select_all; Type: POLICY; Schema: app; Owner: -
--

CREATE POLICY select_all ON app.sla_settings FOR SELECT USING (true);


--
-- Name: sla_targets select_all; Type: POLICY; Schema: app; Owner: -
--

CREATE POLICY select_all ON app.sla_targets FOR SELECT USING (true);


--
-- Name: status_transitions select_all; Type: POLICY; Schema: app; Owner: -
--

CREATE POLICY select_all ON app.status_transitions FOR SELECT USING (true);


--
-- Name: statuses select_all; Type: POLICY; Schema: app; Owner: -
--

CREATE POLICY select_all ON app.statuses FOR SELECT USING (true);


--
-- Name: attachments select_all_admin; Type: POLICY; Schema: app; Owner: -
--

CREATE POLICY select_all_admin ON app.attachments FOR SELECT USING (( SELECT app.current_user_is_admin() AS current_user_is_admin));


--
-- Name: audit_log select_all_admin; Type: POLICY; Schema: app; Owner: -
--

CREATE POLICY select_all_admin ON app.audit_log FOR SELECT USING (( SELECT app.current_user_is_admin() AS current_user_is_admin));


--
-- Name: category_webhooks select_all_admin; Type: POLICY; Schema: app; Owner: -
--

CREATE POLICY select_all_admin ON app.category_webhooks FOR SELECT USING (( SELECT app.current_user_is_admin() AS current_user_is_admin));


--
-- Name: comments select_all_admin; Type: POLICY; Schema: app; Owner: -
--

CREATE POLICY select_all_admin ON app.comments FOR SELECT USING (( SELECT app.current_user_is_admin() AS current_user_is_admin));


--
-- Name: notification_preferences select_all_admin; Type: POLICY; Schema: app; Owner: -
--

CREATE POLICY select_all_admin ON app.notification_preferences FOR SELECT USING (( SELECT app.current_user_is_admin() AS current_user_is_admin));


--
-- Name: notifications select_all_admin; Type: POLICY; Schema: app; Owner: -
--

CREATE POLICY select_all_admin ON app.notifications FOR SELECT USING (( SELECT app.current_user_is_admin() AS current_user_is_admin));


--
-- Name: requests select_all_admin; Type: POLICY; Schema: app; Owner: -
--

CREATE POLICY select_all_admin ON app.requests FOR SELECT USING (( SELECT app.current_user_is_admin() AS current_user_is_admin));


--
-- Name: rights_log select_all_admin; Type: POLICY; Schema: app; Owner: -
--

CREATE POLICY select_all_admin ON app.rights_log FOR SELECT USING (( SELECT app.current_user_is_admin() AS current_user_is_admin));


--
-- Name: team_members select_all_admin; Type: POLICY; Schema: app; Owner: -
--

CREATE POLICY select_all_admin ON app.team_members FOR SELECT USING (( SELECT app.current_user_is_admin() AS current_user_is_admin));


--
-- Name: users select_all_admin; Type: POLICY; Schema: app; Owner: -
--

CREATE POLICY select_all_admin ON app.users FOR SELECT USING (( SELECT app.current_user_is_admin() AS current_user_is_admin));


--
-- Name: users select_on_visible_requests; Type: POLICY; Schema: app; Owner: -
--

CREATE POLICY select_on_visible_requests ON app.users FOR SELECT USING (((EXISTS ( SELECT 1
   FROM app.requests r
  WHERE (r.requester_id = users.id))) OR (EXISTS ( SELECT 1
   FROM app.requests r
  WHERE (r.assignee_id = users.id))) OR (EXISTS ( SELECT 1
   FROM app.comments c
  WHERE (c.author_id = users.id)))));


--
-- Name: notification_preferences select_own; Type: POLICY; Schema: app; Owner: -
--

CREATE POLICY select_own ON app.notification_preferences FOR SELECT USING ((user_id = ( SELECT app.current_user_id() AS current_user_id)));


--
-- Name: requests select_own; Type: POLICY; Schema: app; Owner: -
--

CREATE POLICY select_own ON app.requests FOR SELECT USING ((requester_id = ( SELECT app.current_user_id() AS current_user_id)));


--
-- Name: team_members select_own; Type: POLICY; Schema: app; Owner: -
--

CREATE POLICY select_own ON app.team_members FOR SELECT USING ((user_id = ( SELECT app.current_user_id() AS current_user_id)));


--
-- Name: attachments select_public; Type: POLICY; Schema: app; Owner: -
--

CREATE POLICY select_public ON app.attachments FOR SELECT USING (((NOT internal) AND (request_id IN ( SELECT r.id
   FROM app.requests r))));


--
-- Name: audit_log select_public; Type: POLICY; Schema: app; Owner: -
--

CREATE POLICY select_public ON app.audit_log FOR SELECT USING (((NOT internal) AND (EXISTS ( SELECT 1
   FROM app.requests r
  WHERE (r.id = audit_log.request_id)))));


--
-- Name: comments select_public; Type: POLICY; Schema: app; Owner: -
--

CREATE POLICY select_public ON app.comments FOR SELECT USING (((NOT internal) AND (EXISTS ( SELECT 1
   FROM app.requests r
  WHERE (r.id = comments.request_id)))));


--
-- Name: users select_self; Type: POLICY; Schema: app; Owner: -
--

CREATE POLICY select_self ON app.users FOR SELECT USING ((id = ( SELECT app.current_user_id() AS current_user_id)));


--
-- Name: attachments select_team; Type: POLICY; Schema: app; Owner: -
--

CREATE POLICY select_team ON app.attachments FOR SELECT USING ((internal AND (request_id IN ( SELECT r.id
   FROM app.requests r
  WHERE (r.category = ANY (( SELECT app.current_agent_categories() AS current_agent_categories)::text[]))))));


--
-- Name: audit_log select_team; Type: POLICY; Schema: app; Owner: -
--

CREATE POLICY select_team ON app.audit_log FOR SELECT USING ((EXISTS ( SELECT 1
   FROM app.requests r
  WHERE ((r.id = audit_log.request_id) AND (r.category = ANY (( SELECT app.current_agent_categories() AS current_agent_categories)::text[]))))));


--
-- Name: comments select_team; Type: POLICY; Schema: app; Owner: -
--

CREATE POLICY select_team ON app.comments FOR SELECT USING ((internal AND (EXISTS ( SELECT 1
   FROM app.requests r
  WHERE ((r.id = comments.request_id) AND (r.category = ANY (( SELECT app.current_agent_categories() AS current_agent_categories)::text[])))))));


--
-- Name: requests select_team; Type: POLICY; Schema: app; Owner: -
--

CREATE POLICY select_team ON app.requests FOR SELECT USING ((category = ANY (( SELECT app.current_agent_categories() AS current_agent_categories)::text[])));


--
-- Name: team_members select_team; Type: POLICY; Schema: app; Owner: -
--

CREATE POLICY select_team ON app.team_members FOR SELECT USING ((category = ANY (( SELECT app.current_agent_categories() AS current_agent_categories)::text[])));


--
-- Name: request_sla select_through_requests; Type: POLICY; Schema: app; Owner: -
--

CREATE POLICY select_through_requests ON app.request_sla FOR SELECT USING (true);


--
-- Name: request_versions select_through_requests; Type: POLICY; Schema: app; Owner: -
--

CREATE POLICY select_through_requests ON app.request_versions FOR SELECT USING (true);


--
-- Name: request_ratings select_visible; Type: POLICY; Schema: app; Owner: -
--

CREATE POLICY select_visible ON app.request_ratings FOR SELECT USING ((EXISTS ( SELECT 1
   FROM app.requests r
  WHERE (r.id = request_ratings.request_id))));


--
-- Name: sla_settings; Type: ROW SECURITY; Schema: app; Owner: -
--

ALTER TABLE app.sla_settings ENABLE ROW LEVEL SECURITY;

--
-- Name: sla_targets; Type: ROW SECURITY; Schema: app; Owner: -
--

ALTER TABLE app.sla_targets ENABLE ROW LEVEL SECURITY;

--
-- Name: status_transitions; Type: ROW SECURITY; Schema: app; Owner: -
--

ALTER TABLE app.status_transitions ENABLE ROW LEVEL SECURITY;

--
-- Name: statuses; Type: ROW SECURITY; Schema: app; Owner: -
--

ALTER TABLE app.statuses ENABLE ROW LEVEL SECURITY;

--
-- Name: team_members; Type: ROW SECURITY; Schema: app; Owner: -
--

ALTER TABLE app.team_members ENABLE ROW LEVEL SECURITY;

--
-- Name: category_webhooks update_admin; Type: POLICY; Schema: app; Owner: -
--

CREATE POLICY update_admin ON app.category_webhooks FOR UPDATE USING (( SELECT app.current_user_is_admin() AS current_user_is_admin));


--
-- Name: users update_admin; Type: POLICY; Schema: app; Owner: -
--

CREATE POLICY update_admin ON app.users FOR UPDATE USING (( SELECT app.current_user_is_admin() AS current_user_is_admin));


--
-- Name: attachments update_all_admin; Type: POLICY; Schema: app; Owner: -
--

CREATE POLICY update_all_admin ON app.attachments FOR UPDATE USING (( SELECT app.current_user_is_admin() AS current_user_is_admin)) WITH CHECK (true);


--
-- Name: requests update_all_admin; Type: POLICY; Schema: app; Owner: -
--

CREATE POLICY update_all_admin ON app.requests FOR UPDATE USING (( SELECT app.current_user_is_admin() AS current_user_is_admin)) WITH CHECK (true);


--
-- Name: notification_preferences update_own; Type: POLICY; Schema: app; Owner: -
--

CREATE POLICY update_own ON app.notification_preferences FOR UPDATE USING ((user_id = ( SELECT app.current_user_id() AS current_user_id))) WITH CHECK ((user_id = ( SELECT app.current_user_id() AS current_user_id)));


--
-- Name: requests update_own; Type: POLICY; Schema: app; Owner: -
--

CREATE POLICY update_own ON app.requests FOR UPDATE USING ((requester_id = ( SELECT app.current_user_id() AS current_user_id))) WITH CHECK ((requester_id = ( SELECT app.current_user_id() AS current_user_id)));


--
-- Name: requests update_team; Type: POLICY; Schema: app; Owner: -
--

CREATE POLICY update_team ON app.requests FOR UPDATE USING ((category = ANY (( SELECT app.current_agent_categories() AS current_agent_categories)::text[]))) WITH CHECK (true);


--
-- Name: attachments update_uploader; Type: POLICY; Schema: app; Owner: -
--

CREATE POLICY update_uploader ON app.attachments FOR UPDATE USING ((uploaded_by = ( SELECT app.current_user_id() AS current_user_id))) WITH CHECK (true);


--
-- Name: users; Type: ROW SECURITY; Schema: app; Owner: -
--

ALTER TABLE app.users ENABLE ROW LEVEL SECURITY;

--
-- Name: business_hours write_admin; Type: POLICY; Schema: app; Owner: -
--

CREATE POLICY write_admin ON app.business_hours USING (( SELECT app.current_user_is_admin() AS current_user_is_admin)) WITH CHECK (( SELECT app.current_user_is_admin() AS current_user_is_admin));


--
-- Name: holidays write_admin; Type: POLICY; Schema: app; Owner: -
--

CREATE POLICY write_admin ON app.holidays USING (( SELECT app.current_user_is_admin() AS current_user_is_admin)) WITH CHECK (( SELECT app.current_user_is_admin() AS current_user_is_admin));


--
-- Name: sla_settings write_admin; Type: POLICY; Schema: app; Owner: -
--

CREATE POLICY write_admin ON app.sla_settings USING (( SELECT app.current_user_is_admin() AS current_user_is_admin)) WITH CHECK (( SELECT app.current_user_is_admin() AS current_user_is_admin));


--
-- Name: sla_targets write_admin; Type: POLICY; Schema: app; Owner: -
--

CREATE POLICY write_admin ON app.sla_targets USING (( SELECT app.current_user_is_admin() AS current_user_is_admin)) WITH CHECK (( SELECT app.current_user_is_admin() AS current_user_is_admin));


--
-- Name: passkeys delete_own; Type: POLICY; Schema: auth; Owner: -
--

CREATE POLICY delete_own ON auth.passkeys FOR DELETE USING ((user_id = ( SELECT app.current_user_id() AS current_user_id)));


--
-- Name: login_events; Type: ROW SECURITY; Schema: auth; Owner: -
--

ALTER TABLE auth.login_events ENABLE ROW LEVEL SECURITY;

--
-- Name: passkeys; Type: ROW SECURITY; Schema: auth; Owner: -
--

ALTER TABLE auth.passkeys ENABLE ROW LEVEL SECURITY;

--
-- Name: rate_limits; Type: ROW SECURITY; Schema: auth; Owner: -
--

ALTER TABLE auth.rate_limits ENABLE ROW LEVEL SECURITY;

--
-- Name: sign_in_methods select_all; Type: POLICY; Schema: auth; Owner: -
--

CREATE POLICY select_all ON auth.sign_in_methods FOR SELECT USING (true);


--
-- Name: login_events select_all_admin; Type: POLICY; Schema: auth; Owner: -
--

CREATE POLICY select_all_admin ON auth.login_events FOR SELECT USING (( SELECT app.current_user_is_admin() AS current_user_is_admin));


--
-- Name: passkeys select_own; Type: POLICY; Schema: auth; Owner: -
--

CREATE POLICY select_own ON auth.passkeys FOR SELECT USING ((user_id = ( SELECT app.current_user_id() AS current_user_id)));


--
-- Name: sessions select_own; Type: POLICY; Schema: auth; Owner: -
--

CREATE POLICY select_own ON auth.sessions FOR SELECT USING ((user_id = ( SELECT app.current_user_id() AS current_user_id)));


--
-- Name: sessions; Type: ROW SECURITY; Schema: auth; Owner: -
--

ALTER TABLE auth.sessions ENABLE ROW LEVEL SECURITY;

--
-- Name: sign_in_methods; Type: ROW SECURITY; Schema: auth; Owner: -
--

ALTER TABLE auth.sign_in_methods ENABLE ROW LEVEL SECURITY;

--
-- Name: signin_states; Type: ROW SECURITY; Schema: auth; Owner: -
--

ALTER TABLE auth.signin_states ENABLE ROW LEVEL SECURITY;

--
-- Name: passkeys update_own; Type: POLICY; Schema: auth; Owner: -
--

CREATE POLICY update_own ON auth.passkeys FOR UPDATE USING ((user_id = ( SELECT app.current_user_id() AS current_user_id))) WITH CHECK ((user_id = ( SELECT app.current_user_id() AS current_user_id)));


--
-- Name: sessions update_own; Type: POLICY; Schema: auth; Owner: -
--

CREATE POLICY update_own ON auth.sessions FOR UPDATE USING ((user_id = ( SELECT app.current_user_id() AS current_user_id)));


--
-- Name: webauthn_challenges; Type: ROW SECURITY; Schema: auth; Owner: -
--

ALTER TABLE auth.webauthn_challenges ENABLE ROW LEVEL SECURITY;

--
-- Name: SCHEMA api; Type: ACL; Schema: -; Owner: -
--

GRANT USAGE ON SCHEMA api TO web_anon;
GRANT USAGE ON SCHEMA api TO web_user;
GRANT USAGE ON SCHEMA api TO reqstly_admin;


--
-- Name: SCHEMA app; Type: ACL; Schema: -; Owner: -
--

GRANT USAGE ON SCHEMA app TO web_user;
GRANT USAGE ON SCHEMA app TO reqstly_admin;


--
-- Name: SCHEMA auth; Type: ACL; Schema: -; Owner: -
--

GRANT USAGE ON SCHEMA auth TO web_user;
GRANT USAGE ON SCHEMA auth TO authsvc;


--
-- Name: SCHEMA metrics; Type: ACL; Schema: -; Owner: -
--

GRANT USAGE ON SCHEMA metrics TO monitoring;


--
-- Name: SCHEMA notify; Type: ACL; Schema: -; Owner: -
--

GRANT USAGE ON SCHEMA notify TO notifier;


--
-- Name: SCHEMA public; Type: ACL; Schema: -; Owner: -
--

REVOKE USAGE ON SCHEMA public FROM PUBLIC;


--
-- Name: SCHEMA text_search; Type: ACL; Schema: -; Owner: -
--

GRANT USAGE ON SCHEMA text_search TO web_user;
GRANT USAGE ON SCHEMA text_search TO reqstly_admin;


--
-- Name: TYPE "*/*"; Type: ACL; Schema: api; Owner: -
--

GRANT ALL ON TYPE api."*/*" TO web_user;
GRANT ALL ON TYPE api."*/*" TO reqstly_admin;


--
-- Name: FUNCTION allowed_transitions(request_id bigint); Type: ACL; Schema: api; Owner: -
--

REVOKE ALL ON FUNCTION api.allowed_transitions(request_id bigint) FROM PUBLIC;
GRANT ALL ON FUNCTION api.allowed_transitions(request_id bigint) TO web_user;
GRANT ALL ON FUNCTION api.allowed_transitions(request_id bigint) TO reqstly_admin;


--
-- Name: COLUMN requests.id; Type: ACL; Schema: app; Owner: -
--

GRANT SELECT(id) ON TABLE app.requests TO web_user;
GRANT SELECT(id) ON TABLE app.requests TO reqstly_admin;


--
-- Name: COLUMN requests.key; Type: ACL; Schema: app; Owner: -
--

GRANT SELECT(key) ON TABLE app.requests TO web_user;
GRANT SELECT(key) ON TABLE app.requests TO reqstly_admin;


--
-- Name: COLUMN requests.number; Type: ACL; Schema: app; Owner: -
--

GRANT SELECT(number) ON TABLE app.requests TO web_user;
GRANT SELECT(number) ON TABLE app.requests TO reqstly_admin;


--
-- Name: COLUMN requests.title; Type: ACL; Schema: app; Owner: -
--

GRANT SELECT(title),INSERT(title),UPDATE(title) ON TABLE app.requests TO web_user;
GRANT SELECT(title),INSERT(title),UPDATE(title) ON TABLE app.requests TO reqstly_admin;


--
-- Name: COLUMN requests.description; Type: ACL; Schema: app; Owner: -
--

GRANT SELECT(description),INSERT(description),UPDATE(description) ON TABLE app.requests TO web_user;
GRANT SELECT(description),INSERT(description),UPDATE(description) ON TABLE app.requests TO reqstly_admin;


--
-- Name: COLUMN requests.category; Type: ACL; Schema: app; Owner: -
--

GRANT SELECT(category),INSERT(category),UPDATE(category) ON TABLE app.requests TO web_user;
GRANT SELECT(category),INSERT(category),UPDATE(category) ON TABLE app.requests TO reqstly_admin;


--
-- Name: COLUMN requests.priority; Type: ACL; Schema: app; Owner: -
--

GRANT SELECT(priority),INSERT(priority),UPDATE(priority) ON TABLE app.requests TO web_user;
GRANT SELECT(priority),INSERT(priority),UPDATE(priority) ON TABLE app.requests TO reqstly_admin;


--
-- Name: COLUMN requests.priority_rank; Type: ACL; Schema: app; Owner: -
--

GRANT SELECT(priority_rank) ON TABLE app.requests TO web_user;
GRANT SELECT(priority_rank) ON TABLE app.requests TO reqstly_admin;


--
-- Name: COLUMN requests.status; Type: ACL; Schema: app; Owner: -
--

GRANT SELECT(status) ON TABLE app.requests TO web_user;
GRANT SELECT(status) ON TABLE app.requests TO reqstly_admin;


--
-- Name: COLUMN requests.requester_id; Type: ACL; Schema: app; Owner: -
--

GRANT SELECT(requester_id) ON TABLE app.requests TO web_user;
GRANT SELECT(requester_id) ON TABLE app.requests TO reqstly_admin;


--
-- Name: COLUMN requests.assignee_id; Type: ACL; Schema: app; Owner: -
--

GRANT SELECT(assignee_id),UPDATE(assignee_id) ON TABLE app.requests TO web_user;
GRANT SELECT(assignee_id),UPDATE(assignee_id) ON TABLE app.requests TO reqstly_admin;


--
-- Name: COLUMN requests.created_at; Type: ACL; Schema: app; Owner: -
--

GRANT SELECT(created_at) ON TABLE app.requests TO web_user;
GRANT SELECT(created_at) ON TABLE app.requests TO reqstly_admin;


--
-- Name: COLUMN requests.updated_at; Type: ACL; Schema: app; Owner: -
--

GRANT SELECT(updated_at) ON TABLE app.requests TO web_user;
GRANT SELECT(updated_at) ON TABLE app.requests TO reqstly_admin;


--
-- Name: COLUMN requests.resolved_at; Type: ACL; Schema: app; Owner: -
--

GRANT SELECT(resolved_at) ON TABLE app.requests TO web_user;
GRANT SELECT(resolved_at) ON TABLE app.requests TO reqstly_admin;


--
-- Name: COLUMN requests.search; Type: ACL; Schema: app; Owner: -
--

GRANT SELECT(search) ON TABLE app.requests TO web_user;
GRANT SELECT(search) ON TABLE app.requests TO reqstly_admin;


--
-- Name: TABLE requests; Type: ACL; Schema: api; Owner: -
--

GRANT SELECT ON TABLE api.requests TO web_user;
GRANT SELECT ON TABLE api.requests TO reqstly_admin;


--
-- Name: COLUMN requests.title; Type: ACL; Schema: api; Owner: -
--

GRANT INSERT(title),UPDATE(title) ON TABLE api.requests TO web_user;
GRANT INSERT(title),UPDATE(title) ON TABLE api.requests TO reqstly_admin;


--
-- Name: COLUMN requests.description; Type: ACL; Schema: api; Owner: -
--

GRANT INSERT(description),UPDATE(description) ON TABLE api.requests TO web_user;
GRANT INSERT(description),UPDATE(description) ON TABLE api.requests TO reqstly_admin;


--
-- Name: COLUMN requests.category; Type: ACL; Schema: api; Owner: -
--

GRANT INSERT(category),UPDATE(category) ON TABLE api.requests TO web_user;
GRANT INSERT(category),UPDATE(category) ON TABLE api.requests TO reqstly_admin;


--
-- Name: COLUMN requests.priority; Type: ACL; Schema: api; Owner: -
--

GRANT INSERT(priority),UPDATE(priority) ON TABLE api.requests TO web_user;
GRANT INSERT(priority),UPDATE(priority) ON TABLE api.requests TO reqstly_admin;


--
-- Name: COLUMN requests.assignee_id; Type: ACL; Schema: api; Owner: -
--

GRANT UPDATE(assignee_id) ON TABLE api.requests TO web_user;
GRANT UPDATE(assignee_id) ON TABLE api.requests TO reqstly_admin;


--
-- Name: FUNCTION assign_request(request_id bigint, expected_version integer, assignee_id uuid); Type: ACL; Schema: api; Owner: -
--

REVOKE ALL ON FUNCTION api.assign_request(request_id bigint, expected_version integer, assignee_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION api.assign_request(request_id bigint, expected_version integer, assignee_id uuid) TO web_user;
GRANT ALL ON FUNCTION api.assign_request(request_id bigint, expected_version integer, assignee_id uuid) TO reqstly_admin;


--
-- Name: TABLE request_ratings; Type: ACL; Schema: app; Owner: -
--

GRANT SELECT ON TABLE app.request_ratings TO web_user;
GRANT SELECT ON TABLE app.request_ratings TO reqstly_admin;


--
-- Name: TABLE request_ratings; Type: ACL; Schema: api; Owner: -
--

GRANT SELECT ON TABLE api.request_ratings TO web_user;
GRANT SELECT ON TABLE api.request_ratings TO reqstly_admin;


--
-- Name: FUNCTION confirm_resolution(request_id bigint, score integer, comment text); Type: ACL; Schema: api; Owner: -
--

REVOKE ALL ON FUNCTION api.confirm_resolution(request_id bigint, score integer, comment text) FROM PUBLIC;
GRANT ALL ON FUNCTION api.confirm_resolution(request_id bigint, score integer, comment text) TO web_user;
GRANT ALL ON FUNCTION api.confirm_resolution(request_id bigint, score integer, comment text) TO reqstly_admin;


--
-- Name: FUNCTION count_requests(q text, scope text, category text, priority text); Type: ACL; Schema: api; Owner: -
--

REVOKE ALL ON FUNCTION api.count_requests(q text, scope text, category text, priority text) FROM PUBLIC;
GRANT ALL ON FUNCTION api.count_requests(q text, scope text, category text, priority text) TO web_user;
GRANT ALL ON FUNCTION api.count_requests(q text, scope text, category text, priority text) TO reqstly_admin;


--
-- Name: FUNCTION disable_person(person_id uuid); Type: ACL; Schema: api; Owner: -
--

REVOKE ALL ON FUNCTION api.disable_person(person_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION api.disable_person(person_id uuid) TO web_user;


--
-- Name: FUNCTION download_attachment(id bigint); Type: ACL; Schema: api; Owner: -
--

REVOKE ALL ON FUNCTION api.download_attachment(id bigint) FROM PUBLIC;
GRANT ALL ON FUNCTION api.download_attachment(id bigint) TO web_user;
GRANT ALL ON FUNCTION api.download_attachment(id bigint) TO reqstly_admin;


--
-- Name: FUNCTION edit_request(request_id bigint, expected_version integer, title text, description text, priority text); Type: ACL; Schema: api; Owner: -
--

REVOKE ALL ON FUNCTION api.edit_request(request_id bigint, expected_version integer, title text, description text, priority text) FROM PUBLIC;
GRANT ALL ON FUNCTION api.edit_request(request_id bigint, expected_version integer, title text, description text, priority text) TO web_user;
GRANT ALL ON FUNCTION api.edit_request(request_id bigint, expected_version integer, title text, description text, priority text) TO reqstly_admin;


--
-- Name: FUNCTION enable_person(person_id uuid); Type: ACL; Schema: api; Owner: -
--

REVOKE ALL ON FUNCTION api.enable_person(person_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION api.enable_person(person_id uuid) TO web_user;


--
-- Name: FUNCTION display_name_of(person uuid); Type: ACL; Schema: app; Owner: -
--

REVOKE ALL ON FUNCTION app.display_name_of(person uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION app.display_name_of(person uuid) TO web_user;
GRANT ALL ON FUNCTION app.display_name_of(person uuid) TO reqstly_admin;


--
-- Name: TABLE request_sla; Type: ACL; Schema: app; Owner: -
--

GRANT SELECT ON TABLE app.request_sla TO web_user;
GRANT SELECT ON TABLE app.request_sla TO reqstly_admin;


--
-- Name: FUNCTION first_response_state(r app.requests, s app.request_sla); Type: ACL; Schema: app; Owner: -
--

REVOKE ALL ON FUNCTION app.first_response_state(r app.requests, s app.request_sla) FROM PUBLIC;
GRANT ALL ON FUNCTION app.first_response_state(r app.requests, s app.request_sla) TO web_user;
GRANT ALL ON FUNCTION app.first_response_state(r app.requests, s app.request_sla) TO reqstly_admin;
GRANT ALL ON FUNCTION app.first_response_state(r app.requests, s app.request_sla) TO monitoring;


--
-- Name: FUNCTION resolution_state(r app.requests, s app.request_sla); Type: ACL; Schema: app; Owner: -
--

REVOKE ALL ON FUNCTION app.resolution_state(r app.requests, s app.request_sla) FROM PUBLIC;
GRANT ALL ON FUNCTION app.resolution_state(r app.requests, s app.request_sla) TO web_user;
GRANT ALL ON FUNCTION app.resolution_state(r app.requests, s app.request_sla) TO reqstly_admin;
GRANT ALL ON FUNCTION app.resolution_state(r app.requests, s app.request_sla) TO monitoring;


--
-- Name: TABLE request_versions; Type: ACL; Schema: app; Owner: -
--

GRANT SELECT ON TABLE app.request_versions TO web_user;
GRANT SELECT ON TABLE app.request_versions TO reqstly_admin;


--
-- Name: TABLE request_list; Type: ACL; Schema: api; Owner: -
--

GRANT SELECT ON TABLE api.request_list TO web_user;
GRANT SELECT ON TABLE api.request_list TO reqstly_admin;


--
-- Name: FUNCTION find_requests(q text, scope text, category text, status text, priority text, sort text, lim integer, offs integer); Type: ACL; Schema: api; Owner: -
--

REVOKE ALL ON FUNCTION api.find_requests(q text, scope text, category text, status text, priority text, sort text, lim integer, offs integer) FROM PUBLIC;
GRANT ALL ON FUNCTION api.find_requests(q text, scope text, category text, status text, priority text, sort text, lim integer, offs integer) TO web_user;
GRANT ALL ON FUNCTION api.find_requests(q text, scope text, category text, status text, priority text, sort text, lim integer, offs integer) TO reqstly_admin;


--
-- Name: FUNCTION move_request(request_id bigint, category text); Type: ACL; Schema: api; Owner: -
--

REVOKE ALL ON FUNCTION api.move_request(request_id bigint, category text) FROM PUBLIC;
GRANT ALL ON FUNCTION api.move_request(request_id bigint, category text) TO web_user;
GRANT ALL ON FUNCTION api.move_request(request_id bigint, category text) TO reqstly_admin;


--
-- Name: FUNCTION pre_request(); Type: ACL; Schema: api; Owner: -
--

REVOKE ALL ON FUNCTION api.pre_request() FROM PUBLIC;
GRANT ALL ON FUNCTION api.pre_request() TO web_anon;
GRANT ALL ON FUNCTION api.pre_request() TO web_user;


--
-- Name: TABLE attachment_types; Type: ACL; Schema: app; Owner: -
--

GRANT SELECT ON TABLE app.attachment_types TO web_user;
GRANT SELECT ON TABLE app.attachment_types TO reqstly_admin;


--
-- Name: COLUMN attachments.id; Type: ACL; Schema: app; Owner: -
--

GRANT SELECT(id) ON TABLE app.attachments TO web_user;
GRANT SELECT(id) ON TABLE app.attachments TO reqstly_admin;


--
-- Name: COLUMN attachments.request_id; Type: ACL; Schema: app; Owner: -
--

GRANT SELECT(request_id),INSERT(request_id) ON TABLE app.attachments TO web_user;
GRANT SELECT(request_id),INSERT(request_id) ON TABLE app.attachments TO reqstly_admin;


--
-- Name: COLUMN attachments.comment_id; Type: ACL; Schema: app; Owner: -
--

GRANT SELECT(comment_id),INSERT(comment_id) ON TABLE app.attachments TO web_user;
GRANT SELECT(comment_id),INSERT(comment_id) ON TABLE app.attachments TO reqstly_admin;


--
-- Name: COLUMN attachments.internal; Type: ACL; Schema: app; Owner: -
--

GRANT SELECT(internal) ON TABLE app.attachments TO web_user;
GRANT SELECT(internal) ON TABLE app.attachments TO reqstly_admin;


--
-- Name: COLUMN attachments.filename; Type: ACL; Schema: app; Owner: -
--

GRANT SELECT(filename),INSERT(filename) ON TABLE app.attachments TO web_user;
GRANT SELECT(filename),INSERT(filename) ON TABLE app.attachments TO reqstly_admin;


--
-- Name: COLUMN attachments.content_type; Type: ACL; Schema: app; Owner: -
--

GRANT SELECT(content_type) ON TABLE app.attachments TO web_user;
GRANT SELECT(content_type) ON TABLE app.attachments TO reqstly_admin;


--
-- Name: COLUMN attachments.size_bytes; Type: ACL; Schema: app; Owner: -
--

GRANT SELECT(size_bytes) ON TABLE app.attachments TO web_user;
GRANT SELECT(size_bytes) ON TABLE app.attachments TO reqstly_admin;


--
-- Name: COLUMN attachments.sha256; Type: ACL; Schema: app; Owner: -
--

GRANT SELECT(sha256) ON TABLE app.attachments TO web_user;
GRANT SELECT(sha256) ON TABLE app.attachments TO reqstly_admin;


--
-- Name: COLUMN attachments.content; Type: ACL; Schema: app; Owner: -
--

GRANT SELECT(content),INSERT(content),UPDATE(content) ON TABLE app.attachments TO web_user;
GRANT SELECT(content),INSERT(content),UPDATE(content) ON TABLE app.attachments TO reqstly_admin;


--
-- Name: COLUMN attachments.uploaded_by; Type: ACL; Schema: app; Owner: -
--

GRANT SELECT(uploaded_by) ON TABLE app.attachments TO web_user;
GRANT SELECT(uploaded_by) ON TABLE app.attachments TO reqstly_admin;


--
-- Name: COLUMN attachments.uploaded_by_name; Type: ACL; Schema: app; Owner: -
--

GRANT SELECT(uploaded_by_name) ON TABLE app.attachments TO web_user;
GRANT SELECT(uploaded_by_name) ON TABLE app.attachments TO reqstly_admin;


--
-- Name: COLUMN attachments.created_at; Type: ACL; Schema: app; Owner: -
--

GRANT SELECT(created_at) ON TABLE app.attachments TO web_user;
GRANT SELECT(created_at) ON TABLE app.attachments TO reqstly_admin;


--
-- Name: COLUMN attachments.removed_at; Type: ACL; Schema: app; Owner: -
--

GRANT SELECT(removed_at) ON TABLE app.attachments TO web_user;
GRANT SELECT(removed_at) ON TABLE app.attachments TO reqstly_admin;


--
-- Name: COLUMN attachments.removed_by; Type: ACL; Schema: app; Owner: -
--

GRANT SELECT(removed_by) ON TABLE app.attachments TO web_user;
GRANT SELECT(removed_by) ON TABLE app.attachments TO reqstly_admin;


--
-- Name: TABLE attachments; Type: ACL; Schema: api; Owner: -
--

GRANT SELECT ON TABLE api.attachments TO web_user;
GRANT SELECT ON TABLE api.attachments TO reqstly_admin;


--
-- Name: FUNCTION remove_attachment(id bigint); Type: ACL; Schema: api; Owner: -
--

REVOKE ALL ON FUNCTION api.remove_attachment(id bigint) FROM PUBLIC;
GRANT ALL ON FUNCTION api.remove_attachment(id bigint) TO web_user;
GRANT ALL ON FUNCTION api.remove_attachment(id bigint) TO reqstly_admin;


--
-- Name: FUNCTION request_changes(since timestamp with time zone); Type: ACL; Schema: api; Owner: -
--

REVOKE ALL ON FUNCTION api.request_changes(since timestamp with time zone) FROM PUBLIC;
GRANT ALL ON FUNCTION api.request_changes(since timestamp with time zone) TO web_user;
GRANT ALL ON FUNCTION api.request_changes(since timestamp with time zone) TO reqstly_admin;


--
-- Name: FUNCTION revoke_other_sessions(); Type: ACL; Schema: api; Owner: -
--

REVOKE ALL ON FUNCTION api.revoke_other_sessions() FROM PUBLIC;
GRANT ALL ON FUNCTION api.revoke_other_sessions() TO web_user;


--
-- Name: FUNCTION revoke_session(session_id uuid); Type: ACL; Schema: api; Owner: -
--

REVOKE ALL ON FUNCTION api.revoke_session(session_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION api.revoke_session(session_id uuid) TO web_user;


--
-- Name: FUNCTION set_admin(person_id uuid, is_admin boolean); Type: ACL; Schema: api; Owner: -
--

REVOKE ALL ON FUNCTION api.set_admin(person_id uuid, is_admin boolean) FROM PUBLIC;
GRANT ALL ON FUNCTION api.set_admin(person_id uuid, is_admin boolean) TO web_user;


--
-- Name: FUNCTION current_agent_categories(); Type: ACL; Schema: app; Owner: -
--

REVOKE ALL ON FUNCTION app.current_agent_categories() FROM PUBLIC;
GRANT ALL ON FUNCTION app.current_agent_categories() TO web_user;
GRANT ALL ON FUNCTION app.current_agent_categories() TO reqstly_admin;


--
-- Name: FUNCTION current_user_id(); Type: ACL; Schema: app; Owner: -
--

REVOKE ALL ON FUNCTION app.current_user_id() FROM PUBLIC;
GRANT ALL ON FUNCTION app.current_user_id() TO web_user;
GRANT ALL ON FUNCTION app.current_user_id() TO reqstly_admin;


--
-- Name: TABLE notification_kinds; Type: ACL; Schema: app; Owner: -
--

GRANT SELECT ON TABLE app.notification_kinds TO web_user;
GRANT SELECT ON TABLE app.notification_kinds TO reqstly_admin;


--
-- Name: TABLE notification_preferences; Type: ACL; Schema: app; Owner: -
--

GRANT SELECT ON TABLE app.notification_preferences TO web_user;
GRANT SELECT ON TABLE app.notification_preferences TO reqstly_admin;


--
-- Name: COLUMN notification_preferences.kind; Type: ACL; Schema: app; Owner: -
--

GRANT INSERT(kind) ON TABLE app.notification_preferences TO web_user;
GRANT INSERT(kind) ON TABLE app.notification_preferences TO reqstly_admin;


--
-- Name: COLUMN notification_preferences.enabled; Type: ACL; Schema: app; Owner: -
--

GRANT INSERT(enabled),UPDATE(enabled) ON TABLE app.notification_preferences TO web_user;
GRANT INSERT(enabled),UPDATE(enabled) ON TABLE app.notification_preferences TO reqstly_admin;


--
-- Name: COLUMN notification_preferences.delivery; Type: ACL; Schema: app; Owner: -
--

GRANT INSERT(delivery),UPDATE(delivery) ON TABLE app.notification_preferences TO web_user;
GRANT INSERT(delivery),UPDATE(delivery) ON TABLE app.notification_preferences TO reqstly_admin;


--
-- Name: TABLE notification_settings; Type: ACL; Schema: api; Owner: -
--

GRANT SELECT ON TABLE api.notification_settings TO web_user;
GRANT SELECT ON TABLE api.notification_settings TO reqstly_admin;


--
-- Name: FUNCTION set_notification_preference(kind text, enabled boolean, delivery text); Type: ACL; Schema: api; Owner: -
--

REVOKE ALL ON FUNCTION api.set_notification_preference(kind text, enabled boolean, delivery text) FROM PUBLIC;
GRANT ALL ON FUNCTION api.set_notification_preference(kind text, enabled boolean, delivery text) TO web_user;
GRANT ALL ON FUNCTION api.set_notification_preference(kind text, enabled boolean, delivery text) TO reqstly_admin;


--
-- Name: FUNCTION business_seconds_between(from_time timestamp with time zone, to_time timestamp with time zone); Type: ACL; Schema: app; Owner: -
--

REVOKE ALL ON FUNCTION app.business_seconds_between(from_time timestamp with time zone, to_time timestamp with time zone) FROM PUBLIC;
GRANT ALL ON FUNCTION app.business_seconds_between(from_time timestamp with time zone, to_time timestamp with time zone) TO web_user;
GRANT ALL ON FUNCTION app.business_seconds_between(from_time timestamp with time zone, to_time timestamp with time zone) TO reqstly_admin;


--
-- Name: TABLE request_sla; Type: ACL; Schema: api; Owner: -
--

GRANT SELECT ON TABLE api.request_sla TO web_user;
GRANT SELECT ON TABLE api.request_sla TO reqstly_admin;


--
-- Name: FUNCTION set_waiting_on_requester(request_id bigint, waiting boolean); Type: ACL; Schema: api; Owner: -
--

REVOKE ALL ON FUNCTION api.set_waiting_on_requester(request_id bigint, waiting boolean) FROM PUBLIC;
GRANT ALL ON FUNCTION api.set_waiting_on_requester(request_id bigint, waiting boolean) TO web_user;
GRANT ALL ON FUNCTION api.set_waiting_on_requester(request_id bigint, waiting boolean) TO reqstly_admin;


--
-- Name: FUNCTION take_over_request(request_id bigint, from_assignee uuid); Type: ACL; Schema: api; Owner: -
--

REVOKE ALL ON FUNCTION api.take_over_request(request_id bigint, from_assignee uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION api.take_over_request(request_id bigint, from_assignee uuid) TO web_user;
GRANT ALL ON FUNCTION api.take_over_request(request_id bigint, from_assignee uuid) TO reqstly_admin;


--
-- Name: FUNCTION take_request(request_id bigint); Type: ACL; Schema: api; Owner: -
--

REVOKE ALL ON FUNCTION api.take_request(request_id bigint) FROM PUBLIC;
GRANT ALL ON FUNCTION api.take_request(request_id bigint) TO web_user;
GRANT ALL ON FUNCTION api.take_request(request_id bigint) TO reqstly_admin;


--
-- Name: FUNCTION transition_request(request_id bigint, to_status text, note text); Type: ACL; Schema: api; Owner: -
--

REVOKE ALL ON FUNCTION api.transition_request(request_id bigint, to_status text, note text) FROM PUBLIC;
GRANT ALL ON FUNCTION api.transition_request(request_id bigint, to_status text, note text) TO web_user;
GRANT ALL ON FUNCTION api.transition_request(request_id bigint, to_status text, note text) TO reqstly_admin;


--
-- Name: FUNCTION upload_attachment(bytea); Type: ACL; Schema: api; Owner: -
--

REVOKE ALL ON FUNCTION api.upload_attachment(bytea) FROM PUBLIC;
GRANT ALL ON FUNCTION api.upload_attachment(bytea) TO web_user;
GRANT ALL ON FUNCTION api.upload_attachment(bytea) TO reqstly_admin;


--
-- Name: FUNCTION verify_audit(request_id bigint); Type: ACL; Schema: api; Owner: -
--

REVOKE ALL ON FUNCTION api.verify_audit(request_id bigint) FROM PUBLIC;
GRANT ALL ON FUNCTION api.verify_audit(request_id bigint) TO web_user;
GRANT ALL ON FUNCTION api.verify_audit(request_id bigint) TO reqstly_admin;


--
-- Name: FUNCTION version(request api.requests); Type: ACL; Schema: api; Owner: -
--

REVOKE ALL ON FUNCTION api.version(request api.requests) FROM PUBLIC;
GRANT ALL ON FUNCTION api.version(request api.requests) TO web_user;
GRANT ALL ON FUNCTION api.version(request api.requests) TO reqstly_admin;


--
-- Name: FUNCTION acting_as_unmapped_superuser(); Type: ACL; Schema: app; Owner: -
--

REVOKE ALL ON FUNCTION app.acting_as_unmapped_superuser() FROM PUBLIC;


--
-- Name: FUNCTION acting_role(); Type: ACL; Schema: app; Owner: -
--

REVOKE ALL ON FUNCTION app.acting_role() FROM PUBLIC;


--
-- Name: FUNCTION add_business_seconds(start timestamp with time zone, seconds bigint); Type: ACL; Schema: app; Owner: -
--

REVOKE ALL ON FUNCTION app.add_business_seconds(start timestamp with time zone, seconds bigint) FROM PUBLIC;


--
-- Name: FUNCTION allowed_moves(from_status text, requester_id uuid, category text); Type: ACL; Schema: app; Owner: -
--

REVOKE ALL ON FUNCTION app.allowed_moves(from_status text, requester_id uuid, category text) FROM PUBLIC;
GRANT ALL ON FUNCTION app.allowed_moves(from_status text, requester_id uuid, category text) TO web_user;
GRANT ALL ON FUNCTION app.allowed_moves(from_status text, requester_id uuid, category text) TO reqstly_admin;


--
-- Name: FUNCTION append_audit(request_id bigint, action text, changes jsonb, internal boolean); Type: ACL; Schema: app; Owner: -
--

REVOKE ALL ON FUNCTION app.append_audit(request_id bigint, action text, changes jsonb, internal boolean) FROM PUBLIC;


--
-- Name: TABLE audit_log; Type: ACL; Schema: app; Owner: -
--

GRANT SELECT ON TABLE app.audit_log TO reqstly_admin;


--
-- Name: COLUMN audit_log.id; Type: ACL; Schema: app; Owner: -
--

GRANT SELECT(id) ON TABLE app.audit_log TO web_user;


--
-- Name: COLUMN audit_log.request_id; Type: ACL; Schema: app; Owner: -
--

GRANT SELECT(request_id) ON TABLE app.audit_log TO web_user;


--
-- Name: COLUMN audit_log.seq; Type: ACL; Schema: app; Owner: -
--

GRANT SELECT(seq) ON TABLE app.audit_log TO web_user;


--
-- Name: COLUMN audit_log.at; Type: ACL; Schema: app; Owner: -
--

GRANT SELECT(at) ON TABLE app.audit_log TO web_user;


--
-- Name: COLUMN audit_log.actor_id; Type: ACL; Schema: app; Owner: -
--

GRANT SELECT(actor_id) ON TABLE app.audit_log TO web_user;


--
-- Name: COLUMN audit_log.actor_role; Type: ACL; Schema: app; Owner: -
--

GRANT SELECT(actor_role) ON TABLE app.audit_log TO web_user;


--
-- Name: COLUMN audit_log.actor_name; Type: ACL; Schema: app; Owner: -
--

GRANT SELECT(actor_name) ON TABLE app.audit_log TO web_user;


--
-- Name: COLUMN audit_log.action; Type: ACL; Schema: app; Owner: -
--

GRANT SELECT(action) ON TABLE app.audit_log TO web_user;


--
-- Name: COLUMN audit_log.changes; Type: ACL; Schema: app; Owner: -
--

GRANT SELECT(changes) ON TABLE app.audit_log TO web_user;


--
-- Name: COLUMN audit_log.internal; Type: ACL; Schema: app; Owner: -
--

GRANT SELECT(internal) ON TABLE app.audit_log TO web_user;


--
-- Name: COLUMN audit_log.correlation_id; Type: ACL; Schema: app; Owner: -
--

GRANT SELECT(correlation_id) ON TABLE app.audit_log TO web_user;


--
-- Name: FUNCTION audit_entry_hash(entry app.audit_log); Type: ACL; Schema: app; Owner: -
--

REVOKE ALL ON FUNCTION app.audit_entry_hash(entry app.audit_log) FROM PUBLIC;


--
-- Name: FUNCTION base64url(data bytea); Type: ACL; Schema: app; Owner: -
--

REVOKE ALL ON FUNCTION app.base64url(data bytea) FROM PUBLIC;


--
-- Name: FUNCTION category_tallies(scope text, category text); Type: ACL; Schema: app; Owner: -
--

REVOKE ALL ON FUNCTION app.category_tallies(scope text, category text) FROM PUBLIC;
GRANT ALL ON FUNCTION app.category_tallies(scope text, category text) TO web_user;
GRANT ALL ON FUNCTION app.category_tallies(scope text, category text) TO reqstly_admin;


--
-- Name: FUNCTION change_marker(); Type: ACL; Schema: app; Owner: -
--

REVOKE ALL ON FUNCTION app.change_marker() FROM PUBLIC;
GRANT ALL ON FUNCTION app.change_marker() TO web_user;
GRANT ALL ON FUNCTION app.change_marker() TO reqstly_admin;


--
-- Name: FUNCTION create_admin_login(person uuid, role_name text); Type: ACL; Schema: app; Owner: -
--

REVOKE ALL ON FUNCTION app.create_admin_login(person uuid, role_name text) FROM PUBLIC;
GRANT ALL ON FUNCTION app.create_admin_login(person uuid, role_name text) TO reqstly_admin;


--
-- Name: FUNCTION create_number_sequence(code text, after integer); Type: ACL; Schema: app; Owner: -
--

REVOKE ALL ON FUNCTION app.create_number_sequence(code text, after integer) FROM PUBLIC;


--
-- Name: FUNCTION current_session_id(); Type: ACL; Schema: app; Owner: -
--

REVOKE ALL ON FUNCTION app.current_session_id() FROM PUBLIC;
GRANT ALL ON FUNCTION app.current_session_id() TO web_user;
GRANT ALL ON FUNCTION app.current_session_id() TO reqstly_admin;


--
-- Name: FUNCTION current_user_is_admin(); Type: ACL; Schema: app; Owner: -
--

REVOKE ALL ON FUNCTION app.current_user_is_admin() FROM PUBLIC;
GRANT ALL ON FUNCTION app.current_user_is_admin() TO web_user;
GRANT ALL ON FUNCTION app.current_user_is_admin() TO reqstly_admin;


--
-- Name: FUNCTION describe_moves(from_status text, requester_id uuid, category text); Type: ACL; Schema: app; Owner: -
--

REVOKE ALL ON FUNCTION app.describe_moves(from_status text, requester_id uuid, category text) FROM PUBLIC;


--
-- Name: FUNCTION detect_file_type(content bytea); Type: ACL; Schema: app; Owner: -
--

REVOKE ALL ON FUNCTION app.detect_file_type(content bytea) FROM PUBLIC;


--
-- Name: FUNCTION disable_person(person uuid); Type: ACL; Schema: app; Owner: -
--

REVOKE ALL ON FUNCTION app.disable_person(person uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION app.disable_person(person uuid) TO web_user;
GRANT ALL ON FUNCTION app.disable_person(person uuid) TO reqstly_admin;


--
-- Name: FUNCTION enable_person(person uuid); Type: ACL; Schema: app; Owner: -
--

REVOKE ALL ON FUNCTION app.enable_person(person uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION app.enable_person(person uuid) TO web_user;
GRANT ALL ON FUNCTION app.enable_person(person uuid) TO reqstly_admin;


--
-- Name: TABLE comments; Type: ACL; Schema: app; Owner: -
--

GRANT SELECT ON TABLE app.comments TO web_user;
GRANT SELECT ON TABLE app.comments TO reqstly_admin;


--
-- Name: COLUMN comments.request_id; Type: ACL; Schema: app; Owner: -
--

GRANT INSERT(request_id) ON TABLE app.comments TO web_user;
GRANT INSERT(request_id) ON TABLE app.comments TO reqstly_admin;


--
-- Name: COLUMN comments.body; Type: ACL; Schema: app; Owner: -
--

GRANT INSERT(body) ON TABLE app.comments TO web_user;
GRANT INSERT(body) ON TABLE app.comments TO reqstly_admin;


--
-- Name: COLUMN comments.internal; Type: ACL; Schema: app; Owner: -
--

GRANT INSERT(internal) ON TABLE app.comments TO web_user;
GRANT INSERT(internal) ON TABLE app.comments TO reqstly_admin;


--
-- Name: FUNCTION enqueue_notification(kind text, recipient uuid, request app.requests, comment app.comments, extra jsonb); Type: ACL; Schema: app; Owner: -
--

REVOKE ALL ON FUNCTION app.enqueue_notification(kind text, recipient uuid, request app.requests, comment app.comments, extra jsonb) FROM PUBLIC;


--
-- Name: FUNCTION enqueue_webhook(kind text, request app.requests); Type: ACL; Schema: app; Owner: -
--

REVOKE ALL ON FUNCTION app.enqueue_webhook(kind text, request app.requests) FROM PUBLIC;


--
-- Name: FUNCTION entra_rights_sync_of(person uuid); Type: ACL; Schema: app; Owner: -
--

REVOKE ALL ON FUNCTION app.entra_rights_sync_of(person uuid) FROM PUBLIC;


--
-- Name: FUNCTION hmac_sha256(key bytea, message bytea); Type: ACL; Schema: app; Owner: -
--

REVOKE ALL ON FUNCTION app.hmac_sha256(key bytea, message bytea) FROM PUBLIC;


--
-- Name: FUNCTION is_agent_of(person uuid, category_code text); Type: ACL; Schema: app; Owner: -
--

REVOKE ALL ON FUNCTION app.is_agent_of(person uuid, category_code text) FROM PUBLIC;


--
-- Name: FUNCTION log_rights_change(person uuid, change text, category text); Type: ACL; Schema: app; Owner: -
--

REVOKE ALL ON FUNCTION app.log_rights_change(person uuid, change text, category text) FROM PUBLIC;


--
-- Name: FUNCTION max_concurrent_calls(); Type: ACL; Schema: app; Owner: -
--

REVOKE ALL ON FUNCTION app.max_concurrent_calls() FROM PUBLIC;


--
-- Name: FUNCTION max_concurrent_searches(); Type: ACL; Schema: app; Owner: -
--

REVOKE ALL ON FUNCTION app.max_concurrent_searches() FROM PUBLIC;


--
-- Name: FUNCTION move_request_category(request_id bigint, category text); Type: ACL; Schema: app; Owner: -
--

REVOKE ALL ON FUNCTION app.move_request_category(request_id bigint, category text) FROM PUBLIC;
GRANT ALL ON FUNCTION app.move_request_category(request_id bigint, category text) TO web_user;
GRANT ALL ON FUNCTION app.move_request_category(request_id bigint, category text) TO reqstly_admin;


--
-- Name: FUNCTION name_vector(display_name text); Type: ACL; Schema: app; Owner: -
--

REVOKE ALL ON FUNCTION app.name_vector(display_name text) FROM PUBLIC;
GRANT ALL ON FUNCTION app.name_vector(display_name text) TO web_user;
GRANT ALL ON FUNCTION app.name_vector(display_name text) TO reqstly_admin;


--
-- Name: FUNCTION next_digest_at(); Type: ACL; Schema: app; Owner: -
--

REVOKE ALL ON FUNCTION app.next_digest_at() FROM PUBLIC;


--
-- Name: FUNCTION notification_delivery(person uuid, kind text); Type: ACL; Schema: app; Owner: -
--

REVOKE ALL ON FUNCTION app.notification_delivery(person uuid, kind text) FROM PUBLIC;


--
-- Name: FUNCTION percent_decode(value text); Type: ACL; Schema: app; Owner: -
--

REVOKE ALL ON FUNCTION app.percent_decode(value text) FROM PUBLIC;
GRANT ALL ON FUNCTION app.percent_decode(value text) TO web_user;
GRANT ALL ON FUNCTION app.percent_decode(value text) TO reqstly_admin;


--
-- Name: FUNCTION percent_encode(value text); Type: ACL; Schema: app; Owner: -
--

REVOKE ALL ON FUNCTION app.percent_encode(value text) FROM PUBLIC;
GRANT ALL ON FUNCTION app.percent_encode(value text) TO web_user;
GRANT ALL ON FUNCTION app.percent_encode(value text) TO reqstly_admin;


--
-- Name: FUNCTION person_can_read_comment(person uuid, request_requester uuid, request_category text, comment_internal boolean); Type: ACL; Schema: app; Owner: -
--

REVOKE ALL ON FUNCTION app.person_can_read_comment(person uuid, request_requester uuid, request_category text, comment_internal boolean) FROM PUBLIC;


--
-- Name: FUNCTION person_can_read_request(person uuid, request_requester uuid, request_category text); Type: ACL; Schema: app; Owner: -
--

REVOKE ALL ON FUNCTION app.person_can_read_request(person uuid, request_requester uuid, request_category text) FROM PUBLIC;


--
-- Name: FUNCTION raise_no_visible_request(request_id bigint); Type: ACL; Schema: app; Owner: -
--

REVOKE ALL ON FUNCTION app.raise_no_visible_request(request_id bigint) FROM PUBLIC;
GRANT ALL ON FUNCTION app.raise_no_visible_request(request_id bigint) TO web_user;
GRANT ALL ON FUNCTION app.raise_no_visible_request(request_id bigint) TO reqstly_admin;


--
-- Name: FUNCTION rate_resolution(request_id bigint, score integer, comment text); Type: ACL; Schema: app; Owner: -
--

REVOKE ALL ON FUNCTION app.rate_resolution(request_id bigint, score integer, comment text) FROM PUBLIC;
GRANT ALL ON FUNCTION app.rate_resolution(request_id bigint, score integer, comment text) TO web_user;
GRANT ALL ON FUNCTION app.rate_resolution(request_id bigint, score integer, comment text) TO reqstly_admin;


--
-- Name: FUNCTION rebuild_request_tallies(); Type: ACL; Schema: app; Owner: -
--

REVOKE ALL ON FUNCTION app.rebuild_request_tallies() FROM PUBLIC;


--
-- Name: FUNCTION refuse_change_of_entra_rights(person uuid); Type: ACL; Schema: app; Owner: -
--

REVOKE ALL ON FUNCTION app.refuse_change_of_entra_rights(person uuid) FROM PUBLIC;


--
-- Name: FUNCTION request_changed_fields(old_row app.requests, new_row app.requests); Type: ACL; Schema: app; Owner: -
--

REVOKE ALL ON FUNCTION app.request_changed_fields(old_row app.requests, new_row app.requests) FROM PUBLIC;


--
-- Name: FUNCTION request_counts(); Type: ACL; Schema: app; Owner: -
--

REVOKE ALL ON FUNCTION app.request_counts() FROM PUBLIC;
GRANT ALL ON FUNCTION app.request_counts() TO web_user;
GRANT ALL ON FUNCTION app.request_counts() TO reqstly_admin;


--
-- Name: FUNCTION request_filter(q text, scope text, category text, status text, priority text); Type: ACL; Schema: app; Owner: -
--

REVOKE ALL ON FUNCTION app.request_filter(q text, scope text, category text, status text, priority text) FROM PUBLIC;
GRANT ALL ON FUNCTION app.request_filter(q text, scope text, category text, status text, priority text) TO web_user;
GRANT ALL ON FUNCTION app.request_filter(q text, scope text, category text, status text, priority text) TO reqstly_admin;


--
-- Name: FUNCTION require_admin(); Type: ACL; Schema: app; Owner: -
--

REVOKE ALL ON FUNCTION app.require_admin() FROM PUBLIC;


--
-- Name: FUNCTION require_visible_request(request_id bigint); Type: ACL; Schema: app; Owner: -
--

REVOKE ALL ON FUNCTION app.require_visible_request(request_id bigint) FROM PUBLIC;
GRANT ALL ON FUNCTION app.require_visible_request(request_id bigint) TO web_user;
GRANT ALL ON FUNCTION app.require_visible_request(request_id bigint) TO reqstly_admin;


--
-- Name: FUNCTION revoke_sessions_of(person uuid, reason text, except_session uuid); Type: ACL; Schema: app; Owner: -
--

REVOKE ALL ON FUNCTION app.revoke_sessions_of(person uuid, reason text, except_session uuid) FROM PUBLIC;


--
-- Name: FUNCTION revoke_sessions_of_caller(reason text, except_session uuid); Type: ACL; Schema: app; Owner: -
--

REVOKE ALL ON FUNCTION app.revoke_sessions_of_caller(reason text, except_session uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION app.revoke_sessions_of_caller(reason text, except_session uuid) TO web_user;


--
-- Name: FUNCTION search_candidates(q text); Type: ACL; Schema: app; Owner: -
--

REVOKE ALL ON FUNCTION app.search_candidates(q text) FROM PUBLIC;
GRANT ALL ON FUNCTION app.search_candidates(q text) TO web_user;
GRANT ALL ON FUNCTION app.search_candidates(q text) TO reqstly_admin;


--
-- Name: FUNCTION search_input(q text); Type: ACL; Schema: app; Owner: -
--

REVOKE ALL ON FUNCTION app.search_input(q text) FROM PUBLIC;
GRANT ALL ON FUNCTION app.search_input(q text) TO web_user;
GRANT ALL ON FUNCTION app.search_input(q text) TO reqstly_admin;


--
-- Name: FUNCTION search_query(q text); Type: ACL; Schema: app; Owner: -
--

REVOKE ALL ON FUNCTION app.search_query(q text) FROM PUBLIC;


--
-- Name: FUNCTION search_request_ids(q text); Type: ACL; Schema: app; Owner: -
--

REVOKE ALL ON FUNCTION app.search_request_ids(q text) FROM PUBLIC;
GRANT ALL ON FUNCTION app.search_request_ids(q text) TO web_user;
GRANT ALL ON FUNCTION app.search_request_ids(q text) TO reqstly_admin;


--
-- Name: FUNCTION search_vector(title text, description text); Type: ACL; Schema: app; Owner: -
--

REVOKE ALL ON FUNCTION app.search_vector(title text, description text) FROM PUBLIC;
GRANT ALL ON FUNCTION app.search_vector(title text, description text) TO web_user;
GRANT ALL ON FUNCTION app.search_vector(title text, description text) TO reqstly_admin;


--
-- Name: FUNCTION set_admin(person uuid, make_admin boolean); Type: ACL; Schema: app; Owner: -
--

REVOKE ALL ON FUNCTION app.set_admin(person uuid, make_admin boolean) FROM PUBLIC;
GRANT ALL ON FUNCTION app.set_admin(person uuid, make_admin boolean) TO web_user;
GRANT ALL ON FUNCTION app.set_admin(person uuid, make_admin boolean) TO reqstly_admin;


--
-- Name: FUNCTION set_request_status(request_id bigint, to_status text, note text); Type: ACL; Schema: app; Owner: -
--

REVOKE ALL ON FUNCTION app.set_request_status(request_id bigint, to_status text, note text) FROM PUBLIC;
GRANT ALL ON FUNCTION app.set_request_status(request_id bigint, to_status text, note text) TO web_user;
GRANT ALL ON FUNCTION app.set_request_status(request_id bigint, to_status text, note text) TO reqstly_admin;


--
-- Name: FUNCTION set_waiting_on_requester(request_id bigint, waiting boolean); Type: ACL; Schema: app; Owner: -
--

REVOKE ALL ON FUNCTION app.set_waiting_on_requester(request_id bigint, waiting boolean) FROM PUBLIC;
GRANT ALL ON FUNCTION app.set_waiting_on_requester(request_id bigint, waiting boolean) TO web_user;
GRANT ALL ON FUNCTION app.set_waiting_on_requester(request_id bigint, waiting boolean) TO reqstly_admin;


--
-- Name: FUNCTION sla_refresh(request_id bigint); Type: ACL; Schema: app; Owner: -
--

REVOKE ALL ON FUNCTION app.sla_refresh(request_id bigint) FROM PUBLIC;


--
-- Name: FUNCTION status_is_closed(status text); Type: ACL; Schema: app; Owner: -
--

REVOKE ALL ON FUNCTION app.status_is_closed(status text) FROM PUBLIC;
GRANT ALL ON FUNCTION app.status_is_closed(status text) TO monitoring;


--
-- Name: FUNCTION status_label(status text); Type: ACL; Schema: app; Owner: -
--

REVOKE ALL ON FUNCTION app.status_label(status text) FROM PUBLIC;


--
-- Name: FUNCTION take_call_slot(person uuid); Type: ACL; Schema: app; Owner: -
--

REVOKE ALL ON FUNCTION app.take_call_slot(person uuid) FROM PUBLIC;


--
-- Name: FUNCTION take_notifications(candidates bigint[], lease_seconds integer); Type: ACL; Schema: app; Owner: -
--

REVOKE ALL ON FUNCTION app.take_notifications(candidates bigint[], lease_seconds integer) FROM PUBLIC;


--
-- Name: FUNCTION tg__append_only(); Type: ACL; Schema: app; Owner: -
--

REVOKE ALL ON FUNCTION app.tg__append_only() FROM PUBLIC;


--
-- Name: FUNCTION tg__set_updated_at(); Type: ACL; Schema: app; Owner: -
--

REVOKE ALL ON FUNCTION app.tg__set_updated_at() FROM PUBLIC;


--
-- Name: FUNCTION tg__sla_recompute_all(); Type: ACL; Schema: app; Owner: -
--

REVOKE ALL ON FUNCTION app.tg__sla_recompute_all() FROM PUBLIC;


--
-- Name: FUNCTION tg_attachments__audit(); Type: ACL; Schema: app; Owner: -
--

REVOKE ALL ON FUNCTION app.tg_attachments__audit() FROM PUBLIC;


--
-- Name: FUNCTION tg_attachments__immutable(); Type: ACL; Schema: app; Owner: -
--

REVOKE ALL ON FUNCTION app.tg_attachments__immutable() FROM PUBLIC;


--
-- Name: FUNCTION tg_attachments__set_defaults(); Type: ACL; Schema: app; Owner: -
--

REVOKE ALL ON FUNCTION app.tg_attachments__set_defaults() FROM PUBLIC;


--
-- Name: FUNCTION tg_categories__number_sequence(); Type: ACL; Schema: app; Owner: -
--

REVOKE ALL ON FUNCTION app.tg_categories__number_sequence() FROM PUBLIC;


--
-- Name: FUNCTION tg_comments__audit(); Type: ACL; Schema: app; Owner: -
--

REVOKE ALL ON FUNCTION app.tg_comments__audit() FROM PUBLIC;


--
-- Name: FUNCTION tg_comments__notify(); Type: ACL; Schema: app; Owner: -
--

REVOKE ALL ON FUNCTION app.tg_comments__notify() FROM PUBLIC;


--
-- Name: FUNCTION tg_comments__require_visible_request(); Type: ACL; Schema: app; Owner: -
--

REVOKE ALL ON FUNCTION app.tg_comments__require_visible_request() FROM PUBLIC;


--
-- Name: FUNCTION tg_comments__set_defaults(); Type: ACL; Schema: app; Owner: -
--

REVOKE ALL ON FUNCTION app.tg_comments__set_defaults() FROM PUBLIC;


--
-- Name: FUNCTION tg_comments__sla(); Type: ACL; Schema: app; Owner: -
--

REVOKE ALL ON FUNCTION app.tg_comments__sla() FROM PUBLIC;


--
-- Name: FUNCTION tg_comments__touch_request(); Type: ACL; Schema: app; Owner: -
--

REVOKE ALL ON FUNCTION app.tg_comments__touch_request() FROM PUBLIC;


--
-- Name: FUNCTION tg_notifications__wake_worker(); Type: ACL; Schema: app; Owner: -
--

REVOKE ALL ON FUNCTION app.tg_notifications__wake_worker() FROM PUBLIC;


--
-- Name: FUNCTION tg_requests__assignee_visible(); Type: ACL; Schema: app; Owner: -
--

REVOKE ALL ON FUNCTION app.tg_requests__assignee_visible() FROM PUBLIC;


--
-- Name: FUNCTION tg_requests__audit(); Type: ACL; Schema: app; Owner: -
--

REVOKE ALL ON FUNCTION app.tg_requests__audit() FROM PUBLIC;


--
-- Name: FUNCTION tg_requests__bump_version(); Type: ACL; Schema: app; Owner: -
--

REVOKE ALL ON FUNCTION app.tg_requests__bump_version() FROM PUBLIC;


--
-- Name: FUNCTION tg_requests__check_version(); Type: ACL; Schema: app; Owner: -
--

REVOKE ALL ON FUNCTION app.tg_requests__check_version() FROM PUBLIC;


--
-- Name: FUNCTION tg_requests__enforce_rules(); Type: ACL; Schema: app; Owner: -
--

REVOKE ALL ON FUNCTION app.tg_requests__enforce_rules() FROM PUBLIC;


--
-- Name: FUNCTION tg_requests__notify(); Type: ACL; Schema: app; Owner: -
--

REVOKE ALL ON FUNCTION app.tg_requests__notify() FROM PUBLIC;


--
-- Name: FUNCTION tg_requests__set_defaults(); Type: ACL; Schema: app; Owner: -
--

REVOKE ALL ON FUNCTION app.tg_requests__set_defaults() FROM PUBLIC;


--
-- Name: FUNCTION tg_requests__sla(); Type: ACL; Schema: app; Owner: -
--

REVOKE ALL ON FUNCTION app.tg_requests__sla() FROM PUBLIC;


--
-- Name: FUNCTION tg_requests__tally(); Type: ACL; Schema: app; Owner: -
--

REVOKE ALL ON FUNCTION app.tg_requests__tally() FROM PUBLIC;


--
-- Name: FUNCTION tg_requests__validate(); Type: ACL; Schema: app; Owner: -
--

REVOKE ALL ON FUNCTION app.tg_requests__validate() FROM PUBLIC;


--
-- Name: FUNCTION tg_sla_settings__validate(); Type: ACL; Schema: app; Owner: -
--

REVOKE ALL ON FUNCTION app.tg_sla_settings__validate() FROM PUBLIC;


--
-- Name: FUNCTION tg_team_members__guard_entra_rights(); Type: ACL; Schema: app; Owner: -
--

REVOKE ALL ON FUNCTION app.tg_team_members__guard_entra_rights() FROM PUBLIC;


--
-- Name: FUNCTION tg_team_members__log(); Type: ACL; Schema: app; Owner: -
--

REVOKE ALL ON FUNCTION app.tg_team_members__log() FROM PUBLIC;


--
-- Name: FUNCTION tg_team_members__require_admin(); Type: ACL; Schema: app; Owner: -
--

REVOKE ALL ON FUNCTION app.tg_team_members__require_admin() FROM PUBLIC;


--
-- Name: FUNCTION tg_users__guard_entra_rights(); Type: ACL; Schema: app; Owner: -
--

REVOKE ALL ON FUNCTION app.tg_users__guard_entra_rights() FROM PUBLIC;


--
-- Name: FUNCTION tg_users__log_rights(); Type: ACL; Schema: app; Owner: -
--

REVOKE ALL ON FUNCTION app.tg_users__log_rights() FROM PUBLIC;


--
-- Name: FUNCTION unsubscribe_token(person uuid, kind text); Type: ACL; Schema: app; Owner: -
--

REVOKE ALL ON FUNCTION app.unsubscribe_token(person uuid, kind text) FROM PUBLIC;


--
-- Name: FUNCTION update_at_version(request_id bigint, expected_version integer, changes jsonb); Type: ACL; Schema: app; Owner: -
--

REVOKE ALL ON FUNCTION app.update_at_version(request_id bigint, expected_version integer, changes jsonb) FROM PUBLIC;
GRANT ALL ON FUNCTION app.update_at_version(request_id bigint, expected_version integer, changes jsonb) TO web_user;
GRANT ALL ON FUNCTION app.update_at_version(request_id bigint, expected_version integer, changes jsonb) TO reqstly_admin;


--
-- Name: FUNCTION verify_audit_chain(request_id bigint); Type: ACL; Schema: app; Owner: -
--

REVOKE ALL ON FUNCTION app.verify_audit_chain(request_id bigint) FROM PUBLIC;
GRANT ALL ON FUNCTION app.verify_audit_chain(request_id bigint) TO web_user;
GRANT ALL ON FUNCTION app.verify_audit_chain(request_id bigint) TO reqstly_admin;


--
-- Name: FUNCTION words_list(words text[]); Type: ACL; Schema: app; Owner: -
--

REVOKE ALL ON FUNCTION app.words_list(words text[]) FROM PUBLIC;


--
-- Name: FUNCTION active_session_counts(); Type: ACL; Schema: auth; Owner: -
--

REVOKE ALL ON FUNCTION auth.active_session_counts() FROM PUBLIC;
GRANT ALL ON FUNCTION auth.active_session_counts() TO authsvc;


--
-- Name: FUNCTION add_passkey(person uuid, credential_id bytea, public_key bytea, sign_count bigint, transports text[], aaguid uuid, backup_eligible boolean, backed_up boolean, name text); Type: ACL; Schema: auth; Owner: -
--

REVOKE ALL ON FUNCTION auth.add_passkey(person uuid, credential_id bytea, public_key bytea, sign_count bigint, transports text[], aaguid uuid, backup_eligible boolean, backed_up boolean, name text) FROM PUBLIC;
GRANT ALL ON FUNCTION auth.add_passkey(person uuid, credential_id bytea, public_key bytea, sign_count bigint, transports text[], aaguid uuid, backup_eligible boolean, backed_up boolean, name text) TO authsvc;


--
-- Name: FUNCTION begin_signin(state_hash bytea, lifetime interval); Type: ACL; Schema: auth; Owner: -
--

REVOKE ALL ON FUNCTION auth.begin_signin(state_hash bytea, lifetime interval) FROM PUBLIC;
GRANT ALL ON FUNCTION auth.begin_signin(state_hash bytea, lifetime interval) TO authsvc;


--
-- Name: FUNCTION consume_signin(state_hash bytea); Type: ACL; Schema: auth; Owner: -
--

REVOKE ALL ON FUNCTION auth.consume_signin(state_hash bytea) FROM PUBLIC;
GRANT ALL ON FUNCTION auth.consume_signin(state_hash bytea) TO authsvc;


--
-- Name: FUNCTION consume_webauthn_challenge(challenge bytea, binding_hash bytea, purpose text); Type: ACL; Schema: auth; Owner: -
--

REVOKE ALL ON FUNCTION auth.consume_webauthn_challenge(challenge bytea, binding_hash bytea, purpose text) FROM PUBLIC;
GRANT ALL ON FUNCTION auth.consume_webauthn_challenge(challenge bytea, binding_hash bytea, purpose text) TO authsvc;


--
-- Name: FUNCTION delete_expired_sign_in_rows(login_events_kept interval, ended_sessions_kept interval, at timestamp with time zone); Type: ACL; Schema: auth; Owner: -
--

REVOKE ALL ON FUNCTION auth.delete_expired_sign_in_rows(login_events_kept interval, ended_sessions_kept interval, at timestamp with time zone) FROM PUBLIC;
GRANT ALL ON FUNCTION auth.delete_expired_sign_in_rows(login_events_kept interval, ended_sessions_kept interval, at timestamp with time zone) TO authsvc;


--
-- Name: FUNCTION end_session(token_hash bytea, reason text); Type: ACL; Schema: auth; Owner: -
--

REVOKE ALL ON FUNCTION auth.end_session(token_hash bytea, reason text) FROM PUBLIC;
GRANT ALL ON FUNCTION auth.end_session(token_hash bytea, reason text) TO authsvc;


--
-- Name: FUNCTION issue_webauthn_challenge(challenge bytea, binding_hash bytea, purpose text, person uuid, lifetime interval); Type: ACL; Schema: auth; Owner: -
--

REVOKE ALL ON FUNCTION auth.issue_webauthn_challenge(challenge bytea, binding_hash bytea, purpose text, person uuid, lifetime interval) FROM PUBLIC;
GRANT ALL ON FUNCTION auth.issue_webauthn_challenge(challenge bytea, binding_hash bytea, purpose text, person uuid, lifetime interval) TO authsvc;


--
-- Name: FUNCTION passkey_descriptors(person uuid); Type: ACL; Schema: auth; Owner: -
--

REVOKE ALL ON FUNCTION auth.passkey_descriptors(person uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION auth.passkey_descriptors(person uuid) TO authsvc;


--
-- Name: FUNCTION passkey_for_sign_in(credential_id bytea); Type: ACL; Schema: auth; Owner: -
--

REVOKE ALL ON FUNCTION auth.passkey_for_sign_in(credential_id bytea) FROM PUBLIC;
GRANT ALL ON FUNCTION auth.passkey_for_sign_in(credential_id bytea) TO authsvc;


--
-- Name: FUNCTION rate_limit_check(bucket text, window_seconds integer, max_hits integer); Type: ACL; Schema: auth; Owner: -
--

REVOKE ALL ON FUNCTION auth.rate_limit_check(bucket text, window_seconds integer, max_hits integer) FROM PUBLIC;
GRANT ALL ON FUNCTION auth.rate_limit_check(bucket text, window_seconds integer, max_hits integer) TO authsvc;


--
-- Name: FUNCTION rate_limit_hit(bucket text, window_seconds integer, max_hits integer); Type: ACL; Schema: auth; Owner: -
--

REVOKE ALL ON FUNCTION auth.rate_limit_hit(bucket text, window_seconds integer, max_hits integer) FROM PUBLIC;
GRANT ALL ON FUNCTION auth.rate_limit_hit(bucket text, window_seconds integer, max_hits integer) TO authsvc;


--
-- Name: FUNCTION rate_limit_seconds_left(started timestamp with time zone, window_seconds integer); Type: ACL; Schema: auth; Owner: -
--

REVOKE ALL ON FUNCTION auth.rate_limit_seconds_left(started timestamp with time zone, window_seconds integer) FROM PUBLIC;


--
-- Name: FUNCTION rate_limit_window_start(window_seconds integer); Type: ACL; Schema: auth; Owner: -
--

REVOKE ALL ON FUNCTION auth.rate_limit_window_start(window_seconds integer) FROM PUBLIC;


--
-- Name: FUNCTION record_login_event(person uuid, method text, result text, reason text, ip inet, user_agent text, correlation_id text); Type: ACL; Schema: auth; Owner: -
--

REVOKE ALL ON FUNCTION auth.record_login_event(person uuid, method text, result text, reason text, ip inet, user_agent text, correlation_id text) FROM PUBLIC;
GRANT ALL ON FUNCTION auth.record_login_event(person uuid, method text, result text, reason text, ip inet, user_agent text, correlation_id text) TO authsvc;


--
-- Name: FUNCTION require_authsvc(); Type: ACL; Schema: auth; Owner: -
--

REVOKE ALL ON FUNCTION auth.require_authsvc() FROM PUBLIC;


--
-- Name: COLUMN sessions.id; Type: ACL; Schema: auth; Owner: -
--

GRANT SELECT(id) ON TABLE auth.sessions TO web_user;


--
-- Name: COLUMN sessions.user_id; Type: ACL; Schema: auth; Owner: -
--

GRANT SELECT(user_id) ON TABLE auth.sessions TO web_user;


--
-- Name: COLUMN sessions.method; Type: ACL; Schema: auth; Owner: -
--

GRANT SELECT(method) ON TABLE auth.sessions TO web_user;


--
-- Name: COLUMN sessions.created_at; Type: ACL; Schema: auth; Owner: -
--

GRANT SELECT(created_at) ON TABLE auth.sessions TO web_user;


--
-- Name: COLUMN sessions.last_seen_at; Type: ACL; Schema: auth; Owner: -
--

GRANT SELECT(last_seen_at) ON TABLE auth.sessions TO web_user;


--
-- Name: COLUMN sessions.expires_at; Type: ACL; Schema: auth; Owner: -
--

GRANT SELECT(expires_at) ON TABLE auth.sessions TO web_user;


--
-- Name: COLUMN sessions.idle_timeout; Type: ACL; Schema: auth; Owner: -
--

GRANT SELECT(idle_timeout) ON TABLE auth.sessions TO web_user;


--
-- Name: COLUMN sessions.revoked_at; Type: ACL; Schema: auth; Owner: -
--

GRANT SELECT(revoked_at),UPDATE(revoked_at) ON TABLE auth.sessions TO web_user;


--
-- Name: COLUMN sessions.revoked_reason; Type: ACL; Schema: auth; Owner: -
--

GRANT UPDATE(revoked_reason) ON TABLE auth.sessions TO web_user;


--
-- Name: COLUMN sessions.user_agent; Type: ACL; Schema: auth; Owner: -
--

GRANT SELECT(user_agent) ON TABLE auth.sessions TO web_user;


--
-- Name: FUNCTION session_is_live(s auth.sessions, at timestamp with time zone); Type: ACL; Schema: auth; Owner: -
--

REVOKE ALL ON FUNCTION auth.session_is_live(s auth.sessions, at timestamp with time zone) FROM PUBLIC;


--
-- Name: FUNCTION session_is_live(revoked_at timestamp with time zone, expires_at timestamp with time zone, last_seen_at timestamp with time zone, idle_timeout interval, at timestamp with time zone); Type: ACL; Schema: auth; Owner: -
--

REVOKE ALL ON FUNCTION auth.session_is_live(revoked_at timestamp with time zone, expires_at timestamp with time zone, last_seen_at timestamp with time zone, idle_timeout interval, at timestamp with time zone) FROM PUBLIC;
GRANT ALL ON FUNCTION auth.session_is_live(revoked_at timestamp with time zone, expires_at timestamp with time zone, last_seen_at timestamp with time zone, idle_timeout interval, at timestamp with time zone) TO web_user;


--
-- Name: FUNCTION start_session(person uuid, token_hash bytea, sign_in_method text, idle_timeout interval, absolute_timeout interval, user_agent text); Type: ACL; Schema: auth; Owner: -
--

REVOKE ALL ON FUNCTION auth.start_session(person uuid, token_hash bytea, sign_in_method text, idle_timeout interval, absolute_timeout interval, user_agent text) FROM PUBLIC;
GRANT ALL ON FUNCTION auth.start_session(person uuid, token_hash bytea, sign_in_method text, idle_timeout interval, absolute_timeout interval, user_agent text) TO authsvc;


--
-- Name: FUNCTION tg_passkeys__end_other_sessions(); Type: ACL; Schema: auth; Owner: -
--

REVOKE ALL ON FUNCTION auth.tg_passkeys__end_other_sessions() FROM PUBLIC;


--
-- Name: FUNCTION tg_passkeys__validate(); Type: ACL; Schema: auth; Owner: -
--

REVOKE ALL ON FUNCTION auth.tg_passkeys__validate() FROM PUBLIC;


--
-- Name: FUNCTION unsubscribe(token text, apply boolean); Type: ACL; Schema: auth; Owner: -
--

REVOKE ALL ON FUNCTION auth.unsubscribe(token text, apply boolean) FROM PUBLIC;
GRANT ALL ON FUNCTION auth.unsubscribe(token text, apply boolean) TO authsvc;


--
-- Name: FUNCTION upsert_azure_person(tenant_id uuid, object_id uuid, display_name text, email text, manage_rights boolean, is_admin boolean, agent_categories text[]); Type: ACL; Schema: auth; Owner: -
--

REVOKE ALL ON FUNCTION auth.upsert_azure_person(tenant_id uuid, object_id uuid, display_name text, email text, manage_rights boolean, is_admin boolean, agent_categories text[]) FROM PUBLIC;
GRANT ALL ON FUNCTION auth.upsert_azure_person(tenant_id uuid, object_id uuid, display_name text, email text, manage_rights boolean, is_admin boolean, agent_categories text[]) TO authsvc;


--
-- Name: FUNCTION use_passkey(passkey_id uuid, new_sign_count bigint, backed_up boolean); Type: ACL; Schema: auth; Owner: -
--

REVOKE ALL ON FUNCTION auth.use_passkey(passkey_id uuid, new_sign_count bigint, backed_up boolean) FROM PUBLIC;
GRANT ALL ON FUNCTION auth.use_passkey(passkey_id uuid, new_sign_count bigint, backed_up boolean) TO authsvc;


--
-- Name: FUNCTION use_session(token_hash bytea, touch boolean); Type: ACL; Schema: auth; Owner: -
--

REVOKE ALL ON FUNCTION auth.use_session(token_hash bytea, touch boolean) FROM PUBLIC;
GRANT ALL ON FUNCTION auth.use_session(token_hash bytea, touch boolean) TO authsvc;


--
-- Name: FUNCTION webauthn_user(person uuid, proposed bytea); Type: ACL; Schema: auth; Owner: -
--

REVOKE ALL ON FUNCTION auth.webauthn_user(person uuid, proposed bytea) FROM PUBLIC;
GRANT ALL ON FUNCTION auth.webauthn_user(person uuid, proposed bytea) TO authsvc;


--
-- Name: FUNCTION active_sessions_by_method(); Type: ACL; Schema: metrics; Owner: -
--

REVOKE ALL ON FUNCTION metrics.active_sessions_by_method() FROM PUBLIC;
GRANT ALL ON FUNCTION metrics.active_sessions_by_method() TO monitoring;


--
-- Name: FUNCTION claim(batch integer, lease_seconds integer); Type: ACL; Schema: notify; Owner: -
--

REVOKE ALL ON FUNCTION notify.claim(batch integer, lease_seconds integer) FROM PUBLIC;
GRANT ALL ON FUNCTION notify.claim(batch integer, lease_seconds integer) TO notifier;


--
-- Name: FUNCTION claim_digest(lease_seconds integer); Type: ACL; Schema: notify; Owner: -
--

REVOKE ALL ON FUNCTION notify.claim_digest(lease_seconds integer) FROM PUBLIC;
GRANT ALL ON FUNCTION notify.claim_digest(lease_seconds integer) TO notifier;


--
-- Name: FUNCTION queue_stats(); Type: ACL; Schema: notify; Owner: -
--

REVOKE ALL ON FUNCTION notify.queue_stats() FROM PUBLIC;
GRANT ALL ON FUNCTION notify.queue_stats() TO notifier;


--
-- Name: FUNCTION record_failure(id bigint, error text, permanent boolean, max_attempts integer, retry_in_seconds double precision); Type: ACL; Schema: notify; Owner: -
--

REVOKE ALL ON FUNCTION notify.record_failure(id bigint, error text, permanent boolean, max_attempts integer, retry_in_seconds double precision) FROM PUBLIC;
GRANT ALL ON FUNCTION notify.record_failure(id bigint, error text, permanent boolean, max_attempts integer, retry_in_seconds double precision) TO notifier;


--
-- Name: FUNCTION record_sent(ids bigint[]); Type: ACL; Schema: notify; Owner: -
--

REVOKE ALL ON FUNCTION notify.record_sent(ids bigint[]) FROM PUBLIC;
GRANT ALL ON FUNCTION notify.record_sent(ids bigint[]) TO notifier;


--
-- Name: FUNCTION unaccent(text); Type: ACL; Schema: text_search; Owner: -
--

REVOKE ALL ON FUNCTION text_search.unaccent(text) FROM PUBLIC;


--
-- Name: FUNCTION unaccent(regdictionary, text); Type: ACL; Schema: text_search; Owner: -
--

REVOKE ALL ON FUNCTION text_search.unaccent(regdictionary, text) FROM PUBLIC;


--
-- Name: FUNCTION unaccent_init(internal); Type: ACL; Schema: text_search; Owner: -
--

REVOKE ALL ON FUNCTION text_search.unaccent_init(internal) FROM PUBLIC;


--
-- Name: FUNCTION unaccent_lexize(internal, internal, internal, internal); Type: ACL; Schema: text_search; Owner: -
--

REVOKE ALL ON FUNCTION text_search.unaccent_lexize(internal, internal, internal, internal) FROM PUBLIC;


--
-- Name: TABLE categories; Type: ACL; Schema: app; Owner: -
--

GRANT SELECT ON TABLE app.categories TO reqstly_admin;


--
-- Name: COLUMN categories.code; Type: ACL; Schema: app; Owner: -
--

GRANT SELECT(code) ON TABLE app.categories TO web_user;


--
-- Name: COLUMN categories.name; Type: ACL; Schema: app; Owner: -
--

GRANT SELECT(name) ON TABLE app.categories TO web_user;


--
-- Name: COLUMN categories.key_prefix; Type: ACL; Schema: app; Owner: -
--

GRANT SELECT(key_prefix) ON TABLE app.categories TO web_user;


--
-- Name: TABLE categories; Type: ACL; Schema: api; Owner: -
--

GRANT SELECT ON TABLE api.categories TO web_user;
GRANT SELECT ON TABLE api.categories TO reqstly_admin;


--
-- Name: TABLE comments; Type: ACL; Schema: api; Owner: -
--

GRANT SELECT ON TABLE api.comments TO web_user;
GRANT SELECT ON TABLE api.comments TO reqstly_admin;


--
-- Name: COLUMN comments.request_id; Type: ACL; Schema: api; Owner: -
--

GRANT INSERT(request_id) ON TABLE api.comments TO web_user;
GRANT INSERT(request_id) ON TABLE api.comments TO reqstly_admin;


--
-- Name: COLUMN comments.body; Type: ACL; Schema: api; Owner: -
--

GRANT INSERT(body) ON TABLE api.comments TO web_user;
GRANT INSERT(body) ON TABLE api.comments TO reqstly_admin;


--
-- Name: COLUMN comments.internal; Type: ACL; Schema: api; Owner: -
--

GRANT INSERT(internal) ON TABLE api.comments TO web_user;
GRANT INSERT(internal) ON TABLE api.comments TO reqstly_admin;


--
-- Name: TABLE users; Type: ACL; Schema: app; Owner: -
--

GRANT SELECT ON TABLE app.users TO reqstly_admin;


--
-- Name: COLUMN users.id; Type: ACL; Schema: app; Owner: -
--

GRANT SELECT(id) ON TABLE app.users TO web_user;


--
-- Name: COLUMN users.display_name; Type: ACL; Schema: app; Owner: -
--

GRANT SELECT(display_name) ON TABLE app.users TO web_user;
GRANT UPDATE(display_name) ON TABLE app.users TO reqstly_admin;


--
-- Name: COLUMN users.email; Type: ACL; Schema: app; Owner: -
--

GRANT SELECT(email) ON TABLE app.users TO web_user;


--
-- Name: COLUMN users.is_admin; Type: ACL; Schema: app; Owner: -
--

GRANT SELECT(is_admin) ON TABLE app.users TO web_user;


--
-- Name: COLUMN users.disabled_at; Type: ACL; Schema: app; Owner: -
--

GRANT SELECT(disabled_at) ON TABLE app.users TO web_user;


--
-- Name: COLUMN users.rights_from_entra; Type: ACL; Schema: app; Owner: -
--

GRANT SELECT(rights_from_entra) ON TABLE app.users TO web_user;


--
-- Name: TABLE me; Type: ACL; Schema: api; Owner: -
--

GRANT SELECT ON TABLE api.me TO web_user;
GRANT SELECT ON TABLE api.me TO reqstly_admin;


--
-- Name: TABLE passkeys; Type: ACL; Schema: auth; Owner: -
--

GRANT DELETE ON TABLE auth.passkeys TO web_user;


--
-- Name: COLUMN passkeys.id; Type: ACL; Schema: auth; Owner: -
--

GRANT SELECT(id) ON TABLE auth.passkeys TO web_user;


--
-- Name: COLUMN passkeys.user_id; Type: ACL; Schema: auth; Owner: -
--

GRANT SELECT(user_id) ON TABLE auth.passkeys TO web_user;


--
-- Name: COLUMN passkeys.backed_up; Type: ACL; Schema: auth; Owner: -
--

GRANT SELECT(backed_up) ON TABLE auth.passkeys TO web_user;


--
-- Name: COLUMN passkeys.name; Type: ACL; Schema: auth; Owner: -
--

GRANT SELECT(name),UPDATE(name) ON TABLE auth.passkeys TO web_user;


--
-- Name: COLUMN passkeys.created_at; Type: ACL; Schema: auth; Owner: -
--

GRANT SELECT(created_at) ON TABLE auth.passkeys TO web_user;


--
-- Name: COLUMN passkeys.last_used_at; Type: ACL; Schema: auth; Owner: -
--

GRANT SELECT(last_used_at) ON TABLE auth.passkeys TO web_user;


--
-- Name: TABLE my_passkeys; Type: ACL; Schema: api; Owner: -
--

GRANT SELECT,DELETE ON TABLE api.my_passkeys TO web_user;


--
-- Name: COLUMN my_passkeys.name; Type: ACL; Schema: api; Owner: -
--

GRANT UPDATE(name) ON TABLE api.my_passkeys TO web_user;


--
-- Name: TABLE my_sessions; Type: ACL; Schema: api; Owner: -
--

GRANT SELECT ON TABLE api.my_sessions TO web_user;
GRANT SELECT ON TABLE api.my_sessions TO reqstly_admin;


--
-- Name: TABLE team_members; Type: ACL; Schema: app; Owner: -
--

GRANT SELECT,DELETE ON TABLE app.team_members TO web_user;
GRANT SELECT,DELETE ON TABLE app.team_members TO reqstly_admin;


--
-- Name: COLUMN team_members.user_id; Type: ACL; Schema: app; Owner: -
--

GRANT INSERT(user_id) ON TABLE app.team_members TO web_user;
GRANT INSERT(user_id) ON TABLE app.team_members TO reqstly_admin;


--
-- Name: COLUMN team_members.category; Type: ACL; Schema: app; Owner: -
--

GRANT INSERT(category) ON TABLE app.team_members TO web_user;
GRANT INSERT(category) ON TABLE app.team_members TO reqstly_admin;


--
-- Name: TABLE people; Type: ACL; Schema: api; Owner: -
--

GRANT SELECT ON TABLE api.people TO web_user;
GRANT SELECT ON TABLE api.people TO reqstly_admin;


--
-- Name: TABLE request_counts; Type: ACL; Schema: api; Owner: -
--

GRANT SELECT ON TABLE api.request_counts TO web_user;
GRANT SELECT ON TABLE api.request_counts TO reqstly_admin;


--
-- Name: TABLE request_history; Type: ACL; Schema: api; Owner: -
--

GRANT SELECT ON TABLE api.request_history TO web_user;
GRANT SELECT ON TABLE api.request_history TO reqstly_admin;


--
-- Name: TABLE rights_log; Type: ACL; Schema: app; Owner: -
--

GRANT SELECT ON TABLE app.rights_log TO web_user;
GRANT SELECT ON TABLE app.rights_log TO reqstly_admin;


--
-- Name: TABLE rights_history; Type: ACL; Schema: api; Owner: -
--

GRANT SELECT ON TABLE api.rights_history TO web_user;
GRANT SELECT ON TABLE api.rights_history TO reqstly_admin;


--
-- Name: TABLE status_transitions; Type: ACL; Schema: app; Owner: -
--

GRANT SELECT ON TABLE app.status_transitions TO web_user;
GRANT SELECT ON TABLE app.status_transitions TO reqstly_admin;


--
-- Name: TABLE status_transitions; Type: ACL; Schema: api; Owner: -
--

GRANT SELECT ON TABLE api.status_transitions TO web_user;
GRANT SELECT ON TABLE api.status_transitions TO reqstly_admin;


--
-- Name: TABLE statuses; Type: ACL; Schema: app; Owner: -
--

GRANT SELECT ON TABLE app.statuses TO web_user;
GRANT SELECT ON TABLE app.statuses TO reqstly_admin;


--
-- Name: TABLE statuses; Type: ACL; Schema: api; Owner: -
--

GRANT SELECT ON TABLE api.statuses TO web_user;
GRANT SELECT ON TABLE api.statuses TO reqstly_admin;


--
-- Name: TABLE team_members; Type: ACL; Schema: api; Owner: -
--

GRANT SELECT,DELETE ON TABLE api.team_members TO web_user;
GRANT SELECT,DELETE ON TABLE api.team_members TO reqstly_admin;


--
-- Name: COLUMN team_members.user_id; Type: ACL; Schema: api; Owner: -
--

GRANT INSERT(user_id) ON TABLE api.team_members TO web_user;
GRANT INSERT(user_id) ON TABLE api.team_members TO reqstly_admin;


--
-- Name: COLUMN team_members.category; Type: ACL; Schema: api; Owner: -
--

GRANT INSERT(category) ON TABLE api.team_members TO web_user;
GRANT INSERT(category) ON TABLE api.team_members TO reqstly_admin;


--
-- Name: TABLE attachment_limits; Type: ACL; Schema: app; Owner: -
--

GRANT SELECT ON TABLE app.attachment_limits TO web_user;
GRANT SELECT ON TABLE app.attachment_limits TO reqstly_admin;


--
-- Name: TABLE business_hours; Type: ACL; Schema: app; Owner: -
--

GRANT SELECT ON TABLE app.business_hours TO web_user;
GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE app.business_hours TO reqstly_admin;


--
-- Name: TABLE category_webhooks; Type: ACL; Schema: app; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE app.category_webhooks TO reqstly_admin;


--
-- Name: TABLE holidays; Type: ACL; Schema: app; Owner: -
--

GRANT SELECT ON TABLE app.holidays TO web_user;
GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE app.holidays TO reqstly_admin;


--
-- Name: TABLE notifications; Type: ACL; Schema: app; Owner: -
--

GRANT SELECT ON TABLE app.notifications TO reqstly_admin;


--
-- Name: TABLE sla_settings; Type: ACL; Schema: app; Owner: -
--

GRANT SELECT ON TABLE app.sla_settings TO web_user;
GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE app.sla_settings TO reqstly_admin;


--
-- Name: TABLE sla_targets; Type: ACL; Schema: app; Owner: -
--

GRANT SELECT ON TABLE app.sla_targets TO web_user;
GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE app.sla_targets TO reqstly_admin;


--
-- Name: TABLE login_events; Type: ACL; Schema: auth; Owner: -
--

GRANT SELECT ON TABLE auth.login_events TO reqstly_admin;


--
-- Name: TABLE sign_in_methods; Type: ACL; Schema: auth; Owner: -
--

GRANT SELECT ON TABLE auth.sign_in_methods TO web_user;
GRANT SELECT ON TABLE auth.sign_in_methods TO reqstly_admin;


--
-- Name: TABLE active_sessions; Type: ACL; Schema: metrics; Owner: -
--

GRANT SELECT ON TABLE metrics.active_sessions TO monitoring;


--
-- Name: TABLE audit_entries; Type: ACL; Schema: metrics; Owner: -
--

GRANT SELECT ON TABLE metrics.audit_entries TO monitoring;


--
-- Name: TABLE oldest_open_request; Type: ACL; Schema: metrics; Owner: -
--

GRANT SELECT ON TABLE metrics.oldest_open_request TO monitoring;


--
-- Name: TABLE request_rating_totals; Type: ACL; Schema: metrics; Owner: -
--

GRANT SELECT ON TABLE metrics.request_rating_totals TO monitoring;


--
-- Name: TABLE request_ratings; Type: ACL; Schema: metrics; Owner: -
--

GRANT SELECT ON TABLE metrics.request_ratings TO monitoring;


--
-- Name: TABLE request_resolution_buckets; Type: ACL; Schema: metrics; Owner: -
--

GRANT SELECT ON TABLE metrics.request_resolution_buckets TO monitoring;


--
-- Name: TABLE request_resolution_totals; Type: ACL; Schema: metrics; Owner: -
--

GRANT SELECT ON TABLE metrics.request_resolution_totals TO monitoring;


--
-- Name: TABLE requests_by_status; Type: ACL; Schema: metrics; Owner: -
--

GRANT SELECT ON TABLE metrics.requests_by_status TO monitoring;


--
-- Name: TABLE requests_created; Type: ACL; Schema: metrics; Owner: -
--

GRANT SELECT ON TABLE metrics.requests_created TO monitoring;


--
-- Name: TABLE sla_requests; Type: ACL; Schema: metrics; Owner: -
--

GRANT SELECT ON TABLE metrics.sla_requests TO monitoring;


--
-- Name: DEFAULT PRIVILEGES FOR FUNCTIONS; Type: DEFAULT ACL; Schema: -; Owner: -
--

ALTER DEFAULT PRIVILEGES FOR ROLE postgres REVOKE ALL ON FUNCTIONS FROM PUBLIC;


--
-- PostgreSQL database dump complete
--

\unrestrict reqstly

