"""The audit trail: every change recorded, append-only, and tamper-evident."""

from __future__ import annotations

import threading
from typing import Any

import psycopg
import pytest

from devstack.stack import LocalStack
from tests.db.helpers import as_person, file_request
from tests.people import People, authenticate_as, clear_authentication


def history(db: psycopg.Connection, request_id: int) -> list[tuple[Any, ...]]:
    return db.execute(
        "select seq, action, actor_id::text, actor_role, changes from app.audit_log where request_id = %s order by seq",
        (request_id,),
    ).fetchall()


def verify(db: psycopg.Connection, request_id: int) -> tuple[object, ...]:
    row = db.execute(
        "select ok, entries, first_bad_entry, reason from api.verify_audit(%s)", (request_id,)
    ).fetchone()
    assert row is not None
    return tuple(row)


def test_every_change_is_recorded_with_its_actor(db: psycopg.Connection, people: People) -> None:
    alice, ivan = people["alice"], people["ivan"]
    request_id = file_request(db, alice, "IT", "Printer jams")
    as_person(db, alice, "select api.edit_request(%s, 1, priority => 'high')", (request_id,))
    as_person(db, ivan, "select api.assign_request(%s, 2, %s)", (request_id, ivan.id))
    as_person(db, ivan, "select api.transition_request(%s, 'in_progress')", (request_id,))
    as_person(
        db,
        ivan,
        "insert into api.comments (request_id, body, internal) values (%s, 'toner low', true)",
        (request_id,),
    )
    as_person(
        db,
        None,
        "select app.set_request_status(%s, 'resolved', 'Replaced the toner.')",
        (request_id,),
    )

    rows = history(db, request_id)
    assert [(seq, action) for seq, action, *_ in rows] == [
        (1, "created"),
        (2, "updated"),
        (3, "updated"),
        (4, "transitioned"),
        (5, "internal_note"),
        (6, "commented"),
        (7, "transitioned"),
    ]
    actors = [(actor, role) for _, _, actor, role, _ in rows]
    assert actors[:5] == [(alice.id, "web_user")] * 2 + [(ivan.id, "web_user")] * 3
    # The psql admin is recorded as their person and their own login role.
    assert actors[5:] == [(people["admin"].id, "reqstly_demo_admin")] * 2
    assert rows[1][4] == {"priority": {"old": "normal", "new": "high"}}
    assert rows[6][4]["status"] == {"old": "in_progress", "new": "resolved"}
    assert verify(db, request_id) == (True, 7, None, None)


def test_a_comment_moves_updated_at_without_an_update_entry(
    db: psycopg.Connection, people: People
) -> None:
    request_id = file_request(db, people["alice"])
    before = db.execute(
        "select updated_at from app.requests where id = %s", (request_id,)
    ).fetchone()
    db.commit()  # a new transaction, so now() moves
    try:
        as_person(
            db,
            people["alice"],
            "insert into api.comments (request_id, body) values (%s, 'hello')",
            (request_id,),
        )
        after = db.execute(
            "select updated_at from app.requests where id = %s", (request_id,)
        ).fetchone()
        assert before is not None and after is not None and after[0] > before[0]
        assert [action for _, action, *_ in history(db, request_id)] == ["created", "commented"]
    finally:
        db.rollback()


def test_correlation_id_is_recorded(db: psycopg.Connection, people: People) -> None:
    db.execute("select set_config('reqstly.correlation_id', 'req-7f3a', true)")
    request_id = file_request(db, people["alice"])
    assert db.execute(
        "select correlation_id from app.audit_log where request_id = %s", (request_id,)
    ).fetchone() == ("req-7f3a",)


@pytest.mark.parametrize(
    "statement",
    [
        "update app.audit_log set changes = '{}' where request_id = %s",
        "delete from app.audit_log where request_id = %s",
    ],
)
def test_the_log_refuses_changes_even_from_a_superuser(
    db: psycopg.Connection, people: People, statement: str
) -> None:
    request_id = file_request(db, people["alice"])
    with pytest.raises(psycopg.Error) as raised, db.transaction():
        db.execute(statement, (request_id,))
    assert "append-only" in str(raised.value.diag.message_primary)


def test_truncate_is_refused(db: psycopg.Connection) -> None:
    for table in ("app.audit_log", "app.audit_heads"):
        with pytest.raises(psycopg.Error) as raised, db.transaction():
            db.execute(f"truncate {table} cascade")
        assert "append-only" in str(raised.value.diag.message_primary)


def test_web_users_cannot_write_the_log(db: psycopg.Connection, people: People) -> None:
    request_id = file_request(db, people["admin"])
    with pytest.raises(psycopg.errors.InsufficientPrivilege), db.transaction():
        authenticate_as(db, people["admin"])
        db.execute(
            "insert into app.audit_log (request_id, seq, at, actor_role, action, changes, hash) "
            "values (%s, 99, now(), 'x', 'updated', '{}', '\\x00')",
            (request_id,),
        )


def tampered(db: psycopg.Connection, statement: str, request_id: int) -> None:
    """Tamper as a superuser who has switched the triggers off."""
    db.execute("set local session_replication_role = replica")
    db.execute(statement, {"id": request_id})
    db.execute("set local session_replication_role = origin")


def busy_request(db: psycopg.Connection, people: People) -> int:
    request_id = file_request(db, people["alice"])
    for body in ("one", "two", "three"):
        as_person(
            db,
            people["alice"],
            "insert into api.comments (request_id, body) values (%s, %s)",
            (request_id, body),
        )
    return request_id


TAMPERING = {
    "edited": 'update app.audit_log set changes = \'{"body": "nothing to see"}\' '
    "where request_id = %(id)s and seq = 2",
    "deleted": "delete from app.audit_log where request_id = %(id)s and seq = 2",
    # Swap what entries 2 and 3 say, keeping their hashes: the story is reordered.
    "reordered": "update app.audit_log a set changes = b.changes, at = b.at from app.audit_log b "
    "where a.request_id = %(id)s and b.request_id = a.request_id "
    "and ((a.seq = 2 and b.seq = 3) or (a.seq = 3 and b.seq = 2))",
    "newest cut off": "delete from app.audit_log where request_id = %(id)s and seq = 4",
    "forged entry": "insert into app.audit_log (request_id, seq, at, actor_role, action, changes, prev_hash, hash) "
    "select request_id, 5, now(), 'postgres', 'commented', '{}', hash, hash from app.audit_log "
    "where request_id = %(id)s and seq = 4",
}


@pytest.mark.parametrize("kind", sorted(TAMPERING))
def test_verify_detects_tampering(db: psycopg.Connection, people: People, kind: str) -> None:
    request_id = busy_request(db, people)
    assert verify(db, request_id)[0] is True
    tampered(db, TAMPERING[kind], request_id)
    ok, _, first_bad, reason = verify(db, request_id)
    assert ok is False
    assert reason
    if kind == "newest cut off":
        assert first_bad is None and "missing" in str(reason)
    else:
        assert first_bad is not None


def test_hash_does_not_depend_on_session_settings(db: psycopg.Connection, people: People) -> None:
    request_id = busy_request(db, people)
    for setting in (
        "timezone = 'Pacific/Chatham'",
        "datestyle = 'SQL, DMY'",
        "extra_float_digits = -3",
        "lc_monetary = 'C'",
        "intervalstyle = 'sql_standard'",
    ):
        db.execute(f"set local {setting}")
        assert verify(db, request_id)[0] is True


def test_verify_refuses_people_who_cannot_see_the_request(
    db: psycopg.Connection, people: People
) -> None:
    request_id = file_request(db, people["alice"], "IT")
    with pytest.raises(psycopg.Error) as raised, db.transaction():
        as_person(db, people["hana"], "select * from api.verify_audit(%s)", (request_id,))
    assert raised.value.sqlstate == "PT404"
    assert as_person(db, people["alice"], "select ok from api.verify_audit(%s)", (request_id,)) == [
        (True,)
    ]


def test_requesters_do_not_see_entries_about_internal_notes(
    db: psycopg.Connection, people: People
) -> None:
    request_id = file_request(db, people["alice"], "IT")
    as_person(
        db,
        people["ivan"],
        "insert into api.comments (request_id, body, internal) values (%s, 'secret', true)",
        (request_id,),
    )
    alice_sees = as_person(
        db,
        people["alice"],
        "select action from api.request_history where request_id = %s",
        (request_id,),
    )
    ivan_sees = as_person(
        db,
        people["ivan"],
        "select action from api.request_history where request_id = %s",
        (request_id,),
    )
    assert alice_sees == [("created",)]
    assert sorted(ivan_sees) == [("created",), ("internal_note",)]
    # … her verification covers the whole chain but counts only what she may
    # read (docs/SECURITY.md; tests/db/test_internal_notes_privacy.py).
    assert as_person(
        db, people["alice"], "select ok, entries from api.verify_audit(%s)", (request_id,)
    ) == [(True, 1)]


def test_concurrent_writers_never_fork_a_chain(stack: LocalStack, people: People) -> None:
    """Two people comment and move one request at once, committing each time."""
    with stack.connect() as conn:
        conn.autocommit = False
        request_id = file_request(conn, people["alice"], "IT", "concurrency probe")
        conn.commit()

    errors: list[BaseException] = []

    def writer(name: str, count: int) -> None:
        try:
            with stack.connect() as conn:
                conn.autocommit = False
                for i in range(count):
                    as_person(
                        conn,
                        people[name],
                        "insert into api.comments (request_id, body) values (%s, %s)",
                        (request_id, f"{name} {i}"),
                    )
                    conn.commit()
        except BaseException as error:  # surfaced below
            errors.append(error)

    threads = [
        threading.Thread(target=writer, args=(name, 25)) for name in ("alice", "ivan", "admin")
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    with stack.connect() as conn:
        row = conn.execute("select ok, entries from api.verify_audit(%s)", (request_id,)).fetchone()
        seqs = conn.execute(
            "select array_agg(seq order by seq) from app.audit_log where request_id = %s",
            (request_id,),
        ).fetchone()
    assert row == (True, 76)
    assert seqs == (list(range(1, 77)),)


def test_clear_authentication_leaves_superuser(db: psycopg.Connection, people: People) -> None:
    authenticate_as(db, people["alice"])
    clear_authentication(db)
    assert db.execute("select current_user").fetchone() == ("postgres",)
