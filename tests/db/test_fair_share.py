"""One person cannot make everyone else wait (issue #13, item 3; ADR 0013)."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator

import psycopg
import pytest
from psycopg import errors

from devstack.sessions import open_dev_session
from devstack.stack import LocalStack
from tests.people import People


def test_web_user_statements_stop_after_3_seconds(db: psycopg.Connection) -> None:
    settings = db.execute(
        """select s.setconfig from pg_db_role_setting s
            where s.setrole = 'web_user'::regrole and s.setdatabase = 0"""
    ).fetchone()
    assert settings is not None and "statement_timeout=3s" in settings[0]


@pytest.fixture
def sessions(stack: LocalStack, people: People) -> Iterator[dict[str, str]]:
    """A committed live session for alice and for ivan; ended afterwards."""
    with stack.connect() as conn:
        opened = {
            name: open_dev_session(conn, people[name].email, 600)[1] for name in ("alice", "ivan")
        }
    yield opened
    with stack.connect() as conn:
        conn.execute(
            "update auth.sessions set revoked_at = now() where id = any(%s::uuid[])",
            (list(opened.values()),),
        )


def begin_call(stack: LocalStack, person_id: str, session_id: str) -> psycopg.Connection:
    """What PostgREST does at the start of a call: a transaction, the claims, the role, the check."""
    conn = stack.connect()
    conn.autocommit = False
    claims = {
        "sub": person_id,
        "sid": session_id,
        "role": "web_user",
        "aud": "reqstly",
        "exp": int(time.time()) + 600,
    }
    try:
        conn.execute("select set_config('request.jwt.claims', %s, true)", (json.dumps(claims),))
        conn.execute("set local role web_user")
        conn.execute("select api.pre_request()")
    except BaseException:
        conn.close()
        raise
    return conn


def test_a_seventh_call_at_once_is_refused_and_others_are_not(
    stack: LocalStack, people: People, sessions: dict[str, str]
) -> None:
    alice = (people["alice"].id, sessions["alice"])
    running = [begin_call(stack, *alice) for _ in range(6)]
    try:
        with pytest.raises(psycopg.Error) as refused:
            begin_call(stack, *alice)
        assert refused.value.sqlstate == "PT429"
        assert "6 calls running already" in str(refused.value)
        # Someone else is not held up by alice's calls.
        begin_call(stack, people["ivan"].id, sessions["ivan"]).close()
        # One of alice's calls ends: her next one gets its slot.
        running.pop().close()
        running.append(begin_call(stack, *alice))
    finally:
        for conn in running:
            conn.close()


@pytest.mark.parametrize(
    ("given", "kept"),
    [("  printer   jam ", "printer jam"), (" ".join(["w"] * 12), " ".join(["w"] * 12))],
)
def test_search_input_keeps_a_plain_search(db: psycopg.Connection, given: str, kept: str) -> None:
    assert db.execute("select app.search_input(%s)", (given,)).fetchone() == (kept,)


@pytest.mark.parametrize("given", [" ".join(["w"] * 13), "x" * 201])
def test_search_input_refuses_a_broad_one(db: psycopg.Connection, given: str) -> None:
    with pytest.raises(errors.InvalidParameterValue) as refused, db.transaction():
        db.execute("select app.search_input(%s)", (given,))
    assert refused.value.diag.message_primary == (
        "Search for at most 12 words (200 characters), as plain words."
    )
    assert refused.value.diag.message_detail == "q"
