"""A realistic data set for the benchmark, written through the real triggers.

Every request, status move and comment is made *as* the person who would make
it (role web_user and their JWT claims, as PostgREST sets them), so the
defaults, the status machine and the hash-chained audit trail are the real
ones. Writing set-based statements (one per person or per agent and move)
instead of one call per row keeps it to a few minutes: the per-row cost is the
triggers themselves, which is exactly what must stay true.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

import psycopg

CATEGORIES = ("IT", "OPS", "ADMIN", "HR")
PEOPLE = 500
REQUESTS_PER_PERSON = 200  # 500 × 200 = 100 000 requests
AGENTS_PER_CATEGORY = 10
EMAIL = "bench-{n}@example.com"

# Words for titles and descriptions, so full-text search has something to find.
TITLE_WORDS = [
    "printer",
    "laptop",
    "VPN",
    "badge",
    "contract",
    "desk",
    "invoice",
    "payroll",
    "monitor",
    "password",
    "meeting",
    "room",
    "parking",
    "leave",
    "access",
    "account",
    "phone",
    "chair",
    "laptop-bag",
    "keyboard",
]


@dataclass
class SeedTimings:
    phases: dict[str, float] = field(default_factory=dict)

    @property
    def total(self) -> float:
        return sum(self.phases.values())


def agent_number(category: str, index: int) -> int:
    """Person number of the `index`-th agent (0-based) of `category`: 1…40."""
    return 1 + CATEGORIES.index(category) * AGENTS_PER_CATEGORY + index


def _act_as(conn: psycopg.Connection, person_id: str) -> None:
    conn.execute(
        "select set_config('request.jwt.claims', json_build_object('sub', %s::text, 'role', 'web_user')::text, true)",
        (person_id,),
    )
    conn.execute("set local role web_user")


def is_seeded(conn: psycopg.Connection) -> bool:
    row = conn.execute(
        "select count(*) from app.users where email like 'bench-%%@example.com'"
    ).fetchone()
    return bool(row and row[0] >= PEOPLE)


def seed(conn: psycopg.Connection) -> SeedTimings:
    """Load 500 people, 100 000 requests, their moves and comments. `conn` is a superuser's."""
    timings = SeedTimings()
    conn.autocommit = False

    def phase(name: str, started: float) -> None:
        conn.commit()
        timings.phases[name] = round(time.monotonic() - started, 2)

    started = time.monotonic()
    conn.execute(
        """insert into app.users (tenant_id, object_id, display_name, email, is_admin)
           select gen_random_uuid(), gen_random_uuid(), 'Bench Person ' || g, 'bench-' || g || '@example.com',
                  g in (%s, %s)
             from generate_series(1, %s) g""",
        (PEOPLE - 1, PEOPLE, PEOPLE),
    )
    for category in CATEGORIES:
        conn.execute(
            """insert into app.team_members (user_id, category)
               select u.id, %s from app.users u
                where u.email = any(%s)""",
            (
                category,
                [EMAIL.format(n=agent_number(category, i)) for i in range(AGENTS_PER_CATEGORY)],
            ),
        )
    ids: dict[int, str] = dict(
        conn.execute(
            "select substring(email from 'bench-(\\d+)@')::int, id::text from app.users where email like 'bench-%%'"
        ).fetchall()
    )
    phase("people", started)

    # Requests: each person files 200, spread over the categories and priorities.
    started = time.monotonic()
    words = list(TITLE_WORDS)
    for n in range(1, PEOPLE + 1):
        _act_as(conn, ids[n])
        conn.execute(
            """insert into api.requests (title, description, category, priority)
               select initcap(w[1 + (g * 7 + %(n)s) %% cardinality(w)]) || ' ' || w[1 + (g * 3 + %(n)s) %% cardinality(w)]
                          || ' needs attention (' || %(n)s || '/' || g || ')',
                      'Since this morning the ' || w[1 + (g * 5 + %(n)s) %% cardinality(w)]
                          || ' does not work as it should. Steps to reproduce and details follow. '
                          || repeat('More context from the requester. ', 1 + g %% 8),
                      (array['IT', 'IT', 'OPS', 'ADMIN', 'HR'])[1 + (g + %(n)s) %% 5],
                      (array['normal', 'normal', 'low', 'high', 'normal', 'urgent'])[1 + (g * 11 + %(n)s) %% 6]
                 from generate_series(1, %(count)s) g, (select %(words)s::text[] as w) words""",
            {"n": n, "count": REQUESTS_PER_PERSON, "words": words},
        )
        conn.execute("reset role")
        if n % 100 == 0:
            conn.commit()
    phase("requests", started)

    # Status moves through app.set_request_status, by the agents of each category
    # (spread over its agents) and the requesters: about 30 % stay open, 20 % in
    # progress, 40 % resolved (with a resolution note), 10 % cancelled.
    started = time.monotonic()
    for category in CATEGORIES:
        for i in range(AGENTS_PER_CATEGORY):
            _act_as(conn, ids[agent_number(category, i)])
            # bucket = id mod 10: 0-2 open, 3-4 in progress, 5-8 resolved, 9 cancelled
            conn.execute(
                """select count(app.set_request_status(r.id, 'in_progress'))
                     from app.requests r
                    where r.category = %s and r.status = 'open' and r.id %% 10 between 3 and 8
                      and (r.id / 10) %% %s = %s""",
                (category, AGENTS_PER_CATEGORY, i),
            )
            conn.execute(
                """select count(app.set_request_status(r.id, 'resolved',
                                 'Fixed: replaced the part and checked it with the requester.'))
                     from app.requests r
                    where r.category = %s and r.status = 'in_progress' and r.id %% 10 between 5 and 8
                      and r.assignee_id = %s""",
                (category, ids[agent_number(category, i)]),
            )
            conn.execute("reset role")
        conn.commit()
    for n in range(1, PEOPLE + 1):
        _act_as(conn, ids[n])
        conn.execute(
            """select count(app.set_request_status(r.id, 'cancelled'))
                 from app.requests r
                where r.requester_id = %s and r.status = 'open' and r.id %% 10 = 9""",
            (ids[n],),
        )
        conn.execute("reset role")
    phase("moves", started)

    # Comments: requesters ask on half of their requests, agents answer on a
    # third of their category's (some as internal notes).
    started = time.monotonic()
    for n in range(1, PEOPLE + 1):
        _act_as(conn, ids[n])
        conn.execute(
            """insert into api.comments (request_id, body, internal)
               select r.id, 'Any update on this? It is blocking my work.', false
                 from app.requests r
                where r.requester_id = %s and r.status <> 'cancelled' and r.id %% 2 = 0""",
            (ids[n],),
        )
        conn.execute("reset role")
        if n % 100 == 0:
            conn.commit()
    for category in CATEGORIES:
        for i in range(AGENTS_PER_CATEGORY):
            _act_as(conn, ids[agent_number(category, i)])
            conn.execute(
                """insert into api.comments (request_id, body, internal)
                   select r.id,
                          case when r.id %% 2 = 0 then 'Checked the logs; the cause is a misconfiguration.'
                               else 'We are on it and will report back today.' end,
                          r.id %% 2 = 0
                     from app.requests r
                    where r.category = %s and r.status <> 'cancelled' and r.id %% 3 = 0
                      and (r.id / 10) %% %s = %s""",
                (category, AGENTS_PER_CATEGORY, i),
            )
            conn.execute("reset role")
    phase("comments", started)

    started = time.monotonic()
    conn.autocommit = True
    conn.execute("vacuum analyze")
    timings.phases["vacuum_analyze"] = round(time.monotonic() - started, 2)
    return timings


def verify_sample(conn: psycopg.Connection, sample: int = 300) -> dict[str, object]:
    """Recompute a random sample of audit chains with app.verify_audit_chain."""
    rows = conn.execute(
        """select (app.verify_audit_chain(r.id)).ok
             from (select id from app.requests order by random() limit %s) r""",
        (sample,),
    ).fetchall()
    heads = conn.execute(
        """select count(*) filter (where h.request_id is null)
             from app.requests r left join app.audit_heads h on h.request_id = r.id"""
    ).fetchone()
    return {
        "chains_checked": len(rows),
        "chains_intact": sum(1 for (ok,) in rows if ok),
        "requests_without_chain": int(heads[0]) if heads else -1,
    }


def counts(conn: psycopg.Connection) -> dict[str, int]:
    row = conn.execute(
        """select (select count(*) from app.users), (select count(*) from app.requests),
                  (select count(*) from app.comments), (select count(*) from app.audit_log)"""
    ).fetchone()
    assert row is not None
    status_rows = conn.execute("select status, count(*) from app.requests group by 1").fetchall()
    return {
        "people": row[0],
        "requests": row[1],
        "comments": row[2],
        "audit_entries": row[3],
        **{f"requests_{status}": int(c) for status, c in status_rows},
    }
