"""SLA clocks: business time across hours, weekends, holidays and zones; both clocks per request.

ADR 0018. Thursday 2026-12-03 is the reference week: Fri 12-04, Sat 12-05,
Mon 12-07. The shipped calendar is Monday to Friday, 09:00-17:00, UTC.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import psycopg
import pytest

from tests.db.helpers import as_person, file_request
from tests.people import People

HOUR = 3600


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


# (calendar change, start, business seconds to add) → due time (UTC)
ADD_MATRIX = [
    ("none", "2026-12-03 10:00", HOUR, "2026-12-03 11:00"),  # inside the day
    ("none", "2026-12-03 16:00", HOUR, "2026-12-03 17:00"),  # exactly at closing
    ("none", "2026-12-03 16:30", HOUR, "2026-12-04 09:30"),  # runs on next morning
    ("none", "2026-12-04 16:00", 2 * HOUR, "2026-12-07 10:00"),  # over the weekend
    ("none", "2026-12-05 12:00", 1800, "2026-12-07 09:30"),  # filed on a Saturday
    ("none", "2026-12-03 07:00", HOUR, "2026-12-03 10:00"),  # filed before opening
    ("none", "2026-12-03 10:00", 0, "2026-12-03 10:00"),
    ("friday off", "2026-12-03 16:30", HOUR, "2026-12-07 09:30"),  # a holiday is skipped
    ("christmas", "2026-12-24 16:00", 2 * HOUR, "2026-12-28 10:00"),
    ("berlin", "2026-12-03 08:00", HOUR, "2026-12-03 09:00"),  # 09:00-10:00 in Berlin
    ("lunch break", "2026-12-03 11:30", HOUR, "2026-12-03 13:30"),
]
# (calendar change, from, to) → business seconds between
BETWEEN_MATRIX = [
    ("none", "2026-12-03 10:00", "2026-12-03 11:00", HOUR),
    ("none", "2026-12-03 16:00", "2026-12-04 10:00", 2 * HOUR),
    ("none", "2026-12-04 16:00", "2026-12-07 10:00", 2 * HOUR),
    ("none", "2026-12-05 00:00", "2026-12-06 23:59", 0),  # a weekend
    ("none", "2026-12-03 11:00", "2026-12-03 10:00", 0),  # backwards
    ("friday off", "2026-12-03 16:00", "2026-12-07 10:00", 2 * HOUR),
    ("berlin", "2026-12-03 00:00", "2026-12-04 00:00", 8 * HOUR),
    ("lunch break", "2026-12-03 09:00", "2026-12-03 17:00", 7 * HOUR),
]
CALENDAR_CHANGES = {
    "none": [],
    "friday off": ["insert into app.holidays values ('2026-12-04', 'Company day')"],
    "christmas": [
        "insert into app.holidays values ('2026-12-25', 'Christmas Day')",
    ],
    "berlin": ["update app.sla_settings set time_zone = 'Europe/Berlin'"],
    "lunch break": [
        "delete from app.business_hours where weekday = 4",
        "insert into app.business_hours values (4, '09:00', '12:00'), (4, '13:00', '17:00')",
    ],
}


def change_calendar(db: psycopg.Connection, change: str) -> None:
    for statement in CALENDAR_CHANGES[change]:
        db.execute(statement)


@pytest.mark.parametrize(("change", "start", "seconds", "due"), ADD_MATRIX)
def test_due_time(db: psycopg.Connection, change: str, start: str, seconds: int, due: str) -> None:
    change_calendar(db, change)
    row = db.execute("select app.add_business_seconds(%s, %s)", (at(start), seconds)).fetchone()
    assert row == (at(due),)
    # And back: the business time between start and due is what was added.
    back = db.execute(
        "select app.business_seconds_between(%s, %s)", (at(start), at(due))
    ).fetchone()
    assert back == (seconds,)


@pytest.mark.parametrize(("change", "start", "end", "seconds"), BETWEEN_MATRIX)
def test_business_seconds_between(
    db: psycopg.Connection, change: str, start: str, end: str, seconds: int
) -> None:
    change_calendar(db, change)
    row = db.execute("select app.business_seconds_between(%s, %s)", (at(start), at(end))).fetchone()
    assert row == (seconds,)


def test_a_calendar_without_hours_has_no_due_time(db: psycopg.Connection) -> None:
    db.execute("delete from app.business_hours")
    assert db.execute(
        "select app.add_business_seconds(%s, 60)", (at("2026-12-03 10:00"),)
    ).fetchone() == (None,)


def test_an_unknown_time_zone_is_refused_in_words(db: psycopg.Connection) -> None:
    with pytest.raises(psycopg.Error) as raised, db.transaction():
        db.execute("update app.sla_settings set time_zone = 'Mars/Olympus'")
    assert raised.value.sqlstate == "22023"
    assert 'There is no time zone "Mars/Olympus"' in str(raised.value.diag.message_primary)


# --- The clocks of one request. Around the clock business hours make
# business time equal wall time, so the tests do not depend on when they run.


@pytest.fixture
def always_open(db: psycopg.Connection) -> None:
    db.execute("delete from app.business_hours")
    db.execute(
        "insert into app.business_hours select d, '00:00', '24:00' from generate_series(1, 7) d"
    )


def clocks(db: psycopg.Connection, request_id: int) -> dict[str, Any]:
    cursor = db.execute(
        """select s.*, now() as now from api.request_sla s where s.request_id = %s""", (request_id,)
    )
    row = cursor.fetchone()
    assert row is not None and cursor.description is not None
    return {column.name: value for column, value in zip(cursor.description, row, strict=True)}


def rewind_clock(db: psycopg.Connection, request_id: int, seconds: int) -> None:
    """Pretend the running resolution clock started `seconds` earlier (as time passing would)."""
    db.execute(
        """update app.request_sla
              set resolution_running_since = resolution_running_since - make_interval(secs => %s),
                  resolution_due_at = resolution_due_at - make_interval(secs => %s)
            where request_id = %s""",
        (seconds, seconds, request_id),
    )


def test_filing_starts_both_clocks_from_the_targets(
    db: psycopg.Connection, people: People, always_open: None
) -> None:
    request_id = file_request(db, people["alice"], "IT")  # normal: 4 h and 24 h
    c = clocks(db, request_id)
    assert c["first_response_due_at"] == c["now"] + timedelta(hours=4)
    assert c["resolution_due_at"] == c["now"] + timedelta(hours=24)
    assert (c["first_response_state"], c["resolution_state"]) == ("running", "running")


# (who writes, internal?) → whether it is the first response
FIRST_RESPONSE_MATRIX = [
    ("ivan", False, True),
    ("admin", False, True),
    ("ivan", True, False),  # an internal note is no answer to the requester
    ("alice", False, False),  # the requester adding detail is not a response
]


@pytest.mark.parametrize(("author", "internal", "responds"), FIRST_RESPONSE_MATRIX)
def test_first_response(
    db: psycopg.Connection,
    people: People,
    always_open: None,
    author: str,
    internal: bool,
    responds: bool,
) -> None:
    request_id = file_request(db, people["alice"], "IT")
    as_person(
        db,
        people[author],
        "insert into api.comments (request_id, body, internal) values (%s, 'Looking', %s)",
        (request_id, internal),
    )
    c = clocks(db, request_id)
    assert (c["first_responded_at"] is not None) == responds
    assert c["first_response_state"] == ("met" if responds else "running")


def test_waiting_on_the_requester_pauses_and_their_reply_resumes(
    db: psycopg.Connection, people: People, always_open: None
) -> None:
    request_id = file_request(db, people["alice"], "IT")
    rewind_clock(db, request_id, HOUR)  # an hour of work so far
    as_person(db, people["ivan"], "select api.set_waiting_on_requester(%s, true)", (request_id,))
    c = clocks(db, request_id)
    assert c["resolution_state"] == "paused"
    assert c["resolution_used_seconds"] == HOUR
    assert c["waiting_on_requester_since"] == c["now"]

    # The requester answers: the clock runs on with 23 hours left.
    as_person(
        db,
        people["alice"],
        "insert into api.comments (request_id, body) values (%s, 'It is printer 2')",
        (request_id,),
    )
    c = clocks(db, request_id)
    assert c["waiting_on_requester_since"] is None
    assert c["resolution_state"] == "running"
    assert c["resolution_due_at"] == c["now"] + timedelta(hours=23)


def test_the_organisation_may_choose_not_to_pause(
    db: psycopg.Connection, people: People, always_open: None
) -> None:
    db.execute("update app.sla_settings set pause_while_waiting_on_requester = false")
    request_id = file_request(db, people["alice"], "IT")
    as_person(db, people["ivan"], "select api.set_waiting_on_requester(%s, true)", (request_id,))
    assert clocks(db, request_id)["resolution_state"] == "running"


def test_resolving_stops_the_clock_and_reopening_runs_it_on(
    db: psycopg.Connection, people: People, always_open: None
) -> None:
    request_id = file_request(db, people["alice"], "IT")
    as_person(db, people["ivan"], "select api.transition_request(%s, 'in_progress')", (request_id,))
    rewind_clock(db, request_id, 2 * HOUR)
    as_person(
        db, people["ivan"], "select api.transition_request(%s, 'resolved', 'Fixed')", (request_id,)
    )
    c = clocks(db, request_id)
    assert (c["resolution_state"], c["resolution_used_seconds"]) == ("met", 2 * HOUR)
    as_person(
        db,
        people["alice"],
        "select api.transition_request(%s, 'open', 'Still broken')",
        (request_id,),
    )
    c = clocks(db, request_id)
    assert c["resolution_state"] == "running"
    assert c["resolution_due_at"] == c["now"] + timedelta(hours=22)


def test_a_new_priority_moves_the_due_times(
    db: psycopg.Connection, people: People, always_open: None
) -> None:
    request_id = file_request(db, people["alice"], "IT")
    as_person(
        db, people["ivan"], "select api.edit_request(%s, 1, priority => 'urgent')", (request_id,)
    )
    c = clocks(db, request_id)
    assert c["first_response_due_at"] == c["now"] + timedelta(minutes=30)
    assert c["resolution_due_at"] == c["now"] + timedelta(hours=4)


def test_editing_the_calendar_recomputes_running_clocks(
    db: psycopg.Connection, people: People, always_open: None
) -> None:
    request_id = file_request(db, people["alice"], "IT")
    before = clocks(db, request_id)["resolution_due_at"]
    db.execute(
        "update app.sla_targets set resolution_minutes = 2880 where category = 'IT' and priority = 'normal'"
    )
    after = clocks(db, request_id)
    assert after["resolution_due_at"] == after["now"] + timedelta(hours=48) != before


# (minutes left before the resolution due time) → state
STATE_MATRIX = [(600, "running"), (59, "at_risk"), (-35, "breached")]


@pytest.mark.parametrize(("minutes_left", "state"), STATE_MATRIX)
def test_at_risk_and_breached(
    db: psycopg.Connection, people: People, always_open: None, minutes_left: int, state: str
) -> None:
    request_id = file_request(db, people["alice"], "IT")
    db.execute(
        "update app.request_sla set resolution_due_at = now() + make_interval(mins => %s) where request_id = %s",
        (minutes_left, request_id),
    )
    assert clocks(db, request_id)["resolution_state"] == state
    rows = db.execute(
        "select requests from metrics.sla_requests where category = 'IT' and clock = 'resolution' and state = %s",
        (state,),
    ).fetchone()
    assert rows is not None and rows[0] >= 1


# Who may say a request waits on its requester: (actor, status) → outcome
WAITING_MATRIX = [
    ("ivan", "open", "ok"),
    ("admin", "open", "ok"),
    ("alice", "open", "PT403"),
    ("olga", "open", "PT404"),
    ("ivan", "resolved", "PT409"),
]


@pytest.mark.parametrize(("actor", "status", "outcome"), WAITING_MATRIX)
def test_who_may_set_waiting(
    db: psycopg.Connection, people: People, actor: str, status: str, outcome: str
) -> None:
    request_id = file_request(db, people["alice"], "IT")
    if status == "resolved":
        as_person(
            db, people["ivan"], "select api.transition_request(%s, 'in_progress')", (request_id,)
        )
        as_person(
            db,
            people["ivan"],
            "select api.transition_request(%s, 'resolved', 'done')",
            (request_id,),
        )
    sql = "select api.set_waiting_on_requester(%s, true)"
    if outcome == "ok":
        as_person(db, people[actor], sql, (request_id,))
        assert clocks(db, request_id)["waiting_on_requester_since"] is not None
        return
    with pytest.raises(psycopg.Error) as raised, db.transaction():
        as_person(db, people[actor], sql, (request_id,))
    assert raised.value.sqlstate == outcome


def test_only_admins_edit_the_calendar(db: psycopg.Connection, people: People) -> None:
    for table in ("app.business_hours", "app.holidays", "app.sla_targets", "app.sla_settings"):
        with pytest.raises(psycopg.errors.InsufficientPrivilege), db.transaction():
            as_person(db, people["ivan"], f"delete from {table}")
    as_person(db, None, "insert into app.holidays values ('2026-12-31', 'New Year''s Eve')")
    assert db.execute("select name from app.holidays where day = '2026-12-31'").fetchone() == (
        "New Year's Eve",
    )
