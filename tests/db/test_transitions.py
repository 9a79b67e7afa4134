"""The status machine: every move × every kind of actor, as docs/ARCHITECTURE.md describes it."""

from __future__ import annotations

import psycopg
import pytest

from tests.db.helpers import as_person, file_request
from tests.people import People, clear_authentication

STATUSES = ["open", "in_progress", "resolved", "cancelled"]
NOTE_REQUIRED = {("in_progress", "resolved"), ("resolved", "open")}

# Who may make each shipped move. Any move not listed does not exist (409).
ALLOWED = {
    ("open", "in_progress"): {"ivan", "admin", "psql_admin"},
    ("in_progress", "resolved"): {"ivan", "admin", "psql_admin"},
    ("in_progress", "open"): {"ivan", "admin", "psql_admin"},
    ("resolved", "open"): {"alice", "ivan", "admin", "psql_admin"},
    ("open", "cancelled"): {"alice", "admin", "psql_admin"},
}
# alice: the requester; ivan: agent of IT; olga: agent of other categories (cannot see it).
ACTORS = ["alice", "ivan", "olga", "admin", "psql_admin"]
# How an admin brings a fresh IT request to each status first.
PATH_TO: dict[str, list[tuple[str, str | None]]] = {
    "open": [],
    "in_progress": [("in_progress", None)],
    "resolved": [("in_progress", None), ("resolved", "fixed")],
    "cancelled": [("cancelled", None)],
}


def make_request_in(db: psycopg.Connection, people: People, status: str) -> int:
    request_id = file_request(db, people["alice"], "IT")
    for to_status, note in PATH_TO[status]:
        as_person(
            db,
            people["admin"],
            "select api.transition_request(%s, %s, %s)",
            (request_id, to_status, note),
        )
    return request_id


def expected_outcome(actor: str, from_status: str, to_status: str) -> str:
    if actor == "olga":
        return "PT404"  # a request you cannot see does not exist for you
    if (from_status, to_status) not in ALLOWED:
        return "PT409"
    return "ok" if actor in ALLOWED[(from_status, to_status)] else "PT403"


CASES = [
    (actor, from_status, to_status)
    for actor in ACTORS
    for from_status in STATUSES
    for to_status in STATUSES
    if from_status != to_status
]


@pytest.mark.parametrize(("actor", "from_status", "to_status"), CASES)
def test_transition(
    db: psycopg.Connection, people: People, actor: str, from_status: str, to_status: str
) -> None:
    request_id = make_request_in(db, people, from_status)
    note = "a note" if (from_status, to_status) in NOTE_REQUIRED else None
    outcome = expected_outcome(actor, from_status, to_status)
    person = None if actor == "psql_admin" else people[actor]
    # The psql path calls the app function directly, as the RUNBOOK tells admins to.
    sql = (
        "select app.set_request_status(%s, %s, %s)"
        if actor == "psql_admin"
        else "select api.transition_request(%s, %s, %s)"
    )
    if outcome == "ok":
        as_person(db, person, sql, (request_id, to_status, note))
        status = db.execute(
            "select status from app.requests where id = %s", (request_id,)
        ).fetchone()
        assert status == (to_status,)
        return
    with pytest.raises(psycopg.Error) as raised, db.transaction():
        as_person(db, person, sql, (request_id, to_status, note))
    assert raised.value.sqlstate == outcome, raised.value.diag.message_primary
    status = db.execute("select status from app.requests where id = %s", (request_id,)).fetchone()
    assert status == (from_status,)


def test_refusal_names_the_moves_the_caller_may_make(
    db: psycopg.Connection, people: People
) -> None:
    request_id = make_request_in(db, people, "resolved")
    with pytest.raises(psycopg.Error) as raised, db.transaction():
        as_person(
            db, people["ivan"], "select api.transition_request(%s, 'cancelled')", (request_id,)
        )
    assert raised.value.sqlstate == "PT409"
    assert "you may move it to: Open" in str(raised.value.diag.message_primary)


@pytest.mark.parametrize(("from_status", "to_status"), sorted(NOTE_REQUIRED))
def test_note_is_required_to_resolve_and_reopen(
    db: psycopg.Connection, people: People, from_status: str, to_status: str
) -> None:
    request_id = make_request_in(db, people, from_status)
    for blank in (None, "", "   "):
        with pytest.raises(psycopg.Error) as raised, db.transaction():
            as_person(
                db,
                people["ivan"],
                "select api.transition_request(%s, %s, %s)",
                (request_id, to_status, blank),
            )
        assert raised.value.sqlstate == "23514"
        assert raised.value.diag.message_detail == "note"


def test_note_becomes_a_public_comment_by_the_actor(db: psycopg.Connection, people: People) -> None:
    request_id = make_request_in(db, people, "in_progress")
    as_person(
        db,
        people["ivan"],
        "select api.transition_request(%s, 'resolved', 'Replaced the toner.')",
        (request_id,),
    )
    comment = db.execute(
        "select author_id::text, body, internal from app.comments where request_id = %s",
        (request_id,),
    ).fetchall()
    assert comment == [(people["ivan"].id, "Replaced the toner.", False)]


def test_unknown_status_is_refused_in_words(db: psycopg.Connection, people: People) -> None:
    request_id = make_request_in(db, people, "open")
    with pytest.raises(psycopg.Error) as raised, db.transaction():
        as_person(db, people["ivan"], "select api.transition_request(%s, 'done')", (request_id,))
    assert raised.value.sqlstate == "22023"
    assert 'There is no status "done"' in str(raised.value.diag.message_primary)


def test_start_assigns_the_agent_and_hand_back_clears_it(
    db: psycopg.Connection, people: People
) -> None:
    request_id = make_request_in(db, people, "open")
    as_person(db, people["ivan"], "select api.transition_request(%s, 'in_progress')", (request_id,))
    assert db.execute(
        "select assignee_id::text from app.requests where id = %s", (request_id,)
    ).fetchone() == (people["ivan"].id,)
    as_person(db, people["ivan"], "select api.transition_request(%s, 'open')", (request_id,))
    assert db.execute(
        "select assignee_id from app.requests where id = %s", (request_id,)
    ).fetchone() == (None,)


def test_resolved_at_follows_the_status(db: psycopg.Connection, people: People) -> None:
    request_id = make_request_in(db, people, "resolved")
    assert db.execute(
        "select resolved_at is not null from app.requests where id = %s", (request_id,)
    ).fetchone() == (True,)
    as_person(
        db,
        people["alice"],
        "select api.transition_request(%s, 'open', 'still broken')",
        (request_id,),
    )
    assert db.execute(
        "select resolved_at from app.requests where id = %s", (request_id,)
    ).fetchone() == (None,)


def test_status_cannot_be_written_directly_even_by_a_superuser_skipping_rules(
    db: psycopg.Connection, people: People
) -> None:
    request_id = make_request_in(db, people, "open")
    # A superuser's plain UPDATE still goes through the trigger: resolving needs a note.
    with pytest.raises(psycopg.Error) as raised, db.transaction():
        db.execute("update app.requests set status = 'resolved' where id = %s", (request_id,))
    assert raised.value.sqlstate == "PT409"  # open → resolved is not a move


def test_allowed_transitions_lists_only_the_callers_moves(
    db: psycopg.Connection, people: People
) -> None:
    request_id = make_request_in(db, people, "resolved")
    for name, expected in [("alice", [("open", True)]), ("ivan", [("open", True)])]:
        got = as_person(
            db, people[name], "select * from api.allowed_transitions(%s)", (request_id,)
        )
        assert got == expected
    open_id = make_request_in(db, people, "open")
    assert as_person(
        db, people["alice"], "select * from api.allowed_transitions(%s)", (open_id,)
    ) == [("cancelled", False)]
    assert as_person(
        db, people["ivan"], "select * from api.allowed_transitions(%s)", (open_id,)
    ) == [("in_progress", False)]
    assert as_person(
        db, people["admin"], "select * from api.allowed_transitions(%s)", (open_id,)
    ) == [
        ("cancelled", False),
        ("in_progress", False),
    ]


def test_an_organisation_may_change_the_table(db: psycopg.Connection, people: People) -> None:
    db.execute(
        "insert into app.status_transitions values ('open', 'resolved', false, true, true, true)"
    )
    request_id = make_request_in(db, people, "open")
    as_person(
        db,
        people["ivan"],
        "select api.transition_request(%s, 'resolved', 'quick fix')",
        (request_id,),
    )
    assert db.execute(
        "select status from app.requests where id = %s", (request_id,)
    ).fetchone() == ("resolved",)


def test_a_psql_role_with_no_person_cannot_change_requests(
    db: psycopg.Connection, people: People
) -> None:
    request_id = make_request_in(db, people, "open")
    db.execute("create role reqstly_test_unmapped login in role reqstly_admin")
    db.execute("set local role reqstly_test_unmapped")
    # Admin policies are about people: a role mapped to nobody sees no rows …
    updated = db.execute(
        "update app.requests set title = 'x' where id = %s", (request_id,)
    ).rowcount
    assert updated == 0
    # … and the status function, which runs past row-level security, is refused by the trigger.
    with pytest.raises(psycopg.Error) as raised, db.transaction():
        db.execute("select app.set_request_status(%s, 'in_progress')", (request_id,))
    assert raised.value.sqlstate == "42501"
    assert "not linked to a person" in str(raised.value.diag.message_primary)
    clear_authentication(db)
