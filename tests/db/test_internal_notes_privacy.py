"""Internal notes leave no trace a requester can see (issue #13, item 7)."""

from __future__ import annotations

import psycopg

from tests.db.helpers import as_person, file_request
from tests.people import People


def write_note(db: psycopg.Connection, people: People, request_id: int, internal: bool) -> None:
    as_person(
        db,
        people["ivan"],
        "insert into api.comments (request_id, body, internal) values (%s, 'note', %s)",
        (request_id, internal),
    )


def updated_at_seen_by_alice(db: psycopg.Connection, people: People, request_id: int) -> object:
    rows = as_person(
        db, people["alice"], "select updated_at from api.requests where id = %s", (request_id,)
    )
    return rows[0][0]


def test_an_internal_note_does_not_move_updated_at(db: psycopg.Connection, people: People) -> None:
    request_id = file_request(db, people["alice"], "IT")
    db.execute(
        "update app.requests set updated_at = now() - interval '1 hour' where id = %s",
        (request_id,),
    )
    before = updated_at_seen_by_alice(db, people, request_id)
    write_note(db, people, request_id, internal=True)
    assert updated_at_seen_by_alice(db, people, request_id) == before
    write_note(db, people, request_id, internal=False)
    assert updated_at_seen_by_alice(db, people, request_id) != before


def test_verify_audit_counts_only_what_the_caller_may_read(
    db: psycopg.Connection, people: People
) -> None:
    request_id = file_request(db, people["alice"], "IT")
    write_note(db, people, request_id, internal=True)
    write_note(db, people, request_id, internal=True)
    query = "select ok, entries, first_bad_entry, reason from api.verify_audit(%s)"
    assert as_person(db, people["alice"], query, (request_id,)) == [(True, 1, None, None)]
    assert as_person(db, people["ivan"], query, (request_id,)) == [(True, 3, None, None)]


def test_a_break_in_an_internal_entry_is_not_located_for_a_requester(
    db: psycopg.Connection, people: People
) -> None:
    request_id = file_request(db, people["alice"], "IT")
    write_note(db, people, request_id, internal=True)
    write_note(db, people, request_id, internal=False)
    # Tamper with the internal note's entry, as someone with disk access might.
    db.execute("alter table app.audit_log disable trigger audit_log_100_append_only")
    tampered = db.execute(
        """update app.audit_log set changes = '{"body": "edited"}'
            where request_id = %s and internal returning id""",
        (request_id,),
    ).fetchone()
    db.execute("alter table app.audit_log enable trigger audit_log_100_append_only")
    assert tampered is not None
    query = "select ok, entries, first_bad_entry, reason from api.verify_audit(%s)"

    [(ok, entries, first_bad, reason)] = as_person(db, people["alice"], query, (request_id,))
    assert (ok, entries, first_bad) == (False, 2, None)
    assert reason == (
        "The history of this request does not verify: entries were changed or removed "
        "after they were written. An admin can see where."
    )

    [(ok, entries, first_bad, reason)] = as_person(db, people["ivan"], query, (request_id,))
    assert (ok, entries, first_bad) == (False, 3, tampered[0])
    assert f"Entry {tampered[0]} was changed" in str(reason)
