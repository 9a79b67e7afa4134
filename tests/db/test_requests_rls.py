"""Row-level security: each demo person × each table/view × select/insert/update/delete.

The expected visibility is written here as plain predicates over the seed
(computed as superuser), independently of the policies under test.
"""

from __future__ import annotations

import psycopg
import pytest
from psycopg import errors

from tests.db.helpers import file_request, open_session
from tests.people import People, Person, authenticate_as, clear_authentication

NAMES = ["alice", "ivan", "hana", "olga", "admin"]


def expected_request_ids(db: psycopg.Connection, person: Person) -> set[int]:
    """docs/ARCHITECTURE.md: requesters their own; agents all in their categories plus their own; admins all."""
    rows = db.execute(
        "select id from app.requests where %s or requester_id = %s or category = any(%s)",
        (person.is_admin, person.id, list(person.agent_categories)),
    ).fetchall()
    return {r[0] for r in rows}


def visible(db: psycopg.Connection, person: Person, query: str) -> set[object]:
    authenticate_as(db, person)
    try:
        return {row[0] for row in db.execute(query).fetchall()}
    finally:
        clear_authentication(db)


@pytest.mark.parametrize("name", NAMES)
def test_select_requests(db: psycopg.Connection, people: People, name: str) -> None:
    person = people[name]
    assert visible(db, person, "select id from api.requests") == expected_request_ids(db, person)


@pytest.mark.parametrize("name", NAMES)
def test_select_comments(db: psycopg.Connection, people: People, name: str) -> None:
    person = people[name]
    request_ids = expected_request_ids(db, person)
    rows = db.execute(
        "select c.id, c.request_id, c.internal, r.category from app.comments c "
        "join app.requests r on r.id = c.request_id"
    ).fetchall()
    expected = {
        cid
        for cid, rid, internal, category in rows
        if rid in request_ids
        and (not internal or person.is_admin or category in person.agent_categories)
    }
    assert visible(db, person, "select id from api.comments") == expected


@pytest.mark.parametrize("name", NAMES)
def test_select_history(db: psycopg.Connection, people: People, name: str) -> None:
    person = people[name]
    request_ids = expected_request_ids(db, person)
    rows = db.execute(
        "select a.id, a.request_id, a.internal, r.category from app.audit_log a "
        "join app.requests r on r.id = a.request_id"
    ).fetchall()
    expected = {
        aid
        for aid, rid, internal, category in rows
        if rid in request_ids
        and (not internal or person.is_admin or category in person.agent_categories)
    }
    assert visible(db, person, "select id from api.request_history") == expected


@pytest.mark.parametrize("name", NAMES)
def test_select_people(db: psycopg.Connection, people: People, name: str) -> None:
    person = people[name]
    request_ids = list(expected_request_ids(db, person))
    if person.is_admin:
        expected = {r[0] for r in db.execute("select id::text from app.users").fetchall()}
    else:
        on_requests = db.execute(
            """select requester_id::text from app.requests where id = any(%(ids)s)
               union select assignee_id::text from app.requests where id = any(%(ids)s) and assignee_id is not null
               union select c.author_id::text from app.comments c join app.requests r on r.id = c.request_id
                      where r.id = any(%(ids)s) and (not c.internal or r.category = any(%(cats)s))
               union select user_id::text from app.team_members where category = any(%(cats)s)""",
            {"ids": request_ids, "cats": list(person.agent_categories)},
        ).fetchall()
        expected = {r[0] for r in on_requests} | {person.id}
    assert visible(db, person, "select id::text from api.people") == expected


@pytest.mark.parametrize("name", NAMES)
def test_emails_only_for_self_agents_and_admins(
    db: psycopg.Connection, people: People, name: str
) -> None:
    person = people[name]
    authenticate_as(db, person)
    rows = db.execute("select id::text, email from api.people").fetchall()
    clear_authentication(db)
    sees_emails = person.is_admin or bool(person.agent_categories)
    for person_id, email in rows:
        if person_id == person.id or sees_emails:
            assert email is not None
        else:
            assert email is None, f"{name} sees the email of {person_id}"


@pytest.mark.parametrize("name", NAMES)
def test_admin_columns_only_for_admins(db: psycopg.Connection, people: People, name: str) -> None:
    authenticate_as(db, people[name])
    flags = db.execute("select is_admin from api.people").fetchall()
    clear_authentication(db)
    assert all((flag is not None) == people[name].is_admin for (flag,) in flags)


@pytest.mark.parametrize("name", NAMES)
def test_select_team_members(db: psycopg.Connection, people: People, name: str) -> None:
    person = people[name]
    rows = db.execute("select user_id::text, category from app.team_members").fetchall()
    expected = {
        (uid, cat)
        for uid, cat in rows
        if person.is_admin or uid == person.id or cat in person.agent_categories
    }
    authenticate_as(db, person)
    got = {(r[0], r[1]) for r in db.execute("select user_id::text, category from api.team_members")}
    clear_authentication(db)
    assert got == expected


@pytest.mark.parametrize("name", NAMES)
def test_everyone_reads_categories_and_transitions(
    db: psycopg.Connection, people: People, name: str
) -> None:
    assert visible(db, people[name], "select code from api.categories") == {
        "IT",
        "OPS",
        "ADMIN",
        "HR",
    }
    assert (
        len(
            visible(db, people[name], "select from_status || to_status from api.status_transitions")
        )
        == 5
    )


@pytest.mark.parametrize("name", NAMES)
def test_me_is_the_caller(db: psycopg.Connection, people: People, name: str) -> None:
    person = people[name]
    authenticate_as(db, person)
    rows = db.execute("select id::text, is_admin, agent_categories from api.me").fetchall()
    clear_authentication(db)
    assert rows == [(person.id, person.is_admin, sorted(person.agent_categories))]


# --- writes -------------------------------------------------------------------------------


def some_request(db: psycopg.Connection, *, requester: Person, category: str, status: str) -> int:
    """A fresh open request filed by `requester` (as PostgREST would)."""
    assert status == "open"
    return file_request(db, requester, category)


@pytest.mark.parametrize("name", NAMES)
def test_insert_request_is_filed_as_the_caller(
    db: psycopg.Connection, people: People, name: str
) -> None:
    person = people[name]
    authenticate_as(db, person)
    row = db.execute(
        "insert into api.requests (title, category) values ('RLS probe', 'HR') returning requester_id::text, status"
    ).fetchone()
    clear_authentication(db)
    assert row == (person.id, "open")


# (person, whose request, category, expected outcome). Edits name the version
# the person saw (ADR 0017); a request they cannot see does not exist for them.
UPDATE_MATRIX = [
    ("alice", "alice", "IT", "ok"),  # own, open
    ("ivan", "alice", "IT", "ok"),  # agent of IT
    ("hana", "alice", "IT", "PT404"),  # agent of HR: cannot see it
    ("olga", "alice", "IT", "PT404"),
    ("admin", "alice", "IT", "ok"),
    ("alice", "hana", "HR", "PT404"),  # someone else's request
    ("hana", "hana", "HR", "ok"),
    ("ivan", "hana", "HR", "PT404"),
    ("olga", "alice", "OPS", "ok"),
    ("olga", "alice", "ADMIN", "ok"),
]


@pytest.mark.parametrize(("name", "owner", "category", "outcome"), UPDATE_MATRIX)
def test_update_request(
    db: psycopg.Connection, people: People, name: str, owner: str, category: str, outcome: str
) -> None:
    request_id = some_request(db, requester=people[owner], category=category, status="open")
    edit = "select api.edit_request(%s, 1, description => 'edited in the RLS test')"
    if outcome == "ok":
        authenticate_as(db, people[name])
        db.execute(edit, (request_id,))
        clear_authentication(db)
    else:
        with pytest.raises(psycopg.Error) as raised, db.transaction():
            authenticate_as(db, people[name])
            db.execute(edit, (request_id,))
        assert raised.value.sqlstate == outcome
    # Row-level security still hides the row from a plain UPDATE: zero rows, no error.
    if outcome != "ok":
        authenticate_as(db, people[name])
        updated = db.execute(
            "update api.requests set description = 'edited in the RLS test' where id = %s",
            (request_id,),
        ).rowcount
        clear_authentication(db)
        assert updated == 0
    description = db.execute(
        "select description from app.requests where id = %s", (request_id,)
    ).fetchone()
    assert (description == ("edited in the RLS test",)) == (outcome == "ok")


@pytest.mark.parametrize("name", NAMES)
def test_nobody_deletes_requests_or_comments(
    db: psycopg.Connection, people: People, name: str
) -> None:
    for statement in (
        "delete from api.requests",
        "delete from api.comments",
        "delete from api.request_history",
    ):
        with pytest.raises(errors.InsufficientPrivilege), db.transaction():
            authenticate_as(db, people[name])
            db.execute(statement)


@pytest.mark.parametrize("name", NAMES)
def test_nobody_edits_comments(db: psycopg.Connection, people: People, name: str) -> None:
    with pytest.raises(errors.InsufficientPrivilege), db.transaction():
        authenticate_as(db, people[name])
        db.execute("update api.comments set body = 'rewritten'")


# (person, whose request, category, internal, outcome)
COMMENT_MATRIX = [
    ("alice", "alice", "IT", False, "ok"),
    ("alice", "alice", "IT", True, "PT403"),  # internal notes are for agents
    ("ivan", "alice", "IT", True, "ok"),
    ("ivan", "alice", "IT", False, "ok"),
    ("hana", "alice", "IT", False, "PT404"),  # cannot see it: as if it did not exist
    ("alice", "hana", "HR", False, "PT404"),
    ("olga", "alice", "OPS", True, "ok"),
    ("admin", "alice", "HR", True, "ok"),
]


@pytest.mark.parametrize(("name", "owner", "category", "internal", "outcome"), COMMENT_MATRIX)
def test_insert_comment(
    db: psycopg.Connection,
    people: People,
    name: str,
    owner: str,
    category: str,
    internal: bool,
    outcome: str,
) -> None:
    request_id = some_request(db, requester=people[owner], category=category, status="open")
    statement = "insert into api.comments (request_id, body, internal) values (%s, 'probe', %s)"
    if outcome == "ok":
        authenticate_as(db, people[name])
        db.execute(statement, (request_id, internal))
        clear_authentication(db)
        return
    expected: type[psycopg.Error] = (
        errors.InsufficientPrivilege if outcome == "rls" else psycopg.Error
    )
    with pytest.raises(expected) as raised, db.transaction():
        authenticate_as(db, people[name])
        db.execute(statement, (request_id, internal))
    if outcome != "rls":
        assert raised.value.sqlstate == outcome


@pytest.mark.parametrize("name", ["alice", "ivan", "hana", "olga"])
def test_only_admins_manage_team_members(db: psycopg.Connection, people: People, name: str) -> None:
    with pytest.raises(errors.InsufficientPrivilege), db.transaction():
        authenticate_as(db, people[name])
        db.execute(
            "insert into api.team_members (user_id, category) values (%s, 'IT')", (people[name].id,)
        )
    authenticate_as(db, people[name])
    deleted = db.execute("delete from api.team_members").rowcount
    clear_authentication(db)
    assert deleted == 0


def test_admin_manages_team_members(db: psycopg.Connection, people: People) -> None:
    authenticate_as(db, people["admin"])
    db.execute(
        "insert into api.team_members (user_id, category) values (%s, 'IT')", (people["alice"].id,)
    )
    deleted = db.execute(
        "delete from api.team_members where user_id = %s and category = 'IT'", (people["alice"].id,)
    ).rowcount
    clear_authentication(db)
    assert deleted == 1


@pytest.mark.parametrize("name", NAMES)
def test_nobody_writes_people_directly(db: psycopg.Connection, people: People, name: str) -> None:
    with pytest.raises(errors.InsufficientPrivilege), db.transaction():
        authenticate_as(db, people[name])
        db.execute("update app.users set is_admin = true")


@pytest.mark.parametrize("name", NAMES)
def test_sessions_are_private(db: psycopg.Connection, people: People, name: str) -> None:
    mine = {open_session(db, people[name])}
    others = {open_session(db, people[other]) for other in NAMES if other != name}
    authenticate_as(db, people[name])
    seen = {r[0] for r in db.execute("select id::text from api.my_sessions")}
    ended = db.execute(
        "update auth.sessions set revoked_at = now() where id = any(%s::uuid[])", (list(others),)
    ).rowcount
    clear_authentication(db)
    assert mine <= seen
    assert not (others & seen)
    assert ended == 0
