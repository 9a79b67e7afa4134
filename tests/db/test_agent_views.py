"""Agents' lists: scopes, sorts, counts that honour the filters, and the change marker."""

from __future__ import annotations

from typing import Any

import psycopg
import pytest

from tests.db.helpers import as_person, file_request
from tests.people import People, create_person


@pytest.fixture
def queue(db: psycopg.Connection, people: People) -> dict[str, int]:
    """A fresh IT queue: only these requests are open in IT (the seeded ones are closed here)."""
    db.execute(
        "update app.requests set category = 'OPS', assignee_id = null where category = 'IT' and status in ('open', 'in_progress')"
    )
    ids = {}
    for name, priority in [
        ("old_low", "low"),
        ("new_high", "high"),
        ("old_high", "high"),
        ("urgent", "urgent"),
    ]:
        ids[name] = file_request(db, people["alice"], "IT", f"Queue probe {name}")
        as_person(
            db,
            people["ivan"],
            "select api.edit_request(%s, 1, priority => %s)",
            (ids[name], priority),
        )
    # Filed in one transaction, they share a filing time: give them their ages.
    # (created_at never changes through the rules trigger, so it is skipped here.)
    db.execute("set local session_replication_role = replica")
    for hours, name in [(20, "old_low"), (10, "urgent"), (9, "old_high"), (8, "new_high")]:
        db.execute(
            "update app.requests set created_at = now() - make_interval(hours => %s) where id = %s",
            (hours, ids[name]),
        )
    db.execute("set local session_replication_role = origin")
    as_person(db, people["ivan"], "select api.take_request(%s)", (ids["old_high"],))
    return ids


def keys_of(rows: list[tuple[object, ...]], ids: dict[str, int]) -> list[str]:
    names = {v: k for k, v in ids.items()}
    return [names[int(str(r[0]))] for r in rows if int(str(r[0])) in names]


# (scope, sort) → the probes in the order the list shows them
LIST_MATRIX = [
    (
        "my_categories",
        "urgency",
        ["urgent", "old_high", "new_high", "old_low"],
    ),  # priority, then oldest
    ("my_categories", "age", ["old_low", "urgent", "old_high", "new_high"]),
    ("my_categories", "newest", ["new_high", "old_high", "urgent", "old_low"]),
    # Due times were set when the priorities were: by target, then filing order.
    ("my_categories", "due", ["urgent", "new_high", "old_high", "old_low"]),
    ("assigned_to_me", "urgency", ["old_high"]),
    ("unassigned", "urgency", ["urgent", "new_high", "old_low"]),
    ("mine", "urgency", []),  # ivan filed none of them
]


@pytest.mark.parametrize(("scope", "sort", "expected"), LIST_MATRIX)
def test_lists(
    db: psycopg.Connection,
    people: People,
    queue: dict[str, int],
    scope: str,
    sort: str,
    expected: list[str],
) -> None:
    rows = as_person(
        db,
        people["ivan"],
        "select id from api.find_requests(scope => %s, sort => %s, status => 'open', lim => 200)",
        (scope, sort),
    )
    assert keys_of(rows, queue) == expected


def test_the_list_shows_names_version_and_clocks(
    db: psycopg.Connection, people: People, queue: dict[str, int]
) -> None:
    rows = as_person(
        db,
        people["ivan"],
        "select requester_name, assignee_name, version, resolution_state from api.find_requests(scope => 'assigned_to_me', status => 'open')",
    )
    assert rows == [("Alice Requester", "Ivan (IT)", 3, rows[0][3])]
    assert rows[0][3] in {"running", "at_risk", "breached"}


def test_counts_honour_the_filters_and_the_search(
    db: psycopg.Connection, people: People, queue: dict[str, int]
) -> None:
    def counts(**filters: object) -> dict[tuple[str, str], int]:
        names = ", ".join(f"{k} => %s" for k in filters)
        rows = as_person(
            db,
            people["ivan"],
            f"select category, status, count from api.count_requests({names})",
            tuple(filters.values()),
        )
        return {(str(c), str(s)): int(str(n)) for c, s, n in rows}

    assert counts(scope="my_categories")[("IT", "open")] == 4
    assert counts(scope="unassigned")[("IT", "open")] == 3
    assert counts(scope="my_categories", priority="high")[("IT", "open")] == 2
    assert counts(scope="my_categories", q="queue probe urgent") == {("IT", "open"): 1}
    # Counts and list agree for every status tab.
    for (category, status), count in counts(scope="my_categories").items():
        listed = as_person(
            db,
            people["ivan"],
            "select count(*) from api.find_requests(scope => 'my_categories', category => %s, status => %s, lim => 200)",
            (category, status),
        )
        assert listed == [(min(count, 200),)]


@pytest.mark.parametrize(
    ("argument", "value", "field"),
    [
        ("scope", "everything", "scope"),
        ("sort", "random", "sort"),
        ("status", "done", "status"),
        ("lim", 1000, "lim"),
    ],
)
def test_bad_list_parameters_are_refused_in_words(
    db: psycopg.Connection, people: People, argument: str, value: object, field: str
) -> None:
    with pytest.raises(psycopg.Error) as raised, db.transaction():
        as_person(
            db, people["ivan"], f"select * from api.find_requests({argument} => %s)", (value,)
        )
    assert raised.value.sqlstate == "22023"
    assert raised.value.diag.message_detail == field


def test_the_change_marker_reports_what_the_caller_may_see(
    db: psycopg.Connection, people: People
) -> None:
    first: dict[str, Any] = as_person(db, people["alice"], "select api.request_changes()")[0][0]  # type: ignore[assignment]
    assert first["changes"] == []
    marker = first["marker"]
    mine = file_request(db, people["alice"], "IT", "Marker probe")
    hanas = file_request(db, people["hana"], "HR", "Not alice's")
    changed: dict[str, Any] = as_person(
        db, people["alice"], "select api.request_changes(%s)", (marker,)
    )[0][0]  # type: ignore[assignment]
    ids = {c["id"] for c in changed["changes"]}
    assert mine in ids and hanas not in ids
    assert {"id", "key", "version", "status", "updated_at"} <= set(changed["changes"][0])
    # The marker goes no further back than the oldest transaction still writing.
    assert changed["marker"] >= marker


def test_versions_and_clocks_of_a_request_you_cannot_see_stay_hidden(
    db: psycopg.Connection, people: People
) -> None:
    """The side tables are read through app.requests, whose policies decide (ADR 0017)."""
    request_id = file_request(db, people["alice"], "IT", "Hidden from olga")
    for sql in (
        "select api.version(r) from api.requests r where r.id = %s",
        "select 1 from api.request_sla where request_id = %s",
        "select 1 from api.request_list where id = %s",
        "select api.version(row(%s, 'IT-1', 't', '', 'IT', 'normal', 2, 'open', null, null, now(), now(), null, null)::api.requests)",
    ):
        assert as_person(db, people["olga"], sql, (request_id,)) in ([], [(None,)]), sql
    changes: list[dict[str, Any]] = as_person(  # type: ignore[assignment]
        db, people["olga"], "select (api.request_changes(now() - interval '1 hour'))->'changes'"
    )[0][0]
    assert request_id not in {c["id"] for c in changes}


def test_a_list_may_name_several_statuses(
    db: psycopg.Connection, people: People, queue: dict[str, int]
) -> None:
    """An agent's working queue is every request not yet closed (1310)."""
    as_person(
        db, people["ivan"], "select api.transition_request(%s, 'in_progress')", (queue["old_high"],)
    )
    done = file_request(db, people["alice"], "IT", "Queue probe done")
    as_person(db, people["ivan"], "select api.take_request(%s)", (done,))
    as_person(db, people["ivan"], "select api.transition_request(%s, 'in_progress')", (done,))
    as_person(
        db, people["ivan"], "select api.transition_request(%s, 'resolved', 'Fixed.')", (done,)
    )
    ids = {**queue, "done": done}

    def listed(status: str) -> list[str]:
        return keys_of(
            as_person(
                db,
                people["ivan"],
                "select id from api.find_requests(scope => 'my_categories', status => %s, lim => 200)",
                (status,),
            ),
            ids,
        )

    assert listed("open, in_progress") == ["urgent", "old_high", "new_high", "old_low"]
    assert listed("open") == ["urgent", "new_high", "old_low"]
    assert listed("resolved") == ["done"]
    for bad in ("open,done", ","):
        with pytest.raises(psycopg.Error) as raised, db.transaction():
            listed(bad)
        assert raised.value.sqlstate == "22023"
        assert raised.value.diag.message_detail == "status"


def test_the_list_tells_an_unanswered_request_from_one_answered_late(
    db: psycopg.Connection, people: People, queue: dict[str, int]
) -> None:
    """Both are `breached`; only the unanswered one has no first_responded_at (1320)."""
    db.execute(
        "update app.request_sla set first_response_due_at = now() - interval '1 hour' where request_id in (%s, %s)",
        (queue["urgent"], queue["old_low"]),
    )
    as_person(
        db,
        people["ivan"],
        "insert into api.comments (request_id, body) values (%s, 'Looking at it.')",
        (queue["urgent"],),
    )
    rows = as_person(
        db,
        people["ivan"],
        "select id, first_response_state, first_responded_at is not null from api.find_requests(scope => 'my_categories', status => 'open') where id in (%s, %s)",
        (queue["urgent"], queue["old_low"]),
    )
    assert {(r[1], r[2]) for r in rows} == {("breached", True), ("breached", False)}


ORDERS = {
    "urgency": "priority_rank desc, created_at, id",
    "priority": "priority_rank desc, updated_at desc, id",
    "age": "created_at, id",
    "newest": "created_at desc, id desc",
    "due": "resolution_due_at nulls last, priority_rank desc, id",
    "updated": "updated_at desc, id desc",
}


@pytest.mark.parametrize("sort", sorted(ORDERS))
def test_pages_tile_the_list_in_its_order(
    db: psycopg.Connection, people: People, queue: dict[str, int], sort: str
) -> None:
    """Several categories and statuses are searched branch by branch (1440): the
    pages still follow one another in the list's order, none twice, none left out."""
    both = create_person(db, "both", agent_of=["IT", "OPS"])
    as_person(
        db, people["ivan"], "select api.transition_request(%s, 'in_progress')", (queue["old_high"],)
    )
    expected = [
        row[0]
        for row in as_person(
            db,
            both,
            f"""select id from api.request_list
                 where category in ('IT', 'OPS') and status in ('open', 'in_progress')
                 order by {ORDERS[sort]}""",
        )
    ]
    assert len(expected) > 7
    pages = []
    for offs in range(0, len(expected) + 3, 3):
        pages += as_person(
            db,
            both,
            """select id from api.find_requests(scope => 'my_categories', sort => %s,
                   status => 'open,in_progress,open', lim => 3, offs => %s)""",
            (sort, offs),
        )
    assert [row[0] for row in pages] == expected
