"""The OIDC stand-in for Azure AD (`oidc-provider-mock`), local runs and tests only.

It runs on http://127.0.0.1:<port> while the app is on http://localhost:<port>:
two sites, as Entra ID and Reqstly are in production. The seeded demo
people are registered with the same `tid`/`oid` claims as in
db/seed/dev_seed.sql, so typing `alice` in its form signs in Alice.
"""

from __future__ import annotations

import json
import re
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from devstack import processes
from devstack.paths import ROOT, SEED

OIDC_BIN = ROOT / ".venv" / "bin" / "oidc-provider-mock"
# ('person id', 'tenant id', 'object id', 'Display Name', 'email', is_admin)
_SEEDED_PERSON = re.compile(
    r"\(\s*'(?P<id>[0-9a-f-]{36})',\s*'(?P<tid>[0-9a-f-]{36})',\s*'(?P<oid>[0-9a-f-]{36})',"
    r"\s*'(?P<name>[^']+)',\s*'(?P<email>[^']+)',\s*(?:true|false)\s*\)"
)


@dataclass(frozen=True)
class DemoPerson:
    """A seeded person as the stand-in knows them; `sub` is the sign-in name."""

    sub: str
    tenant_id: str
    object_id: str
    name: str
    email: str

    def claims(self) -> dict[str, str]:
        return {
            "tid": self.tenant_id,
            "oid": self.object_id,
            "name": self.name,
            "email": self.email,
            "preferred_username": self.email,
            "ver": "2.0",
        }


def demo_people(seed: Path = SEED) -> list[DemoPerson]:
    """The people of db/seed/dev_seed.sql; the sign-in name is the email's local part."""
    people = [
        DemoPerson(
            sub=match["email"].split("@", 1)[0],
            tenant_id=match["tid"],
            object_id=match["oid"],
            name=match["name"],
            email=match["email"],
        )
        for match in _SEEDED_PERSON.finditer(seed.read_text())
    ]
    if not people:
        raise RuntimeError(f"no demo people found in {seed}")
    return people


def demo_tenant_id(people: list[DemoPerson]) -> str:
    tenants = {person.tenant_id for person in people}
    if len(tenants) != 1:
        raise RuntimeError("the demo people should share one tenant")
    return tenants.pop()


def register_user(base_url: str, sub: str, claims: dict[str, str]) -> None:
    """Give `sub` these claims in the stand-in (its `PUT /users/{sub}` API)."""
    request = urllib.request.Request(  # noqa: S310 (local URL)
        f"{base_url}/users/{sub}",
        data=json.dumps(claims).encode(),
        method="PUT",
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=5) as response:  # noqa: S310
        if response.status != 204:
            raise RuntimeError(f"the OIDC stand-in refused user {sub}: {response.status}")


@dataclass
class OidcStandIn:
    service: processes.Service
    url: str
    people: list[DemoPerson]


def start_oidc(run_dir: Path, people: list[DemoPerson] | None = None) -> OidcStandIn:
    """Start the stand-in on a free port of 127.0.0.1 and register the demo people."""
    if not OIDC_BIN.exists():
        raise RuntimeError(f"{OIDC_BIN} is missing: run make setup")
    port = processes.free_port()
    url = f"http://127.0.0.1:{port}"
    service = processes.start(
        "oidc-stand-in",
        [str(OIDC_BIN), "--host", "127.0.0.1", "--port", str(port), "--require-nonce", "true"],
        run_dir / "oidc-stand-in.log",
    )
    processes.wait_until(
        service, processes.http_ok(f"{url}/.well-known/openid-configuration"), timeout=30
    )
    registered = demo_people() if people is None else people
    for person in registered:
        register_user(url, person.sub, person.claims())
    return OidcStandIn(service, url, registered)
