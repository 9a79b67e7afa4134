"""Changes to people's rights are recorded, append-only, for admins' eyes only."""

from __future__ import annotations

import psycopg
import pytest

from tests.db.helpers import as_person
from tests.people import DEMO_ADMIN_LOGIN, People


def entries(db: psycopg.Connection, person_id: str) -> list[tuple[object, ...]]:
    return db.execute(
        "select change, category, actor_role from app.rights_log where person_id = %s order by id",
        (person_id,),
    ).fetchall()


def test_rights_changes_are_logged_with_their_actor(db: psycopg.Connection, people: People) -> None:
    alice = people["alice"].id
    as_person(
        db, None, "insert into app.team_members (user_id, category) values (%s, 'IT')", (alice,)
    )
    as_person(db, None, "delete from app.team_members where user_id = %s", (alice,))
    as_person(db, people["admin"], "select api.set_admin(%s, true)", (alice,))
    as_person(db, people["admin"], "select api.disable_person(%s)", (alice,))
    as_person(db, people["admin"], "select api.enable_person(%s)", (alice,))
    assert entries(db, alice) == [
        ("agent_added", "IT", DEMO_ADMIN_LOGIN),
        ("agent_removed", "IT", DEMO_ADMIN_LOGIN),
        ("admin_granted", None, "web_user"),
        ("disabled", None, "web_user"),
        ("enabled", None, "web_user"),
    ]
    actor = db.execute(
        "select distinct actor_id::text from app.rights_log where person_id = %s", (alice,)
    ).fetchall()
    assert actor == [(people["admin"].id,)]


@pytest.mark.parametrize("name", ["alice", "ivan", "hana", "olga"])
def test_only_admins_read_the_rights_history(
    db: psycopg.Connection, people: People, name: str
) -> None:
    as_person(
        db,
        None,
        "insert into app.team_members (user_id, category) values (%s, 'HR')",
        (people["ivan"].id,),
    )
    assert as_person(db, people[name], "select count(*) from api.rights_history") == [(0,)]
    (count,) = as_person(db, people["admin"], "select count(*) from api.rights_history")[0]
    assert isinstance(count, int) and count >= 1


def test_the_rights_log_is_append_only(db: psycopg.Connection, people: People) -> None:
    as_person(
        db,
        None,
        "insert into app.team_members (user_id, category) values (%s, 'HR')",
        (people["ivan"].id,),
    )
    for statement in ("update app.rights_log set change = 'enabled'", "delete from app.rights_log"):
        with pytest.raises(psycopg.Error) as raised, db.transaction():
            db.execute(statement)
        assert "append-only" in str(raised.value.diag.message_primary)
