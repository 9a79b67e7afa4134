"""Migrations apply, roll back and apply again, cleanly, on a fresh database."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from devstack.paths import MIGRATIONS
from devstack.stack import LocalStack

DBNAME = "reqstly_migrations"


@pytest.fixture
def scratch_database(stack: LocalStack) -> Iterator[str]:
    stack.postgres.drop_database(DBNAME)
    stack.postgres.create_database(DBNAME)
    try:
        yield DBNAME
    finally:
        stack.postgres.drop_database(DBNAME)


def schemas(stack: LocalStack, dbname: str) -> set[str]:
    with stack.postgres.connect(dbname) as conn:
        rows = conn.execute(
            "select nspname from pg_namespace where nspname in ('app', 'api', 'auth', 'metrics')"
        )
        return {r[0] for r in rows}


def test_every_migration_has_a_rollback() -> None:
    forward = {
        p.name.removesuffix(".sql")
        for p in MIGRATIONS.glob("*.sql")
        if not p.name.endswith(".rollback.sql")
    }
    rollback = {p.name.removesuffix(".rollback.sql") for p in MIGRATIONS.glob("*.rollback.sql")}
    assert forward == rollback


def test_apply_roll_back_apply(stack: LocalStack, scratch_database: str) -> None:
    applied = stack.postgres.migrate(scratch_database)
    assert len(applied) == len(list(MIGRATIONS.glob("*.rollback.sql")))
    dump_first = stack.postgres.schema_dump(scratch_database)

    rolled_back = stack.postgres.rollback_all(scratch_database)
    assert sorted(rolled_back) == sorted(applied)
    assert schemas(stack, scratch_database) == set()

    assert stack.postgres.migrate(scratch_database) == applied
    assert stack.postgres.schema_dump(scratch_database) == dump_first
