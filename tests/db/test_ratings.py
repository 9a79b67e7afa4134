"""Ratings: the requester confirms a resolution and rates it, or reopens it."""

from __future__ import annotations

import psycopg
import pytest

from tests.db.helpers import as_person, file_request
from tests.people import People

# How an admin brings a fresh IT request to each status.
PATH_TO: dict[str, list[tuple[str, str | None]]] = {
    "open": [],
    "in_progress": [("in_progress", None)],
    "resolved": [("in_progress", None), ("resolved", "Replaced the toner.")],
    "cancelled": [("cancelled", None)],
}


def request_in(db: psycopg.Connection, people: People, status: str) -> int:
    request_id = file_request(db, people["alice"], "IT")
    moves: list[tuple[str, str | None]] = PATH_TO[status]
    for to_status, note in moves:
        as_person(
            db,
            people["admin"],
            "select api.transition_request(%s, %s, %s)",
            (request_id, to_status, note),
        )
    return request_id


# (who rates, status of the request) → outcome
RATING_MATRIX = [
    ("alice", "resolved", "ok"),
    ("alice", "open", "PT409"),
    ("alice", "in_progress", "PT409"),
    ("alice", "cancelled", "PT409"),
    ("ivan", "resolved", "PT403"),  # the agent cannot rate their own work
    ("admin", "resolved", "PT403"),
    ("olga", "resolved", "PT404"),  # cannot see it
]


@pytest.mark.parametrize(("who", "status", "outcome"), RATING_MATRIX)
def test_who_may_rate(
    db: psycopg.Connection, people: People, who: str, status: str, outcome: str
) -> None:
    request_id = request_in(db, people, status)
    sql = "select score from api.confirm_resolution(%s, 5)"
    if outcome == "ok":
        assert as_person(db, people[who], sql, (request_id,)) == [(5,)]
        return
    with pytest.raises(psycopg.Error) as raised, db.transaction():
        as_person(db, people[who], sql, (request_id,))
    assert raised.value.sqlstate == outcome
    assert db.execute(
        "select count(*) from app.request_ratings where request_id = %s", (request_id,)
    ).fetchone() == (0,)


@pytest.mark.parametrize(
    ("score", "comment", "field"),
    [(0, None, "score"), (6, None, "score"), (None, None, "score"), (3, "x" * 2001, "comment")],
)
def test_bad_ratings_are_refused_in_words(
    db: psycopg.Connection, people: People, score: int | None, comment: str | None, field: str
) -> None:
    request_id = request_in(db, people, "resolved")
    with pytest.raises(psycopg.Error) as raised, db.transaction():
        as_person(
            db,
            people["alice"],
            "select api.confirm_resolution(%s, %s, %s)",
            (request_id, score, comment),
        )
    assert raised.value.sqlstate == "23514"
    assert raised.value.diag.message_detail == field


def test_rating_again_replaces_the_score_and_keeps_the_comment(
    db: psycopg.Connection, people: People
) -> None:
    request_id = request_in(db, people, "resolved")
    as_person(
        db,
        people["alice"],
        "select api.confirm_resolution(%s, 2, 'Slow, but fixed')",
        (request_id,),
    )
    as_person(db, people["alice"], "select api.confirm_resolution(%s, 4)", (request_id,))
    assert as_person(
        db,
        people["ivan"],
        "select score, comment from api.request_ratings where request_id = %s",
        (request_id,),
    ) == [(4, "Slow, but fixed")]
    changes = db.execute(
        "select changes from app.audit_log where request_id = %s and changes ? 'rating' order by seq",
        (request_id,),
    ).fetchall()
    assert [c[0]["rating"] for c in changes] == [{"old": None, "new": 2}, {"old": 2, "new": 4}]


def test_each_resolution_is_rated_on_its_own(db: psycopg.Connection, people: People) -> None:
    request_id = request_in(db, people, "resolved")
    as_person(
        db, people["alice"], "select api.confirm_resolution(%s, 1, 'Not fixed')", (request_id,)
    )
    # One transaction has one now(): date the first resolution's rating back, as time would.
    db.execute(
        "update app.request_ratings set resolved_at = resolved_at - interval '1 day' where request_id = %s",
        (request_id,),
    )
    as_person(
        db,
        people["alice"],
        "select api.transition_request(%s, 'open', 'Still broken')",
        (request_id,),
    )
    as_person(
        db, people["admin"], "select api.transition_request(%s, 'in_progress')", (request_id,)
    )
    as_person(
        db,
        people["admin"],
        "select api.transition_request(%s, 'resolved', 'New drum')",
        (request_id,),
    )
    as_person(db, people["alice"], "select api.confirm_resolution(%s, 5)", (request_id,))
    scores = db.execute(
        "select score from app.request_ratings where request_id = %s order by resolved_at",
        (request_id,),
    ).fetchall()
    assert scores == [(1,), (5,)]


def test_ratings_feed_the_business_metric(db: psycopg.Connection, people: People) -> None:
    def fives() -> int:
        row = db.execute(
            "select ratings from metrics.request_ratings where category = 'IT' and score = 5"
        ).fetchone()
        assert row is not None
        return int(row[0])

    before = fives()
    as_person(
        db,
        people["alice"],
        "select api.confirm_resolution(%s, 5)",
        (request_in(db, people, "resolved"),),
    )
    assert fives() == before + 1
    assert db.execute("select count(*) from metrics.request_ratings").fetchone() == (4 * 5,)
