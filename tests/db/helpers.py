"""Small helpers shared by the database tests."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager

import psycopg

from devstack.stack import LocalStack
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


@contextmanager
def bulk_requests(
    stack: LocalStack,
    *,
    tag: str,
    title_sql: str,
    number_offset: int = 0,
    also: Sequence[str] = (),
) -> Iterator[psycopg.Connection]:
    """100 000 requests from 500 people in one transaction, rolled back at the end.

    People are `<tag>N@example.com`, keys `<TAG>-N` (number `number_offset + N`),
    titles the SQL expression `title_sql` of `g` (1…100 000); statuses, priorities
    and categories cycle. `also` runs after, still without per-row triggers
    (bulk load), for what a suite needs beside the requests.
    """
    db = stack.postgres.connect("reqstly")
    db.autocommit = False
    db.execute("set local session_replication_role = replica")
    db.execute(
        f"""insert into app.users (tenant_id, object_id, display_name, email)
            select gen_random_uuid(), gen_random_uuid(), initcap('{tag}') || ' Person ' || g,
                   '{tag}' || g || '@example.com'
              from generate_series(1, 500) g"""
    )
    db.execute(
        f"""insert into app.requests (key, number, title, description, category, priority, status,
                                      requester_id, created_at, updated_at, resolved_at)
            select upper('{tag}') || '-' || g, {number_offset} + g, {title_sql},
                   'generated for the scale test, item ' || g,
                   (array['IT', 'OPS', 'ADMIN', 'HR'])[1 + g % 4],
                   (array['low', 'normal', 'high', 'urgent'])[1 + g % 4],
                   s.status, p.ids[1 + g % 500],
                   now() - g * interval '1 minute', now() - g * interval '1 minute',
                   case when s.status = 'resolved' then now() end
              from generate_series(1, 100000) g,
                   lateral (select (array['open', 'in_progress', 'resolved', 'resolved', 'cancelled'])[1 + g % 5] as status) s,
                   (select array_agg(id) as ids from app.users where email like '{tag}%%') p"""
    )
    for statement in also:
        db.execute(statement)
    db.execute("set local session_replication_role = origin")
    # The tallies' triggers were off too: count the loaded requests (1445).
    db.execute("select app.rebuild_request_tallies()")
    for table in ("requests", "users", "comments", "request_versions", "request_sla"):
        db.execute(f"analyze app.{table}")
    try:
        yield db
    finally:
        db.rollback()
        db.close()
