"""People of an end-to-end test's own, so no test leans on the seeded demo
people or on rows other tests leave behind.

A person is written to app.users first (with the rights the test needs),
then registered at the OIDC stand-in with the same `tid`/`oid`, so signing
in through "Sign in with Microsoft" finds exactly that row.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass

from devstack.oidc import register_user
from devstack.stack import LocalStack


@dataclass(frozen=True)
class E2ePerson:
    sign_in_name: str
    id: str
    display_name: str
    email: str


def new_person(
    stack: LocalStack,
    role: str,
    *,
    admin: bool = False,
    agent_of: Iterable[str] = (),
) -> E2ePerson:
    """A new person called "<role> <random>" (admin and agent rights as asked)."""
    assert stack.sign_in is not None
    tag = uuid.uuid4().hex[:8]
    sign_in_name = f"e2e-{tag}"
    display_name = f"{role} {tag}"
    email = f"{sign_in_name}@example.com"
    tenant_id = stack.sign_in.oidc.people[0].tenant_id
    object_id = str(uuid.uuid4())
    with stack.connect() as conn:
        row = conn.execute(
            """insert into app.users (tenant_id, object_id, display_name, email, is_admin)
               values (%s, %s, %s, %s, %s) returning id::text""",
            (tenant_id, object_id, display_name, email, admin),
        ).fetchone()
        assert row is not None
        for category in agent_of:
            conn.execute(
                "insert into app.team_members (user_id, category) values (%s, %s)",
                (row[0], category),
            )
    register_user(
        stack.sign_in.oidc.url,
        sign_in_name,
        {"tid": tenant_id, "oid": object_id, "name": display_name, "email": email},
    )
    return E2ePerson(sign_in_name, row[0], display_name, email)
