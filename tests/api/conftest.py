"""HTTP fixtures: the real front door (Caddy → PostgREST) and people of this run's own.

The HTTP tests never use the seeded demo people: `people` here is a team made
for this run in the demo roles (tests.people.create_team), so their rows,
sessions and rights belong to these tests alone. A test that changes a
person (disables them, ends their sessions) makes one more with `new_person`.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from devstack.stack import LocalStack
from tests.people import People, create_team


@pytest.fixture(scope="session")
def base_url(stack: LocalStack) -> str:
    return f"{stack.origin}/rest"


@pytest.fixture(scope="session")
def people(stack: LocalStack) -> People:
    """alice, ivan (IT), hana (HR), olga (ADMIN, OPS), admin: new for this run."""
    with stack.connect() as conn:
        return create_team(conn)


@pytest.fixture(scope="session")
def tokens(stack: LocalStack, people: People) -> dict[str, str]:
    """One live session and access token per person of the team (as scripts/dev token)."""
    return {name: stack.token(person.email).token for name, person in people.items()}


@pytest.fixture(scope="session")
def http(base_url: str) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=base_url, timeout=10) as client:
        yield client


def auth(token: str, **headers: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}", **headers}


def file_request(http: httpx.Client, token: str, **fields: object) -> dict[str, Any]:
    """POST /requests as the token's person (an IT request unless `fields` say otherwise)."""
    body = {"title": "Printer on floor 3 is offline", "category": "IT", **fields}
    response = http.post(
        "/requests",
        json=body,
        headers=auth(
            token,
            Prefer="return=representation",
            Accept="application/vnd.pgrst.object+json",
        ),
    )
    assert response.status_code == 201, response.text
    return dict(response.json())


def transition(
    http: httpx.Client, token: str, request_id: int, to_status: str, note: str | None = None
) -> httpx.Response:
    """POST /rpc/transition_request; the caller checks the answer."""
    body: dict[str, object] = {"request_id": request_id, "to_status": to_status}
    if note is not None:
        body["note"] = note
    return http.post("/rpc/transition_request", json=body, headers=auth(token))
