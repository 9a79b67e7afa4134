"""Rights from Entra ID through the admin screen's calls (0930): refused with
409 and a sentence that says where to change them, shown in /people."""

from __future__ import annotations

from collections.abc import Callable

import httpx
import pytest

from devstack.stack import LocalStack
from tests.api.conftest import auth
from tests.people import Person

REFUSAL = "rights come from their Entra ID app roles, so they cannot be changed in Reqstly."


@pytest.fixture
def mapped(stack: LocalStack, new_person: Callable[..., Person]) -> Person:
    """A person who signed in while authsvc maps Entra app roles (agent of IT)."""
    person = new_person("erin")
    with stack.connect() as conn:
        conn.execute(
            "select auth.upsert_azure_person(%s, %s, %s, %s, true, false, array['IT'])",
            (person.tenant_id, person.object_id, person.display_name, person.email),
        )
    return person


@pytest.mark.parametrize(
    ("method", "path", "body"),
    [
        ("POST", "/rpc/set_admin", {"is_admin": True}),
        ("POST", "/team_members", {"category": "HR"}),
        ("DELETE", "/team_members?category=eq.IT", None),
    ],
    ids=["set_admin", "add agent", "remove agent"],
)
def test_the_admin_screen_is_told_where_rights_live(
    http: httpx.Client,
    tokens: dict[str, str],
    mapped: Person,
    method: str,
    path: str,
    body: dict[str, object] | None,
) -> None:
    if body is None:
        path = f"{path}&user_id=eq.{mapped.id}"
    else:
        body = {("person_id" if "rpc" in path else "user_id"): mapped.id, **body}
    response = http.request(method, path, json=body, headers=auth(tokens["admin"]))
    assert response.status_code == 409, response.text
    refusal = response.json()
    assert refusal["message"] == f"{mapped.display_name}'s {REFUSAL}"
    assert refusal["hint"].startswith("Change their app role assignment in Entra ID")
    assert refusal["details"] == "person_id"
    person = http.get(
        "/people", params={"id": f"eq.{mapped.id}"}, headers=auth(tokens["admin"])
    ).json()
    assert person[0]["agent_categories"] == ["IT"] and person[0]["is_admin"] is False


def test_people_shows_admins_whose_rights_come_from_entra(
    http: httpx.Client, tokens: dict[str, str], people: dict[str, Person], mapped: Person
) -> None:
    rows = http.get(
        "/people",
        params={"id": f"in.({mapped.id},{people['ivan'].id})", "select": "id,rights_from_entra"},
        headers=auth(tokens["admin"]),
    ).json()
    assert {row["id"]: row["rights_from_entra"] for row in rows} == {
        mapped.id: True,
        people["ivan"].id: False,
    }
