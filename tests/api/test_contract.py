"""The API contract (docs/API.md), called over HTTP through Caddy, by this run's own people."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any, cast

import httpx
import pytest
from postgrest import SyncPostgrestClient

from devstack.stack import LocalStack
from tests.api.conftest import auth, file_request, transition
from tests.people import People, Person

JSON = {"Content-Type": "application/json"}
OBJECT = {"Accept": "application/vnd.pgrst.object+json"}


def test_categories(http: httpx.Client, tokens: dict[str, str]) -> None:
    response = http.get("/categories", params={"order": "code"}, headers=auth(tokens["alice"]))
    assert response.json() == [
        {"code": "ADMIN", "name": "Administration", "key_prefix": "ADM"},
        {"code": "HR", "name": "Human resources", "key_prefix": "HR"},
        {"code": "IT", "name": "IT", "key_prefix": "IT"},
        {"code": "OPS", "name": "Operations", "key_prefix": "OPS"},
    ]


@pytest.mark.parametrize(
    ("name", "categories", "is_admin"),
    [
        ("alice", [], False),
        ("ivan", ["IT"], False),
        ("olga", ["ADMIN", "OPS"], False),
        ("admin", [], True),
    ],
)
def test_me(
    http: httpx.Client,
    tokens: dict[str, str],
    people: People,
    name: str,
    categories: list[str],
    is_admin: bool,
) -> None:
    me = http.get("/me", headers=auth(tokens[name], **OBJECT)).json()
    assert me == {
        "id": people[name].id,
        "display_name": me["display_name"],
        "email": people[name].email,
        "is_admin": is_admin,
        "agent_categories": categories,
    }


def test_people_for_an_agent_include_emails_and_team(
    http: httpx.Client, tokens: dict[str, str], people: People
) -> None:
    rows = http.get("/people", headers=auth(tokens["ivan"])).json()
    by_id = {row["id"]: row for row in rows}
    assert by_id[people["ivan"].id]["agent_categories"] == ["IT"]
    assert all(row["email"] for row in rows)
    assert people["hana"].id not in by_id or by_id[people["hana"].id]["email"]


def test_list_filter_order_page_and_count(http: httpx.Client, tokens: dict[str, str]) -> None:
    tag = uuid.uuid4().hex[:8]
    for n in range(4):
        file_request(http, tokens["alice"], title=f"Paging probe {tag} {n}")
    response = http.get(
        "/requests",
        params={
            "select": "key,title,status,category,updated_at",
            "category": "eq.IT",
            "title": f"like.*{tag}*",
            "order": "updated_at.desc",
            "limit": "3",
            "offset": "1",
        },
        headers=auth(tokens["ivan"], Prefer="count=exact"),
    )
    assert response.status_code == 206
    rows = response.json()
    assert [row["title"] for row in rows] == [f"Paging probe {tag} {n}" for n in (2, 1, 0)]
    assert all(row["category"] == "IT" for row in rows)
    assert response.headers["Content-Range"] == "1-3/4"


def test_full_text_search(http: httpx.Client, tokens: dict[str, str]) -> None:
    tag = uuid.uuid4().hex[:8]
    file_request(http, tokens["alice"], title=f"Printer on floor 2 jams {tag}")
    rows = http.get(
        "/requests",
        params={"select": "key,title", "search": f"wfts.printers jam {tag}"},
        headers=auth(tokens["admin"]),
    ).json()
    # Stemmed: "printers jam" finds "Printer on floor 2 jams".
    assert [row["title"] for row in rows] == [f"Printer on floor 2 jams {tag}"]


def test_request_counts_sum_to_the_visible_requests(
    http: httpx.Client, tokens: dict[str, str]
) -> None:
    file_request(http, tokens["alice"])
    counts = http.get("/request_counts", headers=auth(tokens["alice"])).json()
    total = int(
        http.get(
            "/requests",
            params={"select": "id"},
            headers=auth(tokens["alice"], Prefer="count=exact"),
        )
        .headers["Content-Range"]
        .split("/")[1]
    )
    assert total >= 1
    assert sum(row["count"] for row in counts) == total
    assert all(row["mine"] for row in counts)
    assert set(counts[0]) == {"status", "category", "mine", "assigned_to_me", "count"}


def test_the_whole_life_of_a_request(
    http: httpx.Client, tokens: dict[str, str], people: People
) -> None:
    alice, ivan = tokens["alice"], tokens["ivan"]
    created = file_request(
        http, alice, description="It says offline since Monday.", priority="high"
    )
    assert created["key"].startswith("IT-") and created["status"] == "open"
    assert created["requester_id"] == people["alice"].id and created["priority"] == "high"
    request_id = created["id"]

    moves = http.get(
        "/rpc/allowed_transitions", params={"request_id": request_id}, headers=auth(ivan)
    ).json()
    assert moves == [{"to_status": "in_progress", "note_required": False}]

    response = transition(http, ivan, request_id, "in_progress")
    assert response.status_code == 200, response.text
    moved = response.json()
    assert moved["status"] == "in_progress" and moved["assignee_id"] == people["ivan"].id

    for body, internal in [("Driver issue, reinstalling.", True), ("Working on it.", False)]:
        response = http.post(
            "/comments",
            json={"request_id": request_id, "body": body, "internal": internal},
            headers=auth(ivan),
        )
        assert response.status_code == 201, response.text

    response = transition(http, ivan, request_id, "resolved", "Reinstalled the driver.")
    assert response.json()["status"] == "resolved" and response.json()["resolved_at"]

    alice_comments = http.get(
        "/comments",
        params={"request_id": f"eq.{request_id}", "order": "created_at"},
        headers=auth(alice),
    ).json()
    assert [c["body"] for c in alice_comments] == ["Working on it.", "Reinstalled the driver."]
    ivan_comments = http.get(
        "/comments", params={"request_id": f"eq.{request_id}"}, headers=auth(ivan)
    ).json()
    assert len(ivan_comments) == 3

    history = http.get(
        "/request_history",
        params={"request_id": f"eq.{request_id}", "order": "id"},
        headers=auth(alice),
    ).json()
    assert [h["action"] for h in history] == [
        "created",
        "transitioned",
        "commented",
        "commented",
        "transitioned",
    ]
    assert {"id", "request_id", "at", "actor_id", "actor_name", "action", "changes"} <= set(
        history[0]
    )
    assert history[1]["actor_name"] == people["ivan"].display_name

    verified = http.get(
        "/rpc/verify_audit", params={"request_id": request_id}, headers=auth(alice)
    ).json()
    # Alice may read 5 of the 6 entries (the internal note is for agents).
    assert verified == {"ok": True, "entries": 5, "first_bad_entry": None, "reason": None}


def test_hana_cannot_open_an_it_request_by_id(http: httpx.Client, tokens: dict[str, str]) -> None:
    request_id = file_request(http, tokens["alice"])["id"]
    rows = http.get(
        "/requests", params={"id": f"eq.{request_id}"}, headers=auth(tokens["hana"])
    ).json()
    assert rows == []
    response = http.get(
        "/rpc/verify_audit", params={"request_id": request_id}, headers=auth(tokens["hana"])
    )
    assert response.status_code == 404


def test_edits_name_the_version_they_saw(
    http: httpx.Client, tokens: dict[str, str], people: People
) -> None:
    request_id = file_request(http, tokens["alice"])["id"]
    mine = http.get(
        "/requests",
        params={"id": f"eq.{request_id}", "select": "id,title,version"},
        headers=auth(tokens["alice"]),
    ).json()[0]
    assert mine["version"] == 1
    response = http.post(
        "/rpc/edit_request",
        json={
            "request_id": request_id,
            "expected_version": 1,
            "title": "Printer offline (floor 3)",
        },
        headers=auth(tokens["alice"], Accept="application/vnd.pgrst.object+json"),
    )
    assert response.status_code == 200 and response.json()["title"] == "Printer offline (floor 3)"
    response = http.post(
        "/rpc/take_request", json={"request_id": request_id}, headers=auth(tokens["ivan"])
    )
    assert response.status_code == 200 and response.json()[0]["assignee_id"] == people["ivan"].id
    # A PATCH names no version: 428, in words.
    response = http.patch(
        "/requests",
        params={"id": f"eq.{request_id}"},
        json={"title": "last write wins?"},
        headers=auth(tokens["ivan"]),
    )
    assert response.status_code == 428
    assert response.json()["details"] == "version"


def test_agent_moves_a_misfiled_request_out_of_their_view(
    http: httpx.Client, tokens: dict[str, str]
) -> None:
    request_id = file_request(http, tokens["alice"], title="Payslip question filed under IT")["id"]
    # A PATCH would have to read back a row ivan may no longer see (ADR 0008).
    response = http.patch(
        "/requests",
        params={"id": f"eq.{request_id}"},
        json={"category": "HR"},
        headers=auth(tokens["ivan"], Prefer="return=minimal"),
    )
    assert response.status_code == 403
    response = http.post(
        "/rpc/move_request",
        json={"request_id": request_id, "category": "HR"},
        headers=auth(tokens["ivan"]),
    )
    assert response.status_code == 204, response.text
    assert (
        http.get(
            "/requests", params={"id": f"eq.{request_id}"}, headers=auth(tokens["ivan"])
        ).json()
        == []
    )
    hr_view = http.get(
        "/requests", params={"id": f"eq.{request_id}"}, headers=auth(tokens["hana"])
    ).json()
    assert hr_view[0]["category"] == "HR"


def test_my_sessions_revoke_one_and_others(
    http: httpx.Client, stack: LocalStack, new_person: Callable[..., Person]
) -> None:
    olga = new_person("olga", agent_of={"OPS", "ADMIN"})
    first, second, third = (stack.token(olga.email).token for _ in range(3))
    sessions = http.get("/my_sessions", headers=auth(first)).json()
    assert sum(1 for s in sessions if s["current"]) == 1
    assert {"id", "method", "created_at", "last_seen_at", "user_agent", "current"} == set(
        sessions[0]
    )
    current = next(s["id"] for s in sessions if s["current"])

    other = http.get("/my_sessions", headers=auth(second)).json()
    second_id = next(s["id"] for s in other if s["current"])
    response = http.post("/rpc/revoke_session", json={"session_id": second_id}, headers=auth(first))
    assert response.status_code == 204, response.text
    assert http.get("/me", headers=auth(second)).status_code == 401

    response = http.post("/rpc/revoke_other_sessions", json={}, headers=auth(first))
    assert response.status_code == 200 and response.json() >= 1
    assert http.get("/me", headers=auth(third)).status_code == 401
    assert http.get("/me", headers=auth(first)).status_code == 200
    remaining = http.get("/my_sessions", headers=auth(first)).json()
    assert [s["id"] for s in remaining] == [current]


def test_postgrest_py_client_reads_the_contract(
    http: httpx.Client, base_url: str, tokens: dict[str, str]
) -> None:
    file_request(http, tokens["alice"])
    with SyncPostgrestClient(
        base_url, schema="api", headers={"Authorization": f"Bearer {tokens['ivan']}"}
    ) as client:
        result = (
            client.from_("requests").select("key,category").eq("category", "IT").limit(5).execute()
        )
        rows = cast(list[dict[str, Any]], result.data)
        assert rows and all(row["category"] == "IT" for row in rows)
        counts = client.from_("request_counts").select("*").execute()
        assert counts.data
