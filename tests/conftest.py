"""Session fixtures: one real local stack (PostgreSQL, PostgREST, Caddy) per test run.

Each run gets its own data folder and free ports, so two checkouts can test
side by side; everything is stopped by PID at the end.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

import psycopg
import pytest

from devstack.stack import LocalStack, stack_of_its_own
from tests.people import People, Person, create_person, load_people


@pytest.fixture(scope="session")
def stack() -> Iterator[LocalStack]:
    with stack_of_its_own("test") as local:
        yield local


@pytest.fixture(scope="session")
def people(stack: LocalStack) -> People:
    with stack.connect() as conn:
        return load_people(conn)


@pytest.fixture
def new_person(stack: LocalStack) -> Callable[..., Person]:
    """Make committed people of this test's own: `new_person("erin", agent_of={"IT"})`.

    Same arguments as tests.people.create_person; each call is committed at
    once, so PostgREST, authsvc and the browser see the person.
    """

    def make(name: str = "person", *, admin: bool = False, agent_of: Iterable[str] = ()) -> Person:
        with stack.connect() as conn:
            return create_person(conn, name, admin=admin, agent_of=agent_of)

    return make


@pytest.fixture
def db(stack: LocalStack) -> Iterator[psycopg.Connection]:
    """A superuser connection inside a transaction that is rolled back afterwards."""
    conn = stack.postgres.connect("reqstly")
    conn.autocommit = False
    # Open the transaction now. Otherwise a test whose first statement is
    # `with db.transaction():` gets a real transaction that COMMITs, not a
    # savepoint, and leaks its changes into every later test.
    conn.execute("select 1")
    try:
        yield conn
    finally:
        conn.rollback()
        conn.close()
