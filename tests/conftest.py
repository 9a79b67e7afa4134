"""Session fixtures: one real local stack (PostgreSQL, PostgREST, Caddy) per test run.

Each run gets its own data folder and free ports, so two checkouts can test
side by side; everything is stopped by PID at the end.
"""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Callable, Iterable, Iterator

import psycopg
import pytest

from devstack.paths import DATA
from devstack.processes import free_port
from devstack.stack import LocalStack, StackSettings
from tests.people import People, Person, create_person, load_people


@pytest.fixture(scope="session")
def stack() -> Iterator[LocalStack]:
    data_dir = DATA / f"test-{os.getpid()}-{uuid.uuid4().hex[:6]}"
    local = LocalStack(StackSettings(data_dir=data_dir, http_port=free_port()))
    local.start()
    try:
        yield local
    finally:
        local.stop()
        shutil.rmtree(data_dir, ignore_errors=True)
        shutil.rmtree(local.postgres.socket_dir, ignore_errors=True)


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
    try:
        yield conn
    finally:
        conn.rollback()
        conn.close()
