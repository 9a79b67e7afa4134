"""Through Caddy's host port: the SPA, /rest and /auth answer, and a person
signs in (Azure, played by the OIDC stand-in) and files a request."""

from __future__ import annotations

from tests.swarm.drills import a_category
from tests.swarm.swarm import Swarm


def test_spa_rest_and_auth_answer_through_caddy(swarm: Swarm) -> None:
    with swarm.client() as http:
        spa = http.get("/")
        assert spa.status_code == 200
        assert "<html" in spa.text.lower()
        assert http.get("/auth/livez").status_code == 200
        rest = http.get("/rest/categories")
        assert rest.headers["content-type"].startswith("application/json"), rest.text


def test_a_person_signs_in_and_files_a_request(swarm: Swarm) -> None:
    headers = swarm.sign_in("swarm-alice")
    with swarm.client() as http:
        me = http.get("/rest/me", headers=headers)
        assert me.status_code == 200, me.text
        assert me.json()[0]["email"] == "swarm-alice@example.com"
        filed = http.post(
            "/rest/requests",
            json={
                "title": "Printer on floor 3 is jammed",
                "description": "Filed on the real Swarm",
                "category": a_category(swarm, headers),
                "priority": "normal",
            },
            headers={**headers, "Prefer": "return=representation"},
        )
        assert filed.status_code == 201, filed.text
        (row,) = filed.json()
        assert row["status"] == "open"
        mine = http.get(f"/rest/requests?id=eq.{row['id']}", headers=headers)
        assert [r["title"] for r in mine.json()] == ["Printer on floor 3 is jammed"]
