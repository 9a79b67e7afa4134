"""People of an end-to-end test's own (tests/people.py's factory), who sign in
through the OIDC stand-in's "Sign in with Microsoft", so no browser test leans
on the seeded demo people or on rows other tests leave behind."""

from __future__ import annotations

from collections.abc import Iterable

from devstack.stack import LocalStack
from tests.people import StandInPerson, create_stand_in_person


def new_person(
    stack: LocalStack,
    name: str,
    *,
    admin: bool = False,
    agent_of: Iterable[str] = (),
) -> StandInPerson:
    """A new person (admin and agent rights as asked); sign in as `.sub`."""
    assert stack.sign_in is not None
    oidc = stack.sign_in.oidc
    with stack.connect() as conn:
        return create_stand_in_person(
            conn, oidc.url, oidc.people[0].tenant_id, name, admin=admin, agent_of=agent_of
        )
