"""Least privilege for internal functions (issue #13, docs/SECURITY.md).

No function in `app` or `auth` is executable by a web or login role unless
it is on the allow-list below, with the reason the role calls it itself.
Everything else is reached from inside security definer functions and
triggers, which run as their owner. authsvc's own API is the one rule, not
a list: `auth.*` functions whose body starts by checking it is authsvc.
"""

from __future__ import annotations

import psycopg
import pytest
from psycopg import errors

from tests.people import People, act_as_psql_admin, authenticate_as

ROLES = ["web_user", "web_anon", "reqstly_admin", "authsvc", "monitoring"]

# function → (roles, why they call it directly)
ALLOWED: dict[str, tuple[set[str], str]] = {
    "app.current_user_id()": (
        {"web_user", "reqstly_admin"},
        "row-level security policies run as the caller and ask who is acting",
    ),
    "app.current_user_is_admin()": ({"web_user", "reqstly_admin"}, "policies: select_all_admin …"),
    "app.current_agent_categories()": (
        {"web_user", "reqstly_admin"},
        "policies (select_team …) and the view api.me",
    ),
    "app.current_session_id()": ({"web_user", "reqstly_admin"}, "the view api.my_sessions"),
    "auth.session_is_live(timestamp with time zone,timestamp with time zone,timestamp with time zone,interval,timestamp with time zone)": (
        {"web_user"},
        "the view api.my_sessions (columns only, no token hashes)",
    ),
    "app.request_counts()": (
        {"web_user", "reqstly_admin"},
        "security invoker behind the view api.request_counts",
    ),
    "app.allowed_moves(text,uuid,text)": (
        {"web_user", "reqstly_admin"},
        "api.allowed_transitions (invoker); takes values, reads no request",
    ),
    "app.require_visible_request(bigint)": (
        {"web_user", "reqstly_admin"},
        "security invoker: the one 'no request you can see' check",
    ),
    "app.raise_no_visible_request(bigint)": (
        {"web_user", "reqstly_admin"},
        "only raises; app.require_visible_request calls it as the caller",
    ),
    "app.search_input(text)": ({"web_user", "reqstly_admin"}, "search functions' input bounds"),
    "app.set_request_status(bigint,text,text)": (
        {"web_user", "reqstly_admin"},
        "api.transition_request asks app.require_visible_request first; the psql way to move a request",
    ),
    "app.move_request_category(bigint,text)": (
        {"web_user", "reqstly_admin"},
        "api.move_request; checks its caller itself (requester, agent of the category, admin)",
    ),
    "app.verify_audit_chain(bigint)": (
        {"web_user", "reqstly_admin"},
        "api.verify_audit asks app.require_visible_request first and trims the answer",
    ),
    "app.revoke_sessions_of_caller(text,uuid)": (
        {"web_user"},
        "api.revoke_other_sessions; only the caller's own sessions",
    ),
    "app.set_admin(uuid,boolean)": (
        {"web_user", "reqstly_admin"},
        "api.set_admin and psql; checks app.require_admin first",
    ),
    "app.disable_person(uuid)": (
        {"web_user", "reqstly_admin"},
        "api.disable_person and psql; checks app.require_admin first",
    ),
    "app.enable_person(uuid)": (
        {"web_user", "reqstly_admin"},
        "api.enable_person and psql; checks app.require_admin first",
    ),
    "app.create_admin_login(uuid,text)": ({"reqstly_admin"}, "psql only; checks app.require_admin"),
    # Issue #17 (db/migrations/12xx, ADR 0017, ADR 0018).
    "app.update_at_version(bigint,integer,jsonb)": (
        {"web_user", "reqstly_admin"},
        "api.edit_request, assign_request, take_*: the caller's own UPDATE (row-level security and "
        "the rules trigger apply) at the version they saw",
    ),
    "app.display_name_of(uuid)": (
        {"web_user", "reqstly_admin"},
        "the view api.request_list and take refusals: the requester or assignee of a request the "
        "caller sees, whom select_on_visible_requests shows them anyway",
    ),
    "app.change_marker()": (
        {"web_user", "reqstly_admin"},
        "api.request_changes: the start of the oldest running transaction, a timestamp only",
    ),
    "app.business_seconds_between(timestamp with time zone,timestamp with time zone)": (
        {"web_user", "reqstly_admin"},
        "the view api.request_sla adds a running clock's time; reads only the calendar",
    ),
    "app.first_response_state(app.requests,app.request_sla)": (
        {"web_user", "reqstly_admin", "monitoring"},
        "the views api.request_sla, api.request_list and metrics.sla_requests",
    ),
    "app.resolution_state(app.requests,app.request_sla)": (
        {"web_user", "reqstly_admin", "monitoring"},
        "the views api.request_sla, api.request_list and metrics.sla_requests",
    ),
    "app.status_is_closed(text)": ({"monitoring"}, "the view metrics.sla_requests"),
    "app.set_waiting_on_requester(bigint,boolean)": (
        {"web_user", "reqstly_admin"},
        "api.set_waiting_on_requester; checks its caller itself (agent of the category, admin)",
    ),
    "app.search_vector(text,text)": (
        {"web_user", "reqstly_admin"},
        "the index requests_words_idx is computed as whoever files or edits a request",
    ),
    "app.name_vector(text)": (
        {"web_user", "reqstly_admin"},
        "the index users_name_words_idx is computed as whoever renames a person",
    ),
    "app.search_candidates(text)": (
        {"web_user", "reqstly_admin"},
        "app.search_request_ids: index-driven candidates the caller re-reads under row-level security",
    ),
    "app.search_request_ids(text)": (
        {"web_user", "reqstly_admin"},
        "api.find_requests and api.count_requests (security invoker)",
    ),
    "app.request_filter(text,text,text,text,text)": (
        {"web_user", "reqstly_admin"},
        "api.find_requests and api.count_requests: one filter for lists and counts",
    ),
    "app.category_tallies(text,text)": (
        {"web_user", "reqstly_admin"},
        "api.count_requests (security invoker): only the caller's categories, every one for an admin",
    ),
    "app.rate_resolution(bigint,integer,text)": (
        {"web_user", "reqstly_admin"},
        "api.confirm_resolution; checks its caller itself (only the requester rates)",
    ),
    # notify's attachments (1150), once merged: text in, text out, no data read.
    "app.percent_decode(text)": (
        {"web_user", "reqstly_admin"},
        "api.upload_attachment (invoker) decodes the file name header",
    ),
    "app.percent_encode(text)": (
        {"web_user", "reqstly_admin"},
        "api.download_attachment (invoker) encodes the file name header",
    ),
}


def executable(db: psycopg.Connection) -> dict[str, set[str]]:
    rows = db.execute(
        """select p.oid::regprocedure::text, r.rolname, p.prosrc
             from pg_proc p
             join pg_namespace n on n.oid = p.pronamespace
             cross join (select unnest(%s::text[]) as rolname) r
            where n.nspname in ('app', 'auth')
              and has_function_privilege(r.rolname, p.oid, 'EXECUTE')""",
        (ROLES,),
    ).fetchall()
    found: dict[str, set[str]] = {}
    for function, role, body in rows:
        if role == "authsvc" and function.startswith("auth.") and authsvc_checked(body):
            continue  # authsvc's sign-in API: each starts with auth.require_authsvc()
        found.setdefault(function.replace(", ", ","), set()).add(role)
    return found


def authsvc_checked(body: str) -> bool:
    statements = body.split("begin", 1)[-1].strip().lower()
    return statements.startswith("perform auth.require_authsvc()")


def test_no_internal_function_is_executable_beyond_the_allow_list(db: psycopg.Connection) -> None:
    found = executable(db)
    beyond = {
        f"{function} by {sorted(roles - ALLOWED.get(function, (set(), ''))[0])}"
        for function, roles in found.items()
        if roles - ALLOWED.get(function, (set(), ""))[0]
    }
    assert beyond == set(), "grant less, or add the function to ALLOWED with its reason"


def test_the_allow_list_is_no_longer_than_needed(db: psycopg.Connection) -> None:
    found = executable(db)
    stale = {
        f for f, (roles, _) in ALLOWED.items() if not roles <= found.get(f, set()) and exists(db, f)
    }
    assert stale == set()


def exists(db: psycopg.Connection, function: str) -> bool:
    """Whether the function is there at all (an entry may be for a branch not merged yet)."""
    row = db.execute("select to_regprocedure(%s) is not null", (function,)).fetchone()
    return bool(row and row[0])


def test_a_psql_admin_cannot_forge_a_rights_log_entry(
    db: psycopg.Connection, people: People
) -> None:
    with pytest.raises(errors.InsufficientPrivilege), db.transaction():
        act_as_psql_admin(db)
        db.execute("select app.log_rights_change(%s, 'admin_granted')", (people["alice"].id,))


def test_the_unchecked_move_is_gone_and_the_checked_one_refuses_strangers(
    db: psycopg.Connection, people: People
) -> None:
    gone = db.execute("select to_regproc('app.move_request_unchecked')").fetchone()
    assert gone == (None,)
    hr_request = db.execute(
        "select id from app.requests where category = 'HR' and requester_id <> %s limit 1",
        (people["ivan"].id,),
    ).fetchone()
    assert hr_request
    with pytest.raises(psycopg.Error) as refused, db.transaction():
        authenticate_as(db, people["ivan"])
        db.execute("select app.move_request_category(%s, 'IT')", (hr_request[0],))
    assert refused.value.sqlstate == "PT404"
    assert refused.value.diag.message_primary == (
        f"There is no request {hr_request[0]} that you can see."
    )
