"""Small helpers shared by the database tests."""

from __future__ import annotations

import psycopg

from tests.people import Person, act_as_psql_admin, authenticate_as, clear_authentication


def file_request(
    db: psycopg.Connection, requester: Person, category: str = "IT", title: str = "probe"
) -> int:
    """File a request as `requester`, through api.requests as PostgREST would."""
    authenticate_as(db, requester)
    row = db.execute(
        "insert into api.requests (title, category) values (%s, %s) returning id", (title, category)
    ).fetchone()
    clear_authentication(db)
    assert row is not None
    return int(row[0])


def as_person(
    db: psycopg.Connection, person: Person | None, sql: str, params: tuple[object, ...] = ()
) -> list[tuple[object, ...]]:
    """Run one statement as `person` (None: the demo admin at a psql prompt)."""
    if person is None:
        act_as_psql_admin(db)
    else:
        authenticate_as(db, person)
    cursor = db.execute(sql, params)
    rows = cursor.fetchall() if cursor.description else []
    # On an error the caller's savepoint rollback undoes the role switch.
    clear_authentication(db)
    return rows


def open_session(db: psycopg.Connection, person: Person, method: str = "dev") -> str:
    """A live one-hour session of `person` (as authsvc would open it); returns its id."""
    row = db.execute(
        """insert into auth.sessions (user_id, token_hash, method, expires_at)
           values (%s, sha256(gen_random_uuid()::text::bytea), %s, now() + interval '1 hour')
           returning id::text""",
        (person.id, method),
    ).fetchone()
    assert row is not None
    return str(row[0])
