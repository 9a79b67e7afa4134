"""Search that finds things: accents, prefixes, visible comments, names, keys (ADR 0017).

Each case files its own requests with words no seeded request uses, then asks
as one person; the matrix reads: who searches, for what, and which of the
probe requests they find.
"""

from __future__ import annotations

import psycopg
import pytest

from tests.db.helpers import as_person, file_request
from tests.people import People

# The probe requests: name → (requester, category, title, description)
PROBES = {
    "cafe": ("alice", "IT", "Coffee machine in the Café Zürich", "Grinder makes noise"),
    "strasse": ("alice", "OPS", "Parking at Hauptstraße or any Straße nearby", ""),
    "printer": ("alice", "IT", "Printerless floor", "Toner everywhere"),
    "hana": ("hana", "HR", "Payslip question", "About overtime"),
}
# Comments on the probes: (probe, author, body, internal)
COMMENTS = [
    ("printer", "ivan", "Ordered a zygomorphic replacement drum", False),
    ("printer", "ivan", "Vendor quarantined the xylophonist", True),  # internal note
]


@pytest.fixture
def probes(db: psycopg.Connection, people: People) -> dict[str, int]:
    ids = {}
    for name, (requester, category, title, description) in PROBES.items():
        request_id = file_request(db, people[requester], category, title)
        if description:
            as_person(
                db,
                people[requester],
                "select api.edit_request(%s, 1, description => %s)",
                (request_id, description),
            )
        ids[name] = request_id
    for probe, author, body, internal in COMMENTS:
        as_person(
            db,
            people[author],
            "insert into api.comments (request_id, body, internal) values (%s, %s, %s)",
            (ids[probe], body, internal),
        )
    return ids


# (who searches, query) → which probes they find
SEARCH_MATRIX = [
    ("alice", "cafe", {"cafe"}),  # accent-insensitive
    ("alice", "café", {"cafe"}),
    ("alice", "zurich", {"cafe"}),
    ("alice", "strasse", {"strasse"}),  # ß is ss
    ("alice", "hauptstrasse", {"strasse"}),
    ("alice", "print", {"printer"}),  # prefix
    ("alice", "PRINTERLESS", {"printer"}),
    ("alice", "coffee grinder", {"cafe"}),  # every word, title and description
    ("alice", "coffee toner", set()),  # both words must be in one place
    ("alice", "zygomorphic", {"printer"}),  # a public comment
    ("alice", "xylophonist", set()),  # an internal note: never for the requester
    ("ivan", "xylophonist", {"printer"}),  # the agent of IT sees it
    ("olga", "xylophonist", set()),  # agent of OPS: not their request
    ("ivan", "zygomorphic", {"printer"}),
    ("alice", "payslip", set()),  # hana's request: not alice's to see
    ("hana", "payslip", {"hana"}),
    ("admin", "payslip", {"hana"}),
    ("ivan", "alice requester", {"cafe", "printer"}),  # a person's name (IT only for ivan)
    ("olga", "alice", {"strasse"}),
    ("admin", "requester", {"cafe", "strasse", "printer"}),  # prefix of a name
    ("alice", "the", set()),  # only a stop word
    ("alice", "%_*:&|!", set()),  # operators are words, not syntax
]


@pytest.mark.parametrize(("who", "query", "found"), SEARCH_MATRIX)
def test_search(
    db: psycopg.Connection,
    people: People,
    probes: dict[str, int],
    who: str,
    query: str,
    found: set[str],
) -> None:
    rows = as_person(
        db, people[who], "select id from api.find_requests(q => %s, lim => 200)", (query,)
    )
    ids = {row[0] for row in rows}
    assert {name for name, request_id in probes.items() if request_id in ids} == found


def test_a_bare_key_number_finds_the_key(db: psycopg.Connection, people: People) -> None:
    request_id = file_request(db, people["alice"], "IT", "Numbered probe")
    key, number = db.execute(
        "select key, number from app.requests where id = %s", (request_id,)
    ).fetchone() or ("", 0)
    for query in (str(number), key, key.lower()):
        rows = as_person(
            db, people["alice"], "select key from api.find_requests(q => %s, lim => 200)", (query,)
        )
        assert (key,) in rows, query
    # A whole key finds that request only, not every request numbered the same.
    rows = as_person(
        db, people["admin"], "select key from api.find_requests(q => %s, lim => 200)", (key,)
    )
    assert rows == [(key,)]


def test_search_is_narrowed_by_the_other_filters(
    db: psycopg.Connection, people: People, probes: dict[str, int]
) -> None:
    for category, found in [("OPS", [probes["strasse"]]), ("IT", [])]:
        rows = as_person(
            db,
            people["admin"],
            "select id from api.find_requests(q => 'hauptstrasse', category => %s)",
            (category,),
        )
        assert [row[0] for row in rows] == found


def test_a_blank_search_lists_everything(db: psycopg.Connection, people: People) -> None:
    every = as_person(db, people["alice"], "select count(*) from api.find_requests(lim => 200)")
    blank = as_person(
        db, people["alice"], "select count(*) from api.find_requests(q => '  ', lim => 200)"
    )
    assert blank == every
