"""Passkeys through api.my_passkeys: each person sees, renames and removes
their own only; removing one ends the owner's other sessions, never the
current one (docs/API.md, docs/ARCHITECTURE.md "Sign-in")."""

from __future__ import annotations

import secrets

import psycopg
import pytest
from psycopg import errors

from tests.db.helpers import open_session
from tests.people import People, Person, authenticate_as, clear_authentication

NAMES = ["alice", "ivan", "hana", "olga", "admin"]


def add_passkey(db: psycopg.Connection, person: Person, name: str = "Laptop") -> str:
    row = db.execute(
        """insert into auth.passkeys (user_id, credential_id, public_key, backup_eligible, backed_up, name)
           values (%s, %s, %s, false, false, %s) returning id::text""",
        (person.id, secrets.token_bytes(32), b"\xa5" + secrets.token_bytes(64), name),
    ).fetchone()
    assert row is not None
    return str(row[0])


def live_sessions(db: psycopg.Connection, ids: list[str]) -> set[str]:
    rows = db.execute(
        "select id::text from auth.sessions where id = any(%s::uuid[]) and revoked_at is null",
        (ids,),
    ).fetchall()
    return {r[0] for r in rows}


@pytest.mark.parametrize("name", NAMES)
def test_each_person_sees_only_their_own_passkeys(
    db: psycopg.Connection, people: People, name: str
) -> None:
    mine = {add_passkey(db, people[name])}
    others = {add_passkey(db, people[o]) for o in NAMES if o != name}
    authenticate_as(db, people[name])
    seen = {r[0] for r in db.execute("select id::text from api.my_passkeys").fetchall()}
    direct = {r[0] for r in db.execute("select id::text from auth.passkeys").fetchall()}
    clear_authentication(db)
    assert mine <= seen
    assert not (others & seen)
    assert not (others & direct)


def test_the_view_shows_exactly_the_contract_columns(
    db: psycopg.Connection, people: People
) -> None:
    add_passkey(db, people["alice"])
    authenticate_as(db, people["alice"])
    cursor = db.execute("select * from api.my_passkeys")
    columns = [c.name for c in cursor.description or []]
    clear_authentication(db)
    assert columns == ["id", "name", "created_at", "last_used_at", "backed_up"]


@pytest.mark.parametrize("name", NAMES)
def test_nobody_renames_or_removes_someone_elses_passkey(
    db: psycopg.Connection, people: People, name: str
) -> None:
    victim = "ivan" if name != "ivan" else "alice"
    theirs = add_passkey(db, people[victim], "Theirs")
    their_session = open_session(db, people[victim])
    authenticate_as(db, people[name], open_session(db, people[name]))
    renamed = db.execute(
        "update api.my_passkeys set name = 'mine now' where id = %s", (theirs,)
    ).rowcount
    removed = db.execute("delete from api.my_passkeys where id = %s", (theirs,)).rowcount
    renamed_direct = db.execute(
        "update auth.passkeys set name = 'mine now' where id = %s", (theirs,)
    ).rowcount
    removed_direct = db.execute("delete from auth.passkeys where id = %s", (theirs,)).rowcount
    clear_authentication(db)
    assert (renamed, removed, renamed_direct, removed_direct) == (0, 0, 0, 0)
    row = db.execute("select name from auth.passkeys where id = %s", (theirs,)).fetchone()
    assert row == ("Theirs",)
    assert live_sessions(db, [their_session]) == {their_session}


def test_the_owner_renames_their_passkey(db: psycopg.Connection, people: People) -> None:
    mine = add_passkey(db, people["hana"])
    authenticate_as(db, people["hana"])
    renamed = db.execute(
        "update api.my_passkeys set name = '  Work phone ' where id = %s", (mine,)
    ).rowcount
    clear_authentication(db)
    assert renamed == 1
    assert db.execute("select name from auth.passkeys where id = %s", (mine,)).fetchone() == (
        "Work phone",
    )


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("", "Give the passkey a name."),
        ("   ", "Give the passkey a name."),
        ("x" * 101, "The name is 101 characters long; keep a passkey's name to 100."),
        ("a\tb", "A passkey's name cannot contain line breaks or control characters."),
    ],
    ids=["empty", "blank", "too-long", "control"],
)
def test_a_bad_name_is_refused_with_the_field(
    db: psycopg.Connection, people: People, name: str, message: str
) -> None:
    mine = add_passkey(db, people["olga"])
    with pytest.raises(errors.CheckViolation) as raised, db.transaction():
        authenticate_as(db, people["olga"])
        db.execute("update api.my_passkeys set name = %s where id = %s", (name, mine))
    assert raised.value.diag.message_primary == message
    assert raised.value.diag.message_detail == "name"


@pytest.mark.parametrize(
    "column",
    ["public_key", "sign_count", "credential_id", "backup_eligible", "backed_up", "user_id"],
)
def test_only_the_name_is_writable(db: psycopg.Connection, people: People, column: str) -> None:
    add_passkey(db, people["alice"])
    with pytest.raises(errors.InsufficientPrivilege), db.transaction():
        authenticate_as(db, people["alice"])
        db.execute(f"update auth.passkeys set {column} = {column}")
    if column in {"backed_up", "user_id"}:
        return  # shown (backed_up) or needed by the policies (user_id)
    # Keys and counters are not even readable.
    with pytest.raises(errors.InsufficientPrivilege), db.transaction():
        authenticate_as(db, people["alice"])
        db.execute(f"select {column} from auth.passkeys")


def test_nobody_adds_a_passkey_through_the_api(db: psycopg.Connection, people: People) -> None:
    with pytest.raises(errors.InsufficientPrivilege), db.transaction():
        authenticate_as(db, people["alice"])
        db.execute("insert into api.my_passkeys (name) values ('sneaky')")


def test_removing_a_passkey_ends_the_owners_other_sessions_but_not_this_one(
    db: psycopg.Connection, people: People
) -> None:
    alice, ivan = people["alice"], people["ivan"]
    mine = add_passkey(db, alice)
    current, other_1, other_2 = (open_session(db, alice, "passkey") for _ in range(3))
    ivans = open_session(db, ivan)
    authenticate_as(db, alice, current)
    removed = db.execute("delete from api.my_passkeys where id = %s", (mine,)).rowcount
    clear_authentication(db)
    assert removed == 1
    assert live_sessions(db, [current, other_1, other_2, ivans]) == {current, ivans}
    reasons = db.execute(
        "select distinct revoked_reason from auth.sessions where id = any(%s::uuid[])",
        ([other_1, other_2],),
    ).fetchall()
    assert reasons == [("passkey removed",)]


def test_removing_a_passkey_at_psql_ends_every_session_of_the_owner(
    db: psycopg.Connection, people: People
) -> None:
    mine = add_passkey(db, people["hana"])
    sessions = [open_session(db, people["hana"]) for _ in range(2)]
    db.execute("delete from auth.passkeys where id = %s", (mine,))
    assert live_sessions(db, sessions) == set()


def test_authsvc_reaches_passkeys_only_through_its_functions(db: psycopg.Connection) -> None:
    for table in ("auth.passkeys", "auth.webauthn_challenges"):
        for privilege in ("SELECT", "INSERT", "UPDATE", "DELETE"):
            allowed = db.execute(
                "select has_table_privilege('authsvc', %s, %s)", (table, privilege)
            ).fetchone()
            assert allowed == (False,), f"authsvc may {privilege} {table}"
    for role in ("web_user", "web_anon"):
        allowed = db.execute(
            "select has_table_privilege(%s, 'auth.webauthn_challenges', 'SELECT')", (role,)
        ).fetchone()
        assert allowed == (False,)
        handle = db.execute(
            "select has_column_privilege(%s, 'app.users', 'webauthn_user_id', 'SELECT')", (role,)
        ).fetchone()
        assert handle == (False,)


def test_web_users_cannot_call_authsvcs_functions(db: psycopg.Connection, people: People) -> None:
    with pytest.raises(errors.InsufficientPrivilege), db.transaction():
        authenticate_as(db, people["admin"])
        db.execute("select * from auth.passkey_for_sign_in('\\x00'::bytea)")
