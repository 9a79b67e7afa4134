"""Attachments in the database: who reads which file, what is refused, immutability, audit."""

from __future__ import annotations

import hashlib
import json
from urllib.parse import quote

import psycopg
import pytest

from tests.db.helpers import as_person, file_request
from tests.people import People, Person, create_team
from tests.sample_files import EXE, HTML, LOG, PDF, SVG, png


@pytest.fixture
def people(db: psycopg.Connection) -> People:
    """alice, ivan (IT), hana (HR), olga (ADMIN, OPS), admin: new in this test's transaction."""
    return create_team(db)


def upload(
    db: psycopg.Connection,
    person: Person,
    request_id: int,
    filename: str,
    content: bytes,
    comment_id: int | None = None,
) -> int:
    """Call api.upload_attachment as PostgREST does: raw bytes, metadata in headers."""
    headers = {"reqstly-request-id": str(request_id), "reqstly-filename": quote(filename)}
    if comment_id is not None:
        headers["reqstly-comment-id"] = str(comment_id)
    db.execute("select set_config('request.headers', %s, true)", (json.dumps(headers),))
    rows = as_person(db, person, "select (api.upload_attachment(%s)).id", (content,))
    return int(str(rows[0][0]))


def comment(db: psycopg.Connection, person: Person, request_id: int, internal: bool) -> int:
    rows = as_person(
        db,
        person,
        "insert into api.comments (request_id, body, internal) values (%s, 'see file', %s) returning id",
        (request_id, internal),
    )
    return int(str(rows[0][0]))


def sqlstate_of(db: psycopg.Connection, call: object) -> str:
    with pytest.raises(psycopg.Error) as raised, db.transaction():
        call()  # type: ignore[operator]
    return str(raised.value.sqlstate)


@pytest.fixture
def files(db: psycopg.Connection, people: People) -> dict[str, int]:
    """On one IT request of alice: a file on the request, on a public reply, on an internal note."""
    request_id = file_request(db, people["alice"], "IT")
    reply = comment(db, people["ivan"], request_id, internal=False)
    note = comment(db, people["ivan"], request_id, internal=True)
    return {
        "request": upload(db, people["alice"], request_id, "screen.png", png()),
        "reply": upload(db, people["ivan"], request_id, "steps.pdf", PDF, reply),
        "internal": upload(db, people["ivan"], request_id, "asset.log", LOG, note),
        "request_id": request_id,
    }


# alice: requester; ivan: agent of IT; olga: agent elsewhere; hana: another employee.
READERS = {
    "request": {"alice", "ivan", "admin"},
    "reply": {"alice", "ivan", "admin"},
    "internal": {"ivan", "admin"},
}


@pytest.mark.parametrize("reader", ["alice", "ivan", "olga", "hana", "admin"])
@pytest.mark.parametrize("where", ["request", "reply", "internal"])
def test_a_file_is_readable_exactly_where_its_request_or_comment_is(
    db: psycopg.Connection, people: People, files: dict[str, int], where: str, reader: str
) -> None:
    file_id = files[where]
    listed = as_person(
        db, people[reader], "select id from api.attachments where id = %s", (file_id,)
    )
    history = as_person(
        db,
        people[reader],
        "select count(*) from api.request_history where action = 'attachment_added' and (changes ->> 'attachment_id')::bigint = %s",
        (file_id,),
    )
    if reader in READERS[where]:
        assert listed == [(file_id,)]
        assert history == [(1,)]
        content = as_person(db, people[reader], "select api.download_attachment(%s)", (file_id,))
        stored = as_person(
            db, people[reader], "select sha256 from api.attachments where id = %s", (file_id,)
        )
        assert isinstance(content[0][0], bytes)
        assert hashlib.sha256(content[0][0]).hexdigest() == stored[0][0]
    else:
        assert listed == []
        assert history == [(0,)]
        state = sqlstate_of(
            db,
            lambda: as_person(db, people[reader], "select api.download_attachment(%s)", (file_id,)),
        )
        assert state == "PT404"


def test_the_database_decides_type_size_and_hash(
    db: psycopg.Connection, people: People, files: dict[str, int]
) -> None:
    rows = db.execute(
        "select id, content_type, size_bytes, sha256, internal from app.attachments where id = any(%s) order by id",
        ([files["request"], files["reply"], files["internal"]],),
    ).fetchall()
    assert [(r[1], r[4]) for r in rows] == [
        ("image/png", False),
        ("application/pdf", False),
        ("text/plain", True),
    ]
    assert bytes(rows[0][3]) == hashlib.sha256(png()).digest()
    assert rows[2][2] == len(LOG)


@pytest.mark.parametrize(
    ("filename", "content", "words"),
    [
        ("evil.png", HTML, "named like a .png file, but its content is a text file"),
        ("setup.exe", EXE, "not a type Reqstly accepts"),
        ("picture.png", EXE, "not a type Reqstly accepts"),
        ("drawing.svg", SVG, "named like a .svg file"),
        ("page.html", HTML, "named like a .html file"),
        ("photo.jpg", png(), "named like a .jpg file, but its content is a PNG image"),
    ],
)
def test_a_file_is_judged_by_its_leading_bytes(
    db: psycopg.Connection, people: People, filename: str, content: bytes, words: str
) -> None:
    request_id = file_request(db, people["alice"], "IT")
    with pytest.raises(psycopg.Error) as raised, db.transaction():
        upload(db, people["alice"], request_id, filename, content)
    assert raised.value.sqlstate == "PT415"
    assert words in str(raised.value.diag.message_primary)
    assert raised.value.diag.message_detail == "file"


def test_a_name_without_an_extension_is_fine(db: psycopg.Connection, people: People) -> None:
    request_id = file_request(db, people["alice"], "IT")
    file_id = upload(db, people["alice"], request_id, "Screenshot from 3 December", png())
    row = db.execute(
        "select content_type, filename from app.attachments where id = %s", (file_id,)
    ).fetchone()
    assert row == ("image/png", "Screenshot from 3 December")


def test_size_limits_per_file_and_per_request(db: psycopg.Connection, people: People) -> None:
    db.execute("update app.attachment_limits set max_file_bytes = 1000, max_request_bytes = 1500")
    request_id = file_request(db, people["alice"], "IT")
    big = LOG * (1001 // len(LOG) + 1)
    with pytest.raises(psycopg.Error) as raised, db.transaction():
        upload(db, people["alice"], request_id, "big.log", big)
    assert raised.value.sqlstate == "PT413"
    assert "the limit is" in str(raised.value.diag.message_primary)
    upload(db, people["alice"], request_id, "a.log", LOG * (900 // len(LOG)))
    with pytest.raises(psycopg.Error) as raised, db.transaction():
        upload(db, people["alice"], request_id, "b.log", LOG * (900 // len(LOG)))
    assert raised.value.sqlstate == "PT413"
    assert "already holds" in str(raised.value.diag.message_primary)
    with pytest.raises(psycopg.Error) as raised, db.transaction():
        upload(db, people["alice"], request_id, "empty.log", b"")
    assert raised.value.sqlstate == "23514"


def test_uploads_where_the_caller_cannot_see_are_refused_as_missing(
    db: psycopg.Connection, people: People, files: dict[str, int]
) -> None:
    request_id = files["request_id"]
    for person in ("olga", "hana"):
        state = sqlstate_of(db, lambda p=person: upload(db, people[p], request_id, "x.png", png()))
        assert state == "PT404"
    # The internal note exists for alice only as "no comment you can see".
    note = db.execute(
        "select comment_id from app.attachments where id = %s", (files["internal"],)
    ).fetchone()
    assert note is not None
    state = sqlstate_of(
        db, lambda: upload(db, people["alice"], request_id, "x.png", png(), note[0])
    )
    assert state == "PT404"
    # A reply by ivan: alice sees it but may not add files to it.
    reply = db.execute(
        "select comment_id from app.attachments where id = %s", (files["reply"],)
    ).fetchone()
    assert reply is not None
    state = sqlstate_of(
        db, lambda: upload(db, people["alice"], request_id, "x.png", png(), reply[0])
    )
    assert state == "PT403"


def test_files_are_immutable_and_removal_keeps_the_record(
    db: psycopg.Connection, people: People, files: dict[str, int]
) -> None:
    file_id = files["request"]
    for statement in (
        "update app.attachments set filename = 'other.png' where id = %s",
        "update app.attachments set content = '\\x89504e470d0a1a0a00'::bytea where id = %s",
        "delete from app.attachments where id = %s",
    ):
        assert sqlstate_of(db, lambda s=statement: db.execute(s, (file_id,))) == "42501"
    assert sqlstate_of(db, lambda: db.execute("truncate app.attachments")) == "42501"
    # Only the uploader (or an admin) removes; someone who cannot see it is told it does not exist.
    assert (
        sqlstate_of(
            db,
            lambda: as_person(db, people["ivan"], "select api.remove_attachment(%s)", (file_id,)),
        )
        == "PT403"
    )
    assert (
        sqlstate_of(
            db,
            lambda: as_person(db, people["olga"], "select api.remove_attachment(%s)", (file_id,)),
        )
        == "PT404"
    )
    as_person(db, people["alice"], "select api.remove_attachment(%s)", (file_id,))
    row = db.execute(
        "select content is null, removed_by::text, filename from app.attachments where id = %s",
        (file_id,),
    ).fetchone()
    assert row == (True, people["alice"].id, "screen.png")
    assert (
        sqlstate_of(
            db,
            lambda: as_person(
                db, people["alice"], "select api.download_attachment(%s)", (file_id,)
            ),
        )
        == "PT404"
    )
    assert (
        sqlstate_of(
            db,
            lambda: as_person(db, people["alice"], "select api.remove_attachment(%s)", (file_id,)),
        )
        == "PT409"
    )


def test_added_and_removed_files_are_in_the_audit_chain_with_their_hash(
    db: psycopg.Connection, people: People, files: dict[str, int]
) -> None:
    as_person(db, people["alice"], "select api.remove_attachment(%s)", (files["request"],))
    entries = db.execute(
        """select action, changes ->> 'sha256', internal from app.audit_log
            where request_id = %s and action like 'attachment%%' order by seq""",
        (files["request_id"],),
    ).fetchall()
    png_hash = hashlib.sha256(png()).hexdigest()
    assert entries == [
        ("attachment_added", png_hash, False),
        ("attachment_added", hashlib.sha256(PDF).hexdigest(), False),
        ("attachment_added", hashlib.sha256(LOG).hexdigest(), True),
        ("attachment_removed", png_hash, False),
    ]
    assert db.execute("select ok from api.verify_audit(%s)", (files["request_id"],)).fetchone() == (
        True,
    )


def test_names_travel_percent_encoded_and_are_cleaned(
    db: psycopg.Connection, people: People
) -> None:
    request_id = file_request(db, people["alice"], "IT")
    file_id = upload(db, people["alice"], request_id, "C:\\Users\\alice\\Écran – 1.png", png())
    row = db.execute("select filename from app.attachments where id = %s", (file_id,)).fetchone()
    assert row == ("Écran – 1.png",)
