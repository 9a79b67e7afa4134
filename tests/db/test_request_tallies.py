"""A queue's counts are kept, not counted (1445): the tallies match the rows, whoever changes them."""

from __future__ import annotations

import psycopg
import pytest

from tests.db.helpers import as_person, file_request
from tests.people import People, create_person

LIVE = """select category, status, assignee_id is null, count(*)
            from app.requests group by 1, 2, 3 order by 1, 2, 3"""
KEPT = """select category, status, unassigned, sum(n)
            from app.request_tallies group by 1, 2, 3 having sum(n) <> 0 order by 1, 2, 3"""


def assert_tallies_match(db: psycopg.Connection) -> None:
    assert db.execute(KEPT).fetchall() == db.execute(LIVE).fetchall()


def test_the_tallies_follow_every_kind_of_change(db: psycopg.Connection, people: People) -> None:
    assert_tallies_match(db)
    ids = [file_request(db, people["alice"], "IT", f"Tally probe {i}") for i in range(3)]
    assert_tallies_match(db)
    as_person(db, people["ivan"], "select api.take_request(%s)", (ids[0],))
    as_person(db, people["ivan"], "select api.transition_request(%s, 'in_progress')", (ids[0],))
    as_person(db, people["ivan"], "select api.move_request(%s, 'OPS')", (ids[1],))
    as_person(db, people["ivan"], "select api.edit_request(%s, 1, priority => 'high')", (ids[2],))
    as_person(db, people["alice"], "select api.transition_request(%s, 'cancelled')", (ids[2],))
    assert_tallies_match(db)
    # An admin at psql: many rows in one statement, and a removal.
    db.execute(
        "update app.requests set category = 'HR', assignee_id = null where id = any(%s)", (ids[:2],)
    )
    assert_tallies_match(db)
    # A removal (past the references of its audit chain, with the tally's trigger kept on).
    db.execute("alter table app.requests enable always trigger requests_900_tally_delete")
    db.execute("set local session_replication_role = replica")
    db.execute("delete from app.requests where id = %s", (ids[2],))
    assert_tallies_match(db)
    # A load with triggers off goes unseen, until the tallies are rebuilt.
    db.execute("update app.requests set status = 'open' where id = %s", (ids[0],))
    db.execute("set local session_replication_role = origin")
    assert db.execute(KEPT).fetchall() != db.execute(LIVE).fetchall()
    assert db.execute("select app.rebuild_request_tallies()").fetchone() == (
        db.execute("select count(*) from app.requests").fetchone()[0],  # type: ignore[index]
    )
    assert_tallies_match(db)


@pytest.mark.parametrize(
    ("who", "scope", "categories"),
    [
        ("ivan", "my_categories", {"IT"}),
        ("ivan", "unassigned", {"IT"}),
        ("olga", "my_categories", {"ADMIN", "OPS"}),
        ("admin", "all", {"IT", "OPS", "ADMIN", "HR"}),
        ("alice", "my_categories", set()),
    ],
)
def test_kept_counts_are_the_counts_of_the_rows_you_see(
    db: psycopg.Connection, people: People, who: str, scope: str, categories: set[str]
) -> None:
    file_request(db, people["alice"], "IT", "Tally probe")
    kept = as_person(
        db,
        people[who],
        "select category, status, count from api.count_requests(scope => %s)",
        (scope,),
    )
    condition = {
        "my_categories": "category = any(app.current_agent_categories())",
        "unassigned": "category = any(app.current_agent_categories()) and assignee_id is null",
        "all": "true",
    }[scope]
    counted = as_person(
        db,
        people[who],
        f"""select category, status, count(*) from api.request_list
             where {condition} group by 1, 2 order by 1, 2""",
    )
    assert kept == counted
    assert {row[0] for row in kept} == categories


def test_an_agent_who_also_files_counts_all_by_the_rows(
    db: psycopg.Connection, people: People
) -> None:
    """An agent's "all" holds their own requests in other categories: no tally says that."""
    agent = create_person(db, "agent", agent_of=["HR"])
    file_request(db, agent, "IT", "My laptop")
    counts = as_person(db, agent, "select category, count from api.count_requests(scope => 'all')")
    assert ("IT", 1) in counts
    assert {row[0] for row in counts} == {"HR", "IT"}
