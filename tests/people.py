"""The seeded demo people (db/seed/dev_seed.sql) and how tests act as them;
people of a test's own for sign-in tests (`new_stand_in_person`)."""

from __future__ import annotations

import json
import uuid
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


@dataclass(frozen=True)
class Person:
    name: str
    id: str
    email: str
    is_admin: bool
    agent_categories: frozenset[str]


People = dict[str, Person]


def load_people(conn: psycopg.Connection) -> People:
    people: People = {}
    for name, email in DEMO_EMAILS.items():
        row = conn.execute(
            """select u.id::text, u.is_admin,
                      coalesce(array_agg(tm.category) filter (where tm.category is not null), '{}')
                 from app.users u left join app.team_members tm on tm.user_id = u.id
                where u.email = %s group by u.id""",
            (email,),
        ).fetchone()
        assert row is not None, f"{email} is not seeded"
        people[name] = Person(name, row[0], email, row[1], frozenset(row[2]))
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


@dataclass(frozen=True)
class StandInPerson:
    """A person of one test's own in the OIDC stand-in: signing in as `sub`
    creates them in Reqstly (tenant + object id), so no test shares them."""

    sub: str
    tenant_id: str
    object_id: str
    display_name: str
    email: str

    def id_in(self, conn: psycopg.Connection) -> str:
        """Their Reqstly id, once they have signed in."""
        row = conn.execute(
            "select id::text from app.users where tenant_id = %s and object_id = %s",
            (self.tenant_id, self.object_id),
        ).fetchone()
        assert row is not None, f"{self.sub} has not signed in yet"
        return str(row[0])


def new_stand_in_person(stand_in_url: str, tenant_id: str, label: str = "tester") -> StandInPerson:
    """Register a fresh person in the OIDC stand-in (its `PUT /users/{sub}`)."""
    from devstack.oidc import register_user

    sub = f"{label}-{uuid.uuid4().hex[:10]}"
    person = StandInPerson(
        sub=sub,
        tenant_id=tenant_id,
        object_id=str(uuid.uuid4()),
        display_name=f"{label.capitalize()} {sub[-4:]}",
        email=f"{sub}@example.com",
    )
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
    return person
