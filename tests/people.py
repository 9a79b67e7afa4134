"""People for tests: new ones of a test's own (the factory), the seeded demo
people (db/seed/dev_seed.sql), and acting as a person inside the database.

Suites that commit what they do (HTTP, authsvc, end-to-end) create their own
people with `create_person` / `create_team`, so they never share rows with
each other or with the demo seed. Database tests run inside a transaction
that is rolled back, so they may use the seeded people (`load_people`) or
create their own in that transaction.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable
from dataclasses import dataclass

import psycopg

DEMO_EMAILS = {
    "alice": "alice@example.com",
    "ivan": "ivan@example.com",
    "hana": "hana@example.com",
    "olga": "olga@example.com",
    "admin": "admin@example.com",
}
DEMO_ADMIN_LOGIN = "reqstly_demo_admin"

# The demo people's roles: (is_admin, agent categories). create_team makes
# new people in the same roles under the same names.
DEMO_ROLES: dict[str, tuple[bool, tuple[str, ...]]] = {
    "alice": (False, ()),
    "ivan": (False, ("IT",)),
    "hana": (False, ("HR",)),
    "olga": (False, ("ADMIN", "OPS")),
    "admin": (True, ()),
}

# The Entra tenant of people the factory creates (the demo seed uses another).
TEST_TENANT = "7e4a1c00-0000-4000-8000-0000000075e7"


@dataclass(frozen=True)
class Person:
    name: str
    id: str
    email: str
    is_admin: bool
    agent_categories: frozenset[str]
    display_name: str = ""
    tenant_id: str = ""
    object_id: str = ""


People = dict[str, Person]


def create_person(
    conn: psycopg.Connection,
    name: str = "person",
    *,
    admin: bool = False,
    agent_of: Iterable[str] = (),
    tenant_id: str = TEST_TENANT,
) -> Person:
    """A new person with a unique email and Entra identity (`tenant_id`, random oid).

    `conn` is a superuser connection to the app database (`stack.connect()`
    for suites that commit, the `db` fixture inside a rolled-back test).
    Their display name is `name` capitalised plus a short unique suffix.
    Agent rights and the admin flag are set as an unmapped superuser does at
    psql, so app.rights_log records them like any admin's change.
    """
    suffix = uuid.uuid4().hex[:8]
    object_id = str(uuid.uuid4())
    email = f"{name}.{suffix}@people.test"
    display_name = f"{name.capitalize()} {suffix}"
    row = conn.execute(
        """insert into app.users (tenant_id, object_id, display_name, email)
           values (%s, %s, %s, %s) returning id::text""",
        (tenant_id, object_id, display_name, email),
    ).fetchone()
    assert row is not None
    person_id = str(row[0])
    categories = frozenset(agent_of)
    for category in sorted(categories):
        conn.execute(
            "insert into app.team_members (user_id, category) values (%s, %s)",
            (person_id, category),
        )
    if admin:
        conn.execute("select app.set_admin(%s, true)", (person_id,))
    return Person(name, person_id, email, admin, categories, display_name, tenant_id, object_id)


@dataclass(frozen=True)
class StandInPerson:
    """A person of the test's own who can sign in through the OIDC stand-in
    as `sub` (its claims carry the person's tenant and object id)."""

    sub: str
    person: Person


def create_stand_in_person(
    conn: psycopg.Connection,
    stand_in_url: str,
    tenant_id: str,
    name: str = "person",
    *,
    admin: bool = False,
    agent_of: Iterable[str] = (),
) -> StandInPerson:
    """`create_person` in the stand-in's tenant, registered with the stand-in
    (`PUT /users/{sub}`) so that signing in as `sub` is signing in as them."""
    from devstack.oidc import register_user

    person = create_person(conn, name, admin=admin, agent_of=agent_of, tenant_id=tenant_id)
    sub = f"{name}-{person.object_id[:8]}"
    register_user(
        stand_in_url,
        sub,
        {
            "tid": tenant_id,
            "oid": person.object_id,
            "name": person.display_name,
            "email": person.email,
        },
    )
    return StandInPerson(sub, person)


def create_team(conn: psycopg.Connection) -> People:
    """New people in the demo roles: alice (requester), ivan (IT), hana (HR),
    olga (ADMIN and OPS), admin (an admin)."""
    return {
        name: create_person(conn, name, admin=admin, agent_of=categories)
        for name, (admin, categories) in DEMO_ROLES.items()
    }


def load_people(conn: psycopg.Connection) -> People:
    """The seeded demo people (only for tests that roll back what they do)."""
    people: People = {}
    for name, email in DEMO_EMAILS.items():
        row = conn.execute(
            """select u.id::text, u.is_admin,
                      coalesce(array_agg(tm.category) filter (where tm.category is not null), '{}'),
                      u.display_name, u.tenant_id::text, u.object_id::text
                 from app.users u left join app.team_members tm on tm.user_id = u.id
                where u.email = %s group by u.id""",
            (email,),
        ).fetchone()
        assert row is not None, f"{email} is not seeded"
        people[name] = Person(name, row[0], email, row[1], frozenset(row[2]), *row[3:])
    return people


def authenticate_as(
    conn: psycopg.Connection, person: Person, session_id: str | None = None
) -> None:
    """Do what PostgREST does for a request with this person's token."""
    claims = {"sub": person.id, "role": "web_user", "aud": "reqstly"}
    if session_id:
        claims["sid"] = session_id
    conn.execute("select set_config('request.jwt.claims', %s, true)", (json.dumps(claims),))
    conn.execute("set local role web_user")


def act_as_psql_admin(conn: psycopg.Connection) -> None:
    """Be the demo admin at a psql prompt (their own login role, no JWT)."""
    conn.execute("select set_config('request.jwt.claims', '', true)")
    conn.execute(f"set local role {DEMO_ADMIN_LOGIN}")


def clear_authentication(conn: psycopg.Connection) -> None:
    conn.execute("reset role")
    conn.execute("select set_config('request.jwt.claims', '', true)")
