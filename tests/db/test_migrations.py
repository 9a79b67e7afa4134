"""Migrations apply, roll back and apply again, cleanly, on a fresh database."""

from __future__ import annotations

import contextlib
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from devstack.paths import MIGRATIONS, ROOT
from devstack.stack import LocalStack

DBNAME = "reqstly_migrations"


@contextlib.contextmanager
def empty_database(stack: LocalStack, name: str) -> Iterator[str]:
    stack.postgres.drop_database(name)
    stack.postgres.create_database(name)
    try:
        yield name
    finally:
        stack.postgres.drop_database(name)


@pytest.fixture
def scratch_database(stack: LocalStack) -> Iterator[str]:
    with empty_database(stack, DBNAME) as name:
        yield name


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


def landing_order() -> list[str]:
    """Migration ids in the order they reached this branch, oldest first.

    Read from git along the first-parent line: a migration merged from
    another branch lands at its merge commit, which is when a database
    upgraded at every release ran it. Files not committed yet land last.
    Ties (added by one commit) keep their names' order.
    """
    log = subprocess.run(
        [
            "git",
            "log",
            "--first-parent",
            "--reverse",
            "--diff-filter=A",
            "--name-only",
            "--format=",
            "--",
            "db/migrations/*.sql",
        ],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    landed: list[str] = []
    for line in log.splitlines():
        name = Path(line).name
        if name.endswith(".sql") and not name.endswith(".rollback.sql"):
            migration_id = name.removesuffix(".sql")
            if migration_id not in landed:
                landed.append(migration_id)
    present = sorted(
        p.name.removesuffix(".sql")
        for p in MIGRATIONS.glob("*.sql")
        if not p.name.endswith(".rollback.sql")
    )
    landed = [m for m in landed if m in present]
    return landed + [m for m in present if m not in landed]


@pytest.fixture
def upgraded_database(stack: LocalStack) -> Iterator[str]:
    with empty_database(stack, f"{DBNAME}_upgraded") as name:
        yield name


def test_a_fresh_and_an_upgraded_database_end_with_the_same_schema(
    stack: LocalStack, scratch_database: str, upgraded_database: str
) -> None:
    """yoyo runs a fresh database's migrations by name; a database upgraded at
    every release ran them as they landed. A migration numbered below one
    that landed before it must not change the result (db/README.md)."""
    order = landing_order()
    by_name = sorted(order)
    late = [m for i, m in enumerate(order) if any(m < earlier for earlier in order[:i])]
    print(f"{len(order)} migrations; landed out of name order: {late or 'none'}")
    stack.postgres.migrate(scratch_database)
    stack.postgres.migrate_in_order(upgraded_database, order)
    with stack.postgres.connect(upgraded_database) as conn:
        applied = {r[0] for r in conn.execute("select migration_id from _yoyo_migration")}
    assert applied == set(by_name)
    assert stack.postgres.schema_dump(upgraded_database) == stack.postgres.schema_dump(
        scratch_database
    )
