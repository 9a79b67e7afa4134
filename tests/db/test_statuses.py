"""Statuses and sign-in methods are tables (0910): the columns reference them,
the labels and messages read them, and psql cannot invent a status."""

from __future__ import annotations

import psycopg
import pytest
from psycopg import errors

from tests.db.helpers import as_person, file_request
from tests.people import People


def test_api_statuses_lists_them_in_workflow_order(db: psycopg.Connection, people: People) -> None:
    rows = as_person(
        db, people["alice"], "select code, label, is_closed from api.statuses order by position"
    )
    assert rows == [
        ("open", "Open", False),
        ("in_progress", "In progress", False),
        ("resolved", "Resolved", True),
        ("cancelled", "Cancelled", True),
    ]


@pytest.mark.parametrize(
    ("table", "column", "referenced"),
    [
        ("app.requests", "status", "app.statuses"),
        ("app.status_transitions", "from_status", "app.statuses"),
        ("app.status_transitions", "to_status", "app.statuses"),
        ("auth.sessions", "method", "auth.sign_in_methods"),
        ("auth.login_events", "method", "auth.sign_in_methods"),
    ],
)
def test_columns_reference_the_tables(
    db: psycopg.Connection, table: str, column: str, referenced: str
) -> None:
    row = db.execute(
        """select c.confrelid::regclass::text
             from pg_constraint c
             join pg_attribute a on a.attrelid = c.conrelid and a.attnum = any (c.conkey)
            where c.conrelid = %s::regclass and c.contype = 'f' and a.attname = %s""",
        (table, column),
    ).fetchone()
    assert row == (referenced,)


def test_no_check_constraint_repeats_the_lists(db: psycopg.Connection) -> None:
    repeated = db.execute(
        """select c.conrelid::regclass::text || '.' || c.conname
             from pg_constraint c join pg_namespace n on n.oid = c.connamespace
            where n.nspname in ('app', 'auth') and c.contype = 'c'
              and (pg_get_constraintdef(c.oid) like '%in_progress%'
                   or pg_get_constraintdef(c.oid) like '%passkey%')"""
    ).fetchall()
    assert repeated == []


def test_psql_cannot_add_a_move_to_an_unknown_status(db: psycopg.Connection) -> None:
    with pytest.raises(errors.ForeignKeyViolation), db.transaction():
        db.execute(
            "insert into app.status_transitions (from_status, to_status, allow_admin) "
            "values ('open', 'parked', true)"
        )


def test_an_unknown_status_is_refused_with_the_list(db: psycopg.Connection, people: People) -> None:
    request_id = file_request(db, people["alice"])
    with pytest.raises(errors.InvalidParameterValue) as raised, db.transaction():
        as_person(db, people["ivan"], "select api.transition_request(%s, 'parked')", (request_id,))
    assert raised.value.diag.message_primary == (
        'There is no status "parked". The statuses are open, in_progress, resolved, cancelled.'
    )
    assert raised.value.diag.message_detail == "to_status"


def test_a_status_added_at_psql_becomes_a_move(db: psycopg.Connection, people: People) -> None:
    """An organisation may add a status and its moves; labels come from the table."""
    db.execute("insert into app.statuses (code, label, position) values ('parked', 'Parked', 5)")
    db.execute(
        "insert into app.status_transitions (from_status, to_status, allow_agent, allow_admin) "
        "values ('open', 'parked', true, true)"
    )
    request_id = file_request(db, people["alice"])
    as_person(db, people["ivan"], "select api.transition_request(%s, 'parked')", (request_id,))
    status = db.execute("select status from app.requests where id = %s", (request_id,)).fetchone()
    assert status == ("parked",)
    with pytest.raises(psycopg.Error) as raised, db.transaction():
        as_person(db, people["ivan"], "select api.transition_request(%s, 'open')", (request_id,))
    assert raised.value.diag.message_primary == (
        "A request that is parked cannot be moved to open. You cannot change its status from Parked."
    )


def test_a_session_needs_a_known_method(db: psycopg.Connection, people: People) -> None:
    with pytest.raises(errors.ForeignKeyViolation), db.transaction():
        db.execute(
            "insert into auth.sessions (user_id, token_hash, method, expires_at) "
            "values (%s, sha256('m'::bytea), 'magic_link', now() + interval '1 hour')",
            (people["alice"].id,),
        )


def test_metrics_count_every_status_and_method(db: psycopg.Connection) -> None:
    statuses = db.execute(
        "select count(distinct status) from metrics.requests_by_status"
    ).fetchone()
    methods = db.execute("select count(*) from metrics.active_sessions").fetchone()
    assert statuses == (4,) and methods == (3,)
