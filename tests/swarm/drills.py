"""What several drills share: a signed-in person's load through Caddy."""

from __future__ import annotations

from tests.swarm.load import Load, LoadResult
from tests.swarm.swarm import Swarm


def a_category(swarm: Swarm, headers: dict[str, str]) -> str:
    with swarm.client() as http:
        response = http.get("/rest/categories", headers=headers)
        assert response.status_code == 200, response.text
        code: str = response.json()[0]["code"]
        return code


def api_load(swarm: Swarm, headers: dict[str, str], *, writers: int = 0) -> Load:
    """Reads (and creates) of PostgREST through Caddy, as a signed-in person."""
    return Load(
        client=swarm.client,
        read_paths=["/rest/requests?limit=5&order=id.desc", "/rest/me", "/rest/categories"],
        headers=headers,
        readers=3,
        writers=writers,
        create_body={
            "title": "Swarm drill",
            "description": "filed while the stack changes",
            "category": a_category(swarm, headers),
            "priority": "normal",
        },
    )


def every_create_is_there(swarm: Swarm, headers: dict[str, str], result: LoadResult) -> None:
    ids = sorted(set(result.created))
    if not ids:
        return
    with swarm.client() as http:
        found: set[int] = set()
        for start in range(0, len(ids), 100):
            chunk = ids[start : start + 100]
            response = http.get(
                f"/rest/requests?select=id&id=in.({','.join(map(str, chunk))})", headers=headers
            )
            assert response.status_code == 200, response.text
            found |= {row["id"] for row in response.json()}
    assert found == set(ids), f"acknowledged creates missing: {sorted(set(ids) - found)[:10]}"
