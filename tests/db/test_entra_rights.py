"""Rights from Entra ID (0930): while authsvc maps app roles to rights, the
sign-in is the one source of a person's admin flag and agent categories;
psql and the admin functions refuse to change them, with a sentence."""

from __future__ import annotations

import uuid

import psycopg
import pytest

from tests.db.helpers import as_person
from tests.people import DEMO_ADMIN_LOGIN, People

REFUSAL = (
    "Erin Entra's rights come from their Entra ID app roles, so they cannot be changed in Reqstly."
)
TENANT = "7e4a1c00-0000-4000-8000-00000000d3a0"


def sign_in(
    db: psycopg.Connection,
    object_id: str,
    *,
    mapping_on: bool,
    is_admin: bool = False,
    agent_of: tuple[str, ...] = (),
) -> str:
    """What authsvc does at an Azure sign-in (auth.upsert_azure_person)."""
    row = db.execute(
        "select person_id::text from auth.upsert_azure_person(%s, %s, 'Erin Entra', "
        "'erin@example.com', %s, %s, %s)",
        (TENANT, object_id, mapping_on, is_admin, list(agent_of)),
    ).fetchone()
    assert row is not None
    return str(row[0])


def rights(db: psycopg.Connection, person: str) -> tuple[object, ...]:
    row = db.execute(
        """select u.rights_from_entra, u.is_admin,
                  array(select category from app.team_members where user_id = u.id order by 1)
             from app.users u where u.id = %s""",
        (person,),
    ).fetchone()
    assert row is not None
    return tuple(row)


@pytest.fixture
def erin(db: psycopg.Connection) -> str:
    """A person whose rights the Entra mapping sets: agent of IT."""
    return sign_in(db, str(uuid.uuid4()), mapping_on=True, agent_of=("IT",))


def test_each_sign_in_records_who_decides(db: psycopg.Connection) -> None:
    oid = str(uuid.uuid4())
    person = sign_in(db, oid, mapping_on=True, is_admin=True, agent_of=("HR", "IT"))
    assert rights(db, person) == (True, True, ["HR", "IT"])
    sign_in(db, oid, mapping_on=True, agent_of=("OPS",))
    assert rights(db, person) == (True, False, ["OPS"])
    sign_in(db, oid, mapping_on=False)
    assert rights(db, person) == (False, False, ["OPS"])


@pytest.mark.parametrize(
    "change",
    [
        "select app.set_admin(%(p)s, true)",
        "insert into app.team_members (user_id, category) values (%(p)s, 'HR')",
        "delete from app.team_members where user_id = %(p)s",
        "select app.create_admin_login(%(p)s, 'erin_admin')",
    ],
    ids=["set_admin", "add agent", "remove agent", "create_admin_login"],
)
def test_a_psql_admin_is_refused_with_where_to_change_it(
    db: psycopg.Connection, erin: str, change: str
) -> None:
    with pytest.raises(psycopg.Error) as raised, db.transaction():
        as_person(db, None, change, {"p": erin})  # type: ignore[arg-type]
    assert raised.value.sqlstate == "PT409"
    assert raised.value.diag.message_primary == REFUSAL
    assert raised.value.diag.message_hint == (
        "Change their app role assignment in Entra ID; Reqstly applies it at their next sign-in."
    )
    assert rights(db, erin) == (True, False, ["IT"])


def test_the_admin_screens_call_is_refused(
    db: psycopg.Connection, people: People, erin: str
) -> None:
    with pytest.raises(psycopg.Error) as raised, db.transaction():
        as_person(db, people["admin"], "select api.set_admin(%s, true)", (erin,))
    assert raised.value.diag.message_primary == REFUSAL
    shown = as_person(
        db, people["admin"], "select rights_from_entra from api.people where id = %s", (erin,)
    )
    assert shown == [(True,)]


def test_a_superusers_plain_update_is_refused_too(db: psycopg.Connection, erin: str) -> None:
    with pytest.raises(psycopg.Error) as raised, db.transaction():
        db.execute("update app.users set is_admin = true where id = %s", (erin,))
    assert raised.value.diag.message_primary == REFUSAL


def test_a_psql_login_cannot_pretend_to_be_the_sign_in(db: psycopg.Connection, erin: str) -> None:
    with pytest.raises(psycopg.Error) as raised, db.transaction():
        db.execute(f"set local role {DEMO_ADMIN_LOGIN}")
        db.execute("select set_config('reqstly.entra_rights_sync', %s, true)", (erin,))
        db.execute("select app.set_admin(%s, true)", (erin,))
    assert raised.value.diag.message_primary == REFUSAL


def test_people_outside_the_mapping_are_managed_in_reqstly(
    db: psycopg.Connection, people: People
) -> None:
    person = sign_in(db, str(uuid.uuid4()), mapping_on=False)
    as_person(db, people["admin"], "select api.set_admin(%s, true)", (person,))
    as_person(
        db, None, "insert into app.team_members (user_id, category) values (%s, 'HR')", (person,)
    )
    assert rights(db, person) == (False, True, ["HR"])


def test_only_admins_see_the_flag(db: psycopg.Connection, people: People, erin: str) -> None:
    shown = as_person(
        db, people["ivan"], "select rights_from_entra from api.people where id = %s", (erin,)
    )
    assert shown == [(None,)]
