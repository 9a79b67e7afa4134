"""Which change writes which notification, for whom — and never beyond row-level security.

Each test runs in one rolled-back transaction (the `db` fixture); the outbox
rows are read as the superuser, then every one is checked by reading its
request and comment *as the recipient*, through the API views.
"""

from __future__ import annotations

import json

import psycopg
import pytest

from tests.db.helpers import as_person, file_request
from tests.people import People, Person, create_team


@pytest.fixture
def people(db: psycopg.Connection) -> People:
    """alice, ivan (IT), hana (HR), olga (ADMIN, OPS), admin: new in this test's transaction."""
    return create_team(db)


Row = tuple[str, str, str | None]  # (kind, recipient's name, comment body)


def outbox(db: psycopg.Connection, people: People, request_id: int) -> list[Row]:
    names = {person.id: name for name, person in people.items()}
    rows = db.execute(
        """select n.kind, n.recipient_id::text, n.payload ->> 'comment'
             from app.notifications n
            where n.request_id = %s and n.channel = 'email' order by n.id""",
        (request_id,),
    ).fetchall()
    return [
        (kind, names.get(recipient, "someone else"), comment) for kind, recipient, comment in rows
    ]


def reply(
    db: psycopg.Connection, person: Person, request_id: int, body: str, internal: bool = False
) -> int:
    rows = as_person(
        db,
        person,
        "insert into api.comments (request_id, body, internal) values (%s, %s, %s) returning id",
        (request_id, body, internal),
    )
    return int(str(rows[0][0]))


def move(
    db: psycopg.Connection, person: Person, request_id: int, to: str, note: str | None = None
) -> None:
    as_person(db, person, "select api.transition_request(%s, %s, %s)", (request_id, to, note))


def test_a_public_reply_tells_the_requester_and_nobody_else(
    db: psycopg.Connection, people: People
) -> None:
    request_id = file_request(db, people["alice"], "IT")
    reply(db, people["ivan"], request_id, "Have you tried turning it off and on?")
    assert outbox(db, people, request_id) == [
        ("reply", "alice", "Have you tried turning it off and on?")
    ]


def test_an_internal_note_tells_nobody(db: psycopg.Connection, people: People) -> None:
    request_id = file_request(db, people["alice"], "IT")
    move(db, people["ivan"], request_id, "in_progress")
    before = outbox(db, people, request_id)
    reply(db, people["ivan"], request_id, "Alice's laptop is out of warranty", internal=True)
    assert outbox(db, people, request_id) == before
    assert all("warranty" not in str(row) for row in before)


def test_the_actor_is_not_told_of_their_own_action(db: psycopg.Connection, people: People) -> None:
    request_id = file_request(db, people["alice"], "IT")
    reply(db, people["alice"], request_id, "More details: it beeps.")
    # No assignee yet: the requester's reply reaches nobody; her own filing neither.
    assert outbox(db, people, request_id) == []


def test_taking_a_request_tells_the_requester_not_the_agent(
    db: psycopg.Connection, people: People
) -> None:
    request_id = file_request(db, people["alice"], "IT")
    move(
        db, people["ivan"], request_id, "in_progress"
    )  # ivan assigns himself: no "assigned" e-mail
    assert outbox(db, people, request_id) == [("status", "alice", None)]
    payload = db.execute(
        "select payload from app.notifications where request_id = %s", (request_id,)
    ).fetchone()
    assert payload is not None
    assert payload[0]["from_status"] == "open" and payload[0]["status"] == "in_progress"


def test_resolving_sends_one_email_with_the_resolution_note(
    db: psycopg.Connection, people: People
) -> None:
    request_id = file_request(db, people["alice"], "IT")
    move(db, people["ivan"], request_id, "in_progress")
    move(db, people["ivan"], request_id, "resolved", "Replaced the keyboard.")
    assert outbox(db, people, request_id) == [
        ("status", "alice", None),
        ("status", "alice", "Replaced the keyboard."),
    ]


def test_the_requesters_reply_tells_the_agent_holding_it(
    db: psycopg.Connection, people: People
) -> None:
    request_id = file_request(db, people["alice"], "IT")
    move(db, people["ivan"], request_id, "in_progress")
    reply(db, people["alice"], request_id, "It works again, thanks!")
    assert outbox(db, people, request_id)[-1] == (
        "requester_reply",
        "ivan",
        "It works again, thanks!",
    )


def test_assignment_by_someone_else_tells_the_assignee(
    db: psycopg.Connection, people: People
) -> None:
    request_id = file_request(db, people["alice"], "IT")
    as_person(
        db,
        people["admin"],
        # Assignments name the version they saw (ADR 0017).
        "select api.assign_request(%s, (select version from app.request_versions"
        " where request_id = %s), %s)",
        (request_id, request_id, people["ivan"].id),
    )
    assert ("assigned", "ivan", None) in outbox(db, people, request_id)


def test_a_request_filed_on_someones_behalf_tells_them(
    db: psycopg.Connection, people: People
) -> None:
    # Only an unmapped superuser may name the requester (app.tg_requests__set_defaults).
    row = db.execute(
        "insert into app.requests (title, category, requester_id) values ('New laptop', 'IT', %s) returning id",
        (people["alice"].id,),
    ).fetchone()
    assert row is not None
    assert outbox(db, people, int(row[0])) == [("filed_for_you", "alice", None)]


def test_new_requests_reach_agents_who_asked_and_the_category_webhook(
    db: psycopg.Connection, people: People
) -> None:
    as_person(db, people["ivan"], "select api.set_notification_preference('new_in_category', true)")
    db.execute(
        "insert into app.category_webhooks (category, url) values ('IT', 'https://hooks.example.com/it')"
    )
    request_id = file_request(db, people["alice"], "IT", title="Printer on fire")
    assert outbox(db, people, request_id) == [("new_in_category", "ivan", None)]
    hook = db.execute(
        "select kind, webhook_category, payload ->> 'title' from app.notifications where channel = 'webhook' and request_id = %s",
        (request_id,),
    ).fetchall()
    assert hook == [("new_in_category", "IT", "Printer on fire")]
    # Off by default: hana (HR) and olga were not asked and serve other categories anyway.
    hr_request = file_request(db, people["alice"], "HR")
    assert outbox(db, people, hr_request) == []


def test_a_kind_turned_off_is_not_written(db: psycopg.Connection, people: People) -> None:
    as_person(db, people["alice"], "select api.set_notification_preference('reply', false)")
    request_id = file_request(db, people["alice"], "IT")
    reply(db, people["ivan"], request_id, "Done?")
    assert outbox(db, people, request_id) == []


def test_a_digest_kind_waits_for_the_next_morning(db: psycopg.Connection, people: People) -> None:
    as_person(
        db, people["alice"], "select api.set_notification_preference('reply', true, 'digest')"
    )
    request_id = file_request(db, people["alice"], "IT")
    reply(db, people["ivan"], request_id, "Done?")
    row = db.execute(
        """select digest, due_at > now(), extract(hour from due_at at time zone 'UTC')
             from app.notifications where request_id = %s""",
        (request_id,),
    ).fetchone()
    assert row == (True, True, 8)


def test_a_disabled_person_gets_nothing(db: psycopg.Connection, people: People) -> None:
    request_id = file_request(db, people["alice"], "IT")
    db.execute("update app.users set disabled_at = now() where id = %s", (people["alice"].id,))
    reply(db, people["ivan"], request_id, "Anyone there?")
    assert outbox(db, people, request_id) == []


def test_every_notification_is_readable_by_its_recipient_through_the_api(
    db: psycopg.Connection, people: People
) -> None:
    """Drive a busy scenario, then read each row's request and comment as its recipient."""
    as_person(db, people["ivan"], "select api.set_notification_preference('new_in_category', true)")
    as_person(db, people["olga"], "select api.set_notification_preference('new_in_category', true)")
    it_request = file_request(db, people["alice"], "IT")
    move(db, people["ivan"], it_request, "in_progress")
    reply(db, people["ivan"], it_request, "internal: check the asset list", internal=True)
    reply(db, people["ivan"], it_request, "Which floor?")
    reply(db, people["alice"], it_request, "Third.")
    move(db, people["ivan"], it_request, "resolved", "Fixed on the third floor.")
    # Moved to OPS: ivan no longer serves it, olga does.
    ops_request = file_request(db, people["alice"], "IT")
    as_person(db, people["admin"], "select api.move_request(%s, 'OPS')", (ops_request,))
    reply(db, people["olga"], ops_request, "Ops here.")

    # What the worker would send now: it claims due rows, withdrawing any the
    # recipient can no longer read (ivan's "new in IT" for the request moved to OPS).
    rows = db.execute(
        """select o.recipient_id::text, o.request_id, n.comment_id, o.payload
             from notify.claim(1000, 60) o join app.notifications n on n.id = o.id
            where o.channel = 'email' and o.request_id in (%s, %s)""",
        (it_request, ops_request),
    ).fetchall()
    assert len(rows) >= 6
    by_id = {person.id: person for person in people.values()}
    for recipient, request_id, comment_id, payload in rows:
        person = by_id[recipient]
        visible = as_person(
            db, person, "select title from api.requests where id = %s", (request_id,)
        )
        assert visible == [(payload["title"],)], f"{person.name} cannot read request {request_id}"
        if comment_id is not None:
            body = as_person(
                db, person, "select body from api.comments where id = %s", (comment_id,)
            )
            assert body == [(payload["comment"],)], (
                f"{person.name} cannot read comment {comment_id}"
            )
    assert not any("internal:" in json.dumps(row[3]) for row in rows)
    withdrawn = db.execute(
        "select kind, recipient_id::text from app.notifications where request_id = %s and state = 'withdrawn'",
        (ops_request,),
    ).fetchall()
    assert withdrawn == [("new_in_category", people["ivan"].id)]


def test_the_outbox_is_for_admins_and_the_worker_only(
    db: psycopg.Connection, people: People
) -> None:
    request_id = file_request(db, people["alice"], "IT")
    reply(db, people["ivan"], request_id, "Private to alice")
    # Admins read it at psql (reqstly_admin, policy select_all_admin); nobody else may.
    assert db.execute(
        "select has_table_privilege('reqstly_admin', 'app.notifications', 'SELECT')"
    ).fetchone() == (True,)
    for role in ("web_user", "web_anon", "authsvc", "notifier", "monitoring"):
        assert db.execute(
            "select has_table_privilege(%s, 'app.notifications', 'SELECT')", (role,)
        ).fetchone() == (False,), f"{role} may read the outbox"
    for role in ("web_user", "reqstly_admin", "authsvc", "notifier"):
        for privilege in ("INSERT", "UPDATE", "DELETE"):
            allowed = db.execute(
                "select has_table_privilege(%s, 'app.notifications', %s)", (role, privilege)
            ).fetchone()
            assert allowed == (False,), f"{role} may {privilege} the outbox"


@pytest.mark.parametrize("role", ["web_user", "web_anon", "authsvc", "reqstly_admin", "monitoring"])
def test_only_the_notifier_reaches_the_worker_functions(db: psycopg.Connection, role: str) -> None:
    assert db.execute("select has_schema_privilege(%s, 'notify', 'USAGE')", (role,)).fetchone() == (
        False,
    )
    assert db.execute("select has_schema_privilege('notifier', 'notify', 'USAGE')").fetchone() == (
        True,
    )


def test_a_comment_from_the_console_is_told_like_anyone_elses(
    db: psycopg.Connection, people: People
) -> None:
    request_id = file_request(db, people["alice"], "IT")
    # The superuser at psql, mapped to no person: still an actor who is not alice.
    db.execute(
        "insert into app.comments (request_id, body) values (%s, 'From the console')", (request_id,)
    )
    assert outbox(db, people, request_id) == [("reply", "alice", "From the console")]
