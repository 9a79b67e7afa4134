"""With 100 000 requests, the requester's list and the agent's queue stay index-driven.

Asserted on EXPLAIN, never on time (these machines are shared and noisy).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import psycopg
import pytest

from devstack.stack import LocalStack
from tests.db.helpers import bulk_requests
from tests.people import People, authenticate_as, clear_authentication


@pytest.fixture(scope="module")
def big_db(stack: LocalStack) -> Iterator[psycopg.Connection]:
    """100 000 extra requests from 500 people (person1… person500), rolled back at the end."""
    with bulk_requests(stack, tag="person", title_sql="'Bulk request ' || g") as db:
        yield db


def plan(db: psycopg.Connection, query: str, params: tuple[object, ...] = ()) -> dict[str, Any]:
    row = db.execute("explain (format json) " + query, params).fetchone()
    assert row is not None
    data = row[0] if isinstance(row[0], list) else json.loads(row[0])
    return dict(data[0]["Plan"])


def nodes(node: dict[str, Any]) -> Iterator[dict[str, Any]]:
    yield node
    for child in node.get("Plans", []):
        yield from nodes(child)


def scans_of_requests(root: dict[str, Any]) -> list[tuple[str, str | None]]:
    return [
        (n["Node Type"], n.get("Index Name"))
        for n in nodes(root)
        if n.get("Relation Name") == "requests"
    ]


def assert_policies_run_once(root: dict[str, Any]) -> None:
    """Policy calls wrapped in (select …) become InitPlans: once per statement, not per row."""
    relationships = [n.get("Parent Relationship") for n in nodes(root)]
    assert "SubPlan" not in relationships, relationships
    assert "InitPlan" in relationships, relationships


def test_requesters_list_uses_the_requester_index(
    big_db: psycopg.Connection, people: People
) -> None:
    requester = big_db.execute(
        "select id::text from app.users where email = 'person7@example.com'"
    ).fetchone()
    assert requester is not None
    person = people["alice"].__class__(
        "person7", requester[0], "person7@example.com", False, frozenset()
    )
    authenticate_as(big_db, person)
    root = plan(
        big_db,
        "select id, key, title, status, updated_at from api.requests where requester_id = %s "
        "order by updated_at desc limit 25",
        (person.id,),
    )
    clear_authentication(big_db)
    scans = scans_of_requests(root)
    assert scans and all(kind != "Seq Scan" for kind, _ in scans), scans
    assert any(index == "requests_requester_idx" for _, index in scans), scans
    assert_policies_run_once(root)


def test_agents_queue_uses_the_category_index(big_db: psycopg.Connection, people: People) -> None:
    authenticate_as(big_db, people["ivan"])
    root = plan(
        big_db,
        "select id, key, title, status, assignee_id, updated_at from api.requests "
        "where category = 'IT' and status = 'open' order by updated_at desc limit 25",
    )
    clear_authentication(big_db)
    scans = scans_of_requests(root)
    # Either index serves it (by category+status, or newest-first with a filter
    # that stops after 25 rows); what must never happen is reading the table.
    assert scans and all(kind != "Seq Scan" for kind, _ in scans), scans
    assert all(
        index in {"requests_category_status_idx", "requests_updated_at_idx"} for _, index in scans
    )
    assert_policies_run_once(root)


def test_searching_my_requests_stays_on_the_requester_index(
    big_db: psycopg.Connection, people: People
) -> None:
    # `@@` is not leakproof, so under row-level security it cannot drive an
    # index scan; searches are narrowed by a leakproof filter (requester,
    # category) first. docs/ARCHITECTURE.md explains the trade-off.
    authenticate_as(big_db, people["alice"])
    root = plan(
        big_db,
        "select id from api.requests where requester_id = %s "
        "and search @@ websearch_to_tsquery('english', 'printer jams') order by updated_at desc limit 25",
        (people["alice"].id,),
    )
    clear_authentication(big_db)
    scans = scans_of_requests(root)
    assert scans and all(kind != "Seq Scan" for kind, _ in scans), scans
