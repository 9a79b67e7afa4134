"""What the drills write and check: requests and comments filed as people do,
and the facts a restore must bring back."""

from __future__ import annotations

import time

import psycopg

from tests.people import Person, authenticate_as, clear_authentication


def file_requests_with_comments(
    conn: psycopg.Connection, person: Person, label: str, count: int
) -> list[int]:
    """`count` requests titled `label …`, each with one comment, as `person` (committed)."""
    ids: list[int] = []
    with conn.transaction():
        authenticate_as(conn, person)
        for n in range(count):
            row = conn.execute(
                "insert into api.requests (title, category) values (%s, 'IT') returning id",
                (f"{label} {n}",),
            ).fetchone()
            assert row is not None
            ids.append(int(row[0]))
            conn.execute(
                "insert into api.comments (request_id, body) values (%s, %s)",
                (row[0], f"comment on {label} {n}"),
            )
        clear_authentication(conn)
    return ids


def titles_like(conn: psycopg.Connection, label: str) -> int:
    row = conn.execute(
        "select count(*) from app.requests where title like %s", (f"{label} %",)
    ).fetchone()
    assert row is not None
    return int(row[0])


def broken_audit_chains(conn: psycopg.Connection) -> list[int]:
    rows = conn.execute(
        """select r.id from app.requests r cross join lateral app.verify_audit_chain(r.id) v
            where not v.ok"""
    ).fetchall()
    return [int(r[0]) for r in rows]


def role_exists(conn: psycopg.Connection, name: str) -> bool:
    return bool(conn.execute("select 1 from pg_roles where rolname = %s", (name,)).fetchone())


def server_now(conn: psycopg.Connection) -> str:
    """The server's clock, as restore.sh --to reads it."""
    row = conn.execute(
        "select to_char(clock_timestamp() at time zone 'utc', 'YYYY-MM-DD HH24:MI:SS.US') || '+00'"
    ).fetchone()
    assert row is not None
    return str(row[0])


def current_lsn(conn: psycopg.Connection) -> str:
    row = conn.execute("select pg_current_wal_lsn()::text").fetchone()
    assert row is not None
    return str(row[0])


def timed(started: float) -> float:
    return round(time.monotonic() - started, 1)
