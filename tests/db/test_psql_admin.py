"""An admin at a psql prompt: their own login role, the same rules and the same audit."""

from __future__ import annotations

import psycopg
import pytest

from devstack.stack import LocalStack
from tests.db.helpers import as_person, file_request, open_session
from tests.people import DEMO_ADMIN_LOGIN, People


def test_the_demo_admin_can_log_in_and_is_recognised(stack: LocalStack, people: People) -> None:
    with stack.connect(user=DEMO_ADMIN_LOGIN) as conn:
        row = conn.execute("select id::text, is_admin from api.me").fetchone()
    assert row == (people["admin"].id, True)


def test_assign_transition_comment_as_psql_admin(db: psycopg.Connection, people: People) -> None:
    request_id = file_request(db, people["alice"], "IT")
    as_person(
        db,
        None,
        "update app.requests set assignee_id = %s where id = %s",
        (people["ivan"].id, request_id),
    )
    as_person(db, None, "select app.set_request_status(%s, 'in_progress')", (request_id,))
    as_person(
        db, None, "insert into app.comments (request_id, body) values (%s, 'On it.')", (request_id,)
    )
    row = db.execute(
        "select status, assignee_id::text from app.requests where id = %s", (request_id,)
    ).fetchone()
    assert row == ("in_progress", people["ivan"].id)
    actors = db.execute(
        "select distinct actor_id::text, actor_role from app.audit_log where request_id = %s and seq > 1",
        (request_id,),
    ).fetchall()
    assert actors == [(people["admin"].id, DEMO_ADMIN_LOGIN)]


def test_psql_admin_is_held_to_the_same_rules(db: psycopg.Connection, people: People) -> None:
    request_id = file_request(db, people["alice"], "IT")
    with pytest.raises(psycopg.Error) as raised, db.transaction():
        as_person(
            db,
            None,
            "update app.requests set assignee_id = %s where id = %s",
            (people["hana"].id, request_id),
        )
    assert raised.value.diag.message_detail == "assignee_id"
    assert "not an agent of IT" in str(raised.value.diag.message_primary)


def test_psql_admin_grants_agent_rights(db: psycopg.Connection, people: People) -> None:
    as_person(
        db,
        None,
        "insert into app.team_members (user_id, category) values (%s, 'HR')",
        (people["ivan"].id,),
    )
    request_id = file_request(db, people["alice"], "HR")
    assert as_person(
        db, people["ivan"], "select count(*) from api.requests where id = %s", (request_id,)
    ) == [(1,)]


def test_create_admin_login_makes_an_admin_with_a_login(
    db: psycopg.Connection, people: People
) -> None:
    as_person(db, None, "select app.create_admin_login(%s, 'olga_admin')", (people["olga"].id,))
    row = db.execute(
        """select u.is_admin, u.db_role, r.rolcanlogin, pg_has_role('olga_admin', 'reqstly_admin', 'member')
             from app.users u join pg_roles r on r.rolname = u.db_role where u.id = %s""",
        (people["olga"].id,),
    ).fetchone()
    assert row == (True, "olga_admin", True, True)


def test_only_admins_create_logins(db: psycopg.Connection, people: People) -> None:
    with pytest.raises(psycopg.Error), db.transaction():
        as_person(
            db,
            people["ivan"],
            "select app.create_admin_login(%s, 'ivan_admin')",
            (people["ivan"].id,),
        )


@pytest.mark.parametrize("bad_name", ["postgres", "authenticator", "Bad Name", "x"])
def test_create_admin_login_refuses_reserved_or_odd_names(
    db: psycopg.Connection, people: People, bad_name: str
) -> None:
    with pytest.raises(psycopg.Error) as raised, db.transaction():
        as_person(db, None, "select app.create_admin_login(%s, %s)", (people["olga"].id, bad_name))
    assert raised.value.diag.message_detail == "role_name"


def test_disable_person_ends_sessions_and_hides_everything(
    db: psycopg.Connection, people: People
) -> None:
    alice = people["alice"]
    session = open_session(db, alice)
    as_person(db, None, "select app.disable_person(%s)", (alice.id,))
    row = db.execute(
        "select revoked_at is not null, revoked_reason from auth.sessions where id = %s",
        (session,),
    ).fetchone()
    assert row == (True, "person disabled")
    assert db.execute(
        "select disabled_at is not null from app.users where id = %s", (alice.id,)
    ).fetchone() == (True,)


def test_disabling_an_admin_closes_their_psql_login(db: psycopg.Connection, people: People) -> None:
    as_person(db, None, "select app.create_admin_login(%s, 'olga_admin')", (people["olga"].id,))
    as_person(db, None, "select app.disable_person(%s)", (people["olga"].id,))
    assert db.execute(
        "select rolcanlogin from pg_roles where rolname = 'olga_admin'"
    ).fetchone() == (False,)


def test_the_last_admin_cannot_be_removed(db: psycopg.Connection, people: People) -> None:
    with pytest.raises(psycopg.Error) as raised, db.transaction():
        # Other suites sign in admins of their own; leave the seeded one the last.
        db.execute(
            "update app.users set is_admin = false where is_admin and id <> %s",
            (people["admin"].id,),
        )
        as_person(db, None, "select app.set_admin(%s, false)", (people["admin"].id,))
    assert raised.value.sqlstate == "PT409"


def test_an_admin_cannot_disable_themself(db: psycopg.Connection, people: People) -> None:
    with pytest.raises(psycopg.Error) as raised, db.transaction():
        as_person(db, people["admin"], "select api.disable_person(%s)", (people["admin"].id,))
    assert raised.value.sqlstate == "PT409"
