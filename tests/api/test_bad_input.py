"""Bad input: a 4xx with a JSON body a person understands, the field named, nothing written."""

from __future__ import annotations

import httpx
import pytest

from devstack.stack import LocalStack
from tests.api.conftest import auth, file_request, transition


def request_count(stack: LocalStack) -> int:
    with stack.connect() as conn:
        row = conn.execute("select count(*) from app.requests").fetchone()
    assert row is not None
    return int(row[0])


BAD_REQUESTS = [
    ("missing title", {"category": "IT"}, 400, "title", "Give the request a title."),
    ("empty title", {"title": "   ", "category": "IT"}, 400, "title", "Give the request a title."),
    (
        "10 000-character title",
        {"title": "x" * 10_000, "category": "IT"},
        400,
        "title",
        "keep it to 200",
    ),
    (
        "unknown category",
        {"title": "Hello", "category": "FACILITIES"},
        400,
        "category",
        'no category "FACILITIES"',
    ),
    ("missing category", {"title": "Hello"}, 400, "category", "Choose a category"),
    (
        "unknown priority",
        {"title": "Hello", "category": "IT", "priority": "asap"},
        400,
        "priority",
        "not one of",
    ),
    ("wrong type", {"title": "Hello", "category": ["IT"]}, 400, "category", "no category"),
    (
        "setting status",
        {"title": "Hello", "category": "IT", "status": "resolved"},
        401,
        None,
        "permission denied",
    ),
    (
        "setting requester",
        {
            "title": "Hello",
            "category": "IT",
            "requester_id": "ad000000-0000-4000-8000-000000000005",
        },
        401,
        None,
        "permission denied",
    ),
    ("unknown column", {"title": "Hello", "category": "IT", "colour": "red"}, 400, None, "colour"),
]


@pytest.mark.parametrize(
    ("case", "body", "status", "field", "words"), BAD_REQUESTS, ids=[c[0] for c in BAD_REQUESTS]
)
def test_bad_new_request(
    http: httpx.Client,
    stack: LocalStack,
    tokens: dict[str, str],
    case: str,
    body: dict[str, object],
    status: int,
    field: str | None,
    words: str,
) -> None:
    before = request_count(stack)
    response = http.post("/requests", json=body, headers=auth(tokens["alice"]))
    # PostgREST answers a refused column grant with 401 for… authenticated users too (42501 → 403 when a
    # token is present); accept the real mapping and pin it here.
    expected_status = 403 if status == 401 else status
    assert response.status_code == expected_status, (case, response.text)
    error = response.json()
    assert error["message"], case
    if field:
        assert error["details"] == field, error
    assert words in error["message"] + str(error.get("details")), error
    assert request_count(stack) == before


def test_wrong_type_for_priority_number(http: httpx.Client, tokens: dict[str, str]) -> None:
    response = http.post(
        "/requests",
        json={"title": "Hello", "category": "IT", "priority": 3},
        headers=auth(tokens["alice"]),
    )
    assert response.status_code == 400
    assert response.json()["details"] == "priority"


def test_wrong_type_for_a_number(http: httpx.Client, tokens: dict[str, str]) -> None:
    response = http.post(
        "/comments", json={"request_id": "IT-1", "body": "hi"}, headers=auth(tokens["alice"])
    )
    assert response.status_code == 400
    assert "bigint" in response.json()["message"]


def new_request(http: httpx.Client, token: str) -> int:
    return int(file_request(http, token, title="Bad input probe")["id"])


@pytest.mark.parametrize(
    ("who", "to_status", "note", "status", "code", "words"),
    [
        ("ivan", "resolved", None, 409, "PT409", "cannot be moved to resolved"),
        ("ivan", "done", None, 400, "22023", 'There is no status "done"'),
        ("alice", "in_progress", None, 403, "PT403", "You may not move"),
        ("hana", "in_progress", None, 404, "PT404", "no request"),
        ("ivan", "", None, 400, "22023", "There is no status"),
    ],
)
def test_bad_transitions(
    http: httpx.Client,
    tokens: dict[str, str],
    who: str,
    to_status: str,
    note: str | None,
    status: int,
    code: str,
    words: str,
) -> None:
    request_id = new_request(http, tokens["alice"])
    response = transition(http, tokens[who], request_id, to_status, note)
    assert response.status_code == status, response.text
    assert response.json()["code"] == code
    assert words in response.json()["message"]
    current = http.get(
        "/requests",
        params={"id": f"eq.{request_id}", "select": "status"},
        headers=auth(tokens["alice"]),
    )
    assert current.json() == [{"status": "open"}]


def test_resolving_without_a_note_names_the_field(
    http: httpx.Client, tokens: dict[str, str]
) -> None:
    request_id = new_request(http, tokens["alice"])
    transition(http, tokens["ivan"], request_id, "in_progress")
    response = transition(http, tokens["ivan"], request_id, "resolved")
    assert response.status_code == 400
    assert response.json()["details"] == "note"
    assert "say how it was resolved" in response.json()["message"]


def test_requester_cannot_write_status_with_patch(
    http: httpx.Client, tokens: dict[str, str]
) -> None:
    request_id = new_request(http, tokens["alice"])
    response = http.patch(
        "/requests",
        params={"id": f"eq.{request_id}"},
        json={"status": "resolved"},
        headers=auth(tokens["alice"]),
    )
    assert response.status_code == 403
    assert "permission denied" in response.json()["message"]


def test_requester_cannot_edit_once_work_started(
    http: httpx.Client, tokens: dict[str, str]
) -> None:
    request_id = new_request(http, tokens["alice"])
    transition(http, tokens["ivan"], request_id, "in_progress")
    response = http.patch(
        "/requests",
        params={"id": f"eq.{request_id}"},
        json={"title": "changed"},
        headers=auth(tokens["alice"]),
    )
    assert response.status_code == 409
    assert "only an agent can edit it now" in response.json()["message"]


def test_assigning_someone_outside_the_category(http: httpx.Client, tokens: dict[str, str]) -> None:
    request_id = new_request(http, tokens["alice"])
    response = http.patch(
        "/requests",
        params={"id": f"eq.{request_id}"},
        json={"assignee_id": "4a4a0000-0000-4000-8000-000000000003"},
        headers=auth(tokens["ivan"]),
    )
    assert response.status_code == 400
    assert response.json()["details"] == "assignee_id"
    assert "not an agent of IT" in response.json()["message"]


@pytest.mark.parametrize(
    ("body", "status", "field"),
    [
        ({"body": ""}, 400, "body"),
        ({"body": "y" * 10_001}, 400, "body"),
        ({"body": "hi", "internal": True}, 403, "internal"),
    ],
)
def test_bad_comments(
    http: httpx.Client, tokens: dict[str, str], body: dict[str, object], status: int, field: str
) -> None:
    request_id = new_request(http, tokens["alice"])
    response = http.post(
        "/comments", json={"request_id": request_id, **body}, headers=auth(tokens["alice"])
    )
    assert response.status_code == status, response.text
    assert response.json()["details"] == field
