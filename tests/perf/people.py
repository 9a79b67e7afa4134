"""The simulated people: seeded bench people, each with a live session and token."""

from __future__ import annotations

from devstack.stack import LocalStack
from tests.perf.load import Person
from tests.perf.seed import AGENTS_PER_CATEGORY, CATEGORIES, EMAIL, PEOPLE, agent_number

AGENT_SHARE = 5  # one simulated person in five is an agent


def simulated_people(stack: LocalStack, count: int, lifetime_seconds: int) -> list[Person]:
    """`count` people, one in five an agent (spread over the categories), the rest requesters.

    Each gets their own session and access token, valid for `lifetime_seconds`
    (longer than the run, so a soak is never failed by expiry).
    """
    agents = count // AGENT_SHARE
    if agents > AGENTS_PER_CATEGORY * len(CATEGORIES):
        raise ValueError(f"at most {AGENTS_PER_CATEGORY * len(CATEGORIES)} agents are seeded")
    wanted: list[tuple[int, tuple[str, ...]]] = [
        (
            agent_number(CATEGORIES[i % len(CATEGORIES)], i // len(CATEGORIES)),
            (CATEGORIES[i % len(CATEGORIES)],),
        )
        for i in range(agents)
    ]
    first_requester = AGENTS_PER_CATEGORY * len(CATEGORIES) + 1
    requesters = range(first_requester, PEOPLE - 1)  # the last two are admins
    if count - agents > len(requesters):
        raise ValueError(f"at most {len(requesters)} requesters are seeded")
    wanted += [(n, ()) for n in requesters[: count - agents]]
    with stack.connect() as conn:
        ids: dict[str, str] = dict(
            conn.execute(
                "select email, id::text from app.users where email = any(%s)",
                ([EMAIL.format(n=n) for n, _ in wanted],),
            ).fetchall()
        )
    people = []
    for n, categories in wanted:
        email = EMAIL.format(n=n)
        token = stack.token(email, lifetime_seconds=lifetime_seconds)
        people.append(Person(email=email, id=ids[email], token=token.token, categories=categories))
    return people
