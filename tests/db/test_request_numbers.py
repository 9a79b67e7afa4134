"""Request numbers come from a sequence per category (0945, ADR 0012): creates
in one category do not wait for each other; keys stay unique and readable;
a rolled-back create leaves a gap that is never filled."""

from __future__ import annotations

from collections.abc import Iterator

import psycopg
import pytest

from devstack.stack import DBNAME, LocalStack
from tests.db.helpers import file_request
from tests.people import People, Person, authenticate_as


def key_and_number(db: psycopg.Connection, request_id: int) -> tuple[str, int]:
    row = db.execute("select key, number from app.requests where id = %s", (request_id,)).fetchone()
    assert row is not None
    return str(row[0]), int(row[1])


@pytest.fixture
def category(db: psycopg.Connection, people: People) -> str:
    """A category added at psql (inside the test's transaction), Alice files in it."""
    db.execute("insert into app.categories (code, name, key_prefix) values ('QA', 'Quality', 'QA')")
    return "QA"


def test_a_new_category_numbers_from_one(
    db: psycopg.Connection, people: People, category: str
) -> None:
    first = file_request(db, people["alice"], category)
    second = file_request(db, people["alice"], category)
    assert [key_and_number(db, r) for r in (first, second)] == [("QA-1", 1), ("QA-2", 2)]


def test_a_rolled_back_create_leaves_a_gap(
    db: psycopg.Connection, people: People, category: str
) -> None:
    file_request(db, people["alice"], category)
    with pytest.raises(psycopg.errors.DivisionByZero), db.transaction():
        file_request(db, people["alice"], category)  # numbered QA-2 …
        db.execute("select 1 / 0")  # … then its transaction fails
    third = file_request(db, people["alice"], category)
    assert key_and_number(db, third) == ("QA-3", 3)


def test_existing_categories_continue_after_their_highest_number(
    db: psycopg.Connection, people: People
) -> None:
    highest = db.execute("select max(number) from app.requests where category = 'IT'").fetchone()
    assert highest is not None
    new = file_request(db, people["alice"], "IT")
    key, number = key_and_number(db, new)
    assert number > (highest[0] or 0) and key == f"IT-{number}"


def test_a_renamed_category_keeps_counting_and_frees_its_code(
    db: psycopg.Connection, people: People, category: str
) -> None:
    file_request(db, people["alice"], category)
    db.execute("update app.categories set code = 'QUAL' where code = 'QA'")
    db.execute(
        "insert into app.categories (code, name, key_prefix) values ('QA', 'QA again', 'QAA')"
    )
    moved_on = file_request(db, people["alice"], "QUAL")
    fresh = file_request(db, people["alice"], "QA")
    assert key_and_number(db, moved_on) == ("QA-2", 2)
    assert key_and_number(db, fresh) == ("QAA-1", 1)


def test_a_removed_category_takes_its_sequence_along(db: psycopg.Connection, category: str) -> None:
    db.execute("delete from app.categories where code = %s", (category,))
    left = db.execute("select to_regclass('app.request_numbers_qa')").fetchone()
    assert left == (None,)


@pytest.fixture
def two_writers(stack: LocalStack) -> Iterator[tuple[psycopg.Connection, psycopg.Connection]]:
    first, second = (stack.postgres.connect(DBNAME) for _ in range(2))
    for conn in (first, second):
        conn.autocommit = False
    try:
        yield first, second
    finally:
        for conn in (first, second):
            conn.rollback()
            conn.close()


def file_as(conn: psycopg.Connection, person: Person) -> int:
    authenticate_as(conn, person)
    row = conn.execute(
        "insert into api.requests (title, category) values ('concurrent', 'IT') returning id"
    ).fetchone()
    assert row is not None
    return int(row[0])


def test_creates_in_one_category_do_not_wait_for_each_other(
    two_writers: tuple[psycopg.Connection, psycopg.Connection], people: People
) -> None:
    """The second create would wait for the first to commit if numbering held a
    lock to commit; lock_timeout turns such a wait into an error at once."""
    first, second = two_writers
    file_as(first, people["alice"])  # not committed: its transaction stays open
    second.execute("set local lock_timeout = '200ms'")
    file_as(second, people["ivan"])
    numbers = [
        conn.execute("select number from app.requests order by id desc limit 1").fetchone()
        for conn in (first, second)
    ]
    assert numbers[0] != numbers[1]
