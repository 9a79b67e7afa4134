"""Session helpers (0900): the JWT's session id, liveness with a clock, ending
one's other sessions."""

from __future__ import annotations

import json

import psycopg
import pytest

from tests.db.helpers import open_session
from tests.people import People, authenticate_as, clear_authentication


def session_id_for(db: psycopg.Connection, claims: dict[str, str] | None) -> object:
    text = json.dumps(claims) if claims is not None else ""
    db.execute("select set_config('request.jwt.claims', %s, true)", (text,))
    row = db.execute("select app.current_session_id()::text").fetchone()
    assert row is not None
    return row[0]


@pytest.mark.parametrize(
    ("claims", "expected"),
    [
        ({"sid": "6f1c2a4e-9b7d-4c1e-8a2b-3c4d5e6f7a8b"}, "6f1c2a4e-9b7d-4c1e-8a2b-3c4d5e6f7a8b"),
        ({"sid": "not-a-uuid"}, None),
        ({"sub": "6f1c2a4e-9b7d-4c1e-8a2b-3c4d5e6f7a8b"}, None),
        (None, None),
    ],
    ids=["a session id", "malformed", "no sid", "psql (no claims)"],
)
def test_current_session_id(
    db: psycopg.Connection, claims: dict[str, str] | None, expected: object
) -> None:
    assert session_id_for(db, claims) == expected


@pytest.mark.parametrize(
    ("change", "at", "live"),
    [
        ("", "now()", True),
        ("", "now() + interval '29 minutes'", True),
        ("", "now() + interval '31 minutes'", False),  # idle past the 30-minute timeout
        ("last_seen_at = now() + interval '50 minutes'", "now() + interval '61 minutes'", False),
        ("revoked_at = now()", "now()", False),
    ],
    ids=["now", "idle 29 min", "idle 31 min", "past its expiry", "revoked"],
)
def test_session_is_live_at_a_given_time(
    db: psycopg.Connection, people: People, change: str, at: str, live: bool
) -> None:
    session = open_session(db, people["alice"])
    if change:
        db.execute(f"update auth.sessions set {change} where id = %s", (session,))
    row = db.execute(
        f"select auth.session_is_live(s, {at}) from auth.sessions s where s.id = %s", (session,)
    ).fetchone()
    assert row == (live,)


def test_revoke_other_sessions_keeps_this_one_and_touches_nobody_else(
    db: psycopg.Connection, people: People
) -> None:
    alice, ivan = people["alice"], people["ivan"]
    current, other = open_session(db, alice), open_session(db, alice)
    ivans = open_session(db, ivan)
    authenticate_as(db, alice, current)
    ended = db.execute("select api.revoke_other_sessions()").fetchone()
    listed = db.execute("select id::text, current from api.my_sessions").fetchall()
    clear_authentication(db)
    assert ended is not None and ended[0] >= 1
    assert (current, True) in listed and other not in {row[0] for row in listed}
    live = db.execute(
        "select id::text from auth.sessions where id = any(%s::uuid[]) and revoked_at is null",
        ([current, other, ivans],),
    ).fetchall()
    assert {row[0] for row in live} == {current, ivans}
