"""No lost edits: every edit names the version it saw; Take and Take over are different acts.

ADR 0017. The matrices read: who acts, with which version, and what happens.
"""

from __future__ import annotations

import threading

import psycopg
import pytest

from devstack.stack import LocalStack
from tests.db.helpers import as_person, file_request
from tests.people import People


def version(db: psycopg.Connection, request_id: int) -> int:
    row = db.execute(
        "select version from app.request_versions where request_id = %s", (request_id,)
    ).fetchone()
    assert row is not None
    return int(row[0])


def field(db: psycopg.Connection, request_id: int, column: str) -> object:
    row = db.execute(
        f"select {column}::text from app.requests where id = %s", (request_id,)
    ).fetchone()
    assert row is not None
    return row[0]


# Each edit the API offers, with the field it changes and the value it writes.
EDITS = {
    "title": ("select api.edit_request(%s, %s, title => 'New title')", "title", "New title"),
    "priority": ("select api.edit_request(%s, %s, priority => 'high')", "priority", "high"),
    "description": (
        "select api.edit_request(%s, %s, description => 'More detail')",
        "description",
        "More detail",
    ),
    "unassign": ("select api.assign_request(%s, %s, null)", "assignee_id", None),
}
# (edit, actor, version the actor saw: current or stale) → outcome
CONFLICT_MATRIX = [
    (edit, actor, seen, "ok" if seen == "current" else "PT409")
    for edit in EDITS
    for actor in ("ivan", "admin")
    for seen in ("current", "stale")
]


@pytest.mark.parametrize(("edit", "actor", "seen", "outcome"), CONFLICT_MATRIX)
def test_an_edit_succeeds_only_at_the_version_its_author_saw(
    db: psycopg.Connection, people: People, edit: str, actor: str, seen: str, outcome: str
) -> None:
    request_id = file_request(db, people["alice"], "IT", "Printer jams")
    as_person(db, people["ivan"], "select api.take_request(%s)", (request_id,))
    current = version(db, request_id)
    sql, column, value = EDITS[edit]
    expected_version = current if seen == "current" else current - 1
    before = field(db, request_id, column)
    if outcome == "ok":
        as_person(db, people[actor], sql, (request_id, expected_version))
        assert field(db, request_id, column) == value
        assert version(db, request_id) == current + 1
        return
    with pytest.raises(psycopg.Error) as raised, db.transaction():
        as_person(db, people[actor], sql, (request_id, expected_version))
    assert raised.value.sqlstate == outcome
    assert raised.value.diag.message_detail == "version"
    assert field(db, request_id, column) == before
    assert version(db, request_id) == current


def test_the_conflict_says_who_changed_what_and_when(
    db: psycopg.Connection, people: People
) -> None:
    request_id = file_request(db, people["alice"], "IT", "Printer jams")
    seen = version(db, request_id)
    # Ivan changes priority and title in one edit, while alice's tab still shows version 1.
    as_person(
        db,
        people["ivan"],
        "select api.edit_request(%s, %s, title => 'Printer 2 jams', priority => 'high')",
        (request_id, seen),
    )
    with pytest.raises(psycopg.Error) as raised, db.transaction():
        as_person(
            db,
            people["alice"],
            "select api.edit_request(%s, %s, description => 'Paper everywhere')",
            (request_id, seen),
        )
    message = str(raised.value.diag.message_primary)
    assert raised.value.sqlstate == "PT409"
    assert message.startswith("Ivan (IT) changed the title and priority of request IT-")
    assert "after you opened it" in message
    assert "now at version 2" in str(raised.value.diag.message_hint)
    # Nothing of alice's edit was written; ivan's stands.
    assert field(db, request_id, "description") == ""
    assert field(db, request_id, "title") == "Printer 2 jams"


def test_several_changes_since_are_counted(db: psycopg.Connection, people: People) -> None:
    request_id = file_request(db, people["alice"], "IT")
    for title in ("one", "two", "three"):
        as_person(
            db,
            people["ivan"],
            "select api.edit_request(%s, %s, title => %s)",
            (request_id, version(db, request_id), title),
        )
    with pytest.raises(psycopg.Error) as raised, db.transaction():
        as_person(
            db, people["ivan"], "select api.edit_request(%s, 1, title => 'four')", (request_id,)
        )
    message = str(raised.value.diag.message_primary)
    assert message.startswith("You (in another window) changed the title of request")
    assert "(it changed 3 times since you opened it)" in message


def test_a_comment_is_not_a_conflicting_edit(db: psycopg.Connection, people: People) -> None:
    request_id = file_request(db, people["alice"], "IT")
    seen = version(db, request_id)
    as_person(
        db,
        people["ivan"],
        "insert into api.comments (request_id, body) values (%s, 'Which printer?')",
        (request_id,),
    )
    as_person(
        db,
        people["alice"],
        "select api.edit_request(%s, %s, title => 'Printer 2')",
        (request_id, seen),
    )
    assert field(db, request_id, "title") == "Printer 2"


@pytest.mark.parametrize(
    "statement",
    [
        "update api.requests set title = 'sneaky' where id = %s",
        "update api.requests set assignee_id = '1ba00000-0000-4000-8000-000000000002' where id = %s",
    ],
)
def test_a_plain_patch_from_the_api_must_name_a_version(
    db: psycopg.Connection, people: People, statement: str
) -> None:
    request_id = file_request(db, people["alice"], "IT")
    with pytest.raises(psycopg.Error) as raised, db.transaction():
        as_person(db, people["ivan"], statement, (request_id,))
    assert raised.value.sqlstate == "PT428"
    assert raised.value.diag.message_detail == "version"


def test_an_admin_at_psql_edits_without_a_version(db: psycopg.Connection, people: People) -> None:
    request_id = file_request(db, people["alice"], "IT")
    as_person(
        db, None, "update app.requests set title = 'Fixed by psql' where id = %s", (request_id,)
    )
    assert field(db, request_id, "title") == "Fixed by psql"
    assert version(db, request_id) == 2


def test_status_moves_and_category_moves_count_as_versions(
    db: psycopg.Connection, people: People
) -> None:
    request_id = file_request(db, people["alice"], "IT")
    as_person(db, people["ivan"], "select api.transition_request(%s, 'in_progress')", (request_id,))
    assert version(db, request_id) == 2
    row = db.execute(
        "select changed_fields, changed_by_name from app.request_versions where request_id = %s",
        (request_id,),
    ).fetchone()
    assert row == (["assignee", "status"], "Ivan (IT)")
    # A stale edit after the move is refused, naming the move.
    with pytest.raises(psycopg.Error) as raised, db.transaction():
        as_person(
            db, people["ivan"], "select api.edit_request(%s, 1, priority => 'low')", (request_id,)
        )
    assert "changed the assignee and status" in str(raised.value.diag.message_primary)


def test_the_version_is_a_computed_field_of_requests(
    db: psycopg.Connection, people: People
) -> None:
    request_id = file_request(db, people["alice"], "IT")
    rows = as_person(
        db,
        people["alice"],
        "select r.id, api.version(r) from api.requests r where r.id = %s",
        (request_id,),
    )
    assert rows == [(request_id, 1)]


def test_an_edit_of_a_request_you_cannot_see_is_404(db: psycopg.Connection, people: People) -> None:
    request_id = file_request(db, people["alice"], "IT")
    with pytest.raises(psycopg.Error) as raised, db.transaction():
        as_person(db, people["olga"], "select api.edit_request(%s, 1, title => 'x')", (request_id,))
    assert raised.value.sqlstate == "PT404"


# Take: succeeds only while nobody has the request.
# (who holds it now, who takes) → outcome and who holds it afterwards.
TAKE_MATRIX = [
    (None, "ivan", "ok", "ivan"),
    ("ivan", "ivan", "ok", "ivan"),  # taking your own request again changes nothing
    ("hana_it", "ivan", "PT409", "hana_it"),
    (None, "alice", "PT403", None),  # the requester is no agent
    (None, "olga", "PT404", None),  # olga cannot see IT requests
]


@pytest.fixture
def hana_in_it(db: psycopg.Connection, people: People) -> str:
    """Hana also serves IT in these tests, so two agents can hold one request."""
    db.execute(
        "insert into app.team_members (user_id, category) values (%s, 'IT')", (people["hana"].id,)
    )
    return people["hana"].id


def holder_id(people: People, hana_id: str, name: str | None) -> str | None:
    if name is None:
        return None
    return hana_id if name == "hana_it" else people[name].id


@pytest.mark.parametrize(("holder", "taker", "outcome", "after"), TAKE_MATRIX)
def test_take(
    db: psycopg.Connection,
    people: People,
    hana_in_it: str,
    holder: str | None,
    taker: str,
    outcome: str,
    after: str | None,
) -> None:
    request_id = file_request(db, people["alice"], "IT")
    if holder is not None:
        as_person(
            db,
            None,
            "update app.requests set assignee_id = %s where id = %s",
            (holder_id(people, hana_in_it, holder), request_id),
        )
    if outcome == "ok":
        as_person(db, people[taker], "select api.take_request(%s)", (request_id,))
    else:
        with pytest.raises(psycopg.Error) as raised, db.transaction():
            as_person(db, people[taker], "select api.take_request(%s)", (request_id,))
        assert raised.value.sqlstate == outcome
        if outcome == "PT409":
            assert str(raised.value.diag.message_primary).startswith(
                "Hana (HR) already has request IT-"
            )
            assert "Take it over" in str(raised.value.diag.message_hint)
    assert field(db, request_id, "assignee_id") == holder_id(people, hana_in_it, after)


# Take over: the caller names whom they saw holding it (the SPA's confirmation).
# (holder now, whom the taker confirmed) → outcome
TAKE_OVER_MATRIX = [
    ("hana_it", "hana_it", "ok"),
    (None, "hana_it", "ok"),  # hana let go meanwhile: taking it over is then a take
    ("ivan", "hana_it", "ok"),  # already mine
    ("hana_it", None, "PT409"),  # confirmed "nobody has it", but hana took it meanwhile
    ("admin_it", "hana_it", "PT409"),  # it moved on to someone else: ask again
]


@pytest.mark.parametrize(("holder", "confirmed", "outcome"), TAKE_OVER_MATRIX)
def test_take_over(
    db: psycopg.Connection,
    people: People,
    hana_in_it: str,
    holder: str | None,
    confirmed: str | None,
    outcome: str,
) -> None:
    db.execute(
        "insert into app.team_members (user_id, category) values (%s, 'IT')", (people["admin"].id,)
    )
    ids = {
        "hana_it": hana_in_it,
        "ivan": people["ivan"].id,
        "admin_it": people["admin"].id,
        None: None,
    }
    request_id = file_request(db, people["alice"], "IT")
    if holder is not None:
        as_person(
            db,
            None,
            "update app.requests set assignee_id = %s where id = %s",
            (ids[holder], request_id),
        )
    sql = "select api.take_over_request(%s, %s)"
    if outcome == "ok":
        as_person(db, people["ivan"], sql, (request_id, ids[confirmed]))
        assert field(db, request_id, "assignee_id") == people["ivan"].id
        return
    with pytest.raises(psycopg.Error) as raised, db.transaction():
        as_person(db, people["ivan"], sql, (request_id, ids[confirmed]))
    assert raised.value.sqlstate == outcome
    assert "Confirm again" in str(raised.value.diag.message_hint)
    assert field(db, request_id, "assignee_id") == ids[holder]


def test_two_agents_taking_at_once_one_wins_and_the_other_is_told(
    stack: LocalStack, people: People
) -> None:
    """Real concurrency: the second take waits for the first to commit, then is refused."""
    with stack.connect() as setup:
        setup.autocommit = False
        request_id = file_request(setup, people["alice"], "IT", "collision probe")
        setup.execute(
            "insert into app.team_members (user_id, category) values (%s, 'IT') on conflict do nothing",
            (people["admin"].id,),
        )
        setup.commit()
    outcome: list[BaseException | str] = []
    try:
        with stack.connect() as first, stack.connect() as second:
            first.autocommit = second.autocommit = False
            as_person(first, people["ivan"], "select api.take_request(%s)", (request_id,))

            def take_second() -> None:
                try:
                    as_person(second, people["admin"], "select api.take_request(%s)", (request_id,))
                    outcome.append("taken")
                except psycopg.Error as error:
                    outcome.append(error)
                second.rollback()

            waiting = threading.Thread(target=take_second)
            waiting.start()
            waiting.join(timeout=1)
            assert waiting.is_alive(), "the second take should wait for the first's row lock"
            first.commit()
            waiting.join(timeout=30)
        assert len(outcome) == 1 and isinstance(outcome[0], psycopg.Error), outcome
        assert outcome[0].sqlstate == "PT409"
        assert str(outcome[0].diag.message_primary).startswith("Ivan (IT) already has request IT-")
    finally:
        with stack.connect() as cleanup:
            cleanup.execute(
                "delete from app.team_members where user_id = %s and category = 'IT'",
                (people["admin"].id,),
            )
