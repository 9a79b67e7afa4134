"""Disabling someone whose psql login role is missing from the cluster (after a
restore from a logical dump, before its roles.sql ran) still disables them
(db/migrations/1030_disable_person_without_login.sql)."""

from __future__ import annotations

import psycopg

from tests.db.helpers import as_person
from tests.people import People


def test_disable_and_enable_work_when_the_login_role_is_missing(
    db: psycopg.Connection, people: People
) -> None:
    olga = people["olga"]
    as_person(db, None, "select app.create_admin_login(%s, 'olga_gone')", (olga.id,))
    db.execute("drop role olga_gone")  # as if the cluster never had it
    notices: list[str] = []
    db.add_notice_handler(lambda diag: notices.append(diag.message_primary or ""))

    as_person(db, None, "select app.disable_person(%s)", (olga.id,))
    assert db.execute(
        "select disabled_at is not null from app.users where id = %s", (olga.id,)
    ).fetchone() == (True,)
    assert any("olga_gone does not exist in this cluster" in n for n in notices), notices

    as_person(db, None, "select app.enable_person(%s)", (olga.id,))
    assert db.execute(
        "select disabled_at is null from app.users where id = %s", (olga.id,)
    ).fetchone() == (True,)


def test_disable_still_closes_a_login_that_exists(db: psycopg.Connection, people: People) -> None:
    as_person(db, None, "select app.create_admin_login(%s, 'olga_here')", (people["olga"].id,))
    as_person(db, None, "select app.disable_person(%s)", (people["olga"].id,))
    assert db.execute(
        "select rolcanlogin from pg_roles where rolname = 'olga_here'"
    ).fetchone() == (False,)
