"""At 100 000 requests and 100 000 comments, search, queues and the change marker stay index-driven.

Asserted on the table statistics of the test's own transaction
(pg_stat_xact_user_tables): the statements a function runs inside count
too, which EXPLAIN of the outer call cannot show. Times are printed, never
asserted (ADR 0017 quotes them).
"""

from __future__ import annotations

import time
from collections.abc import Iterator

import psycopg
import pytest

from devstack.stack import LocalStack
from tests.db.helpers import bulk_requests
from tests.people import People, Person, authenticate_as, clear_authentication

TABLES = ("requests", "comments")


@pytest.fixture(scope="module")
def big_db(stack: LocalStack) -> Iterator[psycopg.Connection]:
    """100 000 requests from 500 people with one comment each, rolled back at the end."""
    with bulk_requests(
        stack,
        tag="scale",
        title_sql="(array['Printer on floor ', 'Café machine in room ', 'Laptop battery ', 'VPN drops at '])[1 + g % 4] || g",
        number_offset=100000,
        also=[
            """insert into app.comments (request_id, author_id, author_name, body, internal)
               select r.id, r.requester_id, 'Scale Person', 'Still waiting on spare part ' || r.number, r.number % 3 = 0
                 from app.requests r where r.key like 'SCALE-%%'""",
            # What the triggers would have kept beside each request: its version and clocks.
            """insert into app.request_versions (request_id, version, changed_at, changed_by_name)
               select r.id, 1, r.updated_at, 'Scale' from app.requests r where r.key like 'SCALE-%%'""",
            """insert into app.request_sla (request_id, first_response_due_at, resolution_target_seconds,
                                            resolution_running_since, resolution_due_at)
               select r.id, r.created_at + interval '4 hours', 86400,
                      case when r.status in ('open', 'in_progress') then r.created_at end,
                      r.created_at + interval '3 days'
                 from app.requests r where r.key like 'SCALE-%%'""",
        ],
    ) as db:
        yield db


def table_scans(db: psycopg.Connection) -> dict[str, tuple[int, int]]:
    rows = db.execute(
        """select relname, coalesce(seq_scan, 0), coalesce(idx_scan, 0)
             from pg_stat_xact_user_tables where schemaname = 'app' and relname = any (%s)""",
        (list(TABLES),),
    ).fetchall()
    return {str(r[0]): (int(r[1]), int(r[2])) for r in rows}


def scans_during(
    db: psycopg.Connection, person: Person, sql: str, params: tuple[object, ...] = ()
) -> tuple[dict[str, tuple[int, int]], float, int]:
    """Run `sql` as `person`; return (seq, idx) scans per table it caused, milliseconds and row count."""
    before = table_scans(db)
    authenticate_as(db, person)
    started = time.perf_counter()
    rows = db.execute(sql, params).fetchall()
    elapsed = (time.perf_counter() - started) * 1000
    clear_authentication(db)
    after = table_scans(db)
    delta = {
        t: (
            after.get(t, (0, 0))[0] - before.get(t, (0, 0))[0],
            after.get(t, (0, 0))[1] - before.get(t, (0, 0))[1],
        )
        for t in TABLES
    }
    return delta, elapsed, len(rows)


# (who, what) → the statement
CASES = [
    ("ivan", "search a word", "select id from api.find_requests(q => 'printer', lim => 25)"),
    (
        "ivan",
        "search accents and prefix",
        "select id from api.find_requests(q => 'cafe mach', lim => 25)",
    ),
    (
        "ivan",
        "search a comment word",
        "select id from api.find_requests(q => 'spare part', lim => 25)",
    ),
    ("ivan", "search a key number", "select id from api.find_requests(q => '100004', lim => 25)"),
    ("ivan", "search a name", "select id from api.find_requests(q => 'ivan', lim => 25)"),
    (
        "admin",
        "search everything",
        "select id from api.find_requests(q => 'battery 4242', lim => 25)",
    ),
    (
        "alice",
        "requester searches",
        "select id from api.find_requests(q => 'printer', scope => 'mine', lim => 25)",
    ),
    (
        "ivan",
        "queue by urgency",
        "select id from api.find_requests(scope => 'my_categories', category => 'IT', status => 'open', lim => 25)",
    ),
    (
        "ivan",
        "unassigned",
        "select id from api.find_requests(scope => 'unassigned', status => 'open', lim => 25)",
    ),
    (
        "ivan",
        "counts with a search",
        "select * from api.count_requests(q => 'printer', scope => 'my_categories')",
    ),
    ("ivan", "change marker", "select api.request_changes(now() - interval '10 seconds')"),
]


@pytest.mark.parametrize(("who", "what", "sql"), CASES, ids=[c[1] for c in CASES])
def test_index_driven(
    big_db: psycopg.Connection, people: People, who: str, what: str, sql: str
) -> None:
    scans, elapsed, rows = scans_during(big_db, people[who], sql)
    print(f"\n{what} as {who}: {elapsed:.1f} ms, {rows} rows, scans (seq, index) {scans}")
    for table, (seq, _) in scans.items():
        assert seq == 0, f"{what}: sequential scan of {table}"
    assert sum(index for _, index in scans.values()) > 0


def test_change_marker_cost_at_100_people(big_db: psycopg.Connection, people: People) -> None:
    """100 people polling once each (every 10 s in the SPA, so 10 polls a second)."""
    callers = [people[name] for name in ("alice", "ivan", "hana", "olga", "admin")] * 20
    started = time.perf_counter()
    for person in callers:
        authenticate_as(big_db, person)
        big_db.execute("select api.request_changes(now() - interval '10 seconds')").fetchone()
        clear_authentication(big_db)
    total = (time.perf_counter() - started) * 1000
    print(f"\n100 polls of api.request_changes: {total:.1f} ms in all, {total / 100:.2f} ms each")
